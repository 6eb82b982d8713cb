"""Fixture of the crosslingual tests (imported by the test modules, not a
conftest.py, which would shadow the root one).  They reuse the entity-discovery fixture corpus: its
11 articles report 3 events in 3 languages each, plus 2 unrelated ones."""

from __future__ import annotations

from pathlib import Path

import pytest

import newskit

NEWS = Path(__file__).resolve().parents[1] / "data" / "entities" / "news"


@pytest.fixture(scope="session")
def story_inputs():
    """(corpus, gazetteer mentions, discovered names) of the fixture corpus."""
    from newskit.entities.discover import discover_entities
    corpus = newskit.load_corpus(NEWS)
    gazetteer = newskit.load_gazetteer(NEWS.parent / "gazetteer.csv", extends=None)
    mentions = newskit.find_mentions(corpus, kinds=newskit.TEXT_KINDS, gazetteer=gazetteer)
    return corpus, mentions, discover_entities(corpus, gazetteer=gazetteer)
