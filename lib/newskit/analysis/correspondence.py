"""Correspondence analysis (CA) of a contingency table, as in KH Coder's 対応分析.

CA draws the rows (terms) and columns (documents, groups) of a count table
in one low-dimensional map in which rows that are distributed alike over the
columns sit together.  With ``P = table / n`` (``n`` the grand total), row
masses ``r``, column masses ``c`` and the standardised residuals::

    S = D_r^-1/2 (P - r cᵀ) D_c^-1/2 = U Σ Vᵀ      (singular value decomposition)

* principal inertias ``λ_k = σ_k²``; their sum, the total inertia, is
  ``χ² / n`` of the table (``Σ_ij S_ij²``);
* row principal coordinates ``F = D_r^-1/2 U Σ``, column ``G = D_c^-1/2 V Σ``;
* contributions ``r_i F_ik² / λ_k`` (each dimension's column sums to 1): how
  much a row builds the axis, the figure to read before interpreting it.

Rows or columns whose total is 0 have no mass and no position; they are left
out and listed in ``dropped_rows`` / ``dropped_cols``.  Signs of the axes are
fixed (the column coordinate of largest absolute value is positive on every
axis) so a rerun never mirrors the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.dtm import RowGroups, document_term_matrix

__all__ = ["CorrespondenceAnalysis", "ca_term_table", "correspondence_analysis"]


@dataclass(frozen=True, eq=False)
class CorrespondenceAnalysis:
    """The result of :func:`correspondence_analysis`; dimensions are 1, 2, …"""

    inertia: pd.Series
    total_inertia: float
    explained: pd.Series
    row_coords: pd.DataFrame
    col_coords: pd.DataFrame
    row_contrib: pd.DataFrame
    col_contrib: pd.DataFrame
    row_mass: pd.Series
    col_mass: pd.Series
    dropped_rows: pd.Index
    dropped_cols: pd.Index


def _standardised_residuals(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(S, row masses, column masses) of a table without empty rows/columns."""
    p = table.to_numpy(dtype=float)
    p = p / p.sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    return (p - np.outer(r, c)) / np.sqrt(np.outer(r, c)), r, c


def correspondence_analysis(table: pd.DataFrame, *, n_dims: int = 2) -> CorrespondenceAnalysis:
    """CA of a rows × columns table of non-negative counts; coordinates and
    contributions for the first ``n_dims`` dimensions, all principal inertias
    in ``inertia`` (descending) and their shares in ``explained``."""
    values = table.to_numpy(dtype=float) if len(table.columns) else np.zeros((len(table), 0))
    if np.isnan(values).any() or (values < 0).any():
        raise ArgumentError("correspondence_analysis needs non-negative counts (no NaN, nothing below 0)")
    rows, cols = values.sum(axis=1) > 0, values.sum(axis=0) > 0
    kept = table.loc[rows, cols]
    if min(kept.shape) < 2:
        raise ArgumentError(f"a {kept.shape[0]} × {kept.shape[1]} table (after leaving out empty rows and "
                            "columns) has no dimension to map; give at least 2 × 2 with counts")
    residuals, r, c = _standardised_residuals(kept)
    u, sigma, vt = np.linalg.svd(residuals, full_matrices=False)
    k = min(kept.shape) - 1
    u, sigma, v = u[:, :k], sigma[:k], vt[:k].T
    flip = np.sign(v[np.abs(v).argmax(axis=0), np.arange(k)])
    u, v = u * flip, v * flip
    dims = pd.RangeIndex(1, k + 1, name="dim")
    inertia = pd.Series(sigma**2, index=dims, name="inertia")
    total = float((residuals**2).sum())
    shown = dims[: max(1, min(n_dims, k))]
    row_coords = pd.DataFrame(u / np.sqrt(r)[:, None] * sigma, index=kept.index, columns=dims)[shown]
    col_coords = pd.DataFrame(v / np.sqrt(c)[:, None] * sigma, index=kept.columns, columns=dims)[shown]
    return CorrespondenceAnalysis(
        inertia=inertia,
        total_inertia=total,
        explained=(inertia / total).rename("explained"),
        row_coords=row_coords,
        col_coords=col_coords,
        row_contrib=pd.DataFrame(u**2, index=kept.index, columns=dims)[shown],
        col_contrib=pd.DataFrame(v**2, index=kept.columns, columns=dims)[shown],
        row_mass=pd.Series(r, index=kept.index, name="mass"),
        col_mass=pd.Series(c, index=kept.columns, name="mass"),
        dropped_rows=table.index[~rows],
        dropped_cols=table.columns[~cols],
    )


def ca_term_table(
    tokens: pd.DataFrame,
    *,
    by: RowGroups = "doc_id",
    top_n: int = 60,
    min_docs: int = 2,
    column: str = "lemma",
) -> pd.DataFrame:
    """Terms × groups counts for a KH Coder style CA: the ``top_n`` most
    frequent content terms that occur in at least ``min_docs`` *documents*
    (whatever ``by`` groups them into), ties broken by term."""
    chosen = document_term_matrix(tokens, column=column).top_terms(top_n, min_rows=min_docs).terms
    grouped = document_term_matrix(tokens, by=by, column=column).select_terms(list(chosen))
    return grouped.to_frame().T
