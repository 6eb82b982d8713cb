"""aligned_units / add_aligned_units: paragraphs that translate each other share a unit."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.analysis.cooccurrence import cooccurrence_pairs
from newskit.crosslingual.units import UNIT_COLUMNS, add_aligned_units, aligned_units
from newskit.errors import ArgumentError
from tests.builders import write_corpus

CATALOG = ("doc_id,file,lang,group\n"
           "a-en,raw/a.txt,en,story\nb-en,raw/b.txt,en,story\nc-en,raw/c.txt,en,\n")
A = b"Musk founded xAI in Nevada.\n\nThe Grok model answers questions.\n\nTesla sells cars.\n"
B = b"Musk started xAI in Nevada, reports say.\n\nGrok answers questions.\n\nTesla sells many cars.\n"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = write_corpus(tmp_path_factory.mktemp("units") / "corpus", CATALOG,
                        {"raw/a.txt": A, "raw/b.txt": B, "raw/c.txt": b"Musk and xAI again.\n"})
    return newskit.load_corpus(root)


def test_versions_share_units_and_others_stand_alone(small):
    units = aligned_units(small)
    assert list(units.columns) == UNIT_COLUMNS and len(units) == len(small.paragraphs)
    labels = units.set_index(["doc_id", "para_id"])["aligned_para"]
    # b-en's paragraphs carry the label of the a-en paragraph they align with (a-en is first in the catalog)
    for para in range(3):
        assert labels[("b-en", para)] == labels[("a-en", para)] == f"a-en/{para}"
    # c-en is in no group: its own unit and its doc_id as group
    assert labels[("c-en", 0)] == "c-en/0"
    assert units.set_index("doc_id").loc["c-en", "group"] == "c-en"


def test_add_aligned_units_keeps_rows_and_counts_a_group_once(small):
    mentions = pd.DataFrame({"doc_id": ["a-en", "a-en", "b-en", "b-en", "c-en", "c-en"],
                             "para_id": [0, 0, 0, 0, 0, 0], "entity_id": ["musk", "xai"] * 3}, index=[5, 6, 7, 8, 9, 10])
    marked = add_aligned_units(mentions, small)
    assert marked.index.tolist() == mentions.index.tolist()
    # per paragraph three co-occurrences; a-en/0 and b-en/0 are one unit: two
    assert cooccurrence_pairs(mentions)["weight"].tolist() == [3]
    assert cooccurrence_pairs(marked, unit=("group", "aligned_para"))["weight"].tolist() == [2]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pd.DataFrame({"doc_id": ["a-en"], "para_id": [99]}), "no paragraph 99 in document 'a-en'"),
        (pd.DataFrame({"doc_id": ["a-en"]}), "lacks column 'para_id'"),
        (pd.DataFrame({"doc_id": ["a-en"], "para_id": [0], "group": ["x"]}), "already has column"),
    ],
)
def test_errors(small, table, message):
    with pytest.raises(ArgumentError, match=message):
        add_aligned_units(table, small)


def test_musk_xai_on_the_seed_corpus(corpus):
    # per paragraph the pair weighs 60, 46 of it from the three translations of the Zhidongxi report;
    # counting that group once leaves 16 aligned paragraphs of the report + 14 of the other two articles = 30
    mentions = newskit.find_mentions(corpus)
    per_paragraph = cooccurrence_pairs(mentions).set_index(["a", "b"])
    once = cooccurrence_pairs(add_aligned_units(mentions, corpus), unit=("group", "aligned_para")).set_index(["a", "b"])
    assert per_paragraph.loc[("elon-musk", "xai"), "weight"] == 60
    assert once.loc[("elon-musk", "xai"), "weight"] == 30
    in_group = mentions[mentions["doc_id"].str.startswith("zdx-")]
    assert cooccurrence_pairs(in_group).set_index(["a", "b"]).loc[("elon-musk", "xai"), "weight"] == 46
