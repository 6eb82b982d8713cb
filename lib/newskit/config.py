"""Every path and environment variable of the kit, in one place.

Notebooks run with their own folder as working directory (nbconvert, JupyterLab)
or with the repository root (papermill from a shell); resolving paths here keeps
both working without ``sys.path`` or ``os.chdir`` tricks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from newskit.errors import ArgumentError

__all__ = ["DEFAULT_MAX_FILE_BYTES", "DEFAULT_NO_WORKER_SECONDS", "MAX_FILE_BYTES_ENV", "NO_WORKER_SECONDS_ENV",
           "ROOT_ENV", "SCHEDULER_ENV", "base_gazetteer_files", "figures_dir", "find_project_root",
           "is_shipped_corpus", "max_file_bytes", "no_worker_seconds", "processed_dir", "project_gazetteer_file",
           "reports_dir", "resolve_data_dir"]

#: Environment variable that overrides where the project root is.
ROOT_ENV = "NEWSKIT_ROOT"
#: Environment variable naming the scheduler of a running Dask cluster.
SCHEDULER_ENV = "NEWSKIT_DASK_SCHEDULER"
#: Environment variable: the largest file (article or catalog) the loader
#: reads, in bytes (``268435456``) or with a binary suffix (``256M``, ``2G``).
MAX_FILE_BYTES_ENV = "NEWSKIT_MAX_FILE_BYTES"
#: 256 MiB: a hundred times the longest news article, small enough that
#: decoding it (up to four bytes per character in memory) fits any laptop.
DEFAULT_MAX_FILE_BYTES = 256 * 2**20
_SIZE_RE = re.compile(r"(\d+)\s*([KMG]?)(?:i?B)?", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


#: Environment variable: seconds a Dask run waits while its scheduler has no
#: worker at all before it gives up (``0``: wait for ever, e.g. for an
#: adaptive cluster that starts workers slowly).
NO_WORKER_SECONDS_ENV = "NEWSKIT_DASK_NO_WORKER_SECONDS"
DEFAULT_NO_WORKER_SECONDS = 120.0


def no_worker_seconds() -> float:
    """``$NEWSKIT_DASK_NO_WORKER_SECONDS`` or :data:`DEFAULT_NO_WORKER_SECONDS`
    (``0`` or less: no limit, returned as ``inf``)."""
    raw = os.environ.get(NO_WORKER_SECONDS_ENV, "").strip()
    if not raw:
        return DEFAULT_NO_WORKER_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        raise ArgumentError(f"{NO_WORKER_SECONDS_ENV}={raw!r} is not a number of seconds "
                            "(e.g. 120; 0 = no limit)") from None
    return seconds if seconds > 0 else float("inf")


def max_file_bytes() -> int:
    """The per-file size limit: ``$NEWSKIT_MAX_FILE_BYTES`` or
    :data:`DEFAULT_MAX_FILE_BYTES`.  Read on every call, so a notebook can
    raise it with ``os.environ`` for one big file without restarting."""
    raw = os.environ.get(MAX_FILE_BYTES_ENV, "").strip().replace("_", "")
    if not raw:
        return DEFAULT_MAX_FILE_BYTES
    match = _SIZE_RE.fullmatch(raw)
    if match is None or int(match.group(1)) == 0:
        raise ArgumentError(f"{MAX_FILE_BYTES_ENV}={raw!r} is not a positive size in bytes "
                            "(examples: 268435456, 512M, 2G)")
    return int(match.group(1)) * _SIZE_UNITS[match.group(2).lower()]


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
