"""Every path and environment variable of the kit, in one place.

Notebooks run with their own folder as working directory (nbconvert, JupyterLab)
or with the repository root (papermill from a shell); resolving paths here keeps
both working without ``sys.path`` or ``os.chdir`` tricks.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT_ENV", "SCHEDULER_ENV", "base_gazetteer_files", "figures_dir", "find_project_root",
           "is_shipped_corpus", "processed_dir", "project_gazetteer_file", "reports_dir", "resolve_data_dir"]

#: Environment variable that overrides where the project root is.
ROOT_ENV = "NEWSKIT_ROOT"
#: Environment variable naming the scheduler of a running Dask cluster.
SCHEDULER_ENV = "NEWSKIT_DASK_SCHEDULER"


def find_project_root(start: str | Path | None = None) -> Path:
    """Return the repository root: ``$NEWSKIT_ROOT``, or the nearest folder above
    ``start`` (default: the working directory) holding ``pyproject.toml`` and
    ``notebooks/``, or else the working directory itself."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir():
            return folder
    return here


def resolve_data_dir(data_dir: str | Path = "data") -> Path:
    """Resolve a corpus folder given as absolute, relative to the project
    root, or relative to the working directory (in that order), so
    ``DATA_DIR="data"`` means the same folder from every subfolder."""
    path = Path(data_dir)
    if path.is_absolute():
        return path.resolve()
    from_root = find_project_root() / path
    return (from_root if from_root.exists() else Path.cwd() / path).resolve()


def processed_dir(data_dir: str | Path = "data") -> Path:
    """Folder for derived tables of a corpus; always rebuildable, git-ignored."""
    return resolve_data_dir(data_dir) / "processed"


def is_shipped_corpus(data_dir: str | Path = "data") -> bool:
    """True for the project's own corpus (``data/`` of the repository), whose
    articles the notebooks' prose describes."""
    return resolve_data_dir(data_dir) == (find_project_root() / "data").resolve()


def reports_dir(data_dir: str | Path | None = None) -> Path:
    """Folder for executed notebooks, HTML and figures (generated,
    git-ignored): ``reports/`` of the project for the shipped corpus (or
    when no corpus is named), ``<corpus>/reports/`` for any other corpus, so
    a corpus's tables and figures stay beside it and two corpora whose
    folders share a name never overwrite each other's output."""
    if data_dir is None or is_shipped_corpus(data_dir):
        return find_project_root() / "reports"
    return resolve_data_dir(data_dir) / "reports"


def figures_dir(data_dir: str | Path = "data") -> Path:
    """Folder for the PNG figures of a corpus: ``figures/`` of its
    :func:`reports_dir`."""
    return reports_dir(data_dir) / "figures"


def base_gazetteer_files() -> tuple[Path, Path]:
    """The shipped base gazetteer and its rules (package data of
    ``newskit.entities``): read by the entity layer and, for the names the
    tokenizer keeps whole, by :mod:`newskit.io.aliases`."""
    folder = Path(__file__).resolve().parent / "entities" / "data"
    return folder / "base_entities.csv", folder / "base_rules.csv"


def project_gazetteer_file() -> Path:
    """``data/entities.csv`` of the project root, whatever the working
    directory (notebooks/ or the root) and whichever corpus is analysed;
    failing that, that of the checkout this (editable) package lives in."""
    path = find_project_root() / "data" / "entities.csv"
    checkout = Path(__file__).resolve().parents[2] / "data" / "entities.csv"
    return path if path.is_file() or not checkout.is_file() else checkout
