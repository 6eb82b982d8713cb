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

import numpy as np

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

#: Share of script units (kana/kanji characters, Latin-script words; see
#: :func:`count_script_units`) that must be in the expected script for a text
#: to count as written in its declared language (the rest may be names, menus,
#: quotes).  The decoder uses the same share of plain letters to rank codecs.
MIN_SCRIPT_SHARE = 0.5


def check_language(lang: str, where: str | Path | None) -> str:
    """Return ``lang`` if supported, else raise naming ``where`` (the catalog)."""
    if lang not in SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
        raise CorpusError(where, f"unsupported language code {lang!r} (supported: {supported})")
    return lang


@lru_cache(maxsize=None)
def char_script(char: str) -> str:
    """``"ja"`` for a kana/kanji letter, ``"latin"`` for a Latin letter, else ``""``."""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if name.startswith(("HIRAGANA", "KATAKANA", "CJK UNIFIED", "CJK COMPATIBILITY")):
        return "ja"
    if name.startswith(("LATIN", "FULLWIDTH LATIN")):
        return "latin"
    return ""


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as an array (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def script_letters(points: np.ndarray) -> dict[str, dict[int, int]]:
    """``{script: {code point: count}}`` for the Japanese and Latin letters.

    Each distinct character is classified once and counted with
    ``numpy.bincount``: a 10 MB article takes a fraction of a second (a
    per-character loop took half a minute)."""
    counts = np.bincount(points) if len(points) else np.zeros(0, dtype=np.int64)
    letters: dict[str, dict[int, int]] = {"ja": {}, "latin": {}}
    for point in np.flatnonzero(counts):
        script = char_script(chr(point))
        if script:
            letters[script][int(point)] = int(counts[point])
    return letters


def count_scripts(text: str) -> tuple[int, int]:
    """Count ``(japanese, latin)`` letters: kana/kanji versus Latin letters."""
    letters = script_letters(code_points(text))
    return sum(letters["ja"].values()), sum(letters["latin"].values())


def count_script_units(text: str) -> tuple[int, int]:
    """Count ``(japanese, latin)`` *units*: kana/kanji characters versus
    Latin-script words (maximal runs of Latin letters).

    One kanji or kana carries about as much as one Latin word (UniDic tokens
    average ~1.9 characters, German words ~6 letters), so comparing letters
    would call a Japanese tech article full of English names "mostly Latin"
    and would accept it declared ``de``, where the regex tokenizer turns whole
    Japanese sentences into single tokens."""
    points = code_points(text)
    letters = script_letters(points)
    japanese = sum(letters["ja"].values())
    if not letters["latin"]:
        return japanese, 0
    is_latin = np.zeros(int(points.max()) + 1, dtype=bool)
    is_latin[list(letters["latin"])] = True
    mask = is_latin[points]
    return japanese, int(mask[0]) + int(np.count_nonzero(mask[1:] & ~mask[:-1]))


def check_script(text: str, lang: str, path: str | Path | None) -> None:
    """Raise when the text's script contradicts its declared language
    (Japanese text declared ``de`` would be tokenized into garbage).

    Kana/kanji characters are weighed against Latin-script words (see
    :func:`count_script_units`)."""
    japanese, latin = count_script_units(text)
    total = japanese + latin
    if total == 0:
        raise CorpusError(path, f"declared {lang!r} but contains no Japanese or Latin letters")
    expected = japanese if lang in JAPANESE_SCRIPT else latin
    if expected / total < MIN_SCRIPT_SHARE:
        found = "Japanese" if japanese > latin else "Latin-script"
        raise CorpusError(
            path,
            f"declared {lang!r} ({SUPPORTED_LANGUAGES[lang]}) but its text is mostly "
            f"{found} ({japanese} kana/kanji characters against {latin} Latin-script "
            f"words); fix the 'lang' column",
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
