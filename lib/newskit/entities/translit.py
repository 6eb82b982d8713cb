"""Katakana and kanji names as Latin letters, and one phonetic key for both
scripts, so アンソロピック and Anthropic can be compared at all.

Transliteration: cutlet (Hepburn romaji on the MeCab + unidic-lite dictionary
the kit already ships; nothing is downloaded).  Chosen over pykakasi after a
side-by-side test: pykakasi renders the foreign-sound kana wrongly
(ジェンスン → "jiensun", サティア → "sateia"), cutlet gets ジェ/ティ/ディ/ファ
right; cutlet's "foreign spelling" option is left off because it turns names
into English words (アンソロピック → "Anne solo pick").  Kanji person names
(伊藤錬: family + given name) are also tried in Western order (Ren Itou).

Phonetic key: English spelling and romaji meet half-way: th→s, l→r, v→b,
f→h, c/q→k, x→ks, sh→s, w/y dropped, doubled letters and long vowels
collapsed, Japanese final epenthetic u/o dropped (ピック → pikku → pik).  The
*skeleton* (consonants only) must agree too, which keeps Meta away from
メタン (mt ≠ mtn).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cutlet

__all__ = ["phonetic_key", "romaji_variants", "skeleton"]

_RULES = (
    (r"tch", "ch"), (r"ph", "f"), (r"th", "s"), (r"sh", "s"), (r"kh", "k"), (r"ck", "k"),
    (r"c(?=[eiy])", "s"), (r"c", "k"), (r"q", "k"), (r"x", "ks"), (r"z", "s"), (r"l", "r"),
    (r"v", "b"), (r"f", "h"), (r"[wy]", ""), (r"ng\b", "n"), (r"(.)\1+", r"\1"),
    (r"([aeiou])[aeiou]+", r"\1"),
)
_VOWELS_RE = re.compile(r"[aeiou]")
KANA_RE = re.compile(r"[ぁ-ゖァ-ヺー]")


@lru_cache(maxsize=1)
def _cutlet() -> cutlet.Cutlet:
    """One Hepburn converter per process, foreign spellings off."""
    converter = cutlet.Cutlet("hepburn")
    converter.use_foreign_spelling = False
    return converter


def _ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words of ``text`` (accents and punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def phonetic_key(text: str, *, romaji: bool = False) -> str:
    """Spelling-neutral key of a Latin name or of romaji (``romaji=True``
    also drops the epenthetic vowel Japanese adds after a final consonant:
    u anywhere, o after t/d — ピック pikku, サット satto)."""
    words = _ascii_words(text)
    if romaji:
        words = [re.sub(r"(?:(?<=[^aeioun])u|(?<=[td])o)\Z", "", w) for w in words]
    key = "".join(words)
    for pattern, replacement in _RULES:
        key = re.sub(pattern, replacement, key)
    return key


def skeleton(key: str) -> str:
    """The consonants of a phonetic key (vowels carry little across scripts)."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS_RE.sub("", key))


@lru_cache(maxsize=20_000)
def romaji_variants(surface: str) -> tuple[str, ...]:
    """Romaji readings of a Japanese name: as written, and for a two-part
    kanji name (family + given name: 伊藤錬) also in Western order."""
    converter = _cutlet()
    parts = [converter.romaji(p).replace(" ", "") for p in re.split(r"[・＝\s]+", surface) if p]
    variants = [" ".join(parts)]
    if len(parts) == 1:
        parts = converter.romaji(surface).split()
    if len(parts) == 2 and not KANA_RE.search(surface):
        variants.append(f"{parts[1]} {parts[0]}")
    return tuple(variants)
