"""Heatmaps: a labelled matrix (similarities, mention rates), and coded
shares per group (KH Coder's コードのクロス集計 chart).

In both, annotation colour is black or white by the cell's own luminance.

Coded shares:

Each cell is coloured by its value (by default the share of the group's
units that carry the code) and annotated with it; with a
:class:`~newskit.analysis.coding.CodeCrossTab` the adjusted residual goes
under the share and cells beyond ±1.96 get an orange frame.  Annotation colour is
black or white by the cell's luminance (:func:`newskit.viz.layout.text_colour`),
so every number stays readable on light and dark cells alike; empty cells
(NaN) are grey with a dash.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from newskit.analysis.coding import CodeCrossTab
from newskit.errors import ArgumentError
from newskit.viz.layout import capped_size, font_family, note_hidden, text_colour, thin_tick_labels

__all__ = ["plot_code_heatmap", "plot_heatmap"]

#: |adjusted residual| beyond which a cell differs at p < .05 (two-sided, one cell).
SIGNIFICANT = 1.96


def _annotate(ax, image, values: np.ndarray, residuals: np.ndarray | None, percent: bool) -> None:
    """Write each cell's value (and residual) in the colour its background needs."""
    for (row, col), value in np.ndenumerate(values):
        if np.isnan(value):
            ax.text(col, row, "–", ha="center", va="center", color="black")
            continue
        label = f"{value:.0%}" if percent else f"{value:.3g}"
        residual = None if residuals is None else residuals[row, col]
        strong = residual is not None and np.isfinite(residual) and abs(residual) >= SIGNIFICANT
        if residual is not None and np.isfinite(residual):
            label += f"\n({residual:+.1f})"
        ax.text(col, row, label, ha="center", va="center", fontsize="small",
                color=text_colour(image.cmap(image.norm(value))))
        if strong:
            ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, edgecolor="#d95f02", linewidth=2.5))


def plot_code_heatmap(
    table: CodeCrossTab | pd.DataFrame,
    *,
    cmap: str = "Blues",
    title: str | None = None,
) -> Figure:
    """Groups (rows) × codes (columns) heatmap of a cross-tabulation's shares
    (with residuals) or of any numeric table."""
    is_crosstab = isinstance(table, CodeCrossTab)
    frame = table.shares if is_crosstab else table
    if frame.empty:
        raise ArgumentError("nothing to plot: the table is empty")
    values = frame.to_numpy(dtype=float)
    residuals = table.residuals.reindex_like(frame).to_numpy(dtype=float) if is_crosstab else None
    rows, cols = values.shape
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=capped_size(2.5 + 1.0 * cols, 1.5 + 0.55 * rows), layout="constrained")
        masked = np.ma.masked_invalid(values)
        colours = plt.get_cmap(cmap).with_extremes(bad="0.85")
        image = ax.imshow(masked, cmap=colours, aspect="auto", vmin=0 if is_crosstab else None,
                          vmax=1 if is_crosstab else None)
        ax.set_xticks(range(cols), [str(column) for column in frame.columns], rotation=45, ha="right")
        ax.set_yticks(range(rows), [str(index) for index in frame.index])
        fig.colorbar(image, ax=ax, label="share of units" if is_crosstab else None)
        _annotate(ax, image, values, residuals, percent=is_crosstab)
        ax.set_title(title or ("Codes by group (adjusted residuals in brackets)" if is_crosstab else ""))
    return fig


def plot_heatmap(
    matrix: pd.DataFrame,
    title: str | None = None,
    cmap: str = "viridis",
    annotate: bool | None = None,
    fmt: str = ".2f",
    value_range: tuple[float, float] | None = None,
) -> Figure:
    """Heatmap of a labelled matrix (e.g. cosine similarities) with a colour
    bar; cells are annotated by default when the matrix is at most 12 × 12,
    beyond which numbers become unreadable, each in black or white by its
    cell's brightness.  Larger matrices keep their size under 4,000 pixels a
    side and show only the row and column labels that do not overlap (the
    figure says how many were hidden); aggregate first (group means, a 2-D
    map) when the rows are articles."""
    if matrix.empty:
        raise ArgumentError("nothing to plot: the matrix is empty")
    values = matrix.to_numpy(dtype=float)
    rows, cols = values.shape
    vmin, vmax = value_range if value_range else (np.nanmin(values), np.nanmax(values))
    fig, ax = plt.subplots(figsize=capped_size(1.5 + _label_inches(matrix.index) + 0.6 * cols, 1.0 + 0.5 * rows,
                                               keep_shape=False), layout="constrained")
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    width, height = fig.get_size_inches()
    # at most one label per 12 points of axis (a label is about 10 points high): every k-th row/column
    xs, ys = _every(cols, width * 72 / 12), _every(rows, height * 72 / 12)
    ax.set_xticks(xs, [str(matrix.columns[c]) for c in xs], rotation=45 if cols <= 12 else 90,
                  ha="right" if cols <= 12 else "center")
    ax.set_yticks(ys, [str(matrix.index[r]) for r in ys])
    fig.colorbar(image, ax=ax)
    if annotate is None:
        annotate = max(rows, cols) <= 12
    if annotate:
        for (r, c), cell in np.ndenumerate(values):
            if np.isnan(cell):
                continue
            colour = text_colour(image.cmap(image.norm(cell)))  # from the cell's own brightness
            ax.text(c, r, format(cell, fmt), ha="center", va="center", color=colour, fontsize="small")
    ax.set_title(title or "")
    thinned = (thin_tick_labels(fig, ax, "x") if cols > 12 else 0) + (thin_tick_labels(fig, ax, "y") if rows > 12 else 0)
    note_hidden(fig, thinned + rows - len(ys) + cols - len(xs), "row/column labels")
    return fig


def _label_inches(labels: Iterable[object]) -> float:
    """Room for the longest row label at the default font size (about 0.08 in
    per character, twice that for a wide CJK one), at least 1 in and at most
    6 in: long fact or entity labels otherwise squeeze the cells to nothing."""
    widths = [sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(label)) for label in labels]
    return min(max(1.0, 0.08 * max(widths, default=0)), 6.0)


def _every(n: int, room: float) -> list[int]:
    """Positions 0, k, 2k … so that at most ``room`` labels are placed."""
    step = max(1, int(np.ceil(n / max(room, 1.0))))
    return list(range(0, n, step))
