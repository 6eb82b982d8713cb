"""Generate the country rows of the shipped base gazetteer from CLDR.

README
======
``lib/newskit/entities/data/base_entities.csv`` is hand-maintained data: edit
it directly, row by row, like ``data/entities.csv``.  The one exception is
the block of country rows (one per ISO 3166-1 code), which this script
writes from the Unicode CLDR names that ``babel`` ships, so that 249
countries get their ja/de/id/en names without typing them:

* names: ``babel.Locale(lang).territories[code]`` for ja, de, id, en,
  cleaned (``Myanmar (Burma)`` -> ``Myanmar|Burma``, ``Antigua & Barbuda`` ->
  ``Antigua & Barbuda|Antigua and Barbuda``) plus the short forms news
  writes (米国/米/アメリカ, USA/US, AS/Amerika Serikat, UK/Britain, 中国,
  Tiongkok/Cina ...) from :data:`EXTRA` below;
* German adjectives are given as one stem (``chinesisch``) whose endings
  (-e/-en/-er/-es/-em) are added by the ``suffix`` rule of
  ``base_rules.csv``; genitive -s (Chinas, Deutschlands) by the global ``s``
  suffix rule -- inflected forms are rules, never aliases;
* QIDs: the ISO code -> Wikidata item table of Our World in Data's country
  list (``wikidata_uri`` column), checked by hand against the items for the
  sovereign states; two of its items were replaced (NL: Q29999 is the Kingdom
  of the Netherlands, the country is Q55; AQ: the continent is Q51).

The generated rows are recognised by their note, which starts with
``ISO 3166-1 XX``; every other row of the file is kept exactly as it is (and
in its order) after the country block.  Canada (CA) already has a row in
``data/entities.csv`` (id ``canada``) and is therefore not generated.

Run from the project root (nothing is downloaded; babel's data is local)::

    .venv/bin/python tools/build_base_gazetteer.py          # rewrite the file
    .venv/bin/python tools/build_base_gazetteer.py --check  # exit 1 if stale
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "lib" / "newskit" / "entities" / "data" / "base_entities.csv"
COLUMNS = ["entity_id", "label", "type", "wikidata", "parent",
           "aliases_ja", "aliases_de", "aliases_id", "aliases_en", "note"]
LANGS = ("ja", "de", "id", "en")
NOTE_PREFIX = "ISO 3166-1 "
#: CLDR territory codes that are not ISO 3166-1 countries: exceptionally
#: reserved (AC, CP, CQ, DG, EA, EU, EZ, IC, TA, UN), private use (QO, XA, XB,
#: XK, ZZ).  XK (Kosovo) still gets a row, through EXTRA_CODES.
NOT_ISO = frozenset("AC CP CQ DG EA EU EZ IC QO TA UN XA XB XK ZZ".split())
EXTRA_CODES = ("XK",)
#: Countries the seed gazetteer (data/entities.csv) already has.
SEED_COUNTRIES = {"CA": "canada"}

QIDS = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AI": "Q25228", "AL": "Q222",
    "AM": "Q399", "AO": "Q916", "AQ": "Q51", "AR": "Q414", "AS": "Q16641", "AT": "Q40",
    "AU": "Q408", "AW": "Q21203", "AX": "Q5689", "AZ": "Q227", "BA": "Q225", "BB": "Q244",
    "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219", "BH": "Q398", "BI": "Q967",
    "BJ": "Q962", "BL": "Q25362", "BM": "Q23635", "BN": "Q921", "BO": "Q750", "BQ": "Q27561",
    "BR": "Q155", "BS": "Q778", "BT": "Q917", "BV": "Q23408", "BW": "Q963", "BY": "Q184",
    "BZ": "Q242", "CA": "Q16", "CC": "Q36004", "CD": "Q974", "CF": "Q929", "CG": "Q971",
    "CH": "Q39", "CI": "Q1008", "CK": "Q26988", "CL": "Q298", "CM": "Q1009", "CN": "Q148",
    "CO": "Q739", "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CW": "Q25279", "CX": "Q31063",
    "CY": "Q229", "CZ": "Q213", "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784",
    "DO": "Q786", "DZ": "Q262", "EC": "Q736", "EE": "Q191", "EG": "Q79", "EH": "Q6250",
    "ER": "Q986", "ES": "Q29", "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FK": "Q9648",
    "FM": "Q702", "FO": "Q4628", "FR": "Q142", "GA": "Q1000", "GB": "Q145", "GD": "Q769",
    "GE": "Q230", "GF": "Q3769", "GG": "Q25230", "GH": "Q117", "GI": "Q1410", "GL": "Q223",
    "GM": "Q1005", "GN": "Q1006", "GP": "Q17012", "GQ": "Q983", "GR": "Q41", "GS": "Q35086",
    "GT": "Q774", "GU": "Q16635", "GW": "Q1007", "GY": "Q734", "HK": "Q8646", "HM": "Q131198",
    "HN": "Q783", "HR": "Q224", "HT": "Q790", "HU": "Q28", "ID": "Q252", "IE": "Q27",
    "IL": "Q801", "IM": "Q9676", "IN": "Q668", "IO": "Q43448", "IQ": "Q796", "IR": "Q794",
    "IS": "Q189", "IT": "Q38", "JE": "Q785", "JM": "Q766", "JO": "Q810", "JP": "Q17",
    "KE": "Q114", "KG": "Q813", "KH": "Q424", "KI": "Q710", "KM": "Q970", "KN": "Q763",
    "KP": "Q423", "KR": "Q884", "KW": "Q817", "KY": "Q5785", "KZ": "Q232", "LA": "Q819",
    "LB": "Q822", "LC": "Q760", "LI": "Q347", "LK": "Q854", "LR": "Q1014", "LS": "Q1013",
    "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028", "MC": "Q235",
    "MD": "Q217", "ME": "Q236", "MF": "Q126125", "MG": "Q1019", "MH": "Q709", "MK": "Q221",
    "ML": "Q912", "MM": "Q836", "MN": "Q711", "MO": "Q14773", "MP": "Q16644", "MQ": "Q17054",
    "MR": "Q1025", "MS": "Q13353", "MT": "Q233", "MU": "Q1027", "MV": "Q826", "MW": "Q1020",
    "MX": "Q96", "MY": "Q833", "MZ": "Q1029", "NA": "Q1030", "NC": "Q33788", "NE": "Q1032",
    "NF": "Q31057", "NG": "Q1033", "NI": "Q811", "NL": "Q55", "NO": "Q20", "NP": "Q837",
    "NR": "Q697", "NU": "Q34020", "NZ": "Q664", "OM": "Q842", "PA": "Q804", "PE": "Q419",
    "PF": "Q30971", "PG": "Q691", "PH": "Q928", "PK": "Q843", "PL": "Q36", "PM": "Q34617",
    "PN": "Q35672", "PR": "Q1183", "PS": "Q219060", "PT": "Q45", "PW": "Q695", "PY": "Q733",
    "QA": "Q846", "RE": "Q17070", "RO": "Q218", "RS": "Q403", "RU": "Q159", "RW": "Q1037",
    "SA": "Q851", "SB": "Q685", "SC": "Q1042", "SD": "Q1049", "SE": "Q34", "SG": "Q334",
    "SH": "Q192184", "SI": "Q215", "SJ": "Q842829", "SK": "Q214", "SL": "Q1044", "SM": "Q238",
    "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039", "SV": "Q792",
    "SX": "Q26273", "SY": "Q858", "SZ": "Q1050", "TC": "Q18221", "TD": "Q657", "TF": "Q129003",
    "TG": "Q945", "TH": "Q869", "TJ": "Q863", "TK": "Q36823", "TL": "Q574", "TM": "Q874",
    "TN": "Q948", "TO": "Q678", "TR": "Q43", "TT": "Q754", "TV": "Q672", "TW": "Q865",
    "TZ": "Q924", "UA": "Q212", "UG": "Q1036", "UM": "Q16645", "US": "Q30", "UY": "Q77",
    "UZ": "Q265", "VA": "Q237", "VC": "Q757", "VE": "Q717", "VG": "Q25305", "VI": "Q11703",
    "VN": "Q881", "VU": "Q686", "WF": "Q35555", "WS": "Q683", "YE": "Q805", "YT": "Q17063",
    "ZA": "Q258", "ZM": "Q953", "ZW": "Q954", "XK": "Q1246",
}

#: Hand-checked additions per country: ``label``/``id`` override the CLDR
#: English name and its slug; ``replace_<lang>`` drops CLDR's name for that
#: language (official long forms news never writes); ``note`` documents an
#: ambiguity decision (the matching rule, if any, is in base_rules.csv).
EXTRA: dict[str, dict[str, object]] = {
    "US": {"label": "United States", "ja": ["米国", "米", "アメリカ"],
           "de": ["USA", "Vereinigte Staaten von Amerika", "Amerika", "amerikanisch", "US-amerikanisch"],
           "id": ["AS", "Amerika"],
           "en": ["United States of America", "USA", "US", "U.S.", "U.S.A.", "America", "American"],
           "note": "ja 米 (rice) counts only in US contexts (米政府, 日米, 訪米; not 米ドル): "
                   "require_before/after rules. 'US' is not the US in 'US$' / 'US-Dollar' "
                   "(forbid_after). id 'AS' is Indonesian-only (German/English 'AS' is no country)."},
    "GB": {"label": "United Kingdom", "ja": ["英国", "英", "イギリス"],
           "de": ["Großbritannien", "britisch"], "id": ["Inggris", "Britania Raya"],
           "en": ["UK", "U.K.", "Britain", "Great Britain", "British"],
           "note": "ja 英 (also 'excellent', 英語) counts only in UK contexts (英政府, 日英, 英紙): rules."},
    "CN": {"ja": ["中華人民共和国"], "de": ["Volksrepublik China", "VR China", "chinesisch"],
           "id": ["Cina", "RRT", "Republik Rakyat Tiongkok"],
           "en": ["People's Republic of China", "PRC", "Chinese"],
           "note": "ja 中国 is also the Chūgoku region of Japan: 中国地方, 中国電力, 中国新聞 are "
                   "forbidden (forbid_after). The bare short form 中 is left out (中 = middle)."},
    "JP": {"ja": ["日本国"], "de": ["japanisch"], "en": ["Japanese"],
           "note": "The short form 日 (sun, day) is left out; 日米/日中 count the partner only."},
    "DE": {"ja": ["独"], "de": ["Bundesrepublik Deutschland", "Bundesrepublik", "BRD", "deutsch"],
           "en": ["German", "Federal Republic of Germany"],
           "note": "ja 独 (alone, 独自, 独占) counts only in German contexts (独政府, 日独, 独紙): "
                   "rules. de 'deutsch' + adjective endings (deutsche, deutschen) via the suffix rule."},
    "ID": {"de": ["indonesisch"], "id": ["RI", "Republik Indonesia"], "en": ["Indonesian"],
           "note": "id 'RI' (Republik Indonesia: 'Presiden RI') is Indonesian-only."},
    "FR": {"ja": ["仏"], "de": ["französisch"], "en": ["French"],
           "note": "ja 仏 (Buddha) counts only in French contexts (仏政府, 日仏, 仏紙): rules."},
    "IT": {"de": ["italienisch"], "en": ["Italian"]},
    "ES": {"de": ["spanisch"], "en": ["Spanish"]},
    "NL": {"de": ["niederländisch", "Holland"], "en": ["Dutch", "Holland"]},
    "CH": {"de": ["schweizerisch"], "en": ["Swiss"]},
    "AT": {"de": ["österreichisch"], "en": ["Austrian"]},
    "RU": {"ja": ["露"], "de": ["russisch"], "en": ["Russian", "Russian Federation"],
           "note": "ja 露 (dew) counts only in Russian contexts (露政府, 日露, 露軍): rules."},
    "UA": {"de": ["ukrainisch"], "en": ["Ukrainian"]},
    "IN": {"de": ["indisch"], "en": ["Indian"],
           "note": "ja インド洋 (Indian Ocean) is forbidden (forbid_after)."},
    "KR": {"label": "South Korea", "ja": ["大韓民国"], "de": ["südkoreanisch"],
           "id": ["Korsel"], "en": ["Republic of Korea", "ROK", "South Korean"],
           "note": "A bare 'Korea' is left out: it may mean either Korean state."},
    "KP": {"ja": ["朝鮮民主主義人民共和国"], "de": ["nordkoreanisch"], "id": ["Korut"],
           "en": ["DPRK", "North Korean"]},
    "TW": {"de": ["taiwanisch"], "en": ["Taiwanese"]},
    "HK": {"label": "Hong Kong", "id_slug": "hong-kong", "ja": ["香港"], "de": ["Hongkong"],
           "id": ["Hong Kong"], "en": ["Hong Kong"], "replace": ["ja", "de", "id", "en"]},
    "MO": {"label": "Macau", "id_slug": "macau", "ja": ["マカオ"], "de": ["Macau"],
           "id": ["Makau"], "en": ["Macau", "Macao"], "replace": ["ja", "de", "id", "en"]},
    "CD": {"label": "Democratic Republic of the Congo", "id_slug": "congo-kinshasa",
           "ja": ["コンゴ民主共和国"], "de": ["Demokratische Republik Kongo", "DR Kongo"],
           "id": ["Republik Demokratik Kongo", "RD Kongo"],
           "en": ["Democratic Republic of the Congo", "DR Congo", "DRC"],
           "replace": ["ja", "de", "id", "en"]},
    "CG": {"label": "Republic of the Congo", "id_slug": "congo-brazzaville",
           "ja": ["コンゴ共和国"], "de": ["Republik Kongo"], "id": ["Republik Kongo"],
           "en": ["Republic of the Congo"], "replace": ["ja", "de", "id", "en"]},
    "CI": {"ja": ["象牙海岸"], "de": ["Elfenbeinküste"], "id": ["Pantai Gading"],
           "en": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"]},
    "MM": {"ja": ["ミャンマー", "ビルマ"], "replace": ["ja"]},
    "CC": {"id": ["Kepulauan Cocos", "Kepulauan Cocos (Keeling)"], "replace": ["id"]},
    "PS": {"label": "Palestine", "id_slug": "palestine", "ja": ["パレスチナ"],
           "de": ["Palästina"], "id": ["Palestina"], "en": ["Palestine"]},
    "VA": {"ja": ["バチカン"], "de": ["Vatikan"], "en": ["Vatican", "Holy See"]},
    "CZ": {"ja": ["チェコ共和国"], "de": ["Tschechische Republik"], "en": ["Czech Republic"]},
    "TR": {"ja": ["トルコ"], "id": ["Turki"], "en": ["Turkey", "Türkiye"],
           "note": "en 'Turkey' is also the bird (lower-case 'turkey'; matching is case-sensitive); "
                   "ja トルコ石 (turquoise) is forbidden."},
    "AE": {"ja": ["UAE"], "de": ["VAE"], "id": ["UEA", "Persatuan Emirat Arab"], "en": ["UAE"]},
    "SA": {"ja": ["サウジ"], "de": ["saudisch"], "id": ["Saudi"], "en": ["Saudi", "KSA"]},
    "AU": {"ja": ["豪州", "豪"], "de": ["australisch"], "en": ["Australian"],
           "note": "ja 豪 (豪雨, 豪華) counts only in Australian contexts (豪政府, 日豪): rules."},
    "NZ": {"ja": ["NZ"], "en": ["NZ"]},
    "ZA": {"ja": ["南ア"], "en": ["South African"]},
    "IL": {"de": ["israelisch"], "en": ["Israeli"]},
    "IR": {"de": ["iranisch"], "en": ["Iranian"]},
    "BR": {"de": ["brasilianisch"], "en": ["Brazilian"]},
    "MX": {"de": ["mexikanisch"], "en": ["Mexican"]},
    "MY": {"de": ["malaysisch"], "en": ["Malaysian"]},
    "SG": {"de": ["singapurisch"], "en": ["Singaporean"],
           "note": "City-state: one row for the country and the city."},
    "VN": {"de": ["vietnamesisch"], "en": ["Vietnamese", "Viet Nam"]},
    "TH": {"de": ["thailändisch"], "en": ["Thai"],
           "note": "ja タイ is also 'tie' (タイ記録); katakana neighbours (タイム, ネクタイ) never match."},
    "PH": {"de": ["philippinisch"], "en": ["Filipino", "Philippine"]},
    "PL": {"de": ["polnisch"], "en": ["Polish"]},
    "SE": {"de": ["schwedisch"], "en": ["Swedish"]},
    "IE": {"de": ["irisch"], "en": ["Irish"]},
    "FI": {"de": ["finnisch"], "en": ["Finnish"]},
    "DK": {"de": ["dänisch"], "en": ["Danish"]},
    "NO": {"de": ["norwegisch"], "en": ["Norwegian"]},
    "BE": {"de": ["belgisch"], "en": ["Belgian"]},
    "PT": {"de": ["portugiesisch"], "en": ["Portuguese"]},
    "GR": {"de": ["griechisch"], "en": ["Greek"]},
    "EG": {"de": ["ägyptisch"], "en": ["Egyptian"]},
    "PK": {"de": ["pakistanisch"], "en": ["Pakistani"]},
    "GE": {"note": "en/id 'Georgia' is also the US state: forbidden after 'Atlanta,' / 'state of' "
                   "and before 'State'/'Tech' (rules); ja ジョージア州 is the state (forbid_after 州)."},
    "JO": {"note": "en/id 'Jordan' is also a given name: forbidden before a capitalised surname "
                   "(Jordan Peterson has its own seed row, which the longest match prefers)."},
    "TD": {"note": "en 'Chad' is also a given name: forbidden before a capitalised surname."},
    "JE": {"ja": ["ジャージー島"], "replace": ["ja"],
           "note": "ja ジャージー (tracksuit) is left out; only ジャージー島. 'New Jersey' is not Jersey "
                   "(forbid_before 'New ')."},
    "ML": {"note": "ja マリ is also a given name (マリ・キュリー): forbidden before ・."},
}


def slugify(name: str) -> str:
    """'Côte d’Ivoire' -> 'cote-d-ivoire' (ASCII, lower case, '-')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def clean_names(name: str) -> list[str]:
    """CLDR display name -> the forms a news text writes."""
    names = [name]
    paren = re.fullmatch(r"(.+?)\s*[(（](.+?)[)）]\s*(.*)", name)
    if paren:
        head, inner, tail = paren.groups()
        if tail:  # 'Cocos (Keeling) Islands': the inner part is no name of its own
            space = " " if re.search(r"[A-Za-z]$", head) else ""
            names = [f"{head}{space}{tail}", name]
        else:  # 'Myanmar (Burma)': two names of one country
            names = [head, inner]
    out = []
    for n in names:
        out.append(n.replace("’", "'"))
        if "&" in n:
            out.append(n.replace(" & ", " and ").replace("’", "'"))
        if n.startswith("St. "):
            out.append("Saint " + n[4:])
    return out


def country_codes() -> list[str]:
    """ISO 3166-1 alpha-2 codes known to CLDR, plus EXTRA_CODES."""
    territories = Locale("en").territories
    codes = [c for c in territories if len(c) == 2 and c.isalpha() and c not in NOT_ISO]
    return sorted(codes) + list(EXTRA_CODES)


def build_country_row(code: str) -> dict[str, str]:
    """One gazetteer row for one ISO code."""
    extra = EXTRA.get(code, {})
    replace = set(extra.get("replace", []))
    aliases: dict[str, list[str]] = {}
    for lang in LANGS:
        cldr = [] if lang in replace else clean_names(Locale(lang).territories[code])
        aliases[lang] = list(dict.fromkeys(cldr + list(extra.get(lang, []))))
    shared = set(aliases["en"])
    for lang in ("ja", "de", "id"):  # English aliases apply in every language already
        aliases[lang] = [a for a in aliases[lang] if a not in shared]
    label = str(extra.get("label") or aliases["en"][0])
    note = f"{NOTE_PREFIX}{code}; names from CLDR plus news short forms (tools/build_base_gazetteer.py)."
    if extra.get("note"):
        note += " " + str(extra["note"])
    return {
        "entity_id": str(extra.get("id_slug") or slugify(label)), "label": label, "type": "PLACE",
        "wikidata": QIDS.get(code, ""), "parent": "",
        **{f"aliases_{lang}": "|".join(aliases[lang]) for lang in LANGS}, "note": note,
    }


def render(rows: list[dict[str, str]]) -> str:
    """The CSV text (header + rows, LF line ends, minimal quoting)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    args = parser.parse_args()
    kept: list[dict[str, str]] = []
    if TARGET.is_file():
        with TARGET.open(encoding="utf-8", newline="") as handle:
            kept = [r for r in csv.DictReader(handle) if not r["note"].startswith(NOTE_PREFIX)]
    countries = [build_country_row(c) for c in country_codes() if c not in SEED_COUNTRIES]
    text = render(countries + kept)
    current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
    if args.check:
        print("up to date" if text == current else f"{TARGET} is stale: run this script")
        return 0 if text == current else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {len(countries)} country rows + {len(kept)} hand-maintained rows to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
