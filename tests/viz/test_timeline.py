"""Rates over time: a panel per key, a line per group, the articles underneath."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newskit import ArgumentError  # noqa: E402
from newskit.viz.timeline import plot_articles_over_time, plot_rates_over_time  # noqa: E402

STARTS = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])
#: two terms × two languages × three months; de has no article in February (rate NaN)
RATES = pd.DataFrame([
    (f"2024-0{m + 1}", STARTS[m], lang, term, 1, 100, 0 if (lang == "de" and m == 1) else 2 + m,
     np.nan if (lang == "de" and m == 1) else 1.0 + m)
    for term in ("GPU", "xAI") for lang in ("de", "ja") for m in range(3)
], columns=["period", "start", "lang", "term", "count", "tokens", "n_articles", "rate"])


def test_panels_lines_and_articles() -> None:
    fig = plot_rates_over_time(RATES, by="lang", title="t")
    axes = fig.axes
    # one panel per term plus the articles panel
    assert len(axes) == 3 and [ax.get_title(loc="left") for ax in axes[:2]] == ["GPU", "xAI"]
    # one line per language; the de line has a gap (NaN) in February instead of a zero
    lines = axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["de", "ja"]
    assert np.isnan(lines[0].get_ydata()[1]) and axes[0].get_ylim()[0] == 0
    # stacked bars: per month de + ja articles (de 2, 0, 4; ja 2, 3, 4)
    heights = [patch.get_height() for patch in axes[-1].patches]
    assert heights == [2, 0, 4, 2, 3, 4]


def test_articles_over_time_and_errors() -> None:
    articles = RATES.drop_duplicates(["start", "lang"])
    fig = plot_articles_over_time(articles, by="lang")
    assert len(fig.axes[0].patches) == 6
    with pytest.raises(ArgumentError, match="nothing to plot"):
        plot_rates_over_time(RATES.head(0))
    with pytest.raises(ArgumentError, match="no dated articles"):
        plot_articles_over_time(articles.head(0))
