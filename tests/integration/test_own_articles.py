"""End to end, the README's "Your own articles in five minutes": import the
mixed folder (saved pages, exports with broken lines, an NFD file, half-width
katakana in Shift_JIS, a wire story and its republished copy), load it,
tokenize it, and check languages, normalisation and the duplicate pair."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import newskit
from newskit import analysis

from tests.builders import TEST_DATA

MIXED = TEST_DATA / "import" / "mixed"
HALF_WIDTH_KANA = range(0xFF61, 0xFFA0)
ORIGINAL, COPY = "search-resumes-for-three", "snowstorm-rescuers-search-for"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # through the console command, as the README tells a researcher to
    root = tmp_path_factory.mktemp("own") / "corpus"
    done = subprocess.run([sys.executable, "-m", "newskit", "import", str(MIXED), "--into", str(root)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Imported 19 article(s)" in done.stdout and "skipped: 4" in done.stdout
    return root


@pytest.fixture(scope="module")
def corpus(imported: Path) -> newskit.Corpus:
    return newskit.load_corpus(imported)


def by_source(corpus: newskit.Corpus, name: str):
    """The documents row imported from the source file ``name``."""
    rows = corpus.documents[corpus.documents["source_file"].str.endswith(name)]
    assert len(rows) == 1, name
    return rows.iloc[0]


def test_languages(corpus) -> None:
    docs = corpus.documents
    assert docs["lang"].value_counts().to_dict() == {"en": 5, "id": 5, "ja": 5, "de": 4}
    # every declared language (written by the import) agrees with the text read at load
    assert (docs["lang_detected"] == docs["lang"]).all() and (docs["lang_confidence"] > 0.9).all()
    assert set(docs["lang_source"]) == {"declared"}


def test_normalisation(corpus, imported) -> None:
    nfd = by_source(corpus, "ja_bonus_nfd_mac.txt")
    hankaku = by_source(corpus, "ja_kessai_hankaku_sjis.txt")
    assert nfd["normalized"] > 0 and hankaku["normalized"] > 0
    # the raw files keep the source's spelling; the loaded text is normalised
    assert unicodedata.is_normalized("NFD", (imported / nfd["file"]).read_text("utf-8"))
    assert any(ord(c) in HALF_WIDTH_KANA for c in (imported / hankaku["file"]).read_text("utf-8"))
    for row in (nfd, hankaku):
        text = corpus.texts[row["doc_id"]]
        assert unicodedata.is_normalized("NFC", text) and not any(ord(c) in HALF_WIDTH_KANA for c in text)
    assert "スマートフォン決済" in corpus.texts[hankaku["doc_id"]]
    # the catalog's sha256 is the hash of exactly the loaded text
    for row in corpus.documents.itertuples():
        assert hashlib.sha256(corpus.texts[row.doc_id].encode()).hexdigest() == row.sha256


def test_tokens_point_into_the_normalised_paragraphs(corpus) -> None:
    tokens = newskit.tokenize_corpus(corpus)
    assert set(tokens["doc_id"]) == set(corpus.documents["doc_id"])
    texts = {(d, p): t for d, p, t in corpus.paragraphs[["doc_id", "para_id", "text"]].itertuples(index=False)}
    for row in tokens.itertuples():
        assert texts[row.doc_id, row.para_id][row.start:row.end] == row.surface
    assert not tokens["surface"].map(lambda s: any(ord(c) in HALF_WIDTH_KANA or unicodedata.combining(c)
                                                   for c in s)).any()
    hankaku = by_source(corpus, "ja_kessai_hankaku_sjis.txt")["doc_id"]
    # the half-width ｽﾏｰﾄﾌｫﾝ became full-width and the katakana run stays one token (names in the token stream)
    assert {"スマートフォン", "決済"} <= set(tokens.loc[tokens["doc_id"] == hankaku, "surface"])


def test_the_wire_pair(corpus) -> None:
    # the republished copy (other headline, one paragraph dropped) is the only duplicate
    copies = corpus.documents[corpus.documents["duplicate_of"].notna()]
    assert copies[["doc_id", "duplicate_of"]].values.tolist() == [[COPY, ORIGINAL]]
    assert 0.9 < copies["duplicate_similarity"].iloc[0] < 1
    summary = analysis.summarise_duplicates(corpus)
    assert summary.loc["all", ["documents", "originals", "copies", "dropped"]].tolist() == [19, 1, 1, 0]
    assert summary.loc["en", "copies_share"] == 0.2  # 1 copy of 5 English articles


def test_drop_leaves_the_copy_out(imported) -> None:
    corpus = newskit.load_corpus(imported, duplicates="drop")
    assert len(corpus.documents) == 18 and COPY not in corpus.texts
    assert COPY not in set(corpus.paragraphs["doc_id"])
    assert corpus.dropped["doc_id"].tolist() == [COPY]
    assert corpus.documents.attrs["dropped_duplicates"] == [COPY]
    assert analysis.summarise_duplicates(corpus).loc["all", ["documents", "copies", "dropped"]].tolist() == [19, 1, 1]
    assert analysis.list_duplicates(corpus)[["doc_id", "duplicate_of", "dropped"]].values.tolist() == [
        [COPY, ORIGINAL, True]]
