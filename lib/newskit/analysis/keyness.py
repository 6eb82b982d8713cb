"""Keyness: which terms are typical of one article (or group) against a reference.

Formulas (a = frequency in the target, b = in the reference, c = target size,
d = reference size, sizes counted in the same tokens as the frequencies, i.e.
the counted tokens of :func:`newskit.analysis.frequency.select_terms`):

* **Log-likelihood G²** (Rayson & Garside 2000, the Lancaster "LL wizard")::

      E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
      G² = 2 (a ln(a / E1) + b ln(b / E2))      with 0 · ln 0 = 0

  It sums over the two *frequency* cells only (not the full 2×2 table), as in
  the keyword literature, so values match published keyword lists.
* **p-value**: G² is χ²-distributed with 1 degree of freedom, so ``p =
  erfc(sqrt(G² / 2))``; ``significance`` labels it by the standard critical
  values 3.84 / 6.63 / 10.83 / 15.13 and ``p_adjusted`` / ``significant``
  correct for the number of terms tested (:mod:`newskit.analysis.significance`).
  **The family of tests is every term of one comparison** — all terms of the
  target and the reference with ``a + b >= min_count``, over- and under-used
  alike, *before* any top-n cut — so a table of ten keywords is corrected for
  the hundreds of terms that were tried.
* **Expected-frequency guard**: the χ² approximation of G² is poor when an
  expected frequency is small (Cochran's rule asks for E ≥ 5; Rayson, Berridge
  & Francis 2004 advise the 0.01 % value 15.13 for such rows).  Rows with
  ``min(E1, E2) < 5`` are flagged ``low_expected``; with ``min_expected=`` they
  are left out and not tested.  ``attrs["note"]`` says how many of each.
* **Log Ratio** (Hardie 2014): ``log2((a / c) / (b / d))``, the effect size
  (+1: twice as frequent in the target, −1: half).  A zero frequency would
  give ±infinity; Hardie replaces it by 0.5, but substituting 0.5 for the zero
  cell *alone* can contradict the direction (``a = 0, b = 2, c = 366, d =
  1607``: 0.5/366 > 2/1607 gives +0.13 for a term the target uses *less*) and
  0/0 gives ``log2(d / c)`` instead of 0.  Here the zero cell's Hardie value
  as a relative frequency, ``ε = 0.5 / (size of the corpus with the zero)``, is
  added to *both* relative frequencies::

      LR = log2((a / c + ε) / (b / d + ε))     only when a = 0 or b = 0

  Adding the same amount to two numbers keeps their order, so the sign always
  agrees with ``direction`` and 0/0 gives 0; with equal sizes (c = d) it is
  exactly "add 0.5 to both counts".  (Adding 0.5 to both *counts* is not
  enough when c ≠ d: a = 0, b = 1, c = 100, d = 10,000 would give +5.06.)

Counts come from the sparse :func:`newskit.analysis.dtm.document_term_matrix`
and every formula runs on whole blocks of documents × terms at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict, Unpack

import numpy as np
import pandas as pd

from newskit.analysis.dtm import document_term_matrix
from newskit.analysis.frequency import PER_TOKENS, check_columns, sort_counts
from newskit.analysis.significance import (
    CORRECTION_NAMES,
    adjust_p_values,
    check_correction,
    compute_p_value,
    label_significance,
    significance_threshold,
)
from newskit.errors import ArgumentError

__all__ = ["KEYNESS_COLUMNS", "LOW_EXPECTED", "ZERO_SMOOTHING", "KeynessTests", "TestPlan", "compute_keyness",
           "describe_tests", "log_likelihood", "log_ratio", "score_keyness", "split_docs"]

#: Frequency Hardie (2014) substitutes for a zero (see the module docstring).
ZERO_SMOOTHING = 0.5
#: Below this expected frequency a row is flagged ``low_expected`` (Cochran's rule).
LOW_EXPECTED = 5.0
#: Columns of :func:`compute_keyness`, in order.
KEYNESS_COLUMNS = ["term", "freq_target", "freq_ref", "rel_target", "rel_ref", "g2", "p_value", "log_ratio",
                   "direction", "significance", "p_adjusted", "significant", "critical_g2", "expected_target",
                   "expected_ref", "low_expected"]

ArrayLike = float | int | Sequence[float] | np.ndarray | pd.Series


class KeynessTests(TypedDict, total=False):
    """Optional keywords of the keyness functions: ``correction`` (``"bh"``
    Benjamini–Hochberg, the default; ``"bonferroni"``; ``None``), ``alpha``
    (0.05) and ``min_expected`` (0: test every row; e.g. 1 leaves out rows
    whose smaller expected frequency is below 1)."""

    correction: str | None
    alpha: float
    min_expected: float


@dataclass(frozen=True)
class TestPlan:
    """The resolved test settings of one keyness call."""

    min_count: int = 2
    correction: str | None = "bh"
    alpha: float = 0.05
    min_expected: float = 0.0

    @classmethod
    def from_keywords(cls, min_count: int, tests: dict, caller: str) -> TestPlan:
        """Validate ``tests`` (the :class:`KeynessTests` keywords of ``caller``)."""
        unknown = sorted(set(tests) - set(KeynessTests.__annotations__))
        if unknown:
            raise ArgumentError(f"{caller} got unknown keyword(s) {', '.join(unknown)} "
                                f"(test settings: {', '.join(KeynessTests.__annotations__)})")
        plan = cls(min_count, **tests)
        check_correction(plan.correction, plan.alpha)
        if plan.min_expected < 0:
            raise ArgumentError(f"min_expected={plan.min_expected!r} must be zero or positive")
        return plan


def _as_result(values: np.ndarray) -> float | np.ndarray:
    """Return a plain float for scalar input and an array otherwise, so the
    formulas read naturally in a notebook cell and still vectorise over columns."""
    return float(values) if np.ndim(values) == 0 else values


def _check_table(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> None:
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
    _check_table(a, b, c, d)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        term_a = np.where(a > 0, a * np.log(a / e1), 0.0)
        term_b = np.where(b > 0, b * np.log(b / e2), 0.0)
    # The sum is >= 0 by the log-sum inequality; clip rounding noise like -1e-16.
    return _as_result(np.maximum(2.0 * (term_a + term_b), 0.0))


def log_ratio(
    a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, smoothing: float = ZERO_SMOOTHING
) -> float | np.ndarray:
    """Hardie's Log Ratio ``log2((a / c) / (b / d))``: how *big* the difference
    is (effect size), complementing G².  When a frequency is 0, ``smoothing /
    size`` of that side is added to both relative frequencies (module
    docstring), so the value is finite and its sign always agrees with the
    direction; 0 against 0 gives 0."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    _check_table(a, b, c, d)
    epsilon = np.where(a == 0, smoothing / c, np.where(b == 0, smoothing / d, 0.0))
    return _as_result(np.log2((a / c + epsilon) / (b / d + epsilon)))


def score_keyness(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, plan: TestPlan) -> dict[str, np.ndarray]:
    """Every keyness column for a block of rows × terms (``a``, ``b``: 2-D
    counts; ``c``, ``d``: one size per row, shape ``(rows, 1)``).  Each row is
    one family of tests: its cells with ``a + b >= min_count`` and an expected
    frequency of at least ``min_expected``; cells outside it are NaN in
    ``p_adjusted`` and ``tested`` is False."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    expected_target, expected_ref = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = np.asarray(log_likelihood(a, b, c, d))
    p = np.asarray(compute_p_value(g2))
    tested = (a + b >= plan.min_count) & (np.minimum(expected_target, expected_ref) >= plan.min_expected)
    p_tested = np.where(tested, p, np.nan)
    p_adjusted = adjust_p_values(p_tested, plan.correction)
    threshold = np.broadcast_to(significance_threshold(p_tested, plan.correction, plan.alpha)[:, None], a.shape)
    return {
        "g2": g2, "p_value": p, "log_ratio": np.asarray(log_ratio(a, b, c, d)),
        "direction": np.select([a * d > b * c, a * d < b * c], ["over", "under"], "equal").astype(object),
        "significance": label_significance(g2), "p_adjusted": p_adjusted,
        "significant": tested & (p_adjusted <= plan.alpha), "critical_g2": threshold,
        "expected_target": expected_target, "expected_ref": expected_ref,
        "low_expected": np.minimum(expected_target, expected_ref) < LOW_EXPECTED, "tested": tested,
    }


def describe_tests(plan: TestPlan, tested: int, significant: int, low: int, dropped: int) -> str:
    """The ``attrs["note"]`` of a keyness table: the family, the correction,
    how many terms survive, and the expected-frequency guard."""
    name = CORRECTION_NAMES[plan.correction]
    note = (f"{tested} terms tested (one family: every term with a + b >= {plan.min_count}); {name} correction "
            f"at alpha = {plan.alpha}: {significant} significant.")
    if low:
        note += (f" {low} tested terms have an expected frequency below {LOW_EXPECTED:g} (low_expected): their "
                 "p-values are approximate (Rayson et al. 2004 advise G² >= 15.13 for them).")
    if dropped:
        note += f" {dropped} terms with an expected frequency below {plan.min_expected:g} were not tested."
    return note


def split_docs(
    doc_ids: pd.Series, target_doc: str | Sequence[str], reference_docs: Sequence[str] | None
) -> tuple[list[str], list[str]]:
    """Resolve target and reference document lists, refusing unknown ids and
    overlaps: comparing a text with itself would quietly shrink every G²."""
    known = set(doc_ids.astype(str).unique())
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
    **tests: Unpack[KeynessTests],
) -> pd.DataFrame:
    """Keywords of ``target_doc`` (one id or several) against ``reference_docs``
    (default: every other document), on content words.

    Terms whose combined frequency ``a + b`` is below ``min_count`` are dropped
    (one-off words are never significant and only clutter the list; filtering
    on the sum keeps under-used terms, which are rare in the target by
    definition).  Returns :data:`KEYNESS_COLUMNS`: ``term, freq_target,
    freq_ref, rel_target, rel_ref`` (per 1,000 counted tokens), ``g2, p_value,
    log_ratio, direction`` ("over" = more frequent in the target, "under" =
    less, "equal"), then ``significance`` (uncorrected level), ``p_adjusted``,
    ``significant``, ``critical_g2`` (the corrected threshold), the expected
    frequencies and ``low_expected``; largest G² first.  ``tests`` are the
    :class:`KeynessTests` keywords; ``attrs["note"]`` summarises the tests.
    """
    plan = TestPlan.from_keywords(min_count, tests, "compute_keyness")
    check_columns(tokens, ["doc_id"])
    targets, references = split_docs(tokens["doc_id"], target_doc, reference_docs)
    doc_ids = tokens["doc_id"].astype(str)
    subset = tokens[doc_ids.isin([*targets, *references])]
    side = pd.Series({**{doc: "ref" for doc in references}, **{doc: "target" for doc in targets}}, name="side")
    dtm = document_term_matrix(subset, by=side, column=column, content_only=True)
    counts = dtm.matrix.toarray()
    a, b = counts[[dtm.rows.get_loc("target")]], counts[[dtm.rows.get_loc("ref")]]
    c, d = a.sum(), b.sum()
    if c == 0 or d == 0:
        raise ArgumentError("the target or the reference has no content words to compare")
    keep = (a + b)[0] >= plan.min_count
    a, b = a[:, keep], b[:, keep]
    scores = score_keyness(a, b, np.array([[c]]), np.array([[d]]), plan)
    tested = scores.pop("tested")[0]
    result = pd.DataFrame({"term": dtm.terms[keep].astype(str), "freq_target": a[0].astype("int64"),
                           "freq_ref": b[0].astype("int64"), "rel_target": a[0] / c * PER_TOKENS,
                           "rel_ref": b[0] / d * PER_TOKENS, **{name: value[0] for name, value in scores.items()}})
    result = result[tested]
    result = sort_counts(result[KEYNESS_COLUMNS], [], value="g2")
    result.attrs["note"] = describe_tests(plan, int(tested.sum()), int(result["significant"].sum()),
                                          int(result["low_expected"].sum()), int((~tested).sum()))
    return result
