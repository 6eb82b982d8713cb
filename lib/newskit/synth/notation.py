"""Quantities written the way each language's press writes them.

One value, four notations: 6e9 US dollars is ``$6 billion``, ``6 Milliarden
US-Dollar``, ``US$6 miliar`` and ``60億ドル``; 30 % may be ``3割`` in Japanese
and ``30 Prozent`` in German.  Where a paper has a choice (``Dollar`` or
``US-Dollar``, ``%`` or ``percent``) the caller's random generator picks one,
so a corpus shows the variation a number extractor must cope with.
"""

from __future__ import annotations

import random
from datetime import date

__all__ = [
    "format_big", "format_count", "format_date", "format_money", "format_month", "format_number",
    "format_percent", "format_rain", "format_score", "format_temperature",
]

DECIMAL_MARK = {"en": ".", "de": ",", "id": ",", "ja": "."}
THOUSANDS_MARK = {"en": ",", "de": ".", "id": ".", "ja": ","}

#: (value, singular, plural) scale words, largest first.
SCALE_WORDS = {
    "en": ((1e12, "trillion", "trillion"), (1e9, "billion", "billion"), (1e6, "million", "million")),
    "de": ((1e12, "Billion", "Billionen"), (1e9, "Milliarde", "Milliarden"), (1e6, "Million", "Millionen")),
    "id": ((1e12, "triliun", "triliun"), (1e9, "miliar", "miliar"), (1e6, "juta", "juta")),
}
#: Japanese counts in myriads: 兆 = 10^12, 億 = 10^8, 万 = 10^4.
JA_UNITS = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))

#: Currency patterns per language; several for one language are alternatives.
CURRENCY_FORMS = {
    "USD": {"en": ("${n}",), "de": ("{n} US-Dollar", "{n} US-Dollar", "{n} Dollar"),
            "id": ("US${n}",), "ja": ("{n}ドル", "{n}ドル", "{n}米ドル")},
    "EUR": {"en": ("€{n}",), "de": ("{n} Euro",), "id": ("{n} euro",), "ja": ("{n}ユーロ",)},
    "JPY": {"en": ("¥{n}", "{n} yen"), "de": ("{n} Yen",), "id": ("{n} yen",), "ja": ("{n}円",)},
    "IDR": {"en": ("{n} rupiah",), "de": ("{n} Rupiah",), "id": ("Rp{n}", "Rp {n}"), "ja": ("{n}ルピア",)},
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}


def format_number(value: float, lang: str, *, digits: int = 1, group: bool = True) -> str:
    """``value`` with the language's decimal and thousands marks; whole
    numbers lose their decimals (12.0 -> ``12``)."""
    text = f"{round(value):,}" if float(value).is_integer() else f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    if not group:
        text = text.replace(",", "")
    return text.translate(str.maketrans({",": THOUSANDS_MARK[lang], ".": DECIMAL_MARK[lang]}))


def _scaled(value: float, lang: str) -> str:
    """``6 billion`` / ``1,5 Milliarden`` / ``60億``: large values with scale
    words; below a million, the plain grouped number."""
    if lang == "ja":
        return _myriads(round(value))
    for size, one, many in SCALE_WORDS[lang]:
        if value >= size:
            mantissa = round(value / size, 1)
            return f"{format_number(mantissa, lang)} {one if mantissa == 1 else many}"
    return format_number(value, lang)


def _myriads(n: int) -> str:
    """Japanese myriad notation: 6000000000 -> ``60億``, 150000000 ->
    ``1億5000万``, 12000 -> ``1万2000``; below 10,000 plain digits."""
    if n < 10**4:
        return str(n)
    parts = []
    for size, unit in JA_UNITS:
        if n >= size:
            parts.append(f"{n // size}{unit}")
            n %= size
    if n:
        parts.append(str(n))
    return "".join(parts)


def format_money(value: float, currency: str, lang: str, rng: random.Random, *, scaled: bool = True) -> str:
    """An amount in ``currency`` (USD, EUR, JPY, IDR): scaled (``$6 billion``)
    for sums, or grouped digits (``$1,299``, ``69,800円``) for prices."""
    amount = _scaled(value, lang) if scaled else format_number(value, lang)
    return rng.choice(CURRENCY_FORMS[currency][lang]).format(n=amount)


def format_percent(value: float, lang: str, rng: random.Random) -> str:
    """``67.9%``, ``67,9 Prozent``, ``67,9 %``, ``67,9 persen``, ``30％`` or ``3割``."""
    number = format_number(value, lang)
    draw = rng.random()
    if lang == "ja":
        if float(value).is_integer() and value % 10 == 0 and 0 < value < 100 and draw < 0.35:
            return f"{int(value) // 10}割"
        return f"{number}％" if draw > 0.8 else f"{number}%"
    forms = {"en": ("{n}%", "{n} percent"), "de": ("{n} Prozent", "{n} %"), "id": ("{n} persen", "{n}%")}[lang]
    return (forms[0] if draw < 0.7 else forms[1]).format(n=number)


def format_count(value: int, lang: str, rng: random.Random) -> str:
    """A head count: ``3,400`` / ``3400`` or ``3.400`` / ``3.400`` / ``3400``,
    ``1万2000`` in Japanese, scale words from a million up."""
    if value >= 10**6:
        return _scaled(value, lang)
    if lang == "ja":
        return _myriads(value)
    if lang == "de" and value < 10**4 and rng.random() < 0.5:
        return format_number(value, lang, group=False)  # Duden: 3400 or 3.400
    return format_number(value, lang)


def format_big(value: float, lang: str) -> str:
    """A large quantity of things: ``15 trillion``, ``15 Billionen``,
    ``15 triliun``, ``15兆``."""
    return _scaled(value, lang)


def format_date(day: date, lang: str) -> str:
    """Day and month as a dateline writes them: ``August 13``, ``13. August``,
    ``13 Agustus``, ``8月13日``."""
    if lang == "ja":
        return f"{day.month}月{day.day}日"
    month = MONTHS[lang][day.month - 1]
    return {"en": f"{month} {day.day}", "de": f"{day.day}. {month}", "id": f"{day.day} {month}"}[lang]


def format_month(month: int, lang: str) -> str:
    """A month name: ``March``, ``März``, ``Maret``, ``3月``."""
    return f"{month}月" if lang == "ja" else MONTHS[lang][month - 1]


def format_temperature(value: float, lang: str, rng: random.Random) -> str:
    """``38.5 degrees Celsius`` / ``38,5 Grad`` / ``38,5 derajat Celsius`` / ``38.5度``."""
    number = format_number(value, lang)
    forms = {"en": ("{n} degrees Celsius", "{n}°C"), "de": ("{n} Grad", "{n} Grad Celsius"),
             "id": ("{n} derajat Celsius", "{n}°C"), "ja": ("{n}度",)}[lang]
    return rng.choice(forms).format(n=number)


def format_rain(value: int, lang: str) -> str:
    """Rainfall: German weather reports count litres per square metre."""
    return {"en": f"{value} millimetres", "de": f"{value} Litern pro Quadratmeter",
            "id": f"{value} milimeter", "ja": f"{value}ミリ"}[lang]


def format_score(home: int, away: int, lang: str) -> str:
    """A football result: ``2-1``, ``2:1``, ``2-1``, ``2対1``."""
    return {"en": f"{home}-{away}", "de": f"{home}:{away}", "id": f"{home}-{away}", "ja": f"{home}対{away}"}[lang]
