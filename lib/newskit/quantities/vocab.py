"""The number vocabulary of each language, read from TOML and compiled once.

Per-language tables live with the language (``newskit/lang/data/
numbers_<code>.toml``: scale words, currency prefixes and suffixes, month
names, counters, cue words); what every language shares (product names
whose numbers are versions, currency signs, date patterns) lives in
``newskit/quantities/data/numbers_common.toml``.  Kept as data so a
researcher can extend them without touching the parser.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from newskit.lang import check_language, read_lang_data

__all__ = ["JA_KANJI_DIGITS", "JA_SCALES", "JA_SEGMENT", "PLACEHOLDERS", "Suffix", "Vocab", "vocab_for"]

#: Stand-ins for number words in the matching copy of the text (two, so that
#: neighbouring word numbers stay apart).  Real ones in the input are folded away.
PLACEHOLDERS = ("\ue000", "\ue001")
_SET_KEYS = ("deny_words", "run_joiners", "article_one", "vague_words", "one_of_before",
             "one_of_after", "year_cues", "month_cues", "ordinal_prefixes")


#: Numbers in spaced languages: thousands grouped by the other mark or by a
#: (thin, narrow or plain) space — "3 000", "12 500" (the folded text makes
#: every such space plain) — then decimals, then plain digits.
_SPACED_NUMBER = {
    ",": r"(?<![0-9])(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?:,[0-9]+)?(?![0-9])"
         r"|[0-9]+,[0-9]+|[0-9]+\.[0-9]+|[0-9]+)",
    ".": r"(?<![0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?(?![0-9])"
         r"|[0-9]+(?:\.[0-9]+)?)",
}


JA_KANJI_DIGITS = "〇一二三四五六七八九十百千"


_JA_PART = (r"(?:(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)[千百]?"
            rf"|[{JA_KANJI_DIGITS}]+)")


_JA_NUMBER = rf"(?<![0-9]){_JA_PART}(?:[^\S\n]?[万億兆]{_JA_PART}?)*"


JA_SEGMENT = re.compile(rf"(?:(?P<d>[0-9.]+)(?P<small>[千百]?)|(?P<k>[{JA_KANJI_DIGITS}]+))"
                         r"(?P<big>[万億兆]?)")


JA_SCALES = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10**4, "億": 10**8, "兆": 10**12}


@dataclass(frozen=True)
class Suffix:
    """What a word after a number makes of it (see the ``[suffixes]`` tables)."""

    kind: str
    unit: str | None = None
    counter: str | None = None
    not_before: str = ""


@dataclass(frozen=True)
class Vocab:
    """One language's tables (keys casefolded) and the regexes built from them."""

    lang: str
    spaced: bool
    decimal_mark: str
    number_words: str
    scales: dict[str, int]
    abbreviations: dict[str, int]
    prefixes: dict[str, str]
    suffixes: dict[str, Suffix]
    months: dict[str, int]
    sets: dict[str, frozenset[str]]
    words: dict[str, dict]
    lexical_words: tuple[str, ...]
    eras: dict[str, int]
    pm_markers: frozenset[str]
    regexes: dict[str, re.Pattern]
    pattern_lists: dict[str, tuple[re.Pattern, ...]]
    fractions: dict[str, Decimal] = field(default_factory=dict)
    numerators: dict[str, int] = field(default_factory=dict)


COMMON_FILE = "numbers_common.toml"


def _read_common() -> dict:
    """The vocabulary every language shares (``quantities/data/``)."""
    return tomllib.loads(resources.files("newskit.quantities").joinpath("data", COMMON_FILE).read_text("utf-8"))


def _alternation(keys: Iterable[str]) -> str:
    """Regex alternation, longest first so "US-Dollar" wins over "Dollar"."""
    ordered = sorted(set(keys), key=lambda k: (-len(k), k))
    return "|".join(re.escape(k) for k in ordered) or "(?!)"


def vocab_for(lang: str) -> Vocab:
    """The tables of ``lang``; a clear error for any other code."""
    return _load_vocab(check_language(lang).code)


@lru_cache(maxsize=None)
def _load_vocab(lang: str) -> Vocab:
    """Read and compile the common and per-language tables once per language."""
    common = _read_common()
    data = tomllib.loads(read_lang_data(check_language(lang).numbers_file))
    fold = str.casefold
    sets = {key: frozenset(map(fold, data.get(key, []))) for key in _SET_KEYS}
    sets["product_names"] = frozenset(map(fold, common["product_names"]))
    sets["ambiguous_months"] = frozenset(map(fold, data.get("ambiguous_months", [])))
    prefixes = {fold(k): v for k, v in {**common["currency_signs"], **data["prefixes"]}.items()}
    return Vocab(
        lang=lang, spaced=data["spaced"], decimal_mark=data["decimal_mark"],
        number_words=data["number_words"],
        scales={fold(k): v for k, v in data.get("scales", {}).items()},
        abbreviations={fold(k): v for k, v in data.get("scale_abbreviations", {}).items()},
        prefixes=prefixes,
        suffixes={fold(k): Suffix(**v) for k, v in data["suffixes"].items()},
        months={fold(k): v for k, v in data.get("months", {}).items()},
        sets=sets, words=data.get("words", {}),
        lexical_words=tuple(data.get("lexical_words", [])), eras=data.get("eras", {}),
        pm_markers=frozenset(map(fold, data["patterns"].get("pm_markers", []))),
        regexes=_compile_regexes(data, common), pattern_lists=_compile_pattern_lists(data, common),
        fractions={fold(k): _ratio(v) for k, v in data.get("fractions", {}).items()},
        numerators={fold(k): v for k, v in data.get("fraction_numerators", {}).items()})


def _ratio(text: str) -> Decimal:
    """"1/3" → Decimal(1) / 3 (28 significant digits), "1/2" → 0.5."""
    numerator, _, denominator = text.partition("/")
    return Decimal(numerator) / Decimal(denominator or 1)


def _month_alternation(data: dict) -> str:
    """Month names as a regex, case-insensitive only where the table says so."""
    names = _alternation(data.get("months", {}))
    return f"(?i:{names})" if data.get("months_ignore_case") else f"(?:{names})"


def _compile_regexes(data: dict, common: dict) -> dict[str, re.Pattern]:
    """The phrase, month, range-joiner and list-marker regexes of one language."""
    pre = _alternation(data["prefixes"] | common["currency_signs"])
    suf = _alternation(data["suffixes"])
    if data["spaced"]:
        sep, end = r"(?:[^\S\n]|-)?", r"(?![^\W\d_])"
        number = _SPACED_NUMBER[data["decimal_mark"]] + "|\ue000+|\ue001+"
        scale = (rf"(?:[^\S\n]?(?P<abbr>{_alternation(data.get('scale_abbreviations', {}))}){end}"
                 rf"|{sep}(?P<scale>{_alternation(data.get('scales', {}))}){end})?")
    else:
        sep, end, number, scale = r"[^\S\n]?", "", _JA_NUMBER, ""
    phrase = rf"(?:(?P<pre>{pre})[^\S\n]?)?(?P<num>{number}){scale}(?:{sep}(?P<suf>{suf}){end})?"
    joiners = _alternation(data["range_joiners"])
    return {
        "phrase": re.compile(phrase, re.IGNORECASE if data["spaced"] else 0),
        "month": re.compile(rf"(?<![^\W\d_])(?P<month>{_month_alternation(data)})"
                            r"(?![^\W\d_])"),
        "joiner": re.compile(rf"[^\S\n]*(?:(?:{joiners})[^\S\n]*)+", re.IGNORECASE),
        "list_marker": re.compile(common["patterns"]["list_marker"]),
    }


def _placeholders(data: dict, common: dict) -> dict[str, str]:
    """What ``{numer}``, ``{frac}``, ``{scale}``, ``{unit}``, ``{pre}`` and
    ``{month}`` stand for in the fraction and year patterns."""
    if data["spaced"]:
        digits = r"[0-9]+(?:[.,][0-9]+)?|\ue000+|\ue001+"
    else:
        digits = rf"[0-9]+(?:\.[0-9]+)?|[{JA_KANJI_DIGITS}]+"
    return {
        "{numer}": f"(?:{_alternation(data.get('fraction_numerators', {}))}|{digits})",
        "{frac}": f"(?:{_alternation(data.get('fractions', {}))})",
        "{scale}": f"(?:{_alternation(data.get('scales', {}))})",
        "{unit}": f"(?:{_alternation(data['suffixes'])})",
        "{pre}": f"(?:{_alternation(data['prefixes'] | common['currency_signs'])})",
        "{month}": _month_alternation(data),
    }


def _compile_pattern_lists(data: dict, common: dict) -> dict[str, tuple]:
    """Date, clock, fraction and year patterns, placeholders expanded
    (``{month}`` a month name; see :func:`_placeholders` for the others)."""
    names = _placeholders(data, common)
    flags = re.IGNORECASE if data["spaced"] else 0

    def expand(pattern: str) -> str:
        for name, value in names.items():
            pattern = pattern.replace(name, value)
        return pattern
    dates = [*common["patterns"]["dates"], *data["patterns"].get("dates", [])]
    return {
        "dates": tuple(re.compile(expand(p)) for p in dates),
        "clock": tuple(re.compile(p) for p in data["patterns"].get("clock", [])),
        "fractions": tuple(re.compile(expand(p), flags) for p in data["patterns"].get("fractions", [])),
        "years": tuple(re.compile(expand(p)) for p in [*common["patterns"].get("years", []),
                                                       *data["patterns"].get("years", [])]),
    }

