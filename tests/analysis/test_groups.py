"""resolve_grouping / group_documents: a notebook's GROUP_BY as the unit of its figures."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.groups import add_group_column, group_documents, resolve_grouping
from tests.builders import make_tokens

#: 14 articles: 6 in ja, 5 in de, 3 in id; outlets A (7), B (4), C (2), none (1);
#: dates over three months, one with a year only, one without
DOCUMENTS = pd.DataFrame({
    "doc_id": [f"d{k:02d}" for k in range(14)],
    "lang": ["ja"] * 6 + ["de"] * 5 + ["id"] * 3,
    "publisher": ["A"] * 7 + ["B"] * 4 + ["C"] * 2 + [None],
    "published": ["2024-01-05"] * 5 + ["2024-02-01"] * 4 + ["2024-03"] * 3 + ["2024", None],
    "n_chars": [100 + k for k in range(14)],
})


def test_up_to_the_cap_every_article_is_its_own_group() -> None:
    grouping = resolve_grouping(DOCUMENTS.head(5), "lang", cap=5)
    assert grouping.per_article and grouping.column == "doc_id" and grouping.note == ""
    assert grouping.groups == ["d00", "d01", "d02", "d03", "d04"]


@pytest.mark.parametrize(("group_by", "column", "groups"), [
    # by size, largest first
    ("lang", "lang", ["ja", "de", "id"]),
    # a missing value is a group of its own
    ("publisher", "publisher", ["A", "B", "C", "(none)"]),
    # months in time order; a year-only date and a missing one are undated
    ("month", "month", ["2024-01", "2024-02", "2024-03", "undated"]),
    # a column the catalog lacks falls back to the language
    ("outlet", "lang", ["ja", "de", "id"]),
    # periods in any case; catalog columns as spelt
    ("Month", "month", ["2024-01", "2024-02", "2024-03", "undated"]),
])
def test_above_the_cap_documents_are_grouped(group_by, column, groups) -> None:
    grouping = resolve_grouping(DOCUMENTS, group_by, cap=12)
    assert not grouping.per_article
    assert (grouping.column, grouping.groups) == (column, groups)
    assert grouping.note.startswith("14 articles are more than 12")
    assert len(grouping.labels) == 14


def test_a_missing_column_says_so() -> None:
    grouping = resolve_grouping(DOCUMENTS, "outlet", cap=12)
    assert "The catalog has no `outlet` column; grouping by `lang` instead." in grouping.note
    no_dates = resolve_grouping(DOCUMENTS.drop(columns="published"), "week", cap=12)
    assert no_dates.column == "lang" and "no `published` column" in no_dates.note


def test_more_groups_than_the_cap() -> None:
    # cap 2: the two largest outlets stay (A 7, B 4), C and the undeclared one leave the figures
    kept = group_documents(DOCUMENTS, "publisher", cap=2)
    assert kept.groups == ["A", "B"] and len(kept.labels) == 11
    assert kept.note == "The 2 smallest of 4 groups are left out of the figures."
    # or are merged into "other": A, then other = B + C + none (cap 2 = one kept group + other)
    merged = group_documents(DOCUMENTS, "publisher", cap=2, rest="other")
    assert merged.groups == ["A", "other"] and merged.labels.value_counts().to_dict() == {"A": 7, "other": 7}
    assert merged.note == "The 3 smallest of 4 groups are merged into `other`."
    # rest is not used when the groups fit
    assert group_documents(DOCUMENTS, "lang", cap=3, rest="other").groups == ["ja", "de", "id"]


def test_time_groups_keep_the_largest_periods_in_time_order() -> None:
    # cap 2 of 4 months: January (5) and February (4) stay, in time order
    assert group_documents(DOCUMENTS, "month", cap=2).groups == ["2024-01", "2024-02"]


@pytest.mark.parametrize(("group_by", "expected"), [
    # the longest articles by characters, longest first
    ("top-3", ["d13", "d12", "d11"]),
    # "top" alone takes cap articles
    ("top", ["d13", "d12", "d11", "d10"]),
    # per article above the cap: the longest cap articles
    ("doc_id", ["d13", "d12", "d11", "d10"]),
])
def test_top_articles(group_by, expected) -> None:
    grouping = resolve_grouping(DOCUMENTS, group_by, cap=4)
    assert grouping.per_article and grouping.groups == expected
    assert grouping.note.startswith(f"Showing the {len(expected)} longest of 14 articles (by characters)")


def test_top_articles_by_tokens() -> None:
    tokens = make_tokens({"a": "x y z", "b": "x", "c": "x y"})
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": ["de"] * 3})
    grouping = resolve_grouping(documents, "top-2", cap=12, tokens=tokens)
    # a has 3 tokens, c 2, b 1
    assert grouping.groups == ["a", "c"] and "(by tokens)" in grouping.note


def test_too_few_groups_fall_back_to_the_longest_articles() -> None:
    # every Japanese article in one language group: nothing to compare, so the longest articles
    japanese = DOCUMENTS[DOCUMENTS["lang"] == "ja"]
    grouping = resolve_grouping(japanese, "lang", cap=4, min_groups=2)
    assert grouping.per_article and grouping.groups == ["d05", "d04", "d03", "d02"]
    assert grouping.note.startswith("`lang` gives only 1 group(s) here.")


def test_add_group_column_filters_and_labels() -> None:
    tokens = make_tokens({"d00": "x y", "d07": "z", "d13": "w"})
    grouping = group_documents(DOCUMENTS, "publisher", cap=2)
    labelled = add_group_column(tokens, grouping)
    # d13 has no publisher, a group left out: its token goes
    assert labelled["doc_id"].tolist() == ["d00", "d00", "d07"]
    assert labelled["publisher"].astype(str).tolist() == ["A", "A", "B"]
    assert list(labelled["publisher"].cat.categories) == ["A", "B"]
    # per article, rows of shown articles only and no new column
    top = resolve_grouping(DOCUMENTS, "top-1", cap=12)
    assert add_group_column(tokens, top)["doc_id"].tolist() == ["d13"]


def test_errors() -> None:
    with pytest.raises(ArgumentError, match="cap must be 1 or more"):
        resolve_grouping(DOCUMENTS, "lang", cap=0)
    with pytest.raises(ArgumentError, match="lacks column"):
        resolve_grouping(DOCUMENTS.drop(columns="lang"), "lang")
