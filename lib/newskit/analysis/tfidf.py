"""TF-IDF and the cosine similarity of tf-idf vectors.

* **TF-IDF**: ``tf = count / document length`` (counted tokens), smooth
  ``idf = ln((1 + N) / (1 + df)) + 1`` (scikit-learn's default), ``tfidf = tf ·
  idf``.  scikit-learn would then L2-normalise each row; raw tf-idf values
  are kept because cosine similarity is unchanged by row scaling.
* **Cosine**: ``cos = u · v / (|u| |v|)`` over tf-idf vectors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newskit.analysis.frequency import GroupBy, count_terms, group_columns, head_per_group, sort_counts
from newskit.errors import ArgumentError

__all__ = ["compute_tfidf", "cosine_similarity_matrix", "top_tfidf"]

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


def cosine_similarity_matrix(
    tokens: pd.DataFrame, by: str = "doc_id", column: str = "lemma", content_only: bool = True
) -> pd.DataFrame:
    """Square documents × documents matrix of cosine similarities of tf-idf
    vectors, ``cos = u · v / (|u| |v|)``, rows and columns sorted by id.

    A document without counted terms has a zero vector; its similarity is 0
    with everything (itself included) rather than NaN, so heatmaps still draw.
    """
    if not isinstance(by, str):
        raise ArgumentError("cosine_similarity_matrix needs one document column in `by`")
    scores = compute_tfidf(tokens, by, column, content_only)
    docs = pd.Index(sorted(tokens[by].unique()), name=by)
    matrix = scores.pivot_table(index=by, columns="term", values="tfidf", aggfunc="sum", fill_value=0.0)
    values = matrix.reindex(docs, fill_value=0.0).to_numpy(dtype=float)
    norms = np.linalg.norm(values, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    unit = values / safe[:, None]
    similarity = np.clip(unit @ unit.T, 0.0, 1.0)
    np.fill_diagonal(similarity, np.where(norms > 0, 1.0, 0.0))
    return pd.DataFrame(similarity, index=docs, columns=docs.copy())

