"""The CA biplot and the MDS map."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from newskit import ArgumentError
from newskit.analysis.correspondence import correspondence_analysis
from newskit.viz.layout import MAX_PIXELS, SAVE_DPI
from newskit.viz.maps import plot_ca_biplot, plot_mds_map


def table_of(n_rows: int, seed: int = 0) -> pd.DataFrame:
    """A terms × documents table with Japanese, German and Indonesian labels."""
    rng = np.random.default_rng(seed)
    words = ["資金調達", "人材", "Finanzierung", "pemegang saham", "エンジニア", "Aktionär", "テスラ", "gugatan"]
    index = [f"{words[i % len(words)]}{i}" for i in range(n_rows)]
    return pd.DataFrame(rng.poisson(3, size=(n_rows, 4)) + 1, index=index,
                        columns=["記事-ja", "Artikel-de", "artikel-id", "xai-party-ja"])


def visible_boxes(fig: Figure, texts) -> list:
    renderer = fig.canvas.get_renderer()
    return [text.get_window_extent(renderer) for text in texts if text.get_visible()]


def test_biplot_thins_overlapping_labels_and_says_so() -> None:
    ca = correspondence_analysis(table_of(150))
    fig = plot_ca_biplot(ca, title="対応分析")
    ax = fig.axes[0]
    labels = ax.texts
    columns = [text for text in labels if text.get_text() in ca.col_coords.index]
    terms = [text for text in labels if text.get_text() in ca.row_coords.index]
    # every document label stays; some term labels had to go, and the figure says how many
    assert len(columns) == 4 and all(text.get_visible() for text in columns)
    hidden = sum(not text.get_visible() for text in terms)
    assert hidden > 0 and fig.newskit_hidden_labels == hidden
    assert any(f"{hidden} labels hidden" in text.get_text() for text in fig.texts)
    # no two visible term labels overlap
    boxes = visible_boxes(fig, terms)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # axis labels carry the explained inertia
    assert "% of inertia" in ax.get_xlabel()


def test_biplot_size_is_capped() -> None:
    fig = plot_ca_biplot(correspondence_analysis(table_of(1500)), max_row_labels=50)
    assert max(fig.get_size_inches()) * SAVE_DPI <= MAX_PIXELS + 1
    # max_row_labels: the rest are counted as hidden
    assert fig.newskit_hidden_labels >= 1450


def test_small_biplot_hides_nothing() -> None:
    table = pd.DataFrame([[10, 1], [1, 10], [5, 5]], index=["株", "Aktie", "saham"], columns=["ja", "de"])
    fig = plot_ca_biplot(correspondence_analysis(table), dims=(1, 1))
    assert fig.newskit_hidden_labels == 0 and not fig.texts


def test_biplot_bad_dims() -> None:
    with pytest.raises(ArgumentError, match="dims=.*n_dims"):
        plot_ca_biplot(correspondence_analysis(table_of(10)), dims=(1, 3))


def test_mds_map_draws_clusters_and_thins() -> None:
    rng = np.random.default_rng(1)
    labels = [f"語{i}" for i in range(80)]
    coords = pd.DataFrame(rng.normal(size=(80, 2)) * 0.1, index=labels, columns=["x", "y"])
    coords.attrs["stress"] = 0.12
    clusters = pd.Series([1 + i % 3 for i in range(80)], index=labels)
    fig = plot_mds_map(coords, clusters=clusters, sizes=pd.Series(range(80), index=labels))
    assert "stress 0.120" in fig.axes[0].get_title()
    assert fig.newskit_hidden_labels > 0
    assert len({tuple(colour) for colour in fig.axes[0].collections[0].get_facecolors()}) == 3
    with pytest.raises(ArgumentError, match="x, y"):
        plot_mds_map(pd.DataFrame({"a": [1]}))
