"""Views of entity mentions for notebook 03: rates, the translations side by
side, and an aligned concordance of one entity across versions.

Raw mention counts favour long documents and languages that repeat names
(Japanese writes マスク氏 where German says "er"), so rates per 1,000 tokens
sit next to counts, and the aligned concordance shows *where* a version
names an entity that another only implies.
"""

from __future__ import annotations

import pandas as pd

from newskit.align import align_paragraphs
from newskit.corpus import Corpus
from newskit.errors import CorpusError

#: Characters of context on each side of a mention, per script: a Japanese
#: character carries about as much as a Latin-script word's worth of letters.
CONTEXT_CHARS = {"ja": 18, "de": 45, "id": 45, "en": 45}


def rate_per_thousand(counts: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Entity × document counts divided by each document's tokens × 1,000."""
    sizes = tokens.groupby("doc_id", observed=True).size()
    missing = [d for d in counts.columns if d not in sizes.index]
    if missing:
        raise CorpusError(None, f"no tokens for document(s) {', '.join(missing)}: tokenize the same corpus")
    return (counts / sizes.reindex(counts.columns) * 1000).round(2)


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
        raise CorpusError(None, f"entity {entity_id!r} is not mentioned in the corpus")
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
            row[doc] = "\n".join(cut_context(texts[(doc, p)], s, e, CONTEXT_CHARS[langs[doc]])
                                 for p, s, e in found[["para_id", "start", "end"]].itertuples(index=False)) or "—"
        rows.append(row)
    return pd.DataFrame(rows, columns=["para_id", *docs])


def select_network(pairs: pd.DataFrame, unit_counts: pd.Series, top_n: int,
                   min_weight: int) -> tuple[pd.DataFrame, pd.Series]:
    """Keep the ``top_n`` entities named in the most paragraphs and the edges
    between them seen in at least ``min_weight`` paragraphs, dropping nodes
    left without an edge: a readable network instead of a hairball."""
    top = set(unit_counts.sort_values(ascending=False, kind="stable").index[:top_n])
    kept = pairs[pairs["a"].isin(top) & pairs["b"].isin(top) & (pairs["weight"] >= min_weight)]
    nodes = set(kept["a"]) | set(kept["b"])
    return kept.reset_index(drop=True), unit_counts[unit_counts.index.isin(nodes)]
