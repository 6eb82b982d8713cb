"""Readable, unique document ids for imported articles.

An id is what a researcher types in a notebook and reads on a plot, so it
says where and when the article comes from: ``lindenauer-rundschau-2024-11-19-stadtwerke-lindenau-erhoehen``.
Words of the publisher and title are transliterated to ASCII (German
umlauts as ``ae oe ue ss``, other accents dropped); a title not mostly in
Latin letters (Japanese) is replaced by the language and the first 8 digits of the
text's hash (``minato-2025-01-28-ja-3f2a9c1d``).  Ids match the catalog's
pattern ``^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`` and never repeat one in use
(``-2``, ``-3`` … are appended).
"""

from __future__ import annotations

import re
import unicodedata

from newskit.io.records import Record

__all__ = ["DOC_ID_PATTERN", "is_mostly_latin", "make_doc_id", "slugify"]

DOC_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_LENGTH = 64
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?")


def slugify(text: str, *, words: int = 6, max_chars: int = 40) -> str:
    """Lower-case ASCII words of ``text`` joined by ``-`` (at most ``words``
    words and ``max_chars`` characters, cut at a word)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_GERMAN)).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    slug = ""
    for part in parts:
        longer = f"{slug}-{part}" if slug else part
        if len(longer) > max_chars:
            break
        slug = longer
    return slug or "-".join(parts)[:max_chars]


def is_mostly_latin(text: str) -> bool:
    """True when most letters of ``text`` are Latin (a Japanese title with
    ＡＩ in it is not: its slug would be just ``ai``)."""
    letters = [c for c in text if c.isalpha()]
    latin = [c for c in letters if unicodedata.normalize("NFKD", c)[:1].isascii()]
    return bool(letters) and len(latin) >= len(letters) / 2


def make_doc_id(record: Record, lang: str, sha256: str, taken: set[str]) -> str:
    """A new id for ``record`` not in ``taken`` (the caller adds it)."""
    date = _DATE.match(record.published)
    title = slugify(record.title, words=5, max_chars=30) if is_mostly_latin(record.title) else ""
    parts = [slugify(record.publisher, words=3, max_chars=20), date.group() if date else "",
             title or f"{lang}-{sha256[:8]}"]
    base = "-".join(p for p in parts if p)[: MAX_LENGTH - 4].strip("-.") or f"doc-{sha256[:12]}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    assert DOC_ID_PATTERN.match(candidate), candidate
    return candidate
