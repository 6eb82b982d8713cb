"""Term and entity counts for corpora that do not fit in memory.

:func:`count_terms_streaming` and :func:`count_mentions_streaming` never
build the corpus-wide token or mention table: documents are read (from disk,
when given catalog folders) and processed in partitions of
``docs_per_partition`` documents; each partition is reduced to a count table
right away, and count tables are summed pairwise-in-groups (a tree
reduction).  Memory is bounded by one partition's tokens per worker plus the
count tables themselves.

The results are identical to the in-memory functions::

    count_terms_streaming(corpus, by, column, content_only)
        == count_terms(tokenize_corpus(corpus), by, column, content_only)
    count_mentions_streaming(corpus, by, roll_up)
        == count_mentions(find_mentions(corpus), by, roll_up)

Engines: ``"local"`` (this process, or a process pool with ``n_jobs``) or
Dask (``"dask"``, an address or a client; see :mod:`newskit.scale.dask`), where
partitions become a ``dask.bag`` reduced on the cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from newskit.analysis.frequency import finish_term_counts, group_columns, select_terms
from newskit.config import resolve_data_dir
from newskit.entities.gazetteer import load_default_gazetteer
from newskit.entities.mentions import MENTION_COLUMNS, count_mentions, find_mentions, map_families, order_count_table
from newskit.errors import ArgumentError, CorpusError
from newskit.io.catalog import read_catalog
from newskit.io.corpus import Corpus, read_document
from newskit.io.paragraphs import TEXT_KINDS
from newskit.scale.pool import pool_map, resolve_n_jobs
from newskit.scale.progress import progress_bar
from newskit.scale.run import check_engine
from newskit.text.table import TOKEN_COLUMNS, assemble, make_jobs, tokenize_job

__all__ = [
    "StreamOptions", "count_mentions_streaming", "count_terms_streaming", "partition_tokens",
]

#: Column of the partial mention counts holding the ``by`` value (``by`` may
#: itself be ``entity_id``).
_BY = "\x00by"
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "kind", "text"]
#: Partial results combined at a time (the fan-in of the reduction tree).
FAN_IN = 8


@dataclass(frozen=True)
class StreamOptions:
    """How documents are read and tokenized, and how work is spread.

    ``kinds=None`` keeps every paragraph."""

    kinds: tuple[str, ...] | None = TEXT_KINDS
    lemmatize: bool | None = None
    n_jobs: int = 1
    docs_per_partition: int = 64
    progress: bool | None = None


@dataclass(frozen=True)
class _DocumentRef:
    """One document to stream: a file read by the worker, or paragraphs
    ``(para_id, kind, text)`` already in memory."""

    doc_id: str
    lang: str
    path: Path | None = None
    paragraphs: tuple[tuple[int, str, str], ...] | None = None
    root: Path | None = None  # the corpus folder ``path`` must stay inside


@dataclass
class _Partial:
    """A partition's counts: ``counts`` (keys, ``term`` or ``entity_id``,
    ``count``), categories of categorical keys, and group values in order
    of first appearance."""

    counts: pd.DataFrame
    categories: dict[str, list] = field(default_factory=dict)
    order: list = field(default_factory=list)


# --- documents ------------------------------------------------------------------


def _corpus_refs(corpus: Corpus) -> list[_DocumentRef]:
    """References to the in-memory documents of ``corpus``."""
    langs = corpus.languages()
    refs = []
    for doc_id, rows in corpus.paragraphs.groupby("doc_id", sort=False, observed=True):
        paragraphs = tuple(zip(rows["para_id"].tolist(), rows["kind"].astype(str).tolist(), rows["text"].tolist(),
                               strict=True))
        refs.append(_DocumentRef(str(doc_id), langs[doc_id], paragraphs=paragraphs))
    return refs


def _folder_refs(roots: Iterable[str | Path]) -> list[_DocumentRef]:
    """References to the files of one or more corpus folders (catalogs
    only are read here); a doc_id may appear in one folder only."""
    refs: list[_DocumentRef] = []
    seen: dict[str, Path] = {}
    for root in map(resolve_data_dir, roots):
        catalog = read_catalog(root)
        for doc_id, file, lang in catalog[["doc_id", "file", "lang"]].itertuples(index=False):
            if doc_id in seen:
                raise CorpusError(root / "catalog.csv", f"doc_id {doc_id!r} is also in {seen[doc_id]}")
            seen[doc_id] = root
            refs.append(_DocumentRef(doc_id, lang, path=root / file, root=root))
    return refs


def _document_refs(source: Any) -> list[_DocumentRef]:
    """Documents of a :class:`Corpus`, a corpus folder, or several folders."""
    if isinstance(source, Corpus):
        return _corpus_refs(source)
    if isinstance(source, (str, Path)):
        return _folder_refs([source])
    return _folder_refs(source)


def _read_paragraphs(refs: Iterable[_DocumentRef], kinds: Sequence[str] | None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The paragraphs (``doc_id, para_id, kind, text``) of some documents,
    read by :func:`newskit.io.corpus.read_document`, exactly as
    :func:`newskit.load_corpus` reads them (normalised, the language of an
    ``auto`` row detected), and each document's language."""
    records = []
    langs = {}
    for ref in refs:
        paragraphs, langs[ref.doc_id] = ref.paragraphs, ref.lang
        if paragraphs is None:
            document = read_document(ref.path, ref.lang, ref.root)
            paragraphs = [(r["para_id"], r["kind"], r["text"]) for r in document.paragraphs]
            langs[ref.doc_id] = document.lang
        records += [(ref.doc_id, p, k, t) for p, k, t in paragraphs if kinds is None or k in kinds]
    return pd.DataFrame.from_records(records, columns=PARAGRAPH_COLUMNS), langs


def partition_tokens(refs: Sequence[_DocumentRef], options: StreamOptions) -> pd.DataFrame:
    """Token table of one partition (``doc_id`` categories: its documents)."""
    paragraphs, langs = _read_paragraphs(refs, options.kinds)
    jobs = make_jobs(paragraphs, langs)
    tables = [tokenize_job(job, options.lemmatize) for job in jobs]
    return assemble(tables, [job.doc_id for job in jobs], [ref.doc_id for ref in refs])


# --- reduction --------------------------------------------------------------------


def _partitions(refs: Sequence[_DocumentRef], size: int) -> list[list[_DocumentRef]]:
    """Consecutive documents, ``size`` at a time."""
    size = max(1, size)
    return [list(refs[k:k + size]) for k in range(0, len(refs), size)]


def _combine(parts: Sequence[_Partial], keys: Sequence[str]) -> _Partial:
    """Sum partial counts (same keys) and merge categories and orders, in
    partition order."""
    parts = list(parts)
    counts = pd.concat([p.counts for p in parts], ignore_index=True)
    summed = counts.groupby(list(keys), sort=False)["count"].sum().reset_index()
    categories: dict[str, list] = {}
    for part in parts:
        for name, values in part.categories.items():
            categories[name] = list(dict.fromkeys([*categories.get(name, []), *values]))
    order = list(dict.fromkeys(value for part in parts for value in part.order))
    return _Partial(summed, categories, order)


def _reduce_local(chunks: list[list[_DocumentRef]], work: Any, keys: Sequence[str],
                 options: StreamOptions) -> _Partial:
    """Run ``work`` over partitions here or on a process pool, combining
    results as they arrive (at most :data:`FAN_IN` partials are held)."""
    workers = resolve_n_jobs(options.n_jobs)
    results = pool_map(work, chunks, workers) if workers > 1 and len(chunks) > 1 else map(work, chunks)
    bar = progress_bar(sum(map(len, chunks)), options.progress, desc="count")
    pending: list[_Partial] = []
    try:
        for chunk, part in zip(chunks, results, strict=True):
            bar.update(len(chunk))
            pending.append(part)
            if len(pending) >= FAN_IN:
                pending = [_combine(pending, keys)]
    finally:
        bar.close()
    return _combine(pending, keys)


def _run_reduction(refs: Sequence[_DocumentRef], work: Any, keys: Sequence[str], engine: Any,
                  options: StreamOptions) -> _Partial:
    """Partition the documents and reduce ``work`` over them."""
    check_engine(engine)
    if not refs:
        return work([])
    if engine == "local":
        return _reduce_local(_partitions(refs, options.docs_per_partition), work, keys, options)
    from newskit.scale.dask import reduce_on_dask  # dask loads only when asked for

    perpartition = partial(_work_on_partition, work)
    aggregate = partial(_combine, keys=list(keys))
    return reduce_on_dask(refs, perpartition, aggregate, engine, options.docs_per_partition)


def _work_on_partition(work: Any, refs: Iterable[_DocumentRef]) -> _Partial:
    """Adapter: dask hands a partition over as an iterable."""
    return work(list(refs))


# --- term counts ------------------------------------------------------------------


@dataclass(frozen=True)
class _TermCountSpec:
    """What :func:`count_terms_streaming` counts (sent to every worker)."""

    keys: tuple[str, ...]
    column: str
    content_only: bool
    options: StreamOptions


def _count_partition_terms(spec: _TermCountSpec, refs: Sequence[_DocumentRef]) -> _Partial:
    """Term counts of one partition, with plain (non-categorical) keys."""
    tokens = partition_tokens(refs, spec.options)
    keys = list(spec.keys)
    terms = select_terms(tokens, keys, spec.column, spec.content_only)
    counts = terms.groupby([*keys, "term"], sort=False, observed=True).size().rename("count").reset_index()
    categories = {}
    for key in keys:
        if isinstance(tokens[key].dtype, pd.CategoricalDtype):
            categories[key] = tokens[key].cat.categories.tolist()
            counts[key] = counts[key].astype(tokens[key].cat.categories.dtype)
    return _Partial(counts, categories)


def _finish_streamed_terms(total: _Partial, keys: list[str], documents: list[str]) -> pd.DataFrame:
    """The summed counts with the key dtypes of the token table, finished by
    :func:`newskit.analysis.frequency.finish_term_counts` (the last step of
    ``count_terms`` itself)."""
    counts = total.counts
    for key, found in total.categories.items():
        categories = documents if key == "doc_id" else sorted(found)
        counts[key] = pd.Categorical(counts[key], categories=pd.Index(categories))
    return finish_term_counts(counts, keys)


def count_terms_streaming(source: Any, by: str | Sequence[str] | None = "doc_id", column: str = "lemma",
                          content_only: bool = True, engine: Any = "local",
                          options: StreamOptions | None = None) -> pd.DataFrame:
    """:func:`newskit.analysis.frequency.count_terms` over a corpus too large to
    tokenize into one table: ``source`` is a :class:`Corpus`, a corpus
    folder (with ``catalog.csv``) or a list of folders; ``by`` any token
    column(s) or ``None``.  Same columns, values, dtypes and order as
    ``count_terms(tokenize_corpus(corpus, options.kinds), by, column,
    content_only)``."""
    options = options or StreamOptions()
    keys = group_columns(by)
    unknown = [key for key in [*keys, column] if key not in TOKEN_COLUMNS]
    if unknown:
        raise ArgumentError(f"the tokens table lacks column(s) {', '.join(unknown)} "
                                f"(it has: {', '.join(TOKEN_COLUMNS)})")
    refs = _document_refs(source)
    spec = _TermCountSpec(tuple(keys), column, content_only, options)
    total = _run_reduction(refs, partial(_count_partition_terms, spec), [*keys, "term"], engine, options)
    return _finish_streamed_terms(total, keys, [ref.doc_id for ref in refs])


# --- entity counts ----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _MentionCountSpec:
    """What :func:`count_mentions_streaming` counts (sent to every worker)."""

    by: str
    gazetteer: pd.DataFrame
    kinds: tuple[str, ...] | None


def _count_partition_mentions(spec: _MentionCountSpec, refs: Sequence[_DocumentRef]) -> _Partial:
    """Mention counts of one partition as :func:`count_mentions` makes them
    (entity × ``by``, no roll-up yet), in long form for summing."""
    paragraphs, langs = _read_paragraphs(refs, None)
    documents = pd.DataFrame({"doc_id": [r.doc_id for r in refs], "lang": [langs[r.doc_id] for r in refs]})
    corpus = SimpleNamespace(paragraphs=paragraphs, documents=documents)
    mentions = find_mentions(corpus, kinds=spec.kinds, gazetteer=spec.gazetteer)
    wide = count_mentions(mentions, spec.by)
    long = wide.rename_axis(index="entity_id", columns=_BY).stack().rename("count").reset_index()
    return _Partial(long[long["count"] > 0], order=list(wide.columns))


def _finish_mention_counts(total: _Partial, by: str, families: dict[str, str] | None) -> pd.DataFrame:
    """The wide table of the summed counts, ordered by
    :func:`newskit.entities.mentions.order_count_table` like
    :func:`count_mentions` orders it."""
    counts = total.counts
    if counts.empty:
        table = pd.DataFrame(index=pd.Index([], name="entity_id"), columns=total.order, dtype="int64")
    else:
        table = counts.pivot_table(index="entity_id", columns=_BY, values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=total.order, fill_value=0).astype("int64")
    table.columns.name = by
    return order_count_table(table, families)


def count_mentions_streaming(source: Any, by: str = "doc_id", roll_up: bool = False,
                             gazetteer: pd.DataFrame | None = None, engine: Any = "local",
                             options: StreamOptions | None = None) -> pd.DataFrame:
    """:func:`newskit.count_mentions` of the mentions in a corpus too large
    for one table (``source`` as for :func:`count_terms_streaming`).  Equals
    ``count_mentions(find_mentions(corpus, kinds=options.kinds,
    gazetteer=gazetteer), by, roll_up, gazetteer)``; ``by`` is a mention
    column (doc_id, para_id, entity_id, label, surface, start, end)."""
    options = options or StreamOptions()
    if by not in MENTION_COLUMNS:
        raise ArgumentError(f"cannot count by {by!r}: mentions have columns {', '.join(MENTION_COLUMNS)}")
    gazetteer = load_default_gazetteer() if gazetteer is None else gazetteer
    spec = _MentionCountSpec(by, gazetteer, options.kinds)
    total = _run_reduction(_document_refs(source), partial(_count_partition_mentions, spec),
                          ["entity_id", _BY], engine, options)
    return _finish_mention_counts(total, by, map_families(gazetteer) if roll_up else None)
