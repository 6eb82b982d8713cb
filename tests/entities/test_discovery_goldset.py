"""The held-out discovery / linking / stories set in tests/data/discovery is
internally consistent: it loads as a corpus, its gold counts are what the
texts contain, and its stories and facts point at real documents and text."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import newskit

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "tests" / "data" / "discovery"
BASE = ROOT / "lib" / "newskit" / "entities" / "data" / "base_entities.csv"
SEED = ROOT / "data" / "entities.csv"
LATIN = "A-Za-z0-9À-ÖØ-öø-ɏ"
KATAKANA = "ァ-ヺー"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(SET / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def corpus():
    return newskit.load_corpus(SET)


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return read("gold_entities.csv")


def edge_pattern(surface: str) -> str:
    """The surface, not glued to a letter of its own script (the matcher's rule)."""
    def guard(char: str, look: str) -> str:
        for script in (LATIN, KATAKANA):
            if re.match(f"[{script}]", char):
                return f"(?{look}[{script}])"
        return ""
    return guard(surface[0], "<!") + re.escape(surface) + guard(surface[-1], "!")


def count_leftmost_longest(text: str, surfaces: list[str]) -> dict[str, int]:
    pattern = re.compile("|".join(edge_pattern(s) for s in sorted(set(surfaces), key=len, reverse=True)))
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return counts


def test_corpus_loads_with_every_language(corpus):
    docs = corpus.documents
    assert len(docs) == 19
    per_lang = docs["lang"].value_counts()
    assert set(per_lang.index) == {"ja", "de", "id", "en"} and per_lang.min() >= 4
    assert {"title", "published", "publisher", "url"} <= set(docs.columns)


@pytest.mark.parametrize("lang,low,high,unit", [
    ("en", 150, 400, "words"), ("de", 150, 400, "words"), ("id", 150, 400, "words"),
    ("ja", 600, 1200, "chars"),  # Japanese is measured in characters
])
def test_article_lengths(corpus, lang, low, high, unit):
    for doc_id in corpus.documents.loc[corpus.documents["lang"] == lang, "doc_id"]:
        text = corpus.texts[doc_id]
        size = len(text.split()) if unit == "words" else len(text.replace("\n", ""))
        assert low <= size <= high, (doc_id, size)


def test_title_is_not_inside_the_text(corpus):
    for doc_id, title in zip(corpus.documents["doc_id"], corpus.documents["title"]):
        assert title not in corpus.texts[doc_id]


def test_gold_entities_schema(gold, corpus):
    assert list(gold.columns) == ["doc_id", "surface", "entity_key", "label", "type", "count",
                                  "in_base_gazetteer", "in_seed_gazetteer"]
    assert set(gold["type"]) == {"PERSON", "ORG", "PRODUCT", "PLACE"}
    assert set(gold["doc_id"]) == set(corpus.documents["doc_id"])
    assert not gold.duplicated(["doc_id", "surface"]).any()
    # one entity has one label and one type across documents and languages
    assert (gold.groupby("entity_key")[["label", "type"]].nunique() == 1).all().all()


def test_gold_counts_are_what_the_texts_contain(gold, corpus):
    non_names = read("gold_non_names.csv")
    for doc_id, rows in gold.groupby("doc_id"):
        blockers = non_names.loc[non_names["doc_id"] == doc_id, "surface"].tolist()
        counts = count_leftmost_longest(corpus.texts[doc_id], rows["surface"].tolist() + blockers)
        found = {s: counts.get(s, 0) for s in rows["surface"]}
        assert found == dict(zip(rows["surface"], rows["count"].astype(int))), doc_id
        assert all(counts.get(s, 0) > 0 for s in blockers), doc_id


def test_gazetteer_flags_match_the_gazetteers(gold):
    for path, column in ((BASE, "in_base_gazetteer"), (SEED, "in_seed_gazetteer")):
        ids = set(pd.read_csv(path, dtype=str, keep_default_na=False)["entity_id"])
        assert (gold["entity_key"].isin(ids).map({True: "yes", False: "no"}) == gold[column]).all()


def test_stories_cover_every_document_and_three_shared_events(corpus):
    stories = read("gold_stories.csv")
    assert set(stories["doc_id"]) == set(corpus.documents["doc_id"]) and stories["doc_id"].is_unique
    langs = stories.merge(corpus.documents[["doc_id", "lang"]], on="doc_id").groupby("story_id")["lang"]
    shared = langs.nunique()[langs.size().between(3, 4)]
    assert len(shared) >= 3 and (shared >= 3).all()


def test_facts_point_at_their_story_and_text(corpus):
    facts = read("gold_facts.csv")
    stories = dict(read("gold_stories.csv").to_numpy())
    assert set(facts["kind"]) == {"quantity", "entity", "quote"}
    for row in facts.itertuples():
        assert stories[row.doc_id] == row.story_id
        assert row.surface in corpus.texts[row.doc_id], (row.doc_id, row.surface)
        if row.kind == "quantity":
            float(row.value)  # a plain decimal number
    # at least one conflicting number and several single-outlet facts
    assert facts["label"].str.contains("CONFLICTS").any()
    assert (facts.groupby(["story_id", "fact_id"])["doc_id"].nunique() == 1).sum() >= 5
