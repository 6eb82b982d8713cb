"""Fractions, halves, decades, fiscal years, dozens, Rp abbreviations and
space-grouped thousands (newskit.quantities.ratios and the vocabularies),
plus the linear bookkeeping of used characters (issue 10 #8)."""

from __future__ import annotations

import random

import pytest

from newskit.quantities import extract_numbers
from newskit.quantities.passes import Context
from newskit.quantities.vocab import vocab_for


def found(text: str, lang: str) -> list[tuple]:
    """(surface, kind, value rounded, unit) of every quantity."""
    return [(q.surface, q.kind, round(q.value, 4), q.unit) for q in extract_numbers(text, lang)]


THIRD = round(100 / 3, 4)  # 33.3333 %

CASES = [
    # --- shares become percentages, so 3分の1 = ein Drittel = sepertiga = a third
    ("ja", "国民の3分の1が", [("3分の1", "percent", THIRD, "%")]),
    ("ja", "三分の二", [("三分の二", "percent", round(200 / 3, 4), "%")]),  # kanji numerals
    ("ja", "売上の4割を", [("4割", "percent", 40.0, "%")]),                 # 割 = tenths
    ("ja", "3割5分", [("3割5分", "percent", 35.0, "%")]),                   # 割 + 分 (hundredths)
    ("ja", "半分以上", [("半分", "percent", 50.0, "%")]),
    ("de", "knapp ein Drittel", [("ein Drittel", "percent", THIRD, "%")]),
    ("de", "mit einem Viertel", [("einem Viertel", "percent", 25.0, "%")]),
    ("de", "drei Viertel", [("drei Viertel", "percent", 75.0, "%")]),     # drei is a word number
    ("de", "die Hälfte", [("die Hälfte", "percent", 50.0, "%")]),
    ("id", "sepertiga pengguna", [("sepertiga", "percent", THIRD, "%")]),
    ("id", "dua pertiga", [("dua pertiga", "percent", round(200 / 3, 4), "%")]),
    ("en", "a third of users", [("a third", "percent", THIRD, "%")]),
    ("en", "two-thirds", [("two-thirds", "percent", round(200 / 3, 4), "%")]),  # one hyphenated word
    ("en", "roughly half", [("half", "percent", 50.0, "%")]),
    # --- not shares: ordinals and "the second half"
    ("en", "in the third quarter", []),
    ("en", "a third party", []),
    ("en", "in the second half", []),
    ("de", "im ersten Viertel", []),
    ("de", "in der zweiten Hälfte", []),
    ("ja", "十分の理由", []),                                   # 十分 'enough'
    # --- halves of a scale or a unit
    ("en", "half a billion pounds", [("half a billion pounds", "currency", 5e8, "GBP")]),
    ("de", "eine halbe Milliarde Euro", [("eine halbe Milliarde Euro", "currency", 5e8, "EUR")]),
    ("id", "setengah miliar dolar", [("setengah miliar dolar", "currency", 5e8, "USD")]),
    ("ja", "1年半で", [("1年半", "count", 1.5, "year-duration")]),
    ("ja", "半年後", [("半年", "count", 0.5, "year-duration")]),
    ("ja", "2024年半ば", [("2024年", "year", 2024.0, None)]),  # 'mid-2024', no duration
    ("de", "anderthalb Jahre", [("anderthalb Jahre", "count", 1.5, "year-duration")]),
    ("de", "ein halbes Jahr", [("ein halbes Jahr", "count", 0.5, "year-duration")]),
    ("id", "satu setengah tahun", [("satu setengah tahun", "count", 1.5, "year-duration")]),
    ("id", "setahun", [("setahun", "count", 1.0, "year-duration")]),
    ("id", "sehari-hari", []),                                  # 'daily', not one day
    ("en", "a year and a half", [("a year and a half", "count", 1.5, "year-duration")]),
    ("en", "two and a half years", [("two and a half years", "count", 2.5, "year-duration")]),
    # --- decades, fiscal and mid-years
    ("ja", "1990年代", [("1990年代", "year", 1990.0, "decade")]),
    ("de", "in den 1990er-Jahren", [("1990er-Jahren", "year", 1990.0, "decade")]),
    ("id", "tahun 1990-an", [("1990-an", "year", 1990.0, "decade")]),
    ("en", "since the 1990s", [("1990s", "year", 1990.0, "decade")]),
    ("en", "in FY2024", [("FY2024", "year", 2024.0, None)]),
    ("en", "by mid-2025", [("mid-2025", "year", 2025.0, None)]),
    ("en", "SR-71", []),                                        # still a model name
    # --- dozens: a scale of 12; "dozens" stays vague
    ("en", "a dozen", [("a dozen", "count", 12.0, None)]),
    ("de", "zwei Dutzend", [("zwei Dutzend", "count", 24.0, None)]),
    ("id", "selusin", [("selusin", "count", 12.0, None)]),
    ("en", "dozens of", []),
    ("de", "Dutzende Beschwerden", []),
    # --- Indonesian finance abbreviations after Rp (M = miliar, T = triliun), kuadriliun
    ("id", "Rp 3,2 T", [("Rp 3,2 T", "currency", 3.2e12, "IDR")]),
    ("id", "Rp 2 M", [("Rp 2 M", "currency", 2e9, "IDR")]),
    ("id", "Rp2,5 kuadriliun", [("Rp2,5 kuadriliun", "currency", 2.5e15, "IDR")]),
    ("en", "Rp1.4 trillion", [("Rp1.4 trillion", "currency", 1.4e12, "IDR")]),
    ("id", "2 M", [("2", "count", 2.0, None)]),                 # no currency: M is no scale
    # --- thousands grouped by a space (thin, narrow or plain)
    ("de", "3\u2009000 Beschäftigte", [("3\u2009000", "count", 3000.0, None)]),
    ("de", "12\u202f500 Nutzer", [("12\u202f500", "amount", 12500.0, None)]),
    ("de", "1 250 000 Euro", [("1 250 000 Euro", "currency", 1250000.0, "EUR")]),
    ("en", "12 500", [("12 500", "amount", 12500.0, None)]),
    ("ja", "5ポイント上昇", [("5ポイント", "percent", 5.0, "pp")]),   # percentage points
]


@pytest.mark.parametrize("lang, text, expected", CASES)
def test_ratio_and_year_forms(lang, text, expected):
    assert found(text, lang) == expected


def naive_taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """The former list scan: overlap with a span, or an empty span inside."""
    return any(s < end and start < e for s, e in spans) or any(s == e and start <= s < end for s, e in spans)


def test_used_characters_answer_like_the_list_they_replace():
    # the byte mask costs the length of the span asked about, not the number of
    # spans taken so far (which made extract_numbers quadratic); same answers
    random.seed(3)
    text = "x" * 500
    ctx = Context(text, vocab_for("en"), {})
    spans = []
    for _ in range(200):
        start = random.randrange(500)
        span = (start, min(500, start + random.choice([0, 1, 3, 8])))
        spans.append(span)
        ctx.take(*span)
    for _ in range(2_000):
        start = random.randrange(500)
        end = min(500, start + random.randrange(1, 12))
        assert ctx.is_taken(start, end) == naive_taken(spans, start, end)
    assert len(ctx.used) == len(text) + 1  # one byte per character, whatever was taken


def test_exclude_spans_still_exclude():
    text = "Grok 2 kostet 6 Milliarden Dollar"
    assert [q.surface for q in extract_numbers(text, "de", exclude_spans=[(14, 33)])] == []
    assert [q.surface for q in extract_numbers(text, "de", exclude_spans=[(14, 14)])] == []  # an empty span inside
