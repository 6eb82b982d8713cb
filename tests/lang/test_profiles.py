"""Every registered language profile is complete: one table row per check.

Adding a language means writing ``newskit/lang/<code>.py`` and its data
sections; these checks say what is still missing.
"""

from __future__ import annotations

import codecs
import tomllib

import pytest
import stopwordsiso

from newskit.lang import SCRIPTS, TOKENIZERS, get_profile, read_lang_data, supported_languages
from newskit.text import tokenize

LANGUAGES = supported_languages()
PARAGRAPH_RULES = tomllib.loads(read_lang_data("paragraph_rules.toml"))


def test_the_four_languages_are_registered() -> None:
    # the kit's languages; a new one only needs a module under newskit/lang/
    assert set(LANGUAGES) >= {"ja", "de", "id", "en"}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "check",
    [
        # the code is the module's key and an ISO 639-1 code
        lambda p: p.code == p.code.lower() and len(p.code) == 2,
        # a human-readable name for messages ("declared 'de' (German)")
        lambda p: bool(p.name),
        # a script the script checks know, and a tokenizer back-end that exists
        lambda p: p.script in SCRIPTS and p.tokenizer in TOKENIZERS,
        # every legacy codec is a real Python codec
        lambda p: bool(p.legacy_codecs) and all(codecs.lookup(c) for c in p.legacy_codecs),
        # context windows and quotation lengths are positive
        lambda p: p.context_chars > 0 and p.min_quote[0] in ("chars", "words") and p.min_quote[1] > 0,
        # a sentence on what a token is, for the token-size note
        lambda p: len(p.token_unit) > 20,
        # quotation patterns compile and capture the passage
        lambda p: bool(p.quote_patterns) and all(__import__("re").compile(q).groups == 1 for q in p.quote_patterns),
        # the project's stop-word additions are lower-case
        lambda p: all(w == w.lower() for w in p.stopword_additions),
    ],
    ids=["code", "name", "script-tokenizer", "codecs", "windows", "token-unit", "quotes", "stopwords"],
)
def test_profile_field(code: str, check) -> None:
    assert check(get_profile(code))


@pytest.mark.parametrize("code", LANGUAGES)
def test_number_vocabulary_exists_and_parses(code: str) -> None:
    # extract_numbers reads lang/data/numbers_<code>.toml
    data = tomllib.loads(read_lang_data(get_profile(code).numbers_file))
    assert {"spaced", "decimal_mark", "number_words", "prefixes", "suffixes"} <= set(data)


@pytest.mark.parametrize("code", LANGUAGES)
def test_paragraph_rules_have_a_section(code: str) -> None:
    # publisher furniture (bylines, source lines) is recognised per language
    assert code in PARAGRAPH_RULES


@pytest.mark.parametrize("code", LANGUAGES)
def test_stopwords_iso_covers_the_language(code: str) -> None:
    assert stopwordsiso.has_lang(code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_tokenizer_runs(code: str) -> None:
    # a name and a word: the back-end named by the profile tokenizes the language
    tokens = tokenize("xAI 2024", code)
    assert [t.surface for t in tokens][:1] == ["xAI"]
