"""The only door from the new entity modules to internals of the flat
package that issue 9 is moving.  Each function wraps ONE internal name, so the
integrator changes one import line per function after the move and nothing
else.  Everything else the new modules use comes from the ``newskit`` façade.
"""

from __future__ import annotations

from typing import Any


def japanese_raw_tokens(text: str) -> list[Any]:
    """MeCab tokens of ``text`` BEFORE the merge pass, each with ``.tag``
    (UniDic fine POS such as ``名詞-固有名詞-人名-姓``), ``.surface``,
    ``.start``, ``.end``.  Discovery needs the fine tags and the raw pieces
    (アン/ソロ/ピック) to rebuild names the merge pass does not know.

    Internal name: ``newskit.ja.tokenize_japanese_raw`` (after issue 9:
    the MeCab back-end in ``newskit.text``)."""
    from newskit.ja import tokenize_japanese_raw
    return tokenize_japanese_raw(text)


def stopwords_for(lang: str) -> frozenset[str]:
    """Lower-cased stop words of ``lang`` as the tokenizer marks them
    (stopwords-iso plus the project list), so discovery and the token table
    agree on what a function word is.

    Internal name: ``newskit.stopwords.stopwords_for`` (after issue 9:
    ``newskit.text`` / the language profiles)."""
    from newskit.stopwords import stopwords_for as _stopwords_for
    return _stopwords_for(lang)


def is_ordinary_word(word: str, lang: str) -> bool:
    """The kit's test for a capitalised word that is vocabulary, not a name
    (German nouns and compounds of known words, hyphenated loans), so that
    discovery and ``candidate_entities`` draw the line at the same place.

    Internal name: ``newskit.entities.is_ordinary_word`` (the flat module;
    after issue 9: the candidates module of ``newskit.entities``)."""
    from newskit.entities import is_ordinary_word as _is_ordinary_word
    return _is_ordinary_word(word, lang)
