"""Entity mentions across versions of one text: the translations' counts
side by side, and an aligned concordance of one entity; the audit made
readable: paragraph ids as ``13`` or ``13–14`` (not the tuples ``(13,)`` of
the audit table), agreement per language pair when there are too many
document pairs to read one by one.

The aligned concordance shows *where* a version names an entity that
another only implies (a pronoun) or drops (a lost sentence).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newskit.crosslingual.align import align_paragraphs
from newskit.crosslingual.audit import agreement_rates
from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus
from newskit.lang import get_profile

__all__ = ["agreement_by_language", "aligned_entity_kwic", "compare_translations", "format_para_ids",
           "readable_audit"]


def compare_translations(counts: pd.DataFrame, docs: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """The translations' counts side by side, the spread (max − min) and the
    entity's label; entities named in none of ``docs`` are dropped."""
    table = counts.reindex(columns=docs, fill_value=0)
    table = table[table.sum(axis=1) > 0].copy()
    table.insert(0, "label", [labels.get(e, e) for e in table.index])
    table["spread"] = table[docs].max(axis=1) - table[docs].min(axis=1)
    return table


def _cut_context(text: str, start: int, end: int, width: int) -> str:
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
            row[doc] = "\n".join(_cut_context(texts[(doc, p)], s, e, get_profile(langs[doc]).context_chars)
                                 for p, s, e in found[["para_id", "start", "end"]].itertuples(index=False)) or "—"
        rows.append(row)
    return pd.DataFrame(rows, columns=["para_id", *docs])


def format_para_ids(value: object) -> str:
    """Paragraph ids of one side of an aligned pair as people write them:
    ``(13,)`` → ``13``, ``(13, 14)`` → ``13–14``, ``(3, 7)`` → ``3, 7``, none →
    ``—``; a single number or a missing value pass through as text."""
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, Sequence) and not isinstance(value, str):
        ids = [int(v) for v in value]
        if not ids:
            return "—"
        if len(ids) > 1 and ids == list(range(ids[0], ids[0] + len(ids))):
            return f"{ids[0]}–{ids[-1]}"
        return ", ".join(map(str, ids))
    return str(int(value)) if isinstance(value, (int, float)) else str(value)


def readable_audit(audit: pd.DataFrame) -> pd.DataFrame:
    """A copy of an audit table (or a part of it) for display: paragraph ids
    via :func:`format_para_ids`, lists of entities and quantities joined by
    commas."""
    shown = audit.copy()
    for column in ("para_a", "para_b"):
        if column in shown.columns:
            shown[column] = shown[column].map(format_para_ids)
    for column in ("entities_only_a", "entities_only_b", "numbers_only_a", "numbers_only_b"):
        if column in shown.columns:
            shown[column] = shown[column].map(lambda items: ", ".join(map(str, items)))
    return shown


def agreement_by_language(audit: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """:func:`newskit.crosslingual.audit.agreement_rates` per language pair
    (``lang_a`` ≤ ``lang_b``), every document pair of those languages pooled,
    with ``doc_pairs`` counting them: the view for a corpus with many
    translated stories."""
    lang = dict(zip(documents["doc_id"].astype(str), documents["lang"].astype(str), strict=True))
    first = audit["doc_a"].astype(str).map(lang)
    second = audit["doc_b"].astype(str).map(lang)
    pooled = audit.assign(doc_a=first.where(first <= second, second), doc_b=second.where(first <= second, first))
    table = agreement_rates(pooled).rename(columns={"doc_a": "lang_a", "doc_b": "lang_b"})
    keys = audit["doc_a"].astype(str) + "|" + audit["doc_b"].astype(str)
    counts = keys.groupby([pooled["doc_a"], pooled["doc_b"]], sort=False).nunique().rename("doc_pairs")
    table = table.merge(counts, left_on=["lang_a", "lang_b"], right_index=True)
    return table.sort_values(["lang_a", "lang_b"], ignore_index=True)
