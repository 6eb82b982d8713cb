"""Shared fixtures: the real corpus is loaded and tokenized once per session.

Builders and paths shared by test modules live in :mod:`tests.builders`.
"""

from __future__ import annotations

import pytest

import newskit
from tests.builders import DATA


@pytest.fixture(scope="session")
def corpus():
    """The project corpus (five seed articles)."""
    return newskit.load_corpus(DATA)


@pytest.fixture(scope="session")
def tokens(corpus):
    """Token table of the project corpus."""
    return newskit.tokenize_corpus(corpus)
