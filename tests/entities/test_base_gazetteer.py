"""The shipped base gazetteer (lib/newskit/entities/data/base_entities.csv)
and its rules (base_rules.csv): schema, uniqueness, coverage of every
ISO 3166-1 country, no clash with the seed gazetteer it is extended by, and
the context rules that keep its ambiguous aliases honest."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
from babel import Locale

import newskit
from newskit.entities import find_mentions_in_text

ROOT = Path(__file__).resolve().parents[2]
BASE_DIR = ROOT / "lib" / "newskit" / "entities" / "data"
BASE = BASE_DIR / "base_entities.csv"
BASE_RULES = BASE_DIR / "base_rules.csv"
SEED = ROOT / "data" / "entities.csv"
SEED_RULES = ROOT / "data" / "entity_rules.csv"

COLUMNS = ["entity_id", "label", "type", "wikidata", "parent",
           "aliases_ja", "aliases_de", "aliases_id", "aliases_en", "note"]
LANGS = ("ja", "de", "id", "en")
TYPES = {"PERSON", "ORG", "PRODUCT", "PLACE", "EVENT", "WORK"}
#: CLDR region codes that are not ISO 3166-1 countries (exceptionally
#: reserved or private use); XK (Kosovo) has a row all the same.
NOT_ISO = set("AC CP CQ DG EA EU EZ IC QO TA UN XA XB XK ZZ".split())
#: ISO codes whose row lives in the seed gazetteer.
SEED_COUNTRIES = {"CA": "canada"}


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def base() -> pd.DataFrame:
    return read(BASE)


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return read(SEED)


def aliases_by_language(table: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    """lang -> alias -> entity ids; English aliases count in every language."""
    index: dict[str, dict[str, set[str]]] = {lang: defaultdict(set) for lang in LANGS}
    for row in table.to_dict("records"):
        english = [a for a in row["aliases_en"].split("|") if a]
        for lang in LANGS:
            own = [a for a in row[f"aliases_{lang}"].split("|") if a]
            for alias in own + (english if lang != "en" else []):
                index[lang][alias].add(row["entity_id"])
    return index


def test_columns_are_the_seed_schema(base, seed):
    # the seed file extends the base one: both must have the same columns
    assert list(base.columns) == COLUMNS == list(seed.columns)


def test_size_and_types(base):
    assert len(base) >= 600
    assert set(base["type"]) <= TYPES
    counts = base["type"].value_counts()
    # every group the brief asks for is well represented
    assert counts["PLACE"] >= 300 and counts["ORG"] >= 150
    assert counts["PERSON"] >= 80 and counts["PRODUCT"] >= 50 and counts["WORK"] >= 30


def test_ids_unique_slugs_and_disjoint_from_seed(base, seed):
    assert base["entity_id"].is_unique
    assert base["entity_id"].str.fullmatch(r"[a-z0-9][a-z0-9.\-]*").all()
    assert not set(base["entity_id"]) & set(seed["entity_id"])


def test_qids_are_qids(base):
    qids = base.loc[base["wikidata"] != "", "wikidata"]
    assert qids.str.fullmatch(r"Q[1-9]\d*").all()
    # one item is one entity
    assert qids.is_unique


@pytest.mark.parametrize("entity_id,qid", [
    ("united-states", "Q30"), ("japan", "Q17"), ("germany", "Q183"),   # the brief's anchors
    ("indonesia", "Q252"), ("china", "Q148"), ("netherlands", "Q55"),  # NL: the country, not the kingdom
])
def test_anchor_qids(base, entity_id, qid):
    assert base.set_index("entity_id").loc[entity_id, "wikidata"] == qid


def test_every_row_has_an_alias_and_no_empty_piece(base):
    cells = base[[f"aliases_{lang}" for lang in LANGS]]
    assert (cells.apply(lambda col: col.str.len()).sum(axis=1) > 0).all()
    for value in cells.to_numpy().ravel():
        assert "" not in value.split("|") or value == "", value


def test_no_alias_names_two_entities_in_one_language(base, seed):
    # within the base file, and across base + seed (the seed extends the base)
    for table in (base, pd.concat([base, seed], ignore_index=True)):
        clashes = [(lang, alias, sorted(ids))
                   for lang, index in aliases_by_language(table).items()
                   for alias, ids in index.items() if len(ids) > 1]
        assert clashes == []


def test_parents_resolve_within_the_file(base):
    ids = set(base["entity_id"])
    assert set(base.loc[base["parent"] != "", "parent"]) <= ids


def test_every_iso_3166_country_has_a_row(base, seed):
    codes = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha()} - NOT_ISO
    assert len(codes) == 249  # ISO 3166-1 has 249 alpha-2 codes
    noted = set(base["note"].str.extract(r"^ISO 3166-1 ([A-Z]{2})\b")[0].dropna())
    missing = codes - noted - set(SEED_COUNTRIES)
    assert missing == set()
    assert set(SEED_COUNTRIES.values()) <= set(seed["entity_id"])


def test_country_rows_are_what_the_generator_writes():
    # the CLDR block is generated; hand edits there would be lost on the next run
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_base_gazetteer.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_loader_accepts_base_with_its_rules():
    gazetteer = newskit.load_gazetteer(BASE, rules_path=BASE_RULES, extends=None)
    assert len(gazetteer) >= 600
    assert len(gazetteer.attrs["rules"]) > 50


def test_loader_accepts_base_extended_by_seed(tmp_path, base, seed):
    # the way the kit will combine them: seed rows after base rows, both rule files
    pd.concat([base, seed], ignore_index=True).to_csv(tmp_path / "entities.csv", index=False)
    rules = pd.concat([read(BASE_RULES), read(SEED_RULES)], ignore_index=True)
    rules.to_csv(tmp_path / "entity_rules.csv", index=False)
    gazetteer = newskit.load_gazetteer(tmp_path / "entities.csv", extends=None)
    assert len(gazetteer) == len(base) + len(seed)


def test_default_gazetteer_is_base_extended_by_seed(base, seed):
    # the default: every base row, then the project's rows; the project's
    # Grok versions roll up to the base's family node across the two files
    default = newskit.load_gazetteer()
    assert list(default["entity_id"]) == list(base["entity_id"]) + list(seed["entity_id"])
    assert dict(zip(default["entity_id"], default["parent"]))["grok-1"] == "grok"
    assert set(default.attrs["sources"]) == {str(BASE), str(SEED)}


@pytest.fixture(scope="module")
def gazetteer():
    return newskit.entities.load_base_gazetteer()


@pytest.mark.parametrize("lang,text,expected", [
    # 米 alone is rice; US only in US contexts
    ("ja", "米政府は日米協議で", ["米", "米"]),
    ("ja", "米ドル建てで米を輸出", []),
    ("ja", "訪米した首相", ["米"]),
    # 英/独/仏 short forms need a context word
    ("ja", "英語で話す", []),
    ("ja", "独占禁止法と独自の判断", []),
    ("ja", "仏教と仏政府", ["仏"]),
    # 中国地方 is a region of Japan
    ("ja", "中国地方の中国電力", []),
    ("ja", "中国の半導体", ["中国"]),
    # German adjectives and genitives come from suffix rules
    ("de", "die chinesischen Behörden und Deutschlands Regierung", ["chinesischen", "Deutschlands"]),
    # German Arm (arm) and Alphabet (alphabet) need a company context
    ("de", "Er hob den Arm.", []),
    ("de", "der Chipdesigner Arm", ["Arm"]),
    ("de", "Das Alphabet hat 26 Buchstaben.", []),
    # currency is not the country
    ("en", "It raised US$6 billion", []),
    ("en", "the US government", ["US"]),
    # given names before a surname
    ("en", "Jordan Henderson scored", []),
    ("en", "Jordan and Egypt", ["Jordan", "Egypt"]),
    ("en", "Atlanta, Georgia", []),
    ("en", "the Amazon rainforest", []),
    ("en", "Amazon said", ["Amazon"]),
    # Indonesian sentence-initial 'Antara' is the word 'between'
    ("id", "Antara lain, kata Jokowi kepada Antara.", ["Jokowi", "Antara"]),
    # katakana names UniDic splits are kept whole; 氏 stays in the surface
    ("ja", "ソフトバンクグループの孫正義氏とジェンスン・フアン氏", ["ソフトバンクグループ", "孫正義氏", "ジェンスン・フアン氏"]),
    ("ja", "フアン・カルロス国王", []),
    # Dojo / Autopilot / Blackwell need their context
    ("en", "a karate Dojo in Osaka", ["Osaka"]),
    ("en", "Tesla's Dojo supercomputer", ["Dojo"]),
    ("en", "Nvidia's Blackwell chips", ["Blackwell"]),
])
def test_ambiguous_aliases_follow_their_rules(gazetteer, lang, text, expected):
    assert [m.surface for m in find_mentions_in_text(text, lang, gazetteer)] == expected
