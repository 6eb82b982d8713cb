"""Which writing system a text is in, and whether it fits its declared language.

Decoding and loading both need to know whether a text is "mostly Japanese" or
"mostly Latin script": to rank candidate codecs for an old file, and to stop
Japanese text declared ``de`` before the regex tokenizer turns whole Japanese
sentences into single tokens.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from newskit.errors import CorpusError
from newskit.lang import check_language

__all__ = ["MIN_SCRIPT_SHARE", "char_script", "check_script", "count_script_units", "count_scripts"]

#: Share of script units (kana/kanji characters, Latin-script words; see
#: :func:`count_script_units`) that must be in the expected script for a text
#: to count as written in its declared language (the rest may be names, menus,
#: quotes).  The decoder uses the same share of plain letters to rank codecs.
MIN_SCRIPT_SHARE = 0.5
#: Texts longer than this many characters are counted with ``numpy.bincount``.
_BINCOUNT_FROM = 200_000


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


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as an array (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _script_letters(points: np.ndarray) -> dict[str, dict[int, int]]:
    """``{script: {code point: count}}`` for the Japanese and Latin letters.

    Each distinct character is classified once and counted with
    ``numpy.bincount`` (long texts: a 10 MB article takes a fraction of a
    second, a per-character loop took half a minute) or ``numpy.unique``
    (short ones: bincount's table as long as the highest code point cost
    1.7 s over 10,000 news articles)."""
    if len(points) > _BINCOUNT_FROM:
        counts = np.bincount(points)
        distinct = np.flatnonzero(counts)
        counts = counts[distinct]
    else:
        distinct, counts = np.unique(points, return_counts=True)
    letters: dict[str, dict[int, int]] = {"ja": {}, "latin": {}}
    for point, count in zip(distinct.tolist(), counts.tolist()):
        script = char_script(chr(point))
        if script:
            letters[script][point] = count
    return letters


def count_scripts(text: str) -> tuple[int, int]:
    """Count ``(japanese, latin)`` letters: kana/kanji versus Latin letters."""
    letters = _script_letters(_code_points(text))
    return sum(letters["ja"].values()), sum(letters["latin"].values())


def count_script_units(text: str) -> tuple[int, int]:
    """Count ``(japanese, latin)`` *units*: kana/kanji characters versus
    Latin-script words (maximal runs of Latin letters).

    One kanji or kana carries about as much as one Latin word (UniDic tokens
    average ~1.9 characters, German words ~6 letters), so comparing letters
    would call a Japanese tech article full of English names "mostly Latin"
    and would accept it declared ``de``, where the regex tokenizer turns whole
    Japanese sentences into single tokens."""
    points = _code_points(text)
    letters = _script_letters(points)
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
    profile = check_language(lang, path)
    expected = japanese if profile.script == "japanese" else latin
    if expected / total < MIN_SCRIPT_SHARE:
        found = "Japanese" if japanese > latin else "Latin-script"
        raise CorpusError(
            path,
            f"declared {lang!r} ({profile.name}) but its text is mostly "
            f"{found} ({japanese} kana/kanji characters against {latin} Latin-script "
            f"words); fix the 'lang' column",
        )
