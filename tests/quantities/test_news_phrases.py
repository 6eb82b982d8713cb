"""The hard news-phrase table (tests/data/quantities/news_phrases.csv) is
well formed and covers every case issue 14 lists; tools/score_number_phrases.py
scores extract_numbers on it (the score itself is a measurement, not a test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "data" / "quantities" / "news_phrases.csv"
KINDS = {"amount", "percent", "currency", "year", "month", "day", "count", "vague"}
UNITS = {"", "%", "pp", "clock-time", "decade", "USD", "EUR", "JPY", "CNY", "IDR", "GBP", "KRW",
         *(f"{p}-duration" for p in ("year", "month", "week", "day", "hour", "minute", "second"))}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return pd.read_csv(TABLE, dtype=str, keep_default_na=False)


def test_schema_and_size(table):
    assert list(table.columns) == ["lang", "phrase", "value", "unit", "kind", "note"]
    assert len(table) >= 200
    assert (table["lang"].value_counts() >= 50).all() and set(table["lang"]) == {"ja", "de", "id", "en"}
    assert set(table["kind"]) <= KINDS and set(table["unit"]) <= UNITS
    assert not table.duplicated(["lang", "phrase"]).any()


def test_values_are_plain_decimals_and_vague_rows_have_none(table):
    vague = table["kind"] == "vague"
    assert (table.loc[vague, "value"] == "").all()
    values = table.loc[~vague, "value"]
    assert values.str.fullmatch(r"\d+(?:\.\d+)?").all()  # no exponent, no sign, no separators


@pytest.mark.parametrize("lang,phrase", [
    ("ja", "3割"), ("ja", "1年半"), ("ja", "5分の1"), ("de", "ein Drittel"), ("id", "sepertiga"),
    ("en", "a third"), ("en", "two-thirds"), ("id", "setengah"), ("de", "ein Viertel"), ("de", "1990er"),
    ("en", "1990s"), ("en", "FY2024"), ("en", "mid-2025"), ("en", "a dozen"), ("id", "Rp 3,2 T"),
    ("id", "Rp 2 M"), ("id", "Rp 1 kuadriliun"), ("de", "3\u2009000 Beschäftigte"), ("de", "12\u202f500 Nutzer"),
    ("en", "half a billion"), ("ja", "数十億ドル"), ("en", "dozens of"), ("de", "Dutzende Beschwerden"),
    ("id", "puluhan miliar dolar"), ("ja", "60億米ドル"), ("de", "6 Milliarden US-Dollar"), ("id", "US$6 miliar"),
    ("en", "$6 billion"), ("de", "67,9 Prozent"), ("ja", "2億5000万"), ("de", "drei Tesla-Aktionäre"),
    ("id", "tiga pemegang saham"),
])
def test_issue_14_cases_are_in_the_table(table, lang, phrase):
    # every phrase the issue names is present (as the phrase itself or inside a longer one)
    rows = table[table["lang"] == lang]
    assert rows["phrase"].str.contains(phrase, regex=False).any()


def test_scorer_runs_and_reports(table):
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "score_number_phrases.py"), "--quiet"],
                            capture_output=True, text=True, check=True)
    assert f"of {len(table)} phrases right" in result.stdout
