"""Decoding of article files in every encoding researchers bring."""

from __future__ import annotations

import pytest

from newskit.io.decoding import decode_bytes, normalise_newlines, read_text
from newskit.errors import CorpusError

from tests.builders import TEST_DATA

ENC = TEST_DATA / "encodings"
JA_START = "マスク氏はxAIに60億ドルを調達した。\nテスラの株主"
DE_START = "Mindestens drei Tesla-Aktionäre haben"


@pytest.mark.parametrize(
    "name, lang, encoding, start",
    [
        ("ja_utf8.txt", "ja", "utf-8", JA_START),            # the common case
        ("ja_utf8_bom.txt", "ja", "utf-8-sig", JA_START),    # Windows Notepad's UTF-8 with BOM
        ("ja_utf16.txt", "ja", "utf-16", JA_START),          # UTF-16 LE with BOM
        ("ja_utf16be_bom.txt", "ja", "utf-16", JA_START),    # UTF-16 BE with BOM
        ("ja_shift_jis.txt", "ja", "cp932", JA_START),       # Shift_JIS read as its superset CP932
        ("ja_cp932.txt", "ja", "cp932", JA_START),           # CP932 vendor char ① (detector gives up)
        ("ja_euc_jp.txt", "ja", "euc_jp", JA_START),         # EUC-JP from old Unix archives
        ("de_cp1252.txt", "de", "cp1252", DE_START),         # CP1252 with „“ – € (not in Latin-1)
        ("de_latin1.txt", "de", "cp1252", DE_START),         # Latin-1 umlauts decode the same in CP1252
        ("de_crlf.txt", "de", "utf-8", DE_START),            # Windows line ends
        ("de_cr.txt", "de", "utf-8", DE_START),              # old Mac line ends
    ],
)
def test_read_text_decodes(name, lang, encoding, start):
    text, found = read_text(ENC / name, lang)
    assert found == encoding
    assert text.startswith(start)
    assert "\r" not in text and "\ufeff" not in text


def test_cp1252_keeps_typographic_characters():
    # „“ – € exist in CP1252 but not Latin-1: a wrong codec would garble them
    text, _ = read_text(ENC / "de_cp1252.txt", "de")
    assert "„Klagen“ eingereicht – 6 Milliarden €" in text


@pytest.mark.parametrize(
    "name, problem",
    [
        ("empty.txt", "is empty"),                  # 0 bytes
        ("whitespace.txt", "only whitespace"),      # spaces, tabs, CRLF, ideographic space
        ("png.txt", "PNG image"),                   # an image saved with .txt
        ("zip.txt", "ZIP archive"),                 # a .docx renamed
        ("nul.txt", "NUL bytes"),                   # NUL bytes without a UTF-16 BOM
        ("missing.txt", "file not found"),          # catalog names a file that is not there
    ],
)
def test_read_text_rejects(name, problem):
    with pytest.raises(CorpusError, match=problem) as info:
        read_text(ENC / name, "ja")
    assert info.value.path == ENC / name  # the message names the file


@pytest.mark.parametrize(
    "data, lang",
    [
        (b"\x81\x8d\x8f\x90\x9d\x80" * 3, "de"),  # C1 control bytes: no codec yields Latin letters
        (b"\x81\x81\x81\xff" * 4, "ja"),          # invalid in every Japanese codec
    ],
)
def test_undecodable_bytes_raise(data, lang):
    with pytest.raises(CorpusError, match="encoding|not valid"):
        decode_bytes(data, lang, "x.txt")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\r\nb", "a\nb"),      # CRLF
        ("a\rb", "a\nb"),        # lone CR
        ("a\r\n\r\nb", "a\n\nb"),  # blank line survives
        ("a\nb", "a\nb"),        # already clean
    ],
)
def test_normalise_newlines(raw, expected):
    assert normalise_newlines(raw) == expected
