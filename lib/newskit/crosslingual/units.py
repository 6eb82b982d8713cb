"""Paragraph units shared by the versions of one text, so that a translation
group counts once.

Three translations of one report name Musk and xAI together in the same
fifteen paragraphs; counted per paragraph, that pair weighs three times what
one report says.  :func:`aligned_units` gives every paragraph a label
``aligned_para`` that is the same for paragraphs that translate each other:

* the versions of a text are the documents sharing a catalog ``group``
  (:func:`newskit.crosslingual.audit.translation_groups`; a catalog without
  the column has no groups);
* each version is aligned with the group's first document (the pivot, in
  catalog order) by :func:`newskit.crosslingual.align.align_paragraphs`;
  matched paragraphs are joined (a 1–2 or 2–1 match joins all three), and
  joins chain across versions, so de and id paragraphs meet through ja;
* a unit's label is its first paragraph ``doc_id/para_id`` in group order; a
  paragraph without a counterpart, or of a document in no group, is a unit
  of its own; ``group`` is the catalog group (the doc_id outside groups).

Counting co-occurrence over ``unit=("group", "aligned_para")``
(:func:`newskit.analysis.cooccurrence.cooccurrence_pairs`) then counts a pair
once per aligned paragraph of a group: present in any version, counted once.
"""

from __future__ import annotations

import pandas as pd

from newskit.crosslingual.align import align_paragraphs
from newskit.crosslingual.audit import translation_groups
from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus

__all__ = ["UNIT_COLUMNS", "add_aligned_units", "aligned_units"]

#: Columns of :func:`aligned_units`.
UNIT_COLUMNS = ["doc_id", "para_id", "group", "aligned_para"]

Paragraph = tuple[str, int]


def _find(parent: dict[Paragraph, Paragraph], item: Paragraph) -> Paragraph:
    """Root of ``item`` in the union-find forest (with path halving)."""
    while parent.get(item, item) != item:
        parent[item] = parent.get(parent[item], parent[item])
        item = parent[item]
    return item


def _join_group(corpus: Corpus, docs: list[str], anchors: pd.DataFrame | None,
                parent: dict[Paragraph, Paragraph]) -> None:
    """Join the paragraphs that align with the pivot ``docs[0]``; the root of
    a unit is always its earliest member in group order."""
    rank = {doc: k for k, doc in enumerate(docs)}
    for other in docs[1:]:
        for row in align_paragraphs(corpus, docs[0], other, anchors).itertuples(index=False):
            members = [(docs[0], int(p)) for p in row.para_a] + [(other, int(p)) for p in row.para_b]
            roots = sorted({_find(parent, member) for member in members}, key=lambda m: (rank[m[0]], m[1]))
            for root in roots[1:]:
                parent[root] = roots[0]


def aligned_units(corpus: Corpus, anchors: pd.DataFrame | None = None) -> pd.DataFrame:
    """``doc_id, para_id, group, aligned_para`` for every paragraph of the
    corpus (module docstring); ``anchors`` (``doc_id, para_id, anchor``, e.g.
    :func:`newskit.crosslingual.audit.build_anchors`) sharpen the alignment."""
    groups = translation_groups(corpus) if "group" in corpus.documents.columns else {}
    parent: dict[Paragraph, Paragraph] = {}
    group_of: dict[str, str] = {}
    for name, docs in groups.items():
        _join_group(corpus, docs, anchors, parent)
        group_of.update({doc: str(name) for doc in docs})
    units = corpus.paragraphs[["doc_id", "para_id"]].astype({"doc_id": str}).reset_index(drop=True)
    roots = [_find(parent, (doc, int(para))) for doc, para in zip(units["doc_id"], units["para_id"], strict=True)]
    units["group"] = units["doc_id"].map(lambda doc: group_of.get(doc, doc))
    units["aligned_para"] = [f"{doc}/{para}" for doc, para in roots]
    return units[UNIT_COLUMNS]


def add_aligned_units(table: pd.DataFrame, corpus: Corpus, anchors: pd.DataFrame | None = None) -> pd.DataFrame:
    """``table`` (mentions, tokens: anything with ``doc_id, para_id``) with the
    ``group`` and ``aligned_para`` of each row's paragraph, same index and
    order; a row whose paragraph is not in the corpus is an error."""
    for column in ("doc_id", "para_id"):
        if column not in table.columns:
            raise ArgumentError(f"the table lacks column {column!r}: aligned units are looked up by doc_id and para_id")
    clash = [column for column in ("group", "aligned_para") if column in table.columns]
    if clash:
        raise ArgumentError(f"the table already has column(s) {', '.join(clash)}; drop them first")
    units = aligned_units(corpus, anchors).set_index(["doc_id", "para_id"])
    keys = pd.MultiIndex.from_arrays([table["doc_id"].astype(str), table["para_id"].astype(int)])
    found = units.reindex(keys)
    if found["aligned_para"].isna().any():
        missing = keys[found["aligned_para"].isna().to_numpy()][0]
        raise ArgumentError(f"no paragraph {missing[1]} in document {missing[0]!r} of this corpus")
    return table.assign(group=found["group"].to_numpy(), aligned_para=found["aligned_para"].to_numpy())
