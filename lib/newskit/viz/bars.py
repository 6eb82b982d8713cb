"""Bar charts and curves of term tables: top terms per group, Zipf curves,
article lengths, keyness bars, agreement between translations.

None of the functions calls ``plt.show()`` (notebooks display figures
themselves, and headless runs must not block).  Figures are created through
pyplot so that Jupyter shows them inline; assign the result (``fig =
plot_…(…)``) to avoid it being shown twice, and ``plt.close(fig)`` in loops.
"""

from __future__ import annotations

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

__all__ = ["CRITICAL_G2", "plot_agreement", "plot_keyness", "plot_lengths", "plot_top_terms", "plot_zipf"]

#: G² above this is significant at p < 0.05 for one test (χ², one degree of freedom).
CRITICAL_G2 = G2_P05

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
    ncols = max(1, min(ncols, len(groups)))
    nrows = math.ceil(len(groups) / ncols)
    longest = int(df.groupby(by).size().max()) if by else len(df)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.5 * ncols, (0.28 * longest + 1.0) * nrows), squeeze=False,
        layout="constrained",
    )
    for ax, group in zip(axes.flat, groups, strict=False):  # spare axes are hidden below
        part = df if group is None else df[df[by] == group]
        part = part.iloc[::-1].sort_values(value, kind="stable")
        positions = np.arange(len(part))
        ax.barh(positions, part[value].to_numpy(), color="tab:blue")
        ax.set_yticks(positions, part[term].astype(str).tolist())
        ax.set_xlabel(value)
        ax.set_title("" if group is None else str(group))
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
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
    groups = ranks.groupby(by, sort=True) if by else [("all", ranks)]
    for group, part in groups:
        label = group[0] if isinstance(group, tuple) else group
        ax.plot(part["rank"], part["freq"], marker=".", linewidth=1, label=str(label))
    top = float(ranks["freq"].max())
    guide = np.array([1.0, float(ranks["rank"].max())])
    ax.plot(guide, top / guide, linestyle="--", color="grey", label="Zipf (slope −1)")
    ax.set(xscale="log", yscale="log", xlabel="rank", ylabel="frequency", title=title or "")
    ax.legend(fontsize="small")
    return fig



def plot_lengths(lengths: pd.DataFrame) -> Figure:
    """Two horizontal bar panels (characters, tokens) labelled with the
    documents' titles, which are in the articles' own languages."""
    labels = [f"{title[:28]}… ({lang})" if len(title) > 28 else f"{title} ({lang})"
              for title, lang in zip(lengths["title"], lengths["lang"])]
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.6 * len(lengths) + 1.5), sharey=True)
    for ax, column, name in zip(axes, ("chars", "tokens"), ("文字数 characters", "トークン数 tokens")):
        ax.barh(labels, lengths[column], color="#4c72b0")
        ax.set_title(name)
        ax.invert_yaxis()
        for y, value in enumerate(lengths[column]):
            ax.text(value, y, f" {value:,}", va="center", fontsize=8)
    fig.suptitle("記事の長さ Article length")
    fig.tight_layout()
    return fig


def plot_keyness(table: pd.DataFrame, ncols: int = 3, title: str | None = None) -> Figure:
    """Horizontal G² bars per document (from :func:`distinctive_keyness`),
    largest on top, each labelled with its log ratio (effect size: +1 = twice
    as frequent as in the other articles).

    The dashed grey line is G² = 3.84 (p < 0.05 for *one* test); when the
    table has the correction columns, the red line is that document's
    corrected threshold (``critical_g2``), bars of terms that do not survive
    the correction (``significant`` False) are pale and hatched, and a ``†``
    after the log ratio marks an expected frequency below 5 (``low_expected``).
    """
    check_columns(table, ["doc_id", "term", "g2", "log_ratio"], "keyness")
    if table.empty:
        raise ArgumentError("nothing to plot: the keyness table is empty")
    docs = list(table["doc_id"].drop_duplicates())
    ncols = max(1, min(ncols, len(docs)))
    nrows = -(-len(docs) // ncols)
    longest = int(table.groupby("doc_id", sort=False).size().max())
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.8 * ncols, (0.3 * longest + 1.6) * nrows),
                             squeeze=False, layout="constrained")
    corrected = {"significant", "critical_g2"} <= set(table.columns)
    limit = float(max(table["g2"].max(), table["critical_g2"].max() if corrected else 0, CRITICAL_G2)) * 1.3
    for ax, doc in zip(axes.flat, docs, strict=False):
        part = table[table["doc_id"] == doc].iloc[::-1]
        draw_keyness_panel(ax, part, corrected)
        ax.set_xlim(0, limit)
        ax.set(xlabel="G² (log-likelihood)", title=str(doc))
    for ax in axes.flat[len(docs):]:
        ax.set_visible(False)
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


def draw_keyness_panel(ax, part: pd.DataFrame, corrected: bool) -> None:
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


def plot_agreement(rates: pd.DataFrame):
    """Grouped bars of entity and quantity agreement per document pair."""
    labels = [f"{a}\n↔ {b}" for a, b in zip(rates["doc_a"], rates["doc_b"])]
    fig, ax = plt.subplots(figsize=(8, 3.8))
    x = range(len(rates))
    ax.bar([i - 0.2 for i in x], rates["entity_agreement"], width=0.4, label="固有表現 entities")
    ax.bar([i + 0.2 for i in x], rates["number_agreement"], width=0.4, label="数量 quantities")
    ax.set_xticks(list(x), labels, fontsize=8)
    ax.set_ylim(0.8 if rates[["entity_agreement", "number_agreement"]].min().min() > 0.8 else 0, 1.0)
    ax.set_ylabel("agreement")
    ax.set_title("翻訳間の一致率 Agreement between translations")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False)
    fig.tight_layout()
    return fig
