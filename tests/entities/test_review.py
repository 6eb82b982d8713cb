"""The review loop and gazetteer combination."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.entities.combine import combine_gazetteers
from newskit.entities.review import merge_entities, write_review_sheet

from tests.entities.news_fixtures import discovered, news, news_gazetteer  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def musk_mentions(gazetteer) -> int:
    """Mentions of Elon Musk in the seed articles."""
    mentions = newskit.find_mentions(newskit.load_corpus(ROOT / "data"), kinds=None, gazetteer=gazetteer)
    return int((mentions["entity_id"] == "elon-musk").sum())


@pytest.fixture(scope="module")
def copied_gazetteer(tmp_path_factory) -> Path:
    """data/entities.csv copied alone to another folder (its rules left behind)."""
    folder = tmp_path_factory.mktemp("copy")
    shutil.copy(ROOT / "data" / "entities.csv", folder / "entities.csv")
    return folder / "entities.csv"


def test_a_copy_alone_is_refused_not_silently_poorer(copied_gazetteer):
    # Before the base gazetteer, the copy alone lost the 27 rules (Musk 150
    # mentions instead of 156).  Now the project's file rolls its versions up
    # to base families (grok-1 → grok), so the copy alone fails loudly.
    with pytest.raises(newskit.CorpusError, match="parent 'grok' is not an entity_id"), \
            pytest.warns(UserWarning, match="no matching rules apply"):
        newskit.load_gazetteer(copied_gazetteer, extends=None)


@pytest.mark.parametrize("how", [
    # load_gazetteer: a file extends the default gazetteer (base + project) by default
    "load",
    # extend: default + extra, every default rule kept
    "extend",
    # replace with a full copy: its entities plus the base families they roll up to;
    # every rule of those entities still applies (the base's other rules go, with a warning)
    "replace",
])
def test_combined_copy_keeps_the_rules(copied_gazetteer, how):
    if how == "load":
        gazetteer = newskit.load_gazetteer(copied_gazetteer)
    elif how == "extend":
        gazetteer = combine_gazetteers(None, copied_gazetteer)
    else:
        with pytest.warns(UserWarning, match="drops"):
            gazetteer = combine_gazetteers(None, copied_gazetteer, mode="replace")
        assert {"grok", "gpt", "claude", "llama"} <= set(gazetteer["entity_id"])
    assert musk_mentions(gazetteer) == 156


def test_replace_warns_about_rules_it_must_drop():
    # the small gazetteer lacks the bylines' entities and every base entity:
    # their rules go, with a warning (16 rules of the project's file + 107
    # entity rules of the shipped base = 123; the global suffix rules stay)
    with pytest.warns(UserWarning, match="drops 123 matching rule"):
        combined = combine_gazetteers(None, ROOT / "tests" / "data" / "entities_small.csv", mode="replace")
    assert len(combined) == 6 and any(r.kind == "suffix" for r in combined.attrs["rules"])


def test_extend_merges_aliases_of_the_same_id(tmp_path):
    extra = tmp_path / "entities.csv"
    extra.write_text("entity_id,label,type,wikidata,parent,aliases_ja,aliases_de,aliases_id,aliases_en\n"
                     "tesla,Tesla,ORG,Q478214,,テスラ社,,,\n", encoding="utf-8")
    combined = combine_gazetteers(None, extra)
    assert combined.set_index("entity_id").at["tesla", "aliases_ja"] == "テスラ|テスラ社"


def test_bad_mode():
    with pytest.raises(newskit.ArgumentError):
        combine_gazetteers(None, None, mode="merge")


def test_review_loop(discovered, news_gazetteer, tmp_path):
    sheet = tmp_path / "review.csv"
    write_review_sheet(discovered, sheet)
    table = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    assert table["accept"].eq("").all() and "evidence" in table.columns
    wanted = table["entity_key"].isin(["jensen-huang", "indonesia"])
    table.loc[wanted, "accept"] = "y"
    table.loc[table["surface"] == "Huang", "accept"] = "n"  # the researcher refuses the bare surname
    table.to_csv(sheet, index=False)
    out = tmp_path / "mine" / "entities.csv"
    merged = merge_entities(news_gazetteer, sheet, out=out).set_index("entity_id")
    # one new row per accepted key, aliases per language, the CLDR QID filled in
    assert merged.at["jensen-huang", "aliases_en"] == "Jensen Huang"
    assert merged.at["jensen-huang", "aliases_ja"] == "ジェンスン・フアン|フアン"
    assert merged.at["indonesia", "wikidata"] == "Q252"
    assert "Huang" not in merged.at["jensen-huang", "aliases_id"].split("|")
    # the written file loads back alone with the rules beside it
    assert len(newskit.load_gazetteer(out, extends=None).attrs["rules"]) == len(news_gazetteer.attrs["rules"])


def test_review_appends_to_an_existing_entity(news_gazetteer, tmp_path):
    # a key equal to an existing entity_id adds its spellings there
    sheet = tmp_path / "review.csv"
    pd.DataFrame([{"accept": "y", "entity_key": "nvidia", "label": "Nvidia", "type": "ORG", "lang": "id",
                   "surface": "NVDA"}]).to_csv(sheet, index=False)
    merged = merge_entities(news_gazetteer, sheet).set_index("entity_id")
    assert merged.at["nvidia", "aliases_id"] == "NVDA" and len(merged) == len(news_gazetteer)


def test_review_sheet_errors(news_gazetteer, tmp_path):
    # an accepted row without a language names the file and line
    sheet = tmp_path / "review.csv"
    pd.DataFrame([{"accept": "y", "entity_key": "x-1", "label": "X", "type": "ORG", "lang": "",
                   "surface": "X1"}]).to_csv(sheet, index=False)
    with pytest.raises(newskit.CorpusError, match="line 2"):
        merge_entities(news_gazetteer, sheet)


def test_review_on_the_default_writes_only_what_the_base_lacks(tmp_path):
    # merging into the default gazetteer writes the project's rows and the new
    # ones, not the 778 base rows again (they come back when the file is loaded)
    sheet = tmp_path / "review.csv"
    pd.DataFrame([{"accept": "y", "entity_key": "kenta-morishita", "label": "Kenta Morishita", "type": "PERSON",
                   "lang": "en", "surface": "Kenta Morishita"}]).to_csv(sheet, index=False)
    out = tmp_path / "mine" / "entities.csv"
    merge_entities(None, sheet, out=out)
    written = pd.read_csv(out, dtype=str, keep_default_na=False)
    project = pd.read_csv(ROOT / "data" / "entities.csv", dtype=str, keep_default_na=False)
    assert list(written["entity_id"]) == [*project["entity_id"], "kenta-morishita"]
    reloaded = newskit.load_gazetteer(out, extends="base")
    assert "kenta-morishita" in set(reloaded["entity_id"]) and "japan" in set(reloaded["entity_id"])
