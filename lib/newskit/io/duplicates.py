"""Find wire copies and other near-duplicates in a corpus.

News corpora are full of one text republished: the dpa, AFP or Reuters story
run by twenty outlets, each with its own headline, one dropping the last
paragraph, another adding a local one.  Counting them all inflates every
frequency; :func:`find_duplicates` marks each copy with the earliest
document of its group.

Method.  Each text is normalised (:func:`newskit.io.normalize.normalize_text`),
case-folded and cut into shingles: word 3-grams for Latin-script languages,
character 5-grams (spaces removed) for Japanese.  MinHash signatures (128
permutations, fixed seed: the result is the same on every run;
:mod:`newskit.io.minhash`) are banded *per language* — articles in different
languages are never duplicates — which proposes pairs whose estimated
Jaccard similarity is at least ``min_jaccard``.  Every proposed pair is then checked exactly on the
shingle sets, so the decision and the figures are exact, not estimates
(MinHash only saves comparing every pair).  Before any MinHash is made,
documents that share too few shingles with any other to reach
``min_jaccard`` are set aside (an exact bound), and when few possible copies
remain every pair of them is compared directly: a corpus without copies,
or a small one, costs little more than its shingling:

* ``similarity`` = overlap coefficient |A ∩ B| / min(|A|, |B|): the share
  of the shorter text found in the longer.  A copy with a paragraph
  dropped or added scores close to 1 (its Jaccard similarity would fall with
  every paragraph of difference); a pair counts when it reaches ``threshold``.
* ``jaccard`` = |A ∩ B| / |A ∪ B|, reported beside it, must reach
  ``min_jaccard`` (0.3): an excerpt shorter than about a third of the full
  text is not a duplicate, however much of it matches — a quotation or a
  brief, not a copy.

Groups are the connected pairs; the earliest document of a group (by
``published`` where every member of the comparison has one, documents
without a date after those with one, ties and the rest by catalog order) is
the original, every other member gets ``duplicate_of`` = its ``doc_id`` and
its exact similarity to it (in a chain A~B~C that similarity may be below
the threshold).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import regex

from newskit.errors import ArgumentError
from newskit.io.minhash import candidate_pairs
from newskit.io.normalize import normalize_text
from newskit.io.paragraphs import TEXT_KINDS
from newskit.lang import get_profile

__all__ = ["CORPUS_THRESHOLD", "DuplicateOptions", "article_texts", "find_corpus_duplicates", "find_duplicates", "shingles"]

#: The similarity from which :func:`load_corpus` counts a document as a copy.
CORPUS_THRESHOLD = 0.8
#: Up to this many possible copies of one language, every pair is checked
#: exactly (at most 11,175 set intersections, a few hundredths of a second)
#: instead of building MinHash signatures.
EXACT_UP_TO = 150

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class DuplicateOptions:
    """Tuning of :func:`find_duplicates` (the defaults suit news articles)."""

    min_jaccard: float = 0.3
    num_perm: int = 128
    seed: int = 1
    word_ngram: int = 3
    char_ngram: int = 5
    #: The texts are normalised already (a loaded corpus's): skip
    #: :func:`~newskit.io.normalize.normalize_text` (idempotent, but not free).
    normalized: bool = False


def shingles(text: str, lang: str, options: DuplicateOptions = DuplicateOptions()) -> frozenset[str]:
    """The shingle set of one text (see the module docstring); a text
    shorter than one shingle is its own single shingle."""
    clean = (text if options.normalized else normalize_text(text, lang)).casefold()
    if get_profile(lang).script == "japanese":  # no spaces between words: character shingles
        chars, n = _SPACE.sub("", clean), options.char_ngram
        if len(chars) < n:
            return frozenset({chars}) if chars else frozenset()
        return frozenset(chars[k:k + n] for k in range(len(chars) - n + 1))
    words, n = _WORD.findall(clean), options.word_ngram
    if len(words) < n:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(map(" ".join, zip(*(words[k:] for k in range(n)))))


def find_duplicates(documents: pd.DataFrame, texts: Mapping[str, str], *, threshold: float = 0.8,
                    options: DuplicateOptions | None = None) -> pd.DataFrame:
    """One row per document (in ``documents`` order): ``doc_id``,
    ``duplicate_of`` (missing for originals), ``similarity`` and
    ``jaccard`` to that original (NaN for originals).

    ``documents`` needs ``doc_id`` and ``lang``, ``published`` is used when
    present; ``texts`` maps ``doc_id`` to text (``corpus.texts``)."""
    options = options or DuplicateOptions()
    if not 0 < threshold <= 1:
        raise ArgumentError(f"find_duplicates: threshold must be in (0, 1], got {threshold!r}")
    missing = [c for c in ("doc_id", "lang") if c not in documents.columns]
    if missing:
        raise ArgumentError(f"find_duplicates: documents lacks column(s) {', '.join(missing)}")
    ids = documents["doc_id"].astype(str).tolist()
    langs = documents["lang"].astype(str).tolist()
    shared = {lang for lang, n in Counter(langs).items() if n > 1}
    # a document alone in its language has no copy: not even shingled
    sets = [shingles(texts[d], lang, options) if lang in shared else frozenset() for d, lang in zip(ids, langs)]
    order = _age_order(documents)
    parent = list(range(len(ids)))
    for i, j in _candidate_pairs(sets, langs, _exact_copies(sets, langs, parent, order), options):
        similarity, jaccard = _overlap(sets[i], sets[j])
        if similarity >= threshold and jaccard >= options.min_jaccard:
            _union(parent, i, j, order)
    return _result(ids, sets, parent)


def find_corpus_duplicates(documents: pd.DataFrame, paragraphs: pd.DataFrame, *,
                           threshold: float = CORPUS_THRESHOLD, texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """:func:`find_duplicates` over a loaded corpus's own article text
    (:func:`article_texts`, or ``texts`` when the caller has them already),
    so outlets' different menus and bylines around one wire story do not
    hide it."""
    texts = article_texts(documents, paragraphs) if texts is None else texts
    return find_duplicates(documents, texts, threshold=threshold, options=DuplicateOptions(normalized=True))


def article_texts(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> dict[str, str]:
    """``doc_id`` → its heading, caption and body paragraphs
    (:data:`TEXT_KINDS`), one per line: the text copies are sought in."""
    rows = paragraphs[paragraphs["kind"].isin(TEXT_KINDS)]
    pieces: dict[str, list[str]] = {doc_id: [] for doc_id in documents["doc_id"]}
    for doc_id, text in zip(rows["doc_id"].tolist(), rows["text"].tolist()):
        pieces[doc_id].append(text)
    return {doc_id: "\n".join(found) for doc_id, found in pieces.items()}


def _age_order(documents: pd.DataFrame) -> np.ndarray:
    """Rank of each document from earliest to latest (see module docstring)."""
    n = len(documents)
    if "published" in documents.columns:
        dates = pd.to_datetime(documents["published"].astype(str), errors="coerce", utc=True, format="mixed")
        undated = dates.isna().to_numpy()
        stamp = np.where(undated, 0, dates.fillna(pd.Timestamp(0, tz="UTC")).astype("int64"))
    else:
        undated, stamp = np.ones(n, dtype=bool), np.zeros(n, dtype=np.int64)
    ranked = np.lexsort((np.arange(n), stamp, undated))
    order = np.empty(n, dtype=np.int64)
    order[ranked] = np.arange(n)
    return order


def _exact_copies(sets: list[frozenset[str]], langs: list[str], parent: list[int], order: np.ndarray) -> list[int]:
    """Join documents with the same language and shingle set (exact copies,
    also after normalisation and case-folding); return one representative of
    each distinct non-empty set, in document order."""
    first: dict[tuple[str, frozenset[str]], int] = {}
    for k, (lang, found) in enumerate(zip(langs, sets)):
        if found:
            if (lang, found) in first:
                _union(parent, first[lang, found], k, order)
            else:
                first[lang, found] = k
    return sorted(first.values())


def _candidate_pairs(sets: list[frozenset[str]], langs: list[str], representatives: list[int],
                     options: DuplicateOptions) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of one language worth checking exactly:
    every pair of the possible copies (:func:`_possible_copies`) when there
    are at most :data:`EXACT_UP_TO` of them, else those MinHash LSH proposes."""
    pairs: set[tuple[int, int]] = set()
    for lang in sorted(set(langs)):
        members = _possible_copies([k for k in representatives if langs[k] == lang], sets, options.min_jaccard)
        if len(members) <= EXACT_UP_TO:
            pairs.update(itertools.combinations(members, 2))
        else:
            pairs.update(candidate_pairs(members, sets, threshold=options.min_jaccard, num_perm=options.num_perm,
                                         seed=options.seed))
    return sorted(pairs)


def _possible_copies(members: list[int], sets: list[frozenset[str]], min_jaccard: float) -> list[int]:
    """The members that share at least ``min_jaccard`` of their shingles with
    other members.  Exact, not a heuristic: a pair counts only when
    |A ∩ B| ≥ min_jaccard · |A ∪ B| ≥ min_jaccard · |A|, so a document with
    fewer shingles found anywhere else has no pair; in a corpus without
    copies nearly every document leaves here, before any MinHash is made."""
    if len(members) < 2:
        return []
    seen: set[str] = set()
    shared: set[str] = set()
    for k in members:
        shared |= sets[k] & seen
        seen |= sets[k]
    return [k for k in members if len(sets[k] & shared) >= min_jaccard * len(sets[k])]


def _overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """``(overlap coefficient, Jaccard)`` of two non-empty shingle sets."""
    common = len(a & b)
    return common / min(len(a), len(b)), common / (len(a) + len(b) - common)


def _union(parent: list[int], i: int, j: int, order: np.ndarray) -> None:
    """Join the groups of ``i`` and ``j``; the earlier root stays root."""
    a, b = _root(parent, i), _root(parent, j)
    if a != b:
        first, second = (a, b) if order[a] < order[b] else (b, a)
        parent[second] = first


def _root(parent: list[int], k: int) -> int:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _result(ids: list[str], sets: list[frozenset[str]], parent: list[int]) -> pd.DataFrame:
    """The output table from the finished groups."""
    rows = []
    for k, doc_id in enumerate(ids):
        root = _root(parent, k)
        if root == k:
            rows.append((doc_id, None, np.nan, np.nan))
        else:
            similarity, jaccard = _overlap(sets[k], sets[root])
            rows.append((doc_id, ids[root], round(similarity, 4), round(jaccard, 4)))
    return pd.DataFrame(rows, columns=["doc_id", "duplicate_of", "similarity", "jaccard"])
