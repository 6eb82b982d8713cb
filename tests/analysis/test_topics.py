"""Topic models: reproducibility, coherence by hand, dates and topics over time."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.dtm import DocumentTermMatrix
from newskit.analysis.topics import (
    TopicOptions,
    choose_n_topics,
    npmi_coherence,
    topic_model,
    topics_over_time,
    umass_coherence,
)

from tests.builders import FUNCTION_WORDS, make_tokens

# presence in 4 documents: a in d1 d2 d3, b in d1 d2, c in d4
PRESENCE = DocumentTermMatrix.from_frame(pd.DataFrame(
    {"a": [1, 2, 1, 0], "b": [3, 1, 0, 0], "c": [0, 0, 0, 5]}, index=["d1", "d2", "d3", "d4"]))

# two themes in six short documents (markets vs space), for the models
THEMES = [
    ("m1", 0, "market shares investors market"), ("m2", 0, "investors shares market fund"),
    ("m3", 0, "fund market shares investors"), ("s1", 0, "rocket launch orbit rocket"),
    ("s2", 0, "orbit launch rocket satellite"), ("s3", 0, "satellite orbit launch rocket"),
]


def test_umass_by_hand() -> None:
    # D(a) = 3, D(b) = 2, D(c) = 1; D(a,b) = 2, D(a,c) = D(b,c) = 0; terms in order a, b, c
    # pairs (m > l): ln((D(b,a) + 1) / D(a)) = ln(3/3) = 0
    #                ln((D(c,a) + 1) / D(a)) = ln(1/3) = -1.098612
    #                ln((D(c,b) + 1) / D(b)) = ln(1/2) = -0.693147
    # mean = (0 - 1.098612 - 0.693147) / 3 = -0.597253
    assert umass_coherence(PRESENCE, ["a", "b", "c"]) == pytest.approx((math.log(1 / 3) + math.log(1 / 2)) / 3)


def test_npmi_by_hand() -> None:
    # N = 4: P(a) = 0.75, P(b) = 0.5, P(c) = 0.25
    # (a,b): P = 0.5; ln(0.5 / 0.375) / -ln(0.5) = 0.287682 / 0.693147 = 0.415037
    # (a,c), (b,c): never together -> -1
    # mean = (0.415037 - 1 - 1) / 3 = -0.528321
    expected = (math.log(0.5 / 0.375) / -math.log(0.5) - 2) / 3
    assert npmi_coherence(PRESENCE, ["a", "b", "c"]) == pytest.approx(expected)
    # (a, a)-like perfect pair: both in every document -> 1
    both = DocumentTermMatrix.from_frame(pd.DataFrame({"x": [1, 1], "y": [2, 1]}))
    assert npmi_coherence(both, ["x", "y"]) == 1.0


def test_coherence_rejects_unknown_terms() -> None:
    with pytest.raises(ArgumentError, match="zz"):
        umass_coherence(PRESENCE, ["a", "zz"])


@pytest.mark.parametrize("method", ["lda", "nmf"])
def test_same_seed_same_model(method) -> None:
    # run twice with one seed: every table identical, to the last bit
    tokens = make_tokens(THEMES, stop=FUNCTION_WORDS)
    first = topic_model(tokens, 2, seed=7, method=method)
    second = topic_model(tokens, 2, seed=7, method=method)
    for name in ("top_terms", "term_weights", "doc_topics", "coherence"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), check_exact=True)
    assert first.perplexity == second.perplexity


@pytest.mark.parametrize("method", ["lda", "nmf"])
def test_model_tables(method) -> None:
    model = topic_model(make_tokens(THEMES, stop=FUNCTION_WORDS), 2, method=method, options=TopicOptions(n_top_terms=3))
    shares = model.doc_topics
    assert list(shares.columns) == [1, 2] and list(shares.index) == ["m1", "m2", "m3", "s1", "s2", "s3"]
    assert shares.sum(axis=1).to_numpy() == pytest.approx(np.ones(6))
    # topic 1 has the largest mean share
    assert shares[1].mean() >= shares[2].mean()
    # the two themes end up in different topics
    assert shares.loc[["m1", "m2", "m3"]].idxmax(axis=1).nunique() == 1
    assert shares.loc["m1"].idxmax() != shares.loc["s1"].idxmax()
    assert list(model.top_terms.columns) == ["topic", "rank", "term", "weight"]
    assert model.top_terms.groupby("topic")["rank"].apply(list).tolist() == [[1, 2, 3], [1, 2, 3]]
    assert model.term_weights.sum(axis=1).to_numpy() == pytest.approx([1, 1])
    assert list(model.coherence.columns) == ["topic", "umass", "npmi"]
    assert (model.perplexity is None) == (method == "nmf")


@pytest.mark.parametrize(("call", "message"), [
    (lambda t: topic_model(t, 2, method="lsa"), "method='lsa'"),              # unknown method
    (lambda t: topic_model(t, 99), "n_topics=99"),                             # more topics than documents
    (lambda t: topic_model(t, 2, options=TopicOptions(min_docs=9)), "min_docs"),  # nothing left to model
])
def test_bad_arguments(call, message) -> None:
    with pytest.raises(ArgumentError, match=message):
        call(make_tokens(THEMES, stop=FUNCTION_WORDS))


def test_choose_n_topics() -> None:
    table = choose_n_topics(make_tokens(THEMES, stop=FUNCTION_WORDS), [2, 3])
    assert table["n_topics"].tolist() == [2, 3]
    assert list(table.columns) == ["n_topics", "perplexity", "umass", "npmi"]
    assert table["perplexity"].notna().all() and table["npmi"].between(-1, 1).all()


DOC_TOPICS = pd.DataFrame([[0.2, 0.8], [0.6, 0.4], [1.0, 0.0], [0.5, 0.5]],
                          index=pd.Index(["d1", "d2", "d3", "d4"], name="doc_id"), columns=[1, 2])
DOCUMENTS = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"],
                          "published": ["2024-03-05", "2024-03-20", "2024", None],
                          "lang": ["ja", "de", "ja", "ja"]})


def test_topics_by_month() -> None:
    # 2024-03 holds d1 and d2: topic 1 (0.2 + 0.6) / 2 = 0.4, topic 2 (0.8 + 0.4) / 2 = 0.6;
    # d3 ("2024") cannot be placed in a month and d4 has no date: 2 of 4 left out
    table = topics_over_time(DOC_TOPICS, DOCUMENTS, freq="M")
    assert table["period"].astype(str).tolist() == ["2024-03", "2024-03"]
    assert table["share"].tolist() == pytest.approx([0.4, 0.6])
    assert table["n_docs"].tolist() == [2, 2]
    assert table.attrs["note"].startswith("2 of 4 documents left out")


def test_topics_by_year_and_group() -> None:
    # by year d3 counts too: ja = d1, d3 -> topic 1 (0.2 + 1.0) / 2 = 0.6; de = d2 -> 0.6
    table = topics_over_time(DOC_TOPICS, DOCUMENTS, freq="Y", by="lang")
    topic1 = table[table["topic"] == 1].set_index("lang")
    assert topic1["share"].to_dict() == pytest.approx({"de": 0.6, "ja": 0.6})
    assert topic1["n_docs"].to_dict() == {"de": 1, "ja": 2}
    assert table.attrs["note"].startswith("1 of 4")


def test_paragraph_shares_are_averaged_per_document() -> None:
    # a paragraph-level model: d1's two paragraphs (0.0, 1.0) and (0.4, 0.6) average to (0.2, 0.8)
    index = pd.MultiIndex.from_tuples([("d1", 0), ("d1", 1), ("d2", 0)], names=["doc_id", "para_id"])
    paragraphs = pd.DataFrame([[0.0, 1.0], [0.4, 0.6], [0.6, 0.4]], index=index, columns=[1, 2])
    table = topics_over_time(paragraphs, DOCUMENTS.iloc[:2], freq="D")
    assert table[table["period"].astype(str) == "2024-03-05"]["share"].tolist() == pytest.approx([0.2, 0.8])


@pytest.mark.parametrize(("options", "message"), [
    ({"freq": "H"}, "freq='H'"),          # hours: catalog dates never say
    ({"by": "desk"}, "no column desk"),   # not a catalog column
])
def test_topics_over_time_bad_arguments(options, message) -> None:
    with pytest.raises(ArgumentError, match=message):
        topics_over_time(DOC_TOPICS, DOCUMENTS, **options)


def test_fitted_models_are_compared_without_refitting() -> None:
    # choose_n_topics is compare_topic_models of fit_topic_models: the same table, and the models kept
    from newskit.analysis.topics import compare_topic_models, fit_topic_models

    dtm = DocumentTermMatrix.from_frame(pd.DataFrame(
        [[3, 2, 0, 0], [2, 3, 1, 0], [0, 0, 3, 2], [0, 1, 2, 3]], index=["a", "b", "c", "d"],
        columns=["w", "x", "y", "z"]))
    models = fit_topic_models(dtm, [1, 2], seed=0)
    assert sorted(models) == [1, 2] and models[2].doc_topics.shape == (4, 2)
    table = compare_topic_models(models)
    assert table.equals(choose_n_topics(dtm, [1, 2], seed=0))
    assert table["npmi"].tolist() == [models[n].coherence["npmi"].mean() for n in (1, 2)]
