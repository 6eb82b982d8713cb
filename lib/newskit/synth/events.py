"""Events: the language-neutral facts an article reports, and their slots per language.

An :class:`Event` holds entities (as :class:`~newskit.synth.names.Name`)
and numbers (as values); :func:`render_slots` writes them in one language.
The articles of a story share one event, so they name the same company,
the same 6e9 dollars and the same date, each in its own notation.
Names are drawn with Zipf-like weights: a few are everywhere, most are rare,
as in real news.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate

import newskit.synth.notation as notation
from newskit.synth.names import POOLS, REAL_ORGS, Person, people

__all__ = ["Event", "draw_event", "render_slots", "staff_name", "zipf_choice"]

#: Naming culture of the people in an article, by the outlet's language.
CULTURES = {
    "ja": (("japanese", 0.6), ("western", 0.3), ("indonesian", 0.1)),
    "id": (("indonesian", 0.6), ("western", 0.3), ("japanese", 0.1)),
    "de": (("western", 0.7), ("japanese", 0.15), ("indonesian", 0.15)),
    "en": (("western", 0.7), ("japanese", 0.15), ("indonesian", 0.15)),
}
#: Currency of the amounts, by the outlet's language.
CURRENCIES = {
    "ja": (("USD", 0.65), ("JPY", 0.35)), "id": (("USD", 0.7), ("IDR", 0.3)),
    "de": (("USD", 0.65), ("EUR", 0.35)), "en": (("USD", 0.9), ("EUR", 0.1)),
}
#: Units of the currency per US dollar (round figures: this is fiction).
RATES = {"USD": 1.0, "EUR": 0.9, "JPY": 150.0, "IDR": 15_500.0}
PRICES_USD = (199, 299, 349, 499, 599, 799, 999, 1199, 1499, 1999)
#: Slots with more than two distinct names per event (``org`` .. ``org5``).
EXTRA_NAMES = {"org": 5}
#: Slots that also exist capitalised (German/English article at sentence start).
CAPITALISED = ("agency", "party", "party2", "index")


@dataclass(frozen=True)
class Event:
    """What happened: entities by role, amounts ``(value, currency)``,
    shares in percent, counts, and the day."""

    topic: str
    names: dict
    numbers: dict
    day: date


@lru_cache(maxsize=None)
def _zipf_cum(n: int, exponent: float) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def zipf_choice(pool, rng: random.Random, exponent: float = 1.0):
    """One item of ``pool``; the item at rank r has weight 1 / r**exponent."""
    return rng.choices(pool, cum_weights=_zipf_cum(len(pool), exponent))[0]


@lru_cache(maxsize=None)
def _people(culture: str) -> tuple[Person, ...]:
    """The invented people of a culture in a fixed shuffled order, so that
    the Zipf ranks do not follow the alphabet."""
    pool = list(people(culture))
    random.Random(f"newskit.synth.people:{culture}").shuffle(pool)
    return tuple(pool)


def _pick_distinct(pool, rng: random.Random, k: int) -> list:
    picked: list = []
    while len(picked) < k:
        item = zipf_choice(pool, rng)
        if item not in picked:
            picked.append(item)
    return picked


def _person(lang: str, rng: random.Random) -> Person:
    cultures, weights = zip(*CULTURES[lang])
    return zipf_choice(_people(rng.choices(cultures, weights)[0]), rng, 0.8)


def _round2(value: float) -> float:
    """Two significant digits, as amounts are reported (6.6bn, 157bn)."""
    if value <= 0:
        return value
    scale = 10 ** (math.floor(math.log10(value)) - 1)
    return round(value / scale) * scale


def _lognormal(rng: random.Random, median: float, sigma: float, low: float, high: float) -> float:
    return min(high, max(low, median * math.exp(rng.gauss(0.0, sigma))))


def _percent(rng: random.Random) -> float:
    if rng.random() < 0.4:
        return round(rng.uniform(0.5, 45.0), 1)
    if rng.random() < 0.25:
        return float(rng.randrange(10, 70, 10))
    return float(rng.randrange(2, 61))


def _numbers(lang: str, day: date, rng: random.Random) -> dict:
    currencies, weights = zip(*CURRENCIES[lang])
    currency = rng.choices(currencies, weights)[0]
    usd = _lognormal(rng, 4e8, 1.3, 5e6, 3e10)
    price = rng.choice(PRICES_USD)
    price_local = {"USD": price, "EUR": price, "JPY": round(price * 150, -3) - 200,
                   "IDR": round(price * 15_500, -6) - 1000}[currency]
    home = rng.randint(1, 4)
    return {
        "money": (_round2(usd * RATES[currency]), currency),
        "money2": (_round2(usd * RATES[currency] * rng.uniform(5, 30)), currency),
        "money3": (_round2(usd * RATES[currency] * rng.uniform(0.05, 0.6)), currency),
        "price": (price_local, currency),
        "pct": _percent(rng), "pct2": _percent(rng), "move": round(rng.uniform(0.1, 4.5), 1),
        "count": int(_round2(_lognormal(rng, 800, 1.2, 12, 250_000))),
        "count2": int(_round2(_lognormal(rng, 300, 1.0, 12, 50_000))),
        "big": _round2(_lognormal(rng, 1e12, 1.5, 7e9, 3e13)),
        "month": rng.randint(1, 12), "year": day.year + rng.choice((0, 1, 1, 2)),
        "temp": round(rng.uniform(31.0, 41.5), 1), "rain": rng.randrange(40, 220, 10),
        "score": (home, rng.randrange(home)),
    }


def draw_event(topic: str, lang: str, day: date, rng: random.Random) -> Event:
    """A random event of ``topic`` on ``day``; ``lang`` (the first reporting
    outlet's language) biases the people's names and the currency.  Every
    actor is invented; ``org3`` is a real company, named only as a bystander."""
    names = {}
    for slot, pool in POOLS.items():
        for k, name in enumerate(_pick_distinct(pool, rng, EXTRA_NAMES.get(slot, 2)), 1):
            names[slot if k == 1 else f"{slot}{k}"] = name
    names["org3"] = zipf_choice(REAL_ORGS, rng, 0.5)
    for k in (1, 2, 3, 4):
        names["person" if k == 1 else f"person{k}"] = _person(lang, rng)
    return Event(topic=topic, names=names, numbers=_numbers(lang, day, rng), day=day)


def render_slots(event: Event, lang: str, rng: random.Random) -> dict[str, str]:
    """Every slot of the banks written in ``lang`` (notation choices, such as
    ``%`` or ``percent``, drawn from ``rng``)."""
    slots = {}
    for key, value in event.names.items():
        if isinstance(value, Person):
            slots[key], slots[f"{key}_last"] = value.full.in_lang(lang), value.last.in_lang(lang)
        else:
            slots[key] = value.in_lang(lang)
    num = event.numbers
    for key in ("money", "money2", "money3"):
        slots[key] = notation.format_money(*num[key], lang, rng)
    slots["price"] = notation.format_money(*num["price"], lang, rng, scaled=False)
    for key in ("pct", "pct2", "move"):
        slots[key] = notation.format_percent(num[key], lang, rng)
    for key in ("count", "count2"):
        slots[key] = notation.format_count(num[key], lang, rng)
    slots.update(
        big=notation.format_big(num["big"], lang), date=notation.format_date(event.day, lang),
        month=notation.format_month(num["month"], lang), year=str(num["year"]),
        temp=notation.format_temperature(num["temp"], lang, rng), rain=notation.format_rain(num["rain"], lang),
        score=notation.format_score(*num["score"], lang),
    )
    for key in CAPITALISED:
        slots[key[0].upper() + key[1:]] = slots[key][:1].upper() + slots[key][1:]
    slots["PLACE"] = slots["place"] if lang == "ja" else slots["place"].upper()
    return slots


def staff_name(culture: str, lang: str, rng: random.Random) -> str:
    """A reporter's or editor's name for an outlet of ``culture``."""
    return zipf_choice(_people(culture), rng, 0.5).full.in_lang(lang)
