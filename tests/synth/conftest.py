"""Shared generated corpora for the synth tests (built once per session)."""

from __future__ import annotations

import pytest

from newskit.synth import build_articles, generate_corpus


@pytest.fixture(scope="session")
def articles_1000():
    """1,000 articles in memory, seed 0 (default spec)."""
    return build_articles(1000, seed=0)


@pytest.fixture(scope="session")
def corpus_40(tmp_path_factory):
    """A 40-article corpus folder with every export."""
    from newskit.synth import CorpusSpec

    root = tmp_path_factory.mktemp("synth") / "corpus40"
    return generate_corpus(root, n_articles=40, seed=7, spec=CorpusSpec(exports=("jsonl", "csv", "parquet", "html")))
