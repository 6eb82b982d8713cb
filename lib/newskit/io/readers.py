"""Iterate the articles of import sources: folders, pages, text files, exports.

A source is a file or a folder (searched recursively, hidden entries
skipped, files in name order).  Per file type:

* ``.txt`` — one article; the first line is taken as the title when it is
  short (≤ :data:`TITLE_MAX_CHARS`) and more lines follow.
* ``.md``/``.markdown`` — one article; Markdown markup is stripped to text
  (links keep their words, images their alt text, list items become lines),
  the first heading is the title; a YAML front-matter block supplies
  ``title/date/publisher/url/lang`` through the same column names as exports.
* ``.html``/``.htm`` — a saved page; trafilatura takes out the article text
  (menus, cookie banners, related links, comments and footers dropped) with
  the title, site name and canonical URL; htmldate finds the original
  publication date.  The page's ``lang`` attribute is not trusted (CMS
  templates keep one value for every language): pages are detected unless
  a language is given.
* ``.jsonl``/``.ndjson``, ``.json``, ``.csv``/``.tsv``, ``.parquet`` —
  exports, see :mod:`newskit.io.exports`.

In a folder, files of other types (a saved page's ``_files`` folder of
images and scripts) are listed as ignored; a file of another type named
explicitly is a bad record.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import htmldate
import mistune
import trafilatura
import yaml

from newskit.errors import CorpusError
from newskit.io.exports import ColumnResolver, read_csv, read_json, read_jsonl, read_parquet, to_record
from newskit.io.source_files import decode_source
from newskit.io.records import BadRecord, Record

__all__ = ["READERS", "iter_records", "list_source_files", "read_source_file"]

#: A first line up to this long (without sentence punctuation at its end)
#: is a .txt file's title.
TITLE_MAX_CHARS = 150
_SENTENCE_END = re.compile(r"[.!?。．！？:：;]$")


def _read_text_file(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A plain-text article."""
    text, encoding = decode_source(path.read_bytes(), "auto", path)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        yield BadRecord(str(path), None, "is empty (no text)")
        return
    first = lines[0]
    title = first if len(lines) > 1 and len(first) <= TITLE_MAX_CHARS and not _SENTENCE_END.search(first) else ""
    yield Record(text=text, source_file=str(path), encoding=encoding, title=title)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MARKDOWN = mistune.create_markdown(renderer=None)
#: Front matter is read with the default column names (an export's
#: ``--text`` mapping says nothing about Markdown files).
_FRONT_MATTER_NAMES = ColumnResolver()
_BODY = "\x00body"


def _read_markdown(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A Markdown article (front matter optional)."""
    text, encoding = decode_source(path.read_bytes(), "auto", path)
    meta: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            yield BadRecord(str(path), 1, f"front matter is not valid YAML ({exc.__class__.__name__})")
            return
        text = text[match.end():]
    lines, title = _markdown_to_lines(text)
    meta = {str(k): v for k, v in meta.items()} if isinstance(meta, dict) else {}
    row = {**meta, _BODY: "\n".join(lines)}
    columns = _FRONT_MATTER_NAMES.resolve([*meta, _BODY])
    if isinstance(columns, str) or not row.get(columns.get("title", ""), ""):
        row[_BODY + "title"] = title
        columns = {**(columns if isinstance(columns, dict) else {}), "title": _BODY + "title"}
    yield to_record(row, {**columns, "text": _BODY}, (str(path), None, "line"), encoding)


def _markdown_to_lines(text: str) -> tuple[list[str], str]:
    """Plain-text lines of a Markdown text (one per paragraph, heading,
    list item) and the text of its first heading."""
    lines: list[str] = []
    title = ""

    def inline(tokens: list[dict]) -> str:
        out = []
        for tok in tokens:
            if tok["type"] in ("softbreak", "linebreak"):
                out.append(" ")
            elif "children" in tok:
                out.append(inline(tok["children"]))
            else:
                out.append(tok.get("raw", ""))
        return "".join(out)

    def walk(tokens: list[dict]) -> None:
        nonlocal title
        for tok in tokens:
            kind = tok["type"]
            if kind in ("paragraph", "heading", "block_text"):
                line = inline(tok.get("children", [])).strip()
                if kind == "heading" and not title:
                    title = line
                lines.append(line)
            elif kind == "block_code":
                lines.extend(tok.get("raw", "").splitlines())
            elif "children" in tok:
                walk(tok["children"])

    walk(_MARKDOWN(text))
    return [line for line in lines if line], title


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Labels that browsers (WHATWG) read as a larger codec: pages saying
#: Shift_JIS routinely contain CP932 characters (①, ㈱, NEC kanji).
_WHATWG_CODECS = {"shift_jis": "cp932", "iso8859-1": "cp1252", "ascii": "cp1252"}


def _decode_page(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a saved page: a byte-order mark, else the ``<meta charset>``
    the page declares (if its bytes fit), else the general decoder."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name  # "utf-8", "shift_jis" …
            codec = _WHATWG_CODECS.get(codec, codec)
            return data.decode(codec).replace("\r\n", "\n"), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: let the decoder judge the bytes
    return decode_source(data, "auto", path)


def _read_html(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """A saved news page: main text, title, site, URL and date."""
    html, encoding = _decode_page(path.read_bytes(), path)
    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, favor_precision=True, deduplicate=False,
    )
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        yield BadRecord(str(path), None, "no article text found in the page (a login wall, a "
                                         "section front, or a page built by JavaScript?)")
        return
    date = htmldate.find_date(html, original_date=True, extensive_search=False) or found.date or ""
    yield Record(text=text, source_file=str(path), encoding=encoding, title=found.title or "",
                 published=date, publisher=found.sitename or "", url=found.url or "")


#: File suffix → reader.
READERS = {
    ".txt": _read_text_file, ".text": _read_text_file, ".md": _read_markdown, ".markdown": _read_markdown,
    ".html": _read_html, ".htm": _read_html, ".xhtml": _read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json,
    ".csv": read_csv, ".tsv": read_csv, ".parquet": read_parquet,
}


def list_source_files(sources: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """``(files to read, files ignored)`` of the given sources; a missing
    source raises :class:`CorpusError` before anything is read."""
    files: list[Path] = []
    ignored: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in found.relative_to(path).parts):
                    continue
                (files if found.suffix.lower() in READERS else ignored).append(found)
        elif path.is_file():
            files.append(path)
        else:
            raise CorpusError(path, "import source not found (no such file or folder)")
    return files, ignored


def read_source_file(path: Path, resolver: ColumnResolver) -> Iterator[Record | BadRecord]:
    """The records of one file; a file that cannot be read at all is one
    bad record (the error's message, without a line)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield BadRecord(str(path), None, f"unsupported file type {path.suffix or '(none)'!r} "
                                         f"(supported: {', '.join(sorted(READERS))})")
        return
    try:
        yield from reader(path, resolver)
    except CorpusError as exc:
        yield BadRecord(str(path), exc.line, exc.problem)
    except OSError as exc:
        yield BadRecord(str(path), None, f"cannot be read: {exc.strerror or exc}")


def iter_records(sources: Iterable[str | Path], *, mapping: Mapping[str, str] | None = None) -> Iterator[Record | BadRecord]:
    """Every record (and bad record) of ``sources``, in file order."""
    resolver = ColumnResolver(mapping)
    files, _ = list_source_files(sources)
    for path in files:
        yield from read_source_file(path, resolver)
