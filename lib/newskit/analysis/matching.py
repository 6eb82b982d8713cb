"""How a KWIC query finds its hits: four match modes (``mode=``).

* ``"token"`` (the default): a token whose lemma or surface (the ``column``
  given) equals the query after NFKC normalisation and case folding, so
  "musk" finds "Musk" and "ＡＩ" finds "AI".  A query of several words (split
  on spaces) matches consecutive tokens of one paragraph, one word each
  ("Mistral AI" → ``Mistral`` ``AI``), or one merged token that spells the
  whole query (the tokenizer keeps ``Mistral AI``, ``Grok 2`` whole).
* ``"lemma"``: every inflected form.  The query names a lemma *or any form of
  it seen in the corpus*: the lemmas of the tokens spelt like the query are
  looked up and every token with one of those lemmas matches ("sold" → sell →
  sells, sold; 売っ → 売る → 売り, 売れ …) — the corpus is its own lemmatiser.
* ``"substring"``: the query anywhere in the paragraph text (NFKC, case
  insensitive), inside tokens and across them: "Grok" finds ``Grok``, ``Grok
  2``, ``Grok-1.5V`` and ``Grokは``; a space in the query matches any run of
  white space.  Japanese compounds the tokenizer splits (データ|センター) are
  found as written.
* ``"regex"``: a Python regular expression over the same text
  (``re.IGNORECASE``), e.g. ``Grok[- ]?\\d``.

Only the paragraphs that have tokens are searched (the token table decides
the scope, by default the article's own text).  A text-mode hit is mapped to
the tokens it overlaps: the KWIC keyword is their text (so "Grok" inside
``Grok-1.5V`` shows ``Grok-1.5V``) and windows are counted in tokens as in
token mode; ``match`` keeps the characters matched.  Hits of one query never
overlap (the first wins); a token matching several queries is listed once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.analysis.stream import drop_overlaps
from newskit.errors import ArgumentError

__all__ = ["MATCH_MODES", "SPAN_COLUMNS", "FoldedText", "fold_series", "fold_text", "fold_texts", "query_list",
           "text_spans", "token_spans"]

#: The ``mode=`` values of :func:`newskit.analysis.concordance.kwic`.
MATCH_MODES = ("token", "lemma", "substring", "regex")
#: One row per hit: rows of the ordered token table, the query, matched characters.
SPAN_COLUMNS = ["first", "last", "term", "match_start", "match_end"]


def fold_text(text: str) -> str:
    """Normalise a query the way tokens are compared (NFKC + case folding),
    so full-width and capitalised forms meet."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def fold_series(values: pd.Series) -> np.ndarray:
    """:func:`fold_text` of every value of a token column, as an object array."""
    return values.fillna("").astype(str).str.normalize("NFKC").str.casefold().str.strip().to_numpy(dtype=object)


def query_list(terms: str | Sequence[str]) -> list[str]:
    """The non-empty queries of ``terms`` (one string or several), in order."""
    wanted = [terms] if isinstance(terms, str) else [str(term) for term in terms]
    wanted = [term for term in dict.fromkeys(wanted) if fold_text(term)]
    if not wanted:
        raise ArgumentError("give a non-empty search term")
    return wanted


def _spans_frame(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-query spans; a token span found by an earlier query wins."""
    if not parts:
        return pd.DataFrame({column: pd.Series(dtype="int64" if column != "term" else object)
                             for column in SPAN_COLUMNS})
    spans = pd.concat(parts, ignore_index=True).drop_duplicates(["first", "last", "match_start"])
    return spans.sort_values(["first", "last", "match_start"], kind="stable", ignore_index=True)


def _consecutive(para: np.ndarray, masks: list[np.ndarray]) -> np.ndarray:
    """Start rows where ``masks[k]`` holds at row + k for every k, in one paragraph."""
    length = len(masks)
    ok = np.ones(max(len(para) - length + 1, 0), dtype=bool)
    for offset, mask in enumerate(masks):
        ok &= mask[offset:offset + len(ok)]
    starts = np.flatnonzero(ok)
    return starts[para[starts] == para[starts + length - 1]]


def token_spans(ordered: pd.DataFrame, terms: list[str], columns: Sequence[str], *, lemma: bool) -> pd.DataFrame:
    """Hits of token or lemma mode on ``ordered`` (tokens in reading order with
    a ``para`` number): :data:`SPAN_COLUMNS`."""
    names = ["lemma", "surface"] if lemma else list(columns)
    check_columns(ordered, names)
    folded = {name: fold_series(ordered[name]) for name in names}
    para = ordered["para"].to_numpy()

    def matches(word: str) -> np.ndarray:
        if lemma:
            forms = folded["lemma"][(folded["surface"] == word) | (folded["lemma"] == word)]
            return np.isin(folded["lemma"], np.array([word, *set(forms)], dtype=object))
        return np.logical_or.reduce([folded[name] == word for name in names])

    parts = []
    for term in terms:
        words = fold_text(term).split()
        found = [np.flatnonzero(matches(" ".join(words)))[:, None].repeat(2, axis=1)]
        if len(words) > 1:
            starts = _consecutive(para, [matches(word) for word in words])
            found.append(np.column_stack([starts, starts + len(words) - 1]))
        spans = drop_overlaps(np.concatenate(found).reshape(-1, 2))
        parts.append(pd.DataFrame({"first": spans[:, 0], "last": spans[:, 1], "term": term,
                                   "match_start": ordered["start"].to_numpy()[spans[:, 0]],
                                   "match_end": ordered["end"].to_numpy()[spans[:, 1]]}))
    return _spans_frame(parts)


@dataclass(frozen=True)
class FoldedText:
    """One paragraph's NFKC text, the rows of its tokens in the ordered table,
    and (when NFKC changed it) the original offset of every folded character."""

    text: str
    rows: np.ndarray
    origin: np.ndarray | None


def _fold_with_offsets(text: str) -> tuple[str, np.ndarray | None]:
    """NFKC text and, unless it is already NFKC (the common case, a C-speed
    check), the original index of each character, folded one by one."""
    if unicodedata.is_normalized("NFKC", text):
        return text, None
    pieces = [unicodedata.normalize("NFKC", char) for char in text]
    origin = np.repeat(np.arange(len(text)), [len(piece) for piece in pieces])
    return "".join(pieces), origin


def fold_texts(ordered: pd.DataFrame, paragraphs: pd.DataFrame) -> list[FoldedText]:
    """The searchable paragraphs: those of ``ordered`` (in its order), with
    their text from ``paragraphs``; a missing text is an error."""
    check_columns(paragraphs, ["doc_id", "para_id", "text"], "paragraphs")
    texts = paragraphs.drop_duplicates(["doc_id", "para_id"]).set_index(["doc_id", "para_id"])["text"]
    bounds = np.flatnonzero(np.diff(ordered["para"].to_numpy(), prepend=-1, append=-1))
    keys = ordered[["doc_id", "para_id"]].to_numpy()[bounds[:-1]]
    found = texts.reindex(pd.MultiIndex.from_arrays([keys[:, 0], keys[:, 1]])).to_numpy()
    if pd.isna(found).any():
        raise ArgumentError(f"no paragraph text for doc_id/para_id {list(keys[pd.isna(found)][0])}")
    folded = []
    for text, start, end in zip(found, bounds[:-1], bounds[1:], strict=True):
        nfkc, origin = _fold_with_offsets(str(text))
        folded.append(FoldedText(nfkc, np.arange(start, end), origin))
    return folded


def _pattern(term: str, regex: bool) -> re.Pattern:
    """The compiled query: a regex as given, or the NFKC query with flexible spaces."""
    if regex:
        try:
            return re.compile(term, re.IGNORECASE)
        except re.error as err:
            raise ArgumentError(f"regex {term!r} is not valid: {err}") from None
    words = unicodedata.normalize("NFKC", term).split()
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def text_spans(ordered: pd.DataFrame, texts: list[FoldedText], terms: list[str], *, regex: bool) -> pd.DataFrame:
    """Hits of substring or regex mode (module docstring): :data:`SPAN_COLUMNS`."""
    starts, ends = ordered["start"].to_numpy(), ordered["end"].to_numpy()
    parts = []
    for term in terms:
        pattern, rows = _pattern(term, regex), []
        for para in texts:
            for found in pattern.finditer(para.text):
                if found.end() == found.start():
                    continue  # an empty match shows nothing
                begin, stop = found.start(), found.end()
                if para.origin is not None:
                    begin, stop = int(para.origin[begin]), int(para.origin[stop - 1]) + 1
                first = np.searchsorted(ends[para.rows], begin, side="right")
                last = np.searchsorted(starts[para.rows], stop, side="left") - 1
                if first <= last:
                    rows.append((para.rows[first], para.rows[last], begin, stop))
        table = pd.DataFrame(rows, columns=["first", "last", "match_start", "match_end"], dtype="int64")
        parts.append(table.assign(term=term)[SPAN_COLUMNS])
    return _spans_frame(parts)
