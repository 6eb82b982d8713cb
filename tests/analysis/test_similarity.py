"""Similarity for many documents without the N × N grid: sparse tf-idf vectors,
top pairs in blocks, group means, the Latin share and the document map."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.similarity import (
    document_map,
    group_similarity,
    has_latin_letter,
    latin_share_across_languages,
    similarity_contributions,
    similarity_pairs,
    top_similar_pairs,
)
from newskit.analysis.tfidf import compute_tfidf, cosine_similarity_matrix, tfidf_vectors
from tests.analysis.test_comparison import DOCS, DOCUMENTS  # a: x 2, y 1; b: x 1, z 1; c: x 1, w 2; d: y 2
from tests.builders import make_tokens


@pytest.fixture(scope="module")
def vectors():
    return tfidf_vectors(make_tokens(DOCS))


def test_tfidf_vectors_are_unit_rows_of_compute_tfidf(vectors) -> None:
    frame = vectors.to_frame()
    assert np.allclose(np.linalg.norm(frame.to_numpy(), axis=1), 1.0)
    # same direction as the long tf-idf table, whose values they rescale
    long = compute_tfidf(make_tokens(DOCS)).pivot_table(index="doc_id", columns="term", values="tfidf", fill_value=0)
    scaled = long.div(np.linalg.norm(long.to_numpy(), axis=1), axis=0)
    assert np.allclose(frame.loc[scaled.index, scaled.columns].to_numpy(), scaled.to_numpy())


def test_cosine_by_hand(vectors) -> None:
    # N = 4, idf = ln(5 / (1 + df)) + 1: x (df 3) 1.2231, y (df 2) 1.5108
    # a = (2/3 · 1.2231, 1/3 · 1.5108) = (0.8154, 0.5036), |a| = 0.9584; d = y alone
    # cos(a, d) = 0.5036 / 0.9584 = 0.5255
    matrix = cosine_similarity_matrix(vectors)
    assert matrix.loc["a", "d"] == pytest.approx(0.5255, abs=1e-4)
    assert matrix.loc["b", "d"] == 0.0 and matrix.loc["a", "a"] == 1.0


def test_top_similar_pairs_all_pairs_equal_the_grid(vectors) -> None:
    matrix = cosine_similarity_matrix(vectors)
    expected = similarity_pairs(matrix, DOCUMENTS)
    # every pair (n=None), in blocks of one row at a time
    pairs, by_kind = top_similar_pairs(vectors, DOCUMENTS, None, block=1)
    pd.testing.assert_frame_equal(pairs, expected)
    summary = expected.groupby("same_language")["cosine"].agg(["size", "mean", "min", "max"])
    assert by_kind["size"].tolist() == summary["size"].tolist()
    assert np.allclose(by_kind[["mean", "min", "max"]].to_numpy(), summary[["mean", "min", "max"]].to_numpy())


def test_top_similar_pairs_keeps_n_per_kind(vectors) -> None:
    pairs, by_kind = top_similar_pairs(vectors, DOCUMENTS, 1, block=3)
    # one same-language pair (a, c: the only ja pair) and the best cross-language pair
    assert sorted(pairs["same_language"].tolist()) == [False, True]
    assert pairs.loc[pairs["same_language"], ["doc_a", "doc_b"]].iloc[0].tolist() == ["a", "c"]
    # statistics still cover every pair: 1 same-language, 5 cross-language
    assert by_kind["size"].to_dict() == {False: 5, True: 1}


def test_group_similarity_is_the_mean_of_the_pairs(vectors) -> None:
    matrix = cosine_similarity_matrix(vectors)
    labels = pd.Series({"a": "g1", "b": "g1", "c": "g2", "d": "g2"}, name="outlet")
    means = group_similarity(vectors, labels)
    assert list(means.index) == ["g1", "g2"] and means.index.name == "outlet"
    # between: the mean of the four cross pairs; within: the one pair of distinct documents
    assert means.loc["g1", "g2"] == pytest.approx(matrix.loc[["a", "b"], ["c", "d"]].to_numpy().mean())
    assert means.loc["g1", "g1"] == pytest.approx(matrix.loc["a", "b"])
    assert means.loc["g2", "g2"] == pytest.approx(matrix.loc["c", "d"])
    # a group of one has no pair of its own
    alone = group_similarity(vectors, pd.Series({"a": "g1", "b": "g2", "c": "g2"}))
    assert math.isnan(alone.loc["g1", "g1"]) and alone.loc["g1", "g2"] == pytest.approx(
        matrix.loc["a", ["b", "c"]].mean())
    with pytest.raises(ArgumentError, match="no vector for doc_id"):
        group_similarity(vectors, pd.Series({"zz": "g1"}))


def test_latin_share_across_languages() -> None:
    # p (ja) shares xAI with q (de) and 株 with s (de); r (ja) shares 株 with s
    docs = {"p": "xAI 株", "q": "xAI Aktie", "r": "株 価", "s": "株 Aktie"}
    documents = pd.DataFrame({"doc_id": list(docs), "lang": ["ja", "de", "ja", "de"]})
    tokens = make_tokens(docs)
    cross = [("p", "q"), ("p", "s"), ("q", "r"), ("r", "s")]
    parts = similarity_contributions(tokens, cross)
    latin = parts.loc[parts["term"].map(has_latin_letter), "contribution"].sum()
    # the summed cross-language cosine, and the part of it carried by xAI
    share = latin_share_across_languages(tfidf_vectors(tokens), documents)
    assert share == pytest.approx(latin / parts["contribution"].sum())
    assert 0 < share < 1
    # one language only: no cross-language pair at all
    assert math.isnan(latin_share_across_languages(tfidf_vectors(tokens), documents.assign(lang="ja")))


def test_document_map_separates_clusters_and_is_reproducible() -> None:
    # two pairs of identical documents and one in between
    docs = {"a": "x y x", "b": "x y x", "c": "z w z", "d": "z w z", "e": "x w v", "f": "v u"}
    vectors = tfidf_vectors(make_tokens(docs))
    coords = document_map(vectors)
    assert list(coords.columns) == ["x", "y"] and list(coords.index) == list(docs)
    assert np.allclose(coords.loc["a"], coords.loc["b"]) and np.allclose(coords.loc["c"], coords.loc["d"])
    assert np.linalg.norm(coords.loc["a"] - coords.loc["c"]) > 0.5
    assert 0 < coords.attrs["explained"] <= 1
    pd.testing.assert_frame_equal(document_map(vectors), coords)
    with pytest.raises(ArgumentError, match="3 or more documents"):
        document_map(tfidf_vectors(make_tokens({"a": "x y", "b": "y z"})))


def test_contributions_from_ready_vectors(vectors) -> None:
    # the vectors give the same breakdown as the tokens
    from_tokens = similarity_contributions(make_tokens(DOCS), [("a", "c")])
    pd.testing.assert_frame_equal(similarity_contributions(vectors, [("a", "c")]), from_tokens)
