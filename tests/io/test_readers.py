"""Reading import sources: every file kind, the column mapping, bad input."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from newskit.errors import ArgumentError, CorpusError
from newskit.io.exports import ColumnResolver
from newskit.io.readers import iter_records, list_source_files, _markdown_to_lines
from newskit.io.records import BadRecord, Record, clean_date

IMPORT = Path(__file__).resolve().parents[1] / "data" / "import"
MIXED = IMPORT / "mixed"


def read(path: Path, mapping: dict | None = None) -> list[Record | BadRecord]:
    return list(iter_records([path], mapping=mapping))


def good(items: list) -> list[Record]:
    return [r for r in items if isinstance(r, Record)]


def bad(items: list) -> list[BadRecord]:
    return [r for r in items if isinstance(r, BadRecord)]


@pytest.mark.parametrize(
    "name, n_good, n_bad, encoding, first",
    [
        # (file, records, bad records, encoding, fields of the first record)
        ("de_stadtwerke_strompreise.html", 1, 0, "utf-8",
         {"title": "Stadtwerke Lindenau erhöhen Strompreise zum Jahreswechsel", "published": "2024-11-19",
          "publisher": "Lindenauer Rundschau",
          "url": "https://www.lindenauer-rundschau.example/lokales/stadtwerke-strompreise-2025"}),
        ("ja_minato_gomi_sjis.html", 1, 0, "cp932",  # <meta charset=Shift_JIS>, read as its superset CP932
         {"published": "2025-01-28", "publisher": "みなと新報"}),
        ("export_feed.jsonl", 5, 2, "utf-8",
         {"title": "Warnstreik legt Flughäfen lahm", "published": "2025-03-06T05:12+00:00",
          "publisher": "Rheinische Abendpost", "lang": "de", "line": 1}),
        ("monitoring_export.csv", 3, 2, "utf-8",  # semicolons, German column names
         {"title": "Stadtwerke erhöhen Strompreise", "published": "2024-11-19", "lang": "Deutsch", "line": 2}),
        ("monitoring_export_utf16.csv", 2, 0, "utf-16",  # Excel "Unicode text": UTF-16 BOM, tabs, CRLF
         {"title": "電池の新工場を九州に建設", "published": "2025-02-10", "lang": "日本語", "line": 2}),
        ("scraper_archive.parquet", 2, 0, "parquet",
         {"published": "2025-02-20T08:00", "publisher": "Kabar Ekonomi", "lang": "id", "line": 1, "unit": "row"}),
        ("id_banjir_bekasi.md", 1, 0, "utf-8",  # front matter + first heading as title
         {"title": "Ribuan warga Bekasi mengungsi akibat banjir", "published": "2025-02-03",
          "publisher": "Warta Bekasi", "lang": "Bahasa Indonesia"}),
        ("ja_bonus_nfd_mac.txt", 1, 0, "utf-8",  # read as it is: NFD (normalised at import and load)
         {"title": unicodedata.normalize("NFD", "東京のデパートで冬のボーナス商戦が始まる")}),
        ("ja_kessai_hankaku_sjis.txt", 1, 0, "cp932", {"title": "ｽﾏｰﾄﾌｫﾝ決済､高齢者にも広がる"}),
    ],
)
def test_every_source_kind(name: str, n_good: int, n_bad: int, encoding: str, first: dict) -> None:
    items = read(MIXED / name)
    assert (len(good(items)), len(bad(items))) == (n_good, n_bad)
    record = good(items)[0]
    assert record.encoding == encoding and record.source_file == str(MIXED / name)
    for key, value in first.items():
        assert getattr(record, key) == value, key


def test_page_boilerplate_is_dropped() -> None:
    # cookie banner, menu, share bar, paywall teaser, related links, comments, footer
    (page,) = good(read(MIXED / "de_stadtwerke_strompreise.html"))
    for noise in ("Cookies", "Alle akzeptieren", "Wirtschaft", "Teilen", "Jetzt testen",
                  "Mehr zum Thema", "Fernwärme: Stadtwerke wollen", "Lindenauer1972", "Solardach",
                  "Impressum", "Newsletter"):
        assert noise not in page.text, noise
    lines = page.text.split("\n")
    assert lines[0].startswith("Die Stadtwerke Lindenau erhöhen zum 1. Januar")
    assert "Verbraucherzentrale rät zum Vergleich" in lines  # the subheading stays a line
    assert lines[-1].startswith("Für Haushalte mit geringem Einkommen")


def test_japanese_page_text() -> None:
    (page,) = good(read(MIXED / "ja_minato_gomi_sjis.html"))
    assert "ＡＩで決める配車システム" in page.text
    assert "関連記事" not in page.text and "無断転載" not in page.text and "アクセスランキング" not in page.text


def test_markdown_markup_is_stripped() -> None:
    lines, title = _markdown_to_lines("# Head *one*\n\nSee [the report](http://x) and **this**.\n\n- a\n- b\n\n> quoted\n")
    assert title == "Head one"
    assert lines == ["Head one", "See the report and this.", "a", "b", "quoted"]


def test_folder_lists_and_ignores() -> None:
    files, ignored = list_source_files([MIXED])
    assert sorted(p.name for p in ignored) == ["main.css", "zaehler.jpg"]  # the saved page's assets
    assert MIXED / "wire" / "en_hikers_agency.txt" in files  # subfolders are searched


def test_missing_source() -> None:
    with pytest.raises(CorpusError, match="import source not found"):
        list_source_files([IMPORT / "nowhere"])


def test_login_wall_has_no_text() -> None:
    (problem,) = read(IMPORT / "broken" / "login_wall.html")
    assert isinstance(problem, BadRecord) and problem.line is None
    assert str(problem).startswith(str(IMPORT / "broken" / "login_wall.html") + ": no article text found")


@pytest.mark.parametrize(
    "name, data, where, reason",
    [
        # a JSON line cut off by the scraper
        ("a.jsonl", b'{"text": "ok one"}\n{"text": "cut of\n', "line 2", "not valid JSON"),
        # a JSON value that is not an object
        ("b.jsonl", b'{"text": "ok"}\n\n[1, 2]\n', "line 3", "is a JSON list, not an object"),
        # no field that can be the text
        ("c.jsonl", b'{"headline": "x", "summary": "y"}\n', "line 1", "has no text column (columns: headline, summary)"),
        ("d.jsonl", b'{"text": null}\n', "line 1", "empty text"),
        # a row with fewer fields than the header
        ("e.csv", b"title,text\nA,full text\nB\n", "line 3", "has 1 fields, the header has 2"),
        # an unterminated quote swallows the rest: said so
        ("f.csv", b'title,text\nA,"never closed\nB,x\n', "line 2", "the rest of the file was not read"),
        ("g.csv", b"title;summary\nA;B\n", "line 1", "has no text column (columns: title, summary)"),
        ("h.txt", b"\n \n", None, "is empty"),
        ("i.txt", b"\x89PNG\r\n\x1a\nrest", None, "is not a text file"),  # the decoder's verdict
        ("j.txt", "Straße ".encode() + b"\xe4" + "ö".encode() * 10, None, "is UTF-8 except for 1 invalid byte"),
        ("k.docx", b"PK\x03\x04", None, "unsupported file type '.docx'"),
        ("l.parquet", b"not parquet at all", None, "cannot be read as Parquet"),
        ("m.md", b"---\ntitle: [unclosed\n---\nBody\n", "line 1", "front matter is not valid YAML"),
        ("n.json", b'{"articles": [{"text": "a"}, {"body": ""}]}', "item 2", "empty text"),
        ("o.json", b'[{"text": "a"},', "line 1", "not valid JSON"),
    ],
)
def test_bad_input_names_file_and_line(tmp_path: Path, name: str, data: bytes, where: str | None, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    problems = bad(read(path))
    assert problems, "no bad record"
    expected = f"{path}, {where}" if where else str(path)
    assert problems[0].where == expected and reason in problems[0].reason


@pytest.mark.parametrize(
    "data, delimiter_note",
    [
        ("title,text\nA,Alpha text\n".encode("utf-8-sig"), "comma, UTF-8 with BOM"),
        ("title;text\nA;Alpha text\n".encode("utf-16-le"), "semicolon, UTF-16 LE without BOM"),
        ("title;text\nA;Alpha text\n".encode("utf-16-be"), "semicolon, UTF-16 BE without BOM"),
        ("title\ttext\nA\tAlpha text\n".encode("utf-16"), "tab, UTF-16 with BOM"),
        ("見出し;本文\nＡ;アルファの本文です。日本語の記事。\n".encode("cp932"), "semicolon, Shift_JIS, Japanese header"),
        ("title|text\r\nA|Alpha text\r\n".encode("utf-8"), "pipe, CRLF"),
    ],
)
def test_csv_dialects_and_encodings(tmp_path: Path, data: bytes, delimiter_note: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    (record,) = read(path)
    assert isinstance(record, Record), delimiter_note
    assert record.title in ("A", "Ａ") and record.text.startswith(("Alpha", "アルファ"))


def test_mapping_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "teaser", "fulltext": "The full story.", "meta": {"outlet": {"name": "Wire"}}, '
                    '"when": "13.08.2024"}\n', "utf-8")
    (record,) = read(path, {"text": "fulltext", "source": "meta.outlet", "date": "when"})
    assert (record.text, record.publisher, record.published) == ("The full story.", "Wire", "2024-08-13")


def test_mapping_to_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("headline,content\nA,B\n", "utf-8")
    (problem,) = read(path, {"text": "body"})
    assert problem.where == f"{path}, line 1" and "has no column 'body' for text" in problem.reason


def test_unknown_mapping_field() -> None:
    with pytest.raises(ArgumentError, match="unknown field 'author'"):
        ColumnResolver({"author": "by"})


def test_parquet_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pd.DataFrame({"body": ["one", "", "three"], "headline": ["A", "B", "C"]}).to_parquet(path)
    items = read(path)
    assert [r.line for r in good(items)] == [1, 3] and bad(items)[0].where == f"{path}, row 2"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-03-06T05:12:00Z", "2025-03-06T05:12+00:00"),   # ISO with Z
        ("2024-07-20T11:00:00+09:00", "2024-07-20T11:00+09:00"),  # the offset is kept, not moved to UTC
        ("19.11.2024", "2024-11-19"),                           # German
        ("19.11.2024, 06:30", "2024-11-19T06:30"),
        ("2025/02/10", "2025-02-10"), ("2025年1月28日 10時15分", "2025-01-28T10:15"),  # Japanese
        ("Tue, 13 Aug 2024 10:00:00 GMT", "2024-08-13T10:00+00:00"),  # RSS
        ("1700000000", "2023-11-14T22:13+00:00"),               # Unix seconds
        ("2024-10", "2024-10"),                                 # a month stays a month
        ("Frühjahr 2024", "Frühjahr 2024"),                     # not guessed: kept verbatim
        ("31.02.2024", "31.02.2024"),                           # impossible date: kept verbatim
        (pd.Timestamp("2025-02-20 08:00"), "2025-02-20T08:00"), (pd.NaT, ""), (None, ""),
    ],
)
def test_clean_date(value: object, expected: str) -> None:
    assert clean_date(value) == expected


def test_bom_variants_of_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Überschrift\nDer Text.\n".encode())
    (record,) = read(path)
    assert record.title == "Überschrift" and record.encoding == "utf-8-sig"
