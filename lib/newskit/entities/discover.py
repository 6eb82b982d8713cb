"""Names the gazetteer does not cover yet, found with high precision.

:func:`discover_entities` replaces ``candidate_entities`` as the researcher's
to-do list for growing the gazetteer.  Per paragraph, known mentions and
quantities are masked first (so ``Rp1.411`` or ``US$200`` cannot be a name,
and two words either side of a known name cannot glue), then
:mod:`.spans` / :mod:`.spans_ja` propose pieces.  The corpus pass decides what
one paragraph cannot:

* **weak occurrences** (a single word opening a sentence, anything in a
  heading) count only for a spelling that also occurs *strongly* (mid-sentence,
  or with a cue: a title, an honorific, a legal form, a CLDR place);
* **after a title** a run may hold an organisation and a person
  (``Direktur Indosat Vikram Sinha``): it is cut after an attested name or a
  place; **sentence-initial** runs lose a dictionary word whose remainder is
  attested (``Saham Indosat`` → ``Indosat``);
* **inflection is folded** only onto an attested base: Indonesian ``-nya``,
  German genitive ``-s`` (``Nvidias`` → ``Nvidia`` only when ``Nvidia`` occurs
  or is known), all-caps datelines (``JAKARTA`` → ``Jakarta``); a folded form
  the gazetteer knows is dropped.

Keys, labels and types across spellings and languages come from
:func:`newskit.entities.link.assign_entity_keys`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import simplemma

from newskit.entities.candidates import is_ordinary_word
from newskit.entities.cues import DISCOVERY_LANGS, Cues, load_cues
from newskit.entities.gazetteer import load_gazetteer
from newskit.entities.link import LinkContext, assign_entity_keys
from newskit.entities.mentions import find_mentions
from newskit.entities.places import find_place
from newskit.entities.spans import Span, find_latin_spans
from newskit.entities.spans_ja import find_japanese_spans
from newskit.errors import ArgumentError
from newskit.io.paragraphs import TEXT_KINDS
from newskit.io.versions import tool_versions
from newskit.quantities.extract import extract_numbers
from newskit.text.mecab import tokenize_japanese_raw
from newskit.text.stopwords import stopwords_for

__all__ = ["DISCOVERY_COLUMNS", "discover_entities", "link_entities"]

DISCOVERY_COLUMNS = ["entity_key", "label", "type", "lang", "surface", "count", "n_docs", "example"]
MASK = "〓"
#: Currency amounts and numbers that must never be names (Rp1.411, US$5, 3,2).
AMOUNT_RE = re.compile(r"(?:Rp|US\$|S\$|RM|\$|€|£|¥)\s?\d|^\d[\d.,]*$")
#: Strong type votes: a cue in the text, not a guess from the dictionary.
STRONG_VOTES = frozenset({"PERSON", "ORG", "PLACE", "PRODUCT"})
#: Words of a person's name after a title when nothing else marks where it starts.
MAX_NAME_WORDS = 3
#: Mid-sentence occurrences that confirm a capitalised dictionary word as a name.
MIN_REPEATS = 2
#: Characters of context either side of a mention in ``example``.
EXAMPLE_CONTEXT = 25


@dataclass
class _Found:
    """Everything collected for one (lang, surface)."""

    count: int = 0
    docs: set = field(default_factory=set)
    paras: set = field(default_factory=set)
    votes: list = field(default_factory=list)
    example: str = ""
    strong: bool = False


def _known_surfaces(gazetteer: pd.DataFrame) -> dict[str, set[str]]:
    """Per language, every alias the gazetteer matches there (English
    aliases count in every language)."""
    known: dict[str, set[str]] = {lang: set() for lang in DISCOVERY_LANGS}
    for row in gazetteer.to_dict("records"):
        shared = [a.strip() for a in str(row.get("aliases_en", "")).split("|") if a.strip()]
        for lang in DISCOVERY_LANGS:
            own = [a.strip() for a in str(row.get(f"aliases_{lang}", "")).split("|") if a.strip()]
            known[lang].update(own + shared)
    return known


#: The capitalised run right before a known name (words and connectors).
RUN_BEFORE_RE = re.compile(r"((?:[A-ZÄÖÜÀ-Þ][\w\-.]*|[a-z]{1,4}) )+\Z")
#: The word right after a known name.
WORD_AFTER_RE = re.compile(r"\A ([A-ZÄÖÜÀ-Þ][\w\-]*)")


def _inside_longer_name(text: str, span: tuple[int, int], cues: Cues) -> bool:
    """A known name that is part of a longer one: after a run opened by an
    institution word (Universitas Indonesia, Gericht der Europäischen Union),
    or before an organisation suffix or a place word (Softbank Group,
    Jakarta Pusat).  Left unmasked, discovery proposes the whole name."""
    start, end = span
    before = RUN_BEFORE_RE.search(text, max(0, start - 80), start)
    if before is not None:
        words = before.group().split()
        heads = [k for k, w in enumerate(words) if w in cues.org_heads]
        if heads and all(w[:1].isupper() or w in cues.connectors for w in words[heads[0]:]):
            return True
    after = WORD_AFTER_RE.match(text[end:end + 40])
    return after is not None and (after.group(1) in cues.org_suffixes or after.group(1) in cues.place_words)


def _masked_paragraphs(corpus: Any, gazetteer: pd.DataFrame, kinds: Iterable[str]) -> Iterable[tuple]:
    """``(doc_id, para_id, kind, lang, text, masked)`` with known mentions and
    quantities blanked out (same length, so offsets hold); a known name inside
    a longer unknown one stays (:func:`_inside_longer_name`)."""
    kinds = list(kinds)
    mentions = find_mentions(corpus, kinds=kinds, gazetteer=gazetteer)
    spans = defaultdict(list)
    for doc_id, para_id, start, end in mentions[["doc_id", "para_id", "start", "end"]].itertuples(index=False):
        spans[(doc_id, int(para_id))].append((start, end))
    langs = dict(zip(corpus.documents["doc_id"], corpus.documents["lang"]))
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(kinds)]
    for doc_id, para_id, kind, text in paragraphs[["doc_id", "para_id", "kind", "text"]].itertuples(index=False):
        lang = langs[doc_id]
        if lang not in DISCOVERY_LANGS:
            continue
        cues = load_cues(lang)
        known = [s for s in spans[(doc_id, int(para_id))] if not _inside_longer_name(text, s, cues)]
        blank = known + [(q.start, q.end) for q in extract_numbers(text, lang)]
        chars = list(text)
        for start, end in blank:
            chars[start:end] = MASK * (end - start)
        yield doc_id, int(para_id), kind, lang, text, "".join(chars)


def _paragraph_spans(lang: str, masked: str, cues: Cues) -> list[Span]:
    """Name pieces of one masked paragraph."""
    stop = stopwords_for(lang)
    spans = find_latin_spans(masked, lang, cues, stopwords=stop,
                             is_ordinary=lambda w: is_ordinary_word(w, lang),
                             is_known=lambda w: _is_known(w, lang))
    if lang == "ja":
        spans += find_japanese_spans(masked, tokenize_japanese_raw(masked), cues)
    return spans


def _is_known(word: str, lang: str) -> bool:
    """The word (or its lower-case form) is in simplemma's dictionary; in
    German text an English common word counts too (Audio, Startup)."""
    if lang == "ja":
        return False
    lower = word.lower()
    if simplemma.is_known(lower, lang) or simplemma.is_known(word, lang):
        return True
    return lang == "de" and simplemma.is_known(lower, "en")


def _collect(corpus: Any, gazetteer: pd.DataFrame, kinds: Iterable[str]) -> list[tuple]:
    """Every proposed piece: ``(lang, span, doc_id, para_id, kind, text)``."""
    found = []
    for doc_id, para_id, kind, lang, text, masked in _masked_paragraphs(corpus, gazetteer, kinds):
        for span in _paragraph_spans(lang, masked, load_cues(lang)):
            found.append((lang, span, doc_id, para_id, kind, text))
    return found


def _is_strong(span: Span, kind: str) -> bool:
    """Mid-sentence body/caption text, or any occurrence carrying a cue; a
    lone dictionary word needs a cue (or a second occurrence, see _aggregate)."""
    if "PLACE" in span.votes:
        return True  # a CLDR place is a name wherever it stands
    if "weak" in span.flags:
        return False
    if any(v in STRONG_VOTES for v in span.votes):
        return True
    return kind != "heading" and "known-single" not in span.flags


def _resolve_span(span: Span, lang: str, strong: set[str], known: set[str]) -> list[Span]:
    """Apply the corpus-level decisions to one piece (see module docstring)."""
    words = span.surface.split(" ")
    if "after-title" in span.flags and len(words) >= 3:
        for k in range(len(words) - 2, 0, -1):
            left = " ".join(words[:k])
            if left in strong or left in known or find_place(words[k - 1], lang):
                return [_sub_span(span, left, ("ORG?",)), _sub_span(span, " ".join(words[k:]), ("PERSON",))]
        # no organisation before the name: what exceeds a name's length is the
        # title's complement (Menteri … Informatika Budi Arie Setiadi)
        return [_sub_span(span, " ".join(words[-MAX_NAME_WORDS:]), span.votes)]
    if "initial-known" in span.flags:
        heads = [k for k, w in enumerate(words) if k and w in load_cues(lang).org_heads]
        if heads:  # "Data Asosiasi … Indonesia": the opener is a word, the name starts at its head
            return [_sub_span(span, " ".join(words[heads[0]:]), span.votes)]
        rest = words[1:]
        while rest and rest[0].islower():
            rest = rest[1:]  # "Shares of Indosat" → "Indosat"
        if rest and " ".join(rest) in strong | known:
            return [_sub_span(span, " ".join(rest), span.votes)]
    return [span]


def _sub_span(span: Span, surface: str, votes: tuple[str, ...]) -> Span:
    """A piece of ``span`` (offsets of its first occurrence inside it)."""
    start = span.start + max(span.surface.find(surface), 0)
    return Span(surface, start, start + len(surface), votes, span.flags - {"after-title", "initial-known"})


def _fold(surface: str, lang: str, attested: set[str]) -> str:
    """Fold inflection onto an attested base (-nya, genitive s, all caps)."""
    if lang == "id" and surface.endswith("-nya"):
        return surface[:-4]
    if lang == "de" and surface.endswith("s") and surface[:-1] in attested:
        return surface[:-1]
    if surface.isupper() and len(surface) > 4:  # JAKARTA, NEW YORK (not ISAT, BMKG)
        titled = surface.title()
        if titled in attested or find_place(titled, lang):
            return titled
    return surface


def _ignore_patterns(gazetteer: pd.DataFrame) -> tuple[re.Pattern[str], ...]:
    """The gazetteer's ``ignore_candidate`` rules (terms never reported)."""
    rules = gazetteer.attrs.get("rules", ())
    return tuple(re.compile(r.pattern) for r in rules if getattr(r, "kind", "") == "ignore_candidate")


def _rejected(surface: str, lang: str, cues: Cues) -> bool:
    """Never a name: amounts, function words, vocabulary, calendar words,
    single letters, a lone place suffix."""
    if AMOUNT_RE.search(surface) or len(surface) < 2 or MASK in surface:
        return True
    if " " not in surface and (surface.lower() in stopwords_for(lang) or surface in cues.vocabulary
                               or surface in cues.calendar or surface in cues.titles):
        return True
    return surface in cues.org_suffixes or surface in cues.place_suffixes


def _record(table: dict, key: tuple[str, str], span: Span, where: tuple, strong: bool) -> None:
    """Add one occurrence to the (lang, surface) entry."""
    doc_id, para_id, text = where
    entry = table.setdefault(key, _Found())
    entry.count += 1
    entry.docs.add(doc_id)
    entry.paras.add((doc_id, para_id))
    entry.votes.extend(span.votes)
    if strong and not entry.strong:
        context = text[max(0, span.start - EXAMPLE_CONTEXT):span.end + EXAMPLE_CONTEXT].replace("\n", " ")
        entry.example = f"{doc_id}#{para_id}: …{context}…"
    entry.strong = entry.strong or strong


def _confirmed_surfaces(found: list[tuple], known: dict[str, set[str]]) -> dict[str, set[str]]:
    """Per language, the spellings seen strongly, plus capitalised dictionary
    words seen mid-sentence and confirmed by a second non-heading occurrence
    (inflected or sentence-initial ones count: Anthropic + Anthropics)."""
    strong: dict[str, set[str]] = defaultdict(set)
    for lang, span, _doc, _para, kind, _text in found:
        if _is_strong(span, kind):
            strong[lang].add(span.surface)
    seen: Counter[tuple[str, str]] = Counter()
    single: set[tuple[str, str]] = set()
    raw_single = defaultdict(set)
    for lang, span, *_rest in found:
        if "known-single" in span.flags:
            raw_single[lang].add(span.surface)
    pools: dict[str, set[str]] = {}
    for lang, span, _doc, _para, kind, _text in found:
        if kind == "heading" or "label" in span.flags:
            continue
        if lang not in pools:  # every set is complete here: one union per language, not per span
            pools[lang] = strong[lang] | known.get(lang, set()) | raw_single[lang]
        surface = _fold(span.surface, lang, pools[lang])
        seen[(lang, surface)] += 1
        if "known-single" in span.flags:
            single.add((lang, surface))
    for lang, surface in single:
        if seen[(lang, surface)] >= MIN_REPEATS:
            strong[lang].add(surface)
    for lang in list(strong):
        strong[lang] |= _short_forms(strong[lang], load_cues(lang))
    return strong


def _short_forms(surfaces: set[str], cues: Cues) -> set[str]:
    """Company names without their suffix (Parlo AI → Parlo, Luminaris AI →
    Luminaris): a sentence-initial short form is the company, not a word."""
    short = set()
    for surface in surfaces:
        words = surface.split(" ")
        if len(words) >= 2 and words[-1] in cues.org_suffixes:
            short.add(" ".join(words[:-1]))
    return short


def _aggregate(found: list[tuple], known: dict[str, set[str]],
               ignore: tuple[re.Pattern[str], ...] = ()) -> dict[tuple[str, str], _Found]:
    """Resolve, fold and count every piece; keep spellings seen strongly."""
    strong = _confirmed_surfaces(found, known)
    table: dict[tuple[str, str], _Found] = {}
    for lang, span, doc_id, para_id, kind, text in found:
        if "common-abbrev" in span.flags:
            continue
        cues = load_cues(lang)
        for piece in _resolve_span(span, lang, strong[lang], known[lang]):
            surface = _fold(piece.surface, lang, strong[lang] | known[lang])
            if surface in known[lang] or _rejected(surface, lang, cues) or any(p.fullmatch(surface) for p in ignore):
                continue
            _record(table, (lang, surface), piece, (doc_id, para_id, text),
                    _is_strong(piece, kind) or (surface in strong[lang] and kind != "heading"))
    return {key: entry for key, entry in table.items() if entry.strong}


def _mention_features(corpus: Any, gazetteer: pd.DataFrame, kinds: Iterable[str]) -> dict[tuple, set[str]]:
    """Known entity ids per (doc_id, para_id): the neighbours linking checks."""
    mentions = find_mentions(corpus, kinds=list(kinds), gazetteer=gazetteer)
    features: dict[tuple, set[str]] = defaultdict(set)
    for doc_id, para_id, entity_id in mentions[["doc_id", "para_id", "entity_id"]].itertuples(index=False):
        features[(doc_id, int(para_id))].add(f"ent:{entity_id}")
    return features


def discover_entities(corpus: Any, *, gazetteer: pd.DataFrame | None = None,
                      kinds: Iterable[str] = TEXT_KINDS, min_count: int = 1) -> pd.DataFrame:
    """One row per (language, spelling) of a name the gazetteer does not
    cover: ``entity_key, label, type, lang, surface, count, n_docs, example``,
    most frequent first.

    ``entity_key`` is shared by every spelling and language of one entity
    (Jensen Huang, Huang, ジェンスン・フアン, フアン); ``label`` is the proposed
    canonical name (a Latin/English spelling where one exists); ``type`` a
    PERSON / ORG / PRODUCT / PLACE guess from cues.  The links behind the keys
    are in ``table.attrs["links"]`` (see :func:`newskit.entities.link.link_entities`).
    ``gazetteer`` defaults to the project's; ``kinds`` are the paragraph kinds
    read (headings only confirm names found elsewhere)."""
    if not isinstance(min_count, int) or min_count < 1:
        raise ArgumentError(f"min_count must be a positive integer, got {min_count!r}")
    gazetteer = load_gazetteer() if gazetteer is None else gazetteer
    kinds = tuple(kinds)
    known = _known_surfaces(gazetteer)
    table = _aggregate(_collect(corpus, gazetteer, kinds), known, _ignore_patterns(gazetteer))
    rows = pd.DataFrame([
        {"lang": lang, "surface": surface, "count": e.count, "n_docs": len(e.docs), "example": e.example,
         "docs": frozenset(e.docs), "paras": frozenset(e.paras), "votes": tuple(e.votes)}
        for (lang, surface), e in table.items() if e.count >= min_count
    ], columns=["lang", "surface", "count", "n_docs", "example", "docs", "paras", "votes"])
    context = LinkContext(features=_mention_features(corpus, gazetteer, kinds), known=known)
    rows, links = assign_entity_keys(rows, context)
    rows = rows.sort_values(["count", "n_docs", "lang", "surface"], ascending=[False, False, True, True],
                            ignore_index=True)
    result = rows[DISCOVERY_COLUMNS].copy()
    result.attrs["links"] = links
    result.attrs["versions"] = _discovery_versions()
    return result


def _discovery_versions() -> dict[str, str]:
    """The kit's tool versions plus the libraries that shape discovery."""
    from importlib import metadata
    versions = dict(tool_versions())
    for name in ("cutlet", "rapidfuzz", "babel"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def link_entities(corpus: Any, *, gazetteer: pd.DataFrame | None = None,
                  kinds: Iterable[str] = TEXT_KINDS, discovered: pd.DataFrame | None = None) -> pd.DataFrame:
    """The links behind :func:`discover_entities`'
    keys, one row per discovered spelling: ``entity_key, lang, surface,
    score, evidence`` (why this spelling joined its entity), for review.

    Pass ``discovered`` (a discovery table still carrying ``attrs["links"]``)
    to avoid running discovery again."""
    if discovered is not None and "links" in discovered.attrs:
        return discovered.attrs["links"]
    return discover_entities(corpus, gazetteer=gazetteer, kinds=kinds).attrs["links"]
