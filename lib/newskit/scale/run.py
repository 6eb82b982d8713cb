"""The one dispatcher: run tokenization jobs in this process, in the process
pool (:mod:`newskit.scale.pool`) or on Dask (:mod:`newskit.scale.dask`),
reading and writing the token cache (:mod:`newskit.scale.cache`) here and
nowhere else.

Every route returns the same Arrow tables in job order, so the token table
is identical whichever engine made it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from newskit.errors import ArgumentError
from newskit.scale.cache import TokenCache, read_cached, write_cached
from newskit.scale.pool import make_batches, pool_map, resolve_n_jobs, run_batch
from newskit.scale.progress import progress_bar
from newskit.text.table import DocumentJob

__all__ = ["RunOptions", "check_engine", "run_jobs"]


@dataclass(frozen=True)
class RunOptions:
    """How :func:`run_jobs` runs: tokenizer options, then execution ones."""

    kinds: tuple[str, ...] = ()
    lemmatize: bool | None = None
    n_jobs: int = 1
    engine: Any = "local"
    progress: bool | None = None
    cache_root: Path | None = None


def check_engine(engine: Any) -> None:
    """Reject a misspelt engine before any work (a ``distributed.Client``
    or other object is checked by :func:`newskit.scale.dask.get_client`)."""
    if isinstance(engine, str) and engine not in ("local", "dask") and "://" not in engine:
        raise ArgumentError(f"unknown engine {engine!r}: use 'local', 'dask', a scheduler address "
                            "('tcp://host:8786') or a distributed.Client")


def _run_pool(batches: Sequence[list[DocumentJob]], lemmatize: bool | None, workers: int,
              bar: Any) -> Iterator[pa.Table]:
    """Run batches on the worker pool; tables come back in job order."""
    for batch, tables in zip(batches, pool_map(partial(run_batch, lemmatize=lemmatize), batches, workers),
                              strict=True):
        bar.update(len(batch))
        yield from tables


def _run_here(jobs: Sequence[DocumentJob], lemmatize: bool | None, bar: Any) -> Iterator[pa.Table]:
    """Run jobs one by one in this process, advancing the bar."""
    for job in jobs:
        yield from run_batch([job], lemmatize)
        bar.update(1)


def _compute(jobs: Sequence[DocumentJob], options: RunOptions, bar: Any) -> Iterable[pa.Table]:
    """Tables of ``jobs`` in order, on the engine ``options`` names."""
    if options.engine != "local":
        from newskit.scale.dask import run_on_dask  # dask loads only when asked for

        return run_on_dask(jobs, options.engine, options.lemmatize, bar)
    workers = resolve_n_jobs(options.n_jobs)
    batches = make_batches(jobs, workers) if workers > 1 and len(jobs) > 1 else []
    if len(batches) > 1:
        return _run_pool(batches, options.lemmatize, workers, bar)
    return _run_here(jobs, options.lemmatize, bar)


def _read_all_cached(paths: Sequence[Path | None]) -> list[pa.Table | None]:
    """Cached tables (``None`` where missing or unusable), read one after the
    other: an entry costs about 30 µs, less than handing it to a thread."""
    return [read_cached(path) if path is not None else None for path in paths]


def run_jobs(jobs: Sequence[DocumentJob], options: RunOptions) -> list[pa.Table]:
    """The Arrow table of every job, in order: cached ones read from disk
    (when ``options.cache_root`` is set), the rest computed and then cached
    (the only place the cache is written; a write that fails turns caching
    off for the rest of the run, with one warning)."""
    check_engine(options.engine)
    resolve_n_jobs(options.n_jobs)
    paths: list[Path | None] = [None] * len(jobs)
    if options.cache_root is not None:
        store = TokenCache.open(options.cache_root, options.kinds, options.lemmatize)
        paths = [store.path(job) for job in jobs]
    results = _read_all_cached(paths)
    todo = [k for k, table in enumerate(results) if table is None]
    bar = progress_bar(len(jobs), options.progress)
    writable = True
    try:
        bar.update(len(jobs) - len(todo))
        for k, table in zip(todo, _compute([jobs[k] for k in todo], options, bar), strict=True):
            results[k] = table
            if paths[k] is not None and writable:
                writable = write_cached(paths[k], table)
    finally:
        bar.close()
    return results  # type: ignore[return-value]
