"""Dendrogram of a hierarchical clustering (:func:`newskit.analysis.cluster_terms`
or :func:`~newskit.analysis.cluster_documents`).

Leaves are listed top to bottom (``orientation="left"``, labels readable in
any script), branches below the cut for ``k`` clusters are coloured per
cluster and the cut is drawn as a dashed line.  The figure grows with the
number of leaves up to the size cap; beyond that the label font shrinks.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import dendrogram

from newskit.errors import ArgumentError
from newskit.analysis.clustering import Clustering
from newskit.viz.layout import capped_size, font_family

__all__ = ["plot_dendrogram"]


def plot_dendrogram(clustering: Clustering, *, k: int | None = None, title: str | None = None) -> Figure:
    """Draw ``clustering``; with ``k`` (or the ``k`` it was cut at) colour the
    ``k`` clusters and mark the cut height."""
    n = len(clustering.labels)
    if k is None and clustering.clusters is not None:
        k = int(clustering.clusters.max())
    if k is not None and not 1 <= k <= n:
        raise ArgumentError(f"k={k}: choose between 1 and the {n} leaves")
    heights = clustering.linkage[:, 2]
    cut = None if k is None or k == 1 else (heights[n - k] + heights[n - k - 1]) / 2
    width, height = capped_size(7, 1 + 0.22 * n)
    font = min(10.0, 72 * height * 0.8 / max(n, 1))
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
        dendrogram(clustering.linkage, labels=[str(label) for label in clustering.labels], orientation="left",
                   color_threshold=cut if cut is not None else 0, above_threshold_color="0.5", ax=ax,
                   leaf_font_size=font)
        if cut is not None:
            ax.axvline(cut, color="0.3", linestyle="--", linewidth=0.8)
        ax.set_xlabel(f"{clustering.method} linkage on {clustering.metric} distance")
        ax.set_title(title or f"Hierarchical clustering ({n} items" + (f", {k} clusters)" if k else ")"))
    return fig
