"""Shared builders for tests: repository paths, small corpora on disk, the
hand-made ``tests/data/stats_*.csv`` tables, and synthetic token tables.

Every test that needs a token table without running a tokenizer builds it
with :func:`make_tokens`, so all of them agree on the columns and dtypes of
the real table (``newskit.text.TOKEN_COLUMNS``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from newskit.text import TOKEN_COLUMNS
from newskit.text.table import build_token_frame

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


#: A few function words of en/ja/de, for tests that need stop words in a
#: synthetic table: ``make_tokens(..., stop=FUNCTION_WORDS)``.
FUNCTION_WORDS = frozenset({"the", "a", "of", "and", "is", "は", "を", "の", "が", "der", "die", "und"})

Words = str | Sequence[str]


def _is_punct(word: str) -> bool:
    """A token of punctuation or symbol characters only."""
    return bool(word) and all(unicodedata.category(char)[0] in "PS" for char in word)


def _word_rows(docs: Mapping[str | tuple[str, int], Words] | Iterable[tuple[str, int, Words]],
               stop: frozenset[str]) -> list[tuple[str, int, str, str, str, bool, bool]]:
    """(doc_id, para_id, surface, lemma, pos, is_stop, is_content) per word."""
    triples = ((*(key if isinstance(key, tuple) else (key, 0)), words) for key, words in docs.items()) \
        if isinstance(docs, Mapping) else docs
    rows = []
    for doc, para, words in triples:
        for word in words.split() if isinstance(words, str) else words:
            surface, _, lemma = word.partition("=") if len(word) > 1 else (word, "", "")
            lemma = lemma or surface
            punct = _is_punct(surface)
            rows.append((doc, para, surface, lemma, "PUNCT" if punct else "NOUN",
                         not punct and lemma in stop, not punct and lemma not in stop))
    return rows


def make_tokens(docs: Mapping[str | tuple[str, int], Words] | Iterable[tuple[str, int, Words]] | None = None, *,
                rows: Sequence[tuple[str, int, str, str, bool]] | None = None,
                stop: frozenset[str] = frozenset()) -> pd.DataFrame:
    """A token table with every column and dtype of the real one
    (:func:`newskit.text.table.build_token_frame`; ``doc_id`` categories in
    order of first appearance, as the catalog order is in a real table).

    ``docs`` maps a ``doc_id`` (one paragraph, ``para_id`` 0) or a
    ``(doc_id, para_id)`` pair to its words, or is a sequence of
    ``(doc_id, para_id, words)`` triples; words are a space-separated string
    or a list.  Every word is a content ``NOUN`` whose lemma is its surface,
    except a word of punctuation or symbols only (``PUNCT``, not content) and
    a word in ``stop`` (a stop word, not content); ``surface=lemma`` gives a
    word a lemma of its own.  ``rows`` instead gives ``(doc_id, para_id,
    surface, pos, is_content)`` per token (``is_stop`` is then ``not
    is_content`` except for PUNCT/SYM).  Offsets assume one space between
    tokens."""
    if (docs is None) == (rows is None):
        raise TypeError("give either docs or rows")
    if docs is not None:
        frame = pd.DataFrame(_word_rows(docs, stop), columns=[
            "doc_id", "para_id", "surface", "lemma", "pos", "is_stop", "is_content"])
    else:
        frame = pd.DataFrame(list(rows), columns=["doc_id", "para_id", "surface", "pos", "is_content"])
        frame["lemma"] = frame["surface"]
        frame["is_stop"] = ~frame["is_content"] & ~frame["pos"].isin(["PUNCT", "SYM"])
    frame["i"] = frame.groupby(["doc_id", "para_id"], sort=False).cumcount()
    lengths = frame["surface"].str.len() + 1
    frame["start"] = lengths.groupby([frame["doc_id"], frame["para_id"]], sort=False).cumsum() - lengths
    frame["end"] = frame["start"] + frame["surface"].str.len()
    table = build_token_frame(frame[TOKEN_COLUMNS].to_dict("list"))
    table["doc_id"] = table["doc_id"].cat.reorder_categories(list(dict.fromkeys(frame["doc_id"])))
    return table


def make_paragraphs(tokens: pd.DataFrame) -> pd.DataFrame:
    """The paragraph table (``doc_id, para_id, kind, text``) of a
    :func:`make_tokens` table: each paragraph's surfaces joined by one space,
    which is exactly what its offsets assume."""
    joined = tokens.groupby(["doc_id", "para_id"], sort=False)["surface"].agg(" ".join)
    return joined.rename("text").reset_index().assign(kind="body")[["doc_id", "para_id", "kind", "text"]]
