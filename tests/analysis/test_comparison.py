"""Tests for newskit.compare.

Most tests use tiny hand-made token tables (every word a content NOUN, "."
punctuation) so the expected numbers can be worked out by hand; the tests of
phrase_before and token_size_profile run the real tokenizer on the Neuralink
phrase that the three Zhidongxi translations render so differently.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newskit import viz as plots  # noqa: E402
from newskit.analysis.distinctive import distinctive_keyness, distinctive_tfidf  # noqa: E402
from newskit.analysis.groups import add_document_column  # noqa: E402
from newskit.analysis.similarity import (  # noqa: E402
    order_by_language,
    similarity_contributions,
    similarity_pairs,
    summarise_contributions,
)
from newskit.analysis.token_sizes import phrase_before, token_size_profile  # noqa: E402
from newskit.analysis.views import side_by_side, wide_ranks  # noqa: E402
from newskit.notebook.prose import describe_token_sizes  # noqa: E402
from newskit.viz.bars import plot_keyness  # noqa: E402
from newskit.io.corpus import Corpus
from newskit.io.paragraphs import split_paragraphs  # noqa: E402
from newskit.errors import ArgumentError  # noqa: E402
from newskit.analysis.keyness import log_likelihood, log_ratio
from newskit.analysis.tfidf import cosine_similarity_matrix  # noqa: E402
from newskit.text.tokenizer import tokenize_paragraphs  # noqa: E402
from tests.builders import make_tokens  # noqa: E402


#: a: x 2, y 1;  b: x 1, z 1;  c: x 1, w 2;  d (outside most comparisons): y 2
DOCS = {"a": "x x y", "b": "x z", "c": "x w w", "d": "y y"}
DOCUMENTS = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "lang": ["ja", "de", "ja", "id"]})


@pytest.fixture(scope="module")
def comparison_tokens() -> pd.DataFrame:
    return make_tokens(DOCS)


# --- add_document_column ------------------------------------------------------


def test_add_document_column_keeps_rows_and_index(comparison_tokens):
    shuffled = comparison_tokens.sample(frac=1, random_state=1)
    result = add_document_column(shuffled, DOCUMENTS)
    # same index, same order, one language per token from its document
    assert result.index.equals(shuffled.index)
    assert (result["lang"] == shuffled["doc_id"].map(dict(zip(DOCUMENTS["doc_id"], DOCUMENTS["lang"])))).all()


@pytest.mark.parametrize(
    ("documents", "column", "message"),
    [
        # a token whose document is not in the catalog: tables from two corpora
        (DOCUMENTS[DOCUMENTS["doc_id"] != "d"], "lang", "doc_id\\(s\\) d are not in the documents table"),
        # the catalog lacks the requested column
        (DOCUMENTS, "publisher", "lacks column"),
        # the tokens already carry the column: refuse to overwrite it silently
        (DOCUMENTS.assign(doc_id=DOCUMENTS["doc_id"]), "doc_id", "already has a column 'doc_id'"),
    ],
)
def test_add_document_column_errors(comparison_tokens, documents, column, message):
    with pytest.raises(ArgumentError, match=message):
        add_document_column(comparison_tokens, documents, column)


# --- distinctive terms ----------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_ids", "n", "expected"),
    [
        # idf over a, b, c only: x in all three (idf 1), y/z/w in one (ln(4/2)+1);
        # a: x 2/3 * 1 = 0.667 beats y 1/3 * 1.693 = 0.564
        (["a", "b", "c"], 2, [("a", 1, "x", 2 / 3), ("a", 2, "y", (math.log(2) + 1) / 3),
                              ("b", 1, "z", (math.log(2) + 1) / 2), ("b", 2, "x", 1 / 2),
                              ("c", 1, "w", 2 / 3 * (math.log(2) + 1)), ("c", 2, "x", 1 / 3)]),
        # documents come out in the order given, not sorted; n=1 keeps the best
        (["c", "a"], 1, [("c", 1, "w", 2 / 3 * (math.log(3 / 2) + 1)), ("a", 1, "x", 2 / 3)]),
        # d is outside the set, so y is still in one document (a) of two
        (["a", "b"], 1, [("a", 1, "x", 2 / 3), ("b", 1, "z", (math.log(3 / 2) + 1) / 2)]),
        # n=0 gives an empty table
        (["a", "b"], 0, []),
    ],
)
def test_distinctive_tfidf(comparison_tokens, doc_ids, n, expected):
    result = distinctive_tfidf(comparison_tokens, doc_ids, n)
    got = list(result[["doc_id", "rank", "term", "tfidf"]].itertuples(index=False, name=None))
    assert [row[:3] for row in got] == [row[:3] for row in expected]
    assert [row[3] for row in got] == pytest.approx([row[3] for row in expected])


def test_distinctive_by_group_pools_the_documents(comparison_tokens):
    # groups g1 = a + c (x 3, y 1, w 2), g2 = b (x 1, z 1): each group is one text
    grouped = comparison_tokens.assign(outlet=comparison_tokens["doc_id"].map({"a": "g1", "b": "g2", "c": "g1", "d": "g3"}))
    pooled = grouped.assign(doc_id=grouped["outlet"])
    tfidf = distinctive_tfidf(grouped, ["g1", "g2"], 2, by="outlet")
    assert list(tfidf.columns[:2]) == ["outlet", "rank"]
    expected = distinctive_tfidf(pooled, ["g1", "g2"], 2).rename(columns={"doc_id": "outlet"})
    pd.testing.assert_frame_equal(tfidf, expected)
    keyness = distinctive_keyness(grouped, ["g1", "g2"], 3, 1, by="outlet")
    pd.testing.assert_frame_equal(keyness, distinctive_keyness(pooled, ["g1", "g2"], 3, 1).rename(
        columns={"doc_id": "outlet"}))
    # and the two lists side by side, by the same column
    assert ("g1", "G²") in side_by_side({"tf-idf": tfidf, "G²": keyness}, by="outlet").columns
    with pytest.raises(ArgumentError, match="no tokens for outlet"):
        distinctive_tfidf(grouped, ["g1", "g9"], 2, by="outlet")


def test_distinctive_keyness_values(comparison_tokens):
    result = distinctive_keyness(comparison_tokens, ["a", "b", "c"], n=5, min_count=1)
    # only over-used terms: a over-uses x (2 of 3 vs 2 of 5) and y (1 vs 0)
    a = result[result["doc_id"] == "a"].set_index("term")
    assert set(a.index) == {"x", "y"}
    assert a.loc["x", "g2"] == pytest.approx(log_likelihood(2, 2, 3, 5))
    assert a.loc["y", "log_ratio"] == pytest.approx(log_ratio(1, 0, 3, 5))
    # ranks follow G² within each document
    for _, part in result.groupby("doc_id"):
        assert part["g2"].is_monotonic_decreasing
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
    # the original columns keep their names and order; significance columns are added after them
    assert list(result.columns) == ["doc_id", "rank", "term", "freq_target", "freq_ref", "g2",
                                    "p_value", "log_ratio", "significance", "p_adjusted", "significant",
                                    "critical_g2", "low_expected"]


@pytest.mark.parametrize(
    ("doc_ids", "n", "message"),
    [
        # one article cannot be compared with "the others"
        (["a"], 5, "at least two"),
        # the same id twice is still one article
        (["a", "a"], 5, "at least two"),
        # an id without tokens
        (["a", "zz"], 5, "no tokens for doc_id\\(s\\) zz"),
        # a negative cut is a mistake, not "all"
        (["a", "b"], -1, "n must be zero or positive"),
    ],
)
def test_distinctive_keyness_errors(comparison_tokens, doc_ids, n, message):
    with pytest.raises(ArgumentError, match=message):
        distinctive_keyness(comparison_tokens, doc_ids, n)


def test_distinctive_keyness_min_count(comparison_tokens):
    # min_count=2 drops y, z, w in a/b/c comparisons except c's w (2) and a's x
    result = distinctive_keyness(comparison_tokens, ["a", "b", "c"], n=5, min_count=2)
    assert sorted(result["term"]) == ["w", "x"]


def test_side_by_side():
    tfidf = pd.DataFrame({"doc_id": ["a", "a", "b"], "rank": [1, 2, 1], "term": ["x", "y", "z"]})
    g2 = pd.DataFrame({"doc_id": ["b", "a"], "rank": [1, 1], "term": ["w", "y"]})
    wide = side_by_side({"tf-idf": tfidf, "G²": g2})
    # documents in first-seen order, methods in the order given; short lists leave ""
    assert list(wide.columns) == [("a", "tf-idf"), ("a", "G²"), ("b", "tf-idf"), ("b", "G²")]
    assert wide.loc[1].tolist() == ["x", "y", "z", "w"]
    assert wide.loc[2].tolist() == ["y", "", "", ""]


def test_side_by_side_needs_tables():
    with pytest.raises(ArgumentError, match="at least one table"):
        side_by_side({})


# --- similarity -------------------------------------------------------------------


def test_order_by_language():
    ids = ["a", "b", "c", "d"]
    matrix = pd.DataFrame(np.arange(16.0).reshape(4, 4), index=ids, columns=ids)
    ordered = order_by_language(matrix, DOCUMENTS)
    # de < id < ja, catalog order within ja (a before c); values move with their labels
    assert list(ordered.index) == ["b (de)", "d (id)", "a (ja)", "c (ja)"]
    assert list(ordered.columns) == list(ordered.index)
    assert ordered.loc["d (id)", "a (ja)"] == matrix.loc["d", "a"]


def test_similarity_pairs(comparison_tokens):
    matrix = cosine_similarity_matrix(comparison_tokens)
    pairs = similarity_pairs(matrix, DOCUMENTS)
    # 4 documents: 6 unordered pairs, most similar first, self-pairs excluded
    assert len(pairs) == 6
    assert pairs["cosine"].is_monotonic_decreasing
    row = pairs[(pairs["doc_a"] == "a") & (pairs["doc_b"] == "c")].iloc[0]
    assert bool(row["same_language"]) and row["cosine"] == pytest.approx(matrix.loc["a", "c"])
    # b and d share no term: cosine 0, different languages
    row = pairs[(pairs["doc_a"] == "b") & (pairs["doc_b"] == "d")].iloc[0]
    assert row["cosine"] == 0 and not row["same_language"]


def test_similarity_contributions_sum_to_cosine(comparison_tokens):
    matrix = cosine_similarity_matrix(comparison_tokens)
    pairs = [("a", "b"), ("a", "d"), ("b", "d")]
    parts = similarity_contributions(comparison_tokens, pairs)
    totals = parts.groupby(["doc_a", "doc_b"])["contribution"].sum()
    # every pair with shared terms: the contributions add up to the cosine
    assert totals[("a", "b")] == pytest.approx(matrix.loc["a", "b"])
    assert totals[("a", "d")] == pytest.approx(matrix.loc["a", "d"])
    # a pair without shared terms has no rows at all
    assert ("b", "d") not in totals.index
    # shares of one pair sum to 1; a and b share only x
    assert parts[parts["doc_a"] == "a"].groupby("doc_b")["share"].sum().tolist() == pytest.approx([1, 1])
    assert parts.loc[(parts["doc_a"] == "a") & (parts["doc_b"] == "b"), "term"].tolist() == ["x"]


def test_similarity_contributions_top_n_and_errors(comparison_tokens):
    # n cuts per pair
    assert len(similarity_contributions(comparison_tokens, [("a", "c")], n=0)) == 0
    # no pairs: an empty table with the columns
    assert list(similarity_contributions(comparison_tokens, []).columns) == ["doc_a", "doc_b", "term", "contribution", "share"]
    # unknown document
    with pytest.raises(ArgumentError, match="no counted terms for doc_id 'zz'"):
        similarity_contributions(comparison_tokens, [("a", "zz")])


def test_summarise_contributions():
    parts = pd.DataFrame({
        "doc_a": ["p", "p", "p", "q"], "doc_b": ["r", "r", "r", "s"],
        "term": ["xAI", "マスク", "Grok 2", "GPU"], "contribution": [0.3, 0.1, 0.1, 0.2],
    })
    summary = summarise_contributions(parts, n_terms=2).set_index(["doc_a", "doc_b"])
    # cosine = sum; Latin-script names carry 0.4 of 0.5; only the first n_terms are listed
    assert summary.loc[("p", "r"), "cosine"] == pytest.approx(0.5)
    assert summary.loc[("p", "r"), "shared_terms"] == 3
    assert summary.loc[("p", "r"), "latin_share"] == pytest.approx(0.8)
    assert summary.loc[("p", "r"), "top_terms"] == "xAI, マスク"
    # a pair made only of a Latin name
    assert summary.loc[("q", "s"), "latin_share"] == pytest.approx(1.0)


# --- token sizes and the Neuralink phrase ------------------------------------------

NEURALINK = {
    "ja1": ("ja", "SpaceX、ブレイン・コンピューター・インターフェース会社のNeuralink、Boring。"),
    "de1": ("de", "SpaceX, das Gehirn-Computer-Schnittstellenunternehmen Neuralink, Boring."),
    "id1": ("id", "SpaceX, perusahaan antarmuka otak-komputer Neuralink, Boring."),
    "en1": ("en", "Neuralink makes brain implants."),
}


@pytest.fixture(scope="module")
def neuralink() -> Corpus:
    documents = pd.DataFrame({"doc_id": list(NEURALINK), "lang": [lang for lang, _ in NEURALINK.values()],
                              "title": list(NEURALINK)})
    paragraphs = pd.DataFrame([
        {"doc_id": doc, **record}
        for doc, (lang, text) in NEURALINK.items() for record in split_paragraphs(text, lang)
    ])
    return Corpus(Path("."), documents, paragraphs, {doc: text for doc, (_, text) in NEURALINK.items()})


@pytest.fixture(scope="module")
def neuralink_tokens(neuralink) -> pd.DataFrame:
    return tokenize_paragraphs(neuralink.paragraphs, neuralink.languages())


@pytest.mark.parametrize(
    ("doc", "phrase", "n_tokens"),
    [
        # Japanese: the merge pass keeps the katakana name whole, 会社 is a second token, の is dropped
        ("ja1", "ブレイン・コンピューター・インターフェース会社", 2),
        # German: one compound token; the article "das" is not a content word
        ("de1", "Gehirn-Computer-Schnittstellenunternehmen", 1),
        # Indonesian: three words, the hyphenated otak-komputer stays one token
        ("id1", "perusahaan antarmuka otak-komputer", 3),
        # the anchor opens the paragraph: nothing before it
        ("en1", "", 0),
    ],
)
def test_phrase_before(neuralink, neuralink_tokens, doc, phrase, n_tokens):
    result = phrase_before(neuralink_tokens, neuralink.paragraphs, "neuralink").set_index("doc_id")
    assert result.loc[doc, "phrase"] == phrase
    assert result.loc[doc, "n_tokens"] == n_tokens
    assert result.loc[doc, "n_chars"] == len(result.loc[doc, "tokens"].replace(" | ", ""))


def test_phrase_before_mentions(neuralink, neuralink_tokens):
    # mentions are numbered per document so parallel versions line up
    result = phrase_before(neuralink_tokens, neuralink.paragraphs, "Neuralink")
    assert list(zip(result["doc_id"], result["mention"])) == [("de1", 1), ("en1", 1), ("id1", 1), ("ja1", 1)]


def test_phrase_before_stops_at_punctuation(neuralink, neuralink_tokens):
    # "Boring" directly follows a comma: the words before the comma are not its description
    result = phrase_before(neuralink_tokens, neuralink.paragraphs, "Boring")
    assert result["n_tokens"].tolist() == [0, 0, 0]
    # no hits: an empty table with the columns
    assert phrase_before(neuralink_tokens, neuralink.paragraphs, "Tesla").empty


def test_token_size_profile(neuralink, neuralink_tokens):
    profile = token_size_profile(neuralink, neuralink_tokens)
    # one row per language; the German compound is the longest token of its language
    assert sorted(profile.index) == ["de", "en", "id", "ja"]
    assert profile.loc["de", "longest_token"] == "Gehirn-Computer-Schnittstellenunternehmen"
    assert profile.loc["de", "longest_token_chars"] == 41
    # characters per token: all text characters over all tokens (punctuation included)
    de_tokens = neuralink_tokens[neuralink_tokens["doc_id"] == "de1"]
    assert profile.loc["de", "chars_per_token"] == round(len(NEURALINK["de1"][1]) / len(de_tokens), 2)
    # Japanese packs fewer characters into a content token than German
    assert profile.loc["ja", "chars_per_content_token"] < profile.loc["de", "chars_per_content_token"]


# --- plot ---------------------------------------------------------------------------


def test_plot_keyness_renders_japanese(comparison_tokens):
    table = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["投資", "xAI", "迅速"],
                          "g2": [17.2, 4.0, 13.5], "log_ratio": [4.6, 1.2, 4.6]})
    with matplotlib.rc_context():
        plots.use_japanese_font()
        fig = plot_keyness(table, ncols=3)
        # pytest turns "Glyph … missing" into an error: drawing proves the font works
        fig.savefig(io.BytesIO(), format="png")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    # one panel per document, bars labelled by term with the largest on top
    assert [ax.get_title() for ax in visible] == ["a", "b"]
    assert [label.get_text() for label in visible[0].get_yticklabels()] == ["xAI", "投資"]
    assert any(text.get_text() == " LR +4.6" for text in visible[0].texts)
    plt.close(fig)


def test_plot_keyness_empty():
    with pytest.raises(ArgumentError, match="empty"):
        plot_keyness(pd.DataFrame(columns=["doc_id", "term", "g2", "log_ratio"]))


@pytest.mark.parametrize(
    ("value", "digits", "expected_first_row", "expected_last_row"),
    [
        # counts: groups in first-seen order (b before a), "term (count)" cells
        ("count", 0, ["z (5)", "x (3)"], ["", "y (1)"]),
        # a float value rounded to the requested digits
        ("score", 2, ["z (0.12)", "x (0.50)"], ["", "y (0.33)"]),
        # no value: terms only
        (None, 0, ["z", "x"], ["", "y"]),
    ],
)
def test_wide_ranks(value, digits, expected_first_row, expected_last_row):
    table = pd.DataFrame({"doc_id": ["b", "a", "a"], "term": ["z", "x", "y"], "count": [5, 3, 1],
                          "score": [0.123, 0.5, 1 / 3]})
    wide = wide_ranks(table, value=value, digits=digits)
    assert list(wide.columns) == ["b", "a"]
    assert wide.loc[1].tolist() == expected_first_row
    # the shorter list (b has one term) leaves an empty cell at rank 2
    assert wide.loc[2].tolist() == expected_last_row


def test_wide_ranks_empty_and_other_group():
    # an empty table gives an empty frame, not an error (a corpus may lack bigrams)
    assert wide_ranks(pd.DataFrame(columns=["doc_id", "term", "count"])).empty
    # any grouping column works, e.g. the language
    wide = wide_ranks(pd.DataFrame({"lang": ["ja", "de"], "term": ["株", "Aktie"], "count": [2, 1]}), by="lang")
    assert wide.loc[1].tolist() == ["株 (2)", "Aktie (1)"]


def test_describe_token_sizes():
    profile = pd.DataFrame(
        {"tokens": [1879, 5443], "chars_per_token": [6.11, 1.87], "chars_per_content_token": [8.56, 2.95],
         "longest_token": ["Gehirn-Computer-Schnittstellenunternehmen", "ブレイン・コンピューター・インターフェース"]},
        index=pd.Index(["de", "ja"], name="lang"),
    )
    phrases = pd.DataFrame({"doc_id": ["ja1", "de1"], "para_id": [41, 39],
                            "phrase": ["ブレイン・コンピューター・インターフェース会社", "Gehirn-Computer-Schnittstellenunternehmen"],
                            "tokens": ["ブレイン・コンピューター・インターフェース | 会社", "Gehirn-Computer-Schnittstellenunternehmen"],
                            "n_tokens": [2, 1]})
    note = describe_token_sizes(profile, phrases, "Neuralink")
    # with mention numbers, phrases are ordered by mention (stable within a mention)
    ordered = describe_token_sizes(profile, phrases.assign(mention=[2, 1]), "Neuralink")
    assert ordered.index("- de1 (mention 1, paragraph 39)") < ordered.index("- ja1 (mention 2, paragraph 41)")
    lines = note.splitlines()
    # languages from the smallest token to the largest, numbers from the profile, thousands separated
    bullets = [line for line in lines if line.startswith("- **")]
    assert bullets[0].startswith("- **ja**: 1.87 characters per token (5,443 tokens), 2.95 per content word")
    assert bullets[1].startswith("- **de**: 6.11 characters per token")
    assert "`Gehirn-Computer-Schnittstellenunternehmen` (41 characters)" in bullets[1]
    # the phrases keep their order; singular "token" for one
    assert "- ja1 (paragraph 41): `ブレイン・コンピューター・インターフェース会社` → 2 tokens" in note
    assert "- de1 (paragraph 39): `Gehirn-Computer-Schnittstellenunternehmen` → 1 token (" in note
    # the closing ratio is computed: 6.11 / 1.87 = 3.3
    assert "3.3 times" in lines[-1]


def test_describe_token_sizes_without_phrases():
    # a corpus where the anchor never occurs: no phrase section at all
    profile = pd.DataFrame({"tokens": [10], "chars_per_token": [5.0], "chars_per_content_token": [6.0],
                            "longest_token": ["chatbot"]}, index=pd.Index(["en"], name="lang"))
    note = describe_token_sizes(profile, pd.DataFrame(columns=["doc_id", "phrase", "tokens", "n_tokens"]))
    assert "description of" not in note
    assert "1.0 times" in note
