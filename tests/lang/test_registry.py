"""Language codes, script checks and paragraph rules."""

from __future__ import annotations

import pytest

from newskit.errors import CorpusError
from newskit.io.paragraphs import classify_paragraph
from newskit.lang import check_language
from newskit.lang.script import check_script


@pytest.mark.parametrize("lang", ["ja", "de", "id", "en"])
def test_supported_languages(lang):
    assert check_language(lang, "catalog.csv").code == lang


@pytest.mark.parametrize(
    "lang",
    [
        "jp",   # country code instead of the language code
        "DE",   # codes are lower-case
        "zh",   # not supported by the tokenizers
        "",     # empty
    ],
)
def test_unsupported_language(lang):
    with pytest.raises(CorpusError, match="unsupported language code"):
        check_language(lang, "catalog.csv")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("マスク氏はxAIに60億ドルを調達した。", "ja"),                 # Japanese with Latin names
        ("Musk übertrug Ressourcen an xAI.", "de"),                    # German
        ("Musk mengalihkan sumber daya ke xAI.", "id"),               # Indonesian
        ("Elon Musk just made Grok open-source. 日本語", "en"),        # a few kanji are fine
        ("ChatGPTのライバルGrokをオープンソース化する", "ja"),          # mixed scripts, kana majority
    ],
)
def test_script_matches(text, lang):
    check_script(text, lang, "a.txt")


@pytest.mark.parametrize(
    "text, lang, problem",
    [
        ("マスク氏はxAIに60億ドルを調達した。", "de", "mostly Japanese"),    # Japanese declared de
        ("Musk übertrug Ressourcen an xAI.", "ja", "mostly Latin-script"),  # German declared ja
        ("1234 5678 !!!", "en", "no Japanese or Latin letters"),            # no letters at all
    ],
)
def test_script_contradicts_language(text, lang, problem):
    with pytest.raises(CorpusError, match=problem):
        check_script(text, lang, "a.txt")


@pytest.mark.parametrize(
    "text, lang, kind",
    [
        ("私の連絡先情報", "ja", "boilerplate"),                      # contact line
        ("郵便管理者@information.bz", "ja", "boilerplate"),           # lone e-mail address
        ("Surat[email protected]", "id", "boilerplate"),              # obfuscated e-mail
        ("2024-08-13", "de", "boilerplate"),                          # bare date line
        ("한어Русский языкEnglishFrançaisIndonesian日本語Deutsch", "de", "boilerplate"),  # language menu
        ("Smart Things (öffentliches Konto:Abonnieren)", "de", "boilerplate"),  # account line
        ("kompilierenVanille", "de", "boilerplate"),                  # byline credit
        ("suntingYunpeng", "id", "boilerplate"),                      # byline credit
        ("▲Musk gibt eine Vorschau auf Grok 2", "de", "caption"),     # image caption
        ("▲テスラ電気自動車 (出典: Vincent Isore/Zuma Press)", "ja", "caption"),  # caption wins over 出典
        ("以下Quartzのホームページ", "ja", "caption"),                # image placeholder
        ("出典:「ウォール・ストリート・ジャーナル」", "ja", "source"),  # closing source line
        ("Quelle: „Wall Street Journal“", "de", "source"),
        ("Sumber: \"Jurnal Wall Street\"", "id", "source"),
        ("1. Talente, Chips und Gelder werden von Musk übertragenxAI", "de", "heading"),  # numbered
        ("3. 評価額は OpenAI に次いで 2 位であり、Grok は ChatGPT の強力なライバルとなっています。", "ja", "heading"),
        ("Fazit: Musks „Business Empire“-Ressourcen sind gekippt", "de", "heading"),
        ("タイミングと象徴", "ja", "heading"),                          # short line, no full stop
        ("昨日、マスク氏はソーシャルプラットフォーム上でGrok 2ベータ版を今後リリースすることを発表した", "ja", "body"),  # long line without 。
        ("xAI mietet außerdem die GPU von X.", "de", "body"),          # short sentence with a full stop
        ("テスラの株主少なくとも3名が訴訟を起こしている。", "ja", "body"),
    ],
)
def test_classify_paragraph(text, lang, kind):
    assert classify_paragraph(text, lang) == kind
