"""The per-document token cache: reuse, invalidation, atomic files.

Every test works on a copy of the corpus under ``tmp_path``, so nothing is
ever written into the project's ``data/processed``."""

from __future__ import annotations

import errno
import shutil
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.io import versions
from newskit.scale import cache, pool as parallel
from newskit.scale.cache import TokenCache, cache_dir, read_cached

from tests.builders import DATA


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """The five seed articles with their catalog, in a temporary folder."""
    root = tmp_path / "corpus"
    shutil.copytree(DATA / "raw", root / "raw")
    shutil.copy(DATA / "catalog.csv", root / "catalog.csv")
    return root


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Documents actually tokenized (in this process) by the next calls."""
    seen: list[str] = []
    original = parallel.tokenize_job

    def counting(job, lemmatize=None):
        seen.append(job.doc_id)
        return original(job, lemmatize)

    monkeypatch.setattr(parallel, "tokenize_job", counting)
    return seen


def cached_files(root: Path) -> list[Path]:
    """Every cache entry (whatever the format's file suffix; no temp files)."""
    return sorted(p for p in cache_dir(root).rglob("*") if p.is_file() and not p.name.startswith("."))


def assert_same_table(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.attrs == expected.attrs


def test_first_run_fills_second_run_reads(corpus_copy, calls):
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, progress=False)
    calls.clear()
    first = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    assert_same_table(first, plain)
    assert sorted(calls) == sorted(corpus.documents["doc_id"])
    files = cached_files(corpus_copy)
    assert len(files) == 5
    assert all(corpus_copy / "processed" / "cache" / "tokens" in f.parents for f in files)
    calls.clear()
    second = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    assert calls == []  # every document came from disk
    assert_same_table(second, plain)


def test_changed_text_recomputes_only_that_document(corpus_copy, calls):
    newskit.tokenize_corpus(newskit.load_corpus(corpus_copy), cache=True, progress=False)
    raw = corpus_copy / "raw" / "003_bc865931fe4dd2a7.txt"
    raw.write_text(raw.read_text("utf-8").replace("オープンソース", "オープン・ソース", 1), "utf-8")
    corpus = newskit.load_corpus(corpus_copy)
    calls.clear()
    table = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    assert calls == ["quartz-grok-open-ja"]
    assert_same_table(table, newskit.tokenize_corpus(corpus, progress=False))
    assert len(cached_files(corpus_copy)) == 6  # the old version stays until cleaned


def test_changed_tool_version_invalidates_everything(corpus_copy, calls, monkeypatch):
    corpus = newskit.load_corpus(corpus_copy)
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    bumped = {**versions.tool_versions(), "unidic-lite": "9.9.9"}
    monkeypatch.setattr(cache, "tool_versions", lambda: bumped)
    calls.clear()
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    assert sorted(calls) == sorted(corpus.documents["doc_id"])
    assert len(cached_files(corpus_copy)) == 10


def test_changed_rules_invalidate_everything(corpus_copy, calls, monkeypatch):
    corpus = newskit.load_corpus(corpus_copy)
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    monkeypatch.setattr(cache, "rules_fingerprint", lambda: "edited token_merges.toml")
    calls.clear()
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    assert len(calls) == 5


@pytest.mark.parametrize("kinds, lemmatize", [(("body",), None), (newskit.TEXT_KINDS, True)])
def test_options_are_part_of_the_key(corpus_copy, kinds, lemmatize):
    corpus = newskit.load_corpus(corpus_copy)
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    table = newskit.tokenize_corpus(corpus, kinds=kinds, lemmatize=lemmatize, cache=True, progress=False)
    assert_same_table(table, newskit.tokenize_corpus(corpus, kinds=kinds, lemmatize=lemmatize, progress=False))
    assert len(cached_files(corpus_copy)) > 5


def test_key_depends_on_text_language_and_paragraph_ids(corpus):
    store = TokenCache.open(corpus.root, newskit.TEXT_KINDS, None)
    job = newskit.text.table.make_jobs(corpus.paragraphs, corpus.languages())[0]
    key = store.key(job)
    assert len(key) == 64 and store.key(job) == key
    variants = [
        type(job)(job.doc_id, "de", job.para_ids, job.texts),
        type(job)(job.doc_id, job.lang, tuple(p + 1 for p in job.para_ids), job.texts),
        type(job)(job.doc_id, job.lang, job.para_ids, (job.texts[0] + "。", *job.texts[1:])),
        type(job)(job.doc_id, job.lang, job.para_ids[:1], (job.texts[0] + job.texts[1],)),
    ]
    assert len({key, *(store.key(v) for v in variants)}) == 5
    # the doc_id is not part of the key: the same text is cached once
    assert store.key(type(job)("another-id", job.lang, job.para_ids, job.texts)) == key


def test_damaged_file_is_recomputed(corpus_copy, calls):
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    victim = cached_files(corpus_copy)[0]
    victim.write_bytes(b"PAR1 not really parquet")
    with pytest.warns(UserWarning, match=str(victim)):
        assert read_cached(victim) is None
    calls.clear()
    with pytest.warns(UserWarning, match="rebuilt"):
        assert_same_table(newskit.tokenize_corpus(corpus, cache=True, progress=False), plain)
    assert len(calls) == 1
    assert read_cached(victim) is not None


def test_cache_with_worker_processes(corpus_copy):
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, progress=False)
    assert_same_table(newskit.tokenize_corpus(corpus, n_jobs=2, cache=True, progress=False), plain)
    assert len(cached_files(corpus_copy)) == 5  # written by the workers
    assert_same_table(newskit.tokenize_corpus(corpus, n_jobs=2, cache=True, progress=False), plain)


def test_no_temporary_files_are_left(corpus_copy):
    newskit.tokenize_corpus(newskit.load_corpus(corpus_copy), cache=True, progress=False)
    leftovers = [p for p in cache_dir(corpus_copy).rglob("*") if p.is_file() and p.name.startswith(".")]
    assert leftovers == [] and len(cached_files(corpus_copy)) == 5


# --- a cache that cannot lie (issue 10, item 5) --------------------------------------

#: Single-bit flips tried in one cached file: spread over the whole file, the
#: bit within the byte cycling 0..7 (deterministic, every region is hit).
FLIPS = 300


def test_flipped_bits_are_misses_never_wrong_tokens(corpus_copy):
    # 166 of 300 flips used to give wrong tokens without a word
    corpus = newskit.load_corpus(corpus_copy)
    newskit.tokenize_corpus(corpus, cache=True, progress=False)
    victim = max(cached_files(corpus_copy), key=lambda p: p.stat().st_size)
    pristine = victim.read_bytes()
    expected = read_cached(victim)
    step = max(1, len(pristine) // FLIPS)
    outcomes = {"correct": 0, "miss": 0}
    for k, position in enumerate(range(0, len(pristine), step)):
        damaged = bytearray(pristine)
        damaged[position] ^= 1 << (k % 8)
        victim.write_bytes(bytes(damaged))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = read_cached(victim)
        if table is None:
            outcomes["miss"] += 1
        else:
            assert table.equals(expected), f"bit {k % 8} of byte {position} gave different tokens"
            outcomes["correct"] += 1
    assert sum(outcomes.values()) >= FLIPS and outcomes["miss"] > 0, outcomes


def test_flipped_bit_is_rebuilt_with_a_warning(corpus_copy, calls):
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    victim = cached_files(corpus_copy)[2]
    pristine = victim.read_bytes()
    damaged = bytearray(pristine)
    damaged[len(damaged) // 2] ^= 0x10
    victim.write_bytes(bytes(damaged))
    calls.clear()
    with pytest.warns(UserWarning, match=f"{victim}.*rebuilt"):
        assert_same_table(newskit.tokenize_corpus(corpus, cache=True, progress=False), plain)
    assert len(calls) == 1 and victim.read_bytes() == pristine  # rewritten as it was


def test_another_documents_file_is_a_miss(corpus_copy, calls):
    # copying one document's cache file over another's used to return the other's tokens
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, cache=True, progress=False)
    first, second = cached_files(corpus_copy)[:2]
    shutil.copyfile(first, second)
    calls.clear()
    with pytest.warns(UserWarning, match=str(second)):
        assert_same_table(newskit.tokenize_corpus(corpus, cache=True, progress=False), plain)
    assert len(calls) == 1


def _fail_read_only(*args, **kwargs):
    raise OSError(errno.EROFS, "Read-only file system", str(kwargs.get("dir", args[-1] if args else "")))


def test_read_only_cache_turns_caching_off(corpus_copy, calls, monkeypatch):
    # a processed/ folder that cannot be written used to crash tokenize_corpus(cache=True);
    # (the tests run as root, for whom chmod does not make a folder read-only: the
    # file system's refusal is simulated where every write starts)
    corpus = newskit.load_corpus(corpus_copy)
    plain = newskit.tokenize_corpus(corpus, progress=False)
    monkeypatch.setattr(tempfile, "mkstemp", _fail_read_only)
    with pytest.warns(UserWarning, match="caching is off") as caught:
        assert_same_table(newskit.tokenize_corpus(corpus, cache=True, progress=False), plain)
    assert len([w for w in caught if "caching is off" in str(w.message)]) == 1  # said once, not per document
    assert "Read-only file system" in str(caught[0].message)
    assert cached_files(corpus_copy) == []
