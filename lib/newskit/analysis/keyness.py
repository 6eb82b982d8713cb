"""Keyness: which terms are typical of one article (or group) against a reference.

Formulas (a = frequency in the target, b = in the reference, c = target size,
d = reference size, sizes counted in the same tokens as the frequencies, i.e.
the counted tokens of :func:`newskit.analysis.frequency.select_terms`):

* **Log-likelihood G²** (Rayson & Garside 2000, the Lancaster "LL wizard")::

      E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
      G² = 2 (a ln(a / E1) + b ln(b / E2))      with 0 · ln 0 = 0

  It sums over the two *frequency* cells only (not the full 2×2 table), as in
  the keyword literature, so values match published keyword lists.
* **p-value**: G² is χ²-distributed with 1 degree of freedom, whose survival
  function is exactly ``p = erfc(sqrt(G² / 2))`` (no scipy needed).
* **Log Ratio** (Hardie 2014): ``log2((a / c) / (b / d))``; a zero frequency is
  replaced by 0.5 first (Hardie's own convention), so a term absent from one
  side gets a large but finite value instead of ±infinity.  Effect size: +1
  means twice as frequent in the target, -1 half as frequent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.analysis.frequency import PER_TOKENS, check_columns, select_terms, sort_counts
from newskit.errors import ArgumentError

__all__ = ["compute_keyness", "compute_p_value", "log_likelihood", "log_ratio"]

#: Frequency substituted for a zero in :func:`log_ratio` (Hardie 2014).
ZERO_SMOOTHING = 0.5


ArrayLike = float | int | Sequence[float] | np.ndarray | pd.Series


def as_result(values: np.ndarray) -> float | np.ndarray:
    """Return a plain float for scalar input and an array otherwise, so the
    formulas read naturally in a notebook cell and still vectorise over columns."""
    return float(values) if np.ndim(values) == 0 else values


def check_table(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> None:
    """Reject impossible 2×2 tables (negative counts, empty corpora, more hits
    than tokens): such input means a bug upstream, and a silent NaN would hide it."""
    if not all(np.all(np.isfinite(x)) for x in (a, b, c, d)):
        raise ArgumentError("keyness needs finite frequencies and corpus sizes")
    if np.any(a < 0) or np.any(b < 0):
        raise ArgumentError("keyness frequencies a and b must not be negative")
    if np.any(c <= 0) or np.any(d <= 0):
        raise ArgumentError("keyness corpus sizes c and d must be positive")
    if np.any(a > c) or np.any(b > d):
        raise ArgumentError("a frequency exceeds its corpus size (a > c or b > d)")


def log_likelihood(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> float | np.ndarray:
    """Rayson & Garside log-likelihood G² of frequency ``a`` in a target of ``c``
    tokens against ``b`` in a reference of ``d`` tokens (formula in the module
    docstring).  Measures how *surprising* the difference is; zeros are fine."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    check_table(a, b, c, d)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        term_a = np.where(a > 0, a * np.log(a / e1), 0.0)
        term_b = np.where(b > 0, b * np.log(b / e2), 0.0)
    # The sum is >= 0 by the log-sum inequality; clip rounding noise like -1e-16.
    return as_result(np.maximum(2.0 * (term_a + term_b), 0.0))


def log_ratio(
    a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, smoothing: float = ZERO_SMOOTHING
) -> float | np.ndarray:
    """Hardie's Log Ratio ``log2((a / c) / (b / d))``: how *big* the difference
    is (effect size), complementing G².  Zero frequencies become ``smoothing``
    (0.5) so absent terms stay finite."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    check_table(a, b, c, d)
    a = np.where(a == 0, smoothing, a)
    b = np.where(b == 0, smoothing, b)
    return as_result(np.log2((a / c) / (b / d)))


def compute_p_value(g2: ArrayLike) -> float | np.ndarray:
    """p-value of G² under χ² with 1 df, ``erfc(sqrt(G² / 2))``: exact for one
    degree of freedom, so scipy is not needed.  G² = 3.84 gives p ≈ 0.05."""
    values = np.asarray(g2, dtype=float)
    if np.any(values < 0) or not np.all(np.isfinite(values)):
        raise ArgumentError("G² must be a finite, non-negative number")
    p = np.vectorize(lambda x: math.erfc(math.sqrt(x / 2.0)), otypes=[float])(values)
    return as_result(p)


def split_docs(
    doc_ids: pd.Series, target_doc: str | Sequence[str], reference_docs: Sequence[str] | None
) -> tuple[list[str], list[str]]:
    """Resolve target and reference document lists, refusing unknown ids and
    overlaps: comparing a text with itself would quietly shrink every G²."""
    known = set(doc_ids.unique())
    targets = [target_doc] if isinstance(target_doc, str) else list(target_doc)
    if reference_docs is None:
        references = sorted(known - set(targets))
    else:
        references = [reference_docs] if isinstance(reference_docs, str) else list(reference_docs)
    unknown = [doc for doc in [*targets, *references] if doc not in known]
    if unknown:
        raise ArgumentError(f"unknown doc_id(s) {', '.join(map(repr, unknown))}")
    overlap = set(targets) & set(references)
    if overlap:
        raise ArgumentError(f"doc_id(s) {sorted(overlap)} are both target and reference")
    if not targets or not references:
        raise ArgumentError("keyness needs at least one target and one reference document")
    return targets, references


def compute_keyness(
    tokens: pd.DataFrame,
    target_doc: str | Sequence[str],
    reference_docs: Sequence[str] | None = None,
    min_count: int = 2,
    column: str = "lemma",
) -> pd.DataFrame:
    """Keywords of ``target_doc`` (one id or several) against ``reference_docs``
    (default: every other document), on content words.

    Terms whose combined frequency ``a + b`` is below ``min_count`` are dropped
    (one-off words are never significant and only clutter the list; filtering
    on the sum keeps under-used terms, which are rare in the target by
    definition).  Returns ``term, freq_target, freq_ref, rel_target, rel_ref``
    (per 1,000 counted tokens), ``g2, p_value, log_ratio, direction`` ("over" =
    more frequent in the target, "under" = less, "equal"), largest G² first.
    """
    check_columns(tokens, ["doc_id"])
    targets, references = split_docs(tokens["doc_id"], target_doc, reference_docs)
    words = select_terms(tokens, "doc_id", column, content_only=True)
    side = np.where(words["doc_id"].isin(targets), "target", "")
    side = np.where(words["doc_id"].isin(references), "ref", side)
    words = words.assign(side=side)[side != ""]
    table = words.groupby(["term", "side"]).size().unstack("side", fill_value=0)
    table = table.reindex(columns=["target", "ref"], fill_value=0).astype("int64")
    c, d = int(table["target"].sum()), int(table["ref"].sum())
    if c == 0 or d == 0:
        raise ArgumentError("the target or the reference has no content words to compare")
    table = table[(table["target"] + table["ref"]) >= min_count]
    a, b = table["target"].to_numpy(), table["ref"].to_numpy()
    result = pd.DataFrame({"term": table.index.astype(str), "freq_target": a, "freq_ref": b})
    result["rel_target"] = a / c * PER_TOKENS
    result["rel_ref"] = b / d * PER_TOKENS
    result["g2"] = np.asarray(log_likelihood(a, b, c, d), dtype=float)
    result["p_value"] = np.asarray(compute_p_value(result["g2"].to_numpy()), dtype=float)
    result["log_ratio"] = np.asarray(log_ratio(a, b, c, d), dtype=float)
    result["direction"] = np.select(
        [result["rel_target"] > result["rel_ref"], result["rel_target"] < result["rel_ref"]],
        ["over", "under"],
        "equal",
    )
    return sort_counts(result, [], value="g2")

