"""Bar charts and curves of term tables: top terms per group, Zipf curves,
article lengths, keyness bars, agreement between translations.

None of the functions calls ``plt.show()`` (notebooks display figures
themselves, and headless runs must not block).  Figures are created through
pyplot so that Jupyter shows them inline; assign the result (``fig =
plot_…(…)``) to avoid it being shown twice, and ``plt.close(fig)`` in loops.

Every chart is bounded whatever the table: at most
:data:`~newskit.viz.layout.MAX_PANELS` panels (or lines), at most
:data:`MAX_BARS` bars per panel, the size capped at 4,000 pixels a side; what
was left out is said on the figure.  The notebooks aggregate before plotting
(:func:`newskit.analysis.groups.resolve_grouping`), so the caps are a guard,
not the way a thousand articles are shown.
"""

from __future__ import annotations

import inspect
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from newskit.analysis.frequency import check_columns
from newskit.analysis.significance import CORRECTION_NAMES, G2_P05
from newskit.errors import ArgumentError
from newskit.viz.layout import MAX_PANELS, capped_size, note_shown

__all__ = ["CRITICAL_G2", "MAX_BARS", "plot_agreement", "plot_keyness", "plot_lengths", "plot_top_terms", "plot_zipf"]

#: G² above this is significant at p < 0.05 for one test (χ², one degree of freedom).
CRITICAL_G2 = G2_P05
#: Most bars in one panel (terms per group, document pairs).
MAX_BARS = 40
#: Horizontal box plots: ``orientation`` since matplotlib 3.10, ``vert`` before.
_HORIZONTAL = ({"orientation": "horizontal"} if "orientation" in inspect.signature(plt.Axes.boxplot).parameters
               else {"vert": False})


def _panel_grid(groups: list, ncols: int, longest: int, panel: tuple[float, float, float]):
    """Figure and axes for one panel per group (at most MAX_PANELS), each
    ``width`` wide and ``per_bar`` × bars + ``extra`` tall, capped in size."""
    width, per_bar, extra = panel
    shown = groups[:MAX_PANELS]
    ncols = max(1, min(ncols, len(shown)))
    nrows = math.ceil(len(shown) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=capped_size(width * ncols, (per_bar * longest + extra) * nrows),
                             squeeze=False, layout="constrained")
    for ax in axes.flat[len(shown):]:
        ax.set_visible(False)
    note_shown(fig, len(shown), len(groups))
    return fig, list(zip(axes.flat, shown, strict=False))

def plot_top_terms(
    df: pd.DataFrame,
    by: str | None = "doc_id",
    term: str = "term",
    value: str = "count",
    ncols: int = 3,
    title: str | None = None,
) -> Figure:
    """Horizontal bar chart of term counts, one panel per group, largest bar on
    top; takes :func:`newskit.analysis.frequency.top_terms`-shaped tables (also bigrams
    or tf-idf with ``value="tfidf"``)."""
    check_columns(df, [term, value, *([by] if by else [])], "terms")
    groups = list(df[by].drop_duplicates()) if by else [None]
    if df.empty:
        raise ArgumentError("nothing to plot: the terms table is empty")
    longest = min(int(df.groupby(by, observed=True).size().max()) if by else len(df), MAX_BARS)
    fig, panels = _panel_grid(groups, ncols, longest, (4.5, 0.28, 1.0))
    for ax, group in panels:
        part = (df if group is None else df[df[by] == group]).head(MAX_BARS)
        part = part.iloc[::-1].sort_values(value, kind="stable")
        positions = np.arange(len(part))
        ax.barh(positions, part[value].to_numpy(), color="tab:blue")
        ax.set_yticks(positions, part[term].astype(str).tolist())
        ax.set_xlabel(value)
        ax.set_title("" if group is None else str(group))
    if title:
        fig.suptitle(title)
    return fig


def plot_zipf(ranks: pd.DataFrame, by: str | None = "doc_id", title: str | None = None) -> Figure:
    """Log-log rank/frequency curves (one line per group) from
    :func:`newskit.analysis.frequency.rank_frequency`, with a dashed slope −1 guide
    (ideal Zipf) through the top term, to compare texts against the law."""
    check_columns(ranks, ["rank", "freq", *([by] if by else [])], "ranks")
    if ranks.empty:
        raise ArgumentError("nothing to plot: the rank table is empty")
    fig, ax = plt.subplots(figsize=(6, 4.5), layout="constrained")
    groups = list(ranks.groupby(by, sort=True, observed=True)) if by else [("all", ranks)]
    for group, part in groups[:MAX_PANELS]:
        label = group[0] if isinstance(group, tuple) else group
        ax.plot(part["rank"], part["freq"], marker=".", linewidth=1, label=str(label))
    top = float(ranks["freq"].max())
    guide = np.array([1.0, float(ranks["rank"].max())])
    ax.plot(guide, top / guide, linestyle="--", color="grey", label="Zipf (slope −1)")
    ax.set(xscale="log", yscale="log", xlabel="rank", ylabel="frequency", title=title or "")
    ax.legend(fontsize="small")
    note_shown(fig, min(len(groups), MAX_PANELS), len(groups), "curves")
    return fig


def plot_lengths(lengths: pd.DataFrame, groups: pd.Series | None = None) -> Figure:
    """Article lengths in characters and tokens (two panels), from
    :func:`newskit.analysis.overview.summarise_lengths`: one bar per article,
    labelled with its title (in the article's own language), for up to
    :data:`~newskit.viz.layout.MAX_PANELS` articles; for more, or when
    ``groups`` (doc_id → group) is given, a box plot per group (default:
    language) with the number of articles in each."""
    check_columns(lengths, ["lang", "chars", "tokens"], "lengths")
    if groups is None and len(lengths) <= MAX_PANELS:
        return _length_bars(lengths)
    labels = lengths["lang"].astype(str) if groups is None else groups.reindex(lengths.index.astype(str))
    labels = pd.Series(np.asarray(labels, dtype=object), index=lengths.index).dropna()
    order = list(dict.fromkeys(labels))[:MAX_PANELS]
    height = 0.45 * len(order) + 1.6
    fig, axes = plt.subplots(1, 2, figsize=capped_size(11, height), sharey=True, layout="constrained")
    for ax, column, name in zip(axes, ("chars", "tokens"), ("文字数 characters", "トークン数 tokens"), strict=True):
        values = [lengths.loc[labels.index[labels == group], column].to_numpy() for group in order]
        ax.boxplot(values, widths=0.6, **_HORIZONTAL)
        ax.set_yticks(range(1, len(order) + 1), [f"{group} ({len(v):,})" for group, v in zip(order, values, strict=True)])
        ax.invert_yaxis()
        ax.set_title(name)
    note_shown(fig, len(order), len(dict.fromkeys(labels)))
    fig.suptitle("記事の長さ Article length (per article, by group)")
    return fig


def _length_bars(lengths: pd.DataFrame) -> Figure:
    """One bar per article in each panel, labelled with its title."""
    titles = lengths["title"] if "title" in lengths.columns else pd.Series(lengths.index, index=lengths.index)
    labels = [f"{str(title)[:28]}… ({lang})" if len(str(title)) > 28 else f"{title} ({lang})"
              for title, lang in zip(titles, lengths["lang"], strict=True)]
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.6 * len(lengths) + 1.5), sharey=True)
    for ax, column, name in zip(axes, ("chars", "tokens"), ("文字数 characters", "トークン数 tokens"), strict=True):
        ax.barh(labels, lengths[column], color="#4c72b0")
        ax.set_title(name)
        ax.invert_yaxis()
        ax.set_xlim(0, max(float(lengths[column].max()), 1.0) * 1.2)  # room for the numbers inside the panel
        for y, value in enumerate(lengths[column]):
            ax.text(value, y, f" {value:,}", va="center", fontsize=8)
    fig.suptitle("記事の長さ Article length")
    fig.tight_layout()
    return fig


def plot_keyness(table: pd.DataFrame, ncols: int = 3, title: str | None = None, by: str = "doc_id") -> Figure:
    """Horizontal G² bars per document or group ``by`` (from :func:`distinctive_keyness`),
    largest on top, each labelled with its log ratio (effect size: +1 = twice
    as frequent as in the other articles).

    The dashed grey line is G² = 3.84 (p < 0.05 for *one* test); when the
    table has the correction columns, the red line is that document's
    corrected threshold (``critical_g2``), bars of terms that do not survive
    the correction (``significant`` False) are pale and hatched, and a ``†``
    after the log ratio marks an expected frequency below 5 (``low_expected``).
    """
    check_columns(table, [by, "term", "g2", "log_ratio"], "keyness")
    if table.empty:
        raise ArgumentError("nothing to plot: the keyness table is empty")
    units = list(table[by].drop_duplicates())
    longest = min(int(table.groupby(by, sort=False, observed=True).size().max()), MAX_BARS)
    fig, panels = _panel_grid(units, ncols, longest, (4.8, 0.3, 1.6))
    corrected = {"significant", "critical_g2"} <= set(table.columns)
    limit = float(max(table["g2"].max(), table["critical_g2"].max() if corrected else 0, CRITICAL_G2)) * 1.3
    for ax, unit in panels:
        part = table[table[by] == unit].head(MAX_BARS).iloc[::-1]
        _draw_keyness_panel(ax, part, corrected)
        ax.set_xlim(0, limit)
        ax.set(xlabel="G² (log-likelihood)", title=str(unit))
    correction = CORRECTION_NAMES.get(table.attrs.get("correction"), "the") if corrected else None
    handles = [Line2D([], [], color="grey", linestyle="--", label=f"G² = {CRITICAL_G2} (p < 0.05, one test)")]
    if corrected:
        handles += [Line2D([], [], color="tab:red", label=f"{correction} correction threshold"),
                    Patch(facecolor="tab:purple", label="survives the correction"),
                    Patch(facecolor="#d9cce6", hatch="//", edgecolor="grey", label="does not survive")]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    if title:
        fig.suptitle(title)
    return fig


def _draw_keyness_panel(ax, part: pd.DataFrame, corrected: bool) -> None:
    """One document's bars, log-ratio labels and threshold lines."""
    positions = np.arange(len(part))
    survives = part["significant"].astype(bool).to_numpy() if corrected else np.ones(len(part), dtype=bool)
    bars = ax.barh(positions, part["g2"].to_numpy(), color=np.where(survives, "tab:purple", "#d9cce6"),
                   edgecolor=np.where(survives, "tab:purple", "grey"))
    for bar, ok in zip(bars, survives, strict=True):
        bar.set_hatch("" if ok else "//")
    ax.set_yticks(positions, part["term"].astype(str).tolist())
    low = part["low_expected"].astype(bool).tolist() if "low_expected" in part.columns else [False] * len(part)
    for y, (g2, ratio, flag) in enumerate(zip(part["g2"], part["log_ratio"], low, strict=True)):
        ax.text(g2, y, f" LR {ratio:+.1f}{' †' if flag else ''}", va="center", fontsize="small")
    ax.axvline(CRITICAL_G2, color="grey", linestyle="--", linewidth=1)
    if corrected:
        ax.axvline(float(part["critical_g2"].iloc[0]), color="tab:red", linewidth=1.2)


def plot_agreement(rates: pd.DataFrame, labels: tuple[str, str] = ("doc_a", "doc_b")) -> Figure:
    """Grouped bars of entity and quantity agreement per pair (document
    pairs, or language pairs of an aggregated table: ``labels`` names the two
    columns to label with); the axis runs from 0 to 1, each bar carries its
    value, and at most :data:`MAX_BARS` pairs are drawn."""
    check_columns(rates, [*labels, "entity_agreement", "number_agreement"], "agreement rates")
    shown = rates.head(MAX_BARS)
    longest = max((len(str(value)) for value in shown[list(labels)].to_numpy().ravel()), default=0)
    upright = len(shown) * longest > 70  # long names side by side would run into each other
    names = [f"{a} ↔ {b}" if upright else f"{a}\n↔ {b}" for a, b in zip(shown[labels[0]], shown[labels[1]], strict=True)]
    fig, ax = plt.subplots(figsize=capped_size(max(8, 0.9 * len(shown) + 2), 4.2 + (0.08 * longest if upright else 0)),
                           layout="constrained")
    x = np.arange(len(shown))
    for offset, column, name in ((-0.2, "entity_agreement", "固有表現 entities"),
                                 (0.2, "number_agreement", "数量 quantities")):
        values = shown[column].to_numpy(dtype=float)
        bars = ax.bar(x + offset, np.nan_to_num(values), width=0.4, label=name)
        ax.bar_label(bars, labels=["–" if np.isnan(v) else f"{v:.2f}" for v in values], fontsize=7, padding=1,
                     rotation=90 if upright else 0)
    ax.set_xticks(x, names, fontsize=8, rotation=90 if upright else 0)
    ax.set_ylim(0, 1.15 if upright else 1.08)
    ax.set_ylabel("agreement (0–1)")
    ax.set_title("翻訳間の一致率 Agreement between translations")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize="small")
    note_shown(fig, len(shown), len(rates), "pairs")
    return fig
