"""Stop words: stopwords-iso plus the documented project list."""

from __future__ import annotations

import pytest

from newskit.lang import get_profile
from newskit.text.stopwords import is_stopword, stopwords_for


@pytest.mark.parametrize(
    "surface, lemma, lang, expected",
    [
        ("は", "は", "ja", True),             # particle from stopwords-iso
        ("氏", "氏", "ja", True),             # project list: honorific
        ("し", "する", "ja", True),           # caught by its lemma
        ("株主", "株主", "ja", False),        # content word
        ("Und", "und", "de", True),           # case-insensitive
        ("Klagen", "Klage", "de", False),
        ("yang", "yang", "id", True),
        ("tersebut", "tersebut", "id", True),  # project list
        ("perusahaan", "perusahaan", "id", False),
        ("the", "the", "en", True),
        ("Musk", "Musk", "en", False),
    ],
)
def test_is_stopword(surface, lemma, lang, expected):
    assert is_stopword(surface, lemma, lang) is expected


@pytest.mark.parametrize("lang", ["ja", "de", "id", "en"])
def test_lists_are_lowercase_supersets_of_project_list(lang):
    words = stopwords_for(lang)
    assert get_profile(lang).stopword_additions <= words
    assert all(w == w.lower() for w in words)
