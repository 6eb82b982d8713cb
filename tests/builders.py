"""Shared builders for tests: repository paths, small corpora on disk, the
hand-made ``tests/data/stats_*.csv`` tables, and synthetic token tables.

Every test that needs a token table without running a tokenizer builds it
with :func:`make_tokens`, so all of them agree on the columns and dtypes of
the real table (``newskit.text.TOKEN_COLUMNS``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from newskit.text import TOKEN_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


def read_stats_table(name: str) -> pd.DataFrame:
    """A hand-made fixture table ``tests/data/stats_*.csv``, doc ids kept as
    strings as the tokenizer writes them."""
    return pd.read_csv(TEST_DATA / name, dtype={"doc_id": str}, keep_default_na=False)


def write_corpus(root: Path, catalog: str, files: dict[str, bytes]) -> Path:
    """Write a small corpus (catalog text + raw files) under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalog.csv").write_text(catalog, encoding="utf-8")
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _is_punct(word: str) -> bool:
    """A one-character punctuation or symbol token."""
    return len(word) == 1 and unicodedata.category(word)[0] in "PS"


def make_tokens(docs: Mapping[str | tuple[str, int], str | Sequence[str]] | None = None, *,
                rows: Sequence[tuple[str, int, str, str, bool]] | None = None) -> pd.DataFrame:
    """A token table with every column of the real one.

    ``docs`` maps a ``doc_id`` (one paragraph, ``para_id`` 0) or a
    ``(doc_id, para_id)`` pair to its words, as a space-separated string or a
    list: every word is a content ``NOUN`` whose lemma is its surface, except
    a one-character punctuation mark (``PUNCT``, not content).  ``rows``
    instead gives ``(doc_id, para_id, surface, pos, is_content)`` per token.
    Offsets assume one space between tokens; ``is_stop`` is ``not
    is_content`` for words and ``False`` for punctuation."""
    if (docs is None) == (rows is None):
        raise TypeError("give either docs or rows")
    if docs is not None:
        rows = []
        for key, words in docs.items():
            doc, para = key if isinstance(key, tuple) else (key, 0)
            for word in words.split() if isinstance(words, str) else words:
                punct = _is_punct(word)
                rows.append((doc, para, word, "PUNCT" if punct else "NOUN", not punct))
    frame = pd.DataFrame(list(rows), columns=["doc_id", "para_id", "surface", "pos", "is_content"])
    frame["i"] = frame.groupby(["doc_id", "para_id"]).cumcount()
    frame["lemma"] = frame["surface"]
    frame["is_stop"] = ~frame["is_content"] & ~frame["pos"].isin(["PUNCT", "SYM"])
    lengths = frame["surface"].str.len() + 1
    frame["start"] = lengths.groupby([frame["doc_id"], frame["para_id"]]).cumsum() - lengths
    frame["end"] = frame["start"] + frame["surface"].str.len()
    return frame[TOKEN_COLUMNS]


def make_paragraphs(tokens: pd.DataFrame) -> pd.DataFrame:
    """The paragraph table (``doc_id, para_id, kind, text``) of a
    :func:`make_tokens` table: each paragraph's surfaces joined by one space,
    which is exactly what its offsets assume."""
    joined = tokens.groupby(["doc_id", "para_id"], sort=False)["surface"].agg(" ".join)
    return joined.rename("text").reset_index().assign(kind="body")[["doc_id", "para_id", "kind", "text"]]
