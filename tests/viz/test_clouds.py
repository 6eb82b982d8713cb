"""Tests for newskit.clouds: one figure, one panel per article, Japanese glyphs drawn."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from newskit import viz as plots  # noqa: E402
from newskit.viz.clouds import plot_wordcloud_grid  # noqa: E402
from newskit.errors import ArgumentError  # noqa: E402

JA = {"マスク": 5, "株": 3, "テスラ": 2}
DE = {"Aktie": 4, "Musk": 2}


def visible_axes(fig):
    return [ax for ax in fig.axes if ax.get_visible() and (ax.images or ax.texts or ax.get_title())]


@pytest.mark.parametrize(
    ("clouds", "ncols", "panels", "grid"),
    [
        # three clouds on two columns: two rows, the fourth cell stays blank
        ({"ja1": JA, "de1": DE, "ja2": JA}, 2, ["ja1", "de1", "ja2"], (2, 2)),
        # more columns than clouds: the grid shrinks to one row of two
        ({"ja1": JA, "de1": DE}, 5, ["ja1", "de1"], (1, 2)),
        # a single cloud
        ({"de1": DE}, 2, ["de1"], (1, 1)),
    ],
)
def test_grid_layout(clouds, ncols, panels, grid):
    with matplotlib.rc_context():
        plots.use_japanese_font()
        fig = plot_wordcloud_grid(clouds, ncols=ncols, width=200, height=100, title="雲")
        fig.savefig(io.BytesIO(), format="png")  # glyph warnings are errors under pytest
    assert [ax.get_title() for ax in visible_axes(fig)] == panels
    assert len(fig.axes) == grid[0] * grid[1]
    # every panel holds an image of the requested size (height × width × RGB)
    assert all(ax.images[0].get_array().shape == (100, 200, 3) for ax in visible_axes(fig))
    plt.close(fig)


def test_empty_panel_says_so():
    # an article without content words gets a note, not an exception
    fig = plot_wordcloud_grid({"ja1": JA, "empty": {}}, width=200, height=100)
    empty = [ax for ax in fig.axes if ax.get_title() == "empty"][0]
    assert not empty.images and empty.texts[0].get_text() == "no content words"
    plt.close(fig)


def test_same_input_same_picture():
    # the cloud layout is seeded: two runs give identical pixels
    first = plot_wordcloud_grid({"ja1": JA}, width=200, height=100)
    second = plot_wordcloud_grid({"ja1": JA}, width=200, height=100)
    assert (first.axes[0].images[0].get_array() == second.axes[0].images[0].get_array()).all()
    plt.close("all")


@pytest.mark.parametrize(
    ("clouds", "ncols", "message"),
    [
        # nothing to draw
        ({}, 2, "no word clouds"),
        # a grid needs at least one column
        ({"ja1": JA}, 0, "ncols must be at least 1"),
    ],
)
def test_errors(clouds, ncols, message):
    with pytest.raises(ArgumentError, match=message):
        plot_wordcloud_grid(clouds, ncols=ncols)
