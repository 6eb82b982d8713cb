"""Which articles report the same event, in any language?

:func:`group_stories` describes every document by language-neutral
features — the entities it names (gazetteer ids and discovered keys, so
ジェンスン・フアン and Jensen Huang are one feature) and its normalised
quantities (value rounded to two significant digits + unit + kind, so
2億ドル = US$200 juta = $200 million) — in a sparse document × feature matrix.

Weights: binary presence × IDF, ``ln(N / df)``, so a name in every article
(Musk, xAI in a corpus about xAI) weighs nothing and a name in two articles
weighs most; a feature of a single document weighs :data:`SINGLE_WEIGHT` of
its IDF (it links nothing, and at full weight in the norm it made a report
with many facts of its own — a longer, more detailed article — look unlike its
own story; left out altogether, two reports sharing one common name would look
identical); rows are L2-normalised and compared by cosine similarity
(sparse products, a block of rows at a time, keeping only the pairs that can
reach the threshold).  When ``published`` parses as a date, the similarity of two
articles is multiplied by ``exp(-Δdays / window_days)``: reports of one event
appear within days, so the same company in another month is another story.
Without dates (or with a blank date on one side) the factor is 1.

Clustering: pairs at or above ``threshold`` are linked and stories are the
connected components (scipy), which is deterministic, needs no number of
stories and lets a story grow through a chain of reports; the price is that
one strong false pair merges two stories, which the IDF weighting and the
time decay make rare.  Story ids follow the corpus order of each story's
first document; an article with no partner is its own story.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from newskit.crosslingual.features import (
    discover_if_needed,
    entity_occurrences,
    quantity_rows,
)
from newskit.errors import ArgumentError
from newskit.io.paragraphs import TEXT_KINDS

__all__ = ["STORY_COLUMNS", "document_features", "group_stories"]

STORY_COLUMNS = ["doc_id", "story_id", "n_docs", "score"]
#: Quantity kinds used as story features (calendar parts are handled by dates).
STORY_QUANTITY_KINDS = frozenset({"currency", "percent", "amount", "count"})
#: Counts below this are too common to identify an event (3 people, 2 models).
MIN_COUNT_FEATURE = 10
#: Share of its IDF a feature of one document keeps (see the module docstring).
SINGLE_WEIGHT = 0.35
#: Cells of the similarity product computed at once (see :func:`_linked_pairs`).
BLOCK_CELLS = 4_000_000


def _round_value(value: float) -> str:
    """Two significant digits: 214 million and 2.1億 land on one feature."""
    if value == 0 or not math.isfinite(value):
        return str(value)
    return f"{float(f'{value:.2g}'):g}"


def document_features(corpus: Any, *, mentions: pd.DataFrame | None = None, quantities: pd.DataFrame | None = None,
                      discovered: pd.DataFrame | None | bool = None,
                      kinds: Iterable[str] = TEXT_KINDS) -> pd.DataFrame:
    """``doc_id, feature`` pairs (deduplicated): ``ent:``/``new:`` entity
    features and ``num:<kind>:<unit>:<value>`` quantity features."""
    kinds = tuple(kinds)
    entities = entity_occurrences(corpus, mentions=mentions, discovered=discover_if_needed(corpus, discovered),
                                  kinds=kinds)
    numbers = quantity_rows(corpus, quantities=quantities, kinds=kinds)
    numbers = numbers[numbers["kind"].isin(STORY_QUANTITY_KINDS)
                      & ~((numbers["kind"] == "count") & (numbers["value"] < MIN_COUNT_FEATURE))]
    num = [f"num:{k}:{u or ''}:{_round_value(v)}" for k, u, v in zip(numbers["kind"], numbers["unit"],
                                                                      numbers["value"])]
    pairs = pd.concat([entities[["doc_id"]].assign(feature=entities["entity"]),
                       numbers[["doc_id"]].assign(feature=num)], ignore_index=True)
    return pairs.drop_duplicates(ignore_index=True)


def _weighted_matrix(doc_ids: list[str], pairs: pd.DataFrame) -> sparse.csr_matrix:
    """Documents × features, presence × IDF, rows L2-normalised."""
    row = {d: i for i, d in enumerate(doc_ids)}
    pairs = pairs[pairs["doc_id"].isin(row)]
    df = pairs.groupby("feature")["doc_id"].nunique()
    features = sorted(set(pairs["feature"]))
    column = {f: j for j, f in enumerate(features)}
    idf = {f: math.log(len(doc_ids) / n) * (SINGLE_WEIGHT if n == 1 else 1.0) for f, n in df.items()}
    data = [idf[f] for f in pairs["feature"]]
    matrix = sparse.csr_matrix((data, ([row[d] for d in pairs["doc_id"]], [column[f] for f in pairs["feature"]])),
                               shape=(len(doc_ids), max(len(features), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.diags(1 / norms) @ matrix


def _day_numbers(corpus: Any, doc_ids: list[str]) -> np.ndarray | None:
    """Each document's ``published`` in days (NaN where it does not parse),
    or ``None`` when no date parses."""
    if "published" not in corpus.documents.columns:
        return None
    dates = pd.to_datetime(corpus.documents.set_index("doc_id").loc[doc_ids, "published"],
                           errors="coerce", format="mixed")
    if dates.isna().all():
        return None
    return (dates - dates.min()).dt.total_seconds().to_numpy() / 86400


def _linked_pairs(matrix: sparse.csr_matrix, days: np.ndarray | None, threshold: float,
                  window_days: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(i, j, similarity)`` of every pair ``i != j`` whose cosine times
    ``exp(-Δdays / window)`` (1 without both dates) reaches ``threshold``.

    The product is taken :data:`BLOCK_CELLS` cells at a time and only pairs
    whose cosine alone reaches the threshold are kept (the time factor is at
    most 1, so no pair is lost): memory stays about linear in the corpus
    instead of an N × N array (4 GB at 10,000 articles)."""
    n = matrix.shape[0]
    step, right = max(1, BLOCK_CELLS // max(n, 1)), matrix.T.tocsc()
    rows, cols, values = [], [], []
    for start in range(0, n, step):
        block = (matrix[start:start + step] @ right).tocoo()
        i, j = block.row.astype(np.int64) + start, block.col.astype(np.int64)
        keep = (block.data >= threshold) & (i != j)
        rows.append(i[keep])
        cols.append(j[keep])
        values.append(block.data[keep])
    i, j, value = (np.concatenate(part) if part else np.empty(0) for part in (rows, cols, values))
    if days is not None and len(value):
        delta = np.abs(days[i] - days[j])
        value = value * np.where(np.isnan(delta), 1.0, np.exp(-np.nan_to_num(delta) / window_days))
        keep = value >= threshold
        i, j, value = i[keep], j[keep], value[keep]
    return i.astype(np.int64), j.astype(np.int64), value


def group_stories(corpus: Any, *, mentions: pd.DataFrame | None = None, quantities: pd.DataFrame | None = None,
                  discovered: pd.DataFrame | None | bool = None, threshold: float = 0.25,
                  window_days: float = 7.0) -> pd.DataFrame:
    """One row per document: ``doc_id, story_id, n_docs`` (documents in its
    story) ``, score`` (its best similarity inside the story; 0 alone).

    ``mentions``/``quantities`` reuse tables already computed
    (``find_mentions``; ``doc_id, para_id, value, kind, unit``);
    ``discovered``: a :func:`~newskit.entities.discover.discover_entities`
    table, None to run discovery, False to use the gazetteer alone."""
    if not 0 < threshold <= 1:
        raise ArgumentError(f"threshold must be in (0, 1], got {threshold!r}")
    if window_days <= 0:
        raise ArgumentError(f"window_days must be positive, got {window_days!r}")
    doc_ids = list(corpus.documents["doc_id"])
    pairs = document_features(corpus, mentions=mentions, quantities=quantities, discovered=discovered)
    matrix = _weighted_matrix(doc_ids, pairs)
    i, j, value = _linked_pairs(matrix, _day_numbers(corpus, doc_ids), threshold, window_days)
    n = len(doc_ids)
    _n, labels = connected_components(sparse.csr_matrix((np.ones(len(i)), (i, j)), shape=(n, n)), directed=False)
    order = {label: k for k, label in enumerate(dict.fromkeys(labels))}
    sizes = pd.Series(labels).map(pd.Series(labels).value_counts())
    best = np.zeros(n)
    np.maximum.at(best, i, value)
    return pd.DataFrame({"doc_id": doc_ids, "story_id": [f"story-{order[x] + 1:03d}" for x in labels],
                         "n_docs": sizes.to_numpy(), "score": np.round(best, 3)}, columns=STORY_COLUMNS)
