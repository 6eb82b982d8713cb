"""Unicode normalisation of article text, the way Japanese text analysis expects.

Text that looks the same must count the same.  Saved pages, PDFs and macOS
file names bring in spellings of one word that differ only in their code
points; KH Coder users normalise them before counting, and so does the kit,
once, at load (raw files stay byte-for-byte; offsets refer to the normalised
text).  Three steps, in this order:

1. **Invisible format characters are removed**: every character of Unicode
   category Cf — zero-width space U+200B, zero-width (non-)joiner, word
   joiner, BOM U+FEFF, soft hyphen U+00AD (``Ener\\u00adgie`` → ``Energie``),
   the bidi marks and embeddings — with one exception: a zero-width joiner
   *between two emoji* is kept, since it makes one pictograph of them
   (👩‍💻 "technologist" is not 👩 and 💻).
2. **Width forms are unified**, by the compatibility mappings the Unicode
   database itself gives (decomposition tags ``<narrow>`` and ``<wide>``),
   so every change is one character for one character:

   * half-width katakana and CJK punctuation (U+FF61–U+FF9F) become
     full-width in every language: ``ｸﾞﾛｯｸ`` → ``グロック`` (the voiced marks
     compose in step 3), ``｢｣｡､`` → ``「」。、``;
   * Japanese: full-width Latin letters and digits become ASCII
     (``ＧＰＵ２０２４`` → ``GPU2024``), what MeCab dictionaries and KH Coder
     users expect; full-width punctuation (``！？（）：``) and the ideographic
     space U+3000 stay, being ordinary Japanese typography that the
     paragraph rules rely on;
   * German, Indonesian, English: every full-width ASCII character
     (U+FF01–U+FF5E, punctuation too) and U+3000 become ASCII: in Latin text
     they only come from a Japanese input method.

3. **NFC** (canonical composition): macOS-style ``タ`` + U+3099 becomes
   ``ダ``, ``e`` + U+0301 becomes ``é``.  NFC also maps the CJK compatibility
   ideographs (U+F900–U+FAFF) to their unified forms, which is wanted: one
   kanji, one count.

What is deliberately *not* done: full NFKC.  It would also turn ``①`` into
``1``, ``㈱`` into ``(株)``, ``™`` into ``TM``, ``ｍ²`` into ``m2`` and
``½`` into ``1/2``: changes of meaning and of length that no analysis asked
for.  Libraries checked: jaconv (maintained, pure Python) and mojimoji
(C++, last release 2024) convert widths but keep no offsets; neologdn also
collapses ``ーーー`` and removes spaces between Japanese words, too much for
text whose offsets must map back.

:func:`normalize_with_offsets` returns, for every normalised character, the
span of the raw text it came from, so a researcher can find a hit in the
raw file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from newskit.errors import ArgumentError
from newskit.lang import check_language

__all__ = ["NormalizedText", "normalize_counted", "normalize_text", "normalize_with_offsets"]

#: Category Cf, except a zero-width joiner between two emoji.
INVISIBLE = regex.compile(
    r"(?!\u200d)\p{Cf}"
    r"|(?<!\p{Extended_Pictographic}[\ufe0f\U0001F3FB-\U0001F3FF]?)\u200d"
    r"|\u200d(?!\p{Extended_Pictographic})"
)
#: Characters NFC may fold into the character before them: combining marks
#: and the vowel/final Hangul jamo (checked against the Unicode database:
#: no other character is the second half of a canonical composition).
_UNIT = regex.compile(r".[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*", regex.DOTALL)

#: The units NFC may change: a character with marks after it, or a character
#: that NFC replaces on its own (quick-check "No": U+212B, U+F900 …).
_CHANGING = regex.compile(r".[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]+|\p{NFC_QC=N}", regex.DOTALL)

_HALF_WIDTH_KANA = range(0xFF61, 0xFFA0)
_FULL_WIDTH_ASCII = range(0xFF01, 0xFF5F)
_IDEOGRAPHIC_SPACE = 0x3000


@lru_cache(maxsize=None)
def _width_table(lang: str) -> dict[int, str]:
    """The one-to-one width mapping of step 2 for ``lang`` (a ``str.translate`` table)."""
    profile = check_language(lang)
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in _HALF_WIDTH_KANA}
    if profile.fullwidth_to_ascii == "alphanumeric":
        wide = [cp for cp in _FULL_WIDTH_ASCII if chr(cp).isalnum()]
    else:
        wide = [*_FULL_WIDTH_ASCII, _IDEOGRAPHIC_SPACE]
    table.update({cp: unicodedata.normalize("NFKC", chr(cp)) for cp in wide})
    assert all(len(v) == 1 for v in table.values())  # one for one: offsets stay simple
    return table


def normalize_text(text: str, lang: str) -> str:
    """Normalise ``text`` of language ``lang`` (see the module docstring).

    Idempotent: normalising twice changes nothing more."""
    table = _width_table(lang)
    if text.isascii():
        return text  # nothing to do, and the common case for de/id/en
    return unicodedata.normalize("NFC", INVISIBLE.sub("", text).translate(table))


def normalize_counted(text: str, lang: str) -> tuple[str, int]:
    """:func:`normalize_text` and the number of characters of ``text`` it
    removed or replaced, for the loader's ``normalized`` column: an invisible
    character removed counts 1, a width form replaced 1, a sequence NFC
    composes its length (``タ`` + U+3099 → ``ダ``: 2); a character touched by
    two steps (``ﾞ``, widened and then composed) counts once."""
    table = _width_table(lang)
    if text.isascii():
        return text, 0
    visible = INVISIBLE.sub("", text)
    widened = visible.translate(table)
    changed = _code_points(visible) != _code_points(widened)  # translate maps one for one
    if unicodedata.is_normalized("NFC", widened):
        return widened, len(text) - len(visible) + int(changed.sum())
    for unit in _CHANGING.finditer(widened):
        if unicodedata.normalize("NFC", unit.group()) != unit.group():
            changed[unit.start():unit.end()] = True
    return unicodedata.normalize("NFC", widened), len(text) - len(visible) + int(changed.sum())


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text with the raw span of each character: normalised
    ``text[i]`` came from ``raw[starts[i]:ends[i]]`` (a composed ``ダ``
    from the two raw characters ``タ`` and U+3099)."""

    text: str
    raw: str
    starts: np.ndarray
    ends: np.ndarray

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the normalised span ``text[start:end]`` (removed
        invisible characters inside it included)."""
        if not 0 <= start <= end <= len(self.text):
            raise ArgumentError(f"raw_span({start}, {end}): outside the text (0..{len(self.text)})")
        if start == end:
            at = int(self.starts[start]) if start < len(self.text) else len(self.raw)
            return at, at
        return int(self.starts[start]), int(self.ends[end - 1])


def normalize_with_offsets(text: str, lang: str) -> NormalizedText:
    """Normalise like :func:`normalize_text` and keep the way back to the raw
    text (slower: for looking things up, not for loading a corpus)."""
    table = _width_table(lang)
    keep = np.ones(len(text), dtype=bool)
    for match in INVISIBLE.finditer(text):
        keep[match.start():match.end()] = False
    kept = np.flatnonzero(keep)
    visible = "".join(text[k] for k in kept).translate(table)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for unit in _UNIT.finditer(visible):
        out = unicodedata.normalize("NFC", unit.group())
        begin, end = int(kept[unit.start()]), int(kept[unit.end() - 1]) + 1
        pieces.append(out)
        starts.extend([begin] * len(out))
        ends.extend([end] * len(out))
    return NormalizedText("".join(pieces), text, np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64))
