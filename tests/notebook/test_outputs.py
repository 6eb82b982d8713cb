"""Outputs: where a notebook writes, and what its first cell sets up."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newskit.errors import ArgumentError  # noqa: E402
from newskit.notebook import Outputs, start  # noqa: E402
from tests.builders import ROOT, write_corpus  # noqa: E402


@pytest.fixture()
def corpus_dir(tmp_path):
    return write_corpus(tmp_path / "my-corpus", "doc_id,file,lang\na,raw/a.txt,en\n", {"raw/a.txt": b"A text.\n"})


def test_table_and_figure_land_beside_the_corpus(corpus_dir):
    out = Outputs("02", corpus_dir)
    frame = pd.DataFrame({"x": [1]})
    assert out.table(frame, "top-terms", "a table") is frame  # returned for display
    assert (corpus_dir / "processed" / "02-top-terms.csv").is_file()
    assert (corpus_dir / "processed" / "02-top-terms.meta.json").is_file()  # version sidecar
    fig, _ = plt.subplots()
    assert out.figure(fig, "top-terms") == corpus_dir / "reports" / "figures" / "02-top-terms.png"
    plt.close(fig)


@pytest.mark.parametrize(
    ("number", "name", "message"),
    [
        ("2", "top-terms", "two-digit number"),   # the notebook number is NN
        ("02", "Top Terms", "kebab-case"),        # file names stay NN-kebab-name
        ("02", "top_terms", "kebab-case"),        # underscores are not kebab-case
    ],
)
def test_bad_names(corpus_dir, number, name, message):
    with pytest.raises(ArgumentError, match=message):
        Outputs(number, corpus_dir).table(pd.DataFrame(), name, "")


def test_corpus_note_only_off_the_described_corpus(corpus_dir, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert Outputs("01", "data").corpus_note() == ""
    assert "describes the articles in `data`" in Outputs("01", corpus_dir).corpus_note()
    # a notebook written about another corpus names that one
    assert Outputs("06", "data/examples", described="data/examples").corpus_note() == ""


def test_start_makes_stylers_escape_html(corpus_dir):
    # (option_context restores every option start() sets)
    with pd.option_context("styler.format.escape", None, "styler.html.mathjax", True,
                           "display.html.use_mathjax", True):
        start("01", corpus_dir)
        html = pd.DataFrame({"text": ["<script>alert(1)</script>"]}).style.to_html()
        assert "<script>alert" not in html and "&lt;script&gt;" in html
        # MathJax leaves tables alone: a "$5 and $6" title is not typeset as maths
        assert not pd.get_option("styler.html.mathjax") and not pd.get_option("display.html.use_mathjax")


def test_notebook_tables_are_spreadsheet_safe(corpus_dir):
    # a catalog title =HYPERLINK(...) used to land verbatim in processed/01-lengths.csv
    frame = pd.DataFrame({"doc_id": ["a"], "title": ['=HYPERLINK("http://x.example","click")'], "n_chars": [-1]})
    shown = Outputs("01", corpus_dir).table(frame, "lengths", "lengths")
    assert shown is frame and frame["title"].iloc[0].startswith("=")  # the notebook shows the text as it is
    line = (corpus_dir / "processed" / "01-lengths.csv").read_text("utf-8").splitlines()[1]
    assert line == 'a,"\'=HYPERLINK(""http://x.example"",""click"")",-1'


def test_corpora_sharing_a_folder_name_keep_their_own_outputs(tmp_path, monkeypatch):
    # a/corpus and b/corpus used to share reports/figures/corpus/ and overwrite each
    # other's figures; now every output of a corpus lives beside it
    monkeypatch.setenv("NEWSKIT_ROOT", str(tmp_path))  # the "project" is tmp_path: nothing lands in the repo
    written = {}
    for side, colour in (("a", "red"), ("b", "blue")):
        root = write_corpus(tmp_path / side / "corpus", "doc_id,file,lang\na,raw/a.txt,en\n", {"raw/a.txt": b"A.\n"})
        out = Outputs("02", root)
        out.table(pd.DataFrame({"side": [side]}), "top-terms", "which corpus")
        fig, ax = plt.subplots(figsize=(1, 1))
        ax.set_facecolor(colour)
        written[side] = (out.tables_dir / "02-top-terms.csv", out.figure(fig, "top-terms"))
        plt.close(fig)
    (table_a, figure_a), (table_b, figure_b) = written["a"], written["b"]
    assert figure_a == tmp_path / "a" / "corpus" / "reports" / "figures" / "02-top-terms.png"
    assert figure_b == tmp_path / "b" / "corpus" / "reports" / "figures" / "02-top-terms.png"
    assert figure_a.read_bytes() != figure_b.read_bytes()  # both figures survive, each its own
    assert table_a.read_text("utf-8") == "side\na\n" and table_b.read_text("utf-8") == "side\nb\n"


def test_graph_is_graphml_beside_the_png(corpus_dir):
    import networkx as nx

    from newskit.analysis.cooccurrence import build_cooccurrence_graph, cooccurrence_pairs, count_units

    mentions = pd.DataFrame({"doc_id": ["d", "d", "d"], "para_id": [0, 0, 1], "entity_id": ["musk", "xai", "musk"],
                             "label": ["マスク", "xAI", "マスク"]})
    pairs = cooccurrence_pairs(mentions, measure="jaccard")
    labels = mentions.drop_duplicates("entity_id").set_index("entity_id")["label"]
    graph = build_cooccurrence_graph(pairs, count_units(mentions), labels)
    out = Outputs("08", corpus_dir)
    path = out.graph(graph, "network")
    assert path == corpus_dir / "reports" / "figures" / "08-network.graphml"
    first = path.read_bytes()
    # read back: labels (Japanese), node counts and every edge measure survive
    back = nx.read_graphml(path)
    assert back.nodes["musk"] == {"label": "マスク", "count": 2}
    # musk in 2 paragraphs, xai in 1, together in 1: Jaccard 1 / (2 + 1 - 1) = 0.5
    assert back.edges["musk", "xai"] == {"weight": 0.5, "count": 1, "jaccard": 0.5}
    # byte-identical on a second write, no temporary file left
    assert out.graph(graph, "network").read_bytes() == first
    assert sorted(p.name for p in path.parent.iterdir()) == ["08-network.graphml"]
