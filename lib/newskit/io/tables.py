"""Write derived tables atomically, with the tool versions beside them.

A table in ``data/processed/`` is only trustworthy if one can tell which
tokenizer and dictionary made it and if a crash mid-write can never leave a
half-written file behind: each CSV is written to a temporary file in the same
folder and renamed over the target (atomic on POSIX), and a ``.meta.json``
sidecar records the versions.  Output is deterministic (sorted keys, no
timestamps) so two runs give byte-identical files.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from newskit.io.versions import tool_versions

__all__ = ["meta_path", "read_table", "write_atomic", "write_table"]


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``.

    A failure raises the ``OSError`` of the same kind (``PermissionError``,
    ``ENOSPC``…) naming ``path``, never the hidden temporary file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; tables and reports are meant to be shared
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _naming(exc, path) from exc
        raise
    return path


def _naming(exc: OSError, path: Path) -> OSError:
    """``exc`` re-made to name ``path`` (``OSError(errno, …)`` picks the
    same subclass, e.g. ``PermissionError``)."""
    if exc.errno is None:
        return OSError(f"cannot write {path}: {exc}")
    return OSError(exc.errno, exc.strerror, str(path))


def meta_path(path: str | Path) -> Path:
    """The sidecar of a table: ``tokens.csv`` → ``tokens.meta.json``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.meta.json")


def write_table(frame: pd.DataFrame, path: str | Path, description: str = "") -> Path:
    """Write ``frame`` as UTF-8 CSV plus its ``.meta.json`` sidecar.

    The sidecar holds the tool versions (``frame.attrs['versions']`` or the
    current ones), the column names, the row count and ``description``."""
    path = Path(path)
    versions = frame.attrs.get("versions") or tool_versions()
    meta = {
        "table": path.name,
        "description": description,
        "rows": int(len(frame)),
        "columns": [str(c) for c in frame.columns],
        "versions": versions,
    }
    write_atomic(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    write_atomic(meta_path(path), (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, versions in ``attrs``."""
    path = Path(path)
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    sidecar = meta_path(path)
    if sidecar.is_file():
        frame.attrs["versions"] = json.loads(sidecar.read_text("utf-8"))["versions"]
    return frame
