"""Language codes and names as exports spell them map to ja/de/id/en."""

from __future__ import annotations

import pytest

from newskit.errors import ArgumentError, CorpusError
from newskit.lang.codes import AUTO, normalise_lang_code


@pytest.mark.parametrize(
    "value, code",
    [
        ("ja", "ja"), ("JA", "ja"), (" ja ", "ja"),
        ("jpn", "ja"),            # ISO 639-3 / 639-2
        ("ja-JP", "ja"), ("ja_JP", "ja"),  # BCP 47 and POSIX locale tags
        ("Japanese", "ja"), ("Japanisch", "ja"), ("日本語", "ja"), ("Jepang", "ja"),
        ("日本語版", "ja"),        # noise word around the name
        ("Deutsch", "de"), ("German", "de"), ("deu", "de"), ("ger", "de"),  # 639-2/B code
        ("de-AT", "de"), ("ドイツ語", "de"), ("Jerman", "de"),
        ("Bahasa Indonesia", "id"), ("Indonesian", "id"), ("ind", "id"),
        ("in", "id"),             # withdrawn ISO 639-1 code still used by old Java exports
        ("Indonesisch", "id"), ("インドネシア語", "id"), ("id-ID", "id"),
        ("English", "en"), ("en-US", "en"), ("eng", "en"), ("Englisch", "en"),
        ("英語", "en"), ("Inggris", "en"), ("Bahasa Inggris", "en"),
        ("English (UK)", "en"),  # a parenthesised variant
        ("", AUTO), ("auto", AUTO), ("AUTO", AUTO), ("und", AUTO), (None, AUTO),
    ],
)
def test_known_spellings(value: object, code: str) -> None:
    assert normalise_lang_code(value) == code


@pytest.mark.parametrize(
    "value, hint",
    [
        ("jp", "JP is the country code of Japan: did you mean 'ja'?"),
        ("us", "did you mean 'en'?"),
        ("japnese", "did you mean 'ja' (Japanese)?"),
        ("Deutch", "did you mean 'de' (German)?"),
        ("Indonesain", "did you mean 'id' (Indonesian)?"),
        ("fr", "French (fr) is not supported"),
        ("Französisch", "French (fr) is not supported"),
        ("zh-Hant-TW", "Chinese (zh) is not supported"),
        ("ms", "Malay (ms) is not supported"),
        ("xx", "use one of de, en, id, ja"),  # nothing close: the list of registered languages
    ],
)
def test_unknown_values_say_what_would_work(value: str, hint: str) -> None:
    with pytest.raises(ArgumentError) as info:
        normalise_lang_code(value)
    assert hint in str(info.value) and repr(value) in str(info.value)


def test_corpus_error_names_file_and_line() -> None:
    with pytest.raises(CorpusError) as info:
        normalise_lang_code("jp", where="export.csv", line=7)
    assert str(info.value).startswith("export.csv, line 7: unknown language 'jp'")
    assert info.value.line == 7
