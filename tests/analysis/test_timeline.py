"""Dates, periods and rates over time, with hand-checked values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newskit import ArgumentError, CorpusError
from newskit.analysis.timeline import (
    articles_per_period,
    assign_periods,
    count_hits_over_time,
    normalise_freq,
    parse_published,
    term_hits,
)
from tests.builders import make_tokens


@pytest.mark.parametrize(("value", "date", "precision"), [
    ("2024", "2024-01-01", 0),                       # year only
    ("2024-03", "2024-03-01", 1),                    # month
    ("2024-03-19", "2024-03-19", 2),                 # full date
    ("2024/3/9", "2024-03-09", 2),                   # slashes, no leading zeros
    ("2024年3月19日", "2024-03-19", 2),               # Japanese style
    ("2024年3月", "2024-03-01", 1),
    ("2024-03-19T10:00:00+09:00", "2024-03-19", 2),  # the calendar date as written, time ignored
])
def test_parse_published(value, date, precision) -> None:
    parsed = parse_published(pd.DataFrame({"doc_id": ["d"], "published": [value]}))
    assert parsed.loc[0, "date"] == pd.Timestamp(date) and parsed.loc[0, "precision"] == precision


@pytest.mark.parametrize("value", ["sometime", "2024-13", "2024-02-30", "24-03-01"])
def test_unreadable_dates_name_the_document(value) -> None:
    with pytest.raises(CorpusError, match=f"document 'd7': published '{value}' is not a date"):
        parse_published(pd.DataFrame({"doc_id": ["d7"], "published": [value]}))


def test_missing_dates_are_absent_and_a_missing_column_is_an_error() -> None:
    parsed = parse_published(pd.DataFrame({"doc_id": ["a", "b", "c"], "published": ["2024-01-02", None, " "]}))
    assert parsed["doc_id"].tolist() == ["a"]
    with pytest.raises(ArgumentError, match="published"):
        parse_published(pd.DataFrame({"doc_id": ["a"]}))


@pytest.mark.parametrize(("freq", "code"), [("month", "M"), ("M", "M"), ("Week", "W"), ("year", "Y"), ("q", "Q")])
def test_normalise_freq(freq, code) -> None:
    assert normalise_freq(freq) == code


def test_normalise_freq_refuses_unknown_periods() -> None:
    with pytest.raises(ArgumentError, match="choose one of day, week, month"):
        normalise_freq("fortnight")


#: a 2024-03-04 (Mon), b 2024-03-10 (Sun, same ISO week), c 2024-03 (month only),
#: d 2024 (year only), e no date; a, b, d in ja, c, e in de
DOCUMENTS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d", "e"],
    "lang": ["ja", "ja", "de", "ja", "de"],
    "published": ["2024-03-04", "2024-03-10", "2024-03", "2024", None],
})


@pytest.mark.parametrize(("freq", "periods", "left_out"), [
    # months: a, b, c in 2024-03; d (year only) and e (no date) cannot be placed
    ("month", {"a": "2024-03", "b": "2024-03", "c": "2024-03"}, 2),
    # weeks need the day: a and b share the week starting Monday 2024-03-04
    ("week", {"a": "2024-03-04", "b": "2024-03-04"}, 3),
    # years: every dated document, d included
    ("year", {"a": "2024", "b": "2024", "c": "2024", "d": "2024"}, 1),
])
def test_assign_periods(freq, periods, left_out) -> None:
    placed = assign_periods(DOCUMENTS, freq)
    assert dict(zip(placed["doc_id"], placed["period"], strict=True)) == periods
    note = placed.attrs["note"]
    assert note.startswith(f"{left_out:,} of 5 articles") and "left out" in note


def test_assign_periods_without_a_published_column() -> None:
    placed = assign_periods(DOCUMENTS.drop(columns="published"), "month")
    assert placed.empty and placed.attrs["note"].startswith("5 of 5 articles")


def test_articles_per_period_fills_empty_periods() -> None:
    # a 2024-01, b and c 2024-03: February exists with 0 articles
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": ["ja", "de", "ja"],
                              "published": ["2024-01-15", "2024-03-01", "2024-03-31"]})
    table = articles_per_period(documents, "month")
    assert table["period"].tolist() == ["2024-01", "2024-02", "2024-03"]
    assert table["n_articles"].tolist() == [1, 0, 2]
    by_lang = articles_per_period(documents, "month", by="lang")
    # 3 months × 2 languages, zeros included: de has only b in March
    assert len(by_lang) == 6
    assert by_lang.set_index(["period", "lang"])["n_articles"].to_dict() == {
        ("2024-01", "de"): 0, ("2024-01", "ja"): 1, ("2024-02", "de"): 0, ("2024-02", "ja"): 0,
        ("2024-03", "de"): 1, ("2024-03", "ja"): 1}


#: a (2024-01): 4 tokens, GPU twice; b (2024-02): 2 tokens, GPU once; c (2024-02): 4 tokens, no GPU
TOKENS = make_tokens({"a": "GPU x GPU y", "b": "GPU z", "c": "x y z w"})
DATED = pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": ["ja", "de", "ja"],
                      "published": ["2024-01-10", "2024-02-03", "2024-02-20"]})


def test_term_hits() -> None:
    hits = term_hits(TOKENS, ["gpu"])  # matched case-insensitively, labelled as asked
    assert hits.to_dict("records") == [{"doc_id": "a", "term": "gpu"}, {"doc_id": "a", "term": "gpu"},
                                       {"doc_id": "b", "term": "gpu"}]


def test_rates_over_time_by_hand() -> None:
    rates = count_hits_over_time(term_hits(TOKENS, "GPU"), TOKENS, DATED, freq="month")
    by_period = rates.set_index("period")
    # January: a alone, 2 hits / 4 tokens × 1,000 = 500
    assert by_period.loc["2024-01", ["count", "tokens", "n_articles"]].tolist() == [2, 4, 1]
    assert by_period.loc["2024-01", "rate"] == pytest.approx(500.0)
    # February: b and c, 1 hit / (2 + 4) tokens × 1,000 = 166.67: the busier month dilutes the rate
    assert by_period.loc["2024-02", ["count", "tokens", "n_articles"]].tolist() == [1, 6, 2]
    assert by_period.loc["2024-02", "rate"] == pytest.approx(1000 / 6)


def test_rates_over_time_split_by_language_keep_empty_cells() -> None:
    rates = count_hits_over_time(term_hits(TOKENS, "GPU"), TOKENS, DATED, freq="month", by="lang")
    cells = rates.set_index(["period", "lang"])
    # de in January has no article: 0 tokens, rate undefined (NaN), not 0
    assert cells.loc[("2024-01", "de"), ["count", "tokens", "n_articles"]].tolist() == [0, 0, 0]
    assert math.isnan(cells.loc[("2024-01", "de"), "rate"])
    # de in February: b, 1 hit in 2 tokens = 500; ja in February: c, 0 hits in 4 tokens = 0
    assert cells.loc[("2024-02", "de"), "rate"] == pytest.approx(500.0)
    assert cells.loc[("2024-02", "ja"), "rate"] == 0.0


def test_rates_over_time_split_by_a_mapping_and_note() -> None:
    # a Series doc_id -> group (as resolve_grouping makes); d has no date: counted in the note
    documents = pd.concat([DATED, pd.DataFrame({"doc_id": ["d"], "lang": ["ja"], "published": [None]})])
    groups = pd.Series({"a": "x", "b": "y", "c": "y", "d": "x"}, name="outlet")
    rates = count_hits_over_time(term_hits(TOKENS, "GPU"), TOKENS, documents, by=groups)
    assert set(rates.columns) >= {"outlet", "rate"}
    assert rates.attrs["note"].startswith("1 of 4 articles")
    february_y = rates[(rates["period"] == "2024-02") & (rates["outlet"] == "y")].iloc[0]
    assert (february_y["count"], february_y["tokens"]) == (1, 6)
