"""Quantities in news text (money, percentages, dates, counts) reduced to one
comparable form across languages.

Why: a translation audit lines up the Japanese, German and Indonesian machine
translations of one article.  "60億米ドル", "6 Milliarden US-Dollar" and
"US$6 miliar" are one fact written three ways; :func:`extract_numbers` turns
each into ``Quantity(kind="currency", value=6e9, unit="USD")`` so the audit can
compare the multisets of :meth:`Quantity.key` per paragraph and flag what a
translation dropped or changed.  Everything is decided by meaning, never by
notation, so 10万個 (ja) and 100.000 (de) get the same kind.

Kinds (``KINDS``)
    ``currency``  money; ``unit`` is the ISO 4217 code (USD, CNY, EUR, JPY...).
    ``percent``   ``unit`` "%" (or "pp" for percentage points: 5ポイント,
                  Prozentpunkte).  A share written as a fraction is a
                  percentage too: 3分の1 = ein Drittel = sepertiga = a third =
                  33.33 %, 3割 = 30 %, die Hälfte = setengah = 50 %.
    ``year``, ``month``, ``day``  calendar parts; a full date ("2024-08-13",
                  "13. August", "2024年3月17日") gives one quantity per part.
                  A decade is its first year with ``unit`` "decade" (1990er,
                  the 1990s, 1990年代, 1990-an); FY2024 and mid-2025 are years.
    ``count``     a plain integer below 10 000 (drei, tiga, 3人), and every
                  duration (4か月, 4 Monaten, 4 bulan; ``unit`` "month-duration"...).
    ``amount``    any other plain number: 10 000 and above or fractional
                  (330億のパラメータ, 33 Milliarden Parametern), and clock times
                  (午後8時30分 -> 20.5 with ``unit`` "clock-time": hours after
                  midnight, since a time of day is neither a count nor a date).

Units (``UNITS``): ISO currency codes, "%", "pp", "clock-time", "decade" and
the durations year-/month-/week-/day-/hour-/minute-/second-duration; None
otherwise.  Durations may be fractional: 1年半 = anderthalb Jahre = satu
setengah tahun = a year and a half = 1.5 year-duration, 半年 = 0.5.
``counter`` keeps the class of a Japanese counter (3人 -> "person", 10階 ->
"floor") for reading only: German and Indonesian mark no counters, so it is
not part of :meth:`Quantity.key` (3人 must equal drei and tiga).

Decisions worth knowing (vocabulary lives in ``data/numbers_<lang>.toml``):
  * Product names are not quantities: digits glued to Latin letters ("GPT-4o",
    "SR-71", "70B", "Grok-1,5V") or written after a name from the list in
    ``numbers_common.toml`` ("Grok 2", "Llama 2", "Claude 3").  The entity
    gazetteer can pass more through ``exclude_spans``.
  * Vague amounts give nothing: 数百億ドル, "mehreren zehn Milliarden Dollar",
    "puluhan miliar dolar", "tens of billions", "dozens", "Dutzende" have no
    value to compare (while "a dozen", "zwei Dutzend", "selusin" are 12, 24, 12).
  * Halves of scales are amounts: "half a billion", "eine halbe Milliarde",
    "setengah miliar" = 5e8.  Indonesian finance abbreviations after Rp:
    "Rp 3,2 T" (triliun), "Rp 2 M" (miliar); "kuadriliun" = 10^15.
  * Thousands may be grouped by a space, thin space or narrow no-break space
    ("3 000", "12 500").
  * Shares need a numerator where the word has other senses: "the third
    quarter", "a third party", "die zweite Hälfte", "im ersten Viertel" are
    not fractions (quantities/ratios.py and the ``fractions`` patterns).
  * Ordinals (2番目, 2位, "an zweiter Stelle", "kedua"), section numbers at the
    start of a line ("1. …") and "one of" idioms (…の1つ, "salah satu",
    "one of") are not quantities.
  * A spelled-out one with no unit ("satu perusahaan", "one company") is left
    out: other languages write an article there ("einem Unternehmen").
  * Lone kanji numerals count only before a unit or as a scaled number, and a
    lone 一 only before a duration or a scale (一人, 一部, 一方 are words).
  * A 4-digit number 1900–2099 with no unit is a year (1000–2999 after a cue
    such as "im Jahr"/"tahun"); "2000 Mitarbeiter" is read as a year too.
  * Numbers joined by "oder"/"atau"/"、"… share the unit of the last
    ("5, 10 oder 20 Jahren" -> three year-durations).
  * Not handled: hiragana numerals (ひとつ), units of measure (km, GB), bare
    "2:1"-style times, phone numbers, fractions written with a slash (1/3).

Number words: German and English through text2num; Indonesian through a small
table in ``numbers_id.toml`` (no maintained parser exists); kanji numerals
through kanjize, while digits with 万/億/兆 are computed here with exact decimals
(kanjize reads "4.35億" as 434999999).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COUNT_LIMIT", "DURATION_DAYS", "DURATION_UNITS", "FRAME_COLUMNS", "KINDS", "UNITS", "Quantity",
           "comparable_quantity"]

KINDS: tuple[str, ...] = ("amount", "percent", "currency", "year", "month", "day", "count")


DURATION_UNITS: tuple[str, ...] = tuple(
    f"{part}-duration" for part in ("year", "month", "week", "day", "hour", "minute", "second"))

#: Length of each duration unit in days (a Julian year; a month is a twelfth of
#: it), so one span written in two units (1年半 = 18 months) compares as one.
DURATION_DAYS: dict[str, float] = {
    "year-duration": 365.25, "month-duration": 365.25 / 12, "week-duration": 7.0, "day-duration": 1.0,
    "hour-duration": 1 / 24, "minute-duration": 1 / 1440, "second-duration": 1 / 86400}


def comparable_quantity(unit: str, value: float) -> tuple[str, float]:
    """The unit and value two quantities are compared in: a duration in days
    under the one unit ``"duration"`` (so 1年半 and 18 months meet), any
    other quantity as it is."""
    days = DURATION_DAYS.get(unit)
    return ("duration", value * days) if days is not None else (unit, value)


#: Every unit outside the ISO 4217 currency codes.
UNITS: tuple[str, ...] = ("%", "pp", "clock-time", "decade", *DURATION_UNITS)


#: Plain integers below this are counts, everything else an amount.
COUNT_LIMIT = 10_000


FRAME_COLUMNS: tuple[str, ...] = ("doc_id", "para_id", "surface", "start", "end", "value",
                                  "kind", "unit")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text; ``text[start:end] == surface`` always."""

    surface: str
    start: int
    end: int
    value: float
    kind: str
    unit: str | None = None
    counter: str | None = None

    def key(self) -> tuple[str, float, str | None]:
        """What must agree between two translations of the same fact."""
        return (self.kind, self.value, self.unit)

