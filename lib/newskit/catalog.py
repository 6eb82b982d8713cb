"""Read and validate ``catalog.csv``, the list of a corpus's documents.

The catalog is the one file a researcher edits to add articles, so every
mistake in it (a missing column, a typo in a language code, a duplicated id,
a file that is not there) is reported with the catalog's path, the row and
the fix, before any text is read.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from newskit.decoding import read_text
from newskit.errors import CorpusError
from newskit.languages import check_language

CATALOG_NAME = "catalog.csv"
REQUIRED_COLUMNS = ("doc_id", "file", "lang")
#: doc_ids become file names and table keys: keep them short, readable slugs.
DOC_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def read_catalog(root: str | Path) -> pd.DataFrame:
    """Return the validated catalog of the corpus under ``root``.

    All columns are kept as strings (further columns are metadata); blank
    rows are dropped; the row order is the reading order of the corpus."""
    path = Path(root) / CATALOG_NAME
    if not path.is_file():
        raise CorpusError(path, f"catalog not found: a corpus folder needs a {CATALOG_NAME}")
    text, _ = read_text(path, "en")
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as exc:
        raise CorpusError(path, f"is not valid CSV: {exc}") from None
    header, body = [h.strip() for h in rows[0]], rows[1:]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(path, f"missing required column(s) {', '.join(missing)} (header: {', '.join(header)})")
    records = []
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank row: spreadsheets leave these behind
        if len(row) != len(header):
            raise CorpusError(path, f"row {number} has {len(row)} fields, the header has {len(header)}")
        records.append({"row": number, **{h: cell.strip() for h, cell in zip(header, row)}})
    if not records:
        raise CorpusError(path, "lists no documents")
    catalog = pd.DataFrame.from_records(records)
    validate_rows(catalog, path)
    return catalog.drop(columns="row").reset_index(drop=True)


def validate_rows(catalog: pd.DataFrame, path: Path) -> None:
    """Check ids, file names and languages row by row; raise on the first fault."""
    seen: dict[str, int] = {}
    for rec in catalog.to_dict("records"):
        where = f"row {rec['row']}"
        for column in REQUIRED_COLUMNS:
            if not rec[column]:
                raise CorpusError(path, f"{where}: empty {column!r}")
        if not DOC_ID_PATTERN.match(rec["doc_id"]):
            raise CorpusError(path, f"{where}: doc_id {rec['doc_id']!r} must be a short slug (letters, digits, - _ .)")
        if rec["doc_id"] in seen:
            raise CorpusError(path, f"{where}: duplicate doc_id {rec['doc_id']!r} (first used in row {seen[rec['doc_id']]})")
        seen[rec["doc_id"]] = rec["row"]
        if Path(rec["file"]).is_absolute() or ".." in Path(rec["file"]).parts:
            raise CorpusError(path, f"{where}: file {rec['file']!r} must be a path inside the corpus folder")
        try:
            check_language(rec["lang"], path)
        except CorpusError as exc:
            raise CorpusError(path, f"{where} ({rec['doc_id']}): {exc.problem}") from None
