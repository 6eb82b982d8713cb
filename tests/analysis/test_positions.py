"""Tests for newskit.positions on tests/data/stats_tokens.csv + stats_paragraphs.csv.

ja1 has three paragraphs of 7, 11 and 8 tokens (heading, body, body); マスク
opens paragraphs 0 and 2, at offsets 0 and 18 (see tests/test_kwic.py).
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from newskit import viz as plots  # noqa: E402
from newskit.errors import ArgumentError  # noqa: E402
from newskit.analysis.concordance import dispersion  # noqa: E402
from newskit.analysis.positions import paragraph_offsets
from newskit.viz.dispersion import KIND_COLOURS, plot_paragraph_dispersion  # noqa: E402


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # three paragraphs laid end to end; kinds come from the paragraph table
        ("ja1", [(0, "heading", 0, 7, 7), (1, "body", 7, 18, 11), (2, "body", 18, 26, 8)]),
        # a one-paragraph document spans all its tokens, punctuation included
        ("de1", [(0, "body", 0, 9, 9)]),
    ],
)
def test_paragraph_offsets(toy_tokens, toy_paragraphs, doc, expected):
    spans = paragraph_offsets(toy_tokens, toy_paragraphs, doc)
    assert list(spans.itertuples(index=False, name=None)) == expected


def test_offsets_agree_with_dispersion(toy_tokens, toy_paragraphs):
    # every hit falls inside the span of its own paragraph
    spans = paragraph_offsets(toy_tokens, toy_paragraphs, "ja1").set_index("para_id")
    for hit in dispersion(toy_tokens, ["マスク", "株"], "ja1").itertuples():
        assert spans.loc[hit.para_id, "start"] <= hit.offset < spans.loc[hit.para_id, "end"]


def test_paragraph_offsets_ignore_token_order(toy_tokens, toy_paragraphs):
    # a shuffled token table gives the same spans (reading order is rebuilt)
    shuffled = toy_tokens.sample(frac=1, random_state=3)
    assert paragraph_offsets(shuffled, toy_paragraphs, "ja1").equals(paragraph_offsets(toy_tokens, toy_paragraphs, "ja1"))


def test_paragraph_offsets_missing_kind(toy_tokens, toy_paragraphs):
    # a paragraph absent from the paragraph table keeps its span, kind unknown
    spans = paragraph_offsets(toy_tokens, toy_paragraphs[toy_paragraphs["para_id"] != 1], "ja1")
    assert spans["kind"].isna().tolist() == [False, True, False]


def test_paragraph_offsets_unknown_document(toy_tokens, toy_paragraphs):
    with pytest.raises(ArgumentError, match="unknown doc_id"):
        paragraph_offsets(toy_tokens, toy_paragraphs, "xx1")


def test_plot_paragraph_dispersion(toy_tokens, toy_paragraphs):
    spans = paragraph_offsets(toy_tokens, toy_paragraphs, "ja1")
    hits = dispersion(toy_tokens, ["マスク", "株"], "ja1")
    with matplotlib.rc_context():
        plots.use_japanese_font()
        fig = plot_paragraph_dispersion(hits, spans, ["マスク", "株", "発表"], "ja1")
        fig.savefig(io.BytesIO(), format="png")  # glyph warnings are errors under pytest
    ax = fig.axes[0]
    # one row per requested term, a term without hits included
    assert [label.get_text() for label in ax.get_yticklabels()] == ["マスク", "株", "発表"]
    # the x axis covers the whole document (26 tokens) with half a token of margin
    assert ax.get_xlim() == (-0.5, 25.5)
    # only the heading is shaded, and the legend says so
    shaded = [patch for patch in ax.patches if patch.get_facecolor()[:3] == matplotlib.colors.to_rgb(KIND_COLOURS["heading"])]
    assert len(shaded) == 1
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["heading"]
    plt.close(fig)
