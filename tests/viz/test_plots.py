"""Tests for newskit.plots: Agg backend, Japanese labels, missing glyphs = errors.

Every figure is actually rendered (savefig), because matplotlib only warns
"Glyph … missing from font" at draw time; warnings are turned into errors.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from newskit import viz as plots  # noqa: E402
from newskit.analysis.cooccurrence import build_cooccurrence_graph, cooccurrence_pairs, count_units  # noqa: E402
from newskit.errors import ArgumentError  # noqa: E402
from newskit.analysis.frequency import frequencies_for_wordcloud, rank_frequency, top_terms  # noqa: E402
from newskit.analysis.tfidf import cosine_similarity_matrix  # noqa: E402
from newskit.analysis.concordance import dispersion  # noqa: E402


@pytest.fixture
def japanese(monkeypatch):
    """Japanese font for one test only (rcParams restored afterwards), and
    plt.show made to fail: helpers must never call it."""

    def forbidden_show(*args, **kwargs):
        raise AssertionError("plotting helpers must not call plt.show()")

    monkeypatch.setattr(plt, "show", forbidden_show)
    with matplotlib.rc_context():
        plots.use_japanese_font()
        yield
    plt.close("all")


def render(fig: Figure, path: Path) -> bytes:
    """Draw and save with every warning an error (missing glyphs included);
    low dpi keeps the suite fast."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.save_figure(fig, path, dpi=50)
    return path.read_bytes()


def labelled_graph(toy_mentions):
    labels = {"Q_musk": "マスク氏", "Q_grok": "株主", "Q_xai": "xAI"}
    return build_cooccurrence_graph(cooccurrence_pairs(toy_mentions), count_units(toy_mentions), labels)


PLOTS = {
    # bars with Japanese terms, one panel per document, Japanese title
    "top_terms": lambda t, m: plots.plot_top_terms(top_terms(t, n=5), title="マスク氏と株主"),
    # log-log curves
    "zipf": lambda t, m: plots.plot_zipf(rank_frequency(t), title="株主"),
    # rows labelled in Japanese, one of them without hits
    "dispersion": lambda t, m: plots.plot_dispersion(
        dispersion(t, ["マスク", "株"], "ja1"), terms=["マスク", "株", "株主"], title="マスク氏"
    ),
    # labelled square matrix
    "heatmap": lambda t, m: plots.plot_heatmap(cosine_similarity_matrix(t), title="株主の類似度"),
    # networkx labels use the generic sans-serif family: must still find the glyphs
    "network": lambda t, m: plots.plot_network(labelled_graph(m), title="マスク氏"),
    # word cloud with one-character kanji
    "wordcloud": lambda t, m: plots.make_wordcloud(
        frequencies_for_wordcloud(t, "ja1"), width=300, height=150, title="株主"
    ),
}


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_plots_render_japanese_without_missing_glyphs(japanese, toy_tokens, toy_mentions, tmp_path, name):
    fig = PLOTS[name](toy_tokens, toy_mentions)
    assert isinstance(fig, Figure)
    assert render(fig, tmp_path / f"{name}.png").startswith(b"\x89PNG")


def test_missing_glyph_check_is_real(tmp_path):
    # control: without the Japanese font the same label must fail the test above
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("マスク氏")
        with pytest.raises(UserWarning, match="Glyph"):
            render(fig, tmp_path / "missing.png")
        plt.close(fig)


@pytest.mark.parametrize("name", ["top_terms", "heatmap", "network", "wordcloud"])
def test_save_figure_is_byte_identical(japanese, toy_tokens, toy_mentions, tmp_path, name):
    first = render(PLOTS[name](toy_tokens, toy_mentions), tmp_path / "a.png")
    second = render(PLOTS[name](toy_tokens, toy_mentions), tmp_path / "b.png")
    assert first == second
    # the matplotlib version is not written into the file
    assert b"Software" not in first and matplotlib.__version__.encode() not in first


def test_save_figure_leaves_no_temporary_files(tmp_path):
    fig, _ = plt.subplots()
    target = plots.save_figure(fig, tmp_path / "sub" / "plot.png")
    plots.save_figure(fig, target)  # overwriting is fine
    assert [p.name for p in target.parent.iterdir()] == ["plot.png"]
    assert (target.stat().st_mode & 0o777) == 0o644
    plt.close(fig)


def test_save_figure_failure_keeps_old_file(tmp_path, monkeypatch):
    fig, _ = plt.subplots()
    target = plots.save_figure(fig, tmp_path / "plot.png")
    before = target.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(RuntimeError):
        plots.save_figure(fig, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plot.png"]
    plt.close(fig)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # only PNG is written (other formats embed dates)
        (lambda: plots.save_figure(plt.figure(), "plot.pdf"), "PNG only"),
        # a word cloud needs at least one word
        (lambda: plots.make_wordcloud({}), "no terms"),
        # zero counts are not words either
        (lambda: plots.make_wordcloud({"株": 0}), "no terms"),
        # an empty bar table is a mistake upstream
        (lambda: plots.plot_top_terms(pd.DataFrame(columns=["doc_id", "term", "count"])), "empty"),
        # wrong table passed to the Zipf plot
        (lambda: plots.plot_zipf(pd.DataFrame({"term": ["a"]})), "rank"),
    ],
)
def test_plot_errors(call, message):
    with pytest.raises(ArgumentError, match=message):
        call()
    plt.close("all")


def test_find_japanese_font():
    path = plots.find_japanese_font()
    assert path.name == "ipaexg.ttf" and path.is_file()


def test_wordcloud_keeps_kanji_and_is_horizontal(toy_tokens):
    cloud = plots.build_wordcloud(frequencies_for_wordcloud(toy_tokens, "ja1"), width=300, height=150)
    words = {word for (word, _), _, _, orientation, _ in cloud.layout_ if orientation is None}
    assert {"株", "額"} <= words
    assert all(orientation is None for _, _, _, orientation, _ in cloud.layout_)


def test_importing_plots_configures_nothing():
    # run in a fresh interpreter: this test process has already imported everything
    code = (
        "import sys, matplotlib\n"
        "before = dict(matplotlib.rcParams)\n"
        "import newskit, newskit.viz, newskit.analysis, newskit.notebook\n"
        "assert dict(matplotlib.rcParams) == before\n"
        "assert 'matplotlib_fontja' not in sys.modules\n"
        "assert 'wordcloud' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "MPLBACKEND": "Agg"})


def test_agreement_axis_starts_at_zero_and_labels_bars():
    # all values above 0.8: the axis still starts at 0 (a cut axis made 0.85 look like half of 0.95)
    rates = pd.DataFrame({"doc_a": ["ja", "ja"], "doc_b": ["de", "id"], "entity_agreement": [0.95, 0.85],
                          "number_agreement": [0.9, float("nan")]})
    fig = plots.plot_agreement(rates)
    ax = fig.axes[0]
    assert ax.get_ylim()[0] == 0
    # every bar says its value; an undefined agreement is a dash, not a zero-height mystery
    assert [text.get_text() for text in ax.texts] == ["0.95", "0.85", "0.90", "–"]
