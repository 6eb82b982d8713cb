"""What "a term", "a word position" and "a group" mean for every statistic in
:mod:`newskit.analysis`.

One definition, shared by the document-term matrix, collocations, n-grams,
dispersion and the coding rules, so a count means the same thing in each:

* the **term** of a token is its ``lemma`` (or any other token column); an
  empty lemma (tokenizers leave unknown words without one) falls back to the
  ``surface``; terms are compared exactly as the tokenizer wrote them (no case
  folding: normalising is the tokenizer's job);
* a **word** is a token with a non-empty term whose ``pos`` is not punctuation,
  symbol or space: the density of 、。 differs so much between languages that
  counting them would distort every relative frequency and every window;
* the **word stream** is the words in reading order (``doc_id``, ``para_id``,
  ``i``); windows and n-grams move along it and never leave a paragraph.

This is the same definition as ``newskit.frequency.select_terms`` (which the
analysis layer may not import while the package is being restructured).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError, CorpusError

__all__ = [
    "NON_WORD_POS", "PARAGRAPH", "GroupBy", "find_phrase", "group_codes", "require_columns",
    "term_labels", "word_mask", "word_stream",
]

#: Coarse POS tags that are never words.
NON_WORD_POS = frozenset({"PUNCT", "SYM", "SPACE"})

#: The unit no window, n-gram or phrase ever crosses.
PARAGRAPH = ("doc_id", "para_id")

#: ``by`` of the grouping functions: a token column, several, or a Series
#: mapping ``doc_id`` to a group (``documents.set_index("doc_id")["lang"]``).
GroupBy = str | Sequence[str] | pd.Series


def require_columns(table: pd.DataFrame, columns: Iterable[str], name: str = "tokens") -> None:
    """Raise :class:`CorpusError` naming every missing column, so a notebook
    user reads "the tokens table lacks column lemma" instead of a KeyError."""
    missing = [column for column in dict.fromkeys(columns) if column not in table.columns]
    if missing:
        have = ", ".join(map(str, table.columns)) or "none"
        raise CorpusError(None, f"the {name} table lacks column(s) {', '.join(missing)} (it has: {have})")


def term_labels(tokens: pd.DataFrame, column: str = "lemma") -> pd.Series:
    """The term of every token as a plain string Series on the token index
    (``""`` for tokens without one), the lemma falling back to the surface."""
    require_columns(tokens, [column, "surface"] if column == "lemma" else [column])
    term = tokens[column].astype(object).where(tokens[column].notna(), "").astype(str).str.strip()
    if column == "lemma":
        surface = tokens["surface"].astype(object).where(tokens["surface"].notna(), "")
        term = term.mask(term == "", surface.astype(str).str.strip())
    return term


def word_mask(tokens: pd.DataFrame, terms: pd.Series) -> pd.Series:
    """True for the tokens that are words (see the module docstring)."""
    require_columns(tokens, ["pos"])
    return (terms != "") & ~tokens["pos"].astype(object).isin(NON_WORD_POS)


def word_stream(tokens: pd.DataFrame, column: str = "lemma", *, keep_breaks: bool = False) -> pd.DataFrame:
    """The words of ``tokens`` in reading order with a fresh RangeIndex (the
    position on the stream): ``doc_id, para_id, i, term, pos, is_content,
    is_word, para``.

    ``para`` numbers the paragraphs 0, 1, … so "same paragraph" is one integer
    comparison.  With ``keep_breaks`` the punctuation and symbol tokens stay in
    the stream, flagged ``is_word = False``, for n-grams that stop at them.
    """
    require_columns(tokens, [*PARAGRAPH, "i", "pos", "is_content"])
    terms = term_labels(tokens, column)
    words = word_mask(tokens, terms)
    keep = words | (keep_breaks & (terms != ""))
    stream = tokens.loc[keep, [*PARAGRAPH, "i"]].copy()
    stream["term"] = terms[keep]
    stream["pos"] = tokens.loc[keep, "pos"].astype(object)
    stream["is_content"] = tokens.loc[keep, "is_content"].fillna(False).astype(bool)
    stream["is_word"] = words[keep]
    stream["doc_id"] = stream["doc_id"].astype(str)
    stream = stream.sort_values([*PARAGRAPH, "i"], kind="stable", ignore_index=True)
    changed = (stream["doc_id"] != stream["doc_id"].shift()) | (stream["para_id"] != stream["para_id"].shift())
    stream["para"] = np.cumsum(changed.to_numpy()) - 1
    return stream


def find_phrase(stream: pd.DataFrame, phrase: str | Sequence[str]) -> np.ndarray:
    """Positions ``[start, end]`` (inclusive) on ``stream`` where ``phrase``
    occurs, non-overlapping, first match wins.

    A phrase is matched on consecutive words of one paragraph whose terms,
    joined by single spaces, spell it: "Mistral AI" matches the two tokens
    ``Mistral`` ``AI`` as well as one merged token ``Mistral AI``, and "Grok 2"
    matches the tokenizer's single token ``Grok 2``.  Japanese compounds that
    the tokenizer splits are written with spaces between the parts
    ("オープン ソース") or passed as a list of parts.
    """
    parts = phrase.split() if isinstance(phrase, str) else [str(part).strip() for part in phrase]
    parts = [part for part in parts if part]
    if not parts:
        raise ArgumentError(f"an empty phrase {phrase!r} matches nothing; give at least one word")
    target = " ".join(parts)
    terms = stream["term"].to_numpy(dtype=object)
    para = stream["para"].to_numpy()
    singles = np.flatnonzero(terms == target)
    found = [np.column_stack([singles, singles])]
    prefixes = {" ".join(parts[:k]) for k in range(1, len(parts))}
    starts = np.flatnonzero(np.isin(terms, list(prefixes))) if prefixes else np.array([], dtype=int)
    for length in range(2, len(parts) + 1):
        ok = starts[starts + length - 1 < len(terms)]
        ok = ok[para[ok] == para[ok + length - 1]]
        joined = terms[ok].astype(str)
        for offset in range(1, length):
            joined = np.char.add(np.char.add(joined, " "), terms[ok + offset].astype(str))
        hits = ok[joined == target]
        found.append(np.column_stack([hits, hits + length - 1]))
    return _drop_overlaps(np.concatenate(found).reshape(-1, 2))


def _drop_overlaps(spans: np.ndarray) -> np.ndarray:
    """Keep spans that start after the previous kept span ended (sorted by start)."""
    spans = spans[np.lexsort((-spans[:, 1], spans[:, 0]))]
    kept: list[np.ndarray] = []
    last_end = -1
    for span in spans:
        if span[0] > last_end:
            kept.append(span)
            last_end = span[1]
    return np.array(kept, dtype=np.int64).reshape(-1, 2)


def group_codes(tokens: pd.DataFrame, by: GroupBy) -> tuple[np.ndarray, pd.Index]:
    """Row number of every token's group and the group labels, sorted.

    ``by`` is a token column, a list of them (a MultiIndex of labels) or a
    Series mapping ``doc_id`` to a group, so groups that live in the document
    table (``lang``, ``publisher``, a month) need no merge; a document missing
    from that mapping is an error, not a silently dropped row.
    """
    if isinstance(by, pd.Series):
        require_columns(tokens, ["doc_id"])
        mapping = by.copy()
        mapping.index = mapping.index.astype(str)
        doc_ids = tokens["doc_id"].astype(str)
        missing = sorted(set(doc_ids.unique()) - set(mapping.dropna().index))
        if missing:
            shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            raise ArgumentError(f"the by= mapping has no group for doc_id(s) {shown}; "
                                "give every document a group (e.g. documents.set_index('doc_id')[column])")
        keys = pd.DataFrame({by.name or "group": doc_ids.map(mapping).to_numpy()}, index=tokens.index)
    else:
        columns = [by] if isinstance(by, str) else list(by)
        if not columns:
            raise ArgumentError("by= names no column; give a token column such as 'doc_id'")
        require_columns(tokens, columns)
        keys = tokens[columns]
    grouped = keys.groupby(list(keys.columns), sort=True, observed=True, dropna=False)
    return grouped.ngroup().to_numpy(), grouped.size().index
