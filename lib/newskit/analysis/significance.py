"""Significance of G² scores: p-values, the standard critical values, and
corrections for testing many terms at once.

G² (log-likelihood, one degree of freedom) is compared with the critical values
of χ²(1) that keyword studies quote (Rayson & Garside 2000; the Lancaster "LL
wizard"): **3.84** (p < 0.05), **6.63** (p < 0.01), **10.83** (p < 0.001) and
**15.13** (p < 0.0001).  Each holds for *one* test.  A keyword list tests every
term of a comparison, so at p < 0.05 one term in twenty passes 3.84 by chance:
with 328 terms, about 16 "keywords" are noise.  Two corrections are offered:

* **Bonferroni**: ``p_adjusted = min(1, p · m)`` for ``m`` tests — controls the
  chance of even one false keyword (family-wise error); strict.
* **Benjamini–Hochberg** (1995), ``"bh"``: with the p-values sorted ascending,
  ``p_adjusted(i) = min over j ≥ i of min(1, p(j) · m / j)`` — controls the
  expected *share* of false keywords among those reported (false discovery
  rate); the usual choice for exploratory keyword lists.

A term is ``significant`` when ``p_adjusted <= alpha``.  Which tests form the
family is the caller's decision and is stated in its docstring (for keyness:
every term of one target-versus-reference comparison).
"""

from __future__ import annotations

import numpy as np
from scipy import special

from newskit.errors import ArgumentError

__all__ = [
    "CORRECTIONS", "CORRECTION_NAMES", "G2_P0001", "G2_P001", "G2_P01", "G2_P05", "NOT_SIGNIFICANT",
    "adjust_p_values", "check_correction", "compute_p_value", "critical_value", "label_significance",
    "significance_threshold",
]

#: Critical values of G² (χ², 1 df) for a single test, as keyword studies quote them.
G2_P05 = 3.84
G2_P01 = 6.63
G2_P001 = 10.83
G2_P0001 = 15.13
#: (critical value, label) from the strictest down: the ``significance`` column.
LEVELS = ((G2_P0001, "p < 0.0001"), (G2_P001, "p < 0.001"), (G2_P01, "p < 0.01"), (G2_P05, "p < 0.05"))
#: Label of a G² below 3.84.
NOT_SIGNIFICANT = "n.s."
#: ``correction=`` values: Bonferroni, Benjamini–Hochberg, or none (p as it is).
CORRECTIONS = ("bonferroni", "bh", None)
#: How notes and figures name each correction.
CORRECTION_NAMES = {"bonferroni": "Bonferroni", "bh": "Benjamini–Hochberg", None: "no"}


def compute_p_value(g2: float | np.ndarray) -> float | np.ndarray:
    """p-value of G² under χ² with 1 df, ``erfc(sqrt(G² / 2))`` (exact for one
    degree of freedom).  G² = 3.84 gives p ≈ 0.05."""
    values = np.asarray(g2, dtype=float)
    if np.any(values < 0) or not np.all(np.isfinite(values)):
        raise ArgumentError("G² must be a finite, non-negative number")
    p = special.erfc(np.sqrt(values / 2.0))
    return float(p) if np.ndim(p) == 0 else p


def critical_value(p: float | np.ndarray) -> float | np.ndarray:
    """The G² whose p-value is ``p`` (the inverse of :func:`compute_p_value`):
    ``2 · erfcinv(p)²``; ``critical_value(0.05)`` = 3.841459."""
    values = np.asarray(p, dtype=float)
    if np.any(values <= 0) or np.any(values > 1):
        raise ArgumentError("a critical value needs a p-value in (0, 1]")
    g2 = 2.0 * special.erfcinv(values) ** 2
    return float(g2) if np.ndim(g2) == 0 else g2


def label_significance(g2: np.ndarray) -> np.ndarray:
    """``"p < 0.0001"`` … ``"p < 0.05"`` or ``"n.s."`` by the standard critical
    values (uncorrected: what one test would say)."""
    values = np.asarray(g2, dtype=float)
    return np.select([values >= level for level, _ in LEVELS], [label for _, label in LEVELS],
                     NOT_SIGNIFICANT).astype(object)


def check_correction(correction: str | None, alpha: float) -> None:
    """Refuse an unknown correction or an alpha outside (0, 1)."""
    if correction not in CORRECTIONS:
        raise ArgumentError(f"correction={correction!r}: choose 'bonferroni', 'bh' (Benjamini–Hochberg) or None")
    if not 0 < alpha < 1:
        raise ArgumentError(f"alpha={alpha!r}: give a significance level between 0 and 1, e.g. 0.05")


def adjust_p_values(p: np.ndarray, correction: str | None = "bh") -> np.ndarray:
    """Adjusted p-values (module docstring) along the last axis: each row of a
    2-D array is one family of tests.  NaN marks a cell outside the family (not
    tested): it is left NaN and not counted in ``m``."""
    check_correction(correction, 0.05)
    values = np.array(p, dtype=float, ndmin=1)
    if correction is None:
        return values.reshape(np.shape(p))
    tested = ~np.isnan(values)
    m = tested.sum(axis=-1, keepdims=True)
    if correction == "bonferroni":
        return np.minimum(values * m, 1.0).reshape(np.shape(p))
    order = np.argsort(np.where(tested, values, np.inf), axis=-1, kind="stable")
    ranked = np.take_along_axis(values, order, axis=-1)
    rank = np.arange(1, values.shape[-1] + 1)
    scaled = np.minimum(ranked * m / rank, 1.0)
    scaled = np.where(np.isnan(scaled), np.inf, scaled)
    monotone = np.flip(np.minimum.accumulate(np.flip(scaled, axis=-1), axis=-1), axis=-1)
    adjusted = np.empty_like(values)
    np.put_along_axis(adjusted, order, monotone, axis=-1)
    return np.where(tested, adjusted, np.nan).reshape(np.shape(p))


def significance_threshold(p: np.ndarray, correction: str | None = "bh", alpha: float = 0.05) -> np.ndarray:
    """The G² a term must reach to be ``significant``, per row (family):
    ``critical_value(alpha / m)`` for Bonferroni; for Benjamini–Hochberg
    ``critical_value(k · alpha / m)`` with ``k`` the number of terms that
    survive (``alpha / m`` when none does — the first step of the procedure);
    ``critical_value(alpha)`` without correction.  Drawn as the line in
    :func:`newskit.viz.plot_keyness`."""
    check_correction(correction, alpha)
    values = np.array(p, dtype=float, ndmin=2)
    m = np.maximum((~np.isnan(values)).sum(axis=-1), 1)
    if correction is None:
        level = np.full(len(values), alpha)
    elif correction == "bonferroni":
        level = alpha / m
    else:
        survivors = (adjust_p_values(values, "bh") <= alpha).sum(axis=-1)
        level = np.maximum(survivors, 1) * alpha / m
    return critical_value(level)
