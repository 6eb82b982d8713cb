"""Keyword in context (KWIC) lines and dispersion positions of a term.

Contexts are cut from the *paragraph text* with the tokens' character offsets,
never re-joined from token strings: Japanese has no spaces between words and
Latin-script text keeps its own spacing (even a double space), so
``left + keyword + right`` is always a verbatim slice of the paragraph.

The window is counted in **tokens** (default 5 each side), not characters: five
tokens are about five words in every language, whereas a fixed number of
characters would show half a sentence of Japanese but cut German mid-word.
Contexts stay inside the paragraph (offsets are paragraph-relative).

A query term matches a token whose lemma OR surface (by default) equals it after
NFKC normalisation and case folding, so "musk" finds "Musk", "ＡＩ" finds "AI"
and 売る finds 売っ.  A term matches one token; multi-token phrases are not
searched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.frequency import check_columns, select_doc

__all__ = ["KWIC_COLUMNS", "MATCH_COLUMNS", "dispersion", "fold_text", "kwic", "match_terms", "term_coverage"]

#: Token columns a query term is compared with unless told otherwise.
MATCH_COLUMNS = ("lemma", "surface")

KWIC_COLUMNS = ["doc_id", "para_id", "i", "start", "end", "term", "left", "keyword", "right"]


def fold_text(text: str) -> str:
    """Normalise a query the same way :func:`match_terms` normalises tokens
    (NFKC + case folding), so full-width and capitalised forms meet."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def match_terms(
    tokens: pd.DataFrame, terms: str | Sequence[str], column: str | Sequence[str] = MATCH_COLUMNS
) -> pd.Series:
    """Return, for every token, the query term it matches (``None`` if none).

    Returning the *query* spelling rather than a boolean lets several terms be
    searched in one pass and labelled in the output.
    """
    wanted_list = [terms] if isinstance(terms, str) else list(terms)
    wanted = {fold_text(term): term for term in wanted_list if fold_text(term)}
    if not wanted:
        raise ArgumentError("give a non-empty search term")
    columns = [column] if isinstance(column, str) else list(column)
    check_columns(tokens, columns)
    matched = pd.Series(None, index=tokens.index, dtype=object)
    for name in columns:
        folded = tokens[name].fillna("").astype(str).str.normalize("NFKC").str.casefold().str.strip()
        matched = matched.where(matched.notna(), folded.map(wanted).astype(object))
    return matched.where(matched.notna(), None)


def order_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """Sort tokens in reading order and number them within each paragraph
    (``seq``) so windows are counted in positions even if ``i`` has gaps;
    the part-of-speech column ``pos`` is left alone."""
    check_columns(tokens, ["doc_id", "para_id", "i", "start", "end"])
    ordered = tokens.sort_values(["doc_id", "para_id", "i"], kind="stable", ignore_index=True)
    groups = ordered.groupby(["doc_id", "para_id"], sort=False)
    ordered["seq"] = groups.cumcount()
    ordered["n_para"] = groups["i"].transform("size")
    return ordered


def attach_text(hits: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.Series:
    """Look up each hit's paragraph text, failing loudly when the paragraph is
    missing or too short for the offsets: tokens from another corpus version."""
    check_columns(paragraphs, ["doc_id", "para_id", "text"], "paragraphs")
    texts = paragraphs.drop_duplicates(["doc_id", "para_id"]).set_index(["doc_id", "para_id"])["text"]
    keys = pd.MultiIndex.from_frame(hits[["doc_id", "para_id"]])
    text = pd.Series(texts.reindex(keys).to_numpy(), index=hits.index, dtype=object)
    if text.isna().any():
        missing = hits.loc[text.isna(), ["doc_id", "para_id"]].iloc[0].tolist()
        raise ArgumentError(f"no paragraph text for doc_id/para_id {missing}")
    too_short = text.str.len() < hits["right_end"]
    if too_short.any():
        bad = hits.loc[too_short, ["doc_id", "para_id"]].iloc[0].tolist()
        raise ArgumentError(f"token offsets run past the paragraph text at {bad}")
    return text


def kwic(
    tokens: pd.DataFrame,
    paragraphs: pd.DataFrame,
    term: str | Sequence[str],
    column: str | Sequence[str] = MATCH_COLUMNS,
    window: int = 5,
) -> pd.DataFrame:
    """Concordance of ``term`` (one or several): one row per hit with
    ``doc_id, para_id, i, start, end, term, left, keyword, right`` (plus
    ``kind`` when the paragraph table has it), in reading order.

    ``left``/``right`` span up to ``window`` tokens, cut from the paragraph
    text by offsets (see the module docstring); ``column`` picks the token
    columns to match, e.g. ``"lemma"`` alone to ignore inflected surfaces.
    """
    if window < 0:
        raise ArgumentError(f"window must be zero or positive, got {window}")
    ordered = order_tokens(tokens)
    matched = match_terms(ordered, term, column)
    hits = ordered[matched.notna()].assign(term=matched[matched.notna()])
    if hits.empty:
        extra = ["kind"] if "kind" in paragraphs.columns else []
        return pd.DataFrame(columns=[*KWIC_COLUMNS, *extra])
    positions = ordered.set_index(["doc_id", "para_id", "seq"])
    left_pos = np.maximum(hits["seq"] - window, 0)
    right_pos = np.minimum(hits["seq"] + window, hits["n_para"] - 1)
    left_keys = pd.MultiIndex.from_arrays([hits["doc_id"], hits["para_id"], left_pos])
    right_keys = pd.MultiIndex.from_arrays([hits["doc_id"], hits["para_id"], right_pos])
    hits["left_start"] = positions["start"].reindex(left_keys).to_numpy()
    hits["right_end"] = positions["end"].reindex(right_keys).to_numpy()
    text = attach_text(hits, paragraphs)
    rows = zip(text, hits["left_start"], hits["start"], hits["end"], hits["right_end"], strict=True)
    slices = [(t[ls:s], t[s:e], t[e:re]) for t, ls, s, e, re in rows]
    hits[["left", "keyword", "right"]] = pd.DataFrame(slices, index=hits.index)
    result = hits[KWIC_COLUMNS].reset_index(drop=True)
    if "kind" in paragraphs.columns:
        kinds = paragraphs.drop_duplicates(["doc_id", "para_id"])[["doc_id", "para_id", "kind"]]
        result = result.merge(kinds, on=["doc_id", "para_id"], how="left")
    return result


def dispersion(
    tokens: pd.DataFrame,
    term: str | Sequence[str],
    doc_id: str,
    column: str | Sequence[str] = MATCH_COLUMNS,
) -> pd.DataFrame:
    """Where ``term`` (one or several) occurs across one article, for a
    dispersion plot: ``term, doc_id, para_id, i, offset, n_tokens,
    rel_position``.

    ``offset`` is the 0-based position among *all* tokens of the document in
    reading order (punctuation included, so it tracks running text), and
    ``rel_position = offset / n_tokens`` puts articles of any length on 0–1.
    Rows follow the order the terms were given (the plot's row order), then
    offset; a term with no hits simply has no rows.
    """
    doc = order_tokens(select_doc(tokens, doc_id))
    doc["offset"] = np.arange(len(doc), dtype="int64")
    matched = match_terms(doc, term, column)
    hits = doc[matched.notna()].assign(term=matched[matched.notna()])
    order = {name: rank for rank, name in enumerate([term] if isinstance(term, str) else term)}
    hits = hits.assign(term_rank=hits["term"].map(order)).sort_values(["term_rank", "offset"])
    result = hits[["term", "doc_id", "para_id", "i", "offset"]].reset_index(drop=True)
    result["n_tokens"] = np.int64(len(doc))
    result["rel_position"] = result["offset"] / len(doc)
    return result


def term_coverage(tokens: pd.DataFrame, term: str) -> pd.DataFrame:
    """How much of a term a whole-token search finds, per document.

    KWIC and dispersion match whole tokens, so ``GPU`` misses the German
    plural ``GPUs`` and compounds such as ``Tesla-GPUs``.  Returns ``doc_id``,
    ``matched`` (tokens KWIC finds), ``containing`` (tokens whose surface
    contains the term, NFKC and case-insensitive) and ``missed`` (the distinct
    surfaces that contain it without matching, sorted), one row per document
    of ``tokens`` in order of appearance, zero rows included."""
    check_columns(tokens, ["doc_id", "surface"])
    needle = fold_text(term)
    if not needle:
        raise ArgumentError("give a non-empty search term")
    docs = list(dict.fromkeys(tokens["doc_id"].astype(str)))
    doc_ids = tokens["doc_id"].astype(str)
    matched = match_terms(tokens, term).notna()
    folded = tokens["surface"].fillna("").astype(str).str.normalize("NFKC").str.casefold()
    containing = folded.str.contains(needle, regex=False)
    missed_surfaces: dict[str, set[str]] = {}
    for doc, surface in zip(doc_ids[containing & ~matched], tokens.loc[containing & ~matched, "surface"], strict=True):
        missed_surfaces.setdefault(doc, set()).add(str(surface))
    return pd.DataFrame({
        "doc_id": docs,
        "matched": [int(matched[doc_ids == doc].sum()) for doc in docs],
        "containing": [int(containing[doc_ids == doc].sum()) for doc in docs],
        "missed": [", ".join(sorted(missed_surfaces.get(doc, ()))) for doc in docs],
    })
