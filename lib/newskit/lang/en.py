"""English: regular-expression tokenizer, simplemma lemmas."""

from __future__ import annotations

from newskit.lang.profile import LanguageProfile

__all__ = ["PROFILE"]

PROFILE = LanguageProfile(
    code="en",
    name="English",
    script="latin",
    tokenizer="regex",
    legacy_codecs=("cp1252", "latin_1"),
    lemmatize_default=True,
    stopword_additions=frozenset({"us", "said", "says"}),  # 'US$' fragment, reporting verbs
    scale_words=frozenset({"thousand", "million", "millions", "billion", "billions", "trillion"}),
    name_clitics=("'s", "’s"),
    context_chars=45,
    token_unit="English writes compounds as separate words, so a token is close to a dictionary word",
    other_names=("eng", "English", "Englisch", "英語", "Inggris"),
)
