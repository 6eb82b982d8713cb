"""Shared fixtures: the real corpus is loaded and tokenized once per session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newskit

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def corpus():
    """The project corpus (five seed articles)."""
    return newskit.load_corpus(DATA)


@pytest.fixture(scope="session")
def tokens(corpus):
    """Token table of the project corpus."""
    return newskit.tokenize_corpus(corpus)


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
