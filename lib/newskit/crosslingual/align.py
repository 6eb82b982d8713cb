"""Align the paragraphs of two versions of one article (translations).

Machine translations keep the order of the original but not always its
paragraphing: a paragraph may be dropped, two may be merged, one split.  The
aligner is a Gale–Church-style dynamic programme over the two paragraph
sequences with five moves — 1–1, 1–0, 0–1, 1–2 and 2–1 — whose cost combines

* the **length share** of each side (a paragraph's characters over its
  document's characters, so Japanese and German lengths are comparable), and
* the overlap of **anchors**: language-neutral tokens found on both sides —
  entity ids, normalised quantities and Latin-script names.

It never relies on the versions having the same line layout.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus, document_lengths
from newskit.io.paragraphs import TEXT_KINDS

__all__ = ["ALIGNED_KINDS", "align_paragraphs"]

#: Paragraph kinds the aligner pairs (the article's text and its source line).
ALIGNED_KINDS = (*TEXT_KINDS, "source")

#: Latin-script words of 2+ letters (names survive translation unchanged).
LATIN_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
#: Costs of the moves (tuned on the seed translations; see tests/test_align.py).
SKIP_COST = 1.6
MERGE_PENALTY = 1.0
KIND_MISMATCH = 0.6
ANCHOR_WEIGHT = 1.5
NO_ANCHOR_COST = 0.5
#: Moves as (paragraphs taken from a, paragraphs taken from b).
MOVES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


@dataclass(frozen=True)
class Unit:
    """One side of a candidate match: one or two consecutive paragraphs."""

    para_ids: tuple[int, ...]
    share: float
    anchors: frozenset[str]
    kinds: frozenset[str]


def latin_anchors(text: str) -> set[str]:
    """Latin-script names in a text, case-folded (``Grok``, ``GPU``, ``xAI``)."""
    return {f"name:{m.lower()}" for m in LATIN_NAME_RE.findall(text)}


def paragraph_units(corpus: Corpus, doc_id: str, anchors: pd.DataFrame | None) -> list[Unit]:
    """The alignable paragraphs (heading, caption, body, source) of ``doc_id``."""
    if doc_id not in corpus.languages():
        raise ArgumentError(f"unknown doc_id {doc_id!r} (not in the catalog of {corpus.root})")
    rows = corpus.paragraphs[(corpus.paragraphs["doc_id"] == doc_id)
                             & corpus.paragraphs["kind"].isin(ALIGNED_KINDS)]
    total = max(int(document_lengths(corpus, ALIGNED_KINDS)[doc_id]), 1)
    extra: dict[int, set[str]] = {}
    if anchors is not None and len(anchors):
        mine = anchors[anchors["doc_id"] == doc_id]
        for para_id, group in mine.groupby("para_id"):
            extra[int(para_id)] = set(group["anchor"])
    return [
        Unit((int(p),), len(t) / total, frozenset(latin_anchors(t) | extra.get(int(p), set())), frozenset([str(k)]))
        for p, t, k in rows[["para_id", "text", "kind"]].itertuples(index=False)
    ]


def join_units(units: list[Unit]) -> Unit:
    """Two consecutive paragraphs seen as one (for 1–2 and 2–1 moves)."""
    return Unit(tuple(p for u in units for p in u.para_ids), sum(u.share for u in units),
                frozenset().union(*(u.anchors for u in units)), frozenset().union(*(u.kinds for u in units)))


def match_cost(a: Unit, b: Unit) -> float:
    """Cost of pairing ``a`` with ``b``: length-share mismatch (log ratio),
    anchor disagreement (1 − cosine of the two anchor sets; cosine rather
    than Jaccard because one side often has more names in Latin script) and a penalty for different kinds."""
    length = abs(math.log((a.share + 1e-3) / (b.share + 1e-3)))
    if a.anchors and b.anchors:
        anchor = 1 - len(a.anchors & b.anchors) / math.sqrt(len(a.anchors) * len(b.anchors))
    else:
        anchor = NO_ANCHOR_COST
    kind = 0.0 if a.kinds & b.kinds else KIND_MISMATCH
    return length + ANCHOR_WEIGHT * anchor + kind


def side_unit(units: list[Unit], pairs: list[Unit], start: int, size: int) -> Unit:
    """Unit for ``size`` (1 or 2) paragraphs from ``start``; pairs precomputed."""
    return units[start] if size == 1 else pairs[start]


def move_cost(a: Unit | None, b: Unit | None, merged: bool) -> float:
    """Cost of one DP move: a skip, a 1–1 match, or a merge (1–2/2–1)."""
    if a is None or b is None:
        return SKIP_COST
    penalty = MERGE_PENALTY if merged else 0.0
    if merged and (len(a.kinds) > 1 or len(b.kinds) > 1):
        penalty += KIND_MISMATCH  # a caption or heading never merges into body text
    return match_cost(a, b) + penalty


def align_units(a: list[Unit], b: list[Unit]) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Minimum-cost alignment of two unit sequences (dynamic programme);
    returns (indices into a, indices into b, cost) per move."""
    n, m = len(a), len(b)
    pairs_a = [join_units(a[k:k + 2]) for k in range(n - 1)]
    pairs_b = [join_units(b[k:k + 2]) for k in range(m - 1)]
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in MOVES:
                if i < di or j < dj or cost[i - di][j - dj] == math.inf:
                    continue
                ua = side_unit(a, pairs_a, i - di, di) if di else None
                ub = side_unit(b, pairs_b, j - dj, dj) if dj else None
                step = move_cost(ua, ub, di + dj > 2)
                if cost[i - di][j - dj] + step < cost[i][j]:
                    cost[i][j], back[i][j] = cost[i - di][j - dj] + step, (di, dj, step)
    path, i, j = [], n, m
    while i or j:
        di, dj, step = back[i][j]
        path.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), step))
        i, j = i - di, j - dj
    return path[::-1]


def align_paragraphs(corpus: Corpus, doc_a: str, doc_b: str,
                     anchors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pair the paragraphs of two versions of an article.

    Returns one row per match: ``para_a`` and ``para_b`` (tuples of paragraph
    ids, empty when a paragraph has no counterpart), ``match`` ("1-1", "1-0",
    "0-1", "1-2", "2-1"), ``cost`` and the ``shared_anchors``.  ``anchors`` is
    an optional table ``doc_id, para_id, anchor`` of language-neutral tokens
    (see :func:`newskit.crosslingual.audit.build_anchors`); Latin-script names are always
    used."""
    units_a = paragraph_units(corpus, doc_a, anchors)
    units_b = paragraph_units(corpus, doc_b, anchors)
    rows = []
    for left, right, cost in align_units(units_a, units_b):
        ja = join_units([units_a[k] for k in left]) if left else None
        jb = join_units([units_b[k] for k in right]) if right else None
        shared = sorted(ja.anchors & jb.anchors) if ja and jb else []
        rows.append({"doc_a": doc_a, "doc_b": doc_b,
                     "para_a": ja.para_ids if ja else (), "para_b": jb.para_ids if jb else (),
                     "match": f"{len(left)}-{len(right)}", "cost": round(cost, 3),
                     "shared_anchors": shared})
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "para_a", "para_b", "match", "cost", "shared_anchors"])
