"""The public tokenization API: :func:`tokenize` for one text and
:func:`tokenize_corpus` for a whole corpus as a table.

Both dispatch by language to :mod:`newskit.ja` or :mod:`newskit.latin`, run
the shared merge pass and mark stop and content words the same way.

:func:`tokenize_corpus` scales to 10^4-10^5 articles: it can run in a process
pool (``n_jobs``) or on a Dask cluster (``engine="dask"``), reuse per-document
results from an on-disk cache (``cache=True``) and shows a progress bar on
long runs.  Every route gives the same table, row for row and dtype for dtype.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newskit.corpus import TEXT_KINDS, Corpus
from newskit.parallel import RunOptions, run_jobs
from newskit.tokens import Token
from newskit.tokentable import (
    TOKEN_COLUMNS,
    assemble,
    build_token_frame,
    check_lang,
    make_jobs,
    token_columns,
    tokenize_job,
)
from newskit.versions import tool_versions

__all__ = ["TOKEN_COLUMNS", "build_token_frame", "tokenize", "tokenize_corpus", "tokenize_paragraphs"]


def tokenize(text: str, lang: str, lemmatize: bool | None = None) -> list[Token]:
    """Tokenize ``text`` written in ``lang`` (ja, de, id or en).

    Offsets refer to ``text``; whitespace is the only thing not covered by a
    token.  ``lemmatize`` overrides the language default (off for
    Indonesian, see :mod:`newskit.latin`; Japanese always uses orthBase)."""
    check_lang(lang)
    return [Token(*row) for row in token_columns(text, lang, lemmatize).rows()]


def tokenize_paragraphs(paragraphs: pd.DataFrame, langs: dict[str, str],
                        lemmatize: bool | None = None) -> pd.DataFrame:
    """Token table for a paragraphs table (``doc_id, para_id, text``)."""
    jobs = make_jobs(paragraphs, langs)
    tables = [tokenize_job(job, lemmatize) for job in jobs]
    if not any(table.num_rows for table in tables):
        return build_token_frame({column: [] for column in TOKEN_COLUMNS})
    doc_ids = [job.doc_id for job in jobs]
    frame = assemble(tables, doc_ids, sorted(set(doc_ids)))
    return frame.assign(doc_id=frame["doc_id"].cat.remove_unused_categories())


def tokenize_corpus(corpus: Corpus, kinds: tuple[str, ...] = TEXT_KINDS,
                    lemmatize: bool | None = None, *, n_jobs: int = 1, cache: bool = False,
                    engine: Any = "local", progress: bool | None = None) -> pd.DataFrame:
    """One row per token of the paragraphs of the given ``kinds`` (default:
    headings, captions and body; boilerplate and the source line are left
    out), with columns ``doc_id, para_id, i, start, end, surface, lemma, pos,
    is_stop, is_content``.  ``attrs["versions"]`` records the tools used.

    ``n_jobs``: worker processes (1: this process; -1: all cores), one MeCab
    tagger each.  ``cache=True`` reuses per-document tables stored under
    ``data/processed/cache/tokens/`` (keyed by text, language, options and
    tool versions, see :mod:`newskit.cache`).  ``engine="dask"`` runs on a
    Dask cluster (``$NEWSKIT_DASK_SCHEDULER`` or an embedded two-process
    ``LocalCluster``); a ``distributed.Client`` or a scheduler address also
    works.  ``progress``: ``None`` shows a bar for runs of more than 50
    documents on a terminal or in a notebook."""
    kinds = tuple(kinds)
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(kinds)]
    jobs = make_jobs(paragraphs, corpus.languages())
    options = RunOptions(kinds=kinds, lemmatize=lemmatize, n_jobs=n_jobs, engine=engine,
                         progress=progress, cache_root=corpus.root if cache else None)
    tables = run_jobs(jobs, options)
    table = assemble(tables, [job.doc_id for job in jobs], list(corpus.documents["doc_id"]))
    table.attrs["versions"] = tool_versions()
    table.attrs["kinds"] = list(kinds)
    return table
