"""The Dask engine gives the same tables and counts as the local one.

One small two-worker LocalCluster (``make_local_cluster``: the embedded
cluster's own settings, loopback only) serves the whole module and is
closed at the end.  The embedded cluster of ``engine="dask"`` is only
started in child processes (its sockets, the caller's environment, a run
whose every worker dies), so this process keeps no cluster of its own."""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import newskit
from newskit.scale import dask as newskit_dask
from newskit.scale.cache import cache_dir
from newskit.entities import count_mentions, find_mentions
from newskit.analysis.frequency import count_terms
from newskit.scale.streaming import StreamOptions, count_mentions_streaming, count_terms_streaming

from tests.builders import DATA, write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    with newskit_dask.make_local_cluster() as cluster:
        with distributed.Client(cluster, set_as_default=False) as client:
            yield client


def assert_same_table(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.attrs == expected.attrs


def test_tokenize_on_dask(client, corpus, tokens):
    assert_same_table(newskit.tokenize_corpus(corpus, engine=client, progress=False), tokens)


def test_tokenize_options_on_dask(client, corpus):
    expected = newskit.tokenize_corpus(corpus, kinds=("body", "source"), lemmatize=True, progress=False)
    assert_same_table(newskit.tokenize_corpus(corpus, kinds=("body", "source"), lemmatize=True, engine=client), expected)


def test_scheduler_address_and_environment(client, corpus, tokens, monkeypatch):
    address = client.scheduler.address
    try:
        assert_same_table(newskit.tokenize_corpus(corpus, engine=address), tokens)
        monkeypatch.setenv(newskit_dask.SCHEDULER_ENV, address)
        assert newskit_dask.get_client("dask").scheduler.address == address
        assert newskit_dask.get_client("dask") is newskit_dask.get_client(address)  # one client per address
    finally:
        newskit_dask._CONNECTED.pop(address).close()


def test_unknown_engine(corpus):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        newskit.tokenize_corpus(corpus, engine="spark")


def test_cache_on_dask(client, tmp_path, tokens):
    root = tmp_path / "corpus"
    shutil.copytree(DATA / "raw", root / "raw")
    shutil.copy(DATA / "catalog.csv", root / "catalog.csv")
    corpus = newskit.load_corpus(root)
    expected = newskit.tokenize_corpus(corpus)
    assert_same_table(newskit.tokenize_corpus(corpus, cache=True, engine=client), expected)
    assert len(list(cache_dir(root).rglob("*.tokens"))) == 5
    assert_same_table(newskit.tokenize_corpus(corpus, cache=True, engine=client), expected)


@pytest.mark.parametrize("by", ["doc_id", None])
def test_streaming_term_counts_on_dask(client, corpus, tokens, by):
    got = count_terms_streaming(corpus, by, engine=client, options=StreamOptions(docs_per_partition=1))
    pd.testing.assert_frame_equal(got, count_terms(tokens, by), check_exact=True)


def test_streaming_from_files_on_dask(client, tokens):
    got = count_terms_streaming(DATA, ["doc_id", "pos"], "surface", False, engine=client,
                                options=StreamOptions(docs_per_partition=2))
    pd.testing.assert_frame_equal(got, count_terms(tokens, ["doc_id", "pos"], "surface", False), check_exact=True)


def test_streaming_mention_counts_on_dask(client, corpus):
    expected = count_mentions(find_mentions(corpus, kinds=newskit.TEXT_KINDS), "doc_id", roll_up=True)
    got = count_mentions_streaming(corpus, "doc_id", roll_up=True, engine=client,
                                   options=StreamOptions(docs_per_partition=2))
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


# --- the embedded cluster (issue 10, items 3, 12, 14) ------------------------------------

#: Starts the embedded cluster in a fresh process and reports, as JSON, every
#: listening socket of that process and its workers, and every change to
#: os.environ: when the cluster started, and after a killed worker was
#: restarted by its nanny.
EMBEDDED_PROBE = textwrap.dedent("""
    import json, os, signal, time, psutil
    from newskit.scale import dask as nd

    def listening():
        me = psutil.Process()
        pids = {me.pid, *(p.pid for p in me.children(recursive=True))}
        return sorted({(c.laddr.ip, c.laddr.port) for c in psutil.net_connections(kind="inet")
                       if c.status == psutil.CONN_LISTEN and c.pid in pids})

    def changes(before):
        now = dict(os.environ)
        return {k: [before.get(k), now.get(k)] for k in set(before) | set(now) if before.get(k) != now.get(k)}

    if __name__ == "__main__":
        before = dict(os.environ)
        client = nd._embedded_client()
        report = {"sockets": listening(), "env_at_start": changes(before)}
        first = client.run(os.getpid)
        os.kill(next(iter(first.values())), signal.SIGKILL)  # its nanny starts a new worker
        deadline = time.monotonic() + 60
        now = first
        while time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                now = client.run(os.getpid)
            except Exception:  # the dead worker is still listed for a moment
                continue
            if len(now) == 2 and set(now.values()) != set(first.values()):
                break
        report.update(restarted=set(now.values()) != set(first.values()), sockets_after_restart=listening(),
                      env_after_restart=changes(before))
        nd.close_embedded_cluster()
        print(json.dumps(report))
""")


@pytest.fixture(scope="module")
def embedded_probe() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    done = subprocess.run([sys.executable, "-c", EMBEDDED_PROBE], capture_output=True, text=True,
                          timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_embedded_cluster_listens_on_loopback_only(embedded_probe):
    # the dashboard used to listen on 0.0.0.0 (so did the test cluster)
    for key in ("sockets", "sockets_after_restart"):
        sockets = embedded_probe[key]
        assert len(sockets) >= 5, sockets  # scheduler, dashboard, two workers and their nannies
        assert [s for s in sockets if not ipaddress.ip_address(s[0]).is_loopback] == [], sockets


def test_embedded_cluster_leaves_the_callers_environment_alone(embedded_probe):
    # starting the cluster used to set PYTHONHASHSEED=6640 (and __DASK_PARENT_PID) in the caller
    assert embedded_probe["env_at_start"] == {}
    assert embedded_probe["restarted"]  # a worker restart does not write into it either
    assert embedded_probe["env_after_restart"] == {}


#: Kills every worker of the embedded cluster while a run is under way, with
#: the nannies' restarts refused: the run used to wait for ever.  Then a new
#: call must start a fresh cluster and succeed.
NO_WORKERS = textwrap.dedent("""
    import os, signal, sys, threading, time
    import newskit
    from newskit.errors import EngineError
    from newskit.scale import dask as nd

    async def refuse():
        raise RuntimeError("restart refused by the test")

    def kill_when_busy(client, pids):
        deadline = time.monotonic() + 60
        while not any(client.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.01)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)

    if __name__ == "__main__":
        corpus = newskit.load_corpus(sys.argv[1])
        client = nd._embedded_client()
        for nanny in nd._EMBEDDED["cluster"].workers.values():
            nanny.instantiate = refuse
        killer = threading.Thread(target=kill_when_busy, args=(client, list(client.run(os.getpid).values())))
        killer.start()
        start = time.monotonic()
        try:
            newskit.tokenize_corpus(corpus, engine="dask", progress=False)
            print("FINISHED")
        except EngineError as exc:
            print(f"ENGINE-ERROR {time.monotonic() - start:.1f} {exc}")
        killer.join()
        again = newskit.tokenize_corpus(corpus, engine="dask", progress=False)
        print("RECOVERED" if again.equals(newskit.tokenize_corpus(corpus, progress=False)) else "DIFFERENT")
""")


@pytest.mark.slow
def test_run_without_workers_stops_with_a_clear_error(tmp_path):
    text = "マスク氏はxAIを設立した。" * 150_000  # about 2 M characters: seconds of work on one worker
    root = write_corpus(tmp_path, "doc_id,file,lang\na,raw/a.txt,ja\n", {"raw/a.txt": text.encode()})
    env = {**os.environ, "NEWSKIT_DASK_NO_WORKER_SECONDS": "3"}
    try:
        done = subprocess.run([sys.executable, "-c", NO_WORKERS, str(root)], capture_output=True, text=True,
                              timeout=240, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("tokenize_corpus(engine='dask') still waited after every worker died")
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("ENGINE-ERROR"), lines
    seconds = float(lines[0].split()[1])
    assert seconds < 60, lines[0]  # 3 s without workers (plus the time the work ran before the kill)
    assert "has had no worker for 3 s" in lines[0] and "NEWSKIT_DASK_NO_WORKER_SECONDS" in lines[0]
    assert "embedded cluster was closed" in lines[0]
    assert lines[1] == "RECOVERED"
