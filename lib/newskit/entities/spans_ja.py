"""Name spans in one paragraph of Japanese text, from raw MeCab tokens.

UniDic segments faithfully, which cuts foreign names into dictionary words
(アンソロピック → アン/ソロ/ピック, サカナAI → サカナ/AI) while one unknown
katakana run comes out whole (ニューラリンク).  So names are rebuilt from
*runs*: adjacent katakana, Latin and proper-noun tokens (・ and ＝ inside,
a Latin part with a digit in front: SR-71ブラックバード), extended by a
place or organisation suffix (ジャワ州, 野村総合研究所) and a region prefix
(中部ジャワ州).  A run is a name when it holds a UniDic proper noun, a
katakana word the dictionary lacks, a katakana + acronym
compound (サカナAI; not the designation シリーズA), or is followed by an
honorific or title (デビッド・ハ氏, フアンCEO).  A run of dictionary loanwords
(データセンター, スタートアップ, and with a dot ソーシャル・プラットフォーム, which
machine translation writes between words) is vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newskit.entities.cues import Cues
from newskit.entities.places import find_place
from newskit.entities.spans import Span
from newskit.text.mecab import get_tagger

__all__ = ["find_japanese_spans"]

KATAKANA_RE = re.compile(r"(?=.*[ァ-ヺ])[ァ-ヺー・＝]+\Z")
LATIN_RE = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+\Z")
DOTS = frozenset("・＝=")
PROPER = "名詞-固有名詞"
#: UniDic proper-noun subclasses → type.
TAG_TYPES = {"人名": "PERSON", "地名": "PLACE", "組織": "ORG"}
#: Common nouns an organisation name may run over before its suffix (野村総合研究所).
MAX_ORG_INFIX = 3


@lru_cache(maxsize=50_000)
def _is_dictionary_word(surface: str) -> bool:
    """True when UniDic has ``surface`` as one known word (ソロ, データ);
    False for unknown runs (ニューラリンク) and for what it must cut.  Uses the
    tokenizer's own process-wide tagger (node access ignores its output format)."""
    nodes = list(get_tagger()(surface))
    return len(nodes) == 1 and not nodes[0].is_unk and nodes[0].surface == surface


def _kind(token: Any) -> str:
    """kata / latin / dot / proper / other."""
    surface = token.surface
    if KATAKANA_RE.match(surface):
        return "kata"
    if LATIN_RE.match(surface) or surface == "-":
        return "latin"
    if surface in DOTS:
        return "dot"
    return "proper" if token.tag.startswith(PROPER) else "other"


def _is_proper(token: Any) -> bool:
    """A UniDic proper noun (in any script: アジア, 東京, 伊藤)."""
    return token.tag.startswith(PROPER)


def _run_end(tokens: list, i: int, cues: Cues) -> int:
    """Index after the run starting at ``i`` (adjacent name-like tokens)."""
    j = i + 1
    while j < len(tokens) and tokens[j].start == tokens[j - 1].end:
        kind = _kind(tokens[j])
        if kind == "other" or tokens[j].surface in cues.titles:
            break
        if kind == "dot" and not (j + 1 < len(tokens) and _kind(tokens[j + 1]) in ("kata", "proper")):
            break
        j += 1
    return j


def _drop_latin_head(run: list) -> list:
    """A Latin head without a digit is its own word (AIスタートアップ); with a
    digit it names a model (SR-71ブラックバード) and stays."""
    k = 0
    while k < len(run) and _kind(run[k]) == "latin":
        k += 1
    head = "".join(t.surface for t in run[:k])
    return run if any(c.isdigit() for c in head) or k == len(run) else run[k:]


def _extend_suffix(tokens: list, j: int, cues: Cues, has_proper: bool) -> tuple[int, str | None]:
    """Take a place/organisation suffix after the run: ジャワ|州, 楽天|グループ,
    野村|総合|研究|所 (a proper noun may run over common nouns to its suffix)."""
    if j < len(tokens) and tokens[j].start == tokens[j - 1].end:
        if tokens[j].surface in cues.place_suffixes:
            return j + 1, "PLACE"
        if tokens[j].surface in cues.org_suffixes:
            return j + 1, "ORG"
    if has_proper:
        k = j
        while k < len(tokens) and k - j <= MAX_ORG_INFIX and tokens[k].start == tokens[k - 1].end \
                and tokens[k].tag.startswith(("名詞-普通名詞", "接尾辞")):
            if tokens[k].surface in cues.org_suffixes and k > j:
                return k + 1, "ORG"
            k += 1
    return j, None


def _is_name_like(run: list, cues: Cues, cue_after: bool) -> bool:
    """Does the run name something (see the module docstring)?"""
    kinds = [_kind(t) for t in run]
    if cue_after or any(map(_is_proper, run)):
        return True
    if any(k == "kata" and not _is_dictionary_word(t.surface) for k, t in zip(kinds, run)):
        return True
    if "kata" in kinds and kinds[-1] == "latin":
        tail = "".join(t.surface for t, k in zip(run, kinds) if k == "latin")
        head = "".join(t.surface for t, k in zip(run, kinds) if k == "kata")
        return len(tail) >= 2 or head not in cues.designation_heads
    return kinds[0] == "latin" and "kata" in kinds


def _tag_votes(run: list) -> list[str]:
    """Weak votes from UniDic's proper-noun subclasses, only when every word
    of the run is a proper noun (アン of アン/ソロ/ピック says nothing)."""
    words = [t for t in run if _kind(t) != "dot"]
    if not all(map(_is_proper, words)):
        return []
    votes = []
    for token in words:
        parts = token.tag.split("-")
        if token.tag.startswith(PROPER) and len(parts) > 2 and parts[2] in TAG_TYPES:
            votes.append(TAG_TYPES[parts[2]] + "?")
    return votes


def _cue_after(tokens: list, j: int, cues: Cues) -> str | None:
    """PERSON after an honorific or title (氏, CEO, 大統領), ORG after 社."""
    if j < len(tokens) and tokens[j].start == tokens[j - 1].end:
        surface = tokens[j].surface
        if surface in cues.honorifics or surface in cues.titles:
            return "PERSON"
        if surface in cues.legal_forms:
            return "ORG"
    return None


def _make_span(text: str, tokens: list, bounds: tuple[int, int], cues: Cues, votes: list[str]) -> Span | None:
    """The span of tokens[i:j] with its votes, or None for a place used as
    an attribute (日本語, 日本人)."""
    i, j = bounds
    if i > 0 and tokens[i - 1].surface in cues.place_prefixes and tokens[i - 1].end == tokens[i].start \
            and "PLACE" in votes:
        i -= 1
    surface = text[tokens[i].start:tokens[j - 1].end]
    if j < len(tokens) and tokens[j].surface in cues.demonym_suffixes and tokens[j].start == tokens[j - 1].end:
        return None
    if find_place(surface, "ja"):
        votes.append("PLACE")
    if any(c.isdigit() for c in surface):
        votes.append("PRODUCT")
    return Span(surface, tokens[i].start, tokens[j - 1].end, tuple(votes), frozenset())


def find_japanese_spans(text: str, tokens: list, cues: Cues) -> list[Span]:
    """Name spans of one (masked) Japanese text from its raw MeCab tokens."""
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        if _kind(tokens[i]) in ("other", "dot"):
            i += 1
            continue
        j = _run_end(tokens, i, cues)
        run = _drop_latin_head(tokens[i:j])
        start = j - len(run)
        cue = _cue_after(tokens, j, cues)
        has_proper = any(map(_is_proper, run))
        end, suffix_type = _extend_suffix(tokens, j, cues, has_proper)
        cue = cue or _cue_after(tokens, end, cues)
        if run and _is_name_like(run, cues, cue is not None or suffix_type is not None) \
                and any(_kind(t) != "latin" for t in run):
            votes = _tag_votes(run) + [v for v in (cue, suffix_type) if v]
            span = _make_span(text, tokens, (start, end), cues, votes)
            if span is not None and span.surface not in cues.vocabulary:
                spans.append(span)
        i = max(end, i + 1)
    return spans + _dateline_spans(text, cues)


def _dateline_spans(text: str, cues: Cues) -> list[Span]:
    """The agency of a wire dateline 【ジャカルタ＝共同】 (an ORG)."""
    if not cues.dateline:
        return []
    return [Span(m.group(1), m.start(1), m.end(1), ("ORG",), frozenset({"dateline"}))
            for m in re.finditer(cues.dateline, text) if "〓" not in m.group(1)]
