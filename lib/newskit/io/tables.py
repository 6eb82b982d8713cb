"""Write derived tables atomically, with the tool versions beside them.

A table in ``data/processed/`` is only trustworthy if one can tell which
tokenizer and dictionary made it and if a crash mid-write can never leave a
half-written file behind: each CSV is written to a temporary file in the same
folder and renamed over the target (atomic on POSIX), and a ``.meta.json``
sidecar records the versions.  Output is deterministic (sorted keys, no
timestamps) so two runs give byte-identical files.

Tables meant for spreadsheets (``spreadsheet_safe=True``; every table a
notebook writes through :class:`newskit.notebook.Outputs`) are protected
against formula injection (OWASP "CSV injection"): a text cell or column
name from an article or the catalog that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be run as a formula by Excel,
LibreOffice or Google Sheets (``=HYPERLINK(...)``), so it is written with a
leading ``'``, which spreadsheets show as text.  Cells that already start with
``'`` get one too, so the change can be undone exactly; numbers (``-3.5``,
whether a float or a string of digits) are never touched.  The sidecar
records ``"spreadsheet_safe": true`` and :func:`read_table` removes the
quote again, so a round trip through ``write_table``/``read_table`` gives the
original text; a plain ``pandas.read_csv`` shows the quoted form.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from newskit.io.versions import tool_versions

__all__ = ["FORMULA_STARTS", "meta_path", "neutralise_formulas", "read_table", "restore_formulas", "write_atomic",
           "write_table"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP),
#: plus the quote itself so that quoting can be undone exactly.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


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


def _quote_cell(value: object) -> object:
    """``'`` + ``value`` for a text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _unquote_cell(value: object) -> object:
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def _map_text(frame: pd.DataFrame, cell) -> pd.DataFrame:
    """``frame`` with ``cell`` applied to every text value and column name."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            out[name] = column.cat.rename_categories([cell(c) for c in column.cat.categories])
        elif column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            out[name] = column.map(cell, na_action="ignore")
    out.columns = [cell(c) for c in out.columns]
    return out


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names cannot run as
    spreadsheet formulas (see the module docstring)."""
    return _map_text(frame, _quote_cell)


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_formulas` (one leading ``'`` off every text)."""
    return _map_text(frame, _unquote_cell)


def write_table(frame: pd.DataFrame, path: str | Path, description: str = "", *,
                spreadsheet_safe: bool = False) -> Path:
    """Write ``frame`` as UTF-8 CSV plus its ``.meta.json`` sidecar.

    The sidecar holds the tool versions (``frame.attrs['versions']`` or the
    current ones), the column names (as written), the row count,
    ``description`` and whether formulas were neutralised
    (``spreadsheet_safe``, see the module docstring)."""
    path = Path(path)
    versions = frame.attrs.get("versions") or tool_versions()
    if spreadsheet_safe:
        frame = neutralise_formulas(frame)
    meta = {
        "table": path.name,
        "description": description,
        "rows": int(len(frame)),
        "columns": [str(c) for c in frame.columns],
        "spreadsheet_safe": spreadsheet_safe,
        "versions": versions,
    }
    write_atomic(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    write_atomic(meta_path(path), (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, versions in ``attrs``;
    the quotes of a ``spreadsheet_safe`` table are removed again."""
    path = Path(path)
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    sidecar = meta_path(path)
    if sidecar.is_file():
        meta = json.loads(sidecar.read_text("utf-8"))
        if meta.get("spreadsheet_safe"):
            frame = restore_formulas(frame)
        frame.attrs["versions"] = meta["versions"]
    return frame
