"""The shared sparse document-term matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from newskit import ArgumentError
from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix

from tests.builders import FUNCTION_WORDS, make_tokens

ROWS = [
    ("d1", 0, "x y x . the"),   # the: stop word, ".": punctuation -> never counted as content
    ("d1", 1, "z"),
    ("d2", 0, "y z z"),
    ("d3", 0, "the of"),        # only stop words: an empty row, kept
]


@pytest.mark.parametrize(("options", "rows", "terms", "dense"), [
    # default: content words per document, terms sorted, empty d3 kept
    ({}, ["d1", "d2", "d3"], ["x", "y", "z"], [[2, 1, 1], [0, 1, 2], [0, 0, 0]]),
    # stop words counted, punctuation still not
    ({"content_only": False}, ["d1", "d2", "d3"], ["of", "the", "x", "y", "z"],
     [[0, 1, 2, 1, 1], [0, 0, 0, 1, 2], [1, 1, 0, 0, 0]]),
    # min_count=3: x (2) and y (2) are dropped, z (3) stays
    ({"min_count": 3}, ["d1", "d2", "d3"], ["z"], [[1], [2], [0]]),
    # paragraphs as rows: a MultiIndex
    ({"by": ["doc_id", "para_id"]}, [("d1", 0), ("d1", 1), ("d2", 0), ("d3", 0)], ["x", "y", "z"],
     [[2, 1, 0], [0, 0, 1], [0, 1, 2], [0, 0, 0]]),
    # a doc_id -> group mapping (a catalog column): d1 and d3 are "ja"
    ({"by": pd.Series({"d1": "ja", "d2": "de", "d3": "ja"}, name="lang")}, ["de", "ja"],
     ["x", "y", "z"], [[0, 1, 2], [2, 1, 1]]),
])
def test_document_term_matrix_counts(options, rows, terms, dense) -> None:
    dtm = document_term_matrix(make_tokens(ROWS, stop=FUNCTION_WORDS), **options)
    assert isinstance(dtm.matrix, sparse.csr_matrix)
    assert list(dtm.rows) == rows
    assert list(dtm.terms) == terms
    assert dtm.matrix.toarray().tolist() == dense


def test_lemma_falls_back_to_surface() -> None:
    # an empty lemma (unknown word) counts under its surface, as in frequency lists
    tokens = make_tokens([("d1", 0, "Kätzchen=Katze Hunde")], stop=FUNCTION_WORDS)
    tokens["lemma"] = tokens["lemma"].mask(tokens["surface"] == "Hunde", "")
    dtm = document_term_matrix(tokens)
    assert list(dtm.terms) == ["Hunde", "Katze"]


def test_mapping_must_cover_every_document() -> None:
    # a document missing from the by= mapping must not vanish silently
    with pytest.raises(ArgumentError, match="no group for doc_id.*d3"):
        document_term_matrix(make_tokens(ROWS, stop=FUNCTION_WORDS), by=pd.Series({"d1": "ja", "d2": "de"}))


@pytest.mark.parametrize(("options", "error", "message"), [
    # not a token column: a bad call, ArgumentError like every missing column (errors.py)
    ({"by": "lang"}, ArgumentError, "lacks column.*lang"),
    ({"min_count": 0}, ArgumentError, "min_count must be 1"),     # nonsense threshold
    ({"by": []}, ArgumentError, "names no column"),                # no grouping at all
])
def test_bad_arguments(options, error, message) -> None:
    with pytest.raises(error, match=message):
        document_term_matrix(make_tokens(ROWS, stop=FUNCTION_WORDS), **options)


def test_helpers_on_the_matrix() -> None:
    dtm = document_term_matrix(make_tokens(ROWS, stop=FUNCTION_WORDS))
    assert dtm.term_counts.to_dict() == {"x": 2, "y": 2, "z": 3}
    assert dtm.doc_freq.to_dict() == {"x": 1, "y": 2, "z": 2}
    assert dtm.row_totals.to_dict() == {"d1": 4, "d2": 3, "d3": 0}
    # top 2 by count: z (3), then the tie x/y broken by term -> x; min_rows=2 drops x
    assert list(dtm.top_terms(2).terms) == ["z", "x"]
    assert list(dtm.top_terms(2, min_rows=2).terms) == ["z", "y"]
    assert dtm.select_terms(["z", "x"]).matrix.toarray().tolist() == [[1, 2], [2, 0], [0, 0]]
    with pytest.raises(ArgumentError, match="'zz'"):
        dtm.select_terms(["x", "zz"])
    again = DocumentTermMatrix.from_frame(dtm.to_frame())
    assert (again.matrix != dtm.matrix).nnz == 0 and list(again.terms) == list(dtm.terms)


def test_real_corpus_counts_every_content_word(tokens) -> None:
    # the matrix total equals the content words that are not punctuation
    dtm = document_term_matrix(tokens)
    words = tokens["is_content"] & ~tokens["pos"].isin(["PUNCT", "SYM", "SPACE"])
    assert dtm.matrix.sum() == int(words.sum())
    assert list(dtm.rows) == list(tokens["doc_id"].cat.categories)
    assert np.all(dtm.matrix.data > 0)
