"""Quantities in each language's press notation (hand-written expectations)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from newskit.synth import notation


class FixedChoice(random.Random):
    """A generator whose ``random()`` is fixed and whose ``choice`` takes the
    first form, so the expected notation is known."""

    def __init__(self, draw: float) -> None:
        super().__init__(0)
        self.draw = draw

    def random(self) -> float:
        return self.draw

    def choice(self, seq):
        return seq[0]


@pytest.mark.parametrize(("value", "currency", "lang", "expected"), [
    (6e9, "USD", "en", "$6 billion"),
    (6e9, "USD", "de", "6 Milliarden US-Dollar"),
    (6e9, "USD", "id", "US$6 miliar"),
    (6e9, "USD", "ja", "60億ドル"),           # 6e9 = 60 x 10^8 (億)
    (1.5e9, "EUR", "de", "1,5 Milliarden Euro"),  # decimal comma
    (1e9, "EUR", "de", "1 Milliarde Euro"),      # singular scale word
    (1.5e8, "USD", "ja", "1億5000万ドル"),     # 1 x 10^8 + 5000 x 10^4
    (2.5e12, "IDR", "id", "Rp2,5 triliun"),
    (2.5e12, "IDR", "ja", "2兆5000億ルピア"),  # 2 x 10^12 + 5000 x 10^8
    (4.5e10, "JPY", "ja", "450億円"),
    (3.3e8, "USD", "en", "$330 million"),
])
def test_money_scaled(value, currency, lang, expected):
    assert notation.format_money(value, currency, lang, FixedChoice(0.0)) == expected


@pytest.mark.parametrize(("value", "currency", "lang", "expected"), [
    (1299, "USD", "en", "$1,299"),        # prices: grouped digits, no scale word
    (74800, "JPY", "ja", "74,800円"),
    (7999000, "IDR", "id", "Rp7.999.000"),  # dot groups thousands in Indonesian
    (499, "EUR", "de", "499 Euro"),
])
def test_money_prices(value, currency, lang, expected):
    assert notation.format_money(value, currency, lang, FixedChoice(0.0), scaled=False) == expected


@pytest.mark.parametrize(("value", "lang", "draw", "expected"), [
    (67.9, "en", 0.0, "67.9%"),
    (67.9, "en", 0.9, "67.9 percent"),
    (67.9, "de", 0.0, "67,9 Prozent"),
    (67.9, "de", 0.9, "67,9 %"),
    (67.9, "id", 0.0, "67,9 persen"),
    (30.0, "ja", 0.1, "3割"),      # a round tenth may be written in wari (割)
    (30.0, "ja", 0.5, "30%"),
    (67.9, "ja", 0.1, "67.9%"),   # not a round tenth: never 割
    (12.0, "ja", 0.9, "12％"),     # full-width percent sign
])
def test_percent(value, lang, draw, expected):
    assert notation.format_percent(value, lang, FixedChoice(draw)) == expected


@pytest.mark.parametrize(("value", "lang", "draw", "expected"), [
    (3400, "en", 0.0, "3,400"),
    (3400, "de", 0.0, "3400"),      # Duden allows four digits without a separator
    (3400, "de", 0.9, "3.400"),
    (12000, "de", 0.0, "12.000"),   # five digits always grouped
    (3400, "id", 0.0, "3.400"),
    (12000, "ja", 0.0, "1万2000"),  # 1 x 10^4 + 2000
    (1200000, "en", 0.0, "1.2 million"),
    (1200000, "ja", 0.0, "120万"),
])
def test_count(value, lang, draw, expected):
    assert notation.format_count(value, lang, FixedChoice(draw)) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "August 13"), ("de", "13. August"), ("id", "13 Agustus"), ("ja", "8月13日"),
])
def test_date(lang, expected):
    assert notation.format_date(date(2024, 8, 13), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "2-1"), ("de", "2:1"), ("id", "2-1"), ("ja", "2対1")])
def test_score(lang, expected):
    assert notation.format_score(2, 1, lang) == expected


def test_big_quantities_use_scale_words():
    # 1.5e13 words = 15 trillion / 15 Billionen (German "Billion" is 10^12) / 15兆
    assert [notation.format_big(1.5e13, lang) for lang in ("en", "de", "id", "ja")] == [
        "15 trillion", "15 Billionen", "15 triliun", "15兆"]
