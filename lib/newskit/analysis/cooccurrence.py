"""Co-occurrence of entities (or any key) within the same paragraph, as a graph.

Why paragraphs: a whole news article mentions almost every actor together, so
document-level co-occurrence links everything with everything; a paragraph is
the smallest unit where two names are plausibly talked about *together*.

Edge measures (KH Coder's 共起ネットワーク offers the same two):

* ``count`` — the number of units (paragraphs) in which both keys are present;
  several mentions of the same key in one paragraph count once, so a long
  quote repeating a name does not inflate its links;
* ``jaccard`` — ``count / (n_a + n_b - count)`` with ``n_a``, ``n_b`` the units
  of each key: the share of the units naming either key that name both, so two
  names that always appear together score 1 however rare they are, and a name
  that is everywhere does not link strongly to everything.

``weight`` is the measure chosen with ``measure=``; with ``"jaccard"`` the table also keeps
the raw ``count`` (and the ``jaccard`` column), so both stay in the graph and its GraphML.

**Translations counted once**: the unit is any set of columns, so
``unit=("group", "aligned_para")`` on a table from
:func:`newskit.crosslingual.units.add_aligned_units` counts a pair once per
aligned paragraph of a translation group instead of once per version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx
import pandas as pd

from newskit.analysis.frequency import PARAGRAPH, check_columns, group_columns
from newskit.errors import ArgumentError

__all__ = ["MEASURES", "PARAGRAPH", "build_cooccurrence_graph", "cooccurrence_pairs", "count_units", "select_network"]

#: ``measure=`` values of :func:`cooccurrence_pairs` (module docstring).
MEASURES = ("count", "jaccard")


def _present_keys(mentions: pd.DataFrame, unit: str | Sequence[str], key: str) -> pd.DataFrame:
    """One row per (unit, key) present, mentions without a key dropped:
    presence, not mention count, is what co-occurrence measures."""
    units = group_columns(unit)
    if not units:
        raise ArgumentError("co-occurrence needs at least one unit column")
    check_columns(mentions, [*units, key], "mentions")
    present = mentions[[*units, key]].dropna(subset=[key])
    return present.drop_duplicates(ignore_index=True)


def cooccurrence_pairs(
    mentions: pd.DataFrame, unit: str | Sequence[str] = PARAGRAPH, key: str = "entity_id", *, measure: str = "count"
) -> pd.DataFrame:
    """Count unordered pairs of distinct keys present in the same unit.

    Returns ``a, b, weight`` with ``a < b`` (each pair once), ``weight`` the
    number of shared units; with ``measure="jaccard"`` ``weight`` is the
    Jaccard coefficient and ``count``, ``jaccard`` follow (module docstring).
    Heaviest first, then by ``a``, ``b``.  Keys are compared as strings so mixed id types sort.
    """
    if measure not in MEASURES:
        raise ArgumentError(f"measure={measure!r}: choose 'count' or 'jaccard'")
    units = group_columns(unit)
    present = _present_keys(mentions, units, key)
    present[key] = present[key].astype(str)
    pairs = present.merge(present, on=units, suffixes=("_a", "_b"))
    pairs = pairs[pairs[f"{key}_a"] < pairs[f"{key}_b"]]
    counts = pairs.groupby([f"{key}_a", f"{key}_b"]).size().rename("weight").reset_index()
    counts.columns = ["a", "b", "weight"]
    counts["weight"] = counts["weight"].astype("int64")
    if measure == "jaccard":
        sizes = present[key].value_counts()
        either = counts["a"].map(sizes).astype(float) + counts["b"].map(sizes).astype(float) - counts["weight"]
        counts = counts.assign(count=counts["weight"], jaccard=counts["weight"] / either)
        counts["weight"] = counts["jaccard"]
    return counts.sort_values(["weight", "a", "b"], ascending=[False, True, True], ignore_index=True)


def count_units(
    mentions: pd.DataFrame, unit: str | Sequence[str] = PARAGRAPH, key: str = "entity_id"
) -> pd.Series:
    """Number of units each key appears in, on the same scale as pair weights,
    for sizing the nodes of :func:`build_cooccurrence_graph`."""
    present = _present_keys(mentions, unit, key)
    counts = present[key].astype(str).value_counts()
    return counts.rename("count").rename_axis(key).sort_index(kind="stable")


def build_cooccurrence_graph(
    pairs: pd.DataFrame,
    node_counts: Mapping[str, int] | pd.Series | None = None,
    node_labels: Mapping[str, str] | pd.Series | None = None,
    min_weight: float = 0,
) -> nx.Graph:
    """Turn :func:`cooccurrence_pairs` output into an undirected weighted graph.

    Edges lighter than ``min_weight`` are left out (the usual way to thin a
    hairball; the default keeps every pair, of counts and of Jaccard weights).
    Edges carry ``weight`` and, when the pairs have them, ``count`` and
    ``jaccard``.  ``node_counts`` sets a ``count`` attribute and adds keys that
    never co-occur as isolated nodes, so the graph shows every entity;
    ``node_labels`` sets a ``label`` attribute (default: the key itself) for
    readable plots of ids like Wikidata QIDs.  Without ``node_counts`` nodes
    have no ``count`` attribute (a plot then draws them all the same size).
    """
    check_columns(pairs, ["a", "b", "weight"], "pairs")
    kept = pairs[pairs["weight"] >= min_weight]
    graph = nx.Graph()
    if node_counts is not None:
        graph.add_nodes_from(str(node) for node in dict(node_counts))
    integer = pd.api.types.is_integer_dtype(kept["weight"])
    extra = {name: kept[name].astype(kind).tolist() for name, kind in (("count", int), ("jaccard", float))
             if name in kept.columns}
    for k, (a, b, weight) in enumerate(zip(kept["a"].astype(str), kept["b"].astype(str), kept["weight"].tolist(),
                                           strict=True)):
        graph.add_edge(a, b, weight=int(weight) if integer else float(weight),
                       **{name: values[k] for name, values in extra.items()})
    labels = {} if node_labels is None else dict(node_labels)
    labels = {str(node): str(value) for node, value in labels.items()}
    for node in graph.nodes:
        graph.nodes[node]["label"] = labels.get(node, node)
    if node_counts is not None:
        counts = {str(node): int(value) for node, value in dict(node_counts).items()}
        for node in graph.nodes:
            graph.nodes[node]["count"] = counts.get(node, 0)
    return graph


def select_network(pairs: pd.DataFrame, unit_counts: pd.Series, top_n: int,
                   min_weight: float) -> tuple[pd.DataFrame, pd.Series]:
    """Keep the ``top_n`` entities named in the most paragraphs and the edges
    between them seen in at least ``min_weight`` paragraphs, dropping nodes
    left without an edge: a readable network instead of a hairball."""
    top = set(unit_counts.sort_values(ascending=False, kind="stable").index[:top_n])
    kept = pairs[pairs["a"].isin(top) & pairs["b"].isin(top) & (pairs["weight"] >= min_weight)]
    nodes = set(kept["a"]) | set(kept["b"])
    return kept.reset_index(drop=True), unit_counts[unit_counts.index.isin(nodes)]
