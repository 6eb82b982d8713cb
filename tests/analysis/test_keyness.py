"""Tests for newskit.keyness with values computed by hand in the comments."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newskit.errors import ArgumentError
from newskit.analysis.keyness import compute_keyness, compute_p_value, log_likelihood, log_ratio
from newskit.analysis.tfidf import compute_tfidf, cosine_similarity_matrix, top_tfidf
from tests.builders import make_tokens, read_stats_table



@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        # E1 = 100·15/300 = 5, E2 = 200·15/300 = 10
        # G² = 2·(10·ln(10/5) + 5·ln(5/10)) = 2·(10 ln2 − 5 ln2) = 10 ln2 = 6.931472
        (10, 5, 100, 200, 10 * math.log(2)),
        # E1 = E2 = 1000·30/2000 = 15
        # G² = 2·(20·ln(20/15) + 10·ln(10/15)) = 2·(5.753641 − 4.054651) = 3.397981
        (20, 10, 1000, 1000, 3.397981),
        # zero in the target: E1 = 100·6/300 = 2, E2 = 4
        # G² = 2·(0 + 6·ln(6/4)) = 12·ln1.5 = 4.865581  (0·ln0 taken as 0)
        (0, 6, 100, 200, 4.865581),
        # same relative frequency on both sides (5/100 = 10/200): no evidence
        (5, 10, 100, 200, 0.0),
        # term absent from both corpora
        (0, 0, 100, 200, 0.0),
    ],
)
def test_log_likelihood_by_hand(a, b, c, d, expected):
    assert log_likelihood(a, b, c, d) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        # log2((10/100) / (5/200)) = log2(0.1 / 0.025) = log2(4) = 2
        (10, 5, 100, 200, 2.0),
        # a = 0: ε = 0.5/100 = 0.005 added to both relative frequencies:
        # log2((0 + 0.005) / (6/200 + 0.005)) = log2(0.005/0.035) = log2(1/7) = −2.807355
        (0, 6, 100, 200, -2.807355),
        # b = 0: ε = 0.5/200 = 0.0025: log2((5/100 + 0.0025) / 0.0025) = log2(0.0525/0.0025) = log2(21) = 4.392317
        (5, 0, 100, 200, 4.392317),
        # equal relative frequencies
        (5, 10, 100, 200, 0.0),
        # the case: a = 0, b = 2, c = 366, d = 1607; ε = 0.5/366 = 0.00136612, b/d = 0.00124456
        # log2(0.00136612 / (0.00124456 + 0.00136612)) = log2(0.523282) = −0.934339 (was +0.13, against "under")
        (0, 2, 366, 1607, -0.934339),
        # absent from both: 0, not log2(d/c) = 1
        (0, 0, 100, 200, 0.0),
        # why not "0.5 added to both counts": log2((0.5/100) / (1.5/10000)) = +5.06 for an under-used term;
        # here ε = 0.005: log2(0.005 / (0.0001 + 0.005)) = log2(0.980392) = −0.028569
        (0, 1, 100, 10000, -0.028569),
        # equal corpus sizes: the same as adding 0.5 to both counts, log2(0.5 / 3.5) = −2.807355
        (0, 3, 100, 100, -2.807355),
        # no zero: plain Hardie, no smoothing; log2((1/100) / (1/10000)) = log2(100) = 6.643856
        (1, 1, 100, 10000, 6.643856),
    ],
)
def test_log_ratio_by_hand(a, b, c, d, expected):
    assert log_ratio(a, b, c, d) == pytest.approx(expected, abs=1e-6)


def test_formulas_vectorise_over_arrays():
    g2 = log_likelihood(np.array([10, 0]), np.array([5, 6]), 100, 200)
    assert isinstance(g2, np.ndarray)
    assert g2 == pytest.approx([6.931472, 4.865581], abs=1e-6)
    assert log_ratio([10, 5], [5, 0], 100, 200) == pytest.approx([2.0, 4.392317], abs=1e-6)


@pytest.mark.parametrize(
    ("g2", "expected"),
    [
        (0.0, 1.0),  # no difference at all
        (3.841459, 0.05),  # the classic 5 % critical value of χ²(1)
        (6.634897, 0.01),  # 1 % critical value
        (10.827566, 0.001),  # 0.1 % critical value
    ],
)
def test_p_value_matches_chi2_critical_values(g2, expected):
    assert compute_p_value(g2) == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"),
    [
        (-1, 5, 100, 200),  # negative frequency
        (1, 5, 0, 200),  # empty target corpus
        (101, 5, 100, 200),  # more hits than tokens
        (float("nan"), 5, 100, 200),  # missing value
    ],
)
def test_impossible_tables_raise(a, b, c, d):
    with pytest.raises(ArgumentError):
        log_likelihood(a, b, c, d)
    with pytest.raises(ArgumentError):
        log_ratio(a, b, c, d)


@pytest.fixture(scope="module")
def keyness_corpus() -> pd.DataFrame:
    # target t: 株 ×10 + x ×90 = 100 tokens; reference r: 株 ×5 + y ×195 = 200 tokens
    return make_tokens({"t": ["株"] * 10 + ["x"] * 90, "r": ["株"] * 5 + ["y"] * 195})


@pytest.mark.parametrize(
    ("term", "freqs", "g2", "ratio", "direction"),
    [
        # the 2×2 table of test_log_likelihood_by_hand: G² = 10 ln2, log ratio 2
        ("株", (10, 5), 10 * math.log(2), 2.0, "over"),
        # only in the target: E1 = 30, E2 = 60, G² = 2·90·ln(90/30) = 180 ln3
        # log ratio: ε = 0.5/200 = 0.0025, log2((0.9 + 0.0025) / 0.0025) = log2(361)
        ("x", (90, 0), 180 * math.log(3), math.log2(361), "over"),
        # only in the reference: E1 = 65, E2 = 130, G² = 2·195·ln(195/130) = 390 ln1.5
        # log ratio: ε = 0.5/100 = 0.005, log2(0.005 / (0.975 + 0.005)) = log2(1/196)
        ("y", (0, 195), 390 * math.log(1.5), math.log2(1 / 196), "under"),
    ],
)
def test_compute_keyness_rows(keyness_corpus, term, freqs, g2, ratio, direction):
    table = compute_keyness(keyness_corpus, "t")
    row = table.set_index("term").loc[term]
    assert (row["freq_target"], row["freq_ref"]) == freqs
    assert row["g2"] == pytest.approx(g2)
    assert row["log_ratio"] == pytest.approx(ratio)
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))
    assert row["direction"] == direction


def test_compute_keyness_sorted_by_g2(keyness_corpus):
    table = compute_keyness(keyness_corpus, "t")
    # x: 180 ln3 = 197.75 > y: 390 ln1.5 = 158.13 > 株: 10 ln2 = 6.93
    assert table["term"].tolist() == ["x", "y", "株"]
    assert table["g2"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("min_count", "expected_terms"),
    [
        (2, {"Aktie", "Musk", "マスク", "氏"}),  # a + b ≥ 2 keeps under-used terms too
        (3, {"Musk"}),  # Musk: 0 in ja1 + 3 elsewhere
        (1, None),  # every term of the three documents
    ],
)
def test_compute_keyness_min_count(min_count, expected_terms):
    tokens = read_stats_table("stats_tokens.csv")
    table = compute_keyness(tokens, "ja1", min_count=min_count)
    if expected_terms is None:
        assert len(table) == tokens.loc[tokens["is_content"], "lemma"].nunique()
    else:
        assert set(table["term"]) == expected_terms


@pytest.mark.parametrize(
    ("target", "reference", "message"),
    [
        ("zz", None, "unknown doc_id"),  # typo in the target
        ("t", ["zz"], "unknown doc_id"),  # typo in the reference
        ("t", ["t", "r"], "both target and reference"),  # comparing a text with itself
        (["t", "r"], None, "at least one"),  # nothing left as reference
    ],
)
def test_compute_keyness_bad_documents(keyness_corpus, target, reference, message):
    with pytest.raises(ArgumentError, match=message):
        compute_keyness(keyness_corpus, target, reference)


# Toy corpus for TF-IDF: d1 = [a, a, b], d2 = [b, c]; N = 2 documents.
#   df: a = 1, b = 2, c = 1
#   idf(a) = idf(c) = ln((1+2)/(1+1)) + 1 = ln 1.5 + 1 = 1.405465
#   idf(b)          = ln((1+2)/(1+2)) + 1 = 0 + 1     = 1
#   d1: tf(a) = 2/3 → tfidf 0.936977; tf(b) = 1/3 → 0.333333
#   d2: tf(b) = 1/2 → tfidf 0.5;      tf(c) = 1/2 → 0.702733
TOY = {"d1": ["a", "a", "b"], "d2": ["b", "c"]}


@pytest.mark.parametrize(
    ("doc", "term", "tf", "idf", "tfidf"),
    [
        ("d1", "a", 2 / 3, 1.405465, 0.936977),
        ("d1", "b", 1 / 3, 1.0, 0.333333),
        ("d2", "b", 1 / 2, 1.0, 0.5),
        ("d2", "c", 1 / 2, 1.405465, 0.702733),
    ],
)
def test_compute_tfidf_by_hand(doc, term, tf, idf, tfidf):
    table = compute_tfidf(make_tokens(TOY)).set_index(["doc_id", "term"])
    row = table.loc[(doc, term)]
    assert (row["tf"], row["idf"], row["tfidf"]) == pytest.approx((tf, idf, tfidf), abs=1e-6)


def test_top_tfidf():
    top = top_tfidf(make_tokens(TOY), n=1)
    assert list(zip(top["doc_id"], top["term"])) == [("d1", "a"), ("d2", "c")]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # tf-idf vectors over (a, b, c): d1 = (0.936977, 0.333333, 0), d2 = (0, 0.5, 0.702733)
        # d1·d2 = 0.333333·0.5 = 0.166667; |d1| = √(0.877925 + 0.111111) = 0.994503
        # |d2| = √(0.25 + 0.493834) = 0.862458; cos = 0.166667 / (0.994503·0.862458) = 0.194314
        (TOY, 0.194314),
        # no shared term: orthogonal vectors
        ({"d1": ["a"], "d2": ["b"]}, 0.0),
        # same proportions, different lengths: cosine ignores vector length
        ({"d1": ["a", "b"], "d2": ["a", "a", "b", "b"]}, 1.0),
    ],
)
def test_cosine_similarity_by_hand(docs, expected):
    matrix = cosine_similarity_matrix(make_tokens(docs))
    assert matrix.loc["d1", "d2"] == pytest.approx(expected, abs=1e-6)
    assert matrix.loc["d2", "d1"] == pytest.approx(expected, abs=1e-6)
    assert np.diag(matrix.to_numpy()) == pytest.approx([1.0, 1.0])


def test_cosine_similarity_document_without_terms_is_zero():
    tokens = make_tokens({"d1": ["a"], "d2": ["a"], "d3": ["の"]})
    tokens.loc[tokens["doc_id"] == "d3", "is_content"] = False
    matrix = cosine_similarity_matrix(tokens)
    assert list(matrix.index) == ["d1", "d2", "d3"]
    assert matrix.loc["d3"].tolist() == [0.0, 0.0, 0.0]
    assert matrix.loc["d1", "d2"] == pytest.approx(1.0)


def test_tfidf_needs_a_document_column():
    with pytest.raises(ArgumentError, match="document column"):
        compute_tfidf(make_tokens(TOY), by=None)
