"""Distinctive terms of each article against the *other articles of a
comparison set* (not the whole corpus: a Japanese article compared with
German text would find every Japanese word "distinctive"), by TF-IDF and by
keyness.  The units compared are documents, or with ``by`` any token column
naming groups of them (an outlet, a month): each group's tokens pooled."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.analysis.keyness import compute_keyness
from newskit.analysis.tfidf import compute_tfidf
from newskit.errors import ArgumentError

__all__ = ["distinctive_keyness", "distinctive_tfidf", "restrict"]

def restrict(tokens: pd.DataFrame, units: Sequence[str], by: str = "doc_id") -> pd.DataFrame:
    """The tokens of ``units`` (values of column ``by``) only; every unit must
    have tokens (a comparison that silently drops an article would mislead)."""
    check_columns(tokens, [by])
    wanted = [str(unit) for unit in units]
    values = tokens[by].astype(str)
    present = set(values)
    missing = [unit for unit in wanted if unit not in present]
    if missing:
        raise ArgumentError(f"no tokens for {by}(s) {', '.join(missing)}")
    return tokens[values.isin(wanted).to_numpy()]


def add_rank(table: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Number rows 1, 2, 3 … within each unit of ``by`` (the table is already sorted)."""
    ranked = table.reset_index(drop=True)
    ranked.insert(1, "rank", ranked.groupby(by, sort=False).cumcount() + 1)
    return ranked


def as_documents(tokens: pd.DataFrame, by: str) -> pd.DataFrame:
    """Tokens whose ``doc_id`` is their unit of ``by``, so the per-document
    statistics compare units (``by="doc_id"``: unchanged)."""
    return tokens if by == "doc_id" else tokens.assign(doc_id=tokens[by].astype(str))


def distinctive_tfidf(tokens: pd.DataFrame, doc_ids: Sequence[str], n: int = 10, by: str = "doc_id") -> pd.DataFrame:
    """The ``n`` highest tf-idf content terms of each of ``doc_ids`` (values
    of ``by``), with idf computed over them only: ``<by>, rank, term, count,
    tf, df, idf, tfidf``, units in the order given.

    With few documents idf can take only a few values (three articles: 1.0,
    1.29, 1.69), so a name frequent in every article still tops the list; read
    it next to :func:`distinctive_keyness`."""
    if n < 0:
        raise ArgumentError(f"n must be zero or positive, got {n}")
    subset = as_documents(restrict(tokens, doc_ids, by), by)
    scores = compute_tfidf(subset, "doc_id")
    scores["doc_id"] = scores["doc_id"].astype(str)
    order = {doc: k for k, doc in enumerate(map(str, doc_ids))}
    scores = scores.sort_values("doc_id", key=lambda s: s.map(order), kind="stable")
    return add_rank(scores.groupby("doc_id", sort=False).head(n)).rename(columns={"doc_id": by})


def distinctive_keyness(
    tokens: pd.DataFrame, doc_ids: Sequence[str], n: int = 10, min_count: int = 2, by: str = "doc_id"
) -> pd.DataFrame:
    """For each of ``doc_ids`` (values of ``by``), the ``n`` terms it
    over-uses most against the *other* units of ``doc_ids`` by log-likelihood
    G², with Hardie's log ratio as effect size: ``<by>, rank, term,
    freq_target, freq_ref, g2, p_value, log_ratio``.  Terms with
    ``freq_target + freq_ref < min_count`` are ignored (see
    :func:`newskit.analysis.keyness.compute_keyness`)."""
    if n < 0:
        raise ArgumentError(f"n must be zero or positive, got {n}")
    docs = [str(doc) for doc in doc_ids]
    if len(set(docs)) < 2:
        raise ArgumentError(f"keyness compares documents with each other: give at least two (got {docs})")
    subset = as_documents(restrict(tokens, docs, by), by)
    parts = []
    for doc in docs:
        others = [other for other in docs if other != doc]
        scores = compute_keyness(subset, doc, others, min_count=min_count)
        over = scores[scores["direction"] == "over"].head(n)
        parts.append(over.assign(doc_id=doc))
    columns = ["doc_id", "term", "freq_target", "freq_ref", "g2", "p_value", "log_ratio"]
    return add_rank(pd.concat(parts, ignore_index=True)[columns]).rename(columns={"doc_id": by})
