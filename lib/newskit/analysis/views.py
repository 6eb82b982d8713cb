"""Ranked term lists reshaped for reading: one column per group or method."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.errors import ArgumentError

__all__ = ["side_by_side", "wide_ranks"]

def wide_ranks(table: pd.DataFrame, by: str = "doc_id", term: str = "term", value: str | None = "count",
               digits: int = 0) -> pd.DataFrame:
    """A ranked long table (most important first within each group, as
    :func:`newskit.analysis.frequency.top_terms` returns it) as a readable wide one:
    one row per rank, one column per group in first-seen order, cells
    ``"term (value)"`` (just the term when ``value`` is ``None``; values rounded
    to ``digits``).  Shorter lists leave empty cells."""
    check_columns(table, [by, term, *([value] if value else [])], "ranked terms")
    if table.empty:
        return pd.DataFrame(index=pd.RangeIndex(1, 1, name="rank"))
    labels = table[term].astype(str)
    if value:
        numbers = table[value].astype(float).round(digits)
        shown = numbers.map(lambda x: f"{x:.{digits}f}")
        labels = labels + " (" + shown + ")"
    ranked = pd.DataFrame({by: table[by].astype(str).to_numpy(), "label": labels.to_numpy()})
    ranked["rank"] = ranked.groupby(by, sort=False).cumcount() + 1
    wide = ranked.pivot(index="rank", columns=by, values="label").fillna("")
    wide = wide[list(dict.fromkeys(ranked[by]))]
    wide.columns.name = by
    return wide


def side_by_side(tables: Mapping[str, pd.DataFrame], term: str = "term", by: str = "doc_id") -> pd.DataFrame:
    """Put ranked term lists next to each other for reading: one row per
    ``rank``, one column per (unit of ``by``, method) with the method names
    taken from the keys of ``tables`` (e.g. ``{"tf-idf": …, "G²": …}``).
    Lists of unequal length leave empty cells."""
    if not tables:
        raise ArgumentError("give at least one table to put side by side")
    columns = {}
    for method, table in tables.items():
        check_columns(table, [by, "rank", term], "ranked terms")
        for doc, part in table.groupby(by, sort=False, observed=True):
            columns[(str(doc), method)] = part.set_index("rank")[term].astype(str)
    wide = pd.DataFrame(columns).fillna("")
    docs = list(dict.fromkeys(doc for doc, _ in columns))
    wide = wide[[(doc, method) for doc in docs for method in tables if (doc, method) in columns]]
    wide.index.name = "rank"
    return wide

