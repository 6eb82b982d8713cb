"""German: regular-expression tokenizer, simplemma lemmas."""

from __future__ import annotations

from newskit.lang.profile import LanguageProfile

__all__ = ["PROFILE"]

PROFILE = LanguageProfile(
    code="de",
    name="German",
    script="latin",
    tokenizer="regex",
    legacy_codecs=("cp1252", "latin_1", "iso8859_15"),
    lemmatize_default=True,
    stopword_additions=frozenset({
        "ca", "sei", "seien", "worden", "sowie", "laut",  # hedges, reported speech
        "us",  # 'US-Dollar' fragments after tokenization of 'US$'
    }),
    scale_words=frozenset({"tausend", "million", "millionen", "milliarde", "milliarden",
                           "billion", "billionen"}),
    context_chars=45,
    token_unit=("German writes compounds as one word, so one token can hold what other "
                "languages say in three or four"),
    other_names=("deu", "ger", "German", "Deutsch", "ドイツ語", "Jerman"),
)
