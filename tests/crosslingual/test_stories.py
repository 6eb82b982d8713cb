"""group_stories on 3 events x 3 languages + 2 unrelated articles."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import newskit
from newskit.crosslingual.stories import STORY_COLUMNS, group_stories

from tests.crosslingual.story_fixtures import story_inputs  # noqa: F401 (fixture)

EVENTS = [{"a-id", "a-ja", "a-en"}, {"b-ja", "b-de", "b-en"}, {"c-ja", "c-de", "c-id"}]


def stories_of(table) -> list[set[str]]:
    """The stories as sets of doc ids."""
    return [set(g) for _s, g in table.groupby("story_id")["doc_id"]]


@pytest.mark.parametrize("use_discovered", [
    # gazetteer entities + discovered keys (ジェンスン・フアン = Jensen Huang) + quantities
    True,
    # the gazetteer alone still groups them: shared known names and normalised amounts
    False,
])
def test_three_events_two_singletons(story_inputs, use_discovered):
    corpus, mentions, discovered = story_inputs
    table = group_stories(corpus, mentions=mentions, discovered=discovered if use_discovered else False)
    assert list(table.columns) == STORY_COLUMNS
    found = stories_of(table)
    for event in EVENTS:
        assert event in found
    # u-en shares Nvidia with A and B and its date with C; u-id shares Jakarta and
    # its date with A: each is still its own story
    assert {"u-en"} in found and {"u-id"} in found
    assert table.set_index("doc_id").at["u-en", "n_docs"] == 1
    assert table.set_index("doc_id").at["u-en", "score"] == 0


def test_without_dates_and_ids_are_deterministic(story_inputs):
    corpus, mentions, discovered = story_inputs
    undated = SimpleNamespace(documents=corpus.documents.drop(columns="published"), paragraphs=corpus.paragraphs)
    table = group_stories(undated, mentions=mentions, discovered=discovered)
    # no dates: the three events are still found (names and amounts suffice here)
    for event in EVENTS:
        assert event in stories_of(table)
    # ids follow the corpus order of each story's first document
    assert table["story_id"].iloc[0] == "story-001"
    assert table.equals(group_stories(undated, mentions=mentions, discovered=discovered))


def test_time_decay_splits_far_apart_reports(story_inputs):
    # a one-day window with a high threshold: A's reports are 0-1 days apart and stay
    # together only if their similarity survives exp(-1/1) = 0.37; the lower-scoring
    # pairs fall apart, so A no longer forms one story of three
    corpus, mentions, discovered = story_inputs
    table = group_stories(corpus, mentions=mentions, discovered=discovered, window_days=1, threshold=0.3)
    assert {"a-id", "a-ja", "a-en"} not in stories_of(table)


@pytest.mark.parametrize("options", [{"threshold": 0}, {"threshold": 1.5}, {"window_days": 0}])
def test_bad_options(story_inputs, options):
    corpus, mentions, discovered = story_inputs
    with pytest.raises(newskit.ArgumentError):
        group_stories(corpus, mentions=mentions, discovered=discovered, **options)


def dense_pairs(matrix, days, threshold, window_days):
    """The N × N reference _linked_pairs must equal: every cell, then the threshold."""
    import numpy as np
    similarity = (matrix @ matrix.T).toarray()
    if days is not None:
        delta = np.abs(days[:, None] - days[None, :])
        similarity = similarity * np.where(np.isnan(delta), 1.0, np.exp(-np.nan_to_num(delta) / window_days))
    np.fill_diagonal(similarity, 0)
    i, j = np.nonzero(similarity >= threshold)
    return i, j, similarity[i, j]


@pytest.mark.parametrize("block_cells, dated", [
    # one row at a time (the smallest block), with dates: every block boundary crossed
    (1, True),
    # a few rows per block, some dates missing (factor 1 for those pairs)
    (150, "some"),
    # everything in one block, no dates
    (10**9, False),
])
def test_blocked_pairs_equal_the_dense_product(monkeypatch, block_cells, dated):
    import numpy as np
    from scipy import sparse
    from newskit.crosslingual import stories
    rng = np.random.default_rng(7)
    matrix = sparse.random(60, 40, density=0.08, random_state=rng, format="csr")
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    matrix = sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)
    days = None if dated is False else rng.uniform(0, 20, 60)
    if dated == "some":
        days[::4] = np.nan
    monkeypatch.setattr(stories, "BLOCK_CELLS", block_cells)
    got = stories._linked_pairs(matrix, days, 0.25, 7.0)
    want = dense_pairs(matrix, days, 0.25, 7.0)
    assert len(want[0]) > 10  # the case links something
    order = np.lexsort((got[1], got[0]))
    assert np.array_equal(got[0][order], want[0]) and np.array_equal(got[1][order], want[1])
    assert np.allclose(got[2][order], want[2], rtol=0, atol=1e-12)
