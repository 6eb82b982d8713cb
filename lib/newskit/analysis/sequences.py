"""N-grams (2 to 5 words in a row) and multi-word term candidates.

**N-grams** run along the word stream of :mod:`newskit.analysis.stream` and
stop at three things: a paragraph boundary, a punctuation or symbol token
(「xAI 。 マスク」 or "xAI, Musk" is not a phrase but two clauses) and a gap
in the token index ``i`` (a table filtered beforehand must not invent
neighbours).  With ``content_only=True`` a stop word also breaks the run —
it is *not skipped*, since skipping particles would glue words of different
clauses together.  Terms are joined by one space for display in every
language.

**Multi-word terms** (:func:`multiword_terms`) follow KH Coder's 複合語の検出,
which uses TermExtract's FLR score (Nakagawa & Mori 2003): a candidate is a
maximal run of 2 to ``max_n`` adjacent content words of the chosen parts of
speech (nouns and proper nouns by default: データ センター, "Elon Musk");
for each word ``w``, ``LN(w)`` / ``RN(w)`` count how often another word
stands immediately left / right of it inside any run (token counts), and::

    LR(CN)  = ( Π_i (LN(w_i) + 1) · (RN(w_i) + 1) ) ** (1 / (2 L))
    FLR(CN) = f(CN) · LR(CN)

where ``f(CN)`` counts the run as a whole.  A word that combines with many
others (資金, "AI") lends weight to every compound it heads.  ``display``
joins the parts without a space where a CJK or kana character is on either
side (データセンター, xAI社) and with one elsewhere ("Elon Musk").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.stream import word_stream

__all__ = ["NGRAM_SIZES", "multiword_terms", "ngrams"]

#: The n-gram lengths :func:`ngrams` accepts.
NGRAM_SIZES = range(2, 6)


def _links(stream: pd.DataFrame, member: np.ndarray) -> np.ndarray:
    """True at position p when p and p + 1 are both members, in one paragraph
    and adjacent in the token index (the last position links to nothing)."""
    para, index = stream["para"].to_numpy(), stream["i"].to_numpy()
    linked = np.zeros(len(stream), dtype=bool)
    linked[:-1] = member[:-1] & member[1:] & (para[:-1] == para[1:]) & (index[1:] == index[:-1] + 1)
    return linked


def ngrams(
    tokens: pd.DataFrame,
    n: int,
    *,
    by: str = "lemma",
    content_only: bool = False,
    min_freq: int = 2,
) -> pd.DataFrame:
    """Count n-grams of ``n`` words: ``ngram, n, count, n_docs``, most frequent
    first, those seen fewer than ``min_freq`` times left out."""
    if n not in NGRAM_SIZES:
        raise ArgumentError(f"n={n!r}: n-grams of 2 to 5 words are supported")
    stream = word_stream(tokens, by, keep_breaks=True)
    member = stream["is_word"].to_numpy() & (stream["is_content"].to_numpy() if content_only else True)
    linked = _links(stream, member)
    ok = np.ones(max(len(stream) - n + 1, 0), dtype=bool)
    for offset in range(n - 1):
        ok &= linked[offset:offset + len(ok)]
    starts = np.flatnonzero(ok)
    terms = stream["term"].to_numpy(dtype=object)
    joined = terms[starts].astype(str)
    for offset in range(1, n):
        joined = np.char.add(np.char.add(joined, " "), terms[starts + offset].astype(str))
    found = pd.DataFrame({"ngram": joined, "doc_id": stream["doc_id"].to_numpy()[starts]})
    table = found.groupby("ngram").agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    table.insert(1, "n", n)
    table = table[table["count"] >= min_freq].astype({"count": "int64", "n_docs": "int64"})
    return table.sort_values(["count", "ngram"], ascending=[False, True], kind="stable", ignore_index=True)


def _is_cjk(char: str) -> bool:
    """True for kanji, hiragana and katakana (words written without spaces)."""
    return unicodedata.name(char, "").startswith(("CJK", "HIRAGANA", "KATAKANA"))


def _display(parts: Sequence[str]) -> str:
    """Join compound parts the way the language writes them (see module docstring)."""
    text = parts[0]
    for part in parts[1:]:
        text += ("" if _is_cjk(text[-1]) or _is_cjk(part[0]) else " ") + part
    return text


def multiword_terms(
    tokens: pd.DataFrame,
    *,
    by: str = "lemma",
    pos: Sequence[str] = ("NOUN", "PROPN"),
    max_n: int = 4,
    min_freq: int = 2,
) -> pd.DataFrame:
    """Rank compound-term candidates by FLR (module docstring): ``term`` (parts
    joined by spaces), ``display``, ``n``, ``frequency``, ``n_docs``, ``lr``,
    ``flr``, highest FLR first.  Runs longer than ``max_n`` are lists rather
    than terms and are not candidates (they still count for LN / RN)."""
    if max_n < 2:
        raise ArgumentError(f"max_n={max_n}: a multi-word term has at least 2 words")
    stream = word_stream(tokens, by, keep_breaks=True)
    member = (stream["is_word"] & stream["is_content"] & stream["pos"].isin(list(pos))).to_numpy()
    linked = _links(stream, member)
    in_run = member & (linked | np.roll(linked, 1))
    run = np.cumsum(in_run & ~np.roll(linked, 1)) - 1
    terms = stream["term"].to_numpy(dtype=object)
    right = pd.Series(terms[:-1][linked[:-1]]).value_counts()
    left = pd.Series(terms[1:][linked[:-1]]).value_counts()
    runs = pd.DataFrame({"run": run[in_run], "term": terms[in_run], "doc_id": stream["doc_id"].to_numpy()[in_run]})
    weight = np.log(runs["term"].map(left).fillna(0) + 1) + np.log(runs["term"].map(right).fillna(0) + 1)
    runs["weight"] = weight.to_numpy()
    per_run = runs.groupby("run").agg(parts=("term", list), doc_id=("doc_id", "first"), weight=("weight", "mean"))
    per_run["n"] = per_run["parts"].str.len()
    per_run = per_run[per_run["n"] <= max_n]
    per_run["term"] = per_run["parts"].str.join(" ")
    table = per_run.groupby("term").agg(parts=("parts", "first"), n=("n", "first"), frequency=("n", "size"),
                                        n_docs=("doc_id", "nunique"), weight=("weight", "first"))
    table = table[table["frequency"] >= min_freq].reset_index()
    table["lr"] = np.exp(table["weight"] / 2)
    table["flr"] = table["frequency"] * table["lr"]
    table.insert(1, "display", table["parts"].map(_display))
    table = table.drop(columns=["parts", "weight"]).astype({"frequency": "int64", "n_docs": "int64", "n": "int64"})
    return table.sort_values(["flr", "term"], ascending=[False, True], kind="stable", ignore_index=True)
