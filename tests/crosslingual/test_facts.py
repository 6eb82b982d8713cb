"""story_facts and its views on event B (Sakana AI's funding round, ja/de/en):
one conflicting valuation (1.5 vs 1.6 billion USD), facts only one outlet
gives, one quote matched across languages by its speaker."""

from __future__ import annotations

import pytest

import newskit
from newskit.crosslingual.facts import (FACT_COLUMNS, conflicting_numbers, fact_matrix, find_quotes, story_facts,
                                        unique_facts)

from tests.crosslingual.story_fixtures import story_inputs  # noqa: F401 (fixture)

STORY = ["b-ja", "b-de", "b-en"]


@pytest.fixture(scope="module")
def facts(story_inputs):
    corpus, mentions, discovered = story_inputs
    return story_facts(corpus, STORY, mentions=mentions, discovered=discovered)


def docs_of(facts, kind, label):
    """Documents stating one fact."""
    return set(facts.loc[(facts["kind"] == kind) & (facts["label"] == label), "doc_id"])


def test_columns(facts):
    assert list(facts.columns) == FACT_COLUMNS


@pytest.mark.parametrize("kind, label, docs", [
    # 2億1400万ドル = 214 Millionen US-Dollar = $214 million: one fact, three documents
    ("quantity", "214000000 USD (currency)", set(STORY)),
    # the valuation as ja and en give it ...
    ("quantity", "1500000000 USD (currency)", {"b-ja", "b-en"}),
    # ... and as de gives it (6.7 % more: beyond the 5 % rounding tolerance, a separate fact)
    ("quantity", "1600000000 USD (currency)", {"b-de"}),
    # a staff count only the German report gives
    ("quantity", "30 (count)", {"b-de"}),
    # discovered entities across scripts: デビッド・ハ = David Ha
    ("entity", "David Ha", set(STORY)),
    # the Japanese-only quote is the English one: same speaker (Ren Ito), first quote of each
    ("quote", "quote by Ren Ito #1", {"b-ja", "b-en"}),
])
def test_facts_across_languages(facts, kind, label, docs):
    assert docs_of(facts, kind, label) == docs


def test_conflict(facts):
    conflicts = conflicting_numbers(facts)
    # exactly one: 1.5e9 (ja, en) vs 1.6e9 (de); 214e6 vs 1.5e9 differ too much to be one figure
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    assert (row["value_a"], row["value_b"], row["docs_a"], row["docs_b"]) == (1.5e9, 1.6e9, "b-en, b-ja", "b-de")


def test_unique_and_matrix(facts):
    unique = unique_facts(facts)
    assert {"1600000000 USD (currency)", "30 (count)", "Bloomberg"} <= set(unique["label"])
    assert "214000000 USD (currency)" not in set(unique["label"])
    matrix = fact_matrix(facts)
    assert list(matrix.columns) == STORY
    assert matrix.xs("quantity-001", level="fact_id").iloc[0].tolist() == [1, 1, 1]


def test_rounding_is_one_fact(story_inputs):
    # 1.25 and 1.3 trillion USD (4 % apart): one fact, the rounded report noted
    corpus, mentions, discovered = story_inputs
    import pandas as pd
    quantities = pd.DataFrame({"doc_id": ["b-ja", "b-de"], "para_id": [1, 1], "surface": ["1兆2500億ドル", "1,3 Billionen"],
                               "start": [0, 0], "end": [1, 1], "value": [1.25e12, 1.3e12], "kind": "currency",
                               "unit": "USD"})
    facts = story_facts(corpus, ["b-ja", "b-de"], mentions=mentions, discovered=False, quantities=quantities)
    numbers = facts[facts["kind"] == "quantity"]
    assert numbers["fact_id"].nunique() == 1
    assert numbers.set_index("doc_id").at["b-de", "note"] == "rounded"


@pytest.mark.parametrize("text, lang, n", [
    # corner brackets, ten characters or more
    ("伊藤氏は「日本発の技術で世界と競争したい」と述べた。", "ja", 1),
    # a scare-quoted term is not a quotation
    ("いわゆる「優先」の問題だ。", "ja", 0),
    # German low-high quotes, four words or more
    ("„Japan ist ein wichtiger Partner“, sagte er.", "de", 1),
    # straight quotes in Indonesian
    ('"Jepang adalah mitra penting," ujar Amodei.', "id", 1),
])
def test_find_quotes(text, lang, n):
    assert len(find_quotes(text, lang)) == n


def test_unknown_documents(story_inputs):
    with pytest.raises(newskit.ArgumentError):
        story_facts(story_inputs[0], ["nope"], discovered=False)
