"""Japanese tokenization: MeCab (through fugashi) with the UniDic dictionary
shipped by unidic-lite, so nothing is downloaded at run time.

The Tagger is built once per process and reused (building it reads the
dictionary: ~0.1 s).  Lemmas are UniDic's ``orthBase`` (the dictionary form in
ordinary spelling, 発表し → する) and never UniDic's ``lemma`` field, which
carries English glosses (``マスク-mask``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import fugashi
import unidic_lite

from newskit.tokens import Token

#: UniDic first-level POS → coarse tag (second level refines nouns/particles).
UNIDIC_POS: dict[str, str] = {
    "名詞": "NOUN", "代名詞": "PRON", "形状詞": "ADJ", "形容詞": "ADJ", "連体詞": "DET",
    "副詞": "ADV", "接続詞": "CCONJ", "感動詞": "INTJ", "動詞": "VERB", "助動詞": "AUX",
    "助詞": "ADP", "接頭辞": "PART", "接尾辞": "PART", "補助記号": "PUNCT", "記号": "SYM",
    "空白": "SPACE",
}
UNIDIC_POS2: dict[tuple[str, str], str] = {
    ("名詞", "固有名詞"): "PROPN",
    ("名詞", "数詞"): "NUM",
    ("助詞", "接続助詞"): "SCONJ",
    ("助詞", "終助詞"): "PART",
}


@lru_cache(maxsize=1)
def get_tagger() -> fugashi.Tagger:
    """The process-wide MeCab tagger on unidic-lite's dictionary."""
    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')


def coarse_tag(pos1: str, pos2: str, surface: str) -> str:
    """Map UniDic POS to the kit's coarse tag; unknown Latin words that
    MeCab calls 普通名詞 become PROPN when capitalised (xAI, Grok)."""
    tag = UNIDIC_POS2.get((pos1, pos2)) or UNIDIC_POS.get(pos1, "X")
    if tag == "SYM" and len(surface) > 1 and surface.isalpha():
        return "NOUN"  # spelled-out symbols such as ベータ (beta) are words
    if tag == "NOUN" and surface.isascii() and any(c.isupper() for c in surface):
        return "PROPN"
    return tag


def read_node(node, start: int) -> Token:
    """Turn one fugashi node at ``start`` into a raw :class:`Token`."""
    feature = node.feature
    pos1 = feature.pos1 or "*"
    pos2 = feature.pos2 or "*"
    base = getattr(feature, "orthBase", None)
    surface = node.surface
    lemma = base if base and base != "*" else unicodedata.normalize("NFKC", surface)
    fine = "-".join(p for p in (pos1, pos2, feature.pos3, feature.pos4) if p and p != "*")
    return Token(surface, lemma, coarse_tag(pos1, pos2, surface), start, start + len(surface), fine)


def tokenize_segment(text: str, offset: int) -> list[Token]:
    """Tokenize a NUL-free piece of text whose first char sits at ``offset``."""
    tokens, pos = [], 0
    for node in get_tagger()(text):
        found = text.find(node.surface, pos)
        if found < 0 or not node.surface:
            continue  # MeCab never invents text; this only guards odd input
        pos = found
        token = read_node(node, offset + pos)
        pos += len(node.surface)
        if token.pos != "SPACE":
            tokens.append(token)
    return tokens


def tokenize_japanese_raw(text: str) -> list[Token]:
    """Raw MeCab tokens with offsets into ``text`` (before the merge pass).

    MeCab reads C strings, so text is tagged line by line and NUL characters
    (which would end the string early) are skipped."""
    tokens: list[Token] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for k, piece in enumerate(line.split("\x00")):
            if piece.strip():
                tokens.extend(tokenize_segment(piece, offset))
            offset += len(piece) + (1 if k < line.count("\x00") else 0)
    return tokens
