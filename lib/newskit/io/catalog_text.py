"""Decode a catalog file and find its column separator, the way spreadsheets save them.

A researcher's ``catalog.csv`` comes out of Excel, LibreOffice or Numbers:
comma-separated, or semicolon-separated (German and other locales where the
comma is the decimal mark), or tab-separated ("Unicode text"); as UTF-8 with
or without a BOM, UTF-16 with or without one, Shift_JIS/CP932 or EUC-JP
(Japanese Windows and old Unix) or Windows-1252.

Decoding uses the article decoder (:func:`newskit.io.source_files.decode_source`:
BOMs, strict UTF-8, BOM-less UTF-16, damaged UTF-8 refused, legacy codecs
ranked by script).  What an article has and a catalog lacks is one declared
language, so the legacy codecs are chosen by the languages the catalog's own
rows declare — their ``lang`` cells are ASCII in every codec and can be read
before the file is decoded:

* every row Japanese → the Japanese codecs; every row Latin-script → the
  Latin ones (so ``イーロン・マスクのxAI`` in Shift_JIS is no longer read as
  Windows-1252 ``C[E}XNÌxAI``);
* both → both readings are tried and the one whose non-ASCII letters fit the
  script of their own row's language wins; when they fit equally the file
  is refused with what to do (re-save as UTF-8);
* no row declares a language → charset-normalizer's guess, as for an
  article without one.

The separator is the one of ``,`` ``;`` tab ``|`` that splits the header
into cells naming ``doc_id``, ``file`` and ``lang``.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path

from newskit.errors import CorpusError
from newskit.io.decoding import finish_decoded, normalise_newlines, read_file_bytes
from newskit.io.source_files import decode_source
from newskit.lang import get_profile
from newskit.lang.codes import AUTO, normalise_lang_code
from newskit.lang.script import count_scripts

__all__ = ["DELIMITERS", "SAVE_AS_UTF8", "CatalogText", "decode_catalog", "find_delimiter"]

#: Separators tried, in order of preference.
DELIMITERS = (",", ";", "\t", "|")
#: The columns whose names identify the header row.
HEADER_NAMES = ("doc_id", "file", "lang")
#: What to tell a researcher whose catalog cannot be decoded.
SAVE_AS_UTF8 = ("re-save it as UTF-8 (Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'; "
                "LibreOffice: Character set 'Unicode (UTF-8)')")
_NON_ASCII = re.compile(r"[\x00-\x7f]+")


class CatalogText:
    """A decoded catalog: ``text`` (``\\n`` line ends, no BOM), the
    ``encoding`` it was read in and its column ``delimiter``."""

    def __init__(self, text: str, encoding: str, delimiter: str) -> None:
        self.text = text
        self.encoding = encoding
        self.delimiter = delimiter

    @property
    def is_plain(self) -> bool:
        """True for a comma-separated UTF-8 file (with or without BOM)."""
        return self.delimiter == "," and self.encoding in ("utf-8", "utf-8-sig")

    def describe(self) -> str:
        """``"semicolon-separated cp932"``: how the file was read."""
        names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
        return f"{names[self.delimiter]}-separated {self.encoding}"


def decode_catalog(path: Path) -> CatalogText:
    """Read and decode the catalog at ``path`` (see the module docstring);
    raise :class:`CorpusError` naming it when it is empty, binary, or in an
    encoding that cannot be told."""
    try:
        text, encoding = _decode(read_file_bytes(path), path)
    except CorpusError as exc:  # say how, in the programs catalogs come from
        raise CorpusError(path, exc.problem.replace("re-save it as UTF-8", SAVE_AS_UTF8)) from None
    text = finish_decoded(text, path)
    return CatalogText(text, encoding, find_delimiter(text))


def find_delimiter(text: str) -> str:
    """The separator whose header cells name ``doc_id``, ``file`` and
    ``lang`` (``,`` when none does: the missing columns are reported then)."""
    first = text.split("\n", 1)[0]
    for delimiter in DELIMITERS:
        cells = {cell.strip() for cell in next(csv.reader([first], delimiter=delimiter), [])}
        if all(name in cells for name in HEADER_NAMES):
            return delimiter
    return ","


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """``(text, encoding)`` by the languages the rows declare."""
    codes = _declared_languages(data)
    by_script = {get_profile(code).script: code for code in sorted(codes)}
    if len(by_script) < 2:
        return decode_source(data, next(iter(by_script.values()), AUTO), path)
    readings, problem = {}, None
    for code in by_script.values():
        try:
            text, encoding = decode_source(data, code, path)
        except CorpusError as exc:
            problem = exc
            continue
        readings.setdefault(text, encoding)
    if not readings:
        raise problem
    if len(readings) == 1:
        return next(iter(readings.items()))
    scored = sorted(((_fit(text), text, encoding) for text, encoding in readings.items()), reverse=True)
    if scored[0][0] <= scored[1][0]:
        names = " or ".join(encoding for _, _, encoding in scored)
        raise CorpusError(path, f"is not UTF-8 and reads equally well as {names}: its encoding "
                                f"cannot be told; re-save it as UTF-8")
    return scored[0][1], scored[0][2]


def _declared_languages(data: bytes) -> set[str]:
    """The supported codes in the ``lang`` column, read from the bytes as
    Latin-1 (ASCII survives every legacy codec; Shift_JIS trail bytes are
    never ``,`` ``;`` tab or newline)."""
    rows = _rows(normalise_newlines(data.decode("latin-1")))
    return {code for _, code in rows} - {AUTO}


def _rows(text: str) -> list[tuple[list[str], str]]:
    """``(cells, normalised lang)`` of each body row; unknown codes are left
    out (the catalog check reports them after decoding)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=find_delimiter(text))
    try:
        table = list(reader)
    except csv.Error:
        return []
    header = [h.strip() for h in table[0]] if table else []
    if "lang" not in header:
        return []
    column = header.index("lang")
    rows = []
    for row in table[1:]:
        if column < len(row):
            code = _lang_code(row[column].strip())
            if code is not None:
                rows.append((row, code))
    return rows


@lru_cache(maxsize=1024)
def _lang_code(value: str) -> str | None:
    """The normalised code of a ``lang`` cell, ``None`` when unknown."""
    try:
        return normalise_lang_code(value)
    except ValueError:
        return None


def _fit(text: str) -> float:
    """Share of the rows' non-ASCII letters that are in the script of the
    row's declared language (1.0: every kana/kanji in a ``ja`` row, every
    ä/ß in a ``de`` row)."""
    fitting = total = 0
    for cells, code in _rows(text):
        if code == AUTO:
            continue
        japanese, latin = count_scripts(_NON_ASCII.sub("", "".join(cells)))
        fitting += japanese if get_profile(code).script == "japanese" else latin
        total += japanese + latin
    return fitting / total if total else 0.0
