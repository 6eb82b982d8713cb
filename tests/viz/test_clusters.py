"""The dendrogram."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.clustering import cluster_terms
from newskit.analysis.dtm import DocumentTermMatrix
from newskit.viz.clusters import plot_dendrogram

# x, y share documents 1-2; z, w share 3-4; v is alone in 5
FRAME = pd.DataFrame([[1, 1, 0, 0, 0], [1, 1, 0, 0, 0], [0, 0, 1, 1, 0], [0, 0, 1, 1, 0], [0, 0, 0, 0, 1]],
                     columns=["資金", "人材", "Klage", "gugatan", "Tesla"])


def test_dendrogram_labels_and_cut() -> None:
    clustering = cluster_terms(DocumentTermMatrix.from_frame(FRAME), method="average", k=3)
    fig = plot_dendrogram(clustering)
    ax = fig.axes[0]
    assert sorted(label.get_text() for label in ax.get_yticklabels()) == sorted(FRAME.columns)
    assert "3 clusters" in ax.get_title()
    assert len(ax.lines) == 1          # the dashed cut


def test_dendrogram_without_k_and_bad_k() -> None:
    clustering = cluster_terms(DocumentTermMatrix.from_frame(FRAME))
    fig = plot_dendrogram(clustering)
    assert not fig.axes[0].lines
    with pytest.raises(ArgumentError, match="k=9"):
        plot_dendrogram(clustering, k=9)


def test_tall_dendrogram_is_capped() -> None:
    wide = pd.DataFrame([[(i * j) % 7 > 2 for j in range(400)] for i in range(1, 9)]).astype(int)
    wide = wide.loc[:, wide.sum() > 0]
    fig = plot_dendrogram(cluster_terms(DocumentTermMatrix.from_frame(wide)))
    assert max(fig.get_size_inches()) * 150 <= 4001
