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
    ``percent``   ``unit`` "%" (or "pp" for percentage points).
    ``year``, ``month``, ``day``  calendar parts; a full date ("2024-08-13",
                  "13. August", "2024年3月17日") gives one quantity per part.
    ``count``     a plain integer below 10 000 (drei, tiga, 3人), and every
                  duration (4か月, 4 Monaten, 4 bulan; ``unit`` "month-duration"...).
    ``amount``    any other plain number: 10 000 and above or fractional
                  (330億のパラメータ, 33 Milliarden Parametern), and clock times
                  (午後8時30分 -> 20.5 with ``unit`` "clock-time": hours after
                  midnight, since a time of day is neither a count nor a date).

Units (``UNITS``): ISO currency codes, "%", "pp", "clock-time" and the
durations year-/month-/week-/day-/hour-/minute-/second-duration; None otherwise.
``counter`` keeps the class of a Japanese counter (3人 -> "person", 10階 ->
"floor") for reading only: German and Indonesian mark no counters, so it is
not part of :meth:`Quantity.key` (3人 must equal drei and tiga).

Decisions worth knowing (vocabulary lives in ``data/numbers_<lang>.toml``):
  * Product names are not quantities: digits glued to Latin letters ("GPT-4o",
    "SR-71", "70B", "Grok-1,5V") or written after a name from the list in
    ``numbers_common.toml`` ("Grok 2", "Llama 2", "Claude 3").  The entity
    gazetteer can pass more through ``exclude_spans``.
  * Vague amounts give nothing: 数百億ドル, "mehreren zehn Milliarden Dollar",
    "puluhan miliar dolar", "tens of billions" have no value to compare.
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
  * Not handled: hiragana numerals (ひとつ), fractions, units of measure (km,
    GB), bare "2:1"-style times, phone numbers.

Number words: German and English through text2num; Indonesian through a small
table in ``numbers_id.toml`` (no maintained parser exists); kanji numerals
through kanjize, while digits with 万/億/兆 are computed here with exact decimals
(kanjize reads "4.35億" as 434999999).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

import pandas as pd
from kanjize import kanji2number
from text_to_num import text2num

from newskit.errors import CorpusError

SUPPORTED_LANGS: tuple[str, ...] = ("ja", "de", "id", "en")
KINDS: tuple[str, ...] = ("amount", "percent", "currency", "year", "month", "day", "count")
DURATION_UNITS: tuple[str, ...] = tuple(
    f"{part}-duration" for part in ("year", "month", "week", "day", "hour", "minute", "second"))
#: Every unit outside the ISO 4217 currency codes.
UNITS: tuple[str, ...] = ("%", "pp", "clock-time", *DURATION_UNITS)
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


# --------------------------------------------------------------------------- vocabulary

#: Stand-ins for number words in the matching copy of the text (two, so that
#: neighbouring word numbers stay apart).  Real ones in the input are folded away.
_PLACEHOLDERS = ("\ue000", "\ue001")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_SET_KEYS = ("deny_words", "run_joiners", "article_one", "vague_words", "one_of_before",
             "one_of_after", "year_cues", "month_cues", "ordinal_prefixes")
_SPACED_NUMBER = {
    ",": r"(?<![0-9])(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9]+,[0-9]+"
         r"|[0-9]+\.[0-9]+|[0-9]+)",
    ".": r"(?<![0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)",
}
_JA_KANJI_DIGITS = "〇一二三四五六七八九十百千"
_JA_PART = (r"(?:(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)[千百]?"
            rf"|[{_JA_KANJI_DIGITS}]+)")
_JA_NUMBER = rf"(?<![0-9]){_JA_PART}(?:[^\S\n]?[万億兆]{_JA_PART}?)*"
_JA_SEGMENT = re.compile(rf"(?:(?P<d>[0-9.]+)(?P<small>[千百]?)|(?P<k>[{_JA_KANJI_DIGITS}]+))"
                         r"(?P<big>[万億兆]?)")
_JA_SCALES = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10**4, "億": 10**8, "兆": 10**12}


@dataclass(frozen=True)
class _Suffix:
    """What a word after a number makes of it (see the ``[suffixes]`` tables)."""

    kind: str
    unit: str | None = None
    counter: str | None = None
    not_before: str = ""


@dataclass(frozen=True)
class _Vocab:
    """One language's tables (keys casefolded) and the regexes built from them."""

    lang: str
    spaced: bool
    decimal_mark: str
    number_words: str
    scales: dict[str, int]
    abbreviations: dict[str, int]
    prefixes: dict[str, str]
    suffixes: dict[str, _Suffix]
    months: dict[str, int]
    sets: dict[str, frozenset[str]]
    words: dict[str, dict]
    lexical_words: tuple[str, ...]
    eras: dict[str, int]
    pm_markers: frozenset[str]
    regexes: dict[str, re.Pattern]
    pattern_lists: dict[str, tuple[re.Pattern, ...]]


def _read_table(name: str) -> dict:
    """One ``data/numbers_*.toml`` file."""
    with resources.files("newskit").joinpath("data", name).open("rb") as handle:
        return tomllib.load(handle)


def _alternation(keys: Iterable[str]) -> str:
    """Regex alternation, longest first so "US-Dollar" wins over "Dollar"."""
    ordered = sorted(set(keys), key=lambda k: (-len(k), k))
    return "|".join(re.escape(k) for k in ordered) or "(?!)"


def _vocab_for(lang: str) -> _Vocab:
    """The tables of ``lang``; a clear error for any other code."""
    if lang not in SUPPORTED_LANGS:
        raise CorpusError(None, f"unsupported language code {lang!r} for extract_numbers; "
                                f"supported: {', '.join(SUPPORTED_LANGS)}")
    return _load_vocab(lang)


@lru_cache(maxsize=None)
def _load_vocab(lang: str) -> _Vocab:
    """Read and compile the common and per-language tables once per language."""
    common, data = _read_table("numbers_common.toml"), _read_table(f"numbers_{lang}.toml")
    fold = str.casefold
    sets = {key: frozenset(map(fold, data.get(key, []))) for key in _SET_KEYS}
    sets["product_names"] = frozenset(map(fold, common["product_names"]))
    sets["ambiguous_months"] = frozenset(map(fold, data.get("ambiguous_months", [])))
    prefixes = {fold(k): v for k, v in {**common["currency_signs"], **data["prefixes"]}.items()}
    return _Vocab(
        lang=lang, spaced=data["spaced"], decimal_mark=data["decimal_mark"],
        number_words=data["number_words"],
        scales={fold(k): v for k, v in data.get("scales", {}).items()},
        abbreviations={fold(k): v for k, v in data.get("scale_abbreviations", {}).items()},
        prefixes=prefixes,
        suffixes={fold(k): _Suffix(**v) for k, v in data["suffixes"].items()},
        months={fold(k): v for k, v in data.get("months", {}).items()},
        sets=sets, words=data.get("words", {}),
        lexical_words=tuple(data.get("lexical_words", [])), eras=data.get("eras", {}),
        pm_markers=frozenset(map(fold, data["patterns"].get("pm_markers", []))),
        regexes=_compile_regexes(data, common), pattern_lists=_compile_pattern_lists(data, common))


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
        scale = (rf"(?:(?P<abbr>{_alternation(data.get('scale_abbreviations', {}))}){end}"
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


def _compile_pattern_lists(data: dict, common: dict) -> dict[str, tuple]:
    """Date and clock patterns; ``{month}`` in a date pattern means a month name."""
    months = _month_alternation(data)
    dates = [*common["patterns"]["dates"], *data["patterns"].get("dates", [])]
    return {
        "dates": tuple(re.compile(p.replace("{month}", months)) for p in dates),
        "clock": tuple(re.compile(p) for p in data["patterns"].get("clock", [])),
    }


# --------------------------------------------------------------------------- text helpers

_SPACES = frozenset("\u00a0\u2007\u2009\u202f\u3000")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character to its plain form (full-width and other-script digits to
    ASCII) without ever changing the length, so offsets stay valid."""
    if ch in _PLACEHOLDERS:
        return "\ufffd"
    if ch in _SPACES:
        return " "
    if "\uff01" <= ch <= "\uff5e":
        return chr(ord(ch) - 0xFEE0)
    if ch == "\uffe5":
        return "¥"
    digit = unicodedata.decimal(ch, None)
    return ch if digit is None else str(digit)


def _fold_text(text: str) -> str:
    """The matching copy of ``text``: same length, ６７．９％ read as 67.9%."""
    return "".join(map(_fold_char, text))


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[^\S\n]*$")
_NEXT_WORD = re.compile(r"[^\S\n]*([^\W\d_]+)")
_LATIN_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9\-]*)[^\S\n]+$")


def _previous_token(folded: str, start: int, spaced: bool) -> str:
    """The word before ``start`` (casefolded), or in Japanese the last character."""
    if not spaced:
        i = start - 1
        while i >= 0 and folded[i].isspace():
            i -= 1
        return folded[i] if i >= 0 else ""
    match = _PREVIOUS_WORD.search(folded, max(0, start - 48), start)
    return match.group(1).casefold() if match else ""


def _next_word(folded: str, end: int) -> str:
    """The word right after ``end``, casefolded ("" if none)."""
    match = _NEXT_WORD.match(folded, end)
    return match.group(1).casefold() if match else ""


def _looks_like_name(folded: str, start: int, end: int, vocab: _Vocab) -> bool:
    """True when the digits belong to a product or model name ("GPT-4o",
    "SR-71", "Llama 2 70B", "Grok 2") or to a code, path or version."""
    before, before2 = folded[start - 1:start], folded[max(0, start - 2):max(0, start - 1)]
    after, after2 = folded[end:end + 1], folded[end + 1:end + 2]
    if _LATIN_LETTER.match(before) or (before and before in "#@/_\\"):
        return True
    if before == "-" and _LATIN_LETTER.match(before2):
        return True
    if before == "." and (_LATIN_LETTER.match(before2) or before2.isdigit()):
        return True
    if _LATIN_LETTER.match(after) or (after and after in "/_"):
        return True
    if after and after in ".," and after2.isdigit():
        return True
    word = _LATIN_WORD_BEFORE.search(folded, max(0, start - 48), start)
    return bool(word) and word.group(1).casefold() in vocab.sets["product_names"]


# --------------------------------------------------------------------------- number values


@lru_cache(maxsize=8192)
def _text2num_value(words: str, lang: str) -> int | None:
    """text2num's reading of ``words``, or None when they are no number."""
    try:
        return int(text2num(words, lang))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


def _table_value(words: list[str], tables: Mapping[str, dict]) -> int | None:
    """Read Indonesian number words ("dua puluh lima" -> 25) from the tables of
    ``numbers_id.toml``; None for a sequence that is not one number."""
    expanded = " ".join(tables["one_forms"].get(w, w) for w in words).split()
    total = group = 0
    pending: int | None = None
    for word in expanded:
        if word in tables["units"]:
            if pending is not None:
                return None
            pending = tables["units"][word]
        elif word in tables["groups"]:
            amount = group + (pending or 0)
            if not amount:
                return None
            total, group, pending = total + amount * tables["groups"][word], 0, None
        elif not pending:
            return None
        elif word in tables["teens"]:
            group, pending = group + pending + tables["teens"][word], None
        elif word in tables["multipliers"]:
            group, pending = group + pending * tables["multipliers"][word], None
        else:
            return None
    return total + group + (pending or 0)


def _words_value(words: list[str], vocab: _Vocab) -> int | None:
    """The number a run of number words spells, by the language's reader."""
    if vocab.number_words == "table":
        return _table_value([w.casefold() for w in words], vocab.words)
    return _text2num_value(" ".join(words), vocab.lang)


def _is_number_word(word: str, vocab: _Vocab) -> bool:
    """Whether one word can be part of a spelled-out number (scale words such as
    "Milliarden" are read later, as multipliers of the number before them)."""
    folded = word.casefold()
    if vocab.number_words == "table":
        return any(folded in table for table in vocab.words.values())
    if folded in vocab.sets["deny_words"] or folded in vocab.scales:
        return False
    return _text2num_value(word, vocab.lang) is not None


def _is_article_one(tokens: list[re.Match], k: int, vocab: _Vocab) -> bool:
    """"einem Jahr", "eine Milliarde", "a year": the article reads as 1 before a
    duration or a scale word."""
    if tokens[k].group().casefold() not in vocab.sets["article_one"] or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1].group().casefold()
    suffix = vocab.suffixes.get(following)
    is_duration = suffix is not None and (suffix.unit or "").endswith("-duration")
    return is_duration or following in vocab.scales


def _find_word_numbers(folded: str, vocab: _Vocab) -> list[tuple[int, int, Decimal]]:
    """Spans and values of spelled-out numbers ("drei", "dua puluh", "einem")."""
    if vocab.number_words == "kanji":
        return []
    tokens = list(_WORD.finditer(folded))
    found: list[tuple[int, int, Decimal]] = []
    run: list[re.Match] = []
    for k, token in enumerate(tokens):
        word = token.group()
        if run and folded[run[-1].end():token.start()] in (" ", "\t") and (
                _is_number_word(word, vocab) or word.casefold() in vocab.sets["run_joiners"]):
            run.append(token)
            continue
        found.extend(_read_run(run, vocab))
        run = []
        if _is_article_one(tokens, k, vocab):
            found.append((token.start(), token.end(), Decimal(1)))
        elif _is_number_word(word, vocab):
            run = [token]
    return found + _read_run(run, vocab)


def _read_run(run: list[re.Match], vocab: _Vocab) -> list[tuple[int, int, Decimal]]:
    """A run of number words as one number, or word by word if it is not one."""
    while run and run[-1].group().casefold() in vocab.sets["run_joiners"]:
        run = run[:-1]
    if not run:
        return []
    value = _words_value([t.group() for t in run], vocab)
    if value is not None:
        return [(run[0].start(), run[-1].end(), Decimal(value))]
    if len(run) == 1:
        return []
    return [span for token in run for span in _read_run([token], vocab)]


def _digits_value(raw: str, decimal_mark: str) -> Decimal | None:
    """"43,5" (de, id) or "43.5" (en) to 43.5; "10.000" to 10000.  A German or
    Indonesian "1.5" (an English point left in by the translation) stays 1.5."""
    text = raw
    if decimal_mark == ",":
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", text):
            text = text.replace(".", "")
    else:
        text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _ja_value(raw: str) -> Decimal | None:
    """"2億5000万" -> 250000000, "十万" -> 100000, "1,570億" -> 157000000000.

    Digits and scale characters are multiplied here with exact decimals; kanji
    numerals between them (三, 二十一, 千二百) are read by kanjize."""
    text = re.sub(r"[\s,]", "", raw)
    total, covered = Decimal(0), 0
    for match in _JA_SEGMENT.finditer(text):
        if match.start() != covered or not match.group():
            return None
        covered = match.end()
        try:
            part = (Decimal(match["d"]) * _JA_SCALES[match["small"]] if match["d"]
                    else Decimal(kanji2number(match["k"])))
        except (ValueError, KeyError, IndexError, InvalidOperation):
            return None
        total += part * _JA_SCALES[match["big"]]
    return total if covered == len(text) else None


# --------------------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    """A quantity while the passes still refine it (values stay exact)."""

    start: int
    end: int
    value: Decimal
    kind: str
    unit: str | None = None
    counter: str | None = None
    scale: int = 1
    bare: bool = False
    spelled_one: bool = False


@dataclass
class _Context:
    """One call's state: the matching copy of the text and the spans used up."""

    folded: str
    vocab: _Vocab
    word_values: dict[int, Decimal]
    taken: list[tuple[int, int]] = field(default_factory=list)

    def is_taken(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span already used or excluded."""
        return any(s < end and start < e for s, e in self.taken) or any(
            s == e and start <= s < end for s, e in self.taken)

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as used so later passes leave it alone."""
        self.taken.append((start, end))


def _plain_kind(value: Decimal) -> str:
    """A number with no unit: a count when small and whole, else an amount."""
    return "count" if value == value.to_integral_value() and value < COUNT_LIMIT else "amount"


def _calendar_parts(match: re.Match, vocab: _Vocab) -> list[_Candidate] | None:
    """The year, month and day of one date match, or None if it is no date."""
    groups = {name: match.span(name) for name in ("year", "monthnum", "month", "day")
              if name in match.re.groupindex and match.group(name) is not None}
    parts = []
    for name, (start, end) in groups.items():
        text = match.string[start:end]
        value = vocab.months.get(text.casefold()) if name == "month" else int(text)
        kind = {"monthnum": "month"}.get(name, name)
        limit = {"year": 9999, "month": 12, "day": 31}[kind]
        if value is None or not 1 <= value <= limit:
            return None
        parts.append(_Candidate(start, end, Decimal(value), kind))
    return parts


def _date_candidates(ctx: _Context) -> list[_Candidate]:
    """Full dates: "2024-08-13", "13. August", "13 Agustus", "August 13, 2024"."""
    found: list[_Candidate] = []
    for pattern in ctx.vocab.pattern_lists["dates"]:
        for match in pattern.finditer(ctx.folded):
            parts = _calendar_parts(match, ctx.vocab)
            if parts and not ctx.is_taken(*match.span()):
                ctx.take(*match.span())
                found.extend(parts)
    return found


def _take_list_markers(ctx: _Context) -> None:
    """Section numbers at the start of a line ("1. Talente …") are numbering."""
    for match in ctx.vocab.regexes["list_marker"].finditer(ctx.folded):
        if not ctx.is_taken(*match.span()):
            ctx.take(*match.span())


def _clock_candidates(ctx: _Context) -> list[_Candidate]:
    """Times of day (午後8時30分, "20:30 Uhr", "8:30 p.m.") as hours after midnight."""
    found: list[_Candidate] = []
    for pattern in ctx.vocab.pattern_lists["clock"]:
        for match in pattern.finditer(ctx.folded):
            groups = match.groupdict()
            hour, minute = int(groups["hour"]), int(groups.get("minute") or 0)
            marker = (groups.get("ampm") or "").casefold()
            if marker and marker in ctx.vocab.pm_markers and hour < 12:
                hour += 12
            elif marker and marker not in ctx.vocab.pm_markers and hour == 12:
                hour = 0
            if hour > 24 or minute > 59 or ctx.is_taken(*match.span()):
                continue
            ctx.take(*match.span())
            value = hour + Decimal(minute) / 60 + (Decimal("0.5") if groups.get("half") else 0)
            found.append(_Candidate(*match.span(), value, "amount", "clock-time"))
    return found


def _month_candidates(ctx: _Context) -> list[_Candidate]:
    """Month names on their own ("im Juli", "pada bulan Mei", "in March")."""
    found: list[_Candidate] = []
    vocab = ctx.vocab
    for match in vocab.regexes["month"].finditer(ctx.folded):
        start, end = match.span()
        name = match.group().casefold()
        if ctx.is_taken(start, end) or name not in vocab.months:
            continue
        cued = (_previous_token(ctx.folded, start, True) in vocab.sets["month_cues"]
                or re.match(r"[^\S\n]+[0-9]{1,4}(?![0-9])", ctx.folded[end:end + 8]))
        if name in vocab.sets["ambiguous_months"] and not cued:
            continue
        found.append(_Candidate(start, end, Decimal(vocab.months[name]), "month"))
    return found


@dataclass(frozen=True)
class _Phrase:
    """A number as written: value, multiplier and what stands around it."""

    start: int
    end: int
    num_start: int
    num_text: str
    number: Decimal
    scale: int
    currency: str | None
    suffix: _Suffix | None


def _phrase_number(match: re.Match, ctx: _Context) -> Decimal | None:
    """The value of the number itself: word run, kanji or digits."""
    raw = match["num"]
    if raw[0] in _PLACEHOLDERS:
        return ctx.word_values.get(match.start("num"))
    if ctx.vocab.number_words == "kanji":
        return _ja_value(raw)
    return _digits_value(raw, ctx.vocab.decimal_mark)


def _phrase_scale(match: re.Match, vocab: _Vocab) -> int | None:
    """The multiplier after the number; None for a glued one-letter scale
    without a currency sign ("70B" is a model size, "$6B" is money)."""
    groups = match.groupdict()
    if groups.get("abbr"):
        return vocab.abbreviations[groups["abbr"].casefold()] if groups["pre"] else None
    if groups.get("scale"):
        return vocab.scales[groups["scale"].casefold()]
    return 1


def _read_phrase(match: re.Match, ctx: _Context) -> _Phrase | None:
    """Read one phrase match, or None when it is no quantity (a name, an
    ordinal, a vague amount, a fraction)."""
    vocab, folded = ctx.vocab, ctx.folded
    start, end = match.span()
    if ctx.is_taken(start, end) or _looks_like_name(folded, start, end, vocab):
        return None
    previous = _previous_token(folded, start, vocab.spaced)
    if previous in vocab.sets["vague_words"] or previous in vocab.sets["ordinal_prefixes"]:
        return None
    number, scale = _phrase_number(match, ctx), _phrase_scale(match, vocab)
    suffix = vocab.suffixes.get(match["suf"].casefold()) if match["suf"] else None
    if number is None or scale is None or (suffix is not None and suffix.kind == "ordinal"):
        return None
    if suffix is not None and suffix.not_before and folded.startswith(suffix.not_before, end):
        return None
    currency = vocab.prefixes.get(match["pre"].casefold()) if match["pre"] else None
    return _Phrase(start, end, match.start("num"), match["num"], number, scale, currency, suffix)


def _kanji_allowed(phrase: _Phrase, ctx: _Context) -> bool:
    """Kanji numerals hide inside ordinary words (十分 "enough", 一人, 一部,
    三菱), so a number without digits needs a unit or a scale, and a lone 一
    a duration or year after it."""
    if re.search("[0-9]", phrase.num_text):
        return True
    if phrase.number == 0 or any(ctx.folded.startswith(word, phrase.num_start)
                                 for word in ctx.vocab.lexical_words):
        return False
    suffix = phrase.suffix
    if phrase.num_text == "一":
        return suffix is not None and (suffix.kind == "year"
                                       or (suffix.unit or "").endswith("-duration"))
    return suffix is not None or bool(re.search("[万億兆]", phrase.num_text))


def _is_year(phrase: _Phrase, ctx: _Context) -> bool:
    """A bare 4-digit number 1900–2099, or 1000–2999 after "im Jahr"/"tahun"."""
    if not re.fullmatch("[0-9]{4}", phrase.num_text) or phrase.scale != 1:
        return False
    year = int(phrase.num_text)
    cued = _previous_token(ctx.folded, phrase.start, True) in ctx.vocab.sets["year_cues"]
    return 1900 <= year <= 2099 or (cued and 1000 <= year <= 2999)


def _era_before(ctx: _Context, num_start: int) -> tuple[int, int] | None:
    """(start, base year) of a Japanese era name written right before the
    number (令和6年 -> 2018 + 6); None if there is none."""
    before = ctx.folded[max(0, num_start - 4):num_start].rstrip()
    era = next((era for era in ctx.vocab.eras if before.endswith(era)), None)
    if era is None:
        return None
    return max(0, num_start - 4) + len(before) - len(era), ctx.vocab.eras[era]


def _apply_calendar_suffix(cand: _Candidate, phrase: _Phrase, ctx: _Context) -> _Candidate | None:
    """年 / 月 / 日 after a number: a calendar part when the value fits one
    (2022年, 7月, 13日), otherwise a duration (5年 = five years, 100日)."""
    value, kind = cand.value, phrase.suffix.kind
    whole = value == value.to_integral_value()
    era = _era_before(ctx, phrase.num_start) if kind == "year" else None
    if kind == "year" and whole and era is not None and not ctx.is_taken(era[0], cand.start):
        cand.kind, cand.value, cand.start = "year", value + era[1], era[0]
    elif kind == "year":
        is_year = whole and value >= 1000
        cand.kind, cand.unit = ("year", None) if is_year else ("count", "year-duration")
    elif kind == "month":
        if not (whole and 1 <= value <= 12):
            return None
        cand.kind = "month"
    else:
        is_day = whole and 1 <= value <= 31
        cand.kind, cand.unit = ("day", None) if is_day else ("count", "day-duration")
    return cand


def _classify(phrase: _Phrase, ctx: _Context) -> _Candidate | None:
    """Kind, unit and counter of a phrase (see the module docstring)."""
    value, suffix = phrase.number * phrase.scale, phrase.suffix
    cand = _Candidate(phrase.start, phrase.end, value, _plain_kind(value), scale=phrase.scale)
    currency = phrase.currency or (suffix.unit if suffix and suffix.kind == "currency" else None)
    if currency:
        cand.kind, cand.unit = "currency", currency
    elif suffix is None:
        cand.bare = phrase.scale == 1
        if _is_year(phrase, ctx):
            cand.kind, cand.bare = "year", False
    elif suffix.kind in ("year", "month", "day"):
        return _apply_calendar_suffix(cand, phrase, ctx)
    elif suffix.kind == "percent":
        cand.kind, cand.unit = "percent", suffix.unit
    else:
        cand.unit, cand.counter = suffix.unit, suffix.counter
        cand.kind = "count" if suffix.unit else _plain_kind(value)
    return cand


def _is_one_of(cand: _Candidate, ctx: _Context) -> bool:
    """"…の1つ", "salah satu …", "one of …": an idiom, not a count of one."""
    if cand.value != 1 or cand.kind != "count" or cand.unit:
        return False
    sets = ctx.vocab.sets
    before = _previous_token(ctx.folded, cand.start, ctx.vocab.spaced)
    after = _next_word(ctx.folded, cand.end)
    return before in sets["one_of_before"] or after in sets["one_of_after"]


def _phrase_candidates(ctx: _Context) -> list[_Candidate]:
    """Numbers with their scale, currency and unit ("6 Milliarden US-Dollar")."""
    found: list[_Candidate] = []
    for match in ctx.vocab.regexes["phrase"].finditer(ctx.folded):
        phrase = _read_phrase(match, ctx)
        if phrase is None or (ctx.vocab.number_words == "kanji"
                              and not _kanji_allowed(phrase, ctx)):
            continue
        cand = _classify(phrase, ctx)
        if cand is None or _is_one_of(cand, ctx):
            continue
        cand.spelled_one = cand.value == 1 and phrase.num_text[0] in _PLACEHOLDERS
        ctx.take(cand.start, cand.end)
        found.append(cand)
    return found


def _propagate_ranges(cands: list[_Candidate], ctx: _Context) -> None:
    """"5, 10 oder 20 Jahren", "3～5年", "3 bis 5 Milliarden": a bare number
    joined to the next one takes its unit (and scale)."""
    for left, right in reversed(list(zip(cands, cands[1:]))):
        if not left.bare or right.bare or right.kind in ("year", "month", "day"):
            continue
        gap = ctx.folded[left.end:right.start]
        if right.unit == "clock-time" or not gap or not ctx.vocab.regexes["joiner"].fullmatch(gap):
            continue
        if right.scale > 1 and left.scale == 1:
            left.value, left.scale = left.value * right.scale, right.scale
        left.kind, left.unit, left.counter, left.bare = right.kind, right.unit, right.counter, False
        if left.kind in ("count", "amount") and not left.unit:
            left.kind = _plain_kind(left.value)


# --------------------------------------------------------------------------- public API


def _check_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``exclude_spans`` as a list, refusing spans that run backwards."""
    checked = [(int(s), int(e)) for s, e in spans]
    bad = [span for span in checked if span[0] > span[1]]
    if bad:
        raise CorpusError(None, f"exclude_spans for extract_numbers must be (start, end) "
                                f"with start <= end; got {bad[:3]}")
    return checked


def extract_numbers(text: str, lang: str, *,
                    exclude_spans: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in ``text`` (written in ``lang``: ja, de, id or en), in
    text order, with offsets into ``text``.

    ``exclude_spans`` are (start, end) spans to skip, e.g. product names found
    by the entity gazetteer; numbers overlapping them are not reported."""
    vocab = _vocab_for(lang)
    folded = _fold_text(text)
    runs = _find_word_numbers(folded, vocab)
    shadow = list(folded)
    for k, (start, end, _) in enumerate(runs):
        shadow[start:end] = _PLACEHOLDERS[k % 2] * (end - start)
    ctx = _Context("".join(shadow), vocab, {start: value for start, _, value in runs},
                   _check_spans(exclude_spans))
    cands = _date_candidates(ctx)
    _take_list_markers(ctx)
    cands += _clock_candidates(ctx) + _phrase_candidates(ctx) + _month_candidates(ctx)
    cands.sort(key=lambda c: (c.start, c.end))
    _propagate_ranges(cands, ctx)
    # A spelled-out "one" with no unit is the indefinite article of another
    # language ("satu perusahaan" = "einem Unternehmen" = "a company").
    kept = [c for c in cands if not (c.spelled_one and c.bare)]
    return [Quantity(text[c.start:c.end], c.start, c.end, float(c.value), c.kind, c.unit,
                     c.counter) for c in kept]


def numbers_frame(paragraphs: pd.DataFrame, langs: Mapping[str, str]) -> pd.DataFrame:
    """One row per quantity of a paragraphs table (``doc_id, para_id, text``;
    ``langs`` maps doc_id to language): doc_id, para_id, surface, start, end
    (offsets into the paragraph), value, kind, unit (missing where a quantity
    has none).  This is the table the translation audit compares."""
    missing = [c for c in ("doc_id", "para_id", "text") if c not in paragraphs.columns]
    if missing:
        raise CorpusError(None, f"numbers_frame needs paragraph column(s) {missing}; "
                                f"got {list(paragraphs.columns)}")
    rows = []
    for doc_id, para_id, text in paragraphs[["doc_id", "para_id", "text"]].itertuples(index=False):
        if doc_id not in langs:
            raise CorpusError(None, f"numbers_frame: no language given for document {doc_id!r}")
        if not isinstance(text, str):
            continue
        rows.extend((doc_id, para_id, q.surface, q.start, q.end, q.value, q.kind, q.unit)
                    for q in extract_numbers(text, langs[doc_id]))
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    return frame.astype({"start": "int64", "end": "int64", "value": "float64"})
