"""The Dask engine gives the same tables and counts as the local one.

One small two-worker LocalCluster serves the whole module and is closed at
the end; the embedded cluster of ``engine="dask"`` is never started here."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import newskit
from newskit.scale import dask as newskit_dask
from newskit.scale.cache import cache_dir
from newskit.entities import count_mentions, find_mentions
from newskit.analysis.frequency import count_terms
from newskit.scale.streaming import StreamOptions, count_mentions_streaming, count_terms_streaming

from tests.builders import DATA

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
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
