"""Tests for newskit.cooccurrence on tests/data/stats_mentions.csv.

Mentions per paragraph: ja1/0 {musk, grok}, ja1/2 {musk}, en1/0 {musk, grok},
en1/1 {musk ×2, xai}, de1/0 {musk}.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.analysis.cooccurrence import build_cooccurrence_graph, cooccurrence_pairs, count_units
from newskit.errors import ArgumentError

from tests.builders import read_stats_table



@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return read_stats_table("stats_mentions.csv")


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
def test_cooccurrence_pairs(mentions, unit, expected):
    assert as_tuples(cooccurrence_pairs(mentions, unit=unit)) == expected


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


def test_count_units(mentions):
    # musk is in 5 paragraphs (twice in en1/1, counted once)
    assert count_units(mentions).to_dict() == {"Q_grok": 2, "Q_musk": 5, "Q_xai": 1}


def test_missing_columns(mentions):
    with pytest.raises(ArgumentError, match="entity_id"):
        cooccurrence_pairs(mentions.drop(columns="entity_id"))


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
def test_build_cooccurrence_graph(mentions, min_weight, with_counts, nodes, edges):
    counts = count_units(mentions) if with_counts else None
    graph = build_cooccurrence_graph(cooccurrence_pairs(mentions), counts, min_weight=min_weight)
    assert set(graph.nodes) == nodes
    assert {tuple(sorted(edge)) for edge in graph.edges} == edges


def test_graph_attributes(mentions):
    labels = mentions.drop_duplicates("entity_id").set_index("entity_id")["label"]
    graph = build_cooccurrence_graph(cooccurrence_pairs(mentions), count_units(mentions), labels)
    assert graph.nodes["Q_musk"] == {"label": "マスク氏", "count": 5}
    assert graph.edges["Q_grok", "Q_musk"]["weight"] == 2


def test_graph_without_counts_has_no_count_attribute(mentions):
    graph = build_cooccurrence_graph(cooccurrence_pairs(mentions))
    assert graph.nodes["Q_xai"] == {"label": "Q_xai"}
