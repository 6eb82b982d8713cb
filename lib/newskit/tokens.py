"""Tokens: one record type for every language, the shared merge pass, and
the rules for stop words and content words.

Language back-ends (:mod:`newskit.ja`, :mod:`newskit.latin`) produce raw
tokens with character offsets; this module merges names that must stay whole
(see ``data/token_merges.toml``) and decides ``is_stop``/``is_content`` the
same way for all languages, so counts are comparable in kind if not in size.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

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


@lru_cache(maxsize=1)
def load_merge_rules() -> re.Pattern[str]:
    """One compiled alternation of all merge spans, multi-word terms first so
    that "Llama 2" wins over "Llama"."""
    raw = tomllib.loads(resources.files("newskit").joinpath("data", "token_merges.toml").read_text("utf-8"))
    terms = sorted(raw["terms"], key=len, reverse=True)
    term_res = [r"\s+".join(map(re.escape, t.split())) for t in terms]
    edge = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"
    return re.compile("|".join([edge.format(f"(?:{t})") for t in term_res] + raw["patterns"]))


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


def join_tokens(parts: list[Token], text: str) -> Token:
    """One token for a merged span: a name, a model name or a number."""
    surface = text[parts[0].start:parts[-1].end]
    if any(p.pos == "PROPN" for p in parts) or any(c.isupper() for c in surface):
        pos = "PROPN"
    elif all(p.pos in ("NUM", "PUNCT", "SYM") for p in parts):
        pos = "NUM"
    else:
        pos = "NOUN"
    return Token(surface, unicodedata.normalize("NFKC", surface), pos,
                 parts[0].start, parts[-1].end, "merged")


def has_letter(word: str) -> bool:
    """True when ``word`` contains at least one letter of any script."""
    return any(unicodedata.category(c).startswith("L") for c in word)


def is_lone_kana(word: str) -> bool:
    """A single hiragana/katakana character: inflection debris, never a term."""
    return len(word) == 1 and unicodedata.name(word, "").startswith(("HIRAGANA", "KATAKANA"))


def mark_token(token: Token, lang: str) -> Token:
    """Fill ``is_stop`` and ``is_content`` by the kit-wide rules:
    content = a content tag, not a stop word, has a letter, is not a lone kana
    and (for Latin script) is not a lone lower-case letter."""
    stop = is_stopword(token.surface, token.lemma, lang)
    lone_latin = len(token.surface) == 1 and token.surface.islower() and token.surface.isascii()
    content = (token.pos in CONTENT_TAGS and not stop and has_letter(token.surface)
               and not is_lone_kana(token.surface) and not lone_latin)
    return replace(token, is_stop=stop, is_content=content)
