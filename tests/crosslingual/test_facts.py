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


def quantity_facts(story_inputs, statements):
    """story_facts of b-ja/b-de/b-en given only these (doc_id, surface, value, unit) counts."""
    import pandas as pd
    corpus, mentions, _ = story_inputs
    quantities = pd.DataFrame([{"doc_id": d, "para_id": 1, "surface": s, "start": 0, "end": 1, "value": v,
                                "kind": "count", "unit": u} for d, s, v, u in statements])
    facts = story_facts(corpus, STORY, mentions=mentions, discovered=False, quantities=quantities)
    return facts[facts["kind"] == "quantity"]


def test_one_span_in_two_units_is_one_fact(story_inputs):
    # 1年半 = 18 months = 78 weeks (to the nearest week, within the rounding tolerance): one fact
    numbers = quantity_facts(story_inputs, [("b-ja", "1年半", 1.5, "year-duration"),
                                            ("b-en", "18 months", 18, "month-duration"),
                                            ("b-de", "18 Monate", 18, "month-duration"),
                                            ("b-de", "78 Wochen", 78, "week-duration")])
    assert numbers["fact_id"].nunique() == 1
    # the fact takes the value and unit stated most often; the other statements say what they wrote
    assert set(numbers["label"]) == {"18 month-duration (count)"}
    notes = dict(zip(numbers["surface"], numbers["note"]))
    assert notes == {"1年半": "= 1.5 year-duration", "18 months": "", "18 Monate": "", "78 Wochen": "= 78 week-duration"}


@pytest.mark.parametrize("statements, expected", [
    # six months (two outlets) vs one year (a third): one figure in conflict, across units
    ([("b-ja", "6カ月", 6, "month-duration"), ("b-de", "sechs Monate", 6, "month-duration"),
      ("b-en", "one year", 1, "year-duration")], [(6, "month-duration", 1, "year-duration")]),
    # one year vs three years: a factor of three is two different spans, not one in conflict
    ([("b-ja", "1年", 1, "year-duration"), ("b-en", "three years", 3, "year-duration")], []),
    # one document states both: two spans of its own, never a conflict between outlets
    ([("b-ja", "6カ月", 6, "month-duration"), ("b-ja", "1年", 1, "year-duration"),
      ("b-en", "six months", 6, "month-duration")], []),
    # counts keep the tighter ratio: 60 vs 80 staff conflict, 60 vs 100 do not
    ([("b-ja", "80人", 80, ""), ("b-en", "60", 60, "")], [(60, "", 80, "")]),
    ([("b-ja", "100人", 100, ""), ("b-en", "60", 60, "")], []),
])
def test_duration_conflicts(story_inputs, statements, expected):
    conflicts = conflicting_numbers(quantity_facts(story_inputs, statements))
    assert list(conflicts[["value_a", "unit_a", "value_b", "unit_b"]].itertuples(index=False, name=None)) == expected
