"""One article as read from a source, or the reason a piece of a source was not one.

Every reader (pages, text files, exports) yields :class:`Record` and
:class:`BadRecord` objects; both carry the file and the line (or row, or
item) they came from, so every problem in a report can be found again.  The
cleaning of metadata values (dates in every format exports use, nested
JSON values) lives here so all readers agree on it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

__all__ = ["BadRecord", "Record", "clean_date", "clean_value"]


@dataclass(frozen=True)
class Record:
    """One article: its text and metadata as found, and where it was found.

    ``lang`` is the language as the source spells it (``"Deutsch"``,
    ``"ja-JP"``, ``""``); the importer normalises it.  ``line`` is the
    1-based line of a text format, the row of a Parquet file or the item of a
    JSON array (``unit`` says which), ``None`` for a whole-file article."""

    text: str
    source_file: str
    line: int | None = None
    unit: str = "line"
    encoding: str = ""
    title: str = ""
    published: str = ""
    publisher: str = ""
    url: str = ""
    lang: str = ""

    @property
    def where(self) -> str:
        """``"feed.jsonl, line 3"`` (or just the file)."""
        return _where(self.source_file, self.line, self.unit)


@dataclass(frozen=True)
class BadRecord:
    """A part of a source that could not be read as an article, and why."""

    source_file: str
    line: int | None
    reason: str
    unit: str = "line"

    @property
    def where(self) -> str:
        """``"feed.jsonl, line 3"`` (or just the file)."""
        return _where(self.source_file, self.line, self.unit)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def _where(path: str, line: int | None, unit: str) -> str:
    return path if line is None else f"{path}, {unit} {line}"


def clean_value(value: object) -> str:
    """A metadata value as one stripped string: ``None``/NaN → ``""``, a
    nested object → its ``name``/``title`` (``{"name": "Reuters"}``), a
    list → its items joined with ``"; "``."""
    if _is_missing(value):
        return ""
    if isinstance(value, dict):
        for key in ("name", "title", "value", "text"):
            if key in value:
                return clean_value(value[key])
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(v for v in (clean_value(item) for item in value) if v)
    if isinstance(value, (dt.datetime, dt.date)):
        return clean_date(value)
    return str(value).strip()


def _is_missing(value: object) -> bool:
    """``None``, NaN and pandas' NaT (the values that are not equal to themselves)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


_DMY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?")
_YMD = re.compile(r"(\d{4})\s?[/.年]\s?(\d{1,2})\s?[/.月]\s?(\d{1,2})日?(?:\s+(\d{1,2})[:時](\d{2}))?分?")
_PARTIAL = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def clean_date(value: object) -> str:
    """A publication date as ISO 8601: ``2024-11-19``, or with the time of
    day ``2024-11-19T06:30+01:00`` (the offset kept: converting to UTC would
    move evening news to the next day).  German ``19.11.2024``, Japanese
    ``2025/02/10`` and ``2025年2月10日``, RFC 2822 (RSS) and Unix seconds
    are understood; anything else is kept verbatim rather than guessed."""
    if _is_missing(value):
        return ""
    if isinstance(value, dt.datetime):
        return _format(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = clean_value(value)
    if not text or _PARTIAL.fullmatch(text):
        return text
    parsed = _parse_date(text)
    return _format(parsed) if parsed else text


def _parse_date(text: str) -> dt.datetime | None:
    """Try the formats of :func:`clean_date`, strictest first."""
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for pattern, order in ((_DMY, (2, 1, 0)), (_YMD, (0, 1, 2))):
        match = pattern.fullmatch(text)
        if match:
            parts = match.groups()
            year, month, day = (int(parts[k]) for k in order)
            hour, minute = (int(parts[3]), int(parts[4])) if parts[3] else (0, 0)
            try:
                return dt.datetime(year, month, day, hour, minute)
            except ValueError:
                return None
    if re.fullmatch(r"\d{10}", text):  # Unix seconds (2001-2286)
        return dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc)
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _format(moment: dt.datetime) -> str:
    """Date only at midnight without a zone, else minutes and the offset."""
    if moment.tzinfo is None and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.isoformat(timespec="minutes")
