"""The catalog side of an import: read the existing one, merge, write atomically.

An import must never lose or change what a researcher already has: every
existing row and column is kept as it is (values compared as parsed CSV),
new columns are appended at the right, and the file is replaced in one
rename, so a crash leaves either the old or the new catalog, never half.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from newskit.errors import CorpusError
from newskit.io.catalog_text import decode_catalog
from newskit.io.source_files import decode_source, write_file_atomic
from newskit.io.normalize import normalize_text
from newskit.io.reading import read_checked
from newskit.lang import supported_languages

__all__ = ["CATALOG_COLUMNS", "ExistingCatalog", "read_existing_catalog", "text_sha256", "write_catalog"]

CATALOG_NAME = "catalog.csv"
#: Columns an import writes: the loader's, then the provenance.
CATALOG_COLUMNS = (
    "doc_id", "file", "lang", "title", "published", "publisher", "url",
    "source_file", "source_line", "sha256", "encoding", "lang_detected", "lang_confidence", "imported_at",
)
REQUIRED = ("doc_id", "file", "lang")


class ExistingCatalog:
    """The catalog already in a corpus folder (empty when there is none)."""

    def __init__(self, root: Path, header: list[str], rows: list[list[str]], read_as: str = "") -> None:
        self.root = root
        self.header = header
        self.rows = rows
        #: How an existing catalog that is not comma-separated UTF-8 was read
        #: (``"semicolon-separated cp932"``); the import rewrites it as such.
        self.read_as = read_as

    @property
    def records(self) -> list[dict[str, str]]:
        """The rows as ``{column: value}``."""
        return [dict(zip(self.header, row)) for row in self.rows]

    def known_hashes(self) -> dict[str, str]:
        """SHA-256 of the normalised text → ``doc_id`` of every existing
        article: the ``sha256`` column where an import wrote one, else the
        hash of its raw file (hand-made catalogs)."""
        known: dict[str, str] = {}
        for rec in self.records:
            digest = rec.get("sha256", "")
            if not digest:
                digest = _hash_raw_file(self.root / rec["file"], rec["lang"], self.root)
            if digest:
                known.setdefault(digest, rec["doc_id"])
        return known


def text_sha256(text: str, lang: str) -> str:
    """SHA-256 (hex) of the normalised text: what analyses see."""
    return hashlib.sha256(normalize_text(text, lang).encode("utf-8")).hexdigest()


def _hash_raw_file(path: Path, lang: str, root: Path) -> str:
    """The hash of an existing raw file, or ``""`` when it cannot be read
    (the loader reports such files; the import need not)."""
    if lang not in supported_languages():
        return ""
    try:  # read as the loader reads: a regular file inside the corpus folder
        text, _ = decode_source(read_checked(path, root=root), lang, path)
    except (CorpusError, OSError):
        return ""
    return text_sha256(text, lang)


def read_existing_catalog(root: Path) -> ExistingCatalog:
    """Parse ``root/catalog.csv`` as the loader does (any separator and
    encoding :func:`newskit.io.catalog_text.decode_catalog` reads); raise
    :class:`CorpusError` when it cannot be merged safely (then fix it first:
    the import touches nothing)."""
    path = root / CATALOG_NAME
    if not path.is_file():
        return ExistingCatalog(root, [], [])
    decoded = decode_catalog(path)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=decoded.delimiter, strict=True)
    try:
        table = list(reader)
    except csv.Error as exc:
        raise CorpusError(path, f"is not valid CSV ({exc}); fix it before importing", line=reader.line_num) from None
    header = [h.strip() for h in table[0]] if table else []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CorpusError(path, f"lacks column(s) {', '.join(missing)} (a catalog's first row names "
                                f"doc_id, file and lang); fix it before importing")
    rows = []
    for number, row in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CorpusError(path, f"has {len(row)} fields, the header has {len(header)}; "
                                    f"fix it before importing", line=number)
        rows.append(row)
    return ExistingCatalog(root, header, rows, "" if decoded.is_plain else decoded.describe())


def write_catalog(existing: ExistingCatalog, new_rows: list[dict[str, str]]) -> Path:
    """Write the existing rows unchanged plus ``new_rows``, columns merged
    (existing first, new ones appended), through an atomic rename."""
    header = list(existing.header) or list(CATALOG_COLUMNS)
    header += [c for c in CATALOG_COLUMNS if c not in header]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    width = len(existing.header)
    for row in existing.rows:
        writer.writerow([*row, *[""] * (len(header) - width)])
    for rec in new_rows:
        writer.writerow([rec.get(c, "") for c in header])
    return write_file_atomic(existing.root / CATALOG_NAME, out.getvalue().encode("utf-8"))
