"""Several word clouds in one figure, one panel per article.

:func:`newskit.plots.make_wordcloud` draws one cloud per figure; a corpus of
five articles then means five figures, five PNG files and five renderings.
A grid puts the articles side by side (easier to compare at a glance) and is
rendered once.  Each panel is still its own cloud: word sizes compare within
an article, never across panels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from newskit import plots
from newskit.errors import CorpusError


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
    pixels, drawn by :func:`newskit.plots.build_wordcloud` (bundled Japanese
    font, horizontal words, fixed random state).  A panel whose frequencies
    are empty says so instead of failing, so one empty article does not stop
    the figure."""
    if not clouds:
        raise CorpusError(None, "no word clouds to draw: give at least one {title: frequencies} entry")
    if ncols < 1:
        raise CorpusError(None, f"ncols must be at least 1, got {ncols}")
    ncols = min(ncols, len(clouds))
    nrows = math.ceil(len(clouds) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * width / 100, nrows * (height / 100 + 0.35)),
                             squeeze=False, layout="constrained")
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, (name, freqs) in zip(axes.flat, clouds.items(), strict=False):
        ax.set_title(str(name))
        if any(count > 0 for count in freqs.values()):
            image = plots.build_wordcloud(freqs, width, height, max_words).to_array()
            ax.imshow(image, interpolation="bilinear")
        else:
            ax.text(0.5, 0.5, "no content words", ha="center", va="center", transform=ax.transAxes)
    if title:
        fig.suptitle(title)
    return fig
