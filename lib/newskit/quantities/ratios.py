"""Fractions, halves and special year forms: the passes that run before the
number-phrase pass, because they read the same digits differently.

Fractions (``[patterns] fractions`` of ``numbers_<lang>.toml``) are regexes
whose named groups mean the same thing in every language:

``numer``  the number before a fraction word or unit (digits, a word number,
           or a word of ``[fraction_numerators]``: a, ein, dua …); default 1
``den``    a denominator in digits (5分の1: ``den`` 5, ``numer`` 1)
``frac``   a word of ``[fractions]`` (Drittel 1/3, pertiga 1/3, half 1/2, 割 1/10)
``half``   an added half (1年半, satu setengah tahun, a year and a half)
``hundredths``  added hundredths (3割5分 = 0.35)
``scale``  a scale word the fraction multiplies (half a billion, eine halbe Milliarde)
``unit``   a suffix (a duration or a currency: ein halbes Jahr, 半年)
``pre``    a currency sign or code before the number

value = numer / den, or numer × frac (or numer), plus a half and the
hundredths; then × scale.  With a unit the quantity takes the unit's kind
(a duration is a ``count``; a currency a ``currency``); with only a scale it
is an ``amount`` (or a ``currency`` with ``pre``); with neither it is a share,
reported as a ``percent`` (a third = 33.33 %, 3割 = 30 %), so 3分の1, ein
Drittel, sepertiga and a third are one fact.

Years (``[patterns] years``): a ``year`` group, and a ``decade`` group when
the form names a decade (1990er, 1990s, 1990年代, 1990-an → year 1990 with
unit ``decade``); FY2024 and mid-2025 are the year itself.
"""

from __future__ import annotations

import re
from decimal import Decimal

from newskit.quantities.passes import Candidate, Context, _plain_kind
from newskit.quantities.values import digits_value, ja_value
from newskit.quantities.vocab import PLACEHOLDERS

__all__ = ["fraction_candidates", "year_candidates"]

HUNDRED = Decimal(100)
HALF = Decimal("0.5")


def _number(text: str | None, start: int, ctx: Context) -> Decimal | None:
    """The value of a ``numer``/``den`` group (1 when the group is absent)."""
    if text is None:
        return Decimal(1)
    folded = text.casefold()
    if folded in ctx.vocab.numerators:
        return Decimal(ctx.vocab.numerators[folded])
    if text[0] in PLACEHOLDERS:
        return ctx.word_values.get(start)
    if ctx.vocab.number_words == "kanji":
        return ja_value(text)
    return digits_value(text, ctx.vocab.decimal_mark)


def _value(match: re.Match, ctx: Context) -> Decimal | None:
    """numer / den or numer × frac, plus half and hundredths (see the module docstring)."""
    groups = match.groupdict()
    numer = _number(groups.get("numer"), match.start("numer") if groups.get("numer") else -1, ctx)
    if numer is None:
        return None
    if groups.get("den"):
        den = _number(groups["den"], match.start("den"), ctx)
        if not den:
            return None
        value = numer / den
    elif groups.get("frac"):
        value = numer * ctx.vocab.fractions[groups["frac"].casefold()]
    else:
        value = numer
    if groups.get("half"):
        value += HALF
    if groups.get("hundredths"):
        extra = _number(groups["hundredths"], match.start("hundredths"), ctx)
        value += (extra or 0) / HUNDRED
    return value


def _classify(match: re.Match, value: Decimal, ctx: Context) -> Candidate | None:
    """Kind and unit of a fraction match (see the module docstring)."""
    groups = match.groupdict()
    vocab = ctx.vocab
    cand = Candidate(*match.span(), value, "percent", "%")
    if groups.get("scale"):
        cand.value = value * vocab.scales[groups["scale"].casefold()]
        cand.kind, cand.unit = _plain_kind(cand.value), None
    currency = vocab.prefixes.get(groups["pre"].casefold()) if groups.get("pre") else None
    suffix = vocab.suffixes.get(groups["unit"].casefold()) if groups.get("unit") else None
    if suffix is not None and suffix.kind == "currency":
        currency = suffix.unit
    if currency:
        cand.kind, cand.unit = "currency", currency
    elif suffix is not None and (suffix.unit or "").endswith("-duration"):
        cand.kind, cand.unit = "count", suffix.unit
    elif suffix is not None and suffix.kind == "year":
        cand.kind, cand.unit = "count", "year-duration"  # 半年, 1年半: a span, never a calendar year
    elif suffix is not None:
        return None
    elif not groups.get("scale"):
        cand.value = value * HUNDRED
    return cand


def fraction_candidates(ctx: Context) -> list[Candidate]:
    """Shares, halves and fractions of scales or units (module docstring)."""
    found: list[Candidate] = []
    for pattern in ctx.vocab.pattern_lists["fractions"]:
        for match in pattern.finditer(ctx.folded):
            if ctx.is_taken(*match.span()):
                continue
            value = _value(match, ctx)
            cand = _classify(match, value, ctx) if value is not None else None
            if cand is not None:
                ctx.take(*match.span())
                found.append(cand)
    return found


def year_candidates(ctx: Context) -> list[Candidate]:
    """Decades (unit ``decade``), fiscal years and mid-/early-/late-year forms."""
    found: list[Candidate] = []
    for pattern in ctx.vocab.pattern_lists["years"]:
        for match in pattern.finditer(ctx.folded):
            if ctx.is_taken(*match.span()):
                continue
            year = int(match["year"])
            if not 1000 <= year <= 2999:
                continue
            ctx.take(*match.span())
            unit = "decade" if match.groupdict().get("decade") is not None else None
            found.append(Candidate(*match.span(), Decimal(year), "year", unit))
    return found
