"""environment.yml (conda users) must mirror pyproject.toml (the single source
of truth), or the two installs drift apart and results stop being comparable.

PyYAML is always present: papermill (a declared dependency) requires it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

#: conda-forge names that differ from the PyPI distribution they stand for.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}

#: Entries of environment.yml that are not project dependencies.
IGNORED = {"python", "pip"}

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*?)\s*$")


def normalise(name: str) -> str:
    """Compare names the way pip does, loosely: case and ``_``/``.`` vs ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def split_requirement(text: str) -> tuple[str, str]:
    """``"pandas>=2.2,<3.2"`` -> ``("pandas", ">=2.2,<3.2")`` (spaces removed)."""
    match = _REQUIREMENT.match(text.split(";")[0])
    assert match, f"cannot parse requirement {text!r}"
    return normalise(match.group(1)), match.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    """Runtime and dev dependencies of pyproject.toml, name -> specifier."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    entries = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        entries.extend(extra)
    return dict(split_requirement(entry) for entry in entries)


def environment_requirements() -> dict[str, str]:
    """Conda and pip entries of environment.yml, name -> specifier, with conda
    names mapped to PyPI names and ``python``/``pip``/``-e .`` left out."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    entries: list[str] = []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            entries.extend(line for line in item.get("pip", []) if not line.startswith("-"))
        else:
            entries.append(item)
    found: dict[str, str] = {}
    for entry in entries:
        name, spec = split_requirement(entry)
        name = CONDA_TO_PYPI.get(name, name)
        if name not in IGNORED:
            assert name not in found, f"{name} listed twice in environment.yml"
            found[name] = spec
    return found


def test_environment_yml_has_conda_forge_only() -> None:
    # nodefaults: the defaults channel has other licensing and ABI; never mix it in
    env = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    assert env["name"] == "newskit"
    assert env["channels"] == ["conda-forge", "nodefaults"]


def test_environment_installs_the_project_itself() -> None:
    # without `-e .` conda users would have the dependencies but not newskit
    env = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    pip = [item for item in env["dependencies"] if isinstance(item, dict)]
    assert pip and "-e ." in pip[0]["pip"]


def test_same_packages_in_both_files() -> None:
    declared = set(pyproject_requirements())
    mirrored = set(environment_requirements())
    assert mirrored - declared == set(), "only in environment.yml"
    assert declared - mirrored == set(), "only in pyproject.toml"


@pytest.mark.parametrize("name", sorted(pyproject_requirements()))
def test_same_version_bounds(name: str) -> None:
    assert environment_requirements().get(name) == pyproject_requirements()[name]


@pytest.mark.parametrize("name", sorted(pyproject_requirements()))
def test_every_dependency_is_bounded(name: str) -> None:
    # an exact pin or an upper bound: unbounded deps break old notebooks silently
    spec = pyproject_requirements()[name]
    assert spec, f"{name} has no version specifier"
    assert "==" in spec or "<" in spec or "~=" in spec, f"{name} {spec!r} has no upper bound"
