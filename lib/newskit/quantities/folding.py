"""The matching copy of a text and what stands next to a number.

Numbers are matched in a *folded* copy of the text — full-width and
other-script digits made ASCII, exotic spaces made plain — that has exactly
the length of the original, so every offset found in it is an offset into
the text itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newskit.quantities.vocab import PLACEHOLDERS, Vocab

__all__ = ["LATIN_LETTER", "WORD", "fold_text", "looks_like_name", "next_word", "previous_token"]

LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_SPACES = frozenset("\u00a0\u2007\u2009\u202f\u3000")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character to its plain form (full-width and other-script digits to
    ASCII) without ever changing the length, so offsets stay valid."""
    if ch in PLACEHOLDERS:
        return "\ufffd"
    if ch in _SPACES:
        return " "
    if "\uff01" <= ch <= "\uff5e":
        return chr(ord(ch) - 0xFEE0)
    if ch == "\uffe5":
        return "¥"
    digit = unicodedata.decimal(ch, None)
    return ch if digit is None else str(digit)


def fold_text(text: str) -> str:
    """The matching copy of ``text``: same length, ６７．９％ read as 67.9%."""
    return "".join(map(_fold_char, text))


WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[^\S\n]*$")


_NEXT_WORD = re.compile(r"[^\S\n]*([^\W\d_]+)")


_LATIN_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9\-]*)[^\S\n]+$")


def previous_token(folded: str, start: int, spaced: bool) -> str:
    """The word before ``start`` (casefolded), or in Japanese the last character."""
    if not spaced:
        i = start - 1
        while i >= 0 and folded[i].isspace():
            i -= 1
        return folded[i] if i >= 0 else ""
    match = _PREVIOUS_WORD.search(folded, max(0, start - 48), start)
    return match.group(1).casefold() if match else ""


def next_word(folded: str, end: int) -> str:
    """The word right after ``end``, casefolded ("" if none)."""
    match = _NEXT_WORD.match(folded, end)
    return match.group(1).casefold() if match else ""


def looks_like_name(folded: str, start: int, end: int, vocab: Vocab) -> bool:
    """True when the digits belong to a product or model name ("GPT-4o",
    "SR-71", "Llama 2 70B", "Grok 2") or to a code, path or version."""
    before, before2 = folded[start - 1:start], folded[max(0, start - 2):max(0, start - 1)]
    after, after2 = folded[end:end + 1], folded[end + 1:end + 2]
    if LATIN_LETTER.match(before) or (before and before in "#@/_\\"):
        return True
    if before == "-" and LATIN_LETTER.match(before2):
        return True
    if before == "." and (LATIN_LETTER.match(before2) or before2.isdigit()):
        return True
    if LATIN_LETTER.match(after) or (after and after in "/_"):
        return True
    if after and after in ".," and after2.isdigit():
        return True
    word = _LATIN_WORD_BEFORE.search(folded, max(0, start - 48), start)
    return bool(word) and word.group(1).casefold() in vocab.sets["product_names"]

