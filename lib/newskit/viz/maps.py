"""Two-dimensional maps: the correspondence-analysis biplot and the MDS map.

The biplot follows KH Coder's 対応分析 plot: terms (rows) as circles whose
area grows with their mass, documents or groups (columns) as red squares
with boxed labels, the axes labelled with the share of inertia they explain
and dashed lines through the origin.  Column labels always stay (drawn above
the terms); term labels are thinned greedily, the most contributing terms first
(:func:`newskit.viz.layout.thin_labels`), and the figure says how many were
hidden.  Points are drawn even when their label is hidden.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newskit.errors import ArgumentError
from newskit.analysis.correspondence import CorrespondenceAnalysis
from newskit.viz.layout import capped_size, font_family, note_hidden, thin_labels

__all__ = ["plot_ca_biplot", "plot_document_map", "plot_mds_map"]

#: Documents labelled by name on a document map (above this only the groups are).
MAX_POINT_LABELS = 40


def _map_size(n_labels: int) -> tuple[float, float]:
    """Grow the map with the square root of its labels (8 × 7 in for 60)."""
    scale = max(1.0, np.sqrt(n_labels / 60))
    return capped_size(8 * scale, 7 * scale)


def plot_ca_biplot(
    ca: CorrespondenceAnalysis,
    *,
    dims: tuple[int, int] = (1, 2),
    title: str | None = None,
    max_row_labels: int | None = None,
) -> Figure:
    """KH Coder style biplot of ``ca`` on two dimensions (1-based); at most
    ``max_row_labels`` term labels are offered to the thinning (all by default)."""
    missing = [dim for dim in dims if dim not in ca.row_coords.columns]
    if len(dims) != 2 or missing:
        raise ArgumentError(f"dims={dims!r}: choose two of the computed dimensions "
                            f"{list(ca.row_coords.columns)} (raise n_dims in correspondence_analysis)")
    rows, cols = ca.row_coords[list(dims)], ca.col_coords[list(dims)]
    weight = ca.row_contrib[list(dims)].mul(ca.inertia[list(dims)].to_numpy()).sum(axis=1).to_numpy()
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=_map_size(len(rows) + len(cols)), layout="constrained")
        ax.axhline(0, color="0.6", linestyle="--", linewidth=0.8)
        ax.axvline(0, color="0.6", linestyle="--", linewidth=0.8)
        area = 20 + 600 * ca.row_mass.to_numpy() / ca.row_mass.max()
        ax.scatter(rows.iloc[:, 0], rows.iloc[:, 1], s=area, color="#6baed6", alpha=0.55, edgecolor="#2171b5")
        ax.scatter(cols.iloc[:, 0], cols.iloc[:, 1], marker="s", s=60, color="#de2d26")
        labelled = np.argsort(-weight, kind="stable")[: max_row_labels if max_row_labels is not None else len(rows)]
        row_labels = [ax.annotate(str(rows.index[i]), (rows.iat[i, 0], rows.iat[i, 1]), fontsize=9,
                                  ha="center", va="bottom", xytext=(0, 4), textcoords="offset points")
                      for i in labelled]
        col_labels = [ax.annotate(str(label), (x, y), fontsize=10, color="#a50f15", ha="center", va="top",
                                  xytext=(0, -5), textcoords="offset points", zorder=5,
                                  bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "#de2d26",
                                        "alpha": 0.85})
                      for label, x, y in zip(cols.index, cols.iloc[:, 0], cols.iloc[:, 1], strict=True)]
        ax.set_xlabel(f"Dimension {dims[0]} ({ca.explained[dims[0]]:.1%} of inertia)")
        ax.set_ylabel(f"Dimension {dims[1]} ({ca.explained[dims[1]]:.1%} of inertia)")
        ax.set_title(title or "Correspondence analysis")
        priority = [np.inf] * len(col_labels) + list(weight[labelled])
        hidden = thin_labels(fig, col_labels + row_labels, priority) + len(rows) - len(labelled)
        note_hidden(fig, hidden)
    return fig


def plot_mds_map(
    coords: pd.DataFrame,
    *,
    clusters: pd.Series | None = None,
    sizes: pd.Series | None = None,
    title: str | None = None,
) -> Figure:
    """Scatter the ``x, y`` of :func:`newskit.analysis.mds_map`, coloured by
    ``clusters`` (label → number) and sized by ``sizes`` (e.g. frequency,
    which also decides which labels win when they overlap)."""
    if not {"x", "y"} <= set(coords.columns) or coords.empty:
        raise ArgumentError("plot_mds_map needs the x, y table of mds_map")
    weight = np.ones(len(coords)) if sizes is None else sizes.reindex(coords.index).fillna(0).to_numpy(float)
    colour = "tab:blue" if clusters is None else [
        plt.get_cmap("tab10")((int(value) - 1) % 10) for value in clusters.reindex(coords.index).fillna(1)]
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=_map_size(len(coords)), layout="constrained")
        ax.scatter(coords["x"], coords["y"], s=30 + 400 * weight / max(weight.max(), 1e-12), c=colour, alpha=0.6)
        labels = [ax.annotate(str(label), (x, y), fontsize=9, ha="center", va="bottom", xytext=(0, 4),
                              textcoords="offset points")
                  for label, x, y in zip(coords.index, coords["x"], coords["y"], strict=True)]
        stress = coords.attrs.get("stress")
        ax.set_title((title or "MDS map") + (f" (stress {stress:.3f})" if stress is not None else ""))
        ax.set_xlabel("dimension 1")
        ax.set_ylabel("dimension 2")
        note_hidden(fig, thin_labels(fig, labels, weight))
    return fig


def plot_document_map(coords: pd.DataFrame, groups: pd.Series | None = None, *, title: str | None = None) -> Figure:
    """Documents as points on the ``x, y`` of
    :func:`newskit.analysis.similarity.document_map` (or of :func:`mds_map`),
    coloured by ``groups`` (doc_id → language, outlet …) with a legend
    giving each group's size: readable for a thousand articles, where a
    similarity grid of a thousand rows is not.  Up to
    :data:`MAX_POINT_LABELS` documents the points carry their ids (thinned
    where they would overlap)."""
    if not {"x", "y"} <= set(coords.columns) or coords.empty:
        raise ArgumentError("plot_document_map needs the x, y table of document_map")
    labels = pd.Series("all", index=coords.index) if groups is None else \
        pd.Series(np.asarray(groups.reindex(coords.index.astype(str)), dtype=object), index=coords.index)
    order = list(dict.fromkeys(labels.dropna()))
    colours = plt.get_cmap("tab10" if len(order) <= 10 else "tab20")
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=(8.5, 7), layout="constrained")
        for k, group in enumerate(order):
            part = coords[(labels == group).to_numpy()]
            ax.scatter(part["x"], part["y"], s=18 if len(coords) > 200 else 40, alpha=0.6,
                       color=colours(k % colours.N), label=f"{group} ({len(part):,})")
        texts = [] if len(coords) > MAX_POINT_LABELS else [
            ax.annotate(str(doc), (x, y), fontsize=8, ha="center", va="bottom", xytext=(0, 3), textcoords="offset points")
            for doc, x, y in zip(coords.index, coords["x"], coords["y"], strict=True)]
        explained = coords.attrs.get("explained")
        ax.set_title((title or "Document map") + (f" ({explained:.0%} of the variance)" if explained else ""))
        ax.set(xlabel="dimension 1", ylabel="dimension 2")
        if groups is not None:
            ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        note_hidden(fig, thin_labels(fig, texts, [1.0] * len(texts)) if texts else 0)
    return fig
