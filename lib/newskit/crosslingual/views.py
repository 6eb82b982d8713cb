"""Entity mentions across versions of one text: the translations' counts
side by side, and an aligned concordance of one entity.

The aligned concordance shows *where* a version names an entity that
another only implies (a pronoun) or drops (a lost sentence).
"""

from __future__ import annotations

import pandas as pd

from newskit.crosslingual.align import align_paragraphs
from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus
from newskit.lang import get_profile

__all__ = ["aligned_entity_kwic", "compare_translations"]


def compare_translations(counts: pd.DataFrame, docs: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """The translations' counts side by side, the spread (max − min) and the
    entity's label; entities named in none of ``docs`` are dropped."""
    table = counts.reindex(columns=docs, fill_value=0)
    table = table[table.sum(axis=1) > 0].copy()
    table.insert(0, "label", [labels.get(e, e) for e in table.index])
    table["spread"] = table[docs].max(axis=1) - table[docs].min(axis=1)
    return table


def cut_context(text: str, start: int, end: int, width: int) -> str:
    """``left [surface] right`` with ``width`` characters on each side."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"{'…' if start > width else ''}{left}【{text[start:end]}】{right}{'…' if end + width < len(text) else ''}"


def aligned_entity_kwic(corpus: Corpus, mentions: pd.DataFrame, entity_id: str,
                        docs: list[str]) -> pd.DataFrame:
    """One row per paragraph of ``docs[0]`` (the pivot) mentioning
    ``entity_id``, with the entity's contexts in every version's aligned
    paragraph side by side; "—" where the aligned paragraph does not name
    the entity (a pronoun, or a dropped sentence)."""
    if entity_id not in set(mentions["entity_id"]):
        raise ArgumentError(f"entity {entity_id!r} is not mentioned in the corpus")
    pivot, langs = docs[0], corpus.languages()
    texts = corpus.paragraphs.set_index(["doc_id", "para_id"])["text"]
    hits = mentions[mentions["entity_id"] == entity_id]
    counterpart = {}
    for doc in docs[1:]:
        pairs = align_paragraphs(corpus, pivot, doc)
        counterpart[doc] = {p: other for mine, other in zip(pairs["para_a"], pairs["para_b"]) for p in mine}
    rows = []
    for para_id in sorted(set(hits.loc[hits["doc_id"] == pivot, "para_id"])):
        row = {"para_id": para_id}
        for doc in docs:
            paras = (para_id,) if doc == pivot else counterpart[doc].get(para_id, ())
            found = hits[(hits["doc_id"] == doc) & hits["para_id"].isin(paras)]
            row[doc] = "\n".join(cut_context(texts[(doc, p)], s, e, get_profile(langs[doc]).context_chars)
                                 for p, s, e in found[["para_id", "start", "end"]].itertuples(index=False)) or "—"
        rows.append(row)
    return pd.DataFrame(rows, columns=["para_id", *docs])
