"""Language-neutral facts of each paragraph, shared by story grouping and
the fact table: entity occurrences (gazetteer ids and discovered keys) and
normalised quantities.  Internal to the package: the public functions of
:mod:`.stories` and :mod:`.facts` take these tables as options."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from newskit.entities.gazetteer import load_gazetteer
from newskit.entities.mentions import find_mentions
from newskit.errors import NewskitError
from newskit.quantities.extract import extract_numbers

__all__ = ["ENTITY_COLUMNS", "discover_if_needed", "entity_occurrences", "quantity_rows", "text_paragraphs"]

ENTITY_COLUMNS = ["doc_id", "para_id", "entity", "label", "type", "surface", "start", "end"]
QUANTITY_COLUMNS = ["doc_id", "para_id", "surface", "start", "end", "value", "kind", "unit"]
LATIN_EDGE = "A-Za-z0-9À-ÖØ-öø-ɏ"


def text_paragraphs(corpus: Any, kinds: Iterable[str]) -> pd.DataFrame:
    """Paragraphs of the given kinds with their document's language."""
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(list(kinds))]
    langs = dict(zip(corpus.documents["doc_id"], corpus.documents["lang"]))
    return paragraphs.assign(lang=paragraphs["doc_id"].map(langs))


def _gazetteer_types() -> dict[str, str]:
    """entity_id → type of the default gazetteer (for speaker detection)."""
    try:
        gazetteer = load_gazetteer()
    except NewskitError:
        return {}
    return dict(zip(gazetteer["entity_id"], gazetteer["type"]))


def _surface_pattern(surfaces: list[str]) -> re.Pattern[str] | None:
    """One regex for many surfaces, longest first, not inside a Latin word."""
    if not surfaces:
        return None
    body = "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))
    return re.compile(f"(?<![{LATIN_EDGE}])(?:{body})(?![{LATIN_EDGE}])")


def _discovered_occurrences(paragraphs: pd.DataFrame, discovered: pd.DataFrame) -> list[tuple]:
    """Where each discovered spelling occurs (same language only)."""
    rows = []
    for lang, group in discovered.groupby("lang"):
        info = {s: (k, lbl, t) for s, k, lbl, t in zip(group["surface"], group["entity_key"], group["label"],
                                                        group["type"])}
        pattern = _surface_pattern(list(info))
        part = paragraphs[paragraphs["lang"] == lang]
        for doc_id, para_id, text in part[["doc_id", "para_id", "text"]].itertuples(index=False):
            for m in pattern.finditer(text):
                key, label, kind = info[m.group()]
                rows.append((doc_id, int(para_id), f"new:{key}", label, kind, m.group(), m.start(), m.end()))
    return rows


def entity_occurrences(corpus: Any, *, mentions: pd.DataFrame | None, discovered: pd.DataFrame | None,
                       kinds: Iterable[str]) -> pd.DataFrame:
    """Gazetteer mentions (``ent:<entity_id>``) and discovered names
    (``new:<entity_key>``) per paragraph, in text order."""
    kinds = list(kinds)
    paragraphs = text_paragraphs(corpus, kinds)
    if mentions is None:
        mentions = find_mentions(corpus, kinds=kinds)
    types = _gazetteer_types()
    rows = [(d, int(p), f"ent:{e}", lbl, types.get(e, ""), s, a, b) for d, p, e, lbl, s, a, b in
            mentions[["doc_id", "para_id", "entity_id", "label", "surface", "start", "end"]].itertuples(index=False)]
    if discovered is not None and len(discovered):
        taken = {(d, p, a) for d, p, *_x, a, _b in rows}
        rows += [r for r in _discovered_occurrences(paragraphs, discovered) if (r[0], r[1], r[6]) not in taken]
    table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return table.sort_values(["doc_id", "para_id", "start"], kind="stable", ignore_index=True)


def quantity_rows(corpus: Any, *, quantities: pd.DataFrame | None, kinds: Iterable[str]) -> pd.DataFrame:
    """Normalised quantities per paragraph (``extract_numbers``), unless given."""
    if quantities is not None:
        return quantities.reindex(columns=QUANTITY_COLUMNS)
    rows = []
    paragraphs = text_paragraphs(corpus, kinds)
    for doc_id, para_id, lang, text in paragraphs[["doc_id", "para_id", "lang", "text"]].itertuples(index=False):
        for q in extract_numbers(text, lang):
            rows.append((doc_id, int(para_id), q.surface, q.start, q.end, float(q.value), q.kind, q.unit or ""))
    return pd.DataFrame(rows, columns=QUANTITY_COLUMNS)


def discover_if_needed(corpus: Any, discovered: pd.DataFrame | None | bool) -> pd.DataFrame | None:
    """The discovered names to use: given, computed (None), or none (False)."""
    if discovered is False:
        return None
    if discovered is None:
        from newskit.entities.discover import discover_entities
        return discover_entities(corpus)
    return discovered
