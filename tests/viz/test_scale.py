"""Every figure function a notebook calls, drawn for 5, 100 and 1,000 articles
(synthetic tables of that size): no PNG over 4,000 pixels a side at the dpi
the notebooks save at, no two visible labels of one kind on top of each other.

A label "kind" is the x tick labels of one axes, its y tick labels, or the
texts and annotations drawn inside it (heatmap numbers, network and map
labels): overlapping within a kind is what makes a figure unreadable.
"""

from __future__ import annotations

import io
import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newskit import viz  # noqa: E402
from newskit.viz.layout import MAX_PIXELS, SAVE_DPI, SAVE_PAD  # noqa: E402

# 1,000 articles: several seconds per figure, left out by -m "not slow" (5 and 100 stay)
SIZES = [5, 100, pytest.param(1000, marks=pytest.mark.slow)]


@pytest.fixture(autouse=True)
def japanese():
    """Japanese labels render as in the notebooks (rcParams restored afterwards)."""
    with matplotlib.rc_context():
        viz.use_japanese_font()
        yield
LANGS = ["ja", "de", "id", "en"]


def png_size(fig, dpi: int = SAVE_DPI) -> tuple[int, int]:
    """(width, height) of the PNG ``save_figure`` writes: the tight bounding box
    plus its padding, at ``dpi`` (computed, not encoded: the same numbers)."""
    fig.draw_without_rendering()
    box = fig.get_tightbbox()
    return round((box.width + 2 * SAVE_PAD) * dpi), round((box.height + 2 * SAVE_PAD) * dpi)


def label_groups(fig):
    """The visible, non-empty labels of the figure, one list per kind."""
    fig.draw_without_rendering()
    groups = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        groups.append(ax.get_xticklabels())
        groups.append(ax.get_yticklabels())
        groups.append(list(dict.fromkeys([*ax.texts, *[child for child in ax.get_children()
                                                       if isinstance(child, matplotlib.text.Text)
                                                       and child not in (ax.title, ax._left_title, ax._right_title)]])))
    return [[text for text in group if text.get_visible() and text.get_text().strip()] for group in groups]


def overlapping(fig) -> list[tuple[str, str]]:
    """Pairs of labels of one kind whose boxes overlap by more than a pixel."""
    renderer = fig.canvas.get_renderer()
    found = []
    for group in label_groups(fig):
        boxes = [(text.get_text(), text.get_window_extent(renderer).expanded(1, 1).padded(-1)) for text in group]
        found += [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
    return found


def doc_ids(n: int) -> list[str]:
    return [f"doc-{k:04d}" for k in range(n)]


def lengths_table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    return pd.DataFrame({"lang": [LANGS[k % 4] for k in range(n)], "title": [f"記事 {k} のタイトル" for k in range(n)],
                         "chars": rng.integers(200, 5000, n), "tokens": rng.integers(50, 1500, n)},
                        index=pd.Index(doc_ids(n), name="doc_id"))


def terms_table(n: int, column: str = "doc_id") -> pd.DataFrame:
    return pd.DataFrame([(doc, f"語{rank}{doc[-2:]}", 50 - rank) for doc in doc_ids(n) for rank in range(10)],
                        columns=[column, "term", "count"])


def keyness_table(n: int) -> pd.DataFrame:
    table = terms_table(n).rename(columns={"count": "g2"})
    return table.assign(log_ratio=1.5, g2=table["g2"].astype(float))


def ranks_table(n: int) -> pd.DataFrame:
    return pd.DataFrame([(doc, rank, f"t{rank}", max(1, 100 // rank)) for doc in doc_ids(n) for rank in range(1, 40)],
                        columns=["doc_id", "rank", "term", "freq"])


def similarity_matrix(n: int) -> pd.DataFrame:
    values = np.random.default_rng(n).random((n, n))
    values = (values + values.T) / 2
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=doc_ids(n), columns=doc_ids(n))


def network(n: int) -> nx.Graph:
    graph = nx.gnm_random_graph(n, 2 * n, seed=n)
    for node in graph.nodes:
        graph.nodes[node].update(label=f"エンティティ {node}", count=1 + node % 7)
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = 1 + (a + b) % 3
    return graph


def agreement_table(n: int) -> pd.DataFrame:
    docs = doc_ids(n + 1)
    return pd.DataFrame({"doc_a": docs[:-1], "doc_b": docs[1:], "entity_agreement": np.linspace(0.2, 1, n),
                         "number_agreement": np.linspace(1, 0.4, n)})


def rates_over_time(n: int) -> pd.DataFrame:
    starts = pd.date_range("2023-01-01", periods=30, freq="MS")
    rows = [(start.strftime("%Y-%m"), start, lang, f"entity {k}", k, 1000, 1 + (n * (j + 1)) % 40, k / 2)
            for k in range(min(n, 20)) for j, start in enumerate(starts) for lang in LANGS]
    return pd.DataFrame(rows, columns=["period", "start", "lang", "entity", "count", "tokens", "n_articles", "rate"])


def dispersion_tables(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    spans = pd.DataFrame({"para_id": range(n), "kind": ["heading"] + ["body"] * (n - 1)})
    spans["start"], spans["end"] = spans["para_id"] * 30, spans["para_id"] * 30 + 30
    hits = pd.DataFrame({"term": ["GPU", "xAI"] * n, "offset": np.arange(2 * n) * 15, "n_tokens": 30 * n})
    return hits, spans


FIGURES = {
    "01 lengths": lambda n: viz.plot_lengths(lengths_table(n)),
    "01 lengths by group": lambda n: viz.plot_lengths(lengths_table(n), lengths_table(n)["lang"]),
    "02 top terms": lambda n: viz.plot_top_terms(terms_table(n), by="doc_id", ncols=4),
    "02 word clouds": lambda n: viz.plot_wordcloud_grid(
        {doc: {f"語{k}": 10 - k for k in range(8)} for doc in doc_ids(n)}, ncols=3, width=480, height=240),
    "02 zipf": lambda n: viz.plot_zipf(ranks_table(n), by="doc_id"),
    "02 dispersion": lambda n: viz.plot_paragraph_dispersion(*dispersion_tables(n), ["GPU", "xAI"]),
    "03 mention heatmap": lambda n: viz.plot_heatmap(similarity_matrix(n).iloc[:15], cmap="Blues", annotate=None),
    "03 network": lambda n: viz.plot_network(network(n)),
    "04 keyness": lambda n: viz.plot_keyness(keyness_table(n)),
    "04 similarity grid": lambda n: viz.plot_heatmap(similarity_matrix(n), value_range=(0, 1)),
    "04 document map": lambda n: viz.plot_document_map(
        pd.DataFrame(np.random.default_rng(n).normal(size=(n, 2)), index=doc_ids(n), columns=["x", "y"]),
        pd.Series([LANGS[k % 4] for k in range(n)], index=doc_ids(n))),
    "05 agreement": lambda n: viz.plot_agreement(agreement_table(n)),
    "09 articles": lambda n: viz.plot_articles_over_time(rates_over_time(n).drop_duplicates(["start", "lang"]), by="lang"),
    "09 rates": lambda n: viz.plot_rates_over_time(rates_over_time(n), key="entity", by="lang"),
}


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_stays_readable(name, n) -> None:
    fig = FIGURES[name](n)
    width, height = png_size(fig)
    assert max(width, height) <= MAX_PIXELS, f"{name} at N={n}: {width} × {height} px"
    assert overlapping(fig) == [], f"{name} at N={n}: overlapping labels"
    plt.close(fig)


def test_the_overlap_check_is_real() -> None:
    # the old per-article heatmap: 300 rows of labels at a fixed height run into each other
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.set_yticks(range(300), [f"doc-{k}" for k in range(300)])
    assert overlapping(fig)


def test_word_cloud_grid_stays_small_on_disk() -> None:
    # a few MB at most: twelve clouds, whatever the number of articles
    fig = FIGURES["02 word clouds"](1000)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    assert len(buffer.getvalue()) < 3_000_000
    assert fig.newskit_shown == (12, 1000)
