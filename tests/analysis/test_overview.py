"""Overview tables of notebook 01."""

from __future__ import annotations

import pytest

from newskit.analysis import overview
from newskit.viz.bars import plot_lengths
from newskit.errors import ArgumentError


def test_count_kinds_in_catalog_order(corpus):
    kinds = overview.count_kinds(corpus)
    assert list(kinds.index) == list(corpus.documents["doc_id"])
    assert list(kinds.columns) == ["boilerplate", "heading", "caption", "body", "source"]
    # every paragraph counted once
    assert kinds.to_numpy().sum() == len(corpus.paragraphs)


def test_lengths(corpus, tokens):
    lengths = overview.summarise_lengths(corpus, tokens)
    assert list(lengths.index) == list(corpus.documents["doc_id"])
    row = lengths.loc["zdx-xai-ja"]
    # characters of heading/caption/body only: boilerplate and source excluded
    assert row["chars"] < corpus.documents.set_index("doc_id").loc["zdx-xai-ja", "n_chars"]
    assert row["tokens"] == (tokens["doc_id"] == "zdx-xai-ja").sum()
    assert 0 < row["types"] <= row["content_tokens"] <= row["tokens"]
    by_lang = overview.summarise_by_language(lengths)
    assert by_lang.loc["ja", "documents"] == 3 and by_lang["tokens"].sum() == len(tokens)


@pytest.mark.parametrize(
    "body_index, n_tokens, first",
    [
        (0, 5, "Zhidongxi"),   # the lead sentence starts with the agency in all three
        (0, 1, "Zhidongxi"),   # a single token
    ],
)
def test_sample_tokenization(corpus, tokens, body_index, n_tokens, first):
    docs = ["zdx-xai-ja", "zdx-xai-de", "zdx-xai-id"]
    sample = overview.sample_tokenization(corpus, tokens, docs, body_index, n_tokens)
    assert len(sample) == n_tokens
    assert [sample[(d, "surface")].iloc[0] for d in docs] == [first] * 3


def test_sample_out_of_range(corpus, tokens):
    # asking for a body paragraph the document does not have
    with pytest.raises(ArgumentError, match="body paragraphs"):
        overview.sample_tokenization(corpus, tokens, ["xai-party-ja"], 99)


def test_plot_lengths_renders_japanese(corpus, tokens, recwarn):
    import matplotlib
    matplotlib.use("Agg")
    from newskit.viz.fonts import use_japanese_font
    use_japanese_font()
    fig = plot_lengths(overview.summarise_lengths(corpus, tokens))
    fig.canvas.draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]


def copies_corpus(dropped_ids=()):
    """en: a, b and c copies of a, d; ja: e, f a copy of e (dropped ones moved to ``dropped``)."""
    from pathlib import Path

    import pandas as pd

    from newskit.io.corpus import Corpus

    documents = pd.DataFrame({
        "doc_id": list("abcdef"), "lang": ["en"] * 4 + ["ja"] * 2, "title": list("ABCDEF"),
        "duplicate_of": [None, "a", "a", None, None, "e"],
        "duplicate_similarity": [float("nan"), 1.0, 0.9, float("nan"), float("nan"), 0.85],
    })
    gone = documents["doc_id"].isin(dropped_ids)
    return Corpus(Path("."), documents[~gone].reset_index(drop=True), pd.DataFrame(), {},
                  documents[gone].reset_index(drop=True))


@pytest.mark.parametrize("dropped_ids, dropped", [((), [0, 0, 0]), (("b", "c", "f"), [2, 1, 3])])
def test_summarise_duplicates(dropped_ids, dropped):
    table = overview.summarise_duplicates(copies_corpus(dropped_ids))
    # en: 4 documents, 1 original (a), 2 copies -> 2/4 = 0.5; ja: 2, 1, 1 -> 0.5; all: 6, 2, 3 -> 0.5
    assert table.loc[["en", "ja", "all"], ["documents", "originals", "copies"]].values.tolist() == [
        [4, 1, 2], [2, 1, 1], [6, 2, 3]]
    assert table["dropped"].tolist() == dropped
    assert table["copies_share"].tolist() == [0.5, 0.5, 0.5]


def test_list_duplicates():
    table = overview.list_duplicates(copies_corpus(("f",)))
    assert table[["doc_id", "duplicate_of", "title_of_original", "dropped"]].values.tolist() == [
        ["b", "a", "A", False], ["c", "a", "A", False], ["f", "e", "E", True]]


def test_duplicates_of_a_corpus_built_by_hand(corpus):
    # no duplicate columns (a corpus not made by load_corpus): found on the fly
    from newskit.io.corpus import Corpus

    bare = Corpus(corpus.root, corpus.documents.drop(columns=["duplicate_of", "duplicate_similarity"]),
                  corpus.paragraphs, corpus.texts)
    assert overview.summarise_duplicates(bare).loc["all", "copies"] == 0
