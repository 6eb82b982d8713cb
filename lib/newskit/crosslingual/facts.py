"""Who reports what: the facts of one story across outlets and languages.

:func:`story_facts` returns one row per (fact, document stating it, place):
``fact_id, kind, label, value, unit, doc_id, para_id, surface, note``.

* **quantity** facts: one per kind + unit + value across languages
  (1兆2500億ドル = US$1,25 triliun).  Values within ``ROUNDING_TOLERANCE``
  (5 %) of each other are the same fact — a rounded report (1.25 vs 1.3
  trillion) is noted ``rounded`` on the rows whose value differs from the
  fact's value.  A duration is compared in days, so one span in two units
  (1年半, 18 months) is one fact.  Larger differences are separate facts;
  :func:`conflicting_numbers` pairs those that look like one figure reported
  differently (same kind and comparable unit, within ``CONFLICT_RATIO``,
  durations within ``DURATION_CONFLICT_RATIO``, stated by different
  documents, neither document stating both).
* **entity** facts: one per gazetteer id or discovered key.
* **quote** facts: passages in 「」『』“”„“«»"…" (four words or more; ten
  characters in Japanese).  Quotes are matched across languages by their
  speaker — the nearest PERSON entity in the paragraph, else the nearest
  entity — and order: the n-th quote of one speaker in each document is one
  fact.  A quote without a speaker stays a fact of its document alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pandas as pd

from newskit.crosslingual.features import (
    discover_if_needed,
    entity_occurrences,
    quantity_rows,
    text_paragraphs,
)
from newskit.errors import ArgumentError
from newskit.io.paragraphs import TEXT_KINDS
from newskit.quantities.model import comparable_quantity

__all__ = ["CONFLICT_COLUMNS", "CONFLICT_RATIO", "DURATION_CONFLICT_RATIO", "FACT_COLUMNS", "ROUNDING_TOLERANCE",
           "conflicting_numbers", "fact_matrix", "find_quotes", "story_facts", "unique_facts"]

CONFLICT_COLUMNS = ["kind", "fact_a", "value_a", "unit_a", "docs_a", "fact_b", "value_b", "unit_b", "docs_b"]
FACT_COLUMNS = ["fact_id", "kind", "label", "value", "unit", "doc_id", "para_id", "surface", "note"]
#: Relative difference up to which two values are one (rounded) fact.
ROUNDING_TOLERANCE = 0.05
#: Relative difference up to which two different values may be one figure in conflict.
CONFLICT_RATIO = 0.5
#: The same for durations (in days): within a factor of two, as six months and a year.
DURATION_CONFLICT_RATIO = 1.0
QUOTE_RE = re.compile(r"「([^「」]+)」|『([^『』]+)』|“([^“”]+)”|„([^„“”]+)[“”]|«([^«»]+)»|\"([^\"]+)\"")
MIN_QUOTE_WORDS = 4
MIN_QUOTE_CHARS_JA = 10


def find_quotes(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Quotations in one paragraph as ``(passage, start, end)`` (the marks
    excluded); scare quotes (short terms) are left out."""
    found = []
    for match in QUOTE_RE.finditer(text):
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        passage = match.group(group)
        long_enough = len(passage) >= MIN_QUOTE_CHARS_JA if lang == "ja" else len(passage.split()) >= MIN_QUOTE_WORDS
        if long_enough:
            found.append((passage, match.start(group), match.end(group)))
    return found


def _clusters(values: Iterable[float]) -> list[int]:
    """Cluster numbers of sorted ``values``: a value more than the rounding
    tolerance above its cluster's first value starts the next cluster."""
    clusters, first, k = [], None, -1
    for value in values:
        if first is None or abs(value - first) > ROUNDING_TOLERANCE * max(abs(first), 1e-12):
            k, first = k + 1, value
        clusters.append(k)
    return clusters


def _quantity_facts(numbers: pd.DataFrame) -> list[dict]:
    """Group quantities by kind + comparable unit and values within the
    tolerance; a fact takes the value and unit its statements give most
    often (on a tie, the smallest)."""
    compared = [comparable_quantity(u, v) for u, v in zip(numbers["unit"], numbers["value"])]
    numbers = numbers.assign(cmp_unit=[c[0] for c in compared], cmp_value=[c[1] for c in compared])
    rows, n = [], 0
    for kind, group in numbers.groupby("kind", sort=False):
        for _, same_unit in group.groupby("cmp_unit", sort=False):
            same_unit = same_unit.sort_values(["cmp_value", "unit"], kind="stable")
            for _, members in same_unit.groupby(_clusters(same_unit["cmp_value"]), sort=True):
                n += 1
                value, unit = members.groupby(["value", "unit"], sort=False).size().idxmax()
                label = f"{_format(value)} {unit}".strip() + f" ({kind})"
                for row in members.itertuples(index=False):
                    note = "rounded" if row.value != value and row.unit == unit else ""
                    note = note or (f"= {_format(row.value)} {row.unit}" if row.unit != unit else "")
                    rows.append({"fact_id": f"quantity-{n:03d}", "kind": "quantity", "label": label, "value": value,
                                 "unit": unit, "doc_id": row.doc_id, "para_id": row.para_id,
                                 "surface": row.surface, "note": note})
    return rows


def _format(value: float) -> str:
    """Readable number: 214000000 → 214000000, 1.5e9 → 1500000000."""
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _entity_facts(entities: pd.DataFrame) -> list[dict]:
    """One fact per entity id / discovered key."""
    ids = {e: f"entity-{i + 1:03d}" for i, e in enumerate(dict.fromkeys(entities["entity"]))}
    return [{"fact_id": ids[e], "kind": "entity", "label": lbl, "value": float("nan"), "unit": "",
             "doc_id": d, "para_id": p, "surface": s, "note": e}
            for d, p, e, lbl, s in entities[["doc_id", "para_id", "entity", "label", "surface"]].itertuples(index=False)]


def _speaker(entities: pd.DataFrame, doc_id: str, para_id: int, start: int) -> str:
    """The nearest PERSON (else any) entity of the quote's paragraph."""
    here = entities[(entities["doc_id"] == doc_id) & (entities["para_id"] == para_id)]
    if not len(here):
        return ""
    people = here[here["type"] == "PERSON"]
    pool = people if len(people) else here
    distance = (pool["start"] - start).abs()
    return str(pool.loc[distance.idxmin(), "label"])


def _quote_facts(paragraphs: pd.DataFrame, entities: pd.DataFrame) -> list[dict]:
    """Quotes matched across documents by speaker and rank."""
    rows, ids = [], {}
    rank: dict[tuple[str, str], int] = defaultdict(int)
    for doc_id, para_id, lang, text in paragraphs[["doc_id", "para_id", "lang", "text"]].itertuples(index=False):
        for passage, start, _end in find_quotes(text, lang):
            speaker = _speaker(entities, doc_id, int(para_id), start)
            rank[(doc_id, speaker)] += 1
            key = (speaker, rank[(doc_id, speaker)]) if speaker else (doc_id, para_id, start)
            ids.setdefault(key, f"quote-{len(ids) + 1:03d}")
            label = f"quote by {speaker} #{key[1]}" if speaker else "quote (no speaker found)"
            rows.append({"fact_id": ids[key], "kind": "quote", "label": label, "value": float("nan"), "unit": "",
                         "doc_id": doc_id, "para_id": int(para_id), "surface": passage, "note": ""})
    return rows


def story_facts(corpus: Any, doc_ids: Iterable[str], *, mentions: pd.DataFrame | None = None,
                quantities: pd.DataFrame | None = None, discovered: pd.DataFrame | None | bool = None,
                kinds: Iterable[str] = TEXT_KINDS) -> pd.DataFrame:
    """The long fact table of the documents ``doc_ids`` (see the module
    docstring).  ``discovered`` as in :func:`group_stories`."""
    doc_ids = list(doc_ids)
    unknown = sorted(set(doc_ids) - set(corpus.documents["doc_id"]))
    if unknown or not doc_ids:
        raise ArgumentError(f"doc_ids must name documents of the corpus; unknown: {unknown or 'none given'}")
    kinds = tuple(kinds)
    entities = entity_occurrences(corpus, mentions=mentions, discovered=discover_if_needed(corpus, discovered),
                                  kinds=kinds)
    entities = entities[entities["doc_id"].isin(doc_ids)]
    numbers = quantity_rows(corpus, quantities=quantities, kinds=kinds)
    numbers = numbers[numbers["doc_id"].isin(doc_ids)].assign(unit=lambda t: t["unit"].fillna(""))
    paragraphs = text_paragraphs(corpus, kinds)
    paragraphs = paragraphs[paragraphs["doc_id"].isin(doc_ids)]
    rows = _quantity_facts(numbers) + _entity_facts(entities) + _quote_facts(paragraphs, entities)
    facts = pd.DataFrame(rows, columns=FACT_COLUMNS)
    order = {d: i for i, d in enumerate(doc_ids)}
    facts = facts.assign(_o=facts["doc_id"].map(order))
    return facts.sort_values(["fact_id", "_o", "para_id"], ignore_index=True).drop(columns="_o")


def fact_matrix(facts: pd.DataFrame) -> pd.DataFrame:
    """Fact × document presence (1/0), indexed by ``fact_id, kind, label``."""
    present = facts.drop_duplicates(["fact_id", "doc_id"]).assign(present=1)
    table = present.pivot_table(index=["fact_id", "kind", "label"], columns="doc_id", values="present",
                                fill_value=0, aggfunc="max")
    return table.reindex(columns=list(dict.fromkeys(facts["doc_id"])), fill_value=0)


def unique_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """The rows of facts stated by only one document of the table."""
    n_docs = facts.groupby("fact_id")["doc_id"].transform("nunique")
    return facts[n_docs == 1].reset_index(drop=True)


def conflicting_numbers(facts: pd.DataFrame) -> pd.DataFrame:
    """Pairs of quantity facts that look like one figure reported
    differently: ``kind, fact_a, value_a, unit_a, docs_a, fact_b, value_b,
    unit_b, docs_b`` (``value_a`` < ``value_b`` once compared in one unit).

    Neighbouring values of one kind and comparable unit, stated by different
    documents (no document states both), closer than ``CONFLICT_RATIO``; for
    durations, which reporters round to coarse steps (six months, a year,
    18 months), up to ``DURATION_CONFLICT_RATIO``."""
    numbers = facts[facts["kind"] == "quantity"]
    docs = numbers.groupby("fact_id")["doc_id"].agg(lambda s: frozenset(s))
    info = numbers.drop_duplicates("fact_id").set_index("fact_id")
    compared = [comparable_quantity(u, v) for u, v in zip(info["unit"], info["value"])]
    info = info.assign(_kind=info["label"].str.extract(r"\((\w+)\)$")[0],
                       cmp_unit=[c[0] for c in compared], cmp_value=[c[1] for c in compared])
    rows = []
    for (kind, unit), group in info.groupby(["_kind", "cmp_unit"]):
        ratio = DURATION_CONFLICT_RATIO if unit == "duration" else CONFLICT_RATIO
        ids = list(group.sort_values("cmp_value").index)
        for a, b in zip(ids, ids[1:]):
            ba, bb = info.at[a, "cmp_value"], info.at[b, "cmp_value"]
            if abs(bb - ba) <= ratio * abs(ba) and not docs[a] & docs[b]:
                rows.append({"kind": kind, "fact_a": a, "value_a": info.at[a, "value"], "unit_a": info.at[a, "unit"],
                             "docs_a": ", ".join(sorted(docs[a])), "fact_b": b, "value_b": info.at[b, "value"],
                             "unit_b": info.at[b, "unit"], "docs_b": ", ".join(sorted(docs[b]))})
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
