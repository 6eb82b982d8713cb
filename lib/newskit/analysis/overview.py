"""Corpus overview tables: paragraphs by kind, lengths, a tokenization sample, copies.

Lengths are reported in characters and in tokens side by side because
neither alone compares across languages: Japanese packs a word into two
characters, German compounds pack three words into one token.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.io.corpus import Corpus, document_lengths
from newskit.io.duplicates import find_corpus_duplicates
from newskit.io.paragraphs import PARAGRAPH_KINDS, TEXT_KINDS

__all__ = ["count_kinds", "list_duplicates", "sample_tokenization", "summarise_by_language",
           "summarise_duplicates", "summarise_lengths"]


def count_kinds(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs per kind (columns) and document (rows, catalog order)."""
    table = pd.crosstab(corpus.paragraphs["doc_id"], corpus.paragraphs["kind"])
    table = table.reindex(index=corpus.documents["doc_id"], columns=list(PARAGRAPH_KINDS), fill_value=0)
    table.columns.name = "kind"
    return table


def summarise_lengths(corpus: Corpus, tokens: pd.DataFrame) -> pd.DataFrame:
    """Per document: language, title, characters of the article's own text
    (headings, captions, body), tokens, content tokens and distinct content
    lemmas (types)."""
    docs = corpus.documents.set_index("doc_id")
    content = tokens[tokens["is_content"]]
    table = pd.DataFrame({
        "lang": docs["lang"],
        "title": docs.get("title", docs.index.to_series()),
        "chars": document_lengths(corpus, TEXT_KINDS),
        "tokens": tokens.groupby("doc_id", observed=True).size(),
        "content_tokens": content.groupby("doc_id", observed=True).size(),
        "types": content.groupby("doc_id", observed=True)["lemma"].nunique(),
    }).reindex(docs.index).fillna(0)
    for column in ("chars", "tokens", "content_tokens", "types"):
        table[column] = table[column].astype(int)
    table["chars_per_token"] = (table["chars"] / table["tokens"].where(table["tokens"] > 0)).round(2)
    table.index.name = "doc_id"
    return table


def summarise_by_language(lengths: pd.DataFrame) -> pd.DataFrame:
    """Totals of :func:`summarise_lengths` per language."""
    totals = lengths.groupby("lang")[["chars", "tokens", "content_tokens"]].sum()
    totals.insert(0, "documents", lengths.groupby("lang").size())
    totals["chars_per_token"] = (totals["chars"] / totals["tokens"]).round(2)
    return totals


def sample_tokenization(corpus: Corpus, tokens: pd.DataFrame, doc_ids: list[str],
                        body_index: int = 0, n_tokens: int = 12) -> pd.DataFrame:
    """The first ``n_tokens`` of the ``body_index``-th body paragraph of each
    document, side by side: one column block (surface, lemma, pos) per doc.

    Parallel translations have the same body paragraphs in the same order,
    so the same ``body_index`` shows the same sentence in each language."""
    blocks = {}
    for doc_id in doc_ids:
        body = corpus.paragraphs[(corpus.paragraphs["doc_id"] == doc_id) & (corpus.paragraphs["kind"] == "body")]
        if body_index >= len(body):
            raise ArgumentError(f"{doc_id!r} has {len(body)} body paragraphs; body_index={body_index} is out of range")
        para_id = body["para_id"].iloc[body_index]
        rows = tokens[(tokens["doc_id"] == doc_id) & (tokens["para_id"] == para_id)].head(n_tokens)
        blocks[doc_id] = rows[["surface", "lemma", "pos"]].reset_index(drop=True)
    return pd.concat(blocks, axis=1)


def _with_copies(corpus: Corpus) -> tuple[pd.DataFrame, np.ndarray]:
    """Every document the loader read, the copies ``duplicates="drop"`` left
    out included, with ``duplicate_of`` and ``duplicate_similarity`` (found
    here for a corpus built without them), and which rows were dropped."""
    documents = corpus.documents
    if "duplicate_of" not in documents.columns:
        found = find_corpus_duplicates(documents, corpus.paragraphs)
        documents = documents.assign(duplicate_of=found["duplicate_of"].to_numpy(),
                                     duplicate_similarity=found["similarity"].to_numpy())
    dropped = getattr(corpus, "dropped", None)
    if dropped is None or dropped.empty:
        return documents, np.zeros(len(documents), dtype=bool)
    both = pd.concat([documents, dropped], ignore_index=True)
    return both, np.arange(len(both)) >= len(documents)


def summarise_duplicates(corpus: Corpus) -> pd.DataFrame:
    """How many documents are copies of another, per language and in all
    (``lang = "all"``): ``documents`` read, ``originals`` that have copies,
    ``copies``, of them ``dropped`` (``load_corpus(duplicates="drop")``),
    and ``copies_share`` = copies / documents."""
    documents, dropped = _with_copies(corpus)
    copies = documents["duplicate_of"].notna().to_numpy()
    originals = documents["doc_id"].isin(documents.loc[copies, "duplicate_of"]).to_numpy()
    frame = pd.DataFrame({"lang": documents["lang"].to_numpy(), "documents": 1, "originals": originals.astype(int),
                          "copies": copies.astype(int), "dropped": (copies & dropped).astype(int)})
    table = frame.groupby("lang", sort=True)[["documents", "originals", "copies", "dropped"]].sum()
    table.loc["all"] = table.sum()
    table["copies_share"] = (table["copies"] / table["documents"]).round(3)
    return table.astype({c: int for c in ("documents", "originals", "copies", "dropped")})


def list_duplicates(corpus: Corpus) -> pd.DataFrame:
    """One row per copy: ``doc_id``, ``duplicate_of`` (the earliest copy),
    ``similarity`` (the share of the shorter text found in the longer),
    ``lang``, both titles and dates where the catalog has them, and whether
    the copy was ``dropped``; ordered by original, then catalog order."""
    documents, dropped = _with_copies(corpus)
    is_copy = documents["duplicate_of"].notna().to_numpy()
    copies = documents[is_copy]
    info = documents.set_index("doc_id")
    table = pd.DataFrame({
        "doc_id": copies["doc_id"], "duplicate_of": copies["duplicate_of"],
        "similarity": copies["duplicate_similarity"], "lang": copies["lang"],
    })
    for column in ("title", "published"):
        if column in info.columns:
            table[column] = copies[column].to_numpy()
            table[f"{column}_of_original"] = info[column].reindex(copies["duplicate_of"]).to_numpy()
    table["dropped"] = dropped[is_copy]
    return table.sort_values("duplicate_of", kind="stable").reset_index(drop=True)
