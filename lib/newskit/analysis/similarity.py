"""Document similarity explained: pairs of a similarity matrix, and each
shared term's part of a pair's cosine.

Cosine similarity of tf-idf vectors is a sum over shared terms, so each pair
of articles breaks down into the terms that make it similar.  Across
languages the only shared terms are names written the same way in both
scripts (``xAI``, ``GPU``), so cross-language similarity measures shared
spelling, not shared content.

For many documents the N × N matrix is neither computable nor readable, so
the same unit tf-idf rows (:func:`newskit.analysis.tfidf.tfidf_vectors`)
also give, without it:

* :func:`top_similar_pairs` — the most similar pairs of each kind (same /
  cross language) and every pair's statistics per kind, computed a block of
  rows at a time (memory linear in the documents);
* :func:`group_similarity` — the mean cosine between and within groups
  (language, outlet, month) from the groups' summed vectors:
  ``Σ_{i∈g, j∈h} u_i·u_j = (Σ_g u)·(Σ_h u)``, linear in the documents;
* :func:`latin_share_across_languages` — the part of all cross-language
  cosine due to terms spelt in Latin letters, by the same identity;
* :func:`document_map` — a 2-D map of the documents: the first two
  principal axes of the unit vectors, i.e. classical MDS of the chord
  distance ``sqrt(2 - 2 cos)``, by a sparse SVD (no N × N matrix).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.linalg import LinearOperator, svds

from newskit.analysis.dtm import DocumentTermMatrix
from newskit.analysis.frequency import check_columns, sort_counts
from newskit.analysis.tfidf import tfidf_vectors
from newskit.errors import ArgumentError

__all__ = ["PAIR_COLUMNS", "document_map", "group_similarity", "has_latin_letter", "latin_share_across_languages",
           "order_by_language", "similarity_contributions", "similarity_pairs", "summarise_contributions",
           "top_similar_pairs"]

#: Columns of a table of document pairs.
PAIR_COLUMNS = ["doc_a", "doc_b", "lang_a", "lang_b", "same_language", "cosine"]

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


def _languages(documents: pd.DataFrame) -> dict[str, str]:
    check_columns(documents, ["doc_id", "lang"], "documents")
    return dict(zip(documents["doc_id"].astype(str), documents["lang"].astype(str), strict=True))


def _pair_table(a: np.ndarray, b: np.ndarray, cosine: np.ndarray, lang: dict[str, str]) -> pd.DataFrame:
    """Rows of :data:`PAIR_COLUMNS`, most similar first (ties by the ids)."""
    lang_a = np.array([lang[doc] for doc in a], dtype=object)
    lang_b = np.array([lang[doc] for doc in b], dtype=object)
    pairs = pd.DataFrame({"doc_a": a, "doc_b": b, "lang_a": lang_a, "lang_b": lang_b,
                          "same_language": lang_a == lang_b, "cosine": cosine.astype(float)})
    return pairs.sort_values(["cosine", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def similarity_pairs(matrix: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every unordered pair of documents of a similarity matrix as rows:
    ``doc_a, doc_b, lang_a, lang_b, same_language, cosine``, most similar first."""
    lang = _languages(documents)
    ids = np.array([str(doc) for doc in matrix.index], dtype=object)
    first, second = np.triu_indices(len(ids), k=1)
    return _pair_table(ids[first], ids[second], matrix.to_numpy(dtype=float)[first, second], lang)


def top_similar_pairs(vectors: DocumentTermMatrix, documents: pd.DataFrame, n: int | None = 20,
                      block: int = 512) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(pairs, by_kind)`` from unit tf-idf rows: the ``n`` most similar
    pairs of each kind (same language, cross language; every pair when
    ``n`` is None) as :data:`PAIR_COLUMNS`, and ``size, mean, min, max`` of
    the cosine of *all* pairs per kind (index ``same_language``).  Rows are
    multiplied ``block`` at a time, so memory grows with the documents, not
    with their pairs."""
    lang = _languages(documents)
    ids = np.array([str(doc) for doc in vectors.rows], dtype=object)
    codes = pd.factorize(np.array([lang[doc] for doc in ids], dtype=object))[0]
    unit = sparse.csr_matrix(vectors.matrix)
    stats: dict[bool, list[float]] = {}
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for begin in range(0, len(ids), block):
        rows = np.arange(begin, min(begin + block, len(ids)))
        sims = np.clip((unit[rows] @ unit.T).toarray(), 0.0, 1.0)
        local, other = np.nonzero(np.arange(len(ids))[None, :] > rows[:, None])
        same = codes[rows[local]] == codes[other]
        for kind in (False, True):
            first, second = rows[local[same == kind]], other[same == kind]
            values = sims[first - begin, second]
            if len(values):
                _accumulate(stats, kind, values)
                best = np.argsort(-values, kind="stable")[:n] if n is not None else slice(None)
                kept.append((first[best], second[best], values[best]))
    first, second, cosine = (np.concatenate(column) for column in zip(*kept)) if kept else ([], [], [])
    pairs = _pair_table(ids[np.asarray(first, dtype=int)], ids[np.asarray(second, dtype=int)],
                        np.asarray(cosine, dtype=float), lang)
    if n is not None:
        pairs = pairs.groupby("same_language", sort=False).head(n).reset_index(drop=True)
    by_kind = pd.DataFrame([(kind, int(count), total / count, low, high)
                            for kind, (count, total, low, high) in sorted(stats.items())],
                           columns=["same_language", "size", "mean", "min", "max"])
    return pairs, by_kind.set_index("same_language")


def _accumulate(stats: dict[bool, list[float]], kind: bool, values: np.ndarray) -> None:
    """Add a block's cosines to the running count, sum, min and max of ``kind``."""
    count, total, low, high = stats.get(kind, [0, 0.0, np.inf, -np.inf])
    stats[kind] = [count + len(values), total + float(values.sum()), min(low, float(values.min())),
                   max(high, float(values.max()))]


def group_similarity(vectors: DocumentTermMatrix, labels: pd.Series) -> pd.DataFrame:
    """Mean cosine between the documents of every two groups (``labels``:
    doc_id → group; documents without a label are left out), and within each
    group over its pairs of distinct documents (NaN for a group of one), in
    the order the groups first appear in ``labels``."""
    ids = pd.Index([str(doc) for doc in vectors.rows])
    names = pd.Series(labels.to_numpy(), index=labels.index.astype(str))
    order = list(dict.fromkeys(names))
    where = ids.get_indexer(names.index)
    if (where < 0).any():
        raise ArgumentError(f"no vector for doc_id(s) {', '.join(names.index[where < 0][:5])}")
    group = pd.Index(order).get_indexer(names.to_numpy())
    member = sparse.csr_matrix((np.ones(len(where)), (group, where)), shape=(len(order), len(ids)))
    sums = member @ vectors.matrix
    dots = np.asarray((sums @ sums.T).todense())
    sizes = np.asarray(member.sum(axis=1)).ravel()
    filled = member @ (np.diff(sparse.csr_matrix(vectors.matrix).indptr) > 0).astype(float)
    pairs = np.outer(sizes, sizes)
    np.fill_diagonal(pairs, sizes * (sizes - 1))
    np.fill_diagonal(dots, np.diag(dots) - filled)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.clip(np.where(pairs > 0, dots / np.where(pairs > 0, pairs, 1), np.nan), 0.0, 1.0)
    return pd.DataFrame(means, index=pd.Index(order, name=labels.name), columns=pd.Index(order, name=labels.name))


def latin_share_across_languages(vectors: DocumentTermMatrix, documents: pd.DataFrame) -> float:
    """The part of the summed cosine of all cross-language pairs that comes
    from terms containing a Latin letter (NaN when no such pair is similar)."""
    lang = _languages(documents)
    codes = pd.factorize(np.array([lang[str(doc)] for doc in vectors.rows], dtype=object))[0]
    member = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))))
    latin = np.array([has_latin_letter(str(term)) for term in vectors.terms], dtype=bool)

    def cross(matrix: sparse.csr_matrix) -> float:
        sums = member @ matrix
        total = np.asarray(sums.sum(axis=0)).ravel()
        return float(total @ total - sums.multiply(sums).sum())

    unit = sparse.csr_matrix(vectors.matrix)
    whole = cross(unit)
    return cross(unit[:, np.flatnonzero(latin)]) / whole if whole > 0 else float("nan")


def document_map(vectors: DocumentTermMatrix, seed: int = 0) -> pd.DataFrame:
    """``x, y`` of every document: its unit tf-idf vector projected on the
    first two principal axes (classical MDS of the chord distance), found by
    a sparse SVD of the implicitly centred rows; ``attrs["explained"]`` is
    the share of the variance the two axes keep.  Signs are fixed (largest
    coordinate positive) so the same input gives the same map."""
    unit = sparse.csr_matrix(vectors.matrix, dtype=float)
    n_docs, n_terms = unit.shape
    if n_docs < 3 or n_terms < 2:
        raise ArgumentError(f"a document map needs 3 or more documents and 2 or more terms, got {unit.shape}")
    mean = np.asarray(unit.mean(axis=0)).ravel()
    centred = LinearOperator((n_docs, n_terms), dtype=float,
                             matvec=lambda x: unit @ np.ravel(x) - mean @ np.ravel(x),
                             rmatvec=lambda y: unit.T @ np.ravel(y) - mean * np.ravel(y).sum())
    start = np.random.default_rng(seed).random(min(n_docs, n_terms))
    left, values, _ = svds(centred, k=2, v0=start) if min(n_docs, n_terms) > 3 else \
        np.linalg.svd(unit.toarray() - mean, full_matrices=False)
    order = np.argsort(-values)[:2]
    coords = left[:, order] * values[order]
    coords *= np.where(coords[np.abs(coords).argmax(axis=0), [0, 1]] < 0, -1.0, 1.0)
    table = pd.DataFrame(coords, index=pd.Index([str(d) for d in vectors.rows], name="doc_id"), columns=["x", "y"])
    total = float(unit.multiply(unit).sum() - n_docs * mean @ mean)
    table.attrs["explained"] = float((values[order] ** 2).sum() / total) if total > 0 else 0.0
    return table


def similarity_contributions(
    tokens: pd.DataFrame | DocumentTermMatrix, pairs: Sequence[tuple[str, str]], n: int | None = None
) -> pd.DataFrame:
    """Break the cosine similarity of each pair of documents into its terms.

    With unit tf-idf vectors ``u`` and ``v`` (idf over every document in
    ``tokens``, exactly as :func:`newskit.analysis.tfidf.cosine_similarity_matrix`;
    or the ready vectors of :func:`newskit.analysis.tfidf.tfidf_vectors`),
    ``cos = Σ u_t v_t``: each shared term ``t`` contributes ``u_t v_t``.
    Returns ``doc_a, doc_b, term, contribution, share`` (of the pair's cosine),
    largest first, ``n`` terms per pair (all when ``None``); the contributions
    of a pair sum to its cosine similarity."""
    vectors = tokens if isinstance(tokens, DocumentTermMatrix) else tfidf_vectors(tokens, "doc_id")
    unit = sparse.csr_matrix(vectors.matrix)
    ids = pd.Index([str(doc) for doc in vectors.rows])
    filled = np.diff(unit.indptr) > 0
    parts = []
    for a, b in pairs:
        rows = ids.get_indexer([str(a), str(b)])
        for doc, row in zip((a, b), rows, strict=True):
            if row < 0 or not filled[row]:
                raise ArgumentError(f"no counted terms for doc_id {doc!r}")
        product = unit[rows[0]].multiply(unit[rows[1]]).tocoo()
        keep = product.data > 0
        part = pd.DataFrame({"doc_a": str(a), "doc_b": str(b), "term": vectors.terms[product.col[keep]].astype(str),
                             "contribution": product.data[keep].astype(float)})
        total = float(part["contribution"].sum())
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

