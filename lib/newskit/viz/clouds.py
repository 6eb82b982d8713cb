"""Word clouds from ready-made frequencies, one or a grid of panels.

WordCloud's own tokenizer is never used: it splits on spaces, which mangles
Japanese and drops one-character words.  A grid puts the panels side by side
(easier to compare at a glance) and is rendered once; each panel is still its
own cloud, so word sizes compare within a panel, never across panels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from newskit.errors import ArgumentError
from newskit.viz.fonts import find_japanese_font
from newskit.viz.layout import MAX_PANELS, capped_size, note_shown
from newskit.viz.network import RANDOM_STATE

if TYPE_CHECKING:
    from wordcloud import WordCloud

__all__ = ["build_wordcloud", "make_wordcloud", "plot_wordcloud_grid"]

def build_wordcloud(
    freqs: Mapping[str, float],
    width: int = 1200,
    height: int = 600,
    max_words: int = 200,
    background_color: str = "white",
) -> WordCloud:
    """A WordCloud drawn from ready-made frequencies with the bundled Japanese
    font, horizontal words only (vertical Latin words are hard to read and
    rotated kana look wrong) and a fixed random state (same input, same image)."""
    from wordcloud import WordCloud  # noqa: PLC0415 - heavy, only needed here

    usable = {str(term): float(count) for term, count in freqs.items() if count > 0}
    if not usable:
        raise ArgumentError("no terms with a positive frequency to draw a word cloud from")
    cloud = WordCloud(
        font_path=str(find_japanese_font()), width=width, height=height, max_words=max_words,
        background_color=background_color, prefer_horizontal=1.0, random_state=RANDOM_STATE,
    )
    return cloud.generate_from_frequencies(usable)


def make_wordcloud(
    freqs: Mapping[str, float],
    width: int = 1200,
    height: int = 600,
    max_words: int = 200,
    title: str | None = None,
) -> Figure:
    """Word cloud Figure of ``{term: count}`` (see
    :func:`newskit.analysis.frequency.frequencies_for_wordcloud`), sized so the image
    keeps its aspect ratio; the WordCloud itself comes from :func:`build_wordcloud`."""
    cloud = build_wordcloud(freqs, width, height, max_words)
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), layout="constrained")
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title or "")
    return fig



def plot_wordcloud_grid(
    clouds: Mapping[str, Mapping[str, float]],
    ncols: int = 2,
    width: int = 600,
    height: int = 300,
    max_words: int = 200,
    title: str | None = None,
) -> Figure:
    """One panel per entry of ``clouds`` (``{panel title: {term: count}}``, e.g.
    ``{doc_id: frequencies_for_wordcloud(tokens, doc_id)}``), in the given
    order, ``ncols`` panels per row; each cloud is ``width`` × ``height``
    pixels, drawn by :func:`build_wordcloud` (bundled Japanese
    font, horizontal words, fixed random state).  A panel whose frequencies
    are empty says so instead of failing, so one empty article does not stop
    the figure.  At most :data:`~newskit.viz.layout.MAX_PANELS` clouds are
    drawn (the first ones; the figure says so): compute frequencies only for
    the groups shown."""
    if not clouds:
        raise ArgumentError("no word clouds to draw: give at least one {title: frequencies} entry")
    if ncols < 1:
        raise ArgumentError(f"ncols must be at least 1, got {ncols}")
    shown = list(clouds.items())[:MAX_PANELS]
    ncols = min(ncols, len(shown))
    nrows = math.ceil(len(shown) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=capped_size(ncols * width / 100, nrows * (height / 100 + 0.35)),
                             squeeze=False, layout="constrained")
    for ax in axes.flat:
        ax.set_axis_off()
    note_shown(fig, len(shown), len(clouds), "word clouds")
    for ax, (name, freqs) in zip(axes.flat, shown, strict=False):
        ax.set_title(str(name))
        if any(count > 0 for count in freqs.values()):
            image = build_wordcloud(freqs, width, height, max_words).to_array()
            ax.imshow(image, interpolation="bilinear")
        else:
            ax.text(0.5, 0.5, "no content words", ha="center", va="center", transform=ax.transAxes)
    if title:
        fig.suptitle(title)
    return fig

