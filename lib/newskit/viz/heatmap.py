"""Heatmap of coded shares per group (KH Coder's コードのクロス集計 chart).

Each cell is coloured by its value (by default the share of the group's
units that carry the code) and annotated with it; with a
:class:`~newskit.analysis.coding.CodeCrossTab` the adjusted residual goes
under the share and cells beyond ±1.96 get an orange frame.  Annotation colour is
black or white by the cell's luminance (:func:`newskit.viz.layout.text_colour`),
so every number stays readable on light and dark cells alike; empty cells
(NaN) are grey with a dash.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from newskit import ArgumentError
from newskit.analysis.coding import CodeCrossTab
from newskit.viz.layout import capped_size, font_family, text_colour

__all__ = ["plot_code_heatmap"]

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
