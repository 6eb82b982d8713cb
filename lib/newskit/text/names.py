"""Names kept whole in the token stream, beyond the fixed merge rules.

UniDic segments faithfully, which is the problem for names: アンソロピック
comes out as アン/ソロ/ピック, ソフトバンク as ソフト/バンク, イーロンマスク as
イー/ロン/マスク.  Two passes run on the Japanese (MeCab) stream before the
merge pass of :mod:`newskit.text.merges`:

1. **Known names** (:func:`names_pattern`): every alias of the default
   gazetteer written with kana or kanji (the shipped base and the project's
   ``data/entities.csv``, read as plain data by :mod:`newskit.io.aliases`:
   the text layer never imports the entity layer) is merged into one PROPN
   token when its edges fall on token boundaries: ソフトバンク, シリコンバレー,
   SR-71ブラックバード, 東京エレクトロン.  The aliases are fingerprinted
   (:func:`names_fingerprint`), and the token cache key includes it.
2. **Name-like runs** (:func:`join_name_runs`), UniDic tags as evidence:

   * a run of two or more adjacent katakana tokens is one word when one piece
     is a UniDic proper noun (アン in アンソロピック, ルミナ in ルミナリス), is
     not a noun (イー in イーロン, スマート in スマートフォン) or has at most
     :data:`SHORT_PIECE` characters (ロン, プ in プリヤ): such cuts are
     artefacts of the dictionary, not the writer's word boundaries.  A run of
     full dictionary nouns (データ/センター, チャット/ボット) is left as UniDic
     cut it — a compound, not a name;
   * a katakana word directly followed by a 2–3 letter capital acronym is one
     name (サカナAI, オープンAI, ルミナリスAI; not a designation such as
     シリーズA);
   * a UniDic surname directly followed by a given name is one person
     (孫/正義 → 孫正義, 森下/健太 → 森下健太).

   Tokens already merged as known names are never glued to their neighbours
   (テスラ + データセンター stays apart).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from newskit.io.aliases import default_gazetteer_files, read_aliases
from newskit.lang import supported_languages
from newskit.text.merges import merged_info
from newskit.text.tokens import Info, TokenColumns

__all__ = ["SHORT_PIECE", "join_name_runs", "name_terms", "names_fingerprint", "names_pattern", "trie_pattern"]

KATAKANA_RE = re.compile(r"[ァ-ヺー]+\Z")
ACRONYM_RE = re.compile(r"[A-Z]{2,3}\Z")
#: Kana or kanji: the aliases the Japanese stream can cut apart.
JAPANESE_CHAR_RE = re.compile(r"[ぁ-ゖァ-ヺー一-鿿々〆]")
#: A katakana piece this short is a dictionary artefact inside a longer word.
SHORT_PIECE = 2
PROPER = "固有名詞"
SURNAME, GIVEN_NAME = "人名-姓", "人名-名"


def trie_pattern(words: Iterable[str], after_first: str = "") -> str:
    """One regex for many literal words, shaped as a trie so the engine
    never tries hundreds of alternatives per position; greedy optional tails
    make the longest word win.  ``after_first`` is inserted after each
    word's first character (the entity matcher's edge check)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie, after_first, first=True)


def _render(node: dict[str, dict], after_first: str, first: bool = False) -> str:
    """One trie node as a regex (see :func:`trie_pattern`)."""
    branches = [re.escape(char) + (after_first if first else "") + _render(child, after_first)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _mtimes() -> tuple[tuple[str, int], ...]:
    """The default gazetteer files and their modification times."""
    return tuple((str(p), p.stat().st_mtime_ns) for p in default_gazetteer_files())


@lru_cache(maxsize=2)
def _terms_for(files: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    """Kana/kanji aliases of the files, longest first."""
    from pathlib import Path
    columns = [f"aliases_{code}" for code in supported_languages()]
    aliases = read_aliases([Path(p) for p, _ in files], columns)
    return tuple(sorted((a for a in aliases if JAPANESE_CHAR_RE.search(a)), key=lambda a: (-len(a), a)))


def name_terms() -> tuple[str, ...]:
    """The known names the Japanese stream keeps whole (re-read when a
    gazetteer file changes)."""
    return _terms_for(_mtimes())


@lru_cache(maxsize=2)
def _compile(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The trie regex of the terms (None when there are none)."""
    return re.compile(trie_pattern(terms)) if terms else None


def names_pattern() -> re.Pattern[str] | None:
    """The compiled pattern of :func:`name_terms`."""
    return _compile(name_terms())


def names_fingerprint() -> str:
    """SHA-256 of :func:`name_terms`: part of the token cache key, so an
    edited gazetteer never serves tokens cut by its old aliases."""
    return hashlib.sha256("\0".join(name_terms()).encode("utf-8")).hexdigest()


def _is_kata(tokens: TokenColumns, k: int, known: frozenset[tuple[int, int]]) -> bool:
    """Token ``k`` is plain katakana and no known name (merged or a
    one-token alias such as テスラ)."""
    info = tokens.infos[k]
    return (info[3] != "merged" and (tokens.starts[k], tokens.ends[k]) not in known
            and KATAKANA_RE.match(info[0]) is not None)


def _is_artefact_run(infos: list[Info]) -> bool:
    """Evidence that a katakana run is one word UniDic cut apart."""
    return any(PROPER in i[3] or i[2] not in ("NOUN", "PROPN") or len(i[0]) <= SHORT_PIECE for i in infos)


def _group_end(tokens: TokenColumns, i: int, known: frozenset[tuple[int, int]]) -> int:
    """Index after the name-like group starting at token ``i`` (``i + 1``
    when there is none)."""
    starts, ends, infos = tokens.starts, tokens.ends, tokens.infos
    if SURNAME in infos[i][3] and i + 1 < len(infos) and starts[i + 1] == ends[i] and GIVEN_NAME in infos[i + 1][3]:
        return i + 2
    if not _is_kata(tokens, i, known):
        return i + 1
    j = i + 1
    while j < len(infos) and starts[j] == ends[j - 1] and _is_kata(tokens, j, known):
        j += 1
    if j - i < 2 or not _is_artefact_run(infos[i:j]):
        j = i + 1
    if j < len(infos) and starts[j] == ends[j - 1] and infos[j][3] != "merged" and ACRONYM_RE.match(infos[j][0]):
        j += 1
    return j


def join_name_runs(tokens: TokenColumns, text: str, lang: str,
                   known: frozenset[tuple[int, int]] = frozenset()) -> TokenColumns:
    """Join name-like token runs (see the module docstring) into one token;
    ``known`` are spans of known names, never glued to a neighbour."""
    out = TokenColumns()
    i, n = 0, len(tokens.infos)
    while i < n:
        j = _group_end(tokens, i, known)
        if j == i + 1:
            out.starts.append(tokens.starts[i])
            out.ends.append(tokens.ends[i])
            out.infos.append(tokens.infos[i])
        else:
            start, end = tokens.starts[i], tokens.ends[j - 1]
            group = tokens.infos[i:j]
            pos = "PROPN" if any(PROPER in g[3] or g[0].isupper() for g in group) else None
            out.starts.append(start)
            out.ends.append(end)
            out.infos.append(merged_info(group, text[start:end], lang, pos))
        i = j
    return out
