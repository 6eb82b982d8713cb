"""Running tokenization jobs: in-process, in a process pool, or on Dask,
with the on-disk cache and a progress bar.

Process pool
    ``n_jobs`` worker processes (``-1``: every core this process may use),
    each with its own MeCab tagger (``newskit.ja.get_tagger`` is cached per
    process).  Documents are sent in batches of roughly equal text length
    and results come back in submission order, so the table is identical to
    the single-process one.  The pool is kept for the session (warm workers:
    a new worker spends about a second loading simplemma's lexicons) and
    replaced when another size is asked for; :func:`shutdown_pool` frees it.

Start method: ``forkserver`` where available (Linux, macOS), else ``spawn``.
    ``fork`` is faster to start but copies the parent mid-flight: in a
    Jupyter kernel (ZMQ and history threads), next to a Dask client, or
    with tqdm's monitor thread, a lock held by another thread at fork time
    can deadlock the child, and Python 3.12+ warns about exactly that.  The
    fork server is a clean single-threaded process started once per session;
    it preloads pandas, pyarrow and fugashi (:data:`PRELOAD`), so each
    worker starts in milliseconds.  As with ``spawn``, a script that uses
    ``n_jobs`` must guard its entry point with ``if __name__ == "__main__":``
    (notebooks need nothing).
"""

from __future__ import annotations

import atexit
import importlib.util
import multiprocessing
import operator
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from newskit.cache import TokenCache, read_cached, write_cached
from newskit.tokentable import DocumentJob, tokenize_job

#: Start method of worker processes (see the module docstring).
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
#: Modules the fork server imports once, before forking workers.
PRELOAD = ["newskit.parallel"]
#: ``progress=None`` shows a bar for more documents than this.
AUTO_PROGRESS_MIN = 50
#: Batches per worker: enough to balance uneven documents, few enough that
#: inter-process overhead stays negligible.
BATCHES_PER_WORKER = 8
MIN_BATCH_CHARS = 20_000

#: One unit of work: a job and where to cache its table (``None``: nowhere).
Task = tuple[DocumentJob, Path | None]


@dataclass(frozen=True)
class RunOptions:
    """How :func:`run_jobs` runs: tokenizer options, then execution ones."""

    kinds: tuple[str, ...] = ()
    lemmatize: bool | None = None
    n_jobs: int = 1
    engine: Any = "local"
    progress: bool | None = None
    cache_root: Path | None = None


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_n_jobs(n_jobs: int) -> int:
    """Worker count for ``n_jobs`` (joblib style: -1 all cores, -2 all but one)."""
    n_jobs = operator.index(n_jobs)
    if n_jobs == 0:
        raise ValueError("n_jobs must be a non-zero integer (1: this process, -1: all cores), got 0")
    if n_jobs < 0:
        return max(1, available_cores() + 1 + n_jobs)
    return n_jobs


def check_engine(engine: Any) -> None:
    """Reject a misspelt engine before any work (a ``distributed.Client``
    or other object is checked by :func:`newskit.dask.get_client`)."""
    if isinstance(engine, str) and engine not in ("local", "dask") and "://" not in engine:
        raise ValueError(f"unknown engine {engine!r}: use 'local', 'dask', a scheduler address "
                         "('tcp://host:8786') or a distributed.Client")


def in_notebook() -> bool:
    """True inside a Jupyter kernel."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


class NoProgress:
    """Stands in for a tqdm bar that is not shown."""

    def update(self, n: int = 1) -> None:
        """Ignore progress."""

    def close(self) -> None:
        """Nothing to close."""


def progress_bar(total: int, progress: bool | None, desc: str = "tokenize") -> Any:
    """A tqdm bar over ``total`` documents, or :class:`NoProgress`.

    ``progress=None`` (auto) shows one for more than
    :data:`AUTO_PROGRESS_MIN` documents when stderr is a terminal or the code
    runs in a notebook; never in tests or logs otherwise."""
    if progress is None:
        terminal = sys.stderr is not None and sys.stderr.isatty()
        progress = total > AUTO_PROGRESS_MIN and (terminal or in_notebook())
    if not progress:
        return NoProgress()
    if in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.notebook import tqdm
    else:
        from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit="doc", smoothing=0.1)


def make_batches(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    """Consecutive tasks grouped into batches of about equal text length."""
    total = sum(job.n_chars for job, _ in tasks)
    target = max(MIN_BATCH_CHARS, total // max(1, workers * BATCHES_PER_WORKER))
    batches: list[list[Task]] = []
    size = 0
    for task in tasks:
        if not batches or size >= target:
            batches.append([])
            size = 0
        batches[-1].append(task)
        size += task[0].n_chars
    return batches


def run_batch(batch: Sequence[Task], lemmatize: bool | None) -> list[pa.Table]:
    """Tokenize a batch (in whatever process runs it) and cache each table."""
    tables = []
    for job, path in batch:
        table = tokenize_job(job, lemmatize)
        if path is not None:
            write_cached(path, table)
        tables.append(table)
    return tables


def pool_context() -> multiprocessing.context.BaseContext:
    """The multiprocessing context of :data:`START_METHOD`."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return context


_POOL: dict[str, Any] = {}


def get_pool(workers: int) -> ProcessPoolExecutor:
    """The session's worker pool, kept between calls so that workers stay
    warm (tagger built, lexicons and word memos loaded: each new worker
    spends ~1 s loading the German and Indonesian simplemma lexicons).
    Asking for a different size replaces it; :func:`shutdown_pool` frees it."""
    if _POOL.get("workers") != workers:
        shutdown_pool()
        _POOL.update(pool=ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()), workers=workers)
    return _POOL["pool"]


def shutdown_pool() -> None:
    """Stop the worker processes of :func:`get_pool` (they restart on demand)."""
    pool = _POOL.pop("pool", None)
    _POOL.pop("workers", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pool)


def pool_map(fn: Any, items: Sequence[Any], workers: int) -> Iterator[Any]:
    """``fn`` over ``items`` on the session pool, results in order.  A pool
    whose worker died is discarded (the next call starts a fresh one) and
    the error says what usually causes it."""
    try:
        yield from get_pool(workers).map(fn, items)
    except BrokenProcessPool as exc:
        shutdown_pool()
        raise RuntimeError(
            "a newskit worker process died. In a script, call tokenize_corpus(n_jobs=...) under "
            "`if __name__ == \"__main__\":` (workers re-import the main module); otherwise see the "
            "worker's traceback above") from exc


def run_pool(batches: Sequence[list[Task]], lemmatize: bool | None, workers: int,
             bar: Any) -> Iterator[pa.Table]:
    """Run batches on the worker pool; tables come back in task order."""
    for batch, tables in zip(batches, pool_map(partial(run_batch, lemmatize=lemmatize), batches, workers),
                              strict=True):
        bar.update(len(batch))
        yield from tables


def compute(tasks: Sequence[Task], options: RunOptions, bar: Any) -> Iterable[pa.Table]:
    """Tables of ``tasks`` in order, on the engine ``options`` names."""
    if options.engine != "local":
        from newskit.dask import run_on_dask  # dask loads only when asked for

        return run_on_dask(tasks, options, bar)
    workers = resolve_n_jobs(options.n_jobs)
    batches = make_batches(tasks, workers) if workers > 1 and len(tasks) > 1 else []
    if len(batches) > 1:
        return run_pool(batches, options.lemmatize, workers, bar)
    return (table for task in tasks for table in run_and_count([task], options.lemmatize, bar))


def run_and_count(batch: Sequence[Task], lemmatize: bool | None, bar: Any) -> list[pa.Table]:
    """:func:`run_batch` in this process, advancing the progress bar."""
    tables = run_batch(batch, lemmatize)
    bar.update(len(batch))
    return tables


def read_all_cached(paths: Sequence[Path | None]) -> list[pa.Table | None]:
    """Cached tables (``None`` where missing), read on a few threads:
    Parquet reading releases the GIL and each small file costs ~1.5 ms of
    mostly metadata work."""
    def read(path: Path | None) -> pa.Table | None:
        return read_cached(path) if path is not None else None

    if len(paths) < 32:
        return [read(path) for path in paths]
    with ThreadPoolExecutor(max_workers=min(8, 2 * available_cores())) as threads:
        return list(threads.map(read, paths))


def run_jobs(jobs: Sequence[DocumentJob], options: RunOptions) -> list[pa.Table]:
    """The Arrow table of every job, in order: cached ones read from disk
    (when ``options.cache_root`` is set), the rest computed and cached."""
    check_engine(options.engine)
    resolve_n_jobs(options.n_jobs)
    paths: list[Path | None] = [None] * len(jobs)
    if options.cache_root is not None:
        store = TokenCache.open(options.cache_root, options.kinds, options.lemmatize)
        paths = [store.path(job) for job in jobs]
    results = read_all_cached(paths)
    todo = [k for k, table in enumerate(results) if table is None]
    tasks: list[Task] = [(jobs[k], paths[k]) for k in todo]
    bar = progress_bar(len(jobs), options.progress)
    try:
        bar.update(len(jobs) - len(tasks))
        for k, table in zip(todo, compute(tasks, options, bar), strict=True):
            results[k] = table
    finally:
        bar.close()
    return results  # type: ignore[return-value]
