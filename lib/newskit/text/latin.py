"""Tokenization and lemmatization for Latin-script languages (de, id, en).

Words come from one regular expression that keeps compounds, names and
decimal numbers whole (``Tesla-Aktionäre``, ``GPT-4o``, ``43,5``); lemmas come
from simplemma's lexicons.  No offline part-of-speech tagger covers German
and Indonesian, so the coarse tag is rule-based and says so: PUNCT, SYM and
NUM by character class; PROPN for mixed-case or alphanumeric names and for
capitalised words inside a sentence that the lexicon does not know; NOUN for
capitalised German words it does know (German capitalises every noun); X for
every other word.

Per-language facts (scale words tagged NUM, clitics dropped from names,
whether lemmatization is on by default — off for Indonesian, whose affixes
change meaning: pemerintah 'government' → perintah 'order') come from the
language's :class:`~newskit.lang.LanguageProfile`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import simplemma

from newskit.lang import get_profile
from newskit.text.tokens import Info, TokenColumns, token_marks

__all__ = ["latin_columns"]

#: Words (with inner hyphens, apostrophes, decimal points/commas) or any
#: other single visible character.
TOKEN_RE = re.compile(r"\w+(?:[-.,'’&]\w+)*|[^\w\s]")
NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")
#: Characters after which the next word starts a sentence.
SENTENCE_OPENERS = frozenset('.!?:;…▲"“„«»\'‘’([')

def _looks_like_name(word: str) -> bool:
    """xAI, OpenAI, GPT-4o, SpaceX: capitals after the first letter or
    letters mixed with digits mark a name in any Latin-script language."""
    letters = [c for c in word if c.isalpha()]
    mixed_digits = any(c.isdigit() for c in word) and bool(letters)
    return mixed_digits or any(c.isupper() for c in letters[1:]) and not word.isupper()


def _tag_word(word: str, lang: str, sentence_start: bool) -> str:
    """Rule-based coarse tag for one word token (see the module docstring)."""
    if NUMBER_RE.match(word) or word.lower() in get_profile(lang).scale_words:
        return "NUM"
    category = unicodedata.category(word[0])
    if len(word) == 1 and category.startswith("P"):
        return "PUNCT"
    if len(word) == 1 and category.startswith("S"):
        return "SYM"
    if _looks_like_name(word):
        return "PROPN"
    if not word[0].isupper():
        return "X"
    if sentence_start and simplemma.is_known(word.lower(), lang=lang):
        return "X"
    if lang == "de" and simplemma.is_known(word, lang=lang):
        return "NOUN"
    return "PROPN"


def _lemmatize_word(word: str, pos: str, lang: str, lemmatize: bool) -> str:
    """simplemma's lemma for ordinary words; names and numbers stay as written."""
    if pos == "PROPN":
        return _strip_clitic(word, lang)
    if pos in ("NUM", "PUNCT", "SYM"):
        return word
    if not lemmatize:
        return word.lower()
    fixed = _lemma_exceptions(lang).get(word.lower())
    return fixed if fixed is not None else simplemma.lemmatize(word, lang=lang)


@lru_cache(maxsize=None)
def _lemma_exceptions(lang: str) -> dict[str, str]:
    """The profile's lemma exceptions of ``lang`` as a dict (word → lemma)."""
    return dict(get_profile(lang).lemma_exceptions)


def _strip_clitic(word: str, lang: str) -> str:
    """Drop a clitic glued to a name (Indonesian Grok-nya, English Musk's)."""
    for clitic in get_profile(lang).name_clitics:
        if word.endswith(clitic) and len(word) > len(clitic):
            return word[: -len(clitic)]
    return word


#: Decoded words kept per (language, lemmatize) before the memo is reset.
WORD_MEMO_SIZE = 200_000
_WORD_MEMOS: dict[tuple[str, bool], dict[tuple[str, bool], Info]] = {}


def _read_word(word: str, lang: str, sentence_start: bool, lemmatize: bool) -> Info:
    """The :data:`~newskit.text.tokens.Info` of one word: a pure function of its
    arguments, so :func:`latin_columns` computes it once per word form."""
    pos = _tag_word(word, lang, sentence_start)
    lemma = _lemmatize_word(word, pos, lang, lemmatize)
    return (word, lemma, pos, "", *token_marks(word, lemma, pos, lang))


def latin_columns(text: str, lang: str, lemmatize: bool | None = None) -> TokenColumns:
    """Tokens with offsets, lemmas and coarse tags (before the merge pass)."""
    if lemmatize is None:
        lemmatize = get_profile(lang).lemmatize_default
    memo = _WORD_MEMOS.setdefault((lang, lemmatize), {})
    if len(memo) > WORD_MEMO_SIZE:
        memo.clear()
    tokens = TokenColumns()
    sentence_start = True
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        info = memo.get((word, sentence_start))
        if info is None:
            info = memo[word, sentence_start] = _read_word(word, lang, sentence_start, lemmatize)
        tokens.starts.append(match.start())
        tokens.ends.append(match.end())
        tokens.infos.append(info)
        if info[2] not in ("PUNCT", "SYM"):
            sentence_start = False
        elif word in SENTENCE_OPENERS:
            sentence_start = True
    return tokens
