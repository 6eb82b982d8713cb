"""Rates over time: one panel per term or entity, a line per group, and the
number of articles per period underneath.

A rate per 1,000 tokens that doubles in one week means little if that week
had a single short article; the bottom panel (articles per period, stacked
by group) makes such a spike visible for what it is.  Lines break where a
period has no articles (the rate is undefined there, not zero).
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newskit.analysis.frequency import check_columns
from newskit.errors import ArgumentError
from newskit.viz.layout import MAX_PANELS, capped_size, font_family, note_shown

__all__ = ["plot_articles_over_time", "plot_rates_over_time"]


def _split(table: pd.DataFrame, by: str | None) -> list:
    """The groups of ``by`` in first-seen order (one unnamed group without ``by``)."""
    return list(dict.fromkeys(table[by])) if by else [None]


def _date_axis(ax) -> None:
    """Dates that never overlap: matplotlib's concise formatter on an auto locator."""
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _draw_articles(ax, articles: pd.DataFrame, by: str | None, colours: dict, width: float) -> None:
    """Stacked bars of articles per period and group."""
    bottom = None
    for group in _split(articles, by):
        part = articles if group is None else articles[articles[by] == group]
        per_period = part.groupby("start")["n_articles"].sum()
        if bottom is None:
            bottom = pd.Series(0, index=per_period.index, dtype=float)
        per_period = per_period.reindex(bottom.index, fill_value=0)
        ax.bar(per_period.index, per_period.to_numpy(), width=width, bottom=bottom.to_numpy(),
               color=colours.get(group, "tab:grey"), label=None if group is None else str(group), align="edge")
        bottom = bottom + per_period
    ax.set_ylabel("articles")
    _date_axis(ax)


def _colours(groups: list) -> dict:
    cmap = plt.get_cmap("tab10" if len(groups) <= 10 else "tab20")
    return {group: cmap(k % cmap.N) for k, group in enumerate(groups)}


def _bar_width(starts: pd.Series) -> float:
    """Bar width in days: the typical gap between periods, a little less."""
    days = np.diff(np.sort(pd.to_datetime(starts.unique())).astype("datetime64[D]").astype(float))
    return float(np.median(days)) * 0.85 if len(days) else 20.0


def plot_rates_over_time(rates: pd.DataFrame, *, key: str = "term", by: str | None = None,
                         title: str | None = None) -> Figure:
    """Small multiples of :func:`newskit.analysis.timeline.count_hits_over_time`:
    one panel per ``key`` value (at most :data:`~newskit.viz.layout.MAX_PANELS`,
    in first-seen order), the rate per 1,000 tokens over time with one line per
    ``by`` group, and a last panel with the articles per period."""
    check_columns(rates, ["start", key, "rate", "n_articles", *([by] if by else [])], "rates over time")
    if rates.empty:
        raise ArgumentError("nothing to plot: the rates table is empty")
    keys = list(dict.fromkeys(rates[key]))
    shown = keys[:MAX_PANELS]
    groups = _split(rates, by)
    colours = _colours(groups)
    with plt.rc_context({"font.family": font_family()}):
        fig, axes = plt.subplots(len(shown) + 1, 1, sharex=True, squeeze=False, layout="constrained",
                                 figsize=capped_size(10, 1.9 * len(shown) + 2.4),
                                 gridspec_kw={"height_ratios": [2] * len(shown) + [1.4]})
        axes = axes[:, 0]
        for ax, value in zip(axes, shown, strict=False):
            part = rates[rates[key] == value]
            for group in groups:
                line = part if group is None else part[part[by] == group]
                ax.plot(line["start"], line["rate"], marker=".", linewidth=1.2, color=colours.get(group, "tab:blue"),
                        label=None if group is None else str(group))
            ax.set_title(str(value), loc="left", fontsize="medium")
            ax.set_ylabel("per 1,000 tokens")
            ax.set_ylim(bottom=0)
        articles = rates.drop_duplicates(["start", *([by] if by else [])])
        _draw_articles(axes[-1], articles, by, colours, _bar_width(rates["start"]))
        if by:
            axes[0].legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title=by)
        note_shown(fig, len(shown), len(keys), "panels")
        if title:
            fig.suptitle(title)
    return fig


def plot_articles_over_time(articles: pd.DataFrame, *, by: str | None = None, title: str | None = None) -> Figure:
    """Articles per period (:func:`newskit.analysis.timeline.articles_per_period`),
    stacked by ``by`` group (at most 20 groups get their own colour)."""
    check_columns(articles, ["start", "n_articles", *([by] if by else [])], "articles per period")
    if articles.empty:
        raise ArgumentError("nothing to plot: no dated articles")
    with plt.rc_context({"font.family": font_family()}):
        fig, ax = plt.subplots(figsize=(10, 3.6), layout="constrained")
        groups = _split(articles, by)
        _draw_articles(ax, articles, by, _colours(groups), _bar_width(articles["start"]))
        if by:
            ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title=by)
        ax.set_title(title or "")
    return fig
