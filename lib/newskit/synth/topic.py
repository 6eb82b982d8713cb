"""The shape of a sentence bank: parallel templates in the four languages.

Every template exists in English, German, Indonesian and Japanese with the
same slots, so the articles of one story (the same event reported in several
languages) can be rendered from one plan and really share their entities and
numbers, as translations and wire copies do.  Slots are ``str.format`` fields
filled by :mod:`newskit.synth.events` (``{org}``, ``{money}``, ``{date}`` ...);
a capitalised slot name (``{Agency}``) is the same value with an upper-case
first letter, for a German or English article at the start of a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Order of the languages in :func:`entry` (the banks are written in it).
__all__ = ["BANK_LANGUAGES", "Entry", "Topic", "entry"]

BANK_LANGUAGES = ("en", "de", "id", "ja")

Entry = dict[str, str]


def entry(en: str, de: str, id_: str, ja: str) -> Entry:
    """One template in the four languages, keyed by language code."""
    return {"en": en, "de": de, "id": id_, "ja": ja}


@dataclass(frozen=True)
class Topic:
    """One news topic: its lead sentences (one opens every article), body
    sentences (drawn with Zipf-like weights in the order given, so the first
    ones are the commonest), headlines, captions and the kicker line an
    outlet may print above the article.  ``weight`` is the topic's share of
    the corpus."""

    name: str
    weight: float
    kicker: Entry
    leads: tuple[Entry, ...]
    body: tuple[Entry, ...]
    headlines: tuple[Entry, ...]
    captions: tuple[Entry, ...]
