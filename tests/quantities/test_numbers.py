"""newskit.numbers: one fact written in ja/de/id/en must give the same quantity.

The translation audit compares multisets of ``Quantity.key()`` per paragraph,
so these tests pin down (1) each language's notation, (2) what must NOT be a
quantity (model names, ordinals, vague amounts), (3) that the three real
machine translations of the xAI article agree everywhere except in the three
places where the translations really differ, and (4) that no input crashes
the extractor or breaks ``text[start:end] == surface``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.errors import ArgumentError
from newskit.quantities.model import KINDS, UNITS, Quantity
from newskit.quantities import KINDS, UNITS, Quantity, extract_numbers, numbers_frame

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
JA_DOC, DE_DOC, ID_DOC = "000_bdb3b55613212eec", "001_72353325704f0c20", "002_77ce10d3a1d715bd"


def found(text: str, lang: str) -> list[tuple]:
    """(surface, kind, value, unit) of every quantity, in text order."""
    return [(q.surface, q.kind, q.value, q.unit) for q in extract_numbers(text, lang)]


def keys(text: str, lang: str) -> Counter:
    """The multiset the audit compares."""
    return Counter(q.key() for q in extract_numbers(text, lang))


# --------------------------------------------------------------------------- Japanese

JA_CASES = [
    # 億 scale
    ("60億", [("60億", "amount", 6e9, None)]),
    # digits between two scales
    ("2億5000万", [("2億5000万", "amount", 2.5e8, None)]),
    # three-digit coefficient of 億
    ("435億", [("435億", "amount", 4.35e10, None)]),
    # 米ドル is USD
    ("240億米ドル", [("240億米ドル", "currency", 2.4e10, "USD")]),
    # an amount and its conversion in brackets: two currencies
    ("60億米ドル(約435億人民元)", [("60億米ドル", "currency", 6e9, "USD"),
                              ("435億人民元", "currency", 4.35e10, "CNY")]),
    # percent with a decimal point
    ("67.9%", [("67.9%", "percent", 67.9, "%")]),
    # full-width digits, offsets still point at the full-width text
    ("約６０億ドル", [("６０億ドル", "currency", 6e9, "USD")]),
    # full-width decimal point and percent sign
    ("６７．９％", [("６７．９％", "percent", 67.9, "%")]),
    # kanji numeral with a counter
    ("三人の株主", [("三人", "count", 3.0, None)]),
    # digits with a counter (machine translation inserts a space)
    ("少なくとも 11 名", [("11 名", "count", 11.0, None)]),
    # kanji numeral with a scale and no counter
    ("十万", [("十万", "amount", 1e5, None)]),
    # digits, scale and counter: a large count is an amount, as in de/id
    ("10万個のチップ", [("10万個", "amount", 1e5, None)]),
    # month and day
    ("7月13日", [("7月", "month", 7.0, None), ("13日", "day", 13.0, None)]),
    # month and day with machine-translation spaces
    ("8 月 13 日", [("8 月", "month", 8.0, None), ("13 日", "day", 13.0, None)]),
    # 4-digit year
    ("2022年、", [("2022年", "year", 2022.0, None)]),
    # ISO date: one quantity per part
    ("2024-08-13", [("2024", "year", 2024.0, None), ("08", "month", 8.0, None),
                    ("13", "day", 13.0, None)]),
    # full Japanese date
    ("2024年3月17日", [("2024年", "year", 2024.0, None), ("3月", "month", 3.0, None),
                     ("17日", "day", 17.0, None)]),
    # month duration (か月), not a month
    ("4 か月を経て", [("4 か月", "count", 4.0, "month-duration")]),
    # month duration written ヶ月
    ("3ヶ月以内", [("3ヶ月", "count", 3.0, "month-duration")]),
    # 兆 scale
    ("1兆", [("1兆", "amount", 1e12, None)]),
    # 兆 with a currency
    ("7兆ドル", [("7兆ドル", "currency", 7e12, "USD")]),
    # four-digit coefficient of 億
    ("1570億ドル", [("1570億ドル", "currency", 1.57e11, "USD")]),
    # thousands comma in the coefficient
    ("1,570億ドル", [("1,570億ドル", "currency", 1.57e11, "USD")]),
    # 千 between digits and 万
    ("2千万ドル", [("2千万ドル", "currency", 2e7, "USD")]),
    # approximate minutes: a minute duration, 約 is left out
    ("約90分間", [("90分間", "count", 90.0, "minute-duration")]),
    # clock time: hours after midnight
    ("午後8時30分頃", [("午後8時30分", "amount", 20.5, "clock-time")]),
    # parameters
    ("3140億のパラメータ", [("3140億", "amount", 3.14e11, None)]),
    # scale after a space
    ("330 億のパラメータ", [("330 億", "amount", 3.3e10, None)]),
    # floor counter
    ("10階から", [("10階", "count", 10.0, None)]),
    # a small number before 年 is a duration
    ("わずか1年で", [("1年", "count", 1.0, "year-duration")]),
    # 年間 is a duration
    ("今後5年間", [("5年間", "count", 5.0, "year-duration")]),
    # 日 beyond 31 is a duration
    ("100日", [("100日", "count", 100.0, "day-duration")]),
    # Japanese era year
    ("令和6年", [("令和6年", "year", 2024.0, None)]),
    # range: 3 shares the unit of 5年
    ("3～5年", [("3", "count", 3.0, "year-duration"), ("5年", "count", 5.0, "year-duration")]),
    # lone 一 before a duration is one
    ("一か月", [("一か月", "count", 1.0, "month-duration")]),
    # model name with a glued letter
    ("GPT-4o に影響", []),
    # model name with a decimal version
    ("Grok-1.5Vを発売", []),
    # model name, version after a space
    ("Grok 2 が登場", []),
    # model name and size
    ("Llama 2 70B", []),
    # listed product name
    ("GPT-4V や Claude 3 など", []),
    # aircraft designation
    ("SR-71ブラックバード", []),
    # version with a point
    ("GPT-3.5", []),
    # digits glued to a lower-case name
    ("chatgpt3より大きく", []),
    # vague: 数 before the number
    ("数百億ドル相当", []),
    # vague: several months
    ("今後数か月以内に", []),
    # 一人 is "a person", not a count
    ("一人の人間が", []),
    # 十分 is "enough"
    ("電話で十分かもしれません", []),
    # ordinal (second highest)
    ("2番目に高い", []),
    # ordinal (second place)
    ("2 位であり", []),
    # ordinal prefix 第
    ("第2四半期", []),
    # "one of …"
    ("株主訴訟の1つは", []),
    # "one of …" with a person counter and spaces
    ("エンジニアの 1 人である", []),
    # fraction 5分の1: a share of one fifth (was skipped before fractions were read)
    ("5分の1", [("5分の1", "percent", 20.0, "%")]),
    # section number at the start of a line
    ("1. マスクは人材", []),
    # kanji in a company name
    ("三菱", []),
    # placeholder circles
    ("〇〇社", []),
    # month 13 does not exist
    ("13月", []),
]


@pytest.mark.parametrize("text, expected", JA_CASES)
def test_japanese(text: str, expected: list[tuple]) -> None:
    assert found(text, "ja") == expected


@pytest.mark.parametrize("text, counter", [
    # 人 and 名 count persons
    ("3人", "person"),
    ("11 名", "person"),
    # 個 and つ count items
    ("10万個", "item"),
    ("3つのアップデート", "item"),
    # 階 counts floors
    ("10階", "floor"),
])
def test_japanese_counter_is_kept_for_reading(text: str, counter: str) -> None:
    (quantity,) = extract_numbers(text, "ja")
    assert quantity.counter == counter


# --------------------------------------------------------------------------- German

DE_CASES = [
    # decimal comma, Milliarden, RMB
    ("43,5 Milliarden RMB", [("43,5 Milliarden RMB", "currency", 4.35e10, "CNY")]),
    # US-Dollar
    ("6 Milliarden US-Dollar", [("6 Milliarden US-Dollar", "currency", 6e9, "USD")]),
    # Millionen
    ("250 Millionen US-Dollar", [("250 Millionen US-Dollar", "currency", 2.5e8, "USD")]),
    # scale without currency
    ("24 Milliarden", [("24 Milliarden", "amount", 2.4e10, None)]),
    # percent after a space
    ("mit 67,9 % für", [("67,9 %", "percent", 67.9, "%")]),
    # the noun after the scale is not a unit
    ("33 Milliarden Parametern", [("33 Milliarden", "amount", 3.3e10, None)]),
    # number words (text2num)
    ("drei Aktionäre, sechs davon", [("drei", "count", 3.0, None), ("sechs", "count", 6.0, None)]),
    # compound number word
    ("dreiundzwanzig", [("dreiundzwanzig", "count", 23.0, None)]),
    # number word before a duration
    ("nach zwei Monaten", [("zwei Monaten", "count", 2.0, "month-duration")]),
    # number word before a scale and a currency
    ("zehn Milliarden Euro", [("zehn Milliarden Euro", "currency", 1e10, "EUR")]),
    # digits before a duration
    ("nach 4 Monaten", [("4 Monaten", "count", 4.0, "month-duration")]),
    # article as "one" before a duration
    ("in nur einem Jahr", [("einem Jahr", "count", 1.0, "year-duration")]),
    # genitive article before a duration
    ("innerhalb eines Monats", [("eines Monats", "count", 1.0, "month-duration")]),
    # article before a scale
    ("eine Milliarde Euro", [("eine Milliarde Euro", "currency", 1e9, "EUR")]),
    # plain "Dollar" is USD
    ("5 Dollar", [("5 Dollar", "currency", 5.0, "USD")]),
    # month name
    ("im Juli", [("Juli", "month", 7.0, None)]),
    # day with ordinal dot, then month
    ("am 13. August", [("13", "day", 13.0, None), ("August", "month", 8.0, None)]),
    # numeric German date
    ("13.08.2024", [("13", "day", 13.0, None), ("08", "month", 8.0, None),
                    ("2024", "year", 2024.0, None)]),
    # year after "im Jahr"
    ("Im Jahr 2022 erwarb", [("2022", "year", 2022.0, None)]),
    # thousands dot
    ("10.000 Chips", [("10.000", "amount", 1e4, None)]),
    # thousands dot and decimal comma
    ("1.234,5", [("1.234,5", "amount", 1234.5, None)]),
    # list of numbers sharing the last unit
    ("seit 5, 10 oder 20 Jahren", [("5", "count", 5.0, "year-duration"),
                                   ("10", "count", 10.0, "year-duration"),
                                   ("20 Jahren", "count", 20.0, "year-duration")]),
    # range sharing scale and currency
    ("3 bis 5 Milliarden Dollar", [("3", "currency", 3e9, "USD"),
                                   ("5 Milliarden Dollar", "currency", 5e9, "USD")]),
    # hyphenated compound
    ("das 6-Milliarden-Dollar-Paket", [("6-Milliarden-Dollar", "currency", 6e9, "USD")]),
    # clock time
    ("um 20:30 Uhr", [("20:30 Uhr", "amount", 20.5, "clock-time")]),
    # vague: "several tens of billions"
    ("im Wert von mehreren zehn Milliarden Dollar", []),
    # indefinite article, not a number
    ("Wenn eine Person mehrere Unternehmen besitzt", []),
    # ordinals
    ("an zweiter Stelle, das zweithöchste", []),
    # "August" as a given name
    ("August Bebel sagte", []),
    # model name with a German decimal comma
    ("Großes Modell Grok-1,5V.", []),
    # model names and sizes
    ("höher als die von Llama 2 70B und GPT-3.5", []),
    # model name, glued letter
    ("eine Wirkung auf GPT-4o", []),
    # spelled-out one with no unit
    ("Nummer eins", []),
    # section number
    ("2. Da die Übertragung", []),
]


@pytest.mark.parametrize("text, expected", DE_CASES)
def test_german(text: str, expected: list[tuple]) -> None:
    assert found(text, "de") == expected


# --------------------------------------------------------------------------- Indonesian

ID_CASES = [
    # decimal comma and miliar
    ("43,5 miliar", [("43,5 miliar", "amount", 4.35e10, None)]),
    # US$ before the number
    ("US$6 miliar", [("US$6 miliar", "currency", 6e9, "USD")]),
    # bare $ and juta
    ("senilai $250 juta", [("$250 juta", "currency", 2.5e8, "USD")]),
    # RMB code before the number, with a space
    ("sekitar RMB 43,5 miliar", [("RMB 43,5 miliar", "currency", 4.35e10, "CNY")]),
    # percent glued
    ("67,9% mendukung", [("67,9%", "percent", 67.9, "%")]),
    # ribu scale
    ("10 ribu", [("10 ribu", "amount", 1e4, None)]),
    # triliun with rupiah code
    ("Rp 5 triliun", [("Rp 5 triliun", "currency", 5e12, "IDR")]),
    # thousands dot glued to Rp
    ("Rp10.000", [("Rp10.000", "currency", 1e4, "IDR")]),
    # number word
    ("tiga pemegang saham", [("tiga", "count", 3.0, None)]),
    # number word in "six of them"
    ("enam di antaranya", [("enam", "count", 6.0, None)]),
    # se- form of ten
    ("sepuluh", [("sepuluh", "count", 10.0, None)]),
    # se- form of eleven
    ("sebelas", [("sebelas", "count", 11.0, None)]),
    # tens
    ("dua puluh", [("dua puluh", "count", 20.0, None)]),
    # teens
    ("dua belas", [("dua belas", "count", 12.0, None)]),
    # hundreds, tens and units
    ("seratus dua puluh tiga", [("seratus dua puluh tiga", "count", 123.0, None)]),
    # a group of thousands
    ("dua ratus ribu", [("dua ratus ribu", "amount", 2e5, None)]),
    # number word and duration
    ("Setelah dua bulan iterasi", [("dua bulan", "count", 2.0, "month-duration")]),
    # satu with a duration is kept
    ("dalam satu tahun", [("satu tahun", "count", 1.0, "year-duration")]),
    # day and month
    ("pada 13 Agustus", [("13", "day", 13.0, None), ("Agustus", "month", 8.0, None)]),
    # month names
    ("bulan Juli, Maret, November dan Mei",
     [("Juli", "month", 7.0, None), ("Maret", "month", 3.0, None),
      ("November", "month", 11.0, None), ("Mei", "month", 5.0, None)]),
    # year after "tahun"
    ("Pada tahun 2022", [("2022", "year", 2022.0, None)]),
    # list sharing the last unit
    ("5, 10, atau 20 tahun", [("5", "count", 5.0, "year-duration"),
                              ("10", "count", 10.0, "year-duration"),
                              ("20 tahun", "count", 20.0, "year-duration")]),
    # time of day
    ("pukul 20.30", [("20.30", "amount", 20.5, "clock-time")]),
    # "one of …"
    ("salah satu kepala teknisi", []),
    # vague: "tens of billions of dollars"
    ("puluhan miliar dolar", []),
    # vague: "several months"
    ("dalam beberapa bulan mendatang", []),
    # ordinal / "both"
    ("kedua perusahaan", []),
    # satu with no unit reads as an article
    ("menguntungkan satu perusahaan", []),
    # model names
    ("Grok 2 dan GPT-4o", []),
]


@pytest.mark.parametrize("text, expected", ID_CASES)
def test_indonesian(text: str, expected: list[tuple]) -> None:
    assert found(text, "id") == expected


# --------------------------------------------------------------------------- English

EN_CASES = [
    # $ and billion
    ("$6 billion", [("$6 billion", "currency", 6e9, "USD")]),
    # abbreviated scale
    ("$6bn", [("$6bn", "currency", 6e9, "USD")]),
    # one-letter scale after a currency sign
    ("$6B round", [("$6B", "currency", 6e9, "USD")]),
    # US$ and million
    ("US$250 million", [("US$250 million", "currency", 2.5e8, "USD")]),
    # currency word after the scale
    ("43.5 billion yuan", [("43.5 billion yuan", "currency", 4.35e10, "CNY")]),
    # trillion with a decimal point
    ("$1.2 trillion", [("$1.2 trillion", "currency", 1.2e12, "USD")]),
    # percent sign
    ("67.9% voted", [("67.9%", "percent", 67.9, "%")]),
    # percent word
    ("12 percent", [("12 percent", "percent", 12.0, "%")]),
    # number word
    ("three shareholders", [("three", "count", 3.0, None)]),
    # hyphenated number word
    ("twenty-one engineers", [("twenty-one", "count", 21.0, None)]),
    # "and" inside a spelled-out number
    ("one hundred and five", [("one hundred and five", "count", 105.0, None)]),
    # article as one before a duration
    ("a year ago", [("a year", "count", 1.0, "year-duration")]),
    # thousands comma
    ("10,000 chips", [("10,000", "amount", 1e4, None)]),
    # million with a decimal
    ("2.5 million users", [("2.5 million", "amount", 2.5e6, None)]),
    # month name
    ("in July", [("July", "month", 7.0, None)]),
    # ambiguous month name with a cue
    ("in May", [("May", "month", 5.0, None)]),
    # full date, month first
    ("August 13, 2024", [("August", "month", 8.0, None), ("13", "day", 13.0, None),
                         ("2024", "year", 2024.0, None)]),
    # ordinal day before month
    ("13th August", [("13", "day", 13.0, None), ("August", "month", 8.0, None)]),
    # year after "in"
    ("in 2022", [("2022", "year", 2022.0, None)]),
    # range sharing the unit
    ("5 to 10 years", [("5", "count", 5.0, "year-duration"),
                       ("10 years", "count", 10.0, "year-duration")]),
    # clock time
    ("at 8:30 p.m.", [("8:30 p.m.", "amount", 20.5, "clock-time")]),
    # "May" as a verb
    ("May I ask", []),
    # "one of …"
    ("one of its engineers", []),
    # vague
    ("tens of billions of dollars", []),
    # vague scale with no number
    ("several million", []),
    # model size, no currency sign
    ("70B parameters", []),
    # ordinal
    ("the 3rd place", []),
]


@pytest.mark.parametrize("text, expected", EN_CASES)
def test_english(text: str, expected: list[tuple]) -> None:
    assert found(text, "en") == expected


# --------------------------------------------------------------------------- across languages

NOTATIONS = [
    # scale word: 億 / Milliarden / miliar / billion
    ("60億", "6 Milliarden", "6 miliar", "6 billion"),
    # currency before or after
    ("60億米ドル", "6 Milliarden US-Dollar", "US$6 miliar", "$6 billion"),
    # decimal comma vs decimal point vs 億
    ("435億人民元", "43,5 Milliarden RMB", "RMB 43,5 miliar", "43.5 billion yuan"),
    # 億 + 万 vs Millionen / juta / million
    ("2億5000万ドル", "250 Millionen US-Dollar", "$250 juta", "$250 million"),
    # month: number + 月 vs month names
    ("7月", "im Juli", "pada bulan Juli", "in July"),
    # counter vs number words
    ("3人", "drei", "tiga", "three"),
    # percent notations
    ("67.9%", "67,9 %", "67,9%", "67.9%"),
    # duration in digits
    ("4か月", "4 Monaten", "4 bulan", "4 months"),
    # duration with number words
    ("2か月", "zwei Monaten", "dua bulan", "two months"),
    # one year: digit, article, word, article
    ("1年で", "in einem Jahr", "dalam satu tahun", "in a year"),
    # large count: 万 vs thousands separators
    ("10万個", "100.000", "100.000", "100,000"),
    # date: day and month
    ("8月13日", "13. August", "13 Agustus", "August 13"),
    # year
    ("2022年", "im Jahr 2022", "pada tahun 2022", "in 2022"),
    # vague amounts give nothing anywhere
    ("数百億ドル", "mehreren zehn Milliarden Dollar", "puluhan miliar dolar",
     "tens of billions of dollars"),
]


@pytest.mark.parametrize("ja, de, id_, en", NOTATIONS)
def test_notations_compare_equal(ja: str, de: str, id_: str, en: str) -> None:
    assert keys(ja, "ja") == keys(de, "de") == keys(id_, "id") == keys(en, "en")


# --------------------------------------------------------------------------- the real corpus


@pytest.fixture(scope="module")
def article() -> dict[str, list[str]]:
    """The three machine translations of the xAI article, line by line."""
    return {lang: (RAW / f"{doc}.txt").read_text(encoding="utf-8").splitlines()
            for lang, doc in (("ja", JA_DOC), ("de", DE_DOC), ("id", ID_DOC))}


def line_with(lines: list[str], marker: str) -> str:
    """The one line of a translation that contains ``marker``."""
    (line,) = [line for line in lines if marker in line]
    return line


USD6, CNY435, USD24 = ("currency", 6e9, "USD"), ("currency", 4.35e10, "CNY"), ("currency", 2.4e10, "USD")
JULY, MAY = ("month", 7.0, None), ("month", 5.0, None)

REAL_PARAGRAPHS = [
    # "at least 11 employees, 6 from the autopilot team": 名 vs bare digits
    ("xAI はテスラ従業員を少なくとも 11 名", "davon 6 aus dem Team", "6 di antaranya",
     {"ja": [("count", 11.0, None), ("count", 6.0, None)]}),
    # same fact again: 人 vs "sechs" vs "enam"
    ("少なくとも 11 人", "sechs davon", "enam di antaranya",
     {"ja": [("count", 11.0, None), ("count", 6.0, None)]}),
    # the poll result: 67.9% / 67,9 % / 67,9%
    ("67.9%", "67,9 %", "67,9%", {"ja": [("percent", 67.9, "%")]}),
    # "at least three Tesla shareholders": 3人 / drei / tiga
    ("Grokは強力に迫っている", "Grok kommt mit Gewalt", "Grok datang dengan paksa",
     {"ja": [("count", 3.0, None)]}),
    # $250m of computing power
    ("2億5000万ドル", "250 Millionen US-Dollar", "$250 juta", {"ja": [("currency", 2.5e8, "USD")]}),
    # Grok-0 with 33bn parameters, two months of iteration (model names ignored)
    ("330 億", "33 Milliarden Parametern", "33 miliar parameter",
     {"ja": [("amount", 3.3e10, None), ("count", 2.0, "month-duration")]}),
    # valuation above $24bn within one year of the July founding
    ("わずか1年で", "in nur einem Jahr", "hanya dalam satu tahun",
     {"ja": [JULY, ("count", 1.0, "year-duration"), USD24]}),
    # funding: de drops "in May"; id adds "Valuasinya langsung melebihi US$24 miliar"
    ("60億米ドル", "6 Milliarden US-Dollar", "US$6 miliar",
     {"ja": [JULY, MAY, USD6, CNY435], "de": [JULY, USD6, CNY435],
      "id": [JULY, MAY, USD6, CNY435, USD24]}),
    # the poll itself: the German line is cut off before the $5bn
    ("50億ドル", "Im Juli veröffentlichte er auf", "$5 miliar",
     {"ja": [JULY, ("currency", 5e9, "USD")], "de": [JULY]}),
]


@pytest.mark.parametrize("ja_marker, de_marker, id_marker, expected", REAL_PARAGRAPHS)
def test_real_translations(article: dict, ja_marker: str, de_marker: str, id_marker: str,
                           expected: dict) -> None:
    """Each language's multiset; where only "ja" is given all three must agree."""
    for lang, marker in (("ja", ja_marker), ("de", de_marker), ("id", id_marker)):
        want = Counter(expected.get(lang, expected["ja"]))
        assert keys(line_with(article[lang], marker), lang) == want, lang


def test_real_translations_differ_only_where_the_text_does(article: dict) -> None:
    """Line by line (the German file lacks the two contact lines at the top),
    the three versions agree except in three paragraphs: the funding paragraph
    (de drops May, id adds US$24bn), Musk's "5, 10 or 20 years" quote that the
    Japanese version lost, and the poll paragraph cut short in German."""
    ja, de, id_ = article["ja"], [None, None, *article["de"]], article["id"]
    assert len(ja) == len(de) == len(id_)
    differing = []
    for i, (ja_line, de_line, id_line) in enumerate(zip(ja, de, id_)):
        de_keys = keys(de_line, "de") if de_line is not None else Counter()
        if not keys(ja_line, "ja") == de_keys == keys(id_line, "id"):
            differing.append(i)
    starts = ("xAIは昨年7月に設立され",  # funding paragraph
              "先月、マスク氏はカナダの",  # the quote cut off in Japanese
              "マスク氏はまた、彼の異な")  # poll paragraph cut off in German
    assert len(differing) == len(starts)
    assert all(ja[i].startswith(start) for i, start in zip(differing, starts))


def test_real_article_totals(article: dict) -> None:
    """How many quantities each whole translation yields (a regression guard)."""
    totals = {lang: sum(len(extract_numbers(line, lang)) for line in lines)
              for lang, lines in article.items()}
    assert totals == {"ja": 34, "de": 35, "id": 38}


# --------------------------------------------------------------------------- API


def test_unsupported_language_is_an_argument_error() -> None:
    # the one language check of the kit names the supported codes
    with pytest.raises(ArgumentError, match=r"unsupported language code 'xx' \(supported: de, en, id, ja\)"):
        extract_numbers("60億", "xx")


def test_exclude_spans_skip_gazetteer_names() -> None:
    text = "Starlite 3 und 5 Aktionäre"
    assert [q.surface for q in extract_numbers(text, "de", exclude_spans=[(0, 10)])] == ["5"]
    with pytest.raises(ArgumentError, match="start <= end"):
        extract_numbers(text, "de", exclude_spans=[(5, 2)])


def test_quantity_is_frozen_and_keyed_without_counter() -> None:
    (person,) = extract_numbers("3人", "ja")
    assert person.key() == ("count", 3.0, None) == extract_numbers("drei", "de")[0].key()
    with pytest.raises(AttributeError):
        person.value = 4.0  # type: ignore[misc]


def test_numbers_frame_one_row_per_quantity() -> None:
    paragraphs = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c"], "para_id": [0, 1, 0, 0],
        "kind": ["heading", "body", "body", "body"],
        "text": ["Grok 2", "60億米ドル(約435億人民元)", "6 Milliarden US-Dollar", "US$6 miliar"]})
    frame = numbers_frame(paragraphs, {"a": "ja", "b": "de", "c": "id"})
    assert list(frame.columns) == ["doc_id", "para_id", "surface", "start", "end", "value",
                                   "kind", "unit"]
    assert frame[["doc_id", "para_id", "surface", "start", "end"]].values.tolist() == [
        ["a", 1, "60億米ドル", 0, 6], ["a", 1, "435億人民元", 8, 15],
        ["b", 0, "6 Milliarden US-Dollar", 0, 22], ["c", 0, "US$6 miliar", 0, 11]]
    assert frame["value"].tolist() == [6e9, 4.35e10, 6e9, 6e9]
    assert frame["unit"].tolist() == ["USD", "CNY", "USD", "USD"]


def test_numbers_frame_empty_and_bad_input() -> None:
    empty = numbers_frame(pd.DataFrame({"doc_id": [], "para_id": [], "text": []}), {})
    assert empty.empty and len(empty.columns) == 8
    with pytest.raises(ArgumentError, match="no language given for document 'z'"):
        numbers_frame(pd.DataFrame({"doc_id": ["z"], "para_id": [0], "text": ["3"]}), {})
    with pytest.raises(ArgumentError, match="needs paragraph column"):
        numbers_frame(pd.DataFrame({"doc_id": ["z"]}), {"z": "de"})


# --------------------------------------------------------------------------- robustness

#: Pieces that exercise every rule, mixed with arbitrary characters below.
PIECES = ["0", "7", "12", "2024", "43,5", "67.9", "10.000", " ", "\n", "-", ".", ",", "%",
          "％", "６", "$", "US$", "RMB", "一", "三", "十", "万", "億", "兆", "〇", "数", "第", "の",
          "年", "月", "日", "か月", "人", "分", "時", "午後", "令和", "ドル", "drei", "ein",
          "einem", "Jahr", "Milliarden", "mehreren", "satu", "dua", "puluh", "belas", "ribu",
          "miliar", "salah", "pukul", "one", "a", "and", "of", "billion", "B", "p.m.", "Uhr",
          ":", "August", "Juli", "May", "im", "Grok", "GPT", "\ue000", "\ue001", "İ", "ß", "٣",
          "𝟔", "²", "\u00a0", "\u3000"]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=20).map("".join)
CURRENCY_CODE = re.compile("[A-Z]{3}")


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, lang=st.sampled_from(["ja", "de", "id", "en"]))
def test_any_text_gives_valid_offsets(text: str, lang: str) -> None:
    for q in extract_numbers(text, lang):
        assert isinstance(q, Quantity)
        assert text[q.start:q.end] == q.surface and q.start < q.end
        assert q.kind in KINDS
        assert q.unit is None or q.unit in UNITS or CURRENCY_CODE.fullmatch(q.unit)
