"""Sentences computed from tables: dates, the peak of a rate, missing groups."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit.notebook.prose import describe_dates, describe_missing_groups, describe_peak


@pytest.mark.parametrize(("published", "sentence"), [
    (["2024-03-19", "2023-12", None], "Published between 2023-12-01 and 2024-03-19; 1 article gives only a month or "
                                      "a year and 1 article has no date."),
    (["2024-03-19", "2024-03-20"], "Published between 2024-03-19 and 2024-03-20."),
    ([None, ""], "No article has a `published` date, so nothing can be shown over time (notebook 09)."),
])
def test_describe_dates(published, sentence):
    documents = pd.DataFrame({"doc_id": [f"d{k}" for k in range(len(published))], "published": published})
    assert describe_dates(documents) == sentence


def test_describe_dates_without_the_column():
    assert "no `published` column" in describe_dates(pd.DataFrame({"doc_id": ["a"]}))


def test_describe_peak_names_the_articles_behind_it():
    rates = pd.DataFrame({"period": ["2024-01", "2024-02", "2024-03"], "term": ["GPU"] * 3,
                          "rate": [1.0, 9.5, None], "count": [2, 1, 0], "n_articles": [10, 1, 0]})
    # the peak (9.5 in February) rests on 1 article; the median over the periods with a rate is (10 + 1) / 2
    assert describe_peak(rates) == (
        "The highest rate is **GPU** in 2024-02: 9.5 per 1,000 tokens, 1 hit(s) among the 1 article(s) of that period, against "
        "a median "
        "of 6 article(s) per period; a peak resting on a handful of articles is a story, not a trend.")
    split = rates.assign(lang="de")
    assert "in 2024-02 in `de`" in describe_peak(split, by="lang") and "per period and lang" in describe_peak(split, by="lang")
    assert describe_peak(rates.assign(count=0)).startswith("Nothing to compare over time")


def test_describe_missing_groups():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["ja", "de"]})
    text = describe_missing_groups(documents)
    assert "has no `group` column" in text and "`a`, `b`" in text and "add a column `group`" in text
    assert "no value in it is shared" in describe_missing_groups(documents.assign(group=["x", "y"]))
