"""Hierarchical clustering and the MDS map, with distances and merge heights by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from scipy.cluster.hierarchy import leaves_list

from newskit import ArgumentError
from newskit.analysis.clustering import cluster_documents, cluster_terms, distance_matrix, mds_map
from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix

from tests.builders import FUNCTION_WORDS, make_tokens


def test_distances_by_hand() -> None:
    # a = (1, 1, 0), b = (1, 0, 1), c = (2, 2, 0)
    # Jaccard: a∩b = 1 of a∪b = 3 -> 1 - 1/3 = 2/3; a and c share both positions -> 0
    # cosine:  a·b = 1, |a| |b| = 2 -> 1 - 1/2 = 0.5; c = 2a -> 0
    vectors = sparse.csr_matrix([[1, 1, 0], [1, 0, 1], [2, 2, 0]])
    assert distance_matrix(vectors, "jaccard") == pytest.approx(
        np.array([[0, 2 / 3, 0], [2 / 3, 0, 2 / 3], [0, 2 / 3, 0]]))
    assert distance_matrix(vectors, "cosine") == pytest.approx(
        np.array([[0, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0]]))


# presence of terms a, b, c in documents 1-6:  a {1..5}, b {1..4}, c {1, 6}
# Jaccard: d(a,b) = 1 - 4/5 = 0.2; d(a,c) = 1 - 1/6 = 5/6; d(b,c) = 1 - 1/5 = 4/5
PRESENCE = pd.DataFrame(
    [[1, 1, 1], [1, 1, 0], [1, 1, 0], [1, 1, 0], [1, 0, 0], [0, 0, 1]],
    index=[f"doc{i}" for i in range(1, 7)], columns=["a", "b", "c"])


@pytest.mark.parametrize(("method", "height"), [
    # average linkage: c joins {a, b} at the mean distance (5/6 + 4/5) / 2 = 49/60
    ("average", 49 / 60),
    # Ward (Lance–Williams, one item each): sqrt((2 · (5/6)² + 2 · (4/5)² - 0.2²) / 3)
    #   = sqrt((1.388889 + 1.28 - 0.04) / 3) = sqrt(0.876296) = 0.936107
    ("ward", 0.936107),
    # complete linkage: the larger of the two, 5/6
    ("complete", 5 / 6),
])
def test_merge_heights_by_hand(method, height) -> None:
    result = cluster_terms(DocumentTermMatrix.from_frame(PRESENCE), method=method)
    assert result.linkage[0, 2] == pytest.approx(0.2)        # a and b first
    assert result.linkage[1, 2] == pytest.approx(height, abs=1e-6)
    assert list(result.labels) == ["a", "b", "c"] and result.metric == "jaccard"


def test_two_clear_groups() -> None:
    # x, y live in d1/d2 and z, w in d3/d4: two clusters of terms, two of documents
    tokens = make_tokens([("d1", 0, "x y"), ("d2", 0, "x y x"), ("d3", 0, "z w"), ("d4", 0, "w z z")], stop=FUNCTION_WORDS)
    dtm = document_term_matrix(tokens)
    terms = cluster_terms(dtm, k=2).clusters
    assert terms["x"] == terms["y"] != terms["z"] == terms["w"]
    assert sorted(terms.unique()) == [1, 2]
    docs = cluster_documents(dtm, k=2).clusters
    assert docs["d1"] == docs["d2"] != docs["d3"] == docs["d4"]
    # clusters are numbered in leaf order: the first leaf is in cluster 1
    result = cluster_terms(dtm)
    assert result.clusters is None
    assert result.cut(2)[result.labels[leaves_list(result.linkage)[0]]] == 1


def test_empty_items_are_dropped_and_listed() -> None:
    # d3 has only stop words: an empty row, no distance to anything
    tokens = make_tokens([("d1", 0, "x y"), ("d2", 0, "x z"), ("d3", 0, "the of")], stop=FUNCTION_WORDS)
    result = cluster_documents(document_term_matrix(tokens))
    assert list(result.labels) == ["d1", "d2"] and list(result.dropped) == ["d3"]


@pytest.mark.parametrize(("options", "message"), [
    ({"metric": "euclid"}, "metric='euclid'"),   # unknown distance
    ({"method": "centroid"}, "method='centroid'"),  # centroid needs Euclidean input; not offered
    ({"k": 9}, "k=9"),                            # more clusters than items
])
def test_bad_options(options, message) -> None:
    with pytest.raises(ArgumentError, match=message):
        cluster_terms(DocumentTermMatrix.from_frame(PRESENCE), **options)


def test_mds_reproduces_a_line_and_is_deterministic() -> None:
    # three points on a line (distances 1, 1, 2) embed exactly: stress 0
    labels = ["p", "q", "r"]
    distances = pd.DataFrame([[0, 1, 2], [1, 0, 1], [2, 1, 0]], index=labels, columns=labels, dtype=float)
    coords = mds_map(distances, seed=3)
    recovered = np.linalg.norm(coords.to_numpy()[:, None] - coords.to_numpy()[None], axis=2)
    assert recovered == pytest.approx(distances.to_numpy(), abs=1e-4)
    assert coords.attrs["stress"] < 1e-3
    pd.testing.assert_frame_equal(coords, mds_map(distances, seed=3))


@pytest.mark.parametrize("table", [
    pd.DataFrame([[0, 1], [1, 0]], dtype=float),                       # fewer than 3 items
    pd.DataFrame([[0, 1, 2], [1, 0, 1], [3, 1, 0]], dtype=float),      # not symmetric
    pd.DataFrame([[0, 1, 2], [1, 0, 1]], dtype=float),                 # not square
])
def test_mds_rejects_bad_distances(table) -> None:
    with pytest.raises(ArgumentError, match="mds_map"):
        mds_map(table)


def test_real_corpus_terms_map(tokens) -> None:
    dtm = document_term_matrix(tokens).top_terms(30, min_rows=2)
    result = cluster_terms(dtm, k=4)
    assert sorted(result.clusters.unique()) == [1, 2, 3, 4]
    coords = mds_map(result.distances)
    assert coords.index.equals(result.labels) and np.isfinite(coords.to_numpy()).all()
