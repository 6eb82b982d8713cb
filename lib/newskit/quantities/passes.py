"""The passes that find quantities, in order: full dates, list markers,
clock times, number phrases (number + scale + currency or unit), month
names, and finally ranges that share one unit ("5, 10 oder 20 Jahren").

Each pass marks the spans it used (:class:`Context`), so a later pass never
reads the same digits twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from newskit.quantities.folding import looks_like_name, next_word, previous_token
from newskit.quantities.model import COUNT_LIMIT
from newskit.quantities.values import digits_value, ja_value
from newskit.quantities.vocab import PLACEHOLDERS, Suffix, Vocab

__all__ = ["Candidate", "Context", "clock_candidates", "date_candidates", "month_candidates",
           "phrase_candidates", "propagate_ranges", "take_list_markers"]

@dataclass
class Candidate:
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
class Context:
    """One call's state: the matching copy of the text and the characters
    used up, as one byte per character (``used``; ``points`` marks empty
    excluded spans, which block any span around them).  A look-up costs the
    length of the span asked about, so a text of n characters costs O(n) —
    a list of taken spans scanned on every look-up made 1 MB of Japanese
    take minutes."""

    folded: str
    vocab: Vocab
    word_values: dict[int, Decimal]
    used: bytearray = field(default_factory=bytearray)
    points: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        size = len(self.folded) + 1
        self.used = self.used or bytearray(size)
        self.points = self.points or bytearray(size)

    def is_taken(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span already used or excluded."""
        return 1 in self.used[start:end] or 1 in self.points[start:end]

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as used so later passes leave it alone (an
        empty span marks its position)."""
        start, end = max(start, 0), min(end, len(self.folded))
        if start < end:
            self.used[start:end] = b"\x01" * (end - start)
        elif 0 <= start <= len(self.folded):
            self.points[start] = 1


def _plain_kind(value: Decimal) -> str:
    """A number with no unit: a count when small and whole, else an amount."""
    return "count" if value == value.to_integral_value() and value < COUNT_LIMIT else "amount"


def _calendar_parts(match: re.Match, vocab: Vocab) -> list[Candidate] | None:
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
        parts.append(Candidate(start, end, Decimal(value), kind))
    return parts


def date_candidates(ctx: Context) -> list[Candidate]:
    """Full dates: "2024-08-13", "13. August", "13 Agustus", "August 13, 2024"."""
    found: list[Candidate] = []
    for pattern in ctx.vocab.pattern_lists["dates"]:
        for match in pattern.finditer(ctx.folded):
            parts = _calendar_parts(match, ctx.vocab)
            if parts and not ctx.is_taken(*match.span()):
                ctx.take(*match.span())
                found.extend(parts)
    return found


def take_list_markers(ctx: Context) -> None:
    """Section numbers at the start of a line ("1. Talente …") are numbering."""
    for match in ctx.vocab.regexes["list_marker"].finditer(ctx.folded):
        if not ctx.is_taken(*match.span()):
            ctx.take(*match.span())


def clock_candidates(ctx: Context) -> list[Candidate]:
    """Times of day (午後8時30分, "20:30 Uhr", "8:30 p.m.") as hours after midnight."""
    found: list[Candidate] = []
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
            found.append(Candidate(*match.span(), value, "amount", "clock-time"))
    return found


def month_candidates(ctx: Context) -> list[Candidate]:
    """Month names on their own ("im Juli", "pada bulan Mei", "in March")."""
    found: list[Candidate] = []
    vocab = ctx.vocab
    for match in vocab.regexes["month"].finditer(ctx.folded):
        start, end = match.span()
        name = match.group().casefold()
        if ctx.is_taken(start, end) or name not in vocab.months:
            continue
        cued = (previous_token(ctx.folded, start, True) in vocab.sets["month_cues"]
                or re.match(r"[^\S\n]+[0-9]{1,4}(?![0-9])", ctx.folded[end:end + 8]))
        if name in vocab.sets["ambiguous_months"] and not cued:
            continue
        found.append(Candidate(start, end, Decimal(vocab.months[name]), "month"))
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
    suffix: Suffix | None


def _phrase_number(match: re.Match, ctx: Context) -> Decimal | None:
    """The value of the number itself: word run, kanji or digits."""
    raw = match["num"]
    if raw[0] in PLACEHOLDERS:
        return ctx.word_values.get(match.start("num"))
    if ctx.vocab.number_words == "kanji":
        return ja_value(raw)
    return digits_value(raw, ctx.vocab.decimal_mark)


def _phrase_scale(match: re.Match, vocab: Vocab) -> int | None:
    """The multiplier after the number; None for a glued one-letter scale
    without a currency sign ("70B" is a model size, "$6B" is money)."""
    groups = match.groupdict()
    if groups.get("abbr"):
        return vocab.abbreviations[groups["abbr"].casefold()] if groups["pre"] else None
    if groups.get("scale"):
        return vocab.scales[groups["scale"].casefold()]
    return 1


def _spaced_abbreviation(match: re.Match) -> bool:
    """A one-letter scale after a space with no currency sign before the number."""
    groups = match.groupdict()
    return bool(groups.get("abbr")) and not groups.get("pre") and match.string[match.start("abbr") - 1].isspace()


def _read_phrase(match: re.Match, ctx: Context) -> _Phrase | None:
    """Read one phrase match, or None when it is no quantity (a name, an
    ordinal, a vague amount, a fraction)."""
    vocab, folded = ctx.vocab, ctx.folded
    start, end = match.span()
    if ctx.is_taken(start, end) or looks_like_name(folded, start, end, vocab):
        return None
    previous = previous_token(folded, start, vocab.spaced)
    if previous in vocab.sets["vague_words"] or previous in vocab.sets["ordinal_prefixes"]:
        return None
    number, scale = _phrase_number(match, ctx), _phrase_scale(match, vocab)
    suffix = vocab.suffixes.get(match["suf"].casefold()) if match["suf"] else None
    if _spaced_abbreviation(match):
        # "Rp 2 M" is 2 billion rupiah, but in "5 m" (no currency) the letter is no scale
        end, scale, suffix = match.end("num"), 1, None
    if number is None or scale is None or (suffix is not None and suffix.kind == "ordinal"):
        return None
    if suffix is not None and suffix.not_before and folded.startswith(suffix.not_before, end):
        return None
    currency = vocab.prefixes.get(match["pre"].casefold()) if match["pre"] else None
    return _Phrase(start, end, match.start("num"), match["num"], number, scale, currency, suffix)


def _kanji_allowed(phrase: _Phrase, ctx: Context) -> bool:
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


def _is_year(phrase: _Phrase, ctx: Context) -> bool:
    """A bare 4-digit number 1900–2099, or 1000–2999 after "im Jahr"/"tahun"."""
    if not re.fullmatch("[0-9]{4}", phrase.num_text) or phrase.scale != 1:
        return False
    year = int(phrase.num_text)
    cued = previous_token(ctx.folded, phrase.start, True) in ctx.vocab.sets["year_cues"]
    return 1900 <= year <= 2099 or (cued and 1000 <= year <= 2999)


def _era_before(ctx: Context, num_start: int) -> tuple[int, int] | None:
    """(start, base year) of a Japanese era name written right before the
    number (令和6年 -> 2018 + 6); None if there is none."""
    before = ctx.folded[max(0, num_start - 4):num_start].rstrip()
    era = next((era for era in ctx.vocab.eras if before.endswith(era)), None)
    if era is None:
        return None
    return max(0, num_start - 4) + len(before) - len(era), ctx.vocab.eras[era]


def _apply_calendar_suffix(cand: Candidate, phrase: _Phrase, ctx: Context) -> Candidate | None:
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


def _classify(phrase: _Phrase, ctx: Context) -> Candidate | None:
    """Kind, unit and counter of a phrase (see the module docstring)."""
    value, suffix = phrase.number * phrase.scale, phrase.suffix
    cand = Candidate(phrase.start, phrase.end, value, _plain_kind(value), scale=phrase.scale)
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


def _is_one_of(cand: Candidate, ctx: Context) -> bool:
    """"…の1つ", "salah satu …", "one of …": an idiom, not a count of one."""
    if cand.value != 1 or cand.kind != "count" or cand.unit:
        return False
    sets = ctx.vocab.sets
    before = previous_token(ctx.folded, cand.start, ctx.vocab.spaced)
    after = next_word(ctx.folded, cand.end)
    return before in sets["one_of_before"] or after in sets["one_of_after"]


def phrase_candidates(ctx: Context) -> list[Candidate]:
    """Numbers with their scale, currency and unit ("6 Milliarden US-Dollar")."""
    found: list[Candidate] = []
    for match in ctx.vocab.regexes["phrase"].finditer(ctx.folded):
        phrase = _read_phrase(match, ctx)
        if phrase is None or (ctx.vocab.number_words == "kanji"
                              and not _kanji_allowed(phrase, ctx)):
            continue
        cand = _classify(phrase, ctx)
        if cand is None or _is_one_of(cand, ctx):
            continue
        cand.spelled_one = cand.value == 1 and phrase.num_text[0] in PLACEHOLDERS
        ctx.take(cand.start, cand.end)
        found.append(cand)
    return found


def propagate_ranges(cands: list[Candidate], ctx: Context) -> None:
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

