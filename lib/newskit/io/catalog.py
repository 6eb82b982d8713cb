"""Read and validate ``catalog.csv``, the list of a corpus's documents.

The catalog is the one file a researcher edits to add articles, so every
mistake in it (a missing column, a typo in a language code, a duplicated id,
a file that is not there) is reported with the catalog's path, the row and
the fix, before any text is read.  It may be separated by commas,
semicolons or tabs and saved as UTF-8, UTF-16, Shift_JIS, EUC-JP or
Windows-1252 (:mod:`newskit.io.catalog_text`).  Language values are
normalised (``JA``, ``jpn``, ``ja-JP``, ``Deutsch`` → ``ja``/``de``); an
empty value or ``auto`` becomes ``auto``: the loader detects the language.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from newskit.errors import ArgumentError, CorpusError
from newskit.io.catalog_text import decode_catalog
from newskit.lang import check_language
from newskit.lang.codes import AUTO, normalise_lang_code

__all__ = ["CATALOG_NAME", "REQUIRED_COLUMNS", "read_catalog"]

CATALOG_NAME = "catalog.csv"
REQUIRED_COLUMNS = ("doc_id", "file", "lang")
#: doc_ids become file names and table keys: keep them short, readable slugs.
DOC_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
#: Key of the row number in each record: NUL never occurs in a catalog (NUL
#: bytes are rejected as binary), so no header can collide with it.
ROW = "\x00row"


def read_catalog(root: str | Path) -> pd.DataFrame:
    """Return the validated catalog of the corpus under ``root``.

    All columns are kept as strings (further columns are metadata); blank
    rows are dropped; the row order is the reading order of the corpus."""
    path = Path(root) / CATALOG_NAME
    if not path.is_file():
        raise CorpusError(path, f"catalog not found: a corpus folder needs a {CATALOG_NAME}")
    decoded = decode_catalog(path)
    header, body = _parse_csv(decoded.text, path, decoded.delimiter)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(path, f"missing required column(s) {', '.join(missing)} (header: {', '.join(header)}); "
                                f"the first row must name doc_id, file and lang, separated by commas, "
                                f"semicolons or tabs")
    header, body = _drop_unnamed_columns(header, body, path)
    records = []
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank row: spreadsheets leave these behind
        if len(row) != len(header):
            raise CorpusError(path, f"row {number} has {len(row)} fields, the header has {len(header)}")
        records.append({ROW: number, **{h: cell.strip() for h, cell in zip(header, row)}})
    if not records:
        raise CorpusError(path, "lists no documents")
    catalog = pd.DataFrame.from_records(records)
    _normalise_languages(catalog, path)
    _validate_rows(catalog, path)
    return catalog.drop(columns=ROW).reset_index(drop=True)


def _parse_csv(text: str, path: Path, delimiter: str = ",") -> tuple[list[str], list[list[str]]]:
    """Split catalog text into the stripped header and the body rows.

    Only ``\n`` ends a record (``str.splitlines`` would also split at
    U+2028 and friends, and drop the newline inside a quoted note); strict
    quoting turns an unterminated quote into an error instead of a note that
    silently swallows the rows after it."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise CorpusError(path, f"is not valid CSV (line {reader.line_num}): {exc}") from None
    header = [h.strip() for h in rows[0]] if rows else []
    named = [h for h in header if h]
    duplicated = sorted({h for h in named if named.count(h) > 1})
    if duplicated:
        raise CorpusError(path, f"duplicate column name(s) {', '.join(duplicated)}: rename one of each")
    return header, rows[1:]


def _drop_unnamed_columns(header: list[str], body: list[list[str]], path: Path) -> tuple[list[str], list[list[str]]]:
    """Drop columns without a name that hold nothing (the trailing commas a
    spreadsheet export leaves); an unnamed column with data is an error."""
    unnamed = [k for k, h in enumerate(header) if not h]
    for k in unnamed:
        for number, row in enumerate(body, start=2):
            if k < len(row) and row[k].strip():
                raise CorpusError(path, f"column {k + 1} has no name in the header but row {number} "
                                        f"holds {row[k].strip()[:40]!r} in it: name the column")
    keep = [k for k in range(len(header)) if k not in unnamed]
    trimmed = [[row[k] for k in keep] if len(row) == len(header) else row for row in body]
    return [header[k] for k in keep], trimmed


def _normalise_languages(catalog: pd.DataFrame, path: Path) -> None:
    """Replace each row's ``lang`` by its supported code, ``auto`` for an
    empty cell (see :func:`newskit.lang.codes.normalise_lang_code`); an
    unknown value raises naming the row and what would work ("did you mean
    'ja'?")."""
    codes: dict[str, str] = {}
    for number, doc_id, value in zip(catalog[ROW], catalog["doc_id"], catalog["lang"]):
        if value not in codes:
            try:
                codes[value] = normalise_lang_code(value)
            except ArgumentError as exc:
                raise CorpusError(path, f"row {number} ({doc_id}): {exc}") from None
    catalog["lang"] = catalog["lang"].map(codes)


def _validate_rows(catalog: pd.DataFrame, path: Path) -> None:
    """Check ids, file names and languages row by row; raise on the first fault."""
    seen: dict[str, int] = {}
    for rec in catalog.to_dict("records"):
        where = f"row {rec[ROW]}"
        for column in REQUIRED_COLUMNS:
            if not rec[column]:
                raise CorpusError(path, f"{where}: empty {column!r}")
        if not DOC_ID_PATTERN.match(rec["doc_id"]):
            raise CorpusError(path, f"{where}: doc_id {rec['doc_id']!r} must be a short slug (letters, digits, - _ .)")
        if rec["doc_id"] in seen:
            raise CorpusError(path, f"{where}: duplicate doc_id {rec['doc_id']!r} (first used in row {seen[rec['doc_id']]})")
        seen[rec["doc_id"]] = rec[ROW]
        if Path(rec["file"]).is_absolute() or ".." in Path(rec["file"]).parts:
            raise CorpusError(path, f"{where}: file {rec['file']!r} must be a path inside the corpus folder")
        try:
            if rec["lang"] != AUTO:  # normalised already: 'auto' = detect at load
                check_language(rec["lang"], path)
        except CorpusError as exc:
            raise CorpusError(path, f"{where} ({rec['doc_id']}): {exc.problem}") from None
