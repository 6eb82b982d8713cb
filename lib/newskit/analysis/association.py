"""Collocations: which words occur near a node word more often than chance.

:func:`collocations` moves a window of ``window`` words to the left and right
of every occurrence of the node along the word stream (punctuation does not
take a slot, see :mod:`newskit.analysis.stream`) and never across a paragraph
boundary: a news paragraph is the smallest unit whose words are written
together.  Stop words take their slot in the window but are only reported as
collocates with ``content_only=False``.  Each node occurrence has its own
window, so a word inside the windows of two nearby occurrences counts twice
(as in AntConc and #LancsBox); the node's own words are never collocates.

Counts (all in words of the stream):

* ``N`` — words in the corpus; ``f(n)`` (``node_freq``) — node occurrences;
  ``f(c)`` (``collocate_freq``) — occurrences of the collocate outside the node;
* ``O`` (``observed``) — occurrences of the collocate inside the windows;
  ``left`` / ``right`` split it by side;
* ``S`` — window slots actually examined: ``f(n) · (left + right)`` minus
  the slots cut off by paragraph edges.

**Expected frequency: span-adjusted**, ``E = S · f(c) / N`` — the chance count
of ``c`` in ``S`` random slots (Evert 2008, "surface co-occurrence"; the
convention of #LancsBox, Brezina et al. 2015, which writes it ``f(n) · f(c) ·
span / N``; we subtract the slots beyond a paragraph edge, so short
paragraphs such as headlines are not credited with slots they lack).  The
plain ``E = f(n) f(c) / N`` of WordSmith and Barlow's Collocate ignores the
window and makes every MI ``log2(span)`` higher (3.32 for 5 + 5).

Scores (:func:`association_scores`, vectorised):

* ``mi = log2(O / E)`` (Church & Hanks 1990) — favours rare words;
* ``t_score = (O - E) / sqrt(O)`` — favours frequent words;
* ``log_dice = 14 + log2(2 O / (f(n) + f(c)))`` (Rychlý 2008) — no E, at
  most 14, comparable across corpora of any size;
* ``g2`` — log-likelihood (Dunning 1993) over the full 2×2 table whose rows
  are "slot inside a window / elsewhere" (``S``, ``N - S``) and columns
  "word is c / is not" (``f(c)``, ``N - f(c)``): ``O11 = O``, ``O12 = S - O``,
  ``O21 = f(c) - O``, ``O22 = N - S - f(c) + O``, ``E_ij = R_i C_j / N``,
  ``G² = 2 Σ O_ij ln(O_ij / E_ij)`` with ``0 ln 0 = 0``.  (Double counting in
  overlapping windows can make ``O > f(c)`` in tiny corpora; such a negative
  cell counts as 0.)  G² > 3.84 / 6.63 / 10.83 / 15.13 is significant at p <
  .05 / .01 / .001 / .0001 for one test; testing hundreds of collocates needs
  a correction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.stream import find_phrase, word_stream

__all__ = ["COLLOCATION_COLUMNS", "association_scores", "collocations"]

COLLOCATION_COLUMNS = ["collocate", "observed", "left", "right", "node_freq", "collocate_freq",
                       "expected", "mi", "t_score", "log_dice", "g2"]


def association_scores(
    observed: np.ndarray | pd.Series | float,
    node_freq: np.ndarray | pd.Series | float,
    collocate_freq: np.ndarray | pd.Series | float,
    window_slots: float,
    corpus_size: float,
) -> pd.DataFrame:
    """``expected, mi, t_score, log_dice, g2`` for each collocate (formulas in
    the module docstring); every argument may be a scalar or an array."""
    o, fn, fc = (np.atleast_1d(np.asarray(value, dtype=float)) for value in (observed, node_freq, collocate_freq))
    n, s = float(corpus_size), float(window_slots)
    if n <= 0 or s <= 0 or (o <= 0).any():
        raise ArgumentError("association scores need a corpus, window slots and observed counts above 0")
    expected = s * fc / n
    cells = np.clip(np.stack([o, s - o, fc - o, n - s - fc + o]), 0, None)
    inside, outside = np.full_like(o, s), np.full_like(o, n - s)
    rows = np.stack([inside, inside, outside, outside])
    cols = np.stack([fc, n - fc, fc, n - fc])
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(cells > 0, cells * np.log(cells / (rows * cols / n)), 0.0)
    return pd.DataFrame({
        "expected": expected,
        "mi": np.log2(o / expected),
        "t_score": (o - expected) / np.sqrt(o),
        "log_dice": 14 + np.log2(2 * o / (fn + fc)),
        "g2": 2 * terms.sum(axis=0),
    })


def _window_sizes(window: int | tuple[int, int]) -> tuple[int, int]:
    """``5`` -> (5, 5); ``(0, 3)`` -> three words to the right only."""
    left, right = (window, window) if isinstance(window, int) else tuple(window)
    if min(left, right) < 0 or left + right == 0:
        raise ArgumentError(f"window={window!r}: give a positive size or a (left, right) pair, e.g. 5 or (0, 3)")
    return int(left), int(right)


def _window_positions(para: np.ndarray, anchors: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Stream positions ``anchors + steps`` that stay inside the anchor's paragraph."""
    positions = (anchors[:, None] + steps[None, :]).ravel()
    inside = (positions >= 0) & (positions < len(para))
    positions, origin = positions[inside], np.repeat(anchors, len(steps))[inside]
    return positions[para[positions] == para[origin]]


def collocations(
    tokens: pd.DataFrame,
    node: str | Sequence[str],
    *,
    window: int | tuple[int, int] = 5,
    min_freq: int = 2,
    by: str = "lemma",
    content_only: bool = True,
) -> pd.DataFrame:
    """One row per collocate of ``node`` observed at least ``min_freq`` times
    in its windows, strongest log Dice first (columns: ``COLLOCATION_COLUMNS``).

    ``node`` is a term of the ``by`` column or a phrase of several ("Mistral
    AI"), matched on consecutive words as :func:`~newskit.analysis.stream.find_phrase`
    explains.  ``attrs`` records the node, ``N``, ``S`` and the expected-frequency
    convention; a node that never occurs gives an empty table whose
    ``attrs["note"]`` says so, instead of a silent nothing.
    """
    left, right = _window_sizes(window)
    stream = word_stream(tokens, by)
    hits = find_phrase(stream, node)
    para, terms = stream["para"].to_numpy(), stream["term"].to_numpy(dtype=object)
    in_node = np.zeros(len(stream), dtype=bool)
    for length in np.unique(hits[:, 1] - hits[:, 0]):
        starts = hits[hits[:, 1] - hits[:, 0] == length, 0]
        in_node[(starts[:, None] + np.arange(length + 1)[None, :]).ravel()] = True
    eligible = ~in_node & (stream["is_content"].to_numpy() if content_only else True)
    sides = {"left": _window_positions(para, hits[:, 0], -np.arange(1, left + 1)),
             "right": _window_positions(para, hits[:, 1], np.arange(1, right + 1))}
    slots = sum(len(positions) for positions in sides.values())
    counts = pd.DataFrame({side: pd.Series(terms[positions[eligible[positions]]]).value_counts()
                           for side, positions in sides.items()}).fillna(0).astype("int64")
    counts["observed"] = counts["left"] + counts["right"]
    counts = counts[counts["observed"] >= max(min_freq, 1)].rename_axis("collocate").reset_index()
    frequency = pd.Series(terms[eligible]).value_counts()
    counts["node_freq"] = len(hits)
    counts["collocate_freq"] = counts["collocate"].map(frequency).astype("int64")
    if counts.empty:
        table = pd.DataFrame({column: pd.Series(dtype=float) for column in COLLOCATION_COLUMNS})
    else:
        scores = association_scores(counts["observed"], len(hits), counts["collocate_freq"], slots, len(stream))
        table = pd.concat([counts, scores], axis=1)[COLLOCATION_COLUMNS]
        table = table.sort_values(["log_dice", "observed", "collocate"], ascending=[False, False, True],
                                  kind="stable", ignore_index=True)
    table.attrs.update({"node": node, "column": by, "window": (left, right), "node_freq": len(hits),
                        "window_slots": slots, "corpus_words": len(stream),
                        "expected": "span-adjusted: E = window_slots * collocate_freq / corpus_words"})
    if not len(hits):
        table.attrs["note"] = f"{node!r} does not occur in the {by} column of these tokens"
    return table
