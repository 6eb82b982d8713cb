"""The word stream: the words of a token table in reading order, and phrases on it.

Collocation windows, n-grams, multi-word terms and the phrases of coding rules
move along one sequence, so "the next word" means the same thing in each:

* a **word** is a token with a term that is not punctuation, symbol or space —
  the one definition of :func:`newskit.analysis.frequency.term_labels` and
  :func:`~newskit.analysis.frequency.word_mask`: the density of 、。 differs so
  much between languages that counting them would distort every window;
* the **word stream** is the words in reading order (``doc_id``, ``para_id``,
  ``i``); windows and n-grams move along it and never leave a paragraph
  (:data:`~newskit.analysis.frequency.PARAGRAPH`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.analysis.frequency import PARAGRAPH, check_columns, term_labels, word_mask
from newskit.errors import ArgumentError

__all__ = ["drop_overlaps", "find_phrase", "word_stream"]


def word_stream(tokens: pd.DataFrame, column: str = "lemma", *, keep_breaks: bool = False) -> pd.DataFrame:
    """The words of ``tokens`` in reading order with a fresh RangeIndex (the
    position on the stream): ``doc_id, para_id, i, term, pos, is_content,
    is_word, para``.

    ``para`` numbers the paragraphs 0, 1, … so "same paragraph" is one integer
    comparison.  With ``keep_breaks`` the punctuation and symbol tokens stay in
    the stream, flagged ``is_word = False``, for n-grams that stop at them.
    """
    check_columns(tokens, [*PARAGRAPH, "i", "pos", "is_content"])
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
    return drop_overlaps(np.concatenate(found).reshape(-1, 2))


def drop_overlaps(spans: np.ndarray) -> np.ndarray:
    """Keep spans that start after the previous kept span ended (sorted by start)."""
    spans = spans[np.lexsort((-spans[:, 1], spans[:, 0]))]
    kept: list[np.ndarray] = []
    last_end = -1
    for span in spans:
        if span[0] > last_end:
            kept.append(span)
            last_end = span[1]
    return np.array(kept, dtype=np.int64).reshape(-1, 2)
