"""Supported languages, their scripts, and the paragraph rules kept as data.

Every language-specific decision of the loader comes from here (and from
``data/paragraph_rules.toml``), so adding a language or a publisher's
boilerplate is a data change, not a code change.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newskit.errors import CorpusError

#: ISO 639-1 codes the kit can tokenize, with their expected writing system.
SUPPORTED_LANGUAGES: dict[str, str] = {
    "ja": "Japanese",
    "de": "German",
    "id": "Indonesian",
    "en": "English",
}

#: Languages written in Japanese script (kana and kanji); the rest use Latin.
JAPANESE_SCRIPT = frozenset({"ja"})

#: Share of letters that must be in the expected script for a text to count
#: as written in its declared language (the rest may be names, menus, quotes).
MIN_SCRIPT_SHARE = 0.5


def check_language(lang: str, where: str | Path | None) -> str:
    """Return ``lang`` if supported, else raise naming ``where`` (the catalog)."""
    if lang not in SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
        raise CorpusError(where, f"unsupported language code {lang!r} (supported: {supported})")
    return lang


def count_scripts(text: str) -> tuple[int, int]:
    """Count ``(japanese, latin)`` letters: kana/kanji versus Latin letters."""
    japanese = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith(("HIRAGANA", "KATAKANA", "CJK UNIFIED", "CJK COMPATIBILITY")):
            japanese += 1
        elif name.startswith(("LATIN", "FULLWIDTH LATIN")):
            latin += 1
    return japanese, latin


def check_script(text: str, lang: str, path: str | Path | None) -> None:
    """Raise when the text's script contradicts its declared language
    (Japanese text declared ``de`` would be tokenized into garbage)."""
    japanese, latin = count_scripts(text)
    total = japanese + latin
    if total == 0:
        raise CorpusError(path, f"declared {lang!r} but contains no Japanese or Latin letters")
    expected = japanese if lang in JAPANESE_SCRIPT else latin
    if expected / total < MIN_SCRIPT_SHARE:
        found = "Japanese" if japanese > latin else "Latin-script"
        raise CorpusError(
            path,
            f"declared {lang!r} ({SUPPORTED_LANGUAGES[lang]}) but its text is mostly "
            f"{found} ({max(japanese, latin)} of {total} letters); fix the 'lang' column",
        )


@dataclass(frozen=True)
class ParagraphRules:
    """Compiled paragraph-kind rules for one language."""

    order: tuple[str, ...]
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    heading_max_chars: int
    sentence_end: re.Pattern[str]


RULES_FILE = "paragraph_rules.toml"


@lru_cache(maxsize=None)
def load_paragraph_rules(lang: str) -> ParagraphRules:
    """Compile the rules for ``lang`` (common rules first, then the language's)."""
    raw = tomllib.loads(resources.files("newskit").joinpath("data", RULES_FILE).read_text("utf-8"))
    common, own = raw["common"], raw.get(lang, {})
    patterns = {
        kind: tuple(re.compile(p) for p in (*common.get(kind, []), *own.get(kind, [])))
        for kind in raw["order"]
    }
    return ParagraphRules(
        order=tuple(raw["order"]),
        patterns=patterns,
        heading_max_chars=int(own.get("heading_max_chars", common["heading_max_chars"])),
        sentence_end=re.compile(own.get("sentence_end", common["sentence_end"])),
    )


def classify_paragraph(text: str, lang: str) -> str:
    """Return the kind of one stripped paragraph: boilerplate, heading,
    caption, source or body (see ``data/paragraph_rules.toml``)."""
    rules = load_paragraph_rules(lang)
    for kind in rules.order:
        if any(p.search(text) for p in rules.patterns[kind]):
            return kind
    if len(text) <= rules.heading_max_chars and not rules.sentence_end.search(text):
        return "heading"
    return "body"
