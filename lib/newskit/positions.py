"""Where things are inside one article: paragraph spans in running token
offsets, and a dispersion plot that shows them.

:func:`newskit.kwic.dispersion` places each hit at its token offset in the
document (all tokens in reading order, punctuation included).  A bare offset
axis hides the article's structure, yet "the term only occurs in captions" or
"it disappears after the first heading" is exactly what a dispersion plot is
for.  :func:`paragraph_offsets` gives every paragraph's span on that same axis
and :func:`plot_paragraph_dispersion` draws the spans behind the hits, shaded
by paragraph kind.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from newskit import plots
from newskit.frequency import check_columns, select_doc

#: Background colour per paragraph kind (body paragraphs stay white).
KIND_COLOURS = {"heading": "#c6dbef", "caption": "#fdd0a2", "source": "#d9d9d9", "boilerplate": "#d9d9d9"}


def paragraph_offsets(tokens: pd.DataFrame, paragraphs: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """One row per tokenized paragraph of ``doc_id``: ``para_id, kind, start``
    (offset of its first token), ``end`` (one past its last) and ``n_tokens``,
    with offsets counted exactly as :func:`newskit.kwic.dispersion` counts them.
    ``kind`` is missing (NaN) when ``paragraphs`` lacks the paragraph."""
    doc = select_doc(tokens, doc_id)
    check_columns(doc, ["para_id", "i"])
    check_columns(paragraphs, ["doc_id", "para_id", "kind"], "paragraphs")
    ordered = doc.sort_values(["doc_id", "para_id", "i"], kind="stable", ignore_index=True)
    sizes = ordered.groupby("para_id", sort=False).size()
    spans = pd.DataFrame({"para_id": sizes.index.astype("int64"), "n_tokens": sizes.to_numpy(dtype="int64")})
    spans["end"] = spans["n_tokens"].cumsum()
    spans["start"] = spans["end"] - spans["n_tokens"]
    kinds = paragraphs[paragraphs["doc_id"].astype(str) == str(doc_id)].drop_duplicates("para_id")
    kinds = kinds.assign(para_id=kinds["para_id"].astype("int64"), kind=kinds["kind"].astype(object))
    spans = spans.merge(kinds[["para_id", "kind"]], on="para_id", how="left")
    return spans[["para_id", "kind", "start", "end", "n_tokens"]]


def plot_paragraph_dispersion(
    positions: pd.DataFrame,
    spans: pd.DataFrame,
    terms: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Dispersion plot (:func:`newskit.plots.plot_dispersion`) with the
    paragraphs of :func:`paragraph_offsets` behind it: a thin line at every
    paragraph start, headings, captions and source lines shaded by kind, and
    the paragraph numbers along the top axis."""
    check_columns(spans, ["para_id", "kind", "start", "end"], "paragraph spans")
    n_tokens = int(spans["end"].max()) if len(spans) else None
    fig = plots.plot_dispersion(positions, terms, n_tokens, title)
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
