"""Place names in ja/de/id/en from CLDR (through babel), so Indonesien,
インドネシア and Indonesia are one place without a hand-made gazetteer row.

Two CLDR tables are used: territory names (countries and UN M.49 regions:
Asien, アジア, 西アジア) and the exemplar cities of the time-zone database
(東京 / Tokio / Tokyo, ジャカルタ / Jakarta).  A city absent from a locale's
table is called as in English there (CLDR only lists names that differ), and
the English name is the time-zone id's last part (America/New_York → New York).

Keys: ``place-<code>`` with the ISO 3166 / M.49 code (place-ID, place-142) or
the time-zone id slug for cities (place-asia-tokyo).  Wikidata QIDs are filled
in only from :data:`CERTAIN_QIDS`, a fixed table of ids checked by hand; every
other place keeps a blank QID rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from babel import Locale

__all__ = ["CERTAIN_QIDS", "Place", "find_place", "place_names"]

PLACE_LANGS = ("ja", "de", "id", "en")
#: Territory codes that are not places a news text names (unknown region,
#: pseudo-locales, "EU"/"EZ"/"UN" which are organisations rather than places).
SKIPPED_TERRITORIES = frozenset({"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"})
#: Wikidata ids known for certain (ISO code or time-zone id → QID).
CERTAIN_QIDS: dict[str, str] = {
    "ID": "Q252", "JP": "Q17", "DE": "Q183", "US": "Q30", "CN": "Q148", "CA": "Q16", "GB": "Q145",
    "FR": "Q142", "IN": "Q668", "KR": "Q884", "SG": "Q334", "AU": "Q408", "RU": "Q159", "BR": "Q155",
    "IT": "Q38", "ES": "Q29", "NL": "Q55", "MY": "Q833", "TH": "Q869", "VN": "Q881", "PH": "Q928",
    "AT": "Q40", "CH": "Q39", "TW": "Q865", "IL": "Q801", "UA": "Q212", "142": "Q48", "150": "Q46",
    "Asia/Tokyo": "Q1490", "Asia/Jakarta": "Q3630", "America/New_York": "Q60", "Europe/Berlin": "Q64",
    "Europe/London": "Q84", "Europe/Paris": "Q90", "America/Los_Angeles": "Q65",
}


class Place(NamedTuple):
    """One CLDR place: its key, code, English name and QID (blank if unsure)."""

    key: str
    code: str
    label: str
    wikidata: str


def _slug(text: str) -> str:
    """Lower-case ASCII slug (Asia/New_York → asia-new-york)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _territories() -> dict[str, dict[str, str]]:
    """``code → {lang: name}`` for countries and regions."""
    names: dict[str, dict[str, str]] = {}
    for lang in PLACE_LANGS:
        for code, name in Locale.parse(lang).territories.items():
            if code not in SKIPPED_TERRITORIES:
                names.setdefault(code, {})[lang] = name
    return names


def _cities() -> dict[str, dict[str, str]]:
    """``tz id → {lang: city}`` for the exemplar cities of the time zones."""
    zones = Locale.parse("ja").time_zones  # ja lists (nearly) every zone: its names all differ
    cities: dict[str, dict[str, str]] = {}
    for zone in zones:
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        english = zone.rsplit("/", 1)[1].replace("_", " ")
        cities[zone] = {lang: Locale.parse(lang).time_zones.get(zone, {}).get("city", english)
                        for lang in PLACE_LANGS}
        cities[zone]["en"] = english
    return cities


@lru_cache(maxsize=1)
def _place_table() -> dict[str, dict[str, Place]]:
    """``lang → surface → Place``; English names are valid in every language
    (a German text writes Jakarta and New York as English does)."""
    table: dict[str, dict[str, Place]] = {lang: {} for lang in PLACE_LANGS}
    sources = [(code, names, f"place-{code.lower()}") for code, names in _territories().items()]
    sources += [(zone, names, f"place-{_slug(zone)}") for zone, names in _cities().items()]
    for code, names, key in sources:
        place = Place(key, code, names.get("en", code), CERTAIN_QIDS.get(code, ""))
        for lang in PLACE_LANGS:
            for name in {names.get(lang, ""), names.get("en", "")} - {""}:
                table[lang].setdefault(name, place)
    return table


def place_names(lang: str) -> dict[str, Place]:
    """Every CLDR place name usable in ``lang`` text → its :class:`Place`."""
    return _place_table().get(lang, {})


def find_place(surface: str, lang: str) -> Place | None:
    """The CLDR place a surface names (exact, or all-caps like a dateline's
    JAKARTA / NEW YORK), or None."""
    names = place_names(lang)
    if surface in names:
        return names[surface]
    if surface.isupper() and len(surface) > 3:
        return names.get(surface.title())
    return None
