"""Cross-script and cross-language links: the right ones made, false ones not."""

from __future__ import annotations

import pytest

from newskit.entities.discover import link_entities
from newskit.entities.link import LINK_COLUMNS
from newskit.entities.places import find_place
from newskit.entities.translit import phonetic_key, romaji_variants, skeleton

from tests.entities.news_fixtures import discovered, news, news_gazetteer  # noqa: F401 (fixtures)


def key_of(table, lang, surface):
    """The entity_key of one discovered spelling."""
    rows = table[(table["lang"] == lang) & (table["surface"] == surface)]
    assert len(rows) == 1, f"{lang} {surface!r} not discovered"
    return rows["entity_key"].iloc[0]


@pytest.mark.parametrize("a, b", [
    # katakana ↔ Latin by romaji + phonetic key, confirmed by shared neighbours
    (("ja", "ジェンスン・フアン"), ("en", "Jensen Huang")),
    (("ja", "アンソロピック"), ("de", "Anthropic")),
    (("ja", "スラカルタ"), ("id", "Surakarta")),
    (("ja", "ビクラム・シンハ"), ("en", "Vikram Sinha")),
    # a kanji family + given name links in Western order (伊藤錬 = Ren Ito)
    (("ja", "伊藤錬"), ("en", "Ren Ito")),
    # short forms inside one language
    (("ja", "フアン"), ("ja", "ジェンスン・フアン")),
    (("id", "Huang"), ("id", "Jensen Huang")),
    (("de", "Sakana"), ("de", "Sakana AI")),
    # an acronym next to the name it abbreviates
    (("id", "ISAT"), ("id", "Indosat")),
    # CLDR places: one key for the country/city in every language
    (("de", "Tokio"), ("ja", "東京")),
    (("id", "Jepang"), ("de", "Japan")),
    (("ja", "アジア"), ("de", "Asien")),
    # the same spelling in two languages
    (("id", "Rakuten"), ("de", "Rakuten")),
])
def test_links_are_found(discovered, a, b):
    assert key_of(discovered, *a) == key_of(discovered, *b)


@pytest.mark.parametrize("a, b", [
    # a country inside an organisation name is not its short form
    (("id", "Indonesia"), ("id", "Bursa Efek Indonesia")),
    # two people of one story stay apart
    (("en", "David Ha"), ("en", "Llion Jones")),
    # Tokyo (place) and Sakana AI (Tokyo-based) are different entities
    (("en", "Tokyo"), ("en", "Sakana AI")),
])
def test_false_links_are_not_made(discovered, a, b):
    assert key_of(discovered, *a) != key_of(discovered, *b)


def test_meta_is_not_methane():
    # メタン (methane) and Meta: phonetic keys are close (metan/meta) but the
    # consonant skeletons differ (mtn ≠ mt), so no transliteration link is possible
    ja = phonetic_key(romaji_variants("メタン")[0], romaji=True)
    assert skeleton(ja) != skeleton(phonetic_key("Meta"))


def test_link_table_is_reviewable(discovered, news):
    links = link_entities(news, discovered=discovered)
    assert list(links.columns) == LINK_COLUMNS
    row = links[(links["surface"] == "アンソロピック")].iloc[0]
    # the evidence names the romaji and the shared neighbours (Claude is a known entity)
    assert "romaji" in row["evidence"] and "ent:claude" in row["evidence"] and row["score"] >= 75


@pytest.mark.parametrize("surface, lang, code, qid", [
    # one key for Indonesien = インドネシア = Indonesia, with the certain QID
    ("Indonesien", "de", "ID", "Q252"),
    ("インドネシア", "ja", "ID", "Q252"),
    ("Indonesia", "id", "ID", "Q252"),
    # a time-zone exemplar city, and an all-caps dateline
    ("ジャカルタ", "ja", "Asia/Jakarta", "Q3630"),
    ("NEW YORK", "en", "America/New_York", "Q60"),
    # a UN M.49 region
    ("Asien", "de", "142", "Q48"),
])
def test_cldr_places(surface, lang, code, qid):
    place = find_place(surface, lang)
    assert (place.code, place.wikidata) == (code, qid)
