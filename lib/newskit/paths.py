"""Every path the kit reads or writes, in one place.

Notebooks run with their own folder as working directory (nbconvert, JupyterLab)
or with the repository root (papermill from a shell); resolving paths here keeps
both working without ``sys.path`` or ``os.chdir`` tricks.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that overrides where the project root is.
ROOT_ENV = "NEWSKIT_ROOT"


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


def raw_dir(data_dir: str | Path = "data") -> Path:
    """Folder of the untouched source articles of a corpus."""
    return resolve_data_dir(data_dir) / "raw"


def processed_dir(data_dir: str | Path = "data") -> Path:
    """Folder for derived tables of a corpus; always rebuildable, git-ignored."""
    return resolve_data_dir(data_dir) / "processed"


def reports_dir() -> Path:
    """Folder for executed notebooks and HTML (generated, git-ignored)."""
    return find_project_root() / "reports"


def figures_dir(data_dir: str | Path = "data") -> Path:
    """Folder for PNG figures: ``reports/figures`` for the project corpus and
    ``reports/figures/<name>`` for any other corpus, so runs never overwrite
    each other's figures."""
    base = reports_dir() / "figures"
    data = resolve_data_dir(data_dir)
    if data == (find_project_root() / "data").resolve():
        return base
    return base / data.name
