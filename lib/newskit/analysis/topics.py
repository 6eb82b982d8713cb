"""Topic models (LDA and NMF, scikit-learn) with coherence, and topics over time.

:func:`topic_model` fits on the document-term matrix of content words:

* ``method="lda"`` — Latent Dirichlet Allocation on raw counts (batch
  variational Bayes); ``perplexity`` is scikit-learn's, on the training
  documents (in-sample: it keeps falling with more topics on small corpora);
* ``method="nmf"`` — non-negative matrix factorisation of TF-IDF weights
  (NNDSVDa start); no perplexity.  A document without counted words gets
  equal shares.

Topic numbers are 1 … k ordered by their mean share in the documents (largest
first).  The same tokens, options and ``seed`` give identical tables (both
solvers are deterministic given ``random_state`` and run single-threaded).

**Coherence** is computed here from document co-occurrence on the same matrix
(``D(w)`` documents containing ``w``, ``D(w, v)`` containing both, ``N``
documents), over the top ``M`` terms of each topic, averaged over the pairs:

* ``umass`` (Mimno et al. 2011): for terms in weight order, the mean over
  ``m > l`` of ``ln((D(w_m, w_l) + 1) / D(w_l))`` — higher is better; mostly
  negative, slightly above 0 only when the words always occur together;
* ``npmi`` (Bouma 2009; Aletras & Stevenson 2013): the mean over pairs of
  ``ln(P(w, v) / (P(w) P(v))) / -ln P(w, v)`` with ``P = D / N`` — from -1
  (never together) to 1 (always together); 1 when ``P(w, v) = 1``.

:func:`topics_over_time` averages the document shares per period of the
catalog's ``published`` column, which may hold ``2024``, ``2024-03`` or
``2024-03-19`` (also ``2024/03/19``, ``2024年3月19日``, a time after the day),
read by :func:`newskit.analysis.timeline.parse_published`.  A date coarser than the period asked for (``2024`` for months) cannot be
placed: such documents are left out and counted in ``attrs["note"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix
from newskit.analysis.timeline import PRECISION_NEEDED, parse_published

__all__ = ["TopicModel", "TopicOptions", "choose_n_topics", "compare_topic_models", "fit_topic_models", "npmi_coherence",
           "topic_model", "topics_over_time", "umass_coherence"]

METHODS = ("lda", "nmf")


@dataclass(frozen=True)
class TopicOptions:
    """Settings of :func:`topic_model` beyond the number of topics."""

    column: str = "lemma"
    content_only: bool = True
    #: terms in fewer documents (or a larger share of them) are left out
    min_docs: int = 2
    max_doc_share: float = 1.0
    #: top terms reported per topic (and used for coherence)
    n_top_terms: int = 10
    #: solver iterations; None: 50 for LDA, 400 for NMF
    max_iter: int | None = None


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted topic model's tables (topics numbered 1 … k)."""

    method: str
    seed: int
    top_terms: pd.DataFrame
    term_weights: pd.DataFrame
    doc_topics: pd.DataFrame
    coherence: pd.DataFrame
    perplexity: float | None


def _presence(dtm: DocumentTermMatrix, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """(D(w) per term, D(w, v) per pair, N) for ``terms`` of ``dtm``."""
    where = dtm.terms.get_indexer(list(terms))
    if (where < 0).any():
        raise ArgumentError(f"coherence: term(s) {list(np.asarray(terms)[where < 0])} are not in the matrix")
    present = (dtm.matrix[:, where] > 0).astype(np.int64)
    joint = (present.T @ present).toarray()
    return np.diag(joint).astype(float), joint.astype(float), dtm.matrix.shape[0]


def umass_coherence(dtm: DocumentTermMatrix, terms: Sequence[str]) -> float:
    """UMass coherence of ``terms`` (in weight order), mean over pairs."""
    single, joint, _ = _presence(dtm, terms)
    later, earlier = np.tril_indices(len(single), k=-1)
    return float(np.mean(np.log((joint[later, earlier] + 1) / single[earlier])))


def npmi_coherence(dtm: DocumentTermMatrix, terms: Sequence[str]) -> float:
    """Document-level NPMI coherence of ``terms``, mean over pairs."""
    single, joint, n = _presence(dtm, terms)
    first, second = np.triu_indices(len(single), k=1)
    both = joint[first, second] / n
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(both / (single[first] / n * single[second] / n))
        npmi = np.where(both == 0, -1.0, np.where(both == 1, 1.0, pmi / -np.log(both)))
    return float(np.mean(npmi))


def _prepare(tokens: pd.DataFrame | DocumentTermMatrix, options: TopicOptions) -> DocumentTermMatrix:
    """The matrix to fit: tokens counted per document, rare/ubiquitous terms out."""
    dtm = tokens if isinstance(tokens, DocumentTermMatrix) else document_term_matrix(
        tokens, column=options.column, content_only=options.content_only)
    rows = max(len(dtm.rows), 1)
    keep = (dtm.doc_freq >= options.min_docs) & (dtm.doc_freq <= options.max_doc_share * rows)
    if keep.sum() < 2:
        raise ArgumentError(f"only {int(keep.sum())} term(s) occur in at least {options.min_docs} documents; "
                            "lower TopicOptions.min_docs or give more documents")
    return dtm.select_terms(list(dtm.terms[keep.to_numpy()]))


def _fit(dtm: DocumentTermMatrix, n_topics: int, seed: int, method: str, max_iter: int | None):
    """(document × topic weights, topic × term weights, perplexity) from scikit-learn."""
    from sklearn.decomposition import NMF, LatentDirichletAllocation  # noqa: PLC0415 - slow import
    from sklearn.feature_extraction.text import TfidfTransformer  # noqa: PLC0415

    counts = dtm.matrix.astype(float)
    if method == "lda":
        model = LatentDirichletAllocation(n_components=n_topics, random_state=seed, learning_method="batch",
                                          max_iter=max_iter or 50)
        return model.fit_transform(counts), model.components_, float(model.perplexity(counts))
    model = NMF(n_components=n_topics, init="nndsvda", random_state=seed, max_iter=max_iter or 400)
    return model.fit_transform(TfidfTransformer().fit_transform(counts)), model.components_, None


def _shares(weights: np.ndarray) -> np.ndarray:
    """Rows scaled to sum to 1; an all-zero row gets equal shares."""
    totals = weights.sum(axis=1, keepdims=True)
    return np.where(totals > 0, weights / np.where(totals > 0, totals, 1), 1 / weights.shape[1])


def topic_model(
    tokens: pd.DataFrame | DocumentTermMatrix,
    n_topics: int,
    *,
    seed: int = 0,
    method: str = "lda",
    options: TopicOptions = TopicOptions(),
) -> TopicModel:
    """Fit ``n_topics`` topics on the documents of ``tokens`` (or a prepared
    matrix); see the module docstring for methods, ordering and coherence."""
    if method not in METHODS:
        raise ArgumentError(f"method={method!r}: choose 'lda' or 'nmf'")
    dtm = _prepare(tokens, options)
    if not 1 <= n_topics <= min(dtm.matrix.shape):
        raise ArgumentError(f"n_topics={n_topics}: choose 1 to {min(dtm.matrix.shape)} for "
                            f"{dtm.matrix.shape[0]} documents × {dtm.matrix.shape[1]} terms")
    doc_weights, term_weights, perplexity = _fit(dtm, n_topics, seed, method, options.max_iter)
    doc_shares, term_shares = _shares(doc_weights), _shares(term_weights)
    order = np.argsort(-doc_shares.mean(axis=0), kind="stable")
    topics = pd.RangeIndex(1, n_topics + 1, name="topic")
    doc_topics = pd.DataFrame(doc_shares[:, order], index=dtm.rows, columns=topics)
    weights = pd.DataFrame(term_shares[order], index=topics, columns=dtm.terms)
    top = weights.stack().rename("weight").reset_index()
    top = top.sort_values(["topic", "weight", "term"], ascending=[True, False, True], kind="stable")
    top = top.groupby("topic").head(options.n_top_terms).reset_index(drop=True)
    top.insert(1, "rank", top.groupby("topic").cumcount() + 1)
    coherence = pd.DataFrame([
        {"topic": topic, "umass": umass_coherence(dtm, group["term"].tolist()),
         "npmi": npmi_coherence(dtm, group["term"].tolist())}
        for topic, group in top.groupby("topic")])
    return TopicModel(method, seed, top[["topic", "rank", "term", "weight"]], weights, doc_topics,
                      coherence, perplexity)


def fit_topic_models(
    tokens: pd.DataFrame | DocumentTermMatrix,
    candidates: Sequence[int],
    *,
    seed: int = 0,
    method: str = "lda",
    options: TopicOptions = TopicOptions(),
) -> dict[int, TopicModel]:
    """One fitted model per candidate number of topics, on one prepared
    matrix; keep the one :func:`compare_topic_models` prefers instead of
    fitting it again."""
    dtm = _prepare(tokens, options)
    return {int(n): topic_model(dtm, int(n), seed=seed, method=method, options=options) for n in candidates}


def compare_topic_models(models: dict[int, TopicModel]) -> pd.DataFrame:
    """``n_topics, perplexity, umass, npmi`` (coherences averaged over topics)
    of fitted models, one row each, to choose ``n_topics`` from."""
    return pd.DataFrame([{"n_topics": n, "perplexity": model.perplexity, "umass": model.coherence["umass"].mean(),
                          "npmi": model.coherence["npmi"].mean()} for n, model in models.items()],
                        columns=["n_topics", "perplexity", "umass", "npmi"])


def choose_n_topics(
    tokens: pd.DataFrame | DocumentTermMatrix,
    candidates: Sequence[int],
    *,
    seed: int = 0,
    method: str = "lda",
    options: TopicOptions = TopicOptions(),
) -> pd.DataFrame:
    """One row per candidate number of topics: ``n_topics, perplexity, umass,
    npmi`` (coherences averaged over topics) to choose ``n_topics`` from."""
    return compare_topic_models(fit_topic_models(tokens, candidates, seed=seed, method=method, options=options))


def topics_over_time(
    doc_topics: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    freq: str = "M",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Mean topic share per period (``freq``: Y, Q, M, W or D) and optional
    catalog group(s) ``by``: ``period, [by…], topic, share, n_docs`` (each
    document weighs the same; paragraphs of a paragraph model are averaged).
    ``attrs["note"]`` counts the documents left out (no date, or too coarse)."""
    if freq not in PRECISION_NEEDED:
        raise ArgumentError(f"freq={freq!r}: choose one of {', '.join(PRECISION_NEEDED)}")
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    missing = [key for key in keys if key not in documents.columns]
    if missing:
        raise ArgumentError(f"by={by!r}: the document table has no column {', '.join(missing)}")
    doc_level = doc_topics.index.get_level_values("doc_id") if "doc_id" in (doc_topics.index.names or []) \
        else doc_topics.index
    shares = doc_topics.groupby(np.asarray(doc_level, dtype=str)).mean().rename_axis("doc_id")
    dates = parse_published(documents)
    usable = dates[dates["precision"] >= PRECISION_NEEDED[freq]]
    placed = usable.merge(documents[["doc_id", *keys]].astype({"doc_id": str}), on="doc_id")
    placed = placed[placed["doc_id"].isin(shares.index)]
    placed["period"] = placed["date"].dt.to_period(freq)
    long = shares.loc[placed["doc_id"]].set_axis(placed.index).join(placed[["period", *keys]])
    long = long.melt(id_vars=["period", *keys], var_name="topic", value_name="share")
    table = long.groupby(["period", *keys, "topic"], observed=True).agg(
        share=("share", "mean"), n_docs=("share", "size")).reset_index()
    left_out = len(shares) - placed["doc_id"].nunique()
    if left_out:
        table.attrs["note"] = (f"{left_out} of {len(shares)} documents left out: no published date, or one "
                               f"coarser than the period {freq!r}")
    return table
