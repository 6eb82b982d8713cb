"""Streaming (partitioned) term and entity counts equal the in-memory ones."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import newskit
from newskit.scale import streaming
from newskit.entities import count_mentions, find_mentions
from newskit.errors import ArgumentError, CorpusError
from newskit.analysis.frequency import count_terms
from newskit.scale.streaming import StreamOptions, count_mentions_streaming, count_terms_streaming

from tests.builders import DATA, write_corpus

SMALL = StreamOptions(docs_per_partition=2)


@pytest.mark.parametrize("by", ["doc_id", None, ["doc_id", "pos"], "para_id", "is_stop"])
@pytest.mark.parametrize("content_only", [True, False])
def test_term_counts_equal_count_terms(corpus, tokens, by, content_only):
    expected = count_terms(tokens, by, "lemma", content_only)
    got = count_terms_streaming(corpus, by, "lemma", content_only, options=SMALL)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_reading_from_the_corpus_folder(tokens):
    got = count_terms_streaming(DATA, "doc_id", "surface", options=StreamOptions(docs_per_partition=1))
    pd.testing.assert_frame_equal(got, count_terms(tokens, "doc_id", "surface"), check_exact=True)


def test_several_folders_make_one_corpus(tmp_path, corpus, tokens):
    catalog = (DATA / "catalog.csv").read_text("utf-8").splitlines()
    for name, rows in (("a", catalog[1:3]), ("b", catalog[3:])):
        shutil.copytree(DATA / "raw", tmp_path / name / "raw")
        (tmp_path / name / "catalog.csv").write_text("\n".join([catalog[0], *rows]) + "\n", "utf-8")
    got = count_terms_streaming([tmp_path / "a", tmp_path / "b"], None, options=SMALL)
    pd.testing.assert_frame_equal(got, count_terms(tokens, None), check_exact=True)


def test_duplicate_doc_ids_across_folders(tmp_path):
    for name in ("a", "b"):
        write_corpus(tmp_path / name, "doc_id,file,lang\nsame,raw/x.txt,de\n", {"raw/x.txt": b"Ein Satz."})
    with pytest.raises(CorpusError, match="doc_id 'same' is also in"):
        count_terms_streaming([tmp_path / "a", tmp_path / "b"])


def test_worker_processes(corpus, tokens):
    options = StreamOptions(docs_per_partition=1, n_jobs=2)
    got = count_terms_streaming(corpus, "doc_id", options=options)
    pd.testing.assert_frame_equal(got, count_terms(tokens), check_exact=True)


def test_options_reach_the_partitions(corpus):
    tokens = newskit.tokenize_corpus(corpus, kinds=("body",), lemmatize=True)
    options = StreamOptions(kinds=("body",), lemmatize=True, docs_per_partition=3)
    pd.testing.assert_frame_equal(count_terms_streaming(corpus, options=options), count_terms(tokens), check_exact=True)


def test_never_more_than_one_partition_of_tokens(corpus, monkeypatch):
    sizes = []
    original = streaming.partition_tokens

    def recording(refs, options):
        sizes.append(len(refs))
        return original(refs, options)

    monkeypatch.setattr(streaming, "partition_tokens", recording)
    count_terms_streaming(corpus, options=SMALL)
    assert sizes == [2, 2, 1]


def test_unknown_column(corpus):
    with pytest.raises(ArgumentError, match="lacks column"):
        count_terms_streaming(corpus, "lang")


def test_empty_corpus(corpus, tokens):
    got = count_terms_streaming(corpus, options=StreamOptions(kinds=()))
    assert got.empty and list(got.columns) == ["doc_id", "term", "count", "rel_freq"]


@pytest.mark.parametrize("by", ["doc_id", "label", "para_id", "entity_id"])
@pytest.mark.parametrize("roll_up", [False, True])
def test_mention_counts_equal_count_mentions(corpus, by, roll_up):
    expected = count_mentions(find_mentions(corpus, kinds=newskit.TEXT_KINDS), by, roll_up)
    got = count_mentions_streaming(corpus, by, roll_up, options=SMALL)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_mention_counts_from_files_in_worker_processes(corpus):
    expected = count_mentions(find_mentions(corpus, kinds=None), "doc_id")
    options = StreamOptions(kinds=None, docs_per_partition=1, n_jobs=2)
    pd.testing.assert_frame_equal(count_mentions_streaming(DATA, options=options), expected, check_exact=True)


def test_mention_counts_by_unknown_column(corpus):
    with pytest.raises(ArgumentError, match="cannot count by 'lang'"):
        count_mentions_streaming(corpus, "lang")


def test_folder_with_undeclared_and_normalised_text(tmp_path):
    # streaming reads files with the loader's read_document: an `auto` row is
    # tokenized in its detected language and half-width katakana are widened,
    # exactly as load_corpus + tokenize_corpus do
    examples = DATA / "examples"
    shutil.copytree(examples / "raw", tmp_path / "raw")
    (tmp_path / "raw" / "hankaku.txt").write_bytes("ｽﾏｰﾄﾌｫﾝ決済が高齢者にも広がっている。市の調査で分かった。\n".encode("cp932"))
    catalog = (examples / "catalog.csv").read_text("utf-8").replace(",ja,", ",auto,").replace(",de,", ",,")
    (tmp_path / "catalog.csv").write_text(catalog + "hankaku,raw/hankaku.txt,ja,,,,,,\n", "utf-8")
    corpus = newskit.load_corpus(tmp_path)
    assert corpus.lang_of("library-bot-de") == "de" and corpus.lang_of("city-bot-ja") == "ja"
    expected = count_terms(newskit.tokenize_corpus(corpus), "doc_id", "surface")
    got = count_terms_streaming(tmp_path, "doc_id", "surface", options=SMALL)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert "スマートフォン" in set(got["term"])  # full-width after normalisation, one katakana token
