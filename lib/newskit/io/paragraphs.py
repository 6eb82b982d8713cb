"""Paragraph kinds: which lines of an article are its own words.

A news page saved as text carries menus, contact lines, bylines, image
captions and a source line around the article.  Each non-empty line is
classified as ``boilerplate``, ``heading``, ``caption``, ``source`` or
``body`` by regular expressions kept as data in
``newskit/lang/data/paragraph_rules.toml`` (common rules, then the
language's own), so a publisher's furniture is a data change.

One rule looks beyond its line: a *list header* ("関連記事", "Related:",
"Mehr zum Thema:") is boilerplate, and so are the short heading-like lines
right after it (the headlines it links to), up to the first line of any
other kind.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from newskit.lang import check_language, read_lang_data

__all__ = ["PARAGRAPH_KINDS", "TEXT_KINDS", "classify_paragraph", "split_paragraphs"]

PARAGRAPH_KINDS = ("boilerplate", "heading", "caption", "body", "source")
#: The kinds that carry the article's own words (no menus, credits or source line).
TEXT_KINDS = ("heading", "caption", "body")


@dataclass(frozen=True)
class _ParagraphRules:
    """Compiled paragraph-kind rules for one language."""

    order: tuple[str, ...]
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    heading_max_chars: int
    sentence_end: re.Pattern[str]
    list_header: tuple[re.Pattern[str], ...] = ()


_RULES_FILE = "paragraph_rules.toml"


@lru_cache(maxsize=None)
def _load_paragraph_rules(lang: str) -> _ParagraphRules:
    """Compile the rules for ``lang`` (common rules first, then the language's)."""
    raw = tomllib.loads(read_lang_data(_RULES_FILE))
    common, own = raw["common"], raw.get(check_language(lang).code, {})
    patterns = {
        kind: tuple(re.compile(p) for p in (*common.get(kind, []), *own.get(kind, [])))
        for kind in raw["order"]
    }
    return _ParagraphRules(
        order=tuple(raw["order"]),
        patterns=patterns,
        heading_max_chars=int(own.get("heading_max_chars", common["heading_max_chars"])),
        sentence_end=re.compile(own.get("sentence_end", common["sentence_end"])),
        list_header=tuple(re.compile(p) for p in (*common.get("list_header", []), *own.get("list_header", []))),
    )


def classify_paragraph(text: str, lang: str) -> str:
    """Return the kind of one stripped paragraph: boilerplate, heading,
    caption, source or body (see ``data/paragraph_rules.toml``)."""
    rules = _load_paragraph_rules(lang)
    for kind in rules.order:
        if any(p.search(text) for p in rules.patterns[kind]):
            return kind
    if len(text) <= rules.heading_max_chars and not rules.sentence_end.search(text):
        return "heading"
    return "body"


def split_paragraphs(text: str, lang: str) -> list[dict]:
    """One record per non-empty line: ``para_id`` (0-based over kept lines),
    ``line`` (1-based line number in the file), ``kind`` and stripped ``text``;
    the headlines listed under a list header are boilerplate (module docstring)."""
    rules = _load_paragraph_rules(lang)
    records = []
    in_list = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        kind = classify_paragraph(stripped, lang)
        if any(p.search(stripped) for p in rules.list_header):
            kind, in_list = "boilerplate", True
        elif in_list and kind == "heading":
            kind = "boilerplate"
        else:
            in_list = False
        records.append({"para_id": len(records), "line": number, "kind": kind, "text": stripped})
    return records
