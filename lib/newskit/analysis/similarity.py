"""Document similarity explained: pairs of a similarity matrix, and each
shared term's part of a pair's cosine.

Cosine similarity of tf-idf vectors is a sum over shared terms, so each pair
of articles breaks down into the terms that make it similar.  Across
languages the only shared terms are names written the same way in both
scripts (``xAI``, ``GPU``), so cross-language similarity measures shared
spelling, not shared content.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.analysis.frequency import check_columns, sort_counts
from newskit.analysis.tfidf import compute_tfidf
from newskit.errors import ArgumentError

__all__ = ["has_latin_letter", "order_by_language", "similarity_contributions", "similarity_pairs",
           "summarise_contributions"]

def order_by_language(matrix: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Reorder a documents × documents matrix by language (alphabetical), then
    catalog order, and label rows and columns ``doc_id (lang)``, so blocks of
    same-language articles sit together on a heatmap."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    docs = documents[["doc_id", "lang"]].astype(str).reset_index(drop=True)
    docs = docs[docs["doc_id"].isin(matrix.index.astype(str))]
    docs = docs.sort_values("lang", kind="stable")
    labels = [f"{doc} ({lang})" for doc, lang in zip(docs["doc_id"], docs["lang"], strict=True)]
    ordered = matrix.loc[list(docs["doc_id"]), list(docs["doc_id"])]
    return pd.DataFrame(ordered.to_numpy(), index=labels, columns=labels)


def similarity_pairs(matrix: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every unordered pair of documents of a similarity matrix as rows:
    ``doc_a, doc_b, lang_a, lang_b, same_language, cosine``, most similar first."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    lang = dict(zip(documents["doc_id"].astype(str), documents["lang"].astype(str), strict=True))
    ids = [str(doc) for doc in matrix.index]
    rows = [
        (a, b, lang[a], lang[b], lang[a] == lang[b], float(matrix.iloc[i, j]))
        for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j
    ]
    pairs = pd.DataFrame(rows, columns=["doc_a", "doc_b", "lang_a", "lang_b", "same_language", "cosine"])
    return pairs.sort_values(["cosine", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def similarity_contributions(
    tokens: pd.DataFrame, pairs: Sequence[tuple[str, str]], n: int | None = None
) -> pd.DataFrame:
    """Break the cosine similarity of each pair of documents into its terms.

    With unit tf-idf vectors ``u`` and ``v`` (idf over every document in
    ``tokens``, exactly as :func:`newskit.analysis.keyness.cosine_similarity_matrix`),
    ``cos = Σ u_t v_t``: each shared term ``t`` contributes ``u_t v_t``.
    Returns ``doc_a, doc_b, term, contribution, share`` (of the pair's cosine),
    largest first, ``n`` terms per pair (all when ``None``); the contributions
    of a pair sum to its cosine similarity."""
    scores = compute_tfidf(tokens, "doc_id")
    scores["doc_id"] = scores["doc_id"].astype(str)
    matrix = scores.pivot_table(index="doc_id", columns="term", values="tfidf", aggfunc="sum", fill_value=0.0)
    norms = np.linalg.norm(matrix.to_numpy(dtype=float), axis=1)
    unit = matrix.div(np.where(norms > 0, norms, 1.0), axis=0)
    parts = []
    for a, b in pairs:
        for doc in (a, b):
            if doc not in unit.index:
                raise ArgumentError(f"no counted terms for doc_id {doc!r}")
        product = unit.loc[a] * unit.loc[b]
        product = product[product > 0].sort_values(ascending=False, kind="stable")
        total = float(product.sum())
        part = pd.DataFrame({"doc_a": a, "doc_b": b, "term": product.index.astype(str),
                             "contribution": product.to_numpy(dtype=float)})
        part["share"] = part["contribution"] / total if total > 0 else 0.0
        part = sort_counts(part, [], value="contribution")
        parts.append(part if n is None else part.head(n))
    columns = ["doc_a", "doc_b", "term", "contribution", "share"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def summarise_contributions(contributions: pd.DataFrame, n_terms: int = 4) -> pd.DataFrame:
    """One row per pair of :func:`similarity_contributions` (computed with
    ``n=None``): ``doc_a, doc_b, cosine`` (the sum of the contributions),
    ``shared_terms`` (how many terms the pair shares), ``latin_share`` (the
    part of the cosine due to terms containing a Latin letter, i.e. names
    spelt alike in every language) and the ``top_terms``."""
    check_columns(contributions, ["doc_a", "doc_b", "term", "contribution"], "contributions")
    latin = contributions["term"].map(has_latin_letter).astype(bool)
    frame = contributions.assign(latin=contributions["contribution"].where(latin, 0.0))
    grouped = frame.groupby(["doc_a", "doc_b"], sort=False)
    summary = grouped.agg(cosine=("contribution", "sum"), shared_terms=("term", "size"),
                          latin=("latin", "sum"))
    summary["latin_share"] = (summary.pop("latin") / summary["cosine"].where(summary["cosine"] > 0)).fillna(0.0)
    summary["top_terms"] = grouped["term"].agg(lambda terms: ", ".join(terms.head(n_terms)))
    return summary.reset_index()


def has_latin_letter(term: str) -> bool:
    """True when ``term`` contains a Latin letter (A–Z, also accented or full-width)."""
    return any(unicodedata.name(char, "").startswith(("LATIN", "FULLWIDTH LATIN")) for char in term)

