"""Tests for newskit.cooccurrence on tests/data/stats_mentions.csv.

Mentions per paragraph: ja1/0 {musk, grok}, ja1/2 {musk}, en1/0 {musk, grok},
en1/1 {musk ×2, xai}, de1/0 {musk}.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.analysis.cooccurrence import build_cooccurrence_graph, cooccurrence_pairs, count_units
from newskit.errors import ArgumentError


def as_tuples(pairs: pd.DataFrame) -> list[tuple]:
    return list(pairs[["a", "b", "weight"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        # per paragraph: grok+musk in two paragraphs, musk+xai in one (musk twice counts once)
        (("doc_id", "para_id"), [("Q_grok", "Q_musk", 2), ("Q_musk", "Q_xai", 1)]),
        # per document: en1 links all three, ja1 links grok+musk
        ("doc_id", [("Q_grok", "Q_musk", 2), ("Q_grok", "Q_xai", 1), ("Q_musk", "Q_xai", 1)]),
    ],
)
def test_cooccurrence_pairs(toy_mentions, unit, expected):
    assert as_tuples(cooccurrence_pairs(toy_mentions, unit=unit)) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a key alone in its paragraph gives no pair (and no self-pair)
        ([("d", 0, "A"), ("d", 0, "A")], []),
        # missing keys are ignored
        ([("d", 0, "A"), ("d", 0, None)], []),
        # pairs are unordered: B,A and A,B in two paragraphs are one pair of weight 2
        ([("d", 0, "B"), ("d", 0, "A"), ("d", 1, "A"), ("d", 1, "B")], [("A", "B", 2)]),
        # the same para_id in different documents are different units
        ([("d", 0, "A"), ("e", 0, "B")], []),
        # three keys in one paragraph make three pairs
        ([("d", 0, "A"), ("d", 0, "B"), ("d", 0, "C")], [("A", "B", 1), ("A", "C", 1), ("B", "C", 1)]),
    ],
)
def test_cooccurrence_pairs_edge_cases(rows, expected):
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "entity_id"])
    assert as_tuples(cooccurrence_pairs(frame)) == expected


def test_count_units(toy_mentions):
    # musk is in 5 paragraphs (twice in en1/1, counted once)
    assert count_units(toy_mentions).to_dict() == {"Q_grok": 2, "Q_musk": 5, "Q_xai": 1}


def test_missing_columns(toy_mentions):
    with pytest.raises(ArgumentError, match="entity_id"):
        cooccurrence_pairs(toy_mentions.drop(columns="entity_id"))


@pytest.mark.parametrize(
    ("min_weight", "with_counts", "nodes", "edges"),
    [
        # every pair becomes an edge
        (1, False, {"Q_grok", "Q_musk", "Q_xai"}, {("Q_grok", "Q_musk"), ("Q_musk", "Q_xai")}),
        # thinning drops the light edge and, without counts, its lonely node
        (2, False, {"Q_grok", "Q_musk"}, {("Q_grok", "Q_musk")}),
        # with node counts, an entity without edges is still shown
        (2, True, {"Q_grok", "Q_musk", "Q_xai"}, {("Q_grok", "Q_musk")}),
    ],
)
def test_build_cooccurrence_graph(toy_mentions, min_weight, with_counts, nodes, edges):
    counts = count_units(toy_mentions) if with_counts else None
    graph = build_cooccurrence_graph(cooccurrence_pairs(toy_mentions), counts, min_weight=min_weight)
    assert set(graph.nodes) == nodes
    assert {tuple(sorted(edge)) for edge in graph.edges} == edges


def test_graph_attributes(toy_mentions):
    labels = toy_mentions.drop_duplicates("entity_id").set_index("entity_id")["label"]
    graph = build_cooccurrence_graph(cooccurrence_pairs(toy_mentions), count_units(toy_mentions), labels)
    assert graph.nodes["Q_musk"] == {"label": "マスク氏", "count": 5}
    assert graph.edges["Q_grok", "Q_musk"]["weight"] == 2


def test_graph_without_counts_has_no_count_attribute(toy_mentions):
    graph = build_cooccurrence_graph(cooccurrence_pairs(toy_mentions))
    assert graph.nodes["Q_xai"] == {"label": "Q_xai"}


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # units: grok 2, musk 5, xai 1 (test_count_units); grok–musk together in 2, musk–xai in 1
        # Jaccard grok–musk = 2 / (2 + 5 − 2) = 0.4; musk–xai = 1 / (5 + 1 − 1) = 0.2
        ("jaccard", [("Q_grok", "Q_musk", 0.4), ("Q_musk", "Q_xai", 0.2)]),
        ("count", [("Q_grok", "Q_musk", 2), ("Q_musk", "Q_xai", 1)]),
    ],
)
def test_edge_measures(toy_mentions, measure, expected):
    pairs = cooccurrence_pairs(toy_mentions, measure=measure)
    assert [(a, b) for a, b, _ in as_tuples(pairs)] == [(a, b) for a, b, _ in expected]
    assert pairs["weight"].tolist() == pytest.approx([w for _, _, w in expected])
    # counts keep the three columns notebooks unpack; Jaccard adds the raw count beside itself
    if measure == "count":
        assert list(pairs.columns) == ["a", "b", "weight"]
    else:
        assert pairs["count"].tolist() == [2, 1] and pairs["jaccard"].tolist() == pytest.approx([0.4, 0.2])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # always together: Jaccard 1 however rare
        ([("d", 0, "A"), ("d", 0, "B"), ("d", 1, "A"), ("d", 1, "B")], [("A", "B", 1.0)]),
        # A in 4 units, B in 1, together once: 1 / (4 + 1 − 1) = 0.25
        ([("d", 0, "A"), ("d", 0, "B"), ("d", 1, "A"), ("d", 2, "A"), ("d", 3, "A")], [("A", "B", 0.25)]),
    ],
)
def test_jaccard_by_hand(rows, expected):
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "entity_id"])
    assert as_tuples(cooccurrence_pairs(frame, measure="jaccard")) == expected


def test_jaccard_ranks_differently_from_counts():
    # A–B together in 3 of A's 10 units (B only there): count 3, Jaccard 3/10 = 0.3;
    # C–D together in their only 2 units: count 2, Jaccard 1 → first by Jaccard, second by count
    rows = [("d", k, "A") for k in range(10)] + [("d", k, "B") for k in range(3)]
    rows += [("e", k, key) for k in range(2) for key in ("C", "D")]
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "entity_id"])
    assert as_tuples(cooccurrence_pairs(frame))[0][:2] == ("A", "B")
    assert [row[:2] for row in as_tuples(cooccurrence_pairs(frame, measure="jaccard"))] == [("C", "D"), ("A", "B")]


def test_unknown_measure(toy_mentions):
    with pytest.raises(ArgumentError, match="measure='dice'"):
        cooccurrence_pairs(toy_mentions, measure="dice")


#: One text in three versions (group g): paragraph 0 of every version names A and B; in paragraph 1
#: ja names A and de names B (aligned: ja/1 ~ de/1 ~ id/1); the reference h/0 names A and B as well.
GROUPED = pd.DataFrame(
    [("ja", 0, "A"), ("ja", 0, "B"), ("de", 0, "A"), ("de", 0, "B"), ("id", 0, "A"), ("id", 0, "B"),
     ("ja", 1, "A"), ("de", 1, "B"), ("h", 0, "A"), ("h", 0, "B")],
    columns=["doc_id", "para_id", "entity_id"],
).assign(group=lambda t: t["doc_id"].map({"ja": "g", "de": "g", "id": "g", "h": "h"}),
         aligned_para=lambda t: t["doc_id"].map({"ja": "ja", "de": "ja", "id": "ja", "h": "h"})
         + "/" + t["para_id"].astype(str))


@pytest.mark.parametrize(
    ("unit", "count"),
    [
        # per paragraph: ja/0, de/0, id/0 and h/0 → 4 (the three translations count three times)
        (("doc_id", "para_id"), 4),
        # group once: g:ja/0 (all three versions) + g:ja/1 (A from ja, B from de: present in the unit) + h/0 → 3
        (("group", "aligned_para"), 3),
    ],
)
def test_translation_group_counted_once(unit, count):
    pairs = cooccurrence_pairs(GROUPED, unit=unit)
    assert as_tuples(pairs) == [("A", "B", count)]
    # node sizes on the same scale: A in ja/0, ja/1, h/0 of the group-once units = 3
    if unit == ("group", "aligned_para"):
        assert count_units(GROUPED, unit=unit).to_dict() == {"A": 3, "B": 3}
