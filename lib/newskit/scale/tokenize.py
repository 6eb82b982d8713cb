"""``tokenize_corpus``: the token table of a whole corpus, on any engine.

It cuts the corpus into one job per document (:mod:`newskit.text.table`),
hands the jobs to the dispatcher (:func:`newskit.scale.run.run_jobs`: this
process, a process pool, or Dask, with the token cache) and glues the tables
together.  Every route gives the same table, row for row and dtype for dtype.
"""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

import pandas as pd

from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus, select_paragraphs
from newskit.io.paragraphs import TEXT_KINDS
from newskit.io.versions import tool_versions
from newskit.scale.run import RunOptions, run_jobs
from newskit.text.table import assemble, make_jobs

__all__ = ["RunSettings", "tokenize_corpus"]


class RunSettings(TypedDict, total=False):
    """How :func:`tokenize_corpus` runs (all optional keywords).

    ``n_jobs``: worker processes (1: this process; -1: all cores), one MeCab
    tagger each.  ``cache``: reuse per-document tables stored under
    ``<corpus>/processed/cache/tokens/`` (see :mod:`newskit.scale.cache`).
    ``engine``: ``"local"``, ``"dask"`` (``$NEWSKIT_DASK_SCHEDULER`` or an
    embedded two-process cluster), a scheduler address or a
    ``distributed.Client``.  ``progress``: ``None`` shows a bar for runs of
    more than 50 documents on a terminal or in a notebook."""

    n_jobs: int
    cache: bool
    engine: Any
    progress: bool | None


def tokenize_corpus(corpus: Corpus, *, kinds: tuple[str, ...] = TEXT_KINDS, lemmatize: bool | None = None,
                    **run: Unpack[RunSettings]) -> pd.DataFrame:
    """One row per token of the paragraphs of the given ``kinds`` (default:
    headings, captions and body; boilerplate and the source line are left
    out), with columns ``doc_id, para_id, i, start, end, surface, lemma, pos,
    is_stop, is_content``.  ``attrs["versions"]`` records the tools used and
    ``attrs["kinds"]`` the paragraph kinds; ``run`` takes the keywords of
    :class:`RunSettings` (``n_jobs``, ``cache``, ``engine``, ``progress``)."""
    unknown = sorted(set(run) - set(RunSettings.__annotations__))
    if unknown:
        raise ArgumentError(f"tokenize_corpus got unknown keyword(s) {', '.join(unknown)} "
                            f"(it takes kinds, lemmatize, {', '.join(RunSettings.__annotations__)})")
    kinds = tuple(kinds)
    paragraphs = select_paragraphs(corpus, kinds)
    jobs = make_jobs(paragraphs, corpus.languages())
    options = RunOptions(kinds=kinds, lemmatize=lemmatize, n_jobs=run.get("n_jobs", 1),
                         engine=run.get("engine", "local"), progress=run.get("progress"),
                         cache_root=corpus.root if run.get("cache", False) else None)
    tables = run_jobs(jobs, options)
    table = assemble(tables, [job.doc_id for job in jobs], list(corpus.documents["doc_id"]))
    table.attrs["versions"] = tool_versions()
    table.attrs["kinds"] = list(kinds)
    return table
