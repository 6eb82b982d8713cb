"""Name spans in one paragraph of Latin-script text (de, id, en, and Latin
words inside Japanese).

A *run* is a sequence of capitalised words separated by single spaces (or a
connector such as "of", "&", "von" between two of them); anything else ends
it: a comma, a line break, a bracket, a quotation mark, a masked known name or
quantity.  A run is then cut into *pieces*: at titles (``Presiden Joko
Widodo`` → PERSON ``Joko Widodo``), at calendar words, after a country that
opens it (``Kanada Jordan Peterson``), without legal forms (``PT … Tbk``) and,
in German, without the ordinary nouns around a name.

Decisions that need the whole corpus are only *flagged* here and taken by
:mod:`newskit.entities.discover`: a single word opening a sentence or a
heading (``weak``), a sentence-initial run opened by a dictionary word
(``initial-known``: ``Saham Indosat``) and a run after a title that may start
with an organisation (``after-title``: ``Direktur Indosat Vikram Sinha``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from newskit.entities.cues import Cues
from newskit.entities.places import find_place

__all__ = ["Span", "find_latin_spans", "is_acronym"]

LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
WORD_RE = re.compile(rf"[{LATIN}](?:[{LATIN}0-9'’.\-]*[{LATIN}0-9])?")
KATAKANA_RE = re.compile(r"[ァ-ヺー]")
SENTENCE_END = frozenset(".!?:;。！？…")
OPENERS = " \t\"'„“”‚‘’«»([{「『【▲•*–—-"
POSSESSIVE_RE = re.compile(r"['’]s?\Z")
#: "Jakarta - Hujan deras …": a spaced dash after a dateline starts the sentence.
DATELINE_DASH_RE = re.compile(r"\s[-–—]\s*\Z")
#: "Tokyo-based", "Nvidia-backed": a lower-case tail after a hyphen is not part of the name.
LOWER_TAIL_RE = re.compile(r"-[a-z][a-z-]*\Z")
#: Lower-case words that carry a title over to the next run ("Menteri Komunikasi dan Informatika …").
TITLE_JOINERS = frozenset({"dan", "and", "und", "&"})
#: German ordinary words at least this long are dropped around a name (Forscher); shorter
#: ones may be part of it (Llion Jones, Ren Ito).
DE_LONG_NOUN = 7


class Span(NamedTuple):
    """One name candidate: ``text[start:end] == surface`` except for folded
    possessives; ``votes`` are type guesses, ``flags`` what the corpus pass
    must still decide."""

    surface: str
    start: int
    end: int
    votes: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()


def is_acronym(word: str) -> bool:
    """Two or more capitals and no lower-case letter (ISAT, BMKG, UFJ)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_capitalised(word: str) -> bool:
    """A word that may be part of a name: any capital (xAI, iPhone, Nvidia)."""
    return any(c.isupper() for c in word)


def _is_sentence_start(text: str, start: int) -> bool:
    """Only openers between ``start`` and the text start or a sentence end
    (a dateline dash counts as an opener: "Jakarta - CEO …")."""
    if DATELINE_DASH_RE.search(text[:start]):
        return True
    before = text[:start].rstrip(OPENERS)
    return not before or before[-1] in SENTENCE_END


def _collect_runs(text: str, cues: Cues, lang: str) -> list[list[re.Match[str]]]:
    """Raw runs of capitalised words (connectors kept inside)."""
    words = list(WORD_RE.finditer(text))
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for i, match in enumerate(words):
        word = match.group()
        glued = lang == "ja" and _glued_to_katakana(text, match)
        joined = bool(current) and text[current[-1].end():match.start()] == " "
        if _is_capitalised(word) and not glued:
            if not joined:
                current = []
                runs.append(current)
            current.append(match)
        elif (word in cues.connectors and joined and i + 1 < len(words)
              and _is_capitalised(words[i + 1].group()) and text[match.end():words[i + 1].start()] == " "):
            current.append(match)
        else:
            current = []
    return [r for r in runs if r]


def _glued_to_katakana(text: str, match: re.Match[str]) -> bool:
    """In Japanese, Latin glued to katakana (サカナAI, SR-71ブラックバード)
    belongs to the katakana name and is handled by the Japanese pass."""
    before = text[match.start() - 1:match.start()]
    after = text[match.end():match.end() + 1]
    return bool(KATAKANA_RE.match(before) or KATAKANA_RE.match(after))


def _strip_word(word: str, cues: Cues) -> str:
    """A word without a possessive (Nvidia's → Nvidia, Musks' → Musks)."""
    return POSSESSIVE_RE.sub("", word) if cues.lang == "en" else word


class _Part:
    """The part of a word match before a hyphenated title (``Parlo`` of
    ``Parlo-Gründer``), shaped like the match it replaces."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.offset = text, start

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.offset

    def end(self) -> int:
        return self.offset + len(self.text)


def _cut_run(run: list[re.Match[str]], cues: Cues, stop: frozenset[str]) -> list[tuple[list, set]]:
    """Cut a run at titles and calendar words, strip legal forms, leading
    stop words and leading vocabulary acronyms (``AI Perplexity``)."""
    if len(run) > 1 and find_place(" ".join(m.group() for m in run), cues.lang):
        return [(list(run), set())]  # NEW YORK, Amerika Serikat: never cut a place
    pieces: list[tuple[list, set]] = [([], set())]
    for match in run:
        word = match.group().rstrip(".")
        head, _dash, tail = word.rpartition("-")
        if head and tail in cues.titles:  # Parlo-Gründer Conor Whelan: the firm, then a person
            pieces[-1][0].append(_Part(head, match.start()))
            pieces[-1][1].update({"before-title", "org"})
            pieces.append(([], {"after-title"}))
        elif word in cues.titles or word.rstrip(".") + "." in cues.titles:
            pieces[-1][1].add("before-title")
            pieces.append(([], {"after-title"}))
        elif word in cues.calendar:
            pieces.append(([], set()))
        elif word in cues.legal_forms:  # PT Indosat … Tbk: the piece is an ORG either way
            pieces[-1][1].add("org")
            if pieces[-1][0]:
                pieces.append(([], set()))
        else:
            pieces[-1][0].append(match)
    cleaned = []
    for words, flags in pieces:
        while words and (words[0].group().lower() in stop or words[0].group() in cues.vocabulary
                         or words[0].group() in cues.connectors):
            words = words[1:]
        while words and words[-1].group() in cues.connectors:
            words = words[:-1]
        if words:
            cleaned.append((words, flags))
    return cleaned


def _split_leading_place(words: list, lang: str, is_known: Callable[[str], bool]) -> list[list]:
    """``Kanada Jordan Peterson`` → ``Kanada`` + ``Jordan Peterson``: a
    country opening a run of words no dictionary knows is an attribute."""
    if len(words) < 3 or not find_place(words[0].group(), lang):
        return [words]
    rest = words[1:]
    if any(is_known(w.group()) for w in rest):
        return [words]
    return [words[:1], rest]


def _trim_ordinary(words: list, cues: Cues, is_ordinary: Callable[[str], bool], after_title: bool) -> list:
    """German: drop the noun a name stands in apposition to (``Diplomaten Ren
    Ito``, ``Wagniskapitalgeber Lux Capital``, ``Der Name Sakana``) — one
    leading ordinary word, more only if long compounds — and long nouns after
    it (``Sakanas Forscher``).  Short ordinary words inside stay: German's
    dictionary knows many first names and short words (Ren, David, Lux, Ha)."""
    def ordinary(match) -> bool:
        word = match.group()
        return (is_ordinary(word) and not find_place(word, cues.lang) and word not in cues.org_suffixes
                and word not in cues.org_heads)
    if words and ordinary(words[0]) and not after_title:  # a title already was the apposition
        words = words[1:]
    while words and ordinary(words[0]) and len(words[0].group()) >= DE_LONG_NOUN:
        words = words[1:]
    while words and ordinary(words[-1]) and len(words[-1].group()) >= DE_LONG_NOUN:
        words = words[:-1]
    while len(words) > 1 and ordinary(words[-1]) and words[-2].group().endswith("s"):
        words = words[:-1]  # Morishitas Firma: the genitive's noun is no part of the name
    while words and (words[0].group() in cues.connectors or words[-1].group() in cues.connectors):
        words = words[1:] if words[0].group() in cues.connectors else words[:-1]
    return words


def _vote(words: list, text: str, flags: set, cues: Cues) -> tuple[str, ...]:
    """Type votes of one piece from its words and its left context."""
    votes = []
    surface = " ".join(w.group() for w in words)
    if "after-title" in flags:
        votes.append("PERSON")
    if "org" in flags or words[-1].group() in cues.org_suffixes:
        votes.append("ORG")
    if find_place(surface, cues.lang):
        votes.append("PLACE")
    elif words[-1].group() in cues.place_words:
        votes.append("PLACE")
    before = text[:words[0].start()].split()
    if before and before[-1] in cues.place_preps:
        votes.append("PLACE?")
    if any(c.isdigit() for c in surface) or (before and before[-1] in cues.product_cues):
        votes.append("PRODUCT")
    return tuple(votes)


def find_latin_spans(text: str, lang: str, cues: Cues, *, stopwords: frozenset[str],
                     is_ordinary: Callable[[str], bool], is_known: Callable[[str], bool]) -> list[Span]:
    """Name pieces of the Latin-script words of one (masked) text.

    ``is_ordinary(word)``: the word is German vocabulary (used for de only);
    ``is_known(word)``: the lower-cased word is in the language's dictionary."""
    spans: list[Span] = []
    previous: tuple[int, set] = (-1, set())
    for run in _collect_runs(text, cues, lang):
        pieces = _cut_run(run, cues, stopwords)
        if pieces and "after-title" in previous[1] and previous[0] >= 0 \
                and text[previous[0]:run[0].start()].strip() in TITLE_JOINERS:
            pieces[0][1].add("after-title")  # Menteri Komunikasi dan Informatika Budi …
        if pieces:
            previous = (pieces[-1][0][-1].end(), pieces[-1][1])
        for index, (words, flags) in enumerate(pieces):
            groups = _split_leading_place(words, lang, is_known)
            for k, group in enumerate(groups):
                if lang == "de":
                    group = _trim_ordinary(group, cues, is_ordinary, k == 0 and "after-title" in flags)
                if not group:
                    continue
                spans.append(_make_span(text, group, set(flags) if k == 0 else set(), cues, index == 0 and k == 0,
                                        is_known))
    return spans


def _abbreviates_lowercase(before: str, acronym: str) -> bool:
    """``rukun tetangga (RT)``: an acronym spelling out the lower-case words
    before it abbreviates a common noun, not a name."""
    words = before.split()[-len(acronym):]
    return (len(words) == len(acronym) and all(w[:1].islower() for w in words)
            and "".join(w[0] for w in words).upper() == acronym)


def _make_span(text: str, words: list, flags: set, cues: Cues, first: bool,
               is_known: Callable[[str], bool]) -> Span:
    """Build the :class:`Span` of one piece, with its corpus-pass flags."""
    start, end = words[0].start(), words[-1].end()
    surface = _strip_word(text[start:end], cues)
    if cues.lang in ("en", "id"):
        surface = LOWER_TAIL_RE.sub("", surface)
        end = start + len(surface)
    initial = first and cues.lang != "ja" and _is_sentence_start(text, start)
    single_known = len(words) == 1 and cues.lang != "ja" and not is_acronym(surface) and is_known(surface)
    if (initial and len(words) == 1) or (single_known and flags & {"before-title", "after-title"}):
        flags.add("weak")  # sentence opener, or "Indonesian President", "Menteri Komunikasi"
    elif initial and is_known(words[0].group()):
        flags.add("initial-known")
    elif single_known and not find_place(surface, cues.lang):
        flags.add("known-single")  # "Solo", "Klimatologi": confirmed by repetition or a cue
    if len(words) == 1 and text[end:end + 1] in (":", "："):
        flags |= {"weak", "label"}  # a field label: "Sumber: …", "Quelle: …"
    if text[start - 1:start] == "(" and text[end:end + 1] == ")":
        flags.add("parens")
        if is_acronym(surface) and _abbreviates_lowercase(text[:start - 1], surface):
            flags.add("common-abbrev")
    return Span(surface, start, end, _vote(words, text, flags, cues), frozenset(flags))
