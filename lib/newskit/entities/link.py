"""One key per entity across spellings, scripts and languages, without a
hand-made gazetteer row — and the evidence for every link, for review.

Links, strongest first (each is an edge of a union-find over discovered rows):

1. **CLDR place** — the same country, region or city in CLDR's ja/de/id/en
   names (Indonesien = インドネシア = Indonesia): score 100.
2. **Same spelling** in two languages (Jensen Huang in id and en): 100.
3. **Short form** — a single word that is the first or last word (or a
   ・-separated part, a kanji family name) of a longer name of the same
   language, used only in documents that also use the longer name (Huang → Jensen Huang, 伊藤 → 伊藤錬,
   インドサット → インドサット・ウーレドゥー・ハチソン): 90.
4. **Acronym** — an all-caps word whose letters run through a longer name in
   the same paragraph (BMKG, ISAT → Indosat): 85.
5. **Transliteration** — cutlet romaji of a Japanese name against a Latin
   name of any language by phonetic key (:mod:`.translit`), scored with
   rapidfuzz; accepted only when the consonant skeletons agree and the two
   names share neighbours: known entities or CLDR places in their documents
   (two for very short names such as フアン/Huang).  Meta and メタン never
   link (skeletons mt ≠ mtn, and no shared neighbours).

A group's label is its English (else any Latin) spelling, longest first; its
key the label's slug; its type the weighted vote of all its spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from newskit.entities.places import find_place
from newskit.entities.translit import KANA_RE, phonetic_key, romaji_variants, skeleton

__all__ = ["LINK_COLUMNS", "LinkContext", "assign_entity_keys"]

LINK_COLUMNS = ["entity_key", "lang", "surface", "score", "evidence"]
#: Minimum rapidfuzz ratio of two phonetic keys with equal skeletons.
MIN_TRANSLIT_SCORE = 75
#: Skeletons shorter than this need two shared neighbours, not one.
SHORT_SKELETON = 3
TYPE_ORDER = ("PERSON", "ORG", "PLACE", "PRODUCT")
JAPANESE_RE = re.compile(r"[ぁ-ゖァ-ヺ一-鿿々]")


@dataclass
class LinkContext:
    """What linking may look at besides the rows: known-entity features per
    (doc_id, para_id) and the known aliases per language."""

    features: dict[tuple, set[str]] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)


class _Links:
    """Union-find over row indices that remembers why rows were joined."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.evidence: dict[int, tuple[float, str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, score: float, why: str) -> None:
        """Join the groups of rows a and b; b records the reason."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.evidence.setdefault(b, (score, why))


def _fold_case(text: str) -> str:
    """Case- and accent-free form for same-spelling links."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _link_places_and_spellings(rows: pd.DataFrame, links: _Links) -> None:
    """Edges 1 and 2: CLDR places and identical Latin spellings."""
    first_of: dict[str, int] = {}
    for i, (lang, surface) in enumerate(zip(rows["lang"], rows["surface"])):
        place = find_place(surface, lang)
        if place is not None:
            qid = f", {place.wikidata}" if place.wikidata else ""
            key = f"place:{place.key}"
            why = f"CLDR place {place.code} ({place.label}{qid})"
        elif not JAPANESE_RE.search(surface):
            key, why = f"latin:{_fold_case(surface)}", "same spelling"
        else:
            continue
        if key in first_of:
            links.join(first_of[key], i, 100, why)
        else:
            first_of[key] = i
            if key.startswith("place:"):
                links.evidence.setdefault(i, (100, why))


def _parts(surface: str) -> list[str]:
    """Words of a Latin name, ・-parts of a katakana one."""
    return [p for p in re.split(r"[ ・＝]", surface) if p]


def _is_short_form(short: str, full: str) -> bool:
    """Huang of Jensen Huang, Indosat of Indosat Ooredoo Hutchison, 伊藤 of 伊藤錬."""
    parts = _parts(full)
    if len(parts) > 1 and len(_parts(short)) == 1:
        return short in (parts[0], parts[-1])
    kanji = not KANA_RE.search(full) and JAPANESE_RE.search(full)
    return bool(kanji) and len(short) >= 2 and full.startswith(short) and len(full) > len(short)


def _link_short_forms(rows: pd.DataFrame, links: _Links) -> None:
    """Edge 3: a short form joins the long name it shares most documents with.

    Candidates come from an index of the names' first and last words and of
    their first character (the kanji rule), so each short form is checked
    against a handful of names, not against every name of its language."""
    surfaces, docs, langs = rows["surface"].tolist(), rows["docs"].tolist(), rows["lang"].tolist()
    by_lang = defaultdict(list)
    for i, lang in enumerate(langs):
        by_lang[lang].append(i)
    for members in by_lang.values():
        ends, firsts = defaultdict(set), defaultdict(set)
        for j in members:
            parts = _parts(surfaces[j])
            if len(parts) > 1:
                ends[parts[0]].add(j)
                ends[parts[-1]].add(j)
            firsts[surfaces[j][:1]].add(j)
        for i in members:
            short = surfaces[i]
            if find_place(short, langs[i]):
                continue  # Indonesia in Bursa Efek Indonesia is the country, not a short form
            # only where the full name is used too: Google is not Google DeepMind's short form
            # in articles that never name Google DeepMind
            candidates = ends.get(short, set()) | firsts.get(short[:1], set())
            best = max(((len(docs[i] & docs[j]), j) for j in candidates
                        if j != i and docs[i] <= docs[j] and _is_short_form(short, surfaces[j])), default=(0, -1))
            if best[0] > 0:
                links.join(best[1], i, 90, f"short form of {surfaces[best[1]]} ({best[0]} shared document(s))")


def _is_acronym_of(acronym: str, name: str) -> bool:
    """Letters of the acronym appear in order in the name, first letters equal."""
    letters = re.sub(r"[^A-Z]", "", name.upper())
    if len(acronym) < 2 or not letters or letters[0] != acronym[0] or acronym == letters:
        return False
    it = iter(letters)
    return all(ch in it for ch in acronym)


def _link_acronyms(rows: pd.DataFrame, links: _Links) -> None:
    """Edge 4: BMKG / ISAT next to the name they abbreviate (same paragraph)."""
    surfaces, paras, langs = rows["surface"].tolist(), rows["paras"].tolist(), rows["lang"].tolist()
    for i, surface in enumerate(surfaces):
        letters = surface.replace(".", "")
        if not (letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6):
            continue
        for j, other in enumerate(surfaces):
            if j != i and langs[j] == langs[i] and len(other) > len(surface) and paras[i] & paras[j] \
                    and _is_acronym_of(letters, other):
                links.join(j, i, 85, f"acronym of {other}")
                break


def _neighbours(docs: set, by_doc: dict[str, set[str]]) -> set[str]:
    """Known entities and CLDR places in the documents ``docs`` of one row
    (``by_doc``: :func:`_features_by_doc`)."""
    return set().union(*(by_doc.get(doc, ()) for doc in docs))


def _features_by_doc(context: LinkContext, places: list[tuple[str, set]]) -> dict[str, set[str]]:
    """Per document, the known entities of its paragraphs and the keys of the
    place rows seen in it (``places``: key and documents of every place row),
    indexed once so a row's neighbours cost its own documents, not the corpus."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for (doc, _para), feats in context.features.items():
        by_doc[doc].update(feats)
    for key, docs in places:
        for doc in docs:
            by_doc[doc].add(key)
    return by_doc


def _latin_keys(rows: pd.DataFrame) -> dict[int, str]:
    """Phonetic keys of every Latin-script row (any language)."""
    return {i: phonetic_key(s) for i, s in enumerate(rows["surface"]) if not JAPANESE_RE.search(s)}


def _translit_match(surface: str, latin: dict[int, str]) -> list[tuple[float, int, str]]:
    """Latin rows whose phonetic key matches a romaji reading of ``surface``
    with equal consonant skeletons: ``(score, row, romaji)``."""
    if not latin:
        return []
    indices, keys = list(latin), list(latin.values())
    matches: dict[int, tuple[float, str]] = {}
    for reading in romaji_variants(surface):
        for strip in (True, False):
            key = phonetic_key(reading, romaji=strip)
            for _choice, score, k in process.extract(key, keys, scorer=fuzz.ratio,
                                                     score_cutoff=MIN_TRANSLIT_SCORE, limit=5):
                if skeleton(keys[k]) == skeleton(key) and score > matches.get(indices[k], (0, ""))[0]:
                    matches[indices[k]] = (score, reading)
    return sorted(((score, i, reading) for i, (score, reading) in matches.items()), reverse=True)


def _link_transliterations(rows: pd.DataFrame, links: _Links, context: LinkContext) -> None:
    """Edge 5: katakana/kanji ↔ Latin, confirmed by shared neighbours."""
    latin = _latin_keys(rows)
    surfaces, langs, docs = rows["surface"].tolist(), rows["lang"].tolist(), rows["docs"].tolist()
    places = [(place.key, d) for s_, lang, d in zip(surfaces, langs, docs, strict=True)
              if (place := find_place(s_, lang)) is not None]
    by_doc, cache = _features_by_doc(context, places), {}
    for i, surface in enumerate(surfaces):
        if not JAPANESE_RE.search(surface) or find_place(surface, langs[i]):
            continue
        for score, j, reading in _translit_match(surface, latin):
            mine = cache.setdefault(i, _neighbours(docs[i], by_doc))
            theirs = cache.setdefault(j, _neighbours(docs[j], by_doc))
            shared = sorted(mine & theirs)
            needed = 2 if len(skeleton(latin[j])) < SHORT_SKELETON else 1
            if len(shared) >= needed:
                why = f"romaji {reading!r} ~ {surfaces[j]!r} ({score:.0f}); shared: {', '.join(shared[:4])}"
                links.join(j, i, round(score, 1), why)
                break


def _slug(text: str) -> str:
    """An entity_id-shaped slug (lower-case ASCII, digits, '.', '-')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9.]+", "-", ascii_text).strip("-.")


def _choose_label(group: pd.DataFrame) -> str:
    """English spelling first, then any Latin one, longest and most frequent
    first; a CLDR place keeps its English name; else the Japanese surface."""
    rows = list(zip(group["lang"], group["surface"], group["count"], strict=True))
    for lang, surface, _count in rows:
        place = find_place(surface, lang)
        if place is not None:
            return place.label
    pool = [row for row in rows if not JAPANESE_RE.search(row[1])] or rows
    # English first, then more words, more occurrences, and the surface for ties
    return str(min(pool, key=lambda row: (row[0] != "en", -(row[1].count(" ") + 1), -row[2], row[1]))[1])


def _choose_type(group: pd.DataFrame) -> str:
    """Weighted vote of the group's cues: a cue counts 2, a guess ('?': a
    preposition, a UniDic subclass) 1, and guesses only count for a type
    guessed at half the occurrences or more ("di OpenAI" 5 times in 28 is
    not a place)."""
    tally: Counter[str] = Counter()
    guesses: Counter[str] = Counter()
    for votes in group["votes"]:
        for vote in votes:
            if vote.endswith("?"):
                guesses[vote[:-1]] += 1
            else:
                tally[vote] += 2
    for kind, n in guesses.items():
        if n * 2 >= group["count"].sum():
            tally[kind] += n
    if any(find_place(s, lang) for lang, s in zip(group["lang"], group["surface"])):
        tally["PLACE"] += 4
    if not tally:
        return "ORG"
    return max(TYPE_ORDER, key=lambda t: (tally[t], -TYPE_ORDER.index(t)))


def _key_for(label: str, taken: set[str]) -> str:
    """A unique slug key for a label (romaji for a Japanese-only label)."""
    base = (_slug(romaji_variants(label)[0]) if JAPANESE_RE.search(label) else _slug(label)) or "entity"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def assign_entity_keys(rows: pd.DataFrame, context: LinkContext | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add ``entity_key``, ``label`` and ``type`` to discovered rows (columns
    ``lang, surface, count, docs, paras, votes``) and return the link table
    ``entity_key, lang, surface, score, evidence`` beside them."""
    context = context or LinkContext()
    rows = rows.reset_index(drop=True)
    links = _Links(len(rows))
    _link_places_and_spellings(rows, links)
    _link_short_forms(rows, links)
    _link_acronyms(rows, links)
    _link_transliterations(rows, links, context)
    roots = [links.find(i) for i in range(len(rows))]
    rows = rows.assign(_root=roots)
    labels, types, keys, taken = {}, {}, {}, set()
    order = rows.sort_values(["count", "surface"], ascending=[False, True])["_root"].drop_duplicates()
    for root in order:
        group = rows[rows["_root"] == root]
        labels[root], types[root] = _choose_label(group), _choose_type(group)
        keys[root] = _key_for(labels[root], taken)
    rows = rows.assign(entity_key=rows["_root"].map(keys), label=rows["_root"].map(labels),
                       type=rows["_root"].map(types)).drop(columns="_root")
    table = pd.DataFrame({
        "entity_key": rows["entity_key"], "lang": rows["lang"], "surface": rows["surface"],
        "score": [links.evidence.get(i, (100.0, ""))[0] for i in range(len(rows))],
        "evidence": [_evidence(links, i, roots) for i in range(len(rows))],
    }, columns=LINK_COLUMNS).sort_values(["entity_key", "lang", "surface"], ignore_index=True)
    return rows, table


def _evidence(links: _Links, i: int, roots: list[int]) -> str:
    """Why row i belongs to its key (or that it anchors / stands alone)."""
    if i in links.evidence:
        return links.evidence[i][1]
    return "anchor of its group" if roots.count(roots[i]) > 1 else "no link: its own entity"
