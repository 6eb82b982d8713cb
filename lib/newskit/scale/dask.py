"""Tokenization and counting on a Dask cluster (``engine="dask"``).

Which cluster:

1. a ``distributed.Client`` passed as ``engine`` (any cluster you built);
2. a scheduler address passed as ``engine`` (``"tcp://host:8786"``) or set
   in ``$NEWSKIT_DASK_SCHEDULER`` (with ``engine="dask"``): a real cluster;
3. otherwise an embedded ``LocalCluster(processes=True, n_workers=2,
   threads_per_worker=1)``, started on first use, reused for the session
   and closed at exit (or by :func:`close_embedded_cluster`).

The embedded cluster (:func:`make_local_cluster`) listens on 127.0.0.1 only:
scheduler, nannies, workers and the dashboard (on a free loopback port,
``client.dashboard_link``); nothing of it is reachable from another machine.
It leaves this process's environment alone: distributed's own ``Nanny``
writes its pre-spawn variables (``PYTHONHASHSEED=6640``,
``OMP_NUM_THREADS``, …) into ``os.environ`` of the process that runs it —
the caller's — before every worker start; :class:`EnvironmentKeepingNanny`
hands them to the worker once it runs instead.  (The workers' hash seed is
then random unless the caller set one; no result of the kit depends on it.)

A run waits for its results only while the scheduler has workers: with no
worker at all for :func:`newskit.config.no_worker_seconds` (default 120 s,
``$NEWSKIT_DASK_NO_WORKER_SECONDS``), it is cancelled with an
:class:`~newskit.errors.EngineError` saying so, instead of waiting for ever.

One thread per worker: fugashi holds the GIL while MeCab runs, so more
threads in one worker add no speed.  Workers must have ``newskit`` (same
version) installed; the embedded cluster uses this interpreter.  Tokenized
tables come back to this process in order; the cache (``cache=True``) is
read and written by the dispatcher (:mod:`newskit.scale.run`), so workers
need no access to ``data/processed``.  For counting, see
:mod:`newskit.scale.streaming`: partitions are reduced on the
cluster and only count tables travel.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import dask.bag
import pyarrow as pa
from distributed import Client, Future, LocalCluster, Nanny, as_completed

from newskit.config import NO_WORKER_SECONDS_ENV, SCHEDULER_ENV, no_worker_seconds
from newskit.errors import ArgumentError, EngineError
from newskit.scale.pool import make_batches, run_batch
from newskit.text.table import DocumentJob

__all__ = ["EMBEDDED_WORKERS", "LOOPBACK", "EnvironmentKeepingNanny", "close_embedded_cluster", "get_client",
           "make_local_cluster", "reduce_on_dask", "run_on_dask", "wait_for_futures"]
#: Shape of the embedded cluster.
EMBEDDED_WORKERS = 2
#: The only address the embedded cluster listens on.
LOOPBACK = "127.0.0.1"
#: Seconds between looks at the scheduler while a run waits, and between
#: looks at the finished futures when none has finished.
POLL_SECONDS = 1.0
IDLE_SECONDS = 0.05

_EMBEDDED: dict[str, Any] = {}
_CONNECTED: dict[str, Client] = {}


#: Set in ``os.environ`` by distributed before each worker start (it only
#: decides whether workers retitle their process).
PARENT_PID_VARIABLE = "__DASK_PARENT_PID"


class EnvironmentKeepingNanny(Nanny):
    """A ``Nanny`` that leaves this process's ``os.environ`` as it found it:
    its pre-spawn variables travel with the worker's own environment
    (``env``, applied inside the worker process) instead, and the
    process-title marker distributed sets for a start is removed again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.env = {**self.pre_spawn_env, **self.env}
        self.pre_spawn_env = {}

    async def instantiate(self) -> Any:
        """Start the worker process, then restore the marker variable (when
        the last of the nannies starting at the same time is done: each sets
        it, so the value to restore is the one before the first began)."""
        with _STARTS["lock"]:
            if _STARTS["running"] == 0:
                _STARTS["before"] = os.environ.get(PARENT_PID_VARIABLE)
            _STARTS["running"] += 1
        try:
            return await super().instantiate()
        finally:
            with _STARTS["lock"]:
                _STARTS["running"] -= 1
                if _STARTS["running"] == 0:
                    _restore_variable(PARENT_PID_VARIABLE, _STARTS["before"])


#: Nanny starts under way (in any thread) and the marker's value before them.
_STARTS: dict[str, Any] = {"lock": threading.Lock(), "running": 0, "before": None}


def _restore_variable(name: str, value: str | None) -> None:
    """Set ``os.environ[name]`` back to ``value`` (``None``: absent)."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def make_local_cluster(n_workers: int = EMBEDDED_WORKERS) -> LocalCluster:
    """A ``LocalCluster`` of ``n_workers`` one-thread worker processes bound
    to 127.0.0.1 only (dashboard on a free loopback port), leaving this
    process's environment untouched: the embedded cluster, and the one the
    tests use."""
    return LocalCluster(processes=True, n_workers=n_workers, threads_per_worker=1, host=LOOPBACK,
                        dashboard_address=f"{LOOPBACK}:0", worker_dashboard_address=f"{LOOPBACK}:0",
                        worker_class=EnvironmentKeepingNanny)


def _embedded_client() -> Client:
    """The session's embedded two-process cluster (started once)."""
    client = _EMBEDDED.get("client")
    if client is None or client.status in ("closing", "closed"):
        cluster = make_local_cluster()
        client = Client(cluster, set_as_default=False)
        _EMBEDDED.update(cluster=cluster, client=client)
    return client


def close_embedded_cluster() -> None:
    """Shut the embedded cluster down (it restarts on next use)."""
    client, cluster = _EMBEDDED.pop("client", None), _EMBEDDED.pop("cluster", None)
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


atexit.register(close_embedded_cluster)


def _connect(address: str) -> Client:
    """A client of the scheduler at ``address`` (one per address)."""
    client = _CONNECTED.get(address)
    if client is None or client.status in ("closing", "closed"):
        client = _CONNECTED[address] = Client(address, set_as_default=False)
    return client


def get_client(engine: Any = "dask") -> Client:
    """Resolve ``engine`` to a client (see the module docstring)."""
    if isinstance(engine, Client):
        return engine
    if isinstance(engine, str) and "://" in engine:
        return _connect(engine)
    if engine == "dask":
        address = os.environ.get(SCHEDULER_ENV, "").strip()
        return _connect(address) if address else _embedded_client()
    raise ArgumentError(f"unknown engine {engine!r}: use 'local', 'dask', a scheduler address "
                     "('tcp://host:8786') or a distributed.Client")


def _live_workers(client: Client) -> int:
    """Workers attached to the client's scheduler now (0 when the scheduler
    cannot be asked)."""
    try:
        return len(client.scheduler_info(n_workers=-1).get("workers", {}))
    except (OSError, TimeoutError, RuntimeError):
        return 0


def _worker_count(client: Client) -> int:
    """Workers currently attached to the client's scheduler (at least 1)."""
    return max(1, _live_workers(client))


def wait_for_futures(client: Client, futures: Sequence[Future], on_done: Callable[[Future], None]) -> None:
    """Wait until every future is finished, calling ``on_done`` for each as
    it finishes; raise :class:`EngineError` (after cancelling them) when the
    scheduler has had no worker for :func:`newskit.config.no_worker_seconds`."""
    finished, limit = as_completed(futures, loop=client.loop), no_worker_seconds()
    looked, alone_since = time.monotonic(), None
    while not finished.is_empty():
        batch = finished.next_batch(block=False)
        for future in batch:
            on_done(future)
        if batch or time.monotonic() - looked < POLL_SECONDS:
            time.sleep(0 if batch else IDLE_SECONDS)
            continue
        looked = time.monotonic()
        if _live_workers(client):
            alone_since = None
        elif alone_since is None:
            alone_since = looked
        elif looked - alone_since >= limit:
            unfinished = [future for future in futures if not future.done()]
            client.cancel(unfinished)
            raise EngineError(
                f"the Dask scheduler {client.scheduler.address} has had no worker for {limit:.0f} s; "
                f"{len(unfinished)} of {len(futures)} tasks unfinished were cancelled. Start workers "
                f"(dask worker {client.scheduler.address}), or run with engine='local'; the wait is set by "
                f"{NO_WORKER_SECONDS_ENV}")


def _closing_embedded(client: Client, error: EngineError) -> EngineError:
    """Close the embedded cluster when it is the one without workers, so the
    next call starts a fresh one; say so in the error."""
    if client is _EMBEDDED.get("client"):
        close_embedded_cluster()
        return EngineError(f"{error} (the embedded cluster was closed; the next engine='dask' call starts a new one)")
    return error


def run_on_dask(jobs: Sequence[DocumentJob], engine: Any, lemmatize: bool | None, bar: Any) -> list[pa.Table]:
    """Tables of ``jobs`` in order, computed on the cluster ``engine`` names."""
    if not jobs:
        return []
    client = get_client(engine)
    batches = make_batches(list(jobs), _worker_count(client))
    futures = client.map(run_batch, batches, lemmatize=lemmatize, pure=False)
    sizes = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
    try:
        wait_for_futures(client, futures, lambda future: bar.update(sizes[future.key]))
    except EngineError as exc:
        raise _closing_embedded(client, exc) from None
    return [table for batch in client.gather(futures) for table in batch]


def reduce_on_dask(items: Sequence[Any], perpartition: Callable, aggregate: Callable,
                   engine: Any = "dask", partition_size: int = 64) -> Any:
    """Map ``perpartition`` over partitions of ``items`` and reduce the
    results with ``aggregate`` as a tree (eight at a time) on the cluster:
    a ``dask.bag`` reduction, so no worker ever holds more than one
    partition's tokens and only the final result comes back."""
    client = get_client(engine)
    bag = dask.bag.from_sequence(list(items), partition_size=max(1, partition_size))
    future = client.compute(bag.reduction(perpartition, aggregate, split_every=8))
    try:
        wait_for_futures(client, [future], lambda _: None)
    except EngineError as exc:
        raise _closing_embedded(client, exc) from None
    return future.result()
