"""Hierarchical clustering of terms or documents, and a 2-D MDS map.

KH Coder's 階層的クラスター分析 groups words that occur in the same
documents; the same machinery groups documents that use the same words.
Each item (a term: its column of the document-term matrix; a document: its
row) is a vector, and:

* **Jaccard distance** (KH Coder's default for words) compares *presence*:
  ``1 - |A ∩ B| / |A ∪ B|`` over the documents (or terms) present;
* **cosine distance** compares *counts*: ``1 - a·b / (|a| |b|)``.

Distances come from sparse matrix products (no per-item loop), then
``scipy.cluster.hierarchy.linkage`` joins them.  Ward's method is defined for
Euclidean distances; on Jaccard or cosine it is the heuristic KH Coder and R's
``hclust(method = "ward.D2")`` apply, fine for exploring, not a model.
Average linkage (UPGMA) is the safe choice for these distances.  Items with an
empty vector have no distance to anything; they are left out and listed in
``dropped``.  Clusters for ``k`` are numbered 1 … k in dendrogram leaf order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, leaves_list, linkage
from scipy.spatial.distance import squareform

from newskit.errors import ArgumentError
from newskit.analysis.dtm import DocumentTermMatrix

__all__ = ["LINKAGE_METHODS", "METRICS", "Clustering", "cluster_documents", "cluster_terms",
           "distance_matrix", "mds_map"]

#: Distances :func:`distance_matrix` computes.
METRICS = ("jaccard", "cosine")
#: Linkage methods offered (scipy names).
LINKAGE_METHODS = ("ward", "average", "complete", "single")


@dataclass(frozen=True, eq=False)
class Clustering:
    """A hierarchical clustering: scipy ``linkage`` matrix, the items'
    ``labels`` (linkage order), square ``distances`` and, when ``k`` was
    given, ``clusters`` (label → 1 … k)."""

    linkage: np.ndarray
    labels: pd.Index
    distances: pd.DataFrame
    clusters: pd.Series | None
    metric: str
    method: str
    dropped: pd.Index

    def cut(self, k: int) -> pd.Series:
        """Cluster number (1 … k, in dendrogram leaf order) of every item."""
        if not 1 <= k <= len(self.labels):
            raise ArgumentError(f"k={k}: choose between 1 and the {len(self.labels)} items clustered")
        raw = fcluster(self.linkage, k, criterion="maxclust")
        order = raw[leaves_list(self.linkage)]
        renumber = {old: new for new, old in enumerate(dict.fromkeys(order), start=1)}
        return pd.Series([renumber[value] for value in raw], index=self.labels, name="cluster")


def distance_matrix(vectors: sparse.spmatrix, metric: str) -> np.ndarray:
    """Square Jaccard or cosine distances between the rows of ``vectors``
    (every row needs at least one non-zero value)."""
    rows = sparse.csr_matrix(vectors, dtype=float)
    if (np.diff(rows.indptr) == 0).any():
        raise ArgumentError("an all-zero vector has no Jaccard or cosine distance; leave empty rows out")
    if metric == "jaccard":
        present = (rows > 0).astype(float)
        shared = (present @ present.T).toarray()
        sizes = np.asarray(present.sum(axis=1)).ravel()
        similarity = shared / (sizes[:, None] + sizes[None, :] - shared)
    elif metric == "cosine":
        norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
        unit = sparse.diags(1 / norms) @ rows
        similarity = (unit @ unit.T).toarray()
    else:
        raise ArgumentError(f"metric={metric!r}: choose one of {', '.join(METRICS)}")
    distances = np.clip(1 - similarity, 0, 1)
    np.fill_diagonal(distances, 0)
    return (distances + distances.T) / 2


def _cluster(vectors: sparse.csr_matrix, labels: pd.Index, metric: str, method: str, k: int | None) -> Clustering:
    """Cluster the non-empty rows of ``vectors``."""
    if method not in LINKAGE_METHODS:
        raise ArgumentError(f"method={method!r}: choose one of {', '.join(LINKAGE_METHODS)}")
    filled = np.diff(vectors.indptr) > 0
    if filled.sum() < 2:
        raise ArgumentError(f"clustering needs at least 2 non-empty items, got {int(filled.sum())}")
    kept = labels[filled]
    distances = distance_matrix(vectors[filled], metric)
    tree = linkage(squareform(distances, checks=False), method=method)
    result = Clustering(tree, kept, pd.DataFrame(distances, index=kept, columns=kept), None, metric, method,
                        labels[~filled])
    if k is None:
        return result
    return Clustering(tree, kept, result.distances, result.cut(k), metric, method, result.dropped)


def cluster_terms(
    dtm: DocumentTermMatrix, *, metric: str = "jaccard", method: str = "ward", k: int | None = None
) -> Clustering:
    """Cluster the terms (columns) of ``dtm`` by the rows they occur in; pick
    the terms first (``dtm.top_terms(60, min_rows=2)``): a dendrogram of
    thousands of words is unreadable."""
    return _cluster(sparse.csr_matrix(dtm.matrix.T), dtm.terms, metric, method, k)


def cluster_documents(
    dtm: DocumentTermMatrix, *, metric: str = "cosine", method: str = "average", k: int | None = None
) -> Clustering:
    """Cluster the rows (documents, paragraphs or groups) of ``dtm`` by the terms they use."""
    return _cluster(dtm.matrix.tocsr(), dtm.rows, metric, method, k)


def mds_map(distances: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """2-D metric MDS (scikit-learn's SMACOF started from classical MDS) of a
    square distance table: ``x, y`` per item; same input and seed, same map.
    ``attrs["stress"]`` is Kruskal's stress-1 (below 0.1 good, above 0.2 poor)."""
    from sklearn.manifold import MDS  # noqa: PLC0415 - scikit-learn loads slowly; only MDS needs it

    values = distances.to_numpy(dtype=float)
    if values.shape != (len(distances.columns), len(distances.index)) or len(values) < 3:
        raise ArgumentError(f"mds_map needs a square distance table of 3 items or more, got {values.shape}")
    if not np.allclose(values, values.T) or (values < 0).any() or np.isnan(values).any():
        raise ArgumentError("mds_map needs symmetric, non-negative distances without NaN")
    model = MDS(n_components=2, metric="precomputed", init="classical_mds", n_init=1,
                random_state=seed, normalized_stress=True)
    coords = model.fit_transform(values)
    table = pd.DataFrame(coords, index=distances.index, columns=["x", "y"])
    table.attrs["stress"] = float(model.stress_)
    return table
