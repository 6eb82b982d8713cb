"""Bad input through the front door: a matrix of generated files, each loaded
with ``newskit.load_corpus``.

Every case says which of two outcomes happens, and nothing else may:

* ``Loads(text)``: the corpus loads and the document's text is exactly
  ``text`` (line ends normalised to ``\\n``, a BOM dropped, and the Unicode
  normalisation of the README: NFC, half-width katakana widened, invisible
  format characters removed, full-width ASCII folded — nothing else);
* ``Warns(text, problem)``: the same, and a :class:`newskit.CorpusWarning`
  naming the file says ``problem``;
* ``Raises(file, problem)``: a :class:`newskit.CorpusError` whose message
  names ``file`` (relative to the corpus folder) and contains ``problem``.

A raw ``UnicodeDecodeError``/``KeyError`` or silently garbled text (mojibake,
a lost newline in a catalog note) fails the test.  All files are written to
``tmp_path``; nothing under ``data/`` is touched.

Decision recorded here: UTF-16 *without* a BOM is rejected as binary (its
ASCII characters carry NUL bytes).  That is loud and names the file; guessing
the byte order of BOM-less UTF-16 is not worth the risk of garbling.
"""

from __future__ import annotations

import codecs
import os
import socket
import stat
import subprocess
import sys
import textwrap
import time
import unicodedata
import warnings
from dataclasses import dataclass, field

import pytest

import newskit
from newskit.config import DEFAULT_MAX_FILE_BYTES, MAX_FILE_BYTES_ENV
from newskit.errors import CorpusError, CorpusWarning
from newskit.scale.streaming import count_terms_streaming

from tests.builders import write_corpus

JA = "マスク氏はxAIに60億ドルを調達した。\nテスラの株主少なくとも3名が訴訟を起こしている。\n"
DE = "Mindestens drei Tesla-Aktionäre haben „Klagen“ eingereicht – 6 Milliarden €.\nÜber Grok.\n"
DE_LATIN1 = "Drei Tesla-Aktionäre klagen: »Größe« zählt.\nÜber Grok, xAI und Müller.\n"
#: Japanese prose dense with English names: 80 % of its *letters* are Latin,
#: yet it is Japanese (every particle, verb and sentence end is).
MIXED = "マスク氏はxAIのGrok-1.5VをOpenAIのChatGPT、AnthropicのClaude、MetaのLlama 2と比較した。\n" * 3
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
ZIP = b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml"
ONE_LINE_BYTES = 10 * 1024 * 1024
JA_SENTENCE = "マスク氏はxAIを設立した。"  # repeated into a 10 MB line
#: Indonesian news text (two sentences, 160 letters): long enough for the
#: detector's contradiction to be an error.
ID = ("Banjir yang melanda sejumlah kecamatan di Kabupaten Bekasi sejak Sabtu malam memaksa lebih dari dua "
      "ribu warga mengungsi. Bantuan makanan dan obat-obatan telah dikirim ke posko pengungsian.\n")
#: One German sentence (64 letters): a contradiction on it is only a warning.
DE_SENTENCE = "Die Bundesregierung beschloss am Mittwoch neue Regeln für den Datenschutz.\n"
FR = ("Le conseil municipal a voté mardi la fermeture de deux bibliothèques publiques au printemps prochain, "
      "en invoquant un déficit budgétaire de plusieurs millions d'euros. Les habitants craignent pour leurs "
      "enfants.\n")
#: macOS-style decomposed kana: 9 (semi-)voiced kana (ダ で が げ / デ パ で ボ が), each two code points.
JA_NFC = "ダイヤ改正で終電が繰り下げ。\n東京のデパートで冬のボーナス商戦が始まる。\n"
#: Generous bound for loading a 10 MB line (measured: 0.1-0.2 s; 1.2-2.7 s
#: before the script check counted characters with numpy).
LOAD_SECONDS = 10


@dataclass(frozen=True)
class Loads:
    """Expected: the corpus loads; document ``a`` has exactly ``text``."""

    text: str
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # expected catalog cells of row ``a``


@dataclass(frozen=True)
class Warns:
    """Expected: loads with ``text`` and warns about ``problem``, naming raw/a.txt."""

    text: str
    problem: str


@dataclass(frozen=True)
class Raises:
    """Expected: CorpusError naming ``file`` (relative to the corpus root)."""

    file: str
    problem: str


def check_outcome(root, expected) -> None:
    """Load the corpus under ``root`` and compare with ``expected``."""
    root = root.resolve()
    if isinstance(expected, Raises):
        with pytest.raises(CorpusError) as info:
            newskit.load_corpus(root)
        message = str(info.value)
        assert info.value.path == root / expected.file, message
        assert str(root / expected.file) in message
        assert expected.problem in message
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = newskit.load_corpus(root)
    ours = [w.message for w in caught if isinstance(w.message, CorpusWarning)]
    if isinstance(expected, Warns):
        assert len(ours) == 1 and ours[0].path == root / "raw" / "a.txt" and expected.problem in str(ours[0]), ours
        assert corpus.texts["a"] == expected.text
        return
    assert ours == []
    assert corpus.texts["a"] == expected.text
    row = corpus.documents.set_index("doc_id").loc["a"]
    if expected.encoding:
        assert row["encoding"] == expected.encoding
    for column, value in expected.meta.items():
        assert row[column] == value, column


# --- article files -------------------------------------------------------------

DOCUMENT_CASES = [
    # plain UTF-8, the common case (baseline of the matrix)
    pytest.param(JA.encode(), "ja", Loads(JA, "utf-8"), id="utf8"),
    # Windows Notepad's "UTF-8 with BOM": the BOM is dropped, not kept as U+FEFF
    pytest.param(codecs.BOM_UTF8 + JA.encode(), "ja", Loads(JA, "utf-8-sig"), id="utf8-bom"),
    # UTF-16 LE with BOM (Notepad's "Unicode")
    pytest.param(codecs.BOM_UTF16_LE + JA.encode("utf-16-le"), "ja", Loads(JA, "utf-16"), id="utf16le-bom"),
    # UTF-16 BE with BOM
    pytest.param(codecs.BOM_UTF16_BE + JA.encode("utf-16-be"), "ja", Loads(JA, "utf-16"), id="utf16be-bom"),
    # UTF-16 with BOM and Windows line ends: both handled
    pytest.param(codecs.BOM_UTF16_LE + DE.replace("\n", "\r\n").encode("utf-16-le"), "de", Loads(DE, "utf-16"), id="utf16-crlf"),
    # UTF-32 with BOM
    pytest.param(codecs.BOM_UTF32_LE + JA.encode("utf-32-le"), "ja", Loads(JA, "utf-32"), id="utf32-bom"),
    # BOM-less UTF-16 LE: rejected as binary (NUL bytes) - documented, loud outcome
    pytest.param(JA.encode("utf-16-le"), "ja", Raises("raw/a.txt", "NUL bytes"), id="utf16le-no-bom"),
    # BOM-less UTF-16 BE of German text: the same
    pytest.param(DE.encode("utf-16-be"), "de", Raises("raw/a.txt", "NUL bytes"), id="utf16be-no-bom"),
    # UTF-16 with BOM cut off after an odd number of bytes
    pytest.param(codecs.BOM_UTF16_LE + JA.encode("utf-16-le")[:-1], "ja", Raises("raw/a.txt", "is not valid utf-16"), id="utf16-truncated"),
    # Shift_JIS, read as its superset CP932
    pytest.param(JA.encode("shift_jis"), "ja", Loads(JA, "cp932"), id="shift-jis"),
    # CP932 with NEC vendor characters (①②, ㈱) that plain Shift_JIS lacks
    pytest.param(("①" + JA + "②㈱テスラ\n").encode("cp932"), "ja", Loads("①" + JA + "②㈱テスラ\n", "cp932"), id="cp932-vendor"),
    # EUC-JP from old Unix archives
    pytest.param(JA.encode("euc_jp"), "ja", Loads(JA, "euc_jp"), id="euc-jp"),
    # Latin-1 German (ä ö ü ß » «): CP1252 decodes these bytes identically
    pytest.param(DE_LATIN1.encode("latin-1"), "de", Loads(DE_LATIN1, "cp1252"), id="latin1-de"),
    # CP1252 German with „ “ – € (bytes 0x80-0x9f, not in Latin-1)
    pytest.param(DE.encode("cp1252"), "de", Loads(DE, "cp1252"), id="cp1252-de"),
    # Windows line ends
    pytest.param(DE.replace("\n", "\r\n").encode(), "de", Loads(DE, "utf-8"), id="crlf"),
    # old Mac line ends
    pytest.param(DE.replace("\n", "\r").encode(), "de", Loads(DE, "utf-8"), id="cr"),
    # all three line ends in one file (files pasted together)
    pytest.param(b"Erste Zeile.\r\nZweite Zeile.\rDritte Zeile.\n", "de", Loads("Erste Zeile.\nZweite Zeile.\nDritte Zeile.\n"), id="mixed-line-ends"),
    # astral-plane characters (emoji, the 𠮷 variant kanji) survive
    pytest.param("𠮷野家でxAIの🚀を語る。\n".encode(), "ja", Loads("𠮷野家でxAIの🚀を語る。\n"), id="astral"),
    # leading/trailing blank lines and indentation are kept in the text
    pytest.param(b"\n\n  Musk baut xAI.  \n\n", "de", Loads("\n\n  Musk baut xAI.  \n\n"), id="blank-lines"),
    # NUL bytes inside UTF-8 text
    pytest.param(b"Musk baut\x00 xAI.\n", "de", Raises("raw/a.txt", "NUL bytes"), id="nul-bytes"),
    # empty file
    pytest.param(b"", "de", Raises("raw/a.txt", "is empty (0 bytes)"), id="empty"),
    # whitespace only: spaces, tabs, CRLF and an ideographic space
    pytest.param(" \t\r\n\u3000\n".encode(), "ja", Raises("raw/a.txt", "contains only whitespace"), id="whitespace-only"),
    # nothing but a BOM
    pytest.param(codecs.BOM_UTF8, "de", Raises("raw/a.txt", "contains only whitespace"), id="bom-only"),
    # a PNG image saved as .txt
    pytest.param(PNG, "de", Raises("raw/a.txt", "PNG image"), id="png"),
    # a .docx (ZIP) renamed to .txt
    pytest.param(ZIP, "de", Raises("raw/a.txt", "ZIP archive"), id="zip"),
    # a PDF renamed to .txt
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "de", Raises("raw/a.txt", "PDF document"), id="pdf"),
    # Japanese with lots of English names: loads as Japanese, unchanged
    pytest.param(MIXED.encode(), "ja", Loads(MIXED, "utf-8"), id="mixed-scripts-ja"),
    # the same text declared de: refused (it used to load and tokenize as garbage)
    pytest.param(MIXED.encode(), "de", Raises("raw/a.txt", "mostly Japanese"), id="mixed-scripts-as-de"),
    # Japanese text declared de
    pytest.param(JA.encode(), "de", Raises("raw/a.txt", "declared 'de' (German) but its text is mostly Japanese"), id="ja-as-de"),
    # German text declared ja
    pytest.param(DE.encode(), "ja", Raises("raw/a.txt", "mostly Latin-script"), id="de-as-ja"),
    # digits and punctuation only: no script to check against the language
    pytest.param(b"2024-08-13 12:00 +++ 60 %\n", "id", Raises("raw/a.txt", "no Japanese or Latin letters"), id="no-letters"),
    # UTF-8 German with one stray Latin-1 byte: refused (used to load as CP1252 mojibake "AktionÃ¤re")
    pytest.param(DE.encode() + b"Caf\xe9\n", "de", Raises("raw/a.txt", "is UTF-8 except for 1 invalid byte(s)"), id="utf8-stray-byte"),
    # UTF-8 cut off in the middle of a character (a truncated download)
    pytest.param(JA.encode()[:-2], "ja", Raises("raw/a.txt", "unexpected end of data"), id="utf8-truncated"),
    # bytes no candidate codec turns into letters of the declared script
    pytest.param(b"\x81\x8d\x8f\x90\x9d\x80" * 3, "de", Raises("raw/a.txt", "cannot tell its text encoding"), id="undecodable"),
    # --- Unicode normalisation at load (the raw file keeps its bytes) ---
    # macOS NFD: composed to NFC; normalized = 9 kana x 2 code points = 18
    pytest.param(unicodedata.normalize("NFD", JA_NFC).encode(), "ja", Loads(JA_NFC, meta={"normalized": 18}), id="nfd-ja"),
    # NFD German umlauts (2 x 2 code points = 4)
    pytest.param("Gro\u0308\u00dfe Mu\u0308nze.\n".encode(), "de", Loads("Größe Münze.\n", meta={"normalized": 4}), id="nfd-de"),
    # half-width katakana from old Shift_JIS systems: ｸﾞﾛｯｸ (5) + ｽﾏｰﾄﾌｫﾝ (7) = 12 characters widened
    pytest.param("ｸﾞﾛｯｸのｽﾏｰﾄﾌｫﾝ決済が広がる。\n".encode("cp932"), "ja",
                 Loads("グロックのスマートフォン決済が広がる。\n", meta={"normalized": 12, "encoding": "cp932"}), id="hankaku-sjis"),
    # zero-width space, a joiner between letters and a soft hyphen: 3 removed
    pytest.param("Grok\u200b 2 kommt: xA\u200dI und Ener\u00adgie.\n".encode(), "de",
                 Loads("Grok 2 kommt: xAI und Energie.\n", meta={"normalized": 3}), id="zero-width"),
    # full-width letters and digits in Japanese: ＧＰＵ２０２４ + ｘＡＩ = 10 to ASCII; ！ stays
    pytest.param("ＧＰＵ２０２４年、ｘＡＩは新しいモデルを発表した！\n".encode(), "ja",
                 Loads("GPU2024年、xAIは新しいモデルを発表した！\n", meta={"normalized": 10}), id="fullwidth-ja"),
    # full-width ASCII in German (an input-method slip): all of it, ！ too: 4 + 3 + 1 = 8
    pytest.param("Ｍｕｓｋ baut ｘＡＩ！\n".encode(), "de", Loads("Musk baut xAI!\n", meta={"normalized": 8}), id="fullwidth-de"),
    # --- language at load ---
    # Indonesian text declared de: the case issue 11 names (used to load silently)
    pytest.param(ID.encode(), "de", Raises("raw/a.txt", "declared 'de' (German) but the text reads as Indonesian"), id="id-as-de"),
    # one German sentence declared en: too little text to refuse, a warning names the file
    pytest.param(DE_SENTENCE.encode(), "en", Warns(DE_SENTENCE, "declared 'en' (English) but the text reads as German"), id="de-sentence-as-en"),
    # auto: the language is detected
    pytest.param(ID.encode(), "auto", Loads(ID, meta={"lang": "id", "lang_source": "detected", "lang_detected": "id"}), id="auto-id"),
    # auto on a text too short to tell
    pytest.param(b"Musk baut xAI.\n", "auto", Raises("raw/a.txt", "cannot be detected: too short to detect"), id="auto-too-short"),
    # auto on a language the kit does not support
    pytest.param(FR.encode(), "auto", Raises("raw/a.txt", "reads as French (fr), which the kit does not support"), id="auto-french"),
    # a French article declared en: refused
    pytest.param(FR.encode(), "en", Raises("raw/a.txt", "declared 'en' (English) but the text reads as French"), id="fr-as-en"),
]


@pytest.mark.parametrize("data, lang, expected", DOCUMENT_CASES)
def test_article_file(tmp_path, data, lang, expected):
    root = write_corpus(tmp_path, f"doc_id,file,lang\na,raw/a.txt,{lang}\n", {"raw/a.txt": data})
    check_outcome(root, expected)


# --- the catalog -----------------------------------------------------------------

GOOD_FILE = {"raw/a.txt": b"Musk baut xAI.\n"}
GOOD_TEXT = "Musk baut xAI.\n"
TWO_FILES = {**GOOD_FILE, "raw/b.txt": b"Grok kommt.\n"}
JA_FILE = {"raw/a.txt": JA.encode()}
SJIS_CATALOG = "doc_id,file,lang,title\na,raw/a.txt,ja,イーロン・マスクのxAI\n"
MIXED_CATALOG = SJIS_CATALOG + "b,raw/b.txt,de,Grok kommt\n"

CATALOG_CASES = [
    # no doc_id column
    pytest.param(b"file,lang\nraw/a.txt,de\n", GOOD_FILE, Raises("catalog.csv", "missing required column(s) doc_id"), id="no-doc-id-column"),
    # no file and no lang column
    pytest.param(b"doc_id,title\na,T\n", GOOD_FILE, Raises("catalog.csv", "missing required column(s) file, lang"), id="no-file-lang-columns"),
    # German Excel saves CSV with semicolons: read as such (it used to be one column "doc_id;file;lang")
    pytest.param(b"doc_id;file;lang;title\na;raw/a.txt;de;Grok, xAI\n", GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Grok, xAI"}), id="semicolons"),
    # tab-separated (Excel's "Text (Tab delimited)")
    pytest.param(b"doc_id\tfile\tlang\ttitle\na\traw/a.txt\tde\tGrok; xAI\n", GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Grok; xAI"}), id="tabs"),
    # Excel's German "CSV UTF-8": BOM and semicolons
    pytest.param(codecs.BOM_UTF8 + "doc_id;file;lang;title\na;raw/a.txt;de;Über Grok\n".encode(), GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Über Grok"}), id="semicolons-utf8-bom"),
    # separated by spaces: refused, saying which separators work
    pytest.param(b"doc_id file lang\na raw/a.txt de\n", GOOD_FILE, Raises("catalog.csv", "separated by commas, semicolons or tabs"), id="space-separated"),
    # the second row's file does not exist: the error names that file
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,de\nb,raw/missing.txt,de\n", GOOD_FILE, Raises("raw/missing.txt", "file not found"), id="missing-file"),
    # 'file' names a folder: said so (it used to be "file not found")
    pytest.param(b"doc_id,file,lang\na,raw,de\n", GOOD_FILE, Raises("raw", "is a directory, not a regular file"), id="file-is-folder"),
    # duplicate doc_id
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,de\na,raw/b.txt,de\n", TWO_FILES, Raises("catalog.csv", "row 3: duplicate doc_id 'a' (first used in row 2)"), id="duplicate-id"),
    # blank rows: empty lines, rows of commas, whitespace-only cells
    pytest.param(b"doc_id,file,lang\n\n,,\n \t, ,\na,raw/a.txt,de\n\n", GOOD_FILE, Loads(GOOD_TEXT), id="blank-rows"),
    # extra columns are kept as metadata
    pytest.param(b"doc_id,file,lang,title,my_note\na,raw/a.txt,de,Grok,x\n", GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Grok", "my_note": "x"}), id="extra-columns"),
    # a column called "row" is kept too (it used to clash with the internal row number)
    pytest.param(b"doc_id,file,lang,row\na,raw/a.txt,de,7\n", GOOD_FILE, Loads(GOOD_TEXT, meta={"row": "7"}), id="column-named-row"),
    # trailing empty columns from a spreadsheet export are dropped
    pytest.param(b"doc_id,file,lang,,\na,raw/a.txt,de,,\n", GOOD_FILE, Loads(GOOD_TEXT), id="trailing-empty-columns"),
    # an unnamed column that holds data
    pytest.param(b"doc_id,file,lang,\na,raw/a.txt,de,oops\n", GOOD_FILE, Raises("catalog.csv", "column 4 has no name"), id="unnamed-column-with-data"),
    # two columns with one name: one value would be dropped silently
    pytest.param(b"doc_id,file,lang,title,title\na,raw/a.txt,de,T1,T2\n", GOOD_FILE, Raises("catalog.csv", "duplicate column name(s) title"), id="duplicate-column"),
    # a country code instead of a language code: the suggestion, with the row
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,jp\n", GOOD_FILE, Raises("catalog.csv", "row 2 (a): unknown language 'jp': JP is the country code of Japan: did you mean 'ja'?"), id="lang-jp"),
    # upper case and padding: mapped to the code
    pytest.param(b"doc_id,file,lang\na,raw/a.txt, DE \n", GOOD_FILE, Loads(GOOD_TEXT, meta={"lang": "de", "lang_source": "declared"}), id="lang-upper-case"),
    # a three-letter code, a region tag, the language's own name
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,ger\nb,raw/b.txt,de-AT\nc,raw/c.txt,Deutsch\n", {**TWO_FILES, "raw/c.txt": b"Musk baut.\n"}, Loads(GOOD_TEXT, meta={"lang": "de"}), id="lang-spellings"),
    # a typo in a language name
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,Deutch\n", GOOD_FILE, Raises("catalog.csv", "row 2 (a): unknown language 'Deutch': did you mean 'de' (German)?"), id="lang-typo"),
    # a language the tokenizers do not cover
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,zh\n", GOOD_FILE, Raises("catalog.csv", "Chinese (zh) is not supported"), id="lang-zh"),
    # empty lang cell: detected, but this text is too short to tell
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,\n", GOOD_FILE, Raises("raw/a.txt", "has no language in the catalog"), id="lang-empty-short"),
    # empty lang cell on a real paragraph: detected
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,\n", {"raw/a.txt": ID.encode()}, Loads(ID, meta={"lang": "id", "lang_source": "detected"}), id="lang-empty-detected"),
    # a row with more fields than the header
    pytest.param(b"doc_id,file,lang\na,raw/a.txt,de,extra\n", GOOD_FILE, Raises("catalog.csv", "row 2 has 4 fields, the header has 3"), id="ragged-row"),
    # header only
    pytest.param(b"doc_id,file,lang\n", GOOD_FILE, Raises("catalog.csv", "lists no documents"), id="header-only"),
    # empty catalog file
    pytest.param(b"", GOOD_FILE, Raises("catalog.csv", "is empty"), id="empty-catalog"),
    # an unterminated quote (used to be read as a note that swallows later rows)
    pytest.param(b'doc_id,file,lang,title\na,raw/a.txt,de,"unterminated\n', GOOD_FILE, Raises("catalog.csv", "is not valid CSV (line 2)"), id="unterminated-quote"),
    # a quoted note spanning two lines keeps its newline (it used to be dropped)
    pytest.param(b'doc_id,file,lang,notes\na,raw/a.txt,de,"line one\nline two"\n', GOOD_FILE, Loads(GOOD_TEXT, meta={"notes": "line one\nline two"}), id="multiline-note"),
    # U+2028 in a title pasted from the web (used to split the row in two)
    pytest.param("doc_id,file,lang,title\na,raw/a.txt,de,Grok\u2028kommt\n".encode(), GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Grok\u2028kommt"}), id="u2028-in-title"),
    # Excel's "CSV UTF-8" adds a BOM: the first column is still doc_id
    pytest.param(codecs.BOM_UTF8 + b"doc_id,file,lang\na,raw/a.txt,de\n", GOOD_FILE, Loads(GOOD_TEXT), id="catalog-bom"),
    # Excel's plain "CSV" on Windows is CP1252
    pytest.param("doc_id,file,lang,title\na,raw/a.txt,de,Über „Grok“\n".encode("cp1252"), GOOD_FILE, Loads(GOOD_TEXT, meta={"title": "Über „Grok“"}), id="catalog-cp1252"),
    # Japanese Excel's "CSV" is Shift_JIS: issue 10 item 6 (read as C[E}XNÌxAI before)
    pytest.param(SJIS_CATALOG.encode("shift_jis"), JA_FILE, Loads(JA, meta={"title": "イーロン・マスクのxAI"}), id="catalog-shift-jis"),
    # a one-title Shift_JIS catalog that charset detection alone reads as Latin-1 ("Grok 2 oê")
    pytest.param("doc_id,file,lang,title\na,raw/a.txt,ja,Grok 2 登場\n".encode("shift_jis"), JA_FILE, Loads(JA, meta={"title": "Grok 2 登場"}), id="catalog-shift-jis-short"),
    # EUC-JP (old Unix archives), a title charset detection alone reads as CP1252 ("¥Þ¥¹¥¯")
    pytest.param("doc_id,file,lang,title\na,raw/a.txt,ja,マスク\n".encode("euc_jp"), JA_FILE, Loads(JA, meta={"title": "マスク"}), id="catalog-euc-jp"),
    # Shift_JIS with ja and de rows (de titles ASCII, as CP932 has no umlauts): the Japanese reading fits its rows
    pytest.param(MIXED_CATALOG.encode("cp932"), {**JA_FILE, "raw/b.txt": b"Grok kommt.\n"}, Loads(JA, meta={"title": "イーロン・マスクのxAI"}), id="catalog-cp932-mixed-rows"),
    # ja and de rows whose only non-ASCII character is a symbol (①): no reading fits better, refused with what to do
    pytest.param(MIXED_CATALOG.replace("イーロン・マスクのxAI", "Grok ①").encode("cp932"), {**JA_FILE, "raw/b.txt": b"Grok kommt.\n"}, Raises("catalog.csv", "re-save it as UTF-8 (Excel: File > Save As > 'CSV UTF-8"), id="catalog-undecidable"),
    # UTF-16 LE with BOM, tab-separated: Excel's "Unicode Text"
    pytest.param(codecs.BOM_UTF16_LE + SJIS_CATALOG.replace(",", "\t").encode("utf-16-le"), JA_FILE, Loads(JA, meta={"title": "イーロン・マスクのxAI"}), id="catalog-utf16-bom-tabs"),
    # UTF-16 LE without BOM (some Windows exports)
    pytest.param(SJIS_CATALOG.encode("utf-16-le"), JA_FILE, Loads(JA, meta={"title": "イーロン・マスクのxAI"}), id="catalog-utf16le-no-bom"),
    # UTF-16 BE without BOM, semicolons
    pytest.param(SJIS_CATALOG.replace(",", ";").encode("utf-16-be"), JA_FILE, Loads(JA, meta={"title": "イーロン・マスクのxAI"}), id="catalog-utf16be-no-bom"),
    # UTF-8 (5 good characters) with one damaged byte: refused (not read as Windows-1252 mojibake)
    pytest.param("doc_id,file,lang,title\na,raw/a.txt,de,Über Größe und Jäger\n".encode() + b"b,raw/b.txt,de,Caf\xe9\n", TWO_FILES, Raises("catalog.csv", "is UTF-8 except for 1 invalid byte(s)"), id="catalog-damaged-utf8"),
    # a PNG saved as catalog.csv
    pytest.param(PNG, GOOD_FILE, Raises("catalog.csv", "PNG image"), id="catalog-png"),
    # a path leaving the corpus folder
    pytest.param(b"doc_id,file,lang\na,../a.txt,de\n", GOOD_FILE, Raises("catalog.csv", "must be a path inside the corpus folder"), id="path-escapes"),
    # an absolute path
    pytest.param(b"doc_id,file,lang\na,/etc/hostname,de\n", GOOD_FILE, Raises("catalog.csv", "must be a path inside the corpus folder"), id="absolute-path"),
    # a doc_id that is not a slug
    pytest.param(b"doc_id,file,lang\nmy doc,raw/a.txt,de\n", GOOD_FILE, Raises("catalog.csv", "must be a short slug"), id="id-not-slug"),
]


@pytest.mark.parametrize("catalog, files, expected", CATALOG_CASES)
def test_catalog(tmp_path, catalog, files, expected):
    root = write_corpus(tmp_path, "", files)
    (root / "catalog.csv").write_bytes(catalog)
    check_outcome(root, expected)


def test_no_catalog(tmp_path):
    # a corpus folder without catalog.csv
    root = write_corpus(tmp_path, "", GOOD_FILE)
    (root / "catalog.csv").unlink()
    check_outcome(root, Raises("catalog.csv", "catalog not found"))


# --- links, file kinds and sizes (issue 10, items 2 and 11) --------------------------
#
# Each case builds its special file with a function of the corpus folder; the
# catalog is always ``a,raw/a.txt,de`` unless the case names another file.

def _link(target):
    """``raw/a.txt`` becomes a symbolic link to ``target`` (a function of the root)."""
    def make(root):
        (root / "raw" / "a.txt").unlink()
        (root / "raw" / "a.txt").symlink_to(target(root))
    return make


def _raw_folder_to_etc(root):
    # the whole raw/ folder is a link to /etc; the catalog row names raw/passwd
    (root / "raw" / "a.txt").unlink()
    (root / "raw").rmdir()
    (root / "raw").symlink_to("/etc")
    (root / "catalog.csv").write_text("doc_id,file,lang\na,raw/passwd,en\n", "utf-8")


def _fifo(root):
    (root / "raw" / "a.txt").unlink()
    os.mkfifo(root / "raw" / "a.txt")


def _socket(root):
    (root / "raw" / "a.txt").unlink()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "raw" / "a.txt"))  # the socket file stays after closing


def _char_device(root):
    (root / "raw" / "a.txt").unlink()
    try:
        os.mknod(root / "raw" / "a.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("mknod is not permitted here")


def _sparse(size, name="raw/a.txt"):
    """``name`` becomes a sparse file of ``size`` bytes (nothing big is written)."""
    def make(root):
        with open(root / name, "r+b" if (root / name).exists() else "wb") as handle:
            handle.truncate(size)
    return make


def _inside_link(root):
    # a link that stays inside the corpus folder is fine
    (root / "shared").mkdir()
    (root / "raw" / "a.txt").rename(root / "shared" / "a.txt")
    (root / "raw" / "a.txt").symlink_to("../shared/a.txt")


FILE_KIND_CASES = [
    # raw/a.txt -> /etc/passwd: used to load /etc/passwd silently
    pytest.param(_link(lambda root: "/etc/passwd"), Raises("raw/a.txt", "leads outside the corpus folder"), id="link-to-etc-passwd"),
    # raw -> /etc: the folder itself leads out
    pytest.param(_raw_folder_to_etc, Raises("raw/passwd", "leads outside the corpus folder"), id="raw-folder-is-link-to-etc"),
    # a link to /proc/self/status (a "regular" file of size 0 that reads as text)
    pytest.param(_link(lambda root: "/proc/self/status"), Raises("raw/a.txt", "leads outside the corpus folder"), id="link-to-proc"),
    # a relative link climbing out of the corpus (to a file beside the corpus folder)
    pytest.param(_link(lambda root: _outside_file(root)), Raises("raw/a.txt", "leads outside the corpus folder"), id="relative-link-out"),
    # a link to a file inside the corpus: loads
    pytest.param(_inside_link, Loads(GOOD_TEXT), id="link-inside-corpus"),
    # a link to nothing: says so (not "file not found")
    pytest.param(_link(lambda root: "gone.txt"), Raises("raw/a.txt", "is a symbolic link to gone.txt, which does not exist"), id="dangling-link"),
    # a link to itself
    pytest.param(_link(lambda root: "a.txt"), Raises("raw/a.txt", "symbolic link loop"), id="link-loop"),
    # a named pipe: reading it would block forever; refused before opening
    pytest.param(_fifo, Raises("raw/a.txt", "is a named pipe (FIFO), not a regular file"), id="fifo"),
    # a Unix socket
    pytest.param(_socket, Raises("raw/a.txt", "is a socket, not a regular file"), id="socket"),
    # a character device inside the corpus folder
    pytest.param(_char_device, Raises("raw/a.txt", "is a character device, not a regular file"), id="char-device"),
    # an 8 GiB (sparse) article: refused by its size before a byte is read (used to end in MemoryError)
    pytest.param(_sparse(8 * 2**30), Raises("raw/a.txt", "is 8,589,934,592 bytes (8 GiB), over the limit of 268,435,456 bytes (256 MiB) per file"), id="article-8-gib"),
    # one byte over the default limit
    pytest.param(_sparse(DEFAULT_MAX_FILE_BYTES + 1), Raises("raw/a.txt", f"is {DEFAULT_MAX_FILE_BYTES + 1:,} bytes"), id="article-limit-plus-1"),
    # an 8 GiB catalog: the same limit, the same message
    pytest.param(_sparse(8 * 2**30, "catalog.csv"), Raises("catalog.csv", "over the limit of 268,435,456 bytes"), id="catalog-8-gib"),
]


def _outside_file(root):
    outside = root.parent / f"{root.name}-outside.txt"
    outside.write_text("Geheim.\n", "utf-8")
    return os.path.relpath(outside, root / "raw")


@pytest.mark.parametrize("make, expected", FILE_KIND_CASES)
def test_file_kind_and_size(tmp_path, make, expected):
    root = write_corpus(tmp_path / "corpus", "doc_id,file,lang\na,raw/a.txt,de\n", GOOD_FILE)
    make(root)
    check_outcome(root, expected)


@pytest.mark.parametrize("make", [_link(lambda root: "/etc/passwd"), _raw_folder_to_etc, _fifo], ids=["link-to-etc-passwd", "raw-folder-is-link-to-etc", "fifo"])
def test_streaming_reads_files_the_same_way(tmp_path, make):
    # the streaming counters read each file on the worker: the same checks apply there
    root = write_corpus(tmp_path / "corpus", "doc_id,file,lang\na,raw/a.txt,de\n", GOOD_FILE)
    make(root)
    with pytest.raises(CorpusError, match="leads outside the corpus folder|is a named pipe"):
        count_terms_streaming(root)


@pytest.mark.parametrize(
    "setting, size, limit",
    [
        ("1000", 1000, None),       # exactly at the limit: loads
        ("1000", 1001, 1000),       # one byte over: refused
        ("1K", 1025, 1024),         # binary suffixes: 1K = 1024 bytes
        ("2k", 1025, None),         # case does not matter (2048 bytes)
    ],
)
def test_size_limit_is_configurable(tmp_path, monkeypatch, setting, size, limit):
    monkeypatch.setenv(MAX_FILE_BYTES_ENV, setting)
    text = ("Musk baut xAI. " * 100)[:size - 1] + "\n"
    root = write_corpus(tmp_path, "doc_id,file,lang\na,raw/a.txt,de\n", {"raw/a.txt": text.encode()})
    if limit is None:
        check_outcome(root, Loads(text))
    else:
        check_outcome(root, Raises("raw/a.txt", f"over the limit of {limit:,} bytes"))


# --- size ------------------------------------------------------------------------------

LONG_LINE_CASES = [
    # 10 MB of Japanese with no line break
    pytest.param(JA_SENTENCE, "ja", id="ja"),
    # 10 MB of German with no line break
    pytest.param("Musk baut xAI und Grok. ", "de", id="de"),
]


@pytest.mark.parametrize("sentence, lang", LONG_LINE_CASES)
def test_ten_megabyte_line_loads_quickly(tmp_path, sentence, lang):
    line = sentence * (ONE_LINE_BYTES // len(sentence.encode()) + 1)
    root = write_corpus(tmp_path, f"doc_id,file,lang\na,raw/a.txt,{lang}\n", {"raw/a.txt": line.encode()})
    start = time.perf_counter()
    corpus = newskit.load_corpus(root)
    seconds = time.perf_counter() - start
    assert seconds < LOAD_SECONDS, f"loading a 10 MB line took {seconds:.1f}s"
    assert corpus.texts["a"] == line
    assert len(corpus.paragraphs) == 1 and corpus.paragraphs["text"].iloc[0] == line.strip()


#: Run in a child process: MeCab used to *segfault* on one string of about a
#: million characters (measured: 0.85 M fine, 1.0 M crashed), which would kill
#: pytest itself instead of failing a test.
TOKENIZE_CORPUS = textwrap.dedent("""
    import sys, time, newskit
    corpus = newskit.load_corpus(sys.argv[1])
    text = corpus.texts["a"]
    start = time.perf_counter()
    tokens = newskit.tokenize_corpus(corpus)
    seconds = time.perf_counter() - start
    sample = tokens.iloc[list(range(1000)) + list(range(-1000, 0))]
    assert all(text[s:e] == w for s, e, w in zip(sample["start"], sample["end"], sample["surface"]))
    assert "".join(tokens["surface"]) == text.strip(), "characters lost or invented"
    print(len(tokens), round(seconds, 1))
""")


@pytest.mark.slow
def test_ten_megabyte_japanese_line_tokenizes(tmp_path, record_property):
    # the 10 MB line through load_corpus + tokenize_corpus, as a notebook would
    # (measured: 5-10 s and 0.7 GB for 2.6 M tokens; MeCab is fed 20,000-character pieces)
    sentence = JA_SENTENCE
    line = sentence * (ONE_LINE_BYTES // len(sentence.encode()) + 1)
    root = write_corpus(tmp_path, "doc_id,file,lang\na,raw/a.txt,ja\n", {"raw/a.txt": line.encode()})
    done = subprocess.run([sys.executable, "-c", TOKENIZE_CORPUS, str(root)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode} (-11 = segfault):\n{done.stderr[-2000:]}"
    n_tokens, seconds = done.stdout.split()
    record_property("tokenize_seconds", float(seconds))
    # pieces are cut after 。, so every sentence is tokenized as it is alone
    assert int(n_tokens) == len(newskit.tokenize(sentence, "ja")) * (len(line) // len(sentence))
