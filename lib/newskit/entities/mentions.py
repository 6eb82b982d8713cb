"""Finding entity mentions in text and counting them.

Every corpus-level extractor of the kit has the same shape:
``find_mentions(corpus, *, kinds=TEXT_KINDS, gazetteer=None)`` scans the
paragraphs of the given kinds (by default the article's own text: headings,
captions and body, as :func:`newskit.tokenize_corpus` does, so rates per
1,000 tokens put mentions and tokens of the same paragraphs over each other),
and its per-text twin :func:`find_mentions_in_text` scans one string.  The
surface of a mention is the text as written, inflection included:
``text[start:end] == surface``.

A dateline in capitals opening a paragraph (``JAKARTA —``, ``TOKIO.``) is a
mention of the place its ordinary spelling names (:data:`DATELINE_RE`).

Decisions kept as data (``data/entities.csv``, ``data/entity_rules.csv``):
``マスク氏`` is one Musk mention whose surface keeps 氏 (bare ``マスク`` counts
too, except in mask-wearing contexts); a bare ``X`` is the social network
wherever it is a whole word (Model X, Generation X, X-ray are forbidden
contexts); a bare ``Boring`` is the company only after a tunnel/Musk word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import pandas as pd

from newskit.entities.gazetteer import load_default_gazetteer
from newskit.entities.matcher import Matcher, check_context, compile_matcher
from newskit.errors import ArgumentError
from newskit.io.corpus import select_paragraphs
from newskit.io.paragraphs import TEXT_KINDS
from newskit.lang import check_language

__all__ = [
    "MENTION_COLUMNS", "Mention", "count_mentions", "find_mentions", "find_mentions_in_text",
    "look_up_language", "map_document_languages", "map_families", "order_count_table",
]

MENTION_COLUMNS = ["doc_id", "para_id", "entity_id", "label", "surface", "start", "end"]

class Mention(NamedTuple):
    """One entity mention inside one text: ``text[start:end] == surface``."""

    entity_id: str
    label: str
    surface: str
    start: int
    end: int


def find_mentions_in_text(text: str, lang: str, gazetteer: pd.DataFrame | Matcher) -> list[Mention]:
    """All entity mentions in one text, left to right, never overlapping.

    Pure function of its inputs; pass a compiled :class:`Matcher` (from
    :func:`compile_matcher`) in tight loops.  A match that a context rule
    rejects is dropped and the scan resumes one character later, so a name
    starting inside it can still be found."""
    check_language(lang)
    matcher = compile_matcher(gazetteer)
    scanner = matcher.scanner(lang)
    if scanner is None:
        return []
    mentions: list[Mention] = _dateline(text, scanner, matcher)
    pos = mentions[0].end if mentions else 0
    while (match := scanner.pattern.search(text, pos)) is not None:
        alias = match.group("alias") or next(match.group(g) for g in scanner.glue_groups if match.group(g))
        eid = scanner.entity_of[alias]
        start, end = match.span()
        if check_context(text, start, end, alias, scanner.checks.get(eid, ())):
            mentions.append(Mention(eid, matcher.labels[eid], match.group(), start, end))
            pos = end
        else:
            pos = start + 1
    return mentions


#: A dateline in capitals opening a paragraph ("JAKARTA —", "TOKIO.",
#: "NEW YORK (Reuters) -"): wire style, not a different name.
DATELINE_RE = re.compile(r"\A[^\S\n]*((?:[A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ'’\-]{2,})(?:[ ][A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ'’\-]+)*)"
                         r"(?=[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*)?[—–\-.,:])")


def _dateline(text: str, scanner: Any, matcher: Matcher) -> list[Mention]:
    """The place of a dateline in capitals, matched as its ordinary spelling
    (JAKARTA → the alias Jakarta; the surface stays as written)."""
    match = DATELINE_RE.match(text)
    if match is None:
        return []
    eid = scanner.entity_of.get(match.group(1).title())
    if eid is None or matcher.types.get(eid) != "PLACE" or not check_context(text, *match.span(1), match.group(1).title(), scanner.checks.get(eid, ())):
        return []
    return [Mention(eid, matcher.labels[eid], match.group(1), *match.span(1))]


def map_document_languages(corpus: Any) -> dict[str, str]:
    """``doc_id → lang`` from ``corpus.documents``: the only thing besides
    paragraphs the entity functions need from a corpus."""
    documents = corpus.documents
    return dict(zip(documents["doc_id"], documents["lang"]))


def look_up_language(langs: dict[str, str], doc_id: str) -> str:
    """The language of a paragraph's document, or a clear error: without it
    the wrong aliases and rules would be applied."""
    if doc_id not in langs:
        raise ArgumentError(f"paragraphs of {doc_id!r} have no row in corpus.documents (no language)")
    return langs[doc_id]


def find_mentions(corpus: Any, *, kinds: Iterable[str] | None = TEXT_KINDS,
                  gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention in a corpus: ``doc_id, para_id, entity_id, label,
    surface, start, end`` with offsets into the paragraph text.

    ``corpus`` only needs ``paragraphs`` (doc_id, para_id, text, kind) and
    ``documents`` (doc_id, lang).  ``kinds`` are the paragraph kinds scanned
    (default: the article's own text; ``None``: every paragraph, bylines and
    menus included); ``gazetteer`` defaults to the project's."""
    matcher = compile_matcher(load_default_gazetteer() if gazetteer is None else gazetteer)
    langs = map_document_languages(corpus)
    records = []
    for doc_id, para_id, text in select_paragraphs(corpus, kinds)[["doc_id", "para_id", "text"]].itertuples(index=False):
        for m in find_mentions_in_text(text, look_up_language(langs, doc_id), matcher):
            records.append((doc_id, int(para_id), m.entity_id, m.label, m.surface, m.start, m.end))
    mentions = pd.DataFrame.from_records(records, columns=MENTION_COLUMNS)
    return mentions.astype({"para_id": "int64", "start": "int64", "end": "int64"})


def map_families(gazetteer: pd.DataFrame) -> dict[str, str]:
    """``entity_id → family``: the top of its ``parent`` chain (itself if
    it has no parent), so Grok-2 Mini → Grok 2 → Grok counts as Grok."""
    parent_of = dict(zip(gazetteer["entity_id"], gazetteer["parent"]))
    families = {}
    for eid in parent_of:
        top, seen = eid, {eid}
        while parent_of.get(top) and parent_of[top] not in seen:
            top = parent_of[top]
            seen.add(top)
        families[eid] = top
    return families


def count_mentions(mentions: pd.DataFrame, by: str = "doc_id", roll_up: bool = False,
                   gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Entity × ``by`` count table (rows sorted by total, columns in order of
    first appearance).  ``roll_up=True`` counts each mention for its family
    (see :func:`map_families`) using ``gazetteer`` (default: the project's)."""
    if by not in mentions.columns:
        raise ArgumentError(f"cannot count by {by!r}: mentions have columns {', '.join(mentions.columns)}")
    table = pd.crosstab(mentions["entity_id"].rename("entity_id"), mentions[by].rename(by))
    table = table.reindex(columns=list(dict.fromkeys(mentions[by])))
    families = map_families(load_default_gazetteer() if gazetteer is None else gazetteer) if roll_up else None
    return order_count_table(table, families)


def order_count_table(table: pd.DataFrame, families: dict[str, str] | None = None) -> pd.DataFrame:
    """An entity × column count table in the kit's order: rows summed into
    their families first (when ``families`` is given), then sorted by total
    (ties by id); columns are kept as given.  Shared by :func:`count_mentions`
    and the streaming counter, so both give the same table."""
    if families is not None:
        table = table.groupby(table.index.map(lambda e: families.get(e, e)), sort=False).sum()
        table.index.name = "entity_id"
    table = table.sort_index()
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return table.loc[order]

