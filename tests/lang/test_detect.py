"""Language detection and the declared-language check on realistic text.

The paragraphs in ``tests/data/lang/news_paragraphs.toml`` are hand-written
wire-style news (fictional); the Indonesian and German seed articles of
``data/raw`` are real-world machine translations with menus and bylines."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newskit.lang.detect import (
    ERROR_LETTERS,
    check_declared_language,
    detect_language,
    detect_languages,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "lang"
SEEDS = Path(__file__).resolve().parents[2] / "data" / "raw"
SAMPLES = tomllib.loads((DATA / "news_paragraphs.toml").read_text("utf-8"))
LANGS = ("ja", "de", "id", "en")


def paragraphs(lang: str) -> list[str]:
    return SAMPLES[lang]["paragraphs"]


@pytest.mark.parametrize("lang", LANGS)
def test_paragraphs_are_detected_confidently(lang: str) -> None:
    # a full news paragraph (100+ characters) is never in doubt
    for text in paragraphs(lang):
        found = detect_language(text)
        assert (found.lang, found.detected) == (lang, lang), text
        assert found.confidence >= 0.9


@pytest.mark.parametrize(
    "text, reason",
    [
        ("2024-08-13 10:00", "too short"),           # digits only: no letters
        ("Musk moves GPUs to xAI", "too short"),      # 17 letters: a headline is no evidence
        ("経済対策、事業規模２０兆円超", "Chinese"),   # kanji only: unknown, never "ja" by guess
        ("Ribuan warga mengungsi akibat banjir", "not sure"),  # id 0.56 against ms 0.43
    ],
)
def test_short_texts_are_not_decided(text: str, reason: str) -> None:
    found = detect_language(text)
    assert found.lang is None and reason in found.reason


@pytest.mark.parametrize(
    "lang, unsupported",
    [
        ("ms", "Malay"),   # the confusable neighbour of Indonesian
        ("nl", "Dutch"),   # the confusable neighbour of German
    ],
)
def test_unsupported_language_is_unknown(lang: str, unsupported: str) -> None:
    found = detect_language(paragraphs(lang)[0])
    assert found.lang is None and found.detected == lang
    assert unsupported in found.reason


def test_malay_reading_suggests_indonesian() -> None:
    # Malay text with Indonesian second: the reason says how to declare it
    found = detect_language(paragraphs("ms")[1])
    assert found.runner_up == "id" and "if it is Indonesian, declare 'id'" in found.reason


def test_batch_equals_one_by_one() -> None:
    texts = [p for lang in LANGS for p in paragraphs(lang)] + ["", "short"]
    assert detect_languages(texts) == [detect_language(t) for t in texts]
    assert detect_languages(texts, parallel=False) == detect_languages(texts)


@pytest.mark.parametrize("actual", LANGS)
@pytest.mark.parametrize("declared", LANGS)
def test_every_declared_pair(declared: str, actual: str) -> None:
    # the 4 x 4 matrix: the right declaration passes, every wrong one is an
    # error for a paragraph-length text
    for text in paragraphs(actual):
        mismatch = check_declared_language(text, declared)
        if declared == actual:
            assert mismatch is None
        else:
            assert mismatch is not None and mismatch.severity == "error", text
            assert mismatch.detected == actual and repr(declared) in mismatch.message


@pytest.mark.parametrize("declared", LANGS)
@pytest.mark.parametrize("actual", LANGS)
def test_headlines_are_never_acted_on(declared: str, actual: str) -> None:
    # 9-40 letters: too little evidence for a warning, let alone an error
    for text in SAMPLES[actual]["headlines"]:
        assert check_declared_language(text, declared) is None, text


@pytest.mark.parametrize(
    "lang, declared",
    [
        ("ms", "id"),  # Malay-looking Indonesian is still Indonesian
        ("nl", "nl"),  # sanity: the detector does know Dutch
    ],
)
def test_compatible_declarations(lang: str, declared: str) -> None:
    assert check_declared_language(paragraphs(lang)[0], declared) is None


@pytest.mark.parametrize("declared", ["de", "en", "ja"])
def test_malay_declared_otherwise_is_caught(declared: str) -> None:
    assert check_declared_language(paragraphs("ms")[0], declared).severity == "error"


def test_dutch_declared_german_is_caught() -> None:
    assert check_declared_language(paragraphs("nl")[0], "de").severity == "error"


def test_seed_indonesian_article_declared_german() -> None:
    # the case of issue 11: a real Indonesian article declared de
    text = (SEEDS / "002_77ce10d3a1d715bd.txt").read_text("utf-8")
    mismatch = check_declared_language(text, "de")
    assert mismatch.severity == "error" and mismatch.detected == "id"
    assert check_declared_language(text, "id") is None


def test_a_sentence_is_only_a_warning() -> None:
    # 60-odd letters, confident: below ERROR_LETTERS it is a warning
    text = "Die Bundesregierung beschloss am Mittwoch neue Regeln für den Datenschutz."
    found = detect_language(text)
    assert found.n_letters < ERROR_LETTERS
    assert check_declared_language(text, "en", detection=found).severity == "warning"
