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
    previous = pd.get_option("styler.format.escape")
    try:
        start("01", corpus_dir)
        html = pd.DataFrame({"text": ["<script>alert(1)</script>"]}).style.to_html()
        assert "<script>alert" not in html and "&lt;script&gt;" in html
    finally:
        pd.set_option("styler.format.escape", previous)


def test_tokens_use_the_cache_of_the_corpus(corpus_dir):
    import newskit

    corpus = newskit.load_corpus(corpus_dir)
    out = Outputs("01", corpus_dir)
    first = out.tokens(corpus)
    cached = sorted((corpus_dir / "processed" / "cache" / "tokens").rglob("*.parquet"))
    # one cached table per document, and the second notebook reads them: the same table
    assert len(cached) == len(corpus.documents)
    pd.testing.assert_frame_equal(Outputs("02", corpus_dir).tokens(corpus), first)
    pd.testing.assert_frame_equal(first, newskit.tokenize_corpus(corpus))
