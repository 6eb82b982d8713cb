"""Heatmaps of labelled matrices (similarities, mention rates)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newskit.errors import ArgumentError

__all__ = ["plot_heatmap"]

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
    beyond which numbers become unreadable."""
    if matrix.empty:
        raise ArgumentError("nothing to plot: the matrix is empty")
    values = matrix.to_numpy(dtype=float)
    rows, cols = values.shape
    vmin, vmax = value_range if value_range else (np.nanmin(values), np.nanmax(values))
    fig, ax = plt.subplots(figsize=(1.0 + 0.6 * cols + 1.5, 1.0 + 0.5 * rows), layout="constrained")
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(cols), [str(c) for c in matrix.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in matrix.index])
    fig.colorbar(image, ax=ax)
    if annotate is None:
        annotate = max(rows, cols) <= 12
    if annotate:
        middle = (vmin + vmax) / 2
        for (r, c), cell in np.ndenumerate(values):
            color = "white" if cell < middle else "black"
            ax.text(c, r, format(cell, fmt), ha="center", va="center", color=color, fontsize="small")
    ax.set_title(title or "")
    return fig

