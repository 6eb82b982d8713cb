"""Distinctive terms of each article against the *other articles of a
comparison set* (not the whole corpus: a Japanese article compared with
German text would find every Japanese word "distinctive"), by TF-IDF and by
keyness."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

import numpy as np
import pandas as pd

from newskit.analysis.dtm import document_term_matrix
from newskit.analysis.frequency import check_columns
from newskit.analysis.keyness import LOW_EXPECTED, KeynessTests, TestPlan, score_keyness
from newskit.analysis.significance import CORRECTION_NAMES
from newskit.analysis.tfidf import compute_tfidf
from newskit.errors import ArgumentError

__all__ = ["BLOCK_CELLS", "DISTINCTIVE_COLUMNS", "as_documents", "distinctive_keyness", "distinctive_tfidf", "restrict"]

#: Documents × terms cells scored at once (a block of rows of the matrix):
#: bounds the memory of a 1,000-article comparison to a few tens of MB.
BLOCK_CELLS = 1_000_000
#: Columns of :func:`distinctive_keyness`, in order.
DISTINCTIVE_COLUMNS = ["doc_id", "rank", "term", "freq_target", "freq_ref", "g2", "p_value", "log_ratio",
                       "significance", "p_adjusted", "significant", "critical_g2", "low_expected"]

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


def _add_rank(table: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
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
    return _add_rank(scores.groupby("doc_id", sort=False).head(n)).rename(columns={"doc_id": by})


def distinctive_keyness(
    tokens: pd.DataFrame, doc_ids: Sequence[str], n: int = 10, min_count: int = 2, by: str = "doc_id",
    **tests: Unpack[KeynessTests]
) -> pd.DataFrame:
    """For each of ``doc_ids`` (values of ``by``: documents, or groups such as
    outlets), the ``n`` terms it over-uses most against the *other* units of
    ``doc_ids`` by log-likelihood G², with Hardie's log
    ratio as effect size: :data:`DISTINCTIVE_COLUMNS` (``doc_id, rank, term,
    freq_target, freq_ref, g2, p_value, log_ratio``, then ``significance,
    p_adjusted, significant, critical_g2, low_expected`` as in
    :func:`newskit.analysis.keyness.compute_keyness`).  Terms with
    ``freq_target + freq_ref < min_count`` are ignored.

    **Family of tests**: each document's comparison with the others is one
    family — every term of ``doc_ids`` with ``a + b >= min_count``, over- and
    under-used, before the top-``n`` cut — so ``p_adjusted`` of a listed term
    accounts for all the terms that were tried for that document.  ``tests``
    are the :class:`~newskit.analysis.keyness.KeynessTests` keywords
    (``correction``, ``alpha``, ``min_expected``).  All documents are scored
    from one sparse document-term matrix, a block of documents at a time.
    """
    plan = TestPlan.from_keywords(min_count, tests, "distinctive_keyness")
    if n < 0:
        raise ArgumentError(f"n must be zero or positive, got {n}")
    docs = [str(doc) for doc in doc_ids]
    if len(set(docs)) < 2:
        raise ArgumentError(f"keyness compares documents with each other: give at least two (got {docs})")
    dtm = document_term_matrix(as_documents(restrict(tokens, docs, by), by), by="doc_id")
    sizes = dtm.row_totals.to_numpy(dtype=float)
    empty = [str(doc) for doc, size in zip(dtm.rows, sizes, strict=True) if size == 0]
    if empty:
        raise ArgumentError(f"the target or the reference has no content words to compare ({', '.join(empty)})")
    totals = dtm.term_counts.to_numpy()
    keep = totals >= plan.min_count
    matrix, terms, totals = dtm.matrix[:, keep], dtm.terms[keep].astype(str), totals[keep]
    where = dtm.rows.astype(str).get_indexer(docs)
    step = max(1, BLOCK_CELLS // max(len(terms), 1))
    parts, survivors = [], {}
    for start in range(0, len(docs), step):
        rows = where[start:start + step]
        a = matrix[rows].toarray()
        c = sizes[rows][:, None]
        scores = score_keyness(a, totals - a, c, sizes.sum() - c, plan)
        over = scores["significant"] & (scores["direction"] == "over")
        survivors.update(zip(docs[start:start + step], over.sum(axis=1).tolist(), strict=True))
        parts.append(_top_over_used(scores, a, totals, terms, docs[start:start + step], n))
    table = _add_rank(pd.concat(parts, ignore_index=True))[DISTINCTIVE_COLUMNS].rename(columns={"doc_id": by})
    table.attrs.update({"survivors": survivors, "family_size": int(len(terms)), "correction": plan.correction,
                        "alpha": plan.alpha, "note": _describe_families(plan, len(terms), survivors, table)})
    return table


def _top_over_used(scores: dict[str, np.ndarray], a: np.ndarray, totals: np.ndarray, terms: pd.Index,
                  docs: list[str], n: int) -> pd.DataFrame:
    """The ``n`` tested over-used terms of each row by G² (ties by term: the
    columns are sorted by term), as a long table."""
    key = np.where(scores["tested"] & (scores["direction"] == "over"), scores["g2"], -np.inf)
    order = np.argsort(-key, axis=1, kind="stable")[:, :n]
    picked = np.take_along_axis(key, order, axis=1) > -np.inf
    rows, cols = np.nonzero(picked)[0], order[picked]
    table = pd.DataFrame({"doc_id": np.asarray(docs, dtype=object)[rows], "term": np.asarray(terms)[cols],
                          "freq_target": a[rows, cols].astype("int64"),
                          "freq_ref": (totals[cols] - a[rows, cols]).astype("int64")})
    for name in DISTINCTIVE_COLUMNS[5:]:
        table[name] = scores[name][rows, cols]
    return table


def _describe_families(plan: TestPlan, family: int, survivors: dict[str, int], table: pd.DataFrame) -> str:
    """``attrs["note"]`` of :func:`distinctive_keyness`: the family, the
    correction and how many terms survive in each document."""
    name = CORRECTION_NAMES[plan.correction]
    note = (f"Each document against the others: one family of {family} tests (every term with a + b >= "
            f"{plan.min_count}); {name} correction at alpha = {plan.alpha}; significant over-used terms per document: "
            + ", ".join(f"{doc} {count}" for doc, count in survivors.items()) + ".")
    low = int(table["low_expected"].sum())
    if low:
        note += (f" {low} listed terms have an expected frequency below {LOW_EXPECTED:g} (low_expected): "
                 "their p-values are approximate.")
    return note
