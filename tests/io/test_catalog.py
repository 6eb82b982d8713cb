"""Catalog validation: every mistake names the catalog and the fix."""

from __future__ import annotations

import pytest

from newskit.io.catalog import read_catalog
from newskit.errors import CorpusError

from tests.builders import DATA, write_corpus

GOOD = "doc_id,file,lang\na,raw/a.txt,de\n"


def test_project_catalog_has_documented_columns():
    catalog = read_catalog(DATA)
    assert list(catalog.columns) == ["doc_id", "file", "lang", "title", "published", "publisher",
                                     "original_source", "group", "notes"]
    assert len(catalog) == 5
    # the three translations share one group
    assert catalog.groupby("group").size().max() == 3


@pytest.mark.parametrize(
    "catalog, problem",
    [
        ("file,lang\nraw/a.txt,de\n", "missing required column.*doc_id"),         # no doc_id column
        ("doc_id,lang\na,de\n", "missing required column.*file"),                  # no file column
        ("doc_id,file\na,raw/a.txt\n", "missing required column.*lang"),           # no lang column
        ("doc_id,file,lang\na,raw/a.txt,de\na,raw/a.txt,de\n", "duplicate doc_id 'a'"),  # duplicate id
        ("doc_id,file,lang\na,raw/a.txt,xx\n", "row 2 \\(a\\): unknown language 'xx'"),  # unknown language
        ("doc_id,file,lang\na,raw/a.txt,jp\n", "did you mean 'ja'"),              # country code: the suggestion
        ("doc_id,file,lang\na,raw/a.txt,Deutch\n", "did you mean 'de'"),          # typo: the closest name
        ("doc_id;file;lang\na;raw/a.txt;fr\n", "French \\(fr\\) is not supported"),  # semicolons, unsupported language
        ("doc_id file lang\na raw/a.txt de\n", "separated by commas, semicolons or tabs"),  # spaces are no separator
        ("doc_id,file,lang\na b,raw/a.txt,de\n", "must be a short slug"),           # space in id
        ("doc_id,file,lang\na,../a.txt,de\n", "inside the corpus folder"),         # path escapes root
        ("doc_id,file,lang\na,raw/a.txt\n", "row 2 has 2 fields"),                 # ragged row
        ("doc_id,file,lang\n\n,,\n", "lists no documents"),                        # only blank rows
    ],
)
def test_bad_catalog(tmp_path, catalog, problem):
    root = write_corpus(tmp_path, catalog, {"raw/a.txt": b"Musk text."})
    with pytest.raises(CorpusError, match=problem) as info:
        read_catalog(root)
    assert info.value.path == root / "catalog.csv"  # names the catalog


def test_missing_catalog(tmp_path):
    # a folder without catalog.csv
    with pytest.raises(CorpusError, match="catalog not found"):
        read_catalog(tmp_path)


@pytest.mark.parametrize(
    "catalog, n, extra",
    [
        (GOOD, 1, []),                                                  # minimal catalog
        ("doc_id,file,lang,title,my_note\na,raw/a.txt,de,T,x\n", 1, ["title", "my_note"]),  # extra columns kept
        ("doc_id,file,lang\n\na,raw/a.txt,de\n,,\n", 1, []),            # blank rows skipped
        (" doc_id , file , lang\n a , raw/a.txt , de \n", 1, []),       # stray spaces trimmed
    ],
)
def test_good_catalog(tmp_path, catalog, n, extra):
    root = write_corpus(tmp_path, catalog, {"raw/a.txt": b"Musk text."})
    frame = read_catalog(root)
    assert len(frame) == n
    assert frame.loc[0, "doc_id"] == "a"
    assert all(column in frame.columns for column in extra)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("de", "de"),                  # already a supported code
        ("JA", "ja"),                  # upper case
        ("jpn", "ja"),                 # ISO 639-2/3
        ("ja-JP", "ja"),               # BCP 47 tag with region
        ("ja_JP", "ja"),               # POSIX locale
        ("Deutsch", "de"),             # the language's own name
        ("Bahasa Indonesia", "id"),    # with the noise word "Bahasa"
        ("in", "id"),                  # the withdrawn ISO code of Indonesian
        ("English", "en"),             # English name
        ("日本語", "ja"),               # Japanese name
        ("", "auto"),                  # empty: detect at load
        ("auto", "auto"),              # said explicitly
        ("und", "auto"),               # BCP 47 "undetermined"
    ],
)
def test_language_values_are_normalised(tmp_path, value, expected):
    root = write_corpus(tmp_path, f"doc_id,file,lang\na,raw/a.txt,{value}\n", {"raw/a.txt": b"Musk text."})
    assert read_catalog(root).loc[0, "lang"] == expected


@pytest.mark.parametrize(
    "data, delimiter",
    [
        ("doc_id,file,lang,title\na,raw/a.txt,ja,イーロン・マスクのxAI\n".encode("shift_jis"), ","),   # Shift_JIS
        ("doc_id;file;lang;title\na;raw/a.txt;ja;イーロン・マスクのxAI\n".encode("euc_jp"), ";"),     # EUC-JP, semicolons
        ("doc_id\tfile\tlang\ttitle\na\traw/a.txt\tja\tイーロン・マスクのxAI\n".encode("utf-16"), "\t"),  # Excel "Unicode text"
    ],
)
def test_decode_catalog(tmp_path, data, delimiter):
    from newskit.io.catalog_text import decode_catalog

    (tmp_path / "catalog.csv").write_bytes(data)
    decoded = decode_catalog(tmp_path / "catalog.csv")
    assert decoded.text.endswith("イーロン・マスクのxAI\n") and decoded.delimiter == delimiter
    assert not decoded.is_plain
