"""Language codes, script checks and paragraph rules."""

from __future__ import annotations

import pytest

from newskit.errors import CorpusError
from newskit.io.paragraphs import classify_paragraph, split_paragraphs
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
        # publisher furniture in each language's usual form (issue 12)
        ("Copyright © 2024 Kompas.com", "id", "boilerplate"),              # copyright line
        ("© 2024 Reuters", "en", "boilerplate"),
        ("(c) 2024 Süddeutsche Zeitung", "de", "boilerplate"),
        ("Copyright © 2024 日本経済新聞社 All rights reserved.", "ja", "boilerplate"),
        ("無断転載を禁じます。", "ja", "boilerplate"),
        ("Read more: Fed holds rates steady", "en", "boilerplate"),         # link to another article
        ("Lesen Sie auch: Was die Wahl für Berlin bedeutet", "de", "boilerplate"),
        ("Mehr zum Thema: Bahnstreik", "de", "boilerplate"),
        ("Baca juga: Harga BBM naik mulai besok", "id", "boilerplate"),
        ("関連記事：日銀、金利を据え置き", "ja", "boilerplate"),
        ("Reporting by Jane Doe; Editing by John Roe", "en", "boilerplate"),  # byline and editor
        ("By Anna Keller", "en", "boilerplate"),
        ("Von Anna Keller", "de", "boilerplate"),
        ("dpa ab/cd", "de", "boilerplate"),                                 # agency signature
        ("Pewarta: Budi Santoso", "id", "boilerplate"),
        ("Editor: Rina Wulandari", "id", "boilerplate"),
        ("（山田太郎）", "ja", "boilerplate"),                                  # reporter closing the article
        ("（共同）", "ja", "source"),                                           # agency credit
        ("Foto: dpa", "de", "boilerplate"),                                 # a photo credit alone
        ("Photo: AFP", "en", "boilerplate"),
        ("Ikuti berita terkini dari Kompas di Google News", "id", "boilerplate"),
        ("Dieser Artikel erschien zuerst in der Printausgabe.", "de", "boilerplate"),
        ("Sign up for our morning newsletter.", "en", "boilerplate"),
        ("※価格は発表時点のものです。", "ja", "boilerplate"),                    # editorial note
        ("Ein Polizist vor dem Reichstag (Foto: Reuters)", "de", "caption"),  # captions with their credit
        ("Bauarbeiten in Leipzig (Archivbild)", "de", "caption"),
        ("Protesters in Paris on Sunday. Photo: AFP", "en", "caption"),
        ("Warga antre BBM di Jakarta. (ANTARA FOTO/Budi Santoso/foc)", "id", "caption"),
        ("Presiden saat kunjungan kerja. (Foto: Biro Pers)", "id", "caption"),
        ("写真：記者会見する山田社長", "ja", "caption"),
        ("会見する山田社長（写真：共同）", "ja", "caption"),
        # look-alikes that stay what they are
        ("Von der Leyen warnt vor Zöllen", "de", "heading"),                # "Von" + lower-case word: a headline
        ("By the numbers: AI spending", "en", "heading"),
        ("（注）", "ja", "body"),                                             # too short for a name: not a byline
        ("Editor AI baru diluncurkan pekan ini.", "id", "body"),            # "Editor" without a colon
    ],
)
def test_classify_paragraph(text, lang, kind):
    assert classify_paragraph(text, lang) == kind


@pytest.mark.parametrize(
    "text, lang, kinds",
    [
        # a list header and the headlines under it are boilerplate, up to the first other line
        ("本文です。\n関連記事\n日銀、金利を据え置き\nトヨタ、新型車を発表\nCopyright © 2024 A社", "ja",
         ["body", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]),
        ("Mehr zum Thema:\nBahnstreik in Bayern\nDer Streik dauert an.\nNeue Gespräche", "de",
         ["boilerplate", "boilerplate", "body", "heading"]),
        # without a header, a short line is a heading as before
        ("Bahnstreik in Bayern\nDer Streik dauert an.", "de", ["heading", "body"]),
    ],
)
def test_list_header_makes_its_headlines_boilerplate(text, lang, kinds):
    assert [record["kind"] for record in split_paragraphs(text, lang)] == kinds
