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
