"""Loading corpora: the five seeds and small generated ones."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import newskit
from newskit.io.paragraphs import split_paragraphs
from newskit.errors import ArgumentError, CorpusError

from tests.builders import DATA, TEST_DATA, write_corpus

TRANSLATIONS = ["zdx-xai-ja", "zdx-xai-de", "zdx-xai-id"]


def kind_counts(corpus, doc_id):
    paragraphs = corpus.paragraphs[corpus.paragraphs["doc_id"] == doc_id]
    return paragraphs["kind"].value_counts().to_dict()


@pytest.mark.parametrize(
    "doc_id, expected",
    [
        # ja: 2 contact lines, date, menu, account, 2 credits; 9 ▲ captions; source line
        ("zdx-xai-ja", {"boilerplate": 7, "heading": 4, "caption": 9, "body": 40, "source": 1}),
        # de: the German page has no contact lines
        ("zdx-xai-de", {"boilerplate": 5, "heading": 4, "caption": 9, "body": 40, "source": 1}),
        # id: contact lines with an obfuscated e-mail
        ("zdx-xai-id", {"boilerplate": 7, "heading": 4, "caption": 9, "body": 40, "source": 1}),
        # blog: 導入/title/XのPOSTまとめ/最後に headings, two image placeholders
        ("quartz-grok-open-ja", {"boilerplate": 0, "heading": 4, "caption": 2, "body": 11, "source": 0}),
        # party report: six section headings, no captions
        ("xai-party-ja", {"boilerplate": 0, "heading": 6, "caption": 0, "body": 15, "source": 0}),
    ],
)
def test_seed_kinds(corpus, doc_id, expected):
    assert kind_counts(corpus, doc_id) == expected


def test_translations_have_same_structure(corpus):
    # the three translations must line up heading/caption/body-wise
    shapes = {d: {k: v for k, v in kind_counts(corpus, d).items() if k != "boilerplate"} for d in TRANSLATIONS}
    assert shapes["zdx-xai-ja"] == shapes["zdx-xai-de"] == shapes["zdx-xai-id"]


def test_documents_table(corpus):
    docs = corpus.documents.set_index("doc_id")
    assert set(docs["encoding"]) == {"utf-8"}
    assert docs.loc["zdx-xai-ja", "n_chars"] == len(corpus.texts["zdx-xai-ja"])
    assert (docs["n_paragraphs"] > 0).all()
    assert corpus.lang_of("zdx-xai-de") == "de"


def test_paragraph_text_is_a_line_of_the_file(corpus):
    # para text is the stripped line: offsets in derived tables refer to it
    row = corpus.paragraphs.iloc[10]
    line = corpus.texts[row["doc_id"]].split("\n")[row["line"] - 1]
    assert line.strip() == row["text"] == corpus.paragraph_text(row["doc_id"], row["para_id"])


def test_load_from_notebooks_folder(monkeypatch):
    # notebooks run with notebooks/ as working directory: "data" still resolves
    monkeypatch.chdir(DATA.parent / "notebooks")
    assert len(newskit.load_corpus("data").documents) == 5


def test_raw_data_untouched(tmp_path):
    # loading reads raw files and never writes them
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (DATA / "raw").iterdir()}
    newskit.tokenize_corpus(newskit.load_corpus(DATA))
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (DATA / "raw").iterdir()}
    assert before == after


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\n\n  b  \n", [(0, 1, "a"), (1, 3, "b")]),   # blank lines skipped, text stripped
        ("\n\na", [(0, 3, "a")]),                        # leading blank lines keep line numbers
        ("a\u3000\nb", [(0, 1, "a"), (1, 2, "b")]),      # ideographic space stripped
    ],
)
def test_split_paragraphs(text, expected):
    got = [(r["para_id"], r["line"], r["text"]) for r in split_paragraphs(text, "de")]
    assert got == expected


@pytest.mark.parametrize(
    "files, lang, problem",
    [
        ({"raw/a.txt": "マスク氏はxAIを設立した。".encode()}, "de", "mostly Japanese"),  # script contradicts lang
        ({}, "de", "file not found"),                                                   # missing file
        ({"raw/a.txt": b""}, "de", "is empty"),                                         # empty file
        ({"raw/a.txt": b"\x89PNG\r\n\x1a\nrest"}, "de", "PNG image"),                   # binary file
    ],
)
def test_bad_documents_name_the_file(tmp_path, files, lang, problem):
    root = write_corpus(tmp_path, f"doc_id,file,lang\na,raw/a.txt,{lang}\n", files)
    with pytest.raises(CorpusError, match=problem) as info:
        newskit.load_corpus(root)
    assert info.value.path == root / "raw" / "a.txt"


def test_new_language_corpus(tmp_path):
    # an English article loads and tokenizes (new articles in any supported language)
    root = write_corpus(tmp_path, "doc_id,file,lang\nen1,a.txt,en\n",
                        {"a.txt": b"Musk Unveils Grok\r\nElon Musk's xAI released Grok-1 on Sunday.\r\n"})
    corpus = newskit.load_corpus(root)
    assert list(corpus.paragraphs["kind"]) == ["heading", "body"]
    tokens = newskit.tokenize_corpus(corpus)
    assert "Grok-1" in set(tokens["surface"])


WIRE = TEST_DATA / "import" / "mixed" / "wire"
FULL = (WIRE / "en_hikers_agency.txt").read_bytes()
PARAGRAPHS = FULL.decode().strip().split("\n")


@pytest.mark.parametrize(
    "copy",
    [
        FULL,                                                                      # exact copy
        "\n".join(PARAGRAPHS[:3] + PARAGRAPHS[4:]).encode(),                       # one paragraph dropped
        FULL + b"Local note: the Holloway school will stay closed on Tuesday.\n",   # one paragraph added
    ],
)
def test_duplicates_at_load(tmp_path, copy):
    # the copy comes first in the catalog but was published later: the wire story is the original
    catalog = "doc_id,file,lang,published\ncopy,raw/copy.txt,en,2025-01-07\nwire,raw/wire.txt,en,2025-01-06\n"
    root = write_corpus(tmp_path, catalog, {"raw/copy.txt": copy, "raw/wire.txt": FULL})
    docs = newskit.load_corpus(root).documents.set_index("doc_id")
    assert docs.loc["copy", "duplicate_of"] == "wire" and pd.isna(docs.loc["wire", "duplicate_of"])
    assert docs.loc["copy", "duplicate_similarity"] >= 0.8


def test_languages_are_never_duplicates_at_load(tmp_path):
    # the story and a German article with the same names and numbers; and the
    # same English words under an English and a detected (auto) row: only the
    # latter pair is one language, hence a copy
    german = ("Die Suche nach drei Wanderern aus Holloway, die seit dem Schneesturm vermisst werden, wurde am "
              "Montag fortgesetzt. Die Bergwacht setzte Hubschrauber und Hunde ein.\n").encode()
    root = write_corpus(tmp_path, "doc_id,file,lang\nwire,raw/wire.txt,en\nde,raw/de.txt,de\nauto,raw/auto.txt,\n",
                        {"raw/wire.txt": FULL, "raw/de.txt": german * 3, "raw/auto.txt": FULL})
    docs = newskit.load_corpus(root).documents
    assert docs["duplicate_of"].fillna("").tolist() == ["", "", "wire"]


def test_drop_duplicates(tmp_path):
    root = write_corpus(tmp_path, "doc_id,file,lang\nwire,raw/wire.txt,en\ncopy,raw/copy.txt,en\n",
                        {"raw/wire.txt": FULL, "raw/copy.txt": FULL})
    kept = newskit.load_corpus(root, duplicates="mark")  # "mark" is "keep"
    assert kept.documents["duplicate_of"].tolist()[1] == "wire" and kept.dropped.empty
    dropped = newskit.load_corpus(root, duplicates="drop")
    assert dropped.documents["doc_id"].tolist() == ["wire"] and set(dropped.paragraphs["doc_id"]) == {"wire"}
    assert list(dropped.texts) == ["wire"] and dropped.dropped["doc_id"].tolist() == ["copy"]


def test_bad_duplicates_mode(tmp_path):
    with pytest.raises(ArgumentError, match="duplicates='remove'"):
        newskit.load_corpus(DATA, duplicates="remove")


def test_seed_corpus_has_no_duplicates(corpus):
    # the three translations share their facts, not their words
    assert corpus.documents["duplicate_of"].isna().all()
    assert (corpus.documents["normalized"] == 0).all()
