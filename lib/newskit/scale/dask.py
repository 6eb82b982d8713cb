"""Tokenization and counting on a Dask cluster (``engine="dask"``).

Which cluster:

1. a ``distributed.Client`` passed as ``engine`` (any cluster you built);
2. a scheduler address passed as ``engine`` (``"tcp://host:8786"``) or set
   in ``$NEWSKIT_DASK_SCHEDULER`` (with ``engine="dask"``): a real cluster;
3. otherwise an embedded ``LocalCluster(processes=True, n_workers=2,
   threads_per_worker=1)``, started on first use, reused for the session
   and closed at exit (or by :func:`close_embedded_cluster`).

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
from collections.abc import Callable, Sequence
from typing import Any

import dask.bag
import pyarrow as pa
from distributed import Client, LocalCluster, as_completed

from newskit.config import SCHEDULER_ENV
from newskit.errors import ArgumentError
from newskit.scale.pool import make_batches, run_batch
from newskit.text.table import DocumentJob

__all__ = ["EMBEDDED_WORKERS", "close_embedded_cluster", "get_client", "reduce_on_dask", "run_on_dask"]
#: Shape of the embedded cluster.
EMBEDDED_WORKERS = 2

_EMBEDDED: dict[str, Any] = {}
_CONNECTED: dict[str, Client] = {}


def embedded_client() -> Client:
    """The session's embedded two-process ``LocalCluster`` (started once)."""
    client = _EMBEDDED.get("client")
    if client is None or client.status in ("closing", "closed"):
        cluster = LocalCluster(processes=True, n_workers=EMBEDDED_WORKERS, threads_per_worker=1,
                               dashboard_address=":0")
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


def connect(address: str) -> Client:
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
        return connect(engine)
    if engine == "dask":
        address = os.environ.get(SCHEDULER_ENV, "").strip()
        return connect(address) if address else embedded_client()
    raise ArgumentError(f"unknown engine {engine!r}: use 'local', 'dask', a scheduler address "
                     "('tcp://host:8786') or a distributed.Client")


def worker_count(client: Client) -> int:
    """Workers currently attached to the client's scheduler (at least 1)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


def run_on_dask(jobs: Sequence[DocumentJob], engine: Any, lemmatize: bool | None, bar: Any) -> list[pa.Table]:
    """Tables of ``jobs`` in order, computed on the cluster ``engine`` names."""
    if not jobs:
        return []
    client = get_client(engine)
    batches = make_batches(list(jobs), worker_count(client))
    futures = client.map(run_batch, batches, lemmatize=lemmatize, pure=False)
    sizes = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
    for future in as_completed(futures, loop=client.loop):
        bar.update(sizes[future.key])
    return [table for batch in client.gather(futures) for table in batch]


def reduce_on_dask(items: Sequence[Any], perpartition: Callable, aggregate: Callable,
                   engine: Any = "dask", partition_size: int = 64) -> Any:
    """Map ``perpartition`` over partitions of ``items`` and reduce the
    results with ``aggregate`` as a tree (eight at a time) on the cluster:
    a ``dask.bag`` reduction, so no worker ever holds more than one
    partition's tokens and only the final result comes back."""
    client = get_client(engine)
    bag = dask.bag.from_sequence(list(items), partition_size=max(1, partition_size))
    reduced = bag.reduction(perpartition, aggregate, split_every=8)
    return client.compute(reduced).result()
