"""Dispersion ("barcode") plots: where terms occur in one article, with its
paragraphs behind the hits."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from newskit.analysis.frequency import check_columns

__all__ = ["KIND_COLOURS", "plot_dispersion", "plot_paragraph_dispersion"]

#: Background colour per paragraph kind (body paragraphs stay white).
KIND_COLOURS = {"heading": "#c6dbef", "caption": "#fdd0a2", "source": "#d9d9d9", "boilerplate": "#d9d9d9"}

def plot_dispersion(
    positions: pd.DataFrame,
    terms: Sequence[str] | None = None,
    n_tokens: int | None = None,
    title: str | None = None,
) -> Figure:
    """Dispersion ("barcode") plot from :func:`newskit.analysis.concordance.dispersion`: one row
    per term, a tick at each occurrence's token offset.  Pass ``terms`` to fix
    the row order and show rows for terms without hits."""
    check_columns(positions, ["term", "offset"], "dispersion")
    rows = list(terms) if terms is not None else list(positions["term"].drop_duplicates())
    if n_tokens is None and "n_tokens" in positions.columns and not positions.empty:
        n_tokens = int(positions["n_tokens"].max())
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(rows), 1) + 1.2), layout="constrained")
    lookup = {name: index for index, name in enumerate(rows)}
    y = positions["term"].map(lookup)
    shown = y.notna()
    ax.scatter(positions.loc[shown, "offset"], y[shown], marker="|", s=300, color="black")
    ax.set_yticks(range(len(rows)), [str(name) for name in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    if n_tokens:
        ax.set_xlim(-0.5, n_tokens - 0.5)  # half a token of margin: a hit at 0 stays visible
    ax.set(xlabel="token offset in the article", title=title or "")
    return fig



def plot_paragraph_dispersion(
    positions: pd.DataFrame,
    spans: pd.DataFrame,
    terms: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Dispersion plot (:func:`plot_dispersion`) with the
    paragraphs of :func:`paragraph_offsets` behind it: a thin line at every
    paragraph start, headings, captions and source lines shaded by kind, and
    the paragraph numbers along the top axis."""
    check_columns(spans, ["para_id", "kind", "start", "end"], "paragraph spans")
    n_tokens = int(spans["end"].max()) if len(spans) else None
    fig = plot_dispersion(positions, terms, n_tokens, title)
    ax = fig.axes[0]
    for start, end, kind in zip(spans["start"], spans["end"], spans["kind"], strict=True):
        ax.axvline(start - 0.5, color="lightgrey", linewidth=0.6, zorder=0)
        if kind in KIND_COLOURS:
            ax.axvspan(start - 0.5, end - 0.5, color=KIND_COLOURS[kind], zorder=-1, linewidth=0)
    shown = sorted({kind for kind in spans["kind"] if kind in KIND_COLOURS})
    if shown:
        handles = [Patch(color=KIND_COLOURS[kind], label=kind) for kind in shown]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    top = ax.secondary_xaxis("top")
    step = max(1, len(spans) // 12)
    ticks = spans.iloc[::step]
    top.set_xticks((ticks["start"] + ticks["end"] - 1) / 2, [str(p) for p in ticks["para_id"]], fontsize="small")
    top.set_xlabel("paragraph (para_id)", fontsize="small")
    return fig
