"""Shared fixtures: the real corpus is loaded and tokenized once per session.

Builders and paths shared by test modules live in :mod:`tests.builders`.
"""

from __future__ import annotations

import pytest

import newskit
from tests.builders import DATA, read_stats_table


@pytest.fixture(scope="session")
def corpus():
    """The project corpus (five seed articles)."""
    return newskit.load_corpus(DATA)


@pytest.fixture(scope="session")
def tokens(corpus):
    """Token table of the project corpus."""
    return newskit.tokenize_corpus(corpus)


@pytest.fixture(scope="module")
def toy_tokens():
    """The hand-made token table ``tests/data/stats_tokens.csv`` (the hand
    checks of the frequency, KWIC, position and plot tests refer to it)."""
    return read_stats_table("stats_tokens.csv")


@pytest.fixture(scope="module")
def toy_paragraphs():
    """The paragraphs of :func:`toy_tokens` (``stats_paragraphs.csv``)."""
    return read_stats_table("stats_paragraphs.csv")


@pytest.fixture(scope="module")
def toy_mentions():
    """The hand-made mention table ``stats_mentions.csv``."""
    return read_stats_table("stats_mentions.csv")
