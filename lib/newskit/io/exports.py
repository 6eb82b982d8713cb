"""Read exports of media-monitoring services and scrapers: JSON Lines, JSON,
CSV/TSV and Parquet, one article per line or row.

Columns are found by a mapping ``text/title/date/source/url/lang`` → column
name.  Unmapped fields fall back to the names such exports usually use
(:data:`DEFAULT_COLUMNS`, compared ignoring case, spaces, ``_`` and ``-``),
in English, German, Indonesian and Japanese.  A nested JSON field is named
with dots (``source.name``).  CSV files may be separated by ``,`` ``;`` tab
or ``|`` (sniffed) and saved as UTF-8, UTF-16 or Shift_JIS, with or without
a BOM.  A broken line is a :class:`~newskit.io.records.BadRecord` naming
the file and line; the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from newskit.errors import ArgumentError
from newskit.io.source_files import decode_source
from newskit.io.records import BadRecord, Record, clean_date, clean_value

__all__ = [
    "ColumnResolver", "DEFAULT_COLUMNS", "FIELDS", "read_csv", "read_json", "read_jsonl", "read_parquet",
    "to_record",
]

#: Fields of a record and the column names that stand for them by default.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articletext", "fulltext", "maintext",
             "story", "bodytext", "inhalt", "volltext", "artikel", "isi", "konten", "本文", "記事", "\x00body"),
    "title": ("title", "headline", "heading", "subject", "titel", "überschrift", "schlagzeile",
              "judul", "見出し", "タイトル", "表題"),
    "date": ("published", "publishedat", "publishdate", "pubdate", "date", "datetime",
             "publicationdate", "timestamp", "createdat", "datum", "veröffentlicht",
             "tanggal", "日付", "掲載日", "日時"),
    "source": ("publisher", "source", "outlet", "sitename", "site", "media", "medium",
               "publication", "newspaper", "sourcename", "quelle", "sumber", "媒体", "media名", "新聞"),
    "url": ("url", "link", "href", "permalink", "articleurl", "sourceurl", "uri"),
    "lang": ("lang", "language", "languagecode", "locale", "sprache", "bahasa", "言語"),
}
FIELDS = tuple(DEFAULT_COLUMNS)
#: Spellings of the field names accepted in a mapping.
_FIELD_ALIASES = {"published": "date", "publisher": "source", "language": "lang", "body": "text"}


def _squash(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", str(name)).casefold()


class ColumnResolver:
    """Decides which column holds which field, once per set of columns."""

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        self.mapping: dict[str, str] = {}
        for field, column in (mapping or {}).items():
            key = _FIELD_ALIASES.get(field, field)
            if key not in DEFAULT_COLUMNS:
                raise ArgumentError(f"column mapping: unknown field {field!r} (fields: {', '.join(FIELDS)})")
            if column:
                self.mapping[key] = str(column)
        self._cache: dict[tuple[str, ...], dict[str, str] | str] = {}

    def resolve(self, columns: Iterable[str]) -> dict[str, str] | str:
        """``{field: column}`` for these columns, or the problem as text
        (a mapped column that is missing, no text column)."""
        key = tuple(str(c) for c in columns)
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]

    def _resolve(self, columns: tuple[str, ...]) -> dict[str, str] | str:
        squashed = {_squash(c): c for c in reversed(columns)}
        found: dict[str, str] = {}
        for field, names in DEFAULT_COLUMNS.items():
            if field in self.mapping:
                wanted = self.mapping[field]
                if wanted not in columns and "." not in wanted:
                    return f"has no column {wanted!r} for {field} (columns: {', '.join(columns)})"
                found[field] = wanted
                continue
            hit = next((squashed[n] for n in map(_squash, names) if n in squashed), None)
            if hit is not None:
                found[field] = hit
        if "text" not in found:
            return (f"has no text column (columns: {', '.join(columns)}); "
                    f"name it with --text COLUMN (mapping={{'text': ...}})")
        return found


def to_record(row: Mapping, columns: dict[str, str], where: tuple[str, int, str], encoding: str) -> Record | BadRecord:
    """Build a :class:`Record` from one row (``where`` = file, line, unit)."""
    path, line, unit = where
    values = {field: _get(row, column) for field, column in columns.items()}
    text = values.get("text")
    if not isinstance(text, str) and text is not None:
        text = clean_value(text)
    if not text or not text.strip():
        return BadRecord(path, line, f"empty text (column {columns['text']!r})", unit)
    return Record(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), source_file=path, line=line, unit=unit,
        encoding=encoding, title=clean_value(values.get("title")),
        published=clean_date(values.get("date")), publisher=clean_value(values.get("source")),
        url=clean_value(values.get("url")), lang=clean_value(values.get("lang")),
    )


def _get(row: Mapping, column: str) -> object:
    """``row[column]``, following dots into nested objects (``source.name``)."""
    if column in row or "." not in column:
        return row.get(column)
    value: object = row
    for part in column.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _rows_to_records(rows: Iterable[tuple[int, object]], path: str, unit: str, resolver: ColumnResolver,
                     encoding: str) -> Iterator[Record | BadRecord]:
    """Shared tail of the JSON readers: objects → records."""
    for line, obj in rows:
        if isinstance(obj, BadRecord):
            yield obj
            continue
        if not isinstance(obj, dict):
            yield BadRecord(path, line, f"is a JSON {type(obj).__name__}, not an object", unit)
            continue
        columns = resolver.resolve(obj.keys())
        if isinstance(columns, str):
            yield BadRecord(path, line, columns, unit)
            continue
        yield to_record(obj, columns, (path, line, unit), encoding)


def read_jsonl(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """One JSON object per line; blank lines are skipped."""
    text, encoding = decode_source(path.read_bytes(), "auto", path)

    def parsed() -> Iterator[tuple[int, object]]:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, BadRecord(str(path), number, f"not valid JSON ({exc.msg}, column {exc.colno})")

    yield from _rows_to_records(parsed(), str(path), "line", resolver, encoding)


#: Keys under which JSON exports wrap their list of articles.
_WRAPPERS = ("articles", "items", "data", "results", "records", "documents", "posts")


def read_json(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A JSON array of objects (or an object wrapping one under ``articles``,
    ``items``, ``data`` …, or a single article object)."""
    text, encoding = decode_source(path.read_bytes(), "auto", path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadRecord(str(path), exc.lineno, f"not valid JSON ({exc.msg}, column {exc.colno}); nothing read")
        return
    if isinstance(data, dict):
        wrapped = [data[k] for k in _WRAPPERS if isinstance(data.get(k), list)]
        data = wrapped[0] if wrapped else [data]
    if not isinstance(data, list):
        yield BadRecord(str(path), None, "holds no list of article objects")
        return
    yield from _rows_to_records(enumerate(data, start=1), str(path), "item", resolver, encoding)


def _sniff_delimiter(text: str) -> str:
    """The separator of a CSV text: ``,`` ``;`` tab or ``|``, by csv.Sniffer
    on the first lines, else the one that splits the header most often."""
    sample = "\n".join(text.split("\n", 20)[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        header = text.split("\n", 1)[0]
        return max(",;\t|", key=header.count)


def read_csv(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A CSV/TSV export with a header row; each row an article."""
    text, encoding = decode_source(path.read_bytes(), "auto", path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text), strict=True)
    name = str(path)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        yield BadRecord(name, 1, "has no header row")
        return
    columns = resolver.resolve(header)
    if isinstance(columns, str):
        yield BadRecord(name, 1, columns)
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRecord(name, start, f"is not valid CSV ({exc}); the rest of the file was not read")
            return
        if any(cell.strip() for cell in row):
            if len(row) != len(header):
                yield BadRecord(name, start, f"has {len(row)} fields, the header has {len(header)}")
            else:
                yield to_record(dict(zip(header, row)), columns, (name, start, "line"), encoding)
        start = reader.line_num + 1


def read_parquet(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A Parquet table; rows are numbered from 1."""
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        yield BadRecord(str(path), None, f"cannot be read as Parquet ({type(exc).__name__}: {exc})")
        return
    columns = resolver.resolve(frame.columns)
    if isinstance(columns, str):
        yield BadRecord(str(path), None, columns)
        return
    for number, row in enumerate(frame.to_dict("records"), start=1):
        yield to_record(row, columns, (str(path), number, "row"), "parquet")
