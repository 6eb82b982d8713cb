"""Plotting helpers for the notebooks: each returns a matplotlib Figure.

None of them calls ``plt.show()`` (notebooks display figures themselves, and
headless runs under papermill must not block) and importing this module
configures nothing: call :func:`use_japanese_font` once in a notebook before
drawing Japanese labels.  Figures are created through pyplot so that Jupyter
shows them inline; assign the result (``fig = plot_…(…)``) to avoid it being
shown twice, and ``plt.close(fig)`` in long loops.

:func:`save_figure` writes PNGs atomically and byte-for-byte reproducibly, so
re-running a notebook does not produce spurious diffs in ``reports/figures``.
"""

from __future__ import annotations

import importlib.util
import io
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newskit.errors import CorpusError
from newskit.frequency import check_columns
from newskit.tables import write_atomic

if TYPE_CHECKING:
    from wordcloud import WordCloud

#: Family name of the font bundled with matplotlib-fontja.
JAPANESE_FONT_NAME = "IPAexGothic"

#: Seed for every random layout (word clouds, spring layouts): same input, same picture.
RANDOM_STATE = 0


def find_japanese_font() -> Path:
    """Path of the IPAexGothic TTF bundled by matplotlib-fontja.

    Located via the package spec *without importing it*, because importing
    matplotlib_fontja rewrites matplotlib's rcParams as a side effect, and a
    word cloud should not change how later plots look.
    """
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("matplotlib-fontja is not installed; pip install matplotlib-fontja")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "ipaexg.ttf"
    if not path.is_file():
        raise FileNotFoundError(f"matplotlib-fontja has no bundled font at {path}")
    return path


def use_japanese_font() -> str:
    """Make matplotlib draw Japanese (and Latin, Cyrillic, Greek) text with
    IPAexGothic; returns the family name.

    matplotlib-fontja registers the font; we then put it first in the
    ``sans-serif`` list and keep DejaVu Sans behind it as per-glyph fallback,
    so code that asks for the generic "sans-serif" (networkx labels do) also
    gets Japanese glyphs instead of "Glyph … missing from font" boxes.
    """
    import matplotlib_fontja  # noqa: PLC0415 - deliberate: importing configures matplotlib

    matplotlib_fontja.japanize()
    others = [name for name in plt.rcParams["font.sans-serif"] if name != JAPANESE_FONT_NAME]
    plt.rcParams["font.sans-serif"] = [JAPANESE_FONT_NAME, *others]
    plt.rcParams["font.family"] = ["sans-serif"]
    return JAPANESE_FONT_NAME


def plot_top_terms(
    df: pd.DataFrame,
    by: str | None = "doc_id",
    term: str = "term",
    value: str = "count",
    ncols: int = 3,
    title: str | None = None,
) -> Figure:
    """Horizontal bar chart of term counts, one panel per group, largest bar on
    top; takes :func:`newskit.frequency.top_terms`-shaped tables (also bigrams
    or tf-idf with ``value="tfidf"``)."""
    check_columns(df, [term, value, *([by] if by else [])], "terms")
    groups = list(df[by].drop_duplicates()) if by else [None]
    if df.empty:
        raise CorpusError(None, "nothing to plot: the terms table is empty")
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
    :func:`newskit.frequency.rank_frequency`, with a dashed slope −1 guide
    (ideal Zipf) through the top term, to compare texts against the law."""
    check_columns(ranks, ["rank", "freq", *([by] if by else [])], "ranks")
    if ranks.empty:
        raise CorpusError(None, "nothing to plot: the rank table is empty")
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


def plot_dispersion(
    positions: pd.DataFrame,
    terms: Sequence[str] | None = None,
    n_tokens: int | None = None,
    title: str | None = None,
) -> Figure:
    """Dispersion ("barcode") plot from :func:`newskit.kwic.dispersion`: one row
    per term, a tick at each occurrence's token offset.  Pass ``terms`` to fix
    the row order and show rows for terms without hits."""
    check_columns(positions, ["term", "offset"], "dispersion")
    rows = list(terms) if terms is not None else list(positions["term"].drop_duplicates())
    if n_tokens is None and "n_tokens" in positions.columns and not positions.empty:
        n_tokens = int(positions["n_tokens"].max())
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(rows), 1) + 1.2), layout="constrained")
    lookup = {name: index for index, name in enumerate(rows)}
    y = positions["term"].map(lookup)
    shown = y.notna()
    ax.scatter(positions.loc[shown, "offset"], y[shown], marker="|", s=300, color="black")
    ax.set_yticks(range(len(rows)), [str(name) for name in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    if n_tokens:
        ax.set_xlim(-0.5, n_tokens - 0.5)  # half a token of margin: a hit at 0 stays visible
    ax.set(xlabel="token offset in the article", title=title or "")
    return fig


def plot_heatmap(
    matrix: pd.DataFrame,
    title: str | None = None,
    cmap: str = "viridis",
    annotate: bool | None = None,
    fmt: str = ".2f",
    value_range: tuple[float, float] | None = None,
) -> Figure:
    """Heatmap of a labelled matrix (e.g. cosine similarities) with a colour
    bar; cells are annotated by default when the matrix is at most 12 × 12,
    beyond which numbers become unreadable."""
    if matrix.empty:
        raise CorpusError(None, "nothing to plot: the matrix is empty")
    values = matrix.to_numpy(dtype=float)
    rows, cols = values.shape
    vmin, vmax = value_range if value_range else (np.nanmin(values), np.nanmax(values))
    fig, ax = plt.subplots(figsize=(1.0 + 0.6 * cols + 1.5, 1.0 + 0.5 * rows), layout="constrained")
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(cols), [str(c) for c in matrix.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in matrix.index])
    fig.colorbar(image, ax=ax)
    if annotate is None:
        annotate = max(rows, cols) <= 12
    if annotate:
        middle = (vmin + vmax) / 2
        for (r, c), cell in np.ndenumerate(values):
            color = "white" if cell < middle else "black"
            ax.text(c, r, format(cell, fmt), ha="center", va="center", color=color, fontsize="small")
    ax.set_title(title or "")
    return fig


def plot_network(
    graph: nx.Graph,
    title: str | None = None,
    seed: int = RANDOM_STATE,
    weight: str = "weight",
    size_attr: str = "count",
    label_attr: str = "label",
) -> Figure:
    """Draw a co-occurrence graph with a seeded spring layout (same graph, same
    picture), node area by ``size_attr`` and edge width by ``weight``; labels
    use the current font family so Japanese names render."""
    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    ax.set_axis_off()
    ax.set_title(title or "")
    if graph.number_of_nodes() == 0:
        return fig
    layout = nx.spring_layout(graph, seed=seed, weight=weight)
    sizes = np.array([float(graph.nodes[n].get(size_attr, 1)) for n in graph.nodes])
    sizes = 300 + 1200 * sizes / sizes.max() if sizes.max() > 0 else np.full(len(sizes), 300.0)
    weights = np.array([float(d.get(weight, 1)) for _, _, d in graph.edges(data=True)])
    widths = 1 + 4 * weights / weights.max() if len(weights) else []
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes, node_color="tab:orange", alpha=0.8)
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color="grey", alpha=0.7)
    labels = {n: str(graph.nodes[n].get(label_attr, n)) for n in graph.nodes}
    family = plt.rcParams["font.family"]
    nx.draw_networkx_labels(graph, layout, labels=labels, ax=ax, font_family=family, font_size=10)
    return fig


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
        raise CorpusError(None, "no terms with a positive frequency to draw a word cloud from")
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
    :func:`newskit.frequency.frequencies_for_wordcloud`), sized so the image
    keeps its aspect ratio; the WordCloud itself comes from :func:`build_wordcloud`."""
    cloud = build_wordcloud(freqs, width, height, max_words)
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), layout="constrained")
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title or "")
    return fig


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write ``fig`` as PNG atomically and reproducibly; returns the path.

    Atomic: the PNG is written to a temporary file in the target folder and
    moved into place with ``os.replace``, so a crash never leaves half a file
    that a report would embed.  Reproducible: the "Software" metadata (the
    matplotlib version) is dropped and Agg writes no timestamp, so the same
    figure gives byte-identical files across runs.
    """
    target = Path(path)
    if target.suffix.lower() != ".png":
        raise CorpusError(target, "save_figure writes PNG only; use a .png file name")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    write_atomic(target, buffer.getvalue())
    return target
