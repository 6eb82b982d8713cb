"""The process pool: ``n_jobs`` warm worker processes, one MeCab tagger each.

Documents are sent in batches of roughly equal text length and results come
back in submission order, so the table is identical to the single-process
one.  The pool is kept for the session (a new worker spends about a second
loading simplemma's lexicons) and replaced when another size is asked for;
:func:`shutdown_pool` frees it.

Start method: ``forkserver`` where available (Linux, macOS), else ``spawn``.
``fork`` is faster to start but copies the parent mid-flight: in a Jupyter
kernel (ZMQ and history threads), next to a Dask client, or with tqdm's
monitor thread, a lock held by another thread at fork time can deadlock the
child, and Python 3.12+ warns about exactly that.  The fork server is a clean
single-threaded process started once per session; it preloads pandas,
pyarrow and fugashi (:data:`PRELOAD`), so each worker starts in milliseconds.
As with ``spawn``, a script that uses ``n_jobs`` must guard its entry point
with ``if __name__ == "__main__":`` (notebooks need nothing).

Workers exit when the process that made the pool dies, however it dies
(SIGKILL of a kernel included): each watches that process from a thread
(:func:`watch_parent`; a pidfd on Linux, a poll elsewhere).  Without it they
waited on their task queue for ever, and so did the fork server and the
resource tracker, which live exactly as long as some worker does.
"""

from __future__ import annotations

import atexit
import errno
import multiprocessing
import operator
import os
import select
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pyarrow as pa

from newskit.errors import ArgumentError, EngineError
from newskit.text.table import DocumentJob, tokenize_job

__all__ = ["available_cores", "make_batches", "pool_map", "resolve_n_jobs", "run_batch", "shutdown_pool",
           "watch_parent"]

#: Start method of worker processes (see the module docstring).
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
#: Modules the fork server imports once, before forking workers.
PRELOAD = ["newskit.scale.pool"]
#: Batches per worker: enough to balance uneven documents, few enough that
#: inter-process overhead stays negligible.
BATCHES_PER_WORKER = 8
MIN_BATCH_CHARS = 20_000
#: Seconds between looks at the parent where no pidfd can watch it.
PARENT_POLL_SECONDS = 0.5


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_n_jobs(n_jobs: int) -> int:
    """Worker count for ``n_jobs`` (joblib style: -1 all cores, -2 all but one)."""
    try:
        n_jobs = operator.index(n_jobs)
    except TypeError:
        raise ArgumentError(f"n_jobs must be an integer (1: this process, -1: all cores), got {n_jobs!r}") from None
    if n_jobs == 0:
        raise ArgumentError("n_jobs must be a non-zero integer (1: this process, -1: all cores), got 0")
    if n_jobs < 0:
        return max(1, available_cores() + 1 + n_jobs)
    return n_jobs


def make_batches(jobs: Sequence[DocumentJob], workers: int) -> list[list[DocumentJob]]:
    """Consecutive jobs grouped into batches of about equal text length."""
    total = sum(job.n_chars for job in jobs)
    target = max(MIN_BATCH_CHARS, total // max(1, workers * BATCHES_PER_WORKER))
    batches: list[list[DocumentJob]] = []
    size = 0
    for job in jobs:
        if not batches or size >= target:
            batches.append([])
            size = 0
        batches[-1].append(job)
        size += job.n_chars
    return batches


def run_batch(batch: Sequence[DocumentJob], lemmatize: bool | None) -> list[pa.Table]:
    """Tokenize a batch of jobs (in whatever process runs it)."""
    return [tokenize_job(job, lemmatize) for job in batch]


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (``PermissionError``: it does)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exit_when_gone(pid: int) -> None:
    """Block until process ``pid`` has exited, then end this process at once
    (``os._exit``: nothing of a dead parent's work is worth finishing)."""
    try:
        fd = os.pidfd_open(pid)  # Linux >= 5.3: readable once the process has exited
    except OSError as exc:
        if exc.errno == errno.ESRCH:
            os._exit(1)
        fd = None
    except AttributeError:
        fd = None
    if fd is not None:
        select.select([fd], [], [])
    else:
        while _alive(pid):
            time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def watch_parent(pid: int) -> None:
    """Worker initializer: a daemon thread ends this worker as soon as
    process ``pid`` (the one that made the pool) is gone.  The parent of a
    fork-server worker is the fork server, so the pid is passed in rather
    than read from ``os.getppid()``."""
    threading.Thread(target=_exit_when_gone, args=(pid,), name="newskit-watch-parent", daemon=True).start()


def _pool_context() -> multiprocessing.context.BaseContext:
    """The multiprocessing context of :data:`START_METHOD`."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return context


_POOL: dict[str, Any] = {}


def _get_pool(workers: int) -> ProcessPoolExecutor:
    """The session's worker pool, kept between calls so that workers stay
    warm (tagger built, lexicons and word memos loaded).  Asking for a
    different size replaces it; :func:`shutdown_pool` frees it."""
    if _POOL.get("workers") != workers:
        shutdown_pool()
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=watch_parent,
                                   initargs=(os.getpid(),))
        _POOL.update(pool=pool, workers=workers)
    return _POOL["pool"]


def shutdown_pool() -> None:
    """Stop the worker processes of the session pool (they restart on demand)."""
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
        yield from _get_pool(workers).map(fn, items)
    except BrokenProcessPool as exc:
        shutdown_pool()
        raise EngineError(
            "a newskit worker process died. In a script, call tokenize_corpus(n_jobs=...) under "
            "`if __name__ == \"__main__\":` (workers re-import the main module); otherwise see the "
            "worker's traceback above") from exc
