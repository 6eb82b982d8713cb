"""A small builder of synthetic token tables for the analysis tests.

``make_tokens([(doc_id, para_id, "words …"), …])`` gives a frame with every
column of the stable token table.  Words are split on spaces; a word made of
punctuation only is ``PUNCT``; a word in ``stop`` (default: a few function
words of en/ja/de) is a stop word; every other word is a content ``NOUN``.
A word written ``surface=lemma`` gets a lemma that differs from its surface.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pytest

STOP = frozenset({"the", "a", "of", "and", "is", "は", "を", "の", "が", "der", "die", "und"})


def make_tokens(rows: Iterable[tuple[str, int, str | Sequence[str]]], stop: frozenset[str] = STOP) -> pd.DataFrame:
    """Token table from (doc_id, para_id, words) triples, in the given order."""
    records = []
    for doc_id, para_id, words in rows:
        offset = 0
        for i, word in enumerate(words.split() if isinstance(words, str) else words):
            surface, _, lemma = word.partition("=")
            lemma = lemma or surface
            punct = not any(char.isalnum() for char in surface)
            records.append({
                "doc_id": doc_id, "para_id": para_id, "i": i, "start": offset,
                "end": offset + len(surface), "surface": surface, "lemma": lemma,
                "pos": "PUNCT" if punct else "NOUN", "is_stop": lemma in stop,
                "is_content": not punct and lemma not in stop,
            })
            offset += len(surface) + 1
    frame = pd.DataFrame.from_records(records, columns=[
        "doc_id", "para_id", "i", "start", "end", "surface", "lemma", "pos", "is_stop", "is_content"])
    doc_order = list(dict.fromkeys(frame["doc_id"]))
    frame["doc_id"] = pd.Categorical(frame["doc_id"], categories=doc_order)
    frame[["para_id", "i", "start", "end"]] = frame[["para_id", "i", "start", "end"]].astype("int32")
    frame[["surface", "lemma"]] = frame[["surface", "lemma"]].astype("string")
    frame["pos"] = frame["pos"].astype("category")
    return frame


@pytest.fixture
def build_tokens():
    """The :func:`make_tokens` builder, as a fixture so any test module here can use it."""
    return make_tokens
