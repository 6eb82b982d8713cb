"""N-grams and FLR-ranked multi-word terms."""

from __future__ import annotations

import pytest

from newskit import ArgumentError
from newskit.analysis.sequences import multiword_terms, ngrams

from tests.builders import FUNCTION_WORDS, make_tokens


def counts(table):
    return dict(zip(table["ngram"], table["count"], strict=True))


@pytest.mark.parametrize(("rows", "n", "options", "expected"), [
    # punctuation breaks a run: "z x" across the full stop is no bigram
    ([("d", 0, "x y z . x y")], 2, {}, {"x y": 2, "y z": 1}),
    # a paragraph boundary breaks it too
    ([("d", 0, "x y"), ("d", 1, "z w")], 2, {}, {"x y": 1, "z w": 1}),
    # stop words are words by default ...
    ([("d", 0, "x the y")], 2, {}, {"the y": 1, "x the": 1}),
    # ... and break the run with content_only=True (not skipped: no "x y")
    ([("d", 0, "x the y z")], 2, {"content_only": True}, {"y z": 1}),
    # trigrams; the 5-word paragraph gives three of them
    ([("d", 0, "v w x y z")], 3, {}, {"v w x": 1, "w x y": 1, "x y z": 1}),
    # 5-grams need five words in a row
    ([("d", 0, "v w x y"), ("d", 1, "v w x y z")], 5, {}, {"v w x y z": 1}),
])
def test_ngram_boundaries(rows, n, options, expected) -> None:
    table = ngrams(make_tokens(rows, stop=FUNCTION_WORDS), n, min_freq=1, **options)
    assert counts(table) == expected
    assert (table["n"] == n).all()


def test_gap_in_token_index_breaks() -> None:
    # a table filtered beforehand: x and z were not neighbours in the text
    tokens = make_tokens([("d", 0, "x y z")], stop=FUNCTION_WORDS)
    tokens = tokens[tokens["surface"] != "y"]
    assert ngrams(tokens, 2, min_freq=1).empty


def test_counts_documents_and_min_freq() -> None:
    tokens = make_tokens([("d1", 0, "x y x y"), ("d2", 0, "x y"), ("d2", 1, "y x")], stop=FUNCTION_WORDS)
    table = ngrams(tokens, 2)  # min_freq=2 drops nothing here except ...
    assert table.to_dict("records") == [
        {"ngram": "x y", "n": 2, "count": 3, "n_docs": 2},
        {"ngram": "y x", "n": 2, "count": 2, "n_docs": 2},
    ]


@pytest.mark.parametrize("n", [1, 6, 0])
def test_bad_n(n) -> None:
    with pytest.raises(ArgumentError, match="2 to 5"):
        ngrams(make_tokens([("d", 0, "x y")], stop=FUNCTION_WORDS), n)


def test_flr_by_hand() -> None:
    # runs: (A B) twice, (A C) once, (D A) once
    # adjacent pairs: A-B ×2, A-C ×1, D-A ×1
    #   LN (left neighbours):  A 1, B 2, C 1, D 0
    #   RN (right neighbours): A 3, B 0, C 0, D 1
    # LR(A B) = ((1+1)(3+1) · (2+1)(0+1)) ** (1/4) = 24 ** 0.25 = 2.213364; FLR = 2 · LR = 4.426728
    # LR(A C) = ((1+1)(3+1) · (1+1)(0+1)) ** (1/4) = 16 ** 0.25 = 2;        FLR = 1 · 2 = 2
    # LR(D A) = ((0+1)(1+1) · (1+1)(3+1)) ** (1/4) = 16 ** 0.25 = 2;        FLR = 1 · 2 = 2
    tokens = make_tokens([("d1", 0, "A B"), ("d1", 1, "A B"), ("d2", 0, "A C"), ("d2", 1, "D A")], stop=FUNCTION_WORDS)
    table = multiword_terms(tokens, min_freq=1)
    assert table["term"].tolist() == ["A B", "A C", "D A"]
    assert table["frequency"].tolist() == [2, 1, 1]
    assert table["n_docs"].tolist() == [1, 1, 1]
    assert table["lr"].tolist() == pytest.approx([24 ** 0.25, 2, 2])
    assert table["flr"].tolist() == pytest.approx([4.426728, 2, 2], abs=1e-6)


@pytest.mark.parametrize(("words", "options", "expected"), [
    # Japanese compounds are displayed without spaces
    (["データ", "センター"], {}, {"データ センター": "データセンター"}),
    # Latin ones with one; a CJK neighbour on either side joins (xAI社)
    (["Elon", "Musk"], {}, {"Elon Musk": "Elon Musk"}),
    (["xAI", "社"], {}, {"xAI 社": "xAI社"}),
    # a stop word or punctuation ends the run: no candidate
    (["Musk", "the", "xAI"], {}, {}),
    # runs longer than max_n are lists, not terms
    (["v", "w", "x", "y", "z"], {"max_n": 4}, {}),
])
def test_candidates_and_display(words, options, expected) -> None:
    table = multiword_terms(make_tokens([("d", 0, words)], stop=FUNCTION_WORDS), min_freq=1, **options)
    assert dict(zip(table["term"], table["display"], strict=True)) == expected


def test_pos_filter() -> None:
    # a verb between two nouns is not part of a compound
    tokens = make_tokens([("d", 0, "x y z")], stop=FUNCTION_WORDS)
    tokens["pos"] = tokens["pos"].cat.add_categories(["VERB"])
    tokens.loc[tokens["surface"] == "z", "pos"] = "VERB"
    assert multiword_terms(tokens, min_freq=1)["term"].tolist() == ["x y"]
    assert multiword_terms(tokens, min_freq=1, pos=["NOUN", "VERB"])["term"].tolist() == ["x y z"]


def test_real_corpus_multiword_terms(tokens) -> None:
    # on the seed corpus: candidates exist and are ranked by FLR
    table = multiword_terms(tokens)
    assert len(table) > 3 and table["flr"].is_monotonic_decreasing
    assert (table["frequency"] >= 2).all() and table["n"].between(2, 4).all()
