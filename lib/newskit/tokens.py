"""Tokens: one record type for every language, the shared merge pass, and
the rules for stop words and content words.

Language back-ends (:mod:`newskit.ja`, :mod:`newskit.latin`) produce raw
tokens with character offsets; this module merges names that must stay whole
(see ``data/token_merges.toml``) and decides ``is_stop``/``is_content`` the
same way for all languages, so counts are comparable in kind if not in size.

The hot path (:func:`newskit.tokenizer.tokenize_corpus`) never builds
:class:`Token` objects: tokens travel as :class:`TokenColumns` (offsets plus
one shared :data:`Info` tuple per distinct word) through
:func:`merge_columns`, and the stop/content marks of a word are computed once
per process (:func:`token_marks`).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TypeAlias

from newskit.stopwords import is_stopword

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


def term_regex(term: str) -> str:
    """Regex of one literal merge term: words joined by any whitespace, not
    glued to further Latin letters/digits.  The no-letter-before check sits
    after the first (literal) character, which is the same test but lets the
    regex engine reject most positions on one character compare (4x faster
    over Japanese text than checking the lookbehind first)."""
    words = r"\s+".join(map(re.escape, term.split()))
    first = re.escape(term.split()[0][0])
    return rf"{first}(?<![A-Za-z0-9][\s\S]){words[len(first):]}(?![A-Za-z0-9])"


@lru_cache(maxsize=1)
def load_merge_rules() -> re.Pattern[str]:
    """One compiled alternation of all merge spans, multi-word terms first so
    that "Llama 2" wins over "Llama"."""
    raw = tomllib.loads(resources.files("newskit").joinpath("data", "token_merges.toml").read_text("utf-8"))
    terms = sorted(raw["terms"], key=len, reverse=True)
    return re.compile("|".join([term_regex(t) for t in terms] + raw["patterns"]))


def merge_spans(tokens: list[Token], text: str, extra: re.Pattern[str] | None = None) -> list[Token]:
    """Merge tokens covering one matched span into a single token.

    A span whose edges cut through a token is left alone: the merge pass only
    ever joins whole tokens, so no character is lost or invented."""
    pattern = extra or load_merge_rules()
    by_start = {t.start: k for k, t in enumerate(tokens)}
    by_end = {t.end: k for k, t in enumerate(tokens)}
    merged: list[Token] = []
    k = 0
    for match in pattern.finditer(text):
        first, last = by_start.get(match.start()), by_end.get(match.end())
        if first is None or last is None or last <= first or first < k:
            continue
        merged.extend(tokens[k:first])
        merged.append(join_tokens(tokens[first:last + 1], text))
        k = last + 1
    merged.extend(tokens[k:])
    return merged


def merged_pos(tags: list[str], surface: str) -> str:
    """Coarse tag of a merged span: a name, a number or a noun."""
    if "PROPN" in tags or any(c.isupper() for c in surface):
        return "PROPN"
    if all(t in ("NUM", "PUNCT", "SYM") for t in tags):
        return "NUM"
    return "NOUN"


def join_tokens(parts: list[Token], text: str) -> Token:
    """One token for a merged span: a name, a model name or a number."""
    surface = text[parts[0].start:parts[-1].end]
    return Token(surface, unicodedata.normalize("NFKC", surface), merged_pos([p.pos for p in parts], surface),
                 parts[0].start, parts[-1].end, "merged")


def merged_info(infos: list[Info], surface: str, lang: str) -> Info:
    """:func:`join_tokens` for the fast path: the info of a merged span."""
    lemma = unicodedata.normalize("NFKC", surface)
    pos = merged_pos([info[2] for info in infos], surface)
    return (surface, lemma, pos, "merged", *token_marks(surface, lemma, pos, lang))


def merge_columns(tokens: TokenColumns, text: str, lang: str,
                  extra: re.Pattern[str] | None = None) -> TokenColumns:
    """:func:`merge_spans` for :class:`TokenColumns` (same rules, same result).

    Token starts and ends are ascending, so span edges are found by binary
    search instead of building two dicts per text."""
    spans = [m.span() for m in (extra or load_merge_rules()).finditer(text)]
    starts, ends, infos = tokens.starts, tokens.ends, tokens.infos
    merged = TokenColumns()
    k = 0
    for start, end in spans:
        first, last = bisect_left(starts, start), bisect_left(ends, end)
        if first >= len(starts) or starts[first] != start or last >= len(ends) or ends[last] != end:
            continue
        if last <= first or first < k:
            continue
        merged.starts += starts[k:first]
        merged.ends += ends[k:first]
        merged.infos += infos[k:first]
        merged.starts.append(start)
        merged.ends.append(end)
        merged.infos.append(merged_info(infos[first:last + 1], text[start:end], lang))
        k = last + 1
    if k == 0:
        return tokens
    merged.starts += starts[k:]
    merged.ends += ends[k:]
    merged.infos += infos[k:]
    return merged


def has_letter(word: str) -> bool:
    """True when ``word`` contains at least one letter of any script."""
    return any(unicodedata.category(c).startswith("L") for c in word)


def is_lone_kana(word: str) -> bool:
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
    content = (pos in CONTENT_TAGS and not stop and has_letter(surface)
               and not is_lone_kana(surface) and not lone_latin)
    return stop, content


def mark_token(token: Token, lang: str) -> Token:
    """Fill ``is_stop`` and ``is_content`` (see :func:`token_marks`)."""
    stop, content = token_marks(token.surface, token.lemma, token.pos, lang)
    return replace(token, is_stop=stop, is_content=content)
