"""Tokens: one record type for every language and the rules for stop words
and content words.

Language back-ends (:mod:`newskit.text.mecab`, :mod:`newskit.text.latin`)
produce tokens with character offsets; :mod:`newskit.text.merges` joins names
that must stay whole, and this module decides ``is_stop``/``is_content`` the
same way for all languages, so counts are comparable in kind if not in size.

The hot path never builds :class:`Token` objects: tokens travel as
:class:`TokenColumns` (offsets plus one shared :data:`Info` tuple per distinct
word), and the stop/content marks of a word are computed once per process
(:func:`token_marks`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

from newskit.text.stopwords import is_stopword

__all__ = ["COARSE_TAGS", "CONTENT_TAGS", "Info", "Row", "Token", "TokenColumns", "token_marks"]

#: Coarse, language-independent tags (Universal Dependencies UPOS names).
COARSE_TAGS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "PRON", "DET", "ADP", "AUX",
               "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM", "X")
#: Tags whose words a term-frequency analysis counts (``X`` = a Latin-script
#: word the rule-based tagger cannot place; content unless it is a stop word).
CONTENT_TAGS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "X"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text[start:end] == surface`` for the text it came from.

    ``tag`` keeps the tokenizer's own fine-grained tag (UniDic POS for
    Japanese, e.g. ``名詞-固有名詞-人名-姓``; empty for Latin script)."""

    surface: str
    lemma: str
    pos: str
    start: int
    end: int
    tag: str = ""
    is_stop: bool = False
    is_content: bool = False


#: A token as a plain tuple, fields in :class:`Token` order:
#: ``(surface, lemma, pos, start, end, tag, is_stop, is_content)``.
Row: TypeAlias = tuple[str, str, str, int, int, str, bool, bool]
#: Everything about a token but its position, shared by every occurrence of
#: the same word: ``(surface, lemma, pos, tag, is_stop, is_content)``.
Info: TypeAlias = tuple[str, str, str, str, bool, bool]


@dataclass(slots=True)
class TokenColumns:
    """The tokens of one text as three parallel lists: ``starts[k]``,
    ``ends[k]`` and ``infos[k]`` describe token ``k`` (the fast path's
    alternative to a list of :class:`Token`)."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    infos: list[Info] = field(default_factory=list)

    def rows(self) -> list[Row]:
        """The tokens as :data:`Row` tuples."""
        return [(i[0], i[1], i[2], s, e, i[3], i[4], i[5])
                for s, e, i in zip(self.starts, self.ends, self.infos, strict=True)]


def _has_letter(word: str) -> bool:
    """True when ``word`` contains at least one letter of any script."""
    return any(unicodedata.category(c).startswith("L") for c in word)


def _is_lone_kana(word: str) -> bool:
    """A single hiragana/katakana character: inflection debris, never a term."""
    return len(word) == 1 and unicodedata.name(word, "").startswith(("HIRAGANA", "KATAKANA"))


@lru_cache(maxsize=1 << 18)
def token_marks(surface: str, lemma: str, pos: str, lang: str) -> tuple[bool, bool]:
    """``(is_stop, is_content)`` by the kit-wide rules: content = a content
    tag, not a stop word, has a letter, is not a lone kana and (for Latin
    script) is not a lone lower-case letter.  Cached: a corpus repeats the
    same words, and the rules depend on nothing else."""
    stop = is_stopword(surface, lemma, lang)
    lone_latin = len(surface) == 1 and surface.islower() and surface.isascii()
    content = (pos in CONTENT_TAGS and not stop and _has_letter(surface)
               and not _is_lone_kana(surface) and not lone_latin)
    return stop, content
