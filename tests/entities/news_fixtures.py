"""Fixtures of the entity-discovery tests (imported by the test modules; a
conftest.py here would shadow the root conftest module they import): the 11 fictional articles of
``tests/data/entities/news`` and their small gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

import newskit

NEWS = Path(__file__).resolve().parents[1] / "data" / "entities" / "news"
GAZETTEER = NEWS.parent / "gazetteer.csv"


@pytest.fixture(scope="session")
def news():
    """The fixture corpus (3 events x 3 languages + 2 unrelated articles)."""
    return newskit.load_corpus(NEWS)


@pytest.fixture(scope="session")
def news_gazetteer():
    """The fixture gazetteer (Nvidia, Google, Claude, OpenAI, Meta) with its rules."""
    return newskit.load_gazetteer(GAZETTEER, extends=None)


@pytest.fixture(scope="session")
def discovered(news, news_gazetteer):
    """discover_entities on the fixture corpus."""
    from newskit.entities.discover import discover_entities
    return discover_entities(news, gazetteer=news_gazetteer)
