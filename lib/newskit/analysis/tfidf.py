"""TF-IDF and the cosine similarity of tf-idf vectors.

* **TF-IDF**: ``tf = count / document length`` (counted tokens), smooth
  ``idf = ln((1 + N) / (1 + df)) + 1`` (scikit-learn's default), ``tfidf = tf ·
  idf``.  scikit-learn would then L2-normalise each row; raw tf-idf values
  are kept because cosine similarity is unchanged by row scaling.
* **Cosine**: ``cos = u · v / (|u| |v|)`` over tf-idf vectors.

The vectors are a sparse matrix (:func:`tfidf_vectors`, rows scaled to unit
length, built on :func:`newskit.analysis.dtm.document_term_matrix`), so
1,000 articles × 30,000 terms cost a few megabytes and one sparse product
gives every cosine; no per-article loop and no dense pivot.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix
from newskit.analysis.frequency import GroupBy, count_terms, group_columns, head_per_group, sort_counts
from newskit.errors import ArgumentError

__all__ = ["compute_tfidf", "cosine_similarity_matrix", "tfidf_vectors", "top_tfidf"]

def compute_tfidf(
    tokens: pd.DataFrame,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
) -> pd.DataFrame:
    """TF-IDF of every (document, term) pair: group columns, ``term, count,
    tf, df, idf, tfidf`` (formulas in the module docstring), best first.

    N counts every group present in ``tokens``, including one with no counted
    terms, so idf does not change when an article happens to be all stop words.
    """
    keys = group_columns(by)
    if not keys:
        raise ArgumentError("TF-IDF needs a document column in `by`, not None")
    counts = count_terms(tokens, keys, column, content_only).drop(columns="rel_freq")
    n_docs = len(tokens[keys].drop_duplicates())
    doc_length = counts.groupby(keys, sort=False)["count"].transform("sum")
    counts["tf"] = counts["count"] / doc_length
    counts["df"] = counts.groupby("term", sort=False)["count"].transform("size").astype("int64")
    counts["idf"] = np.log((1 + n_docs) / (1 + counts["df"])) + 1
    counts["tfidf"] = counts["tf"] * counts["idf"]
    return sort_counts(counts, keys, value="tfidf")


def top_tfidf(
    tokens: pd.DataFrame,
    n: int = 10,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
) -> pd.DataFrame:
    """The ``n`` highest tf-idf terms per document: the words that set an
    article apart from the rest of the corpus, ties broken by term."""
    keys = group_columns(by)
    return head_per_group(compute_tfidf(tokens, keys, column, content_only), keys, n)


def tfidf_vectors(
    tokens: pd.DataFrame | DocumentTermMatrix, by: str = "doc_id", column: str = "lemma", content_only: bool = True
) -> DocumentTermMatrix:
    """The tf-idf vector of every document (rows, sorted by id) as a sparse
    matrix scaled to unit length (rows in group order: sorted by id, or in
    category order for a categorical ``doc_id``), from the tokens or from a ready count
    matrix: the cosine of two documents is the dot product of their rows.  A
    document without counted terms keeps a row of zeros."""
    dtm = tokens if isinstance(tokens, DocumentTermMatrix) else document_term_matrix(
        tokens, by=by, column=column, content_only=content_only)
    counts = sparse.csr_matrix(dtm.matrix, dtype=float)
    n_docs = counts.shape[0]
    idf = np.log((1 + n_docs) / (1 + np.diff(counts.tocsc().indptr))) + 1
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    weights = sparse.diags(1 / np.where(lengths > 0, lengths, 1.0)) @ counts @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    unit = sparse.csr_matrix(sparse.diags(1 / np.where(norms > 0, norms, 1.0)) @ weights)
    unit.eliminate_zeros()
    return DocumentTermMatrix(unit, dtm.rows, dtm.terms)


def cosine_similarity_matrix(
    tokens: pd.DataFrame | DocumentTermMatrix, by: str = "doc_id", column: str = "lemma", content_only: bool = True
) -> pd.DataFrame:
    """Square documents × documents matrix of cosine similarities of tf-idf
    vectors, ``cos = u · v / (|u| |v|)``, rows and columns in the order of
    :func:`tfidf_vectors` (by id; catalog order for a categorical ``doc_id``)
    — quadratic in the documents: for many, see
    :func:`newskit.analysis.similarity.top_similar_pairs` and
    :func:`newskit.analysis.similarity.group_similarity`.

    A document without counted terms has a zero vector; its similarity is 0
    with everything (itself included) rather than NaN, so heatmaps still draw.
    """
    if not isinstance(by, str):
        raise ArgumentError("cosine_similarity_matrix needs one document column in `by`")
    vectors = tokens if isinstance(tokens, DocumentTermMatrix) else tfidf_vectors(tokens, by, column, content_only)
    similarity = np.clip((vectors.matrix @ vectors.matrix.T).toarray(), 0.0, 1.0)
    filled = np.diff(vectors.matrix.indptr) > 0
    np.fill_diagonal(similarity, np.where(filled, 1.0, 0.0))
    docs = pd.Index([str(doc) for doc in vectors.rows], name=by)
    return pd.DataFrame(similarity, index=docs, columns=docs.copy())
