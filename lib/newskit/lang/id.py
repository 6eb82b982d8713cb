"""Indonesian: regular-expression tokenizer; lemmatization off by default
(simplemma strips derivational affixes, and those change meaning:
pemerintah 'government' → perintah 'order')."""

from __future__ import annotations

from newskit.lang.profile import LanguageProfile

__all__ = ["PROFILE"]

PROFILE = LanguageProfile(
    code="id",
    name="Indonesian",
    script="latin",
    tokenizer="regex",
    legacy_codecs=("cp1252", "latin_1"),
    lemmatize_default=False,
    stopword_additions=frozenset({
        "tersebut", "yakni", "sekitar", "us",  # demonstrative, 'namely', 'about', 'US$'
    }),
    scale_words=frozenset({"ribu", "juta", "miliar", "triliun"}),
    name_clitics=("-nya", "-lah", "-kah"),
    context_chars=45,
    token_unit=("Indonesian attaches affixes to the stem (mem-, -nya, per-an) and writes "
                "reduplicated plurals with a hyphen (perusahaan-perusahaan), both kept as one token"),
    other_names=("ind", "in", "Indonesian", "Bahasa Indonesia", "インドネシア語", "Indonesisch"),
)
