"""Paragraphs a version moved: recognised after alignment, not mistaken for
missing facts.

The aligner's programme keeps both versions in order, so two swapped
paragraphs come out as two wrong pairs (each "missing" the other's names and
numbers) or as a paragraph with no counterpart on each side.  After the
alignment, the paragraphs of *suspect* matches — a 1–0 / 0–1 match, or a
pair whose entities or quantities differ or whose anchors hardly overlap —
are compared across the whole document pair by the aligner's own anchors
(entity ids, quantities, Latin-script words) and length shares: a suspect
paragraph of one version and one of the other whose anchors agree (cosine
at least :data:`MOVE_COSINE`, better than with their current partners) and
whose length shares are within :data:`MAX_LENGTH_RATIO` are one paragraph,
moved.  The matches they came from are dissolved: the moved pair becomes a
match of its own (``"moved"``), a paragraph left without partner 1–0 / 0–1.
"""

from __future__ import annotations

import math

from newskit.crosslingual.align import latin_anchors

__all__ = ["MAX_LENGTH_RATIO", "MOVED", "MOVE_COSINE", "SUSPECT_COSINE", "find_moves"]

MOVED = "moved"
#: Anchor agreement that makes two paragraphs one paragraph moved.
MOVE_COSINE = 0.6
#: A pair whose anchors agree less than this is suspect.
SUSPECT_COSINE = 0.5
#: Largest length-share ratio (either way) of one moved paragraph.
MAX_LENGTH_RATIO = 1.8

Match = tuple[tuple[int, ...], tuple[int, ...], str]


def _anchors(facts: dict, doc: str, paras: tuple[int, ...]) -> set[str]:
    """The aligner's anchors of one side: entity ids, quantities, Latin words."""
    found: set[str] = set()
    for p in paras:
        part = facts[(doc, p)]
        found |= {f"ent:{e}" for e in part["entities"]} | {f"num:{n}" for n in part["numbers"]}
        found |= latin_anchors(part["text"])
    return found


def _cosine(a: set[str], b: set[str]) -> float:
    """Cosine of two anchor sets (0 when either is empty)."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


class _Pair:
    """The facts both versions need for move detection."""

    def __init__(self, facts: dict, docs: tuple[str, str], totals: tuple[int, int]) -> None:
        self.facts, self.docs, self.totals = facts, docs, totals

    def anchors(self, side: int, paras: tuple[int, ...]) -> set[str]:
        return _anchors(self.facts, self.docs[side], paras)

    def share(self, side: int, para: int) -> float:
        return self.facts[(self.docs[side], para)]["chars"] / max(self.totals[side], 1)

    def kinds(self, side: int, para: int) -> set[str]:
        return self.facts[(self.docs[side], para)]["kinds"]


def _current(match: Match, pair: _Pair) -> float:
    """How well a match's two sides agree now (0 for a 1–0 / 0–1 match)."""
    left, right, _kind = match
    return _cosine(pair.anchors(0, left), pair.anchors(1, right)) if left and right else 0.0


def _is_suspect(match: Match, pair: _Pair) -> bool:
    """Unmatched, or a pair whose entities / quantities differ or whose anchors barely agree."""
    left, right, _kind = match
    if not left or not right:
        return True
    ents = [set().union(*(pair.facts[(pair.docs[s], p)]["entities"] for p in ps)) for s, ps in ((0, left), (1, right))]
    return ents[0] != ents[1] or _current(match, pair) < SUSPECT_COSINE


def _candidates(matches: list[Match], pair: _Pair) -> list[tuple[float, int, int]]:
    """(cosine, paragraph of a, paragraph of b) of suspect paragraphs that
    agree better with each other than with their partners, best first."""
    suspects = [k for k, m in enumerate(matches) if _is_suspect(m, pair)]
    current = {k: _current(matches[k], pair) for k in suspects}
    side_a = [(p, k) for k in suspects for p in matches[k][0]]
    side_b = [(p, k) for k in suspects for p in matches[k][1]]
    found = []
    for pa, ka in side_a:
        for pb, kb in side_b:
            if ka == kb or pair.kinds(0, pa) != pair.kinds(1, pb):
                continue
            ratio = (pair.share(0, pa) + 1e-3) / (pair.share(1, pb) + 1e-3)
            cosine = _cosine(pair.anchors(0, (pa,)), pair.anchors(1, (pb,)))
            if (cosine >= MOVE_COSINE and cosine > max(current[ka], current[kb])
                    and 1 / MAX_LENGTH_RATIO <= ratio <= MAX_LENGTH_RATIO):
                found.append((cosine, pa, pb))
    return sorted(found, key=lambda c: (-c[0], c[1], c[2]))


def find_moves(matches: list[Match], facts: dict, docs: tuple[str, str],
               totals: tuple[int, int]) -> list[Match]:
    """``matches`` (``(para_a ids, para_b ids, kind)`` in order) with moved
    paragraphs re-paired as ``"moved"`` matches and the paragraphs they left
    as 1–0 / 0–1 matches, in the first version's order.  ``facts`` are the
    audit's per-paragraph facts, ``totals`` the two documents' lengths."""
    used_a: dict[int, int] = {}
    used_b: set[int] = set()
    for _cosine_value, pa, pb in _candidates(matches, _Pair(facts, docs, totals)):
        if pa not in used_a and pb not in used_b:
            used_a[pa] = pb
            used_b.add(pb)
    if not used_a:
        return matches
    result: list[Match] = []
    for left, right, kind in matches:
        if not (set(left) & set(used_a) or set(right) & used_b):
            result.append((left, right, kind))
            continue
        result += [((p,), (), "1-0") for p in left if p not in used_a]
        result += [((), (p,), "0-1") for p in right if p not in used_b]
    result += [((pa,), (pb,), MOVED) for pa, pb in used_a.items()]
    return sorted(result, key=lambda m: _order(m, result))


def _order(match: Match, matches: list[Match]) -> tuple[float, int]:
    """Sort key: the first version's paragraph; a paragraph only in the
    second version goes right after the match holding its predecessor."""
    if match[0]:
        return (match[0][0], 0)
    before = [m[0][0] for m in matches if m[0] and m[1] and m[1][0] < match[1][0]]
    return (max(before) + 0.5 if before else -1.0, 1)
