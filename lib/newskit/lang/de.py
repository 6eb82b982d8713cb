"""German: regular-expression tokenizer, simplemma lemmas."""

from __future__ import annotations

from newskit.lang.profile import LanguageProfile

__all__ = ["PROFILE"]

#: Nouns simplemma turns into another word (keys lower case → the lemma used).
_WRONG_NOUN_LEMMAS = (
    ("daten", "Daten"),    # 'data' (plural only in this sense); simplemma: Datum 'date'
    ("quelle", "Quelle"),  # 'source'; simplemma: Quell (poetic 'spring'), while Quellen → Quelle
    ("medien", "Medien"),  # 'the media'; simplemma: Medium 'a medium, a psychic'
)
#: Participles used as adjectives, which simplemma reads as the verb
#: (angemessene → anmessen 'to measure for', geeignete → eignen, ausgewählte
#: → auswählen): every inflected form keeps the adjective as its lemma.
#: Past-tense look-alikes (beteiligte 'took part') are left out.
_PARTICIPLE_ADJECTIVES = ("angemessen", "geeignet", "ausgewählt", "abgeschlossen", "verbunden")
_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")

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
    lemma_exceptions=_WRONG_NOUN_LEMMAS + tuple(
        (adjective + ending, adjective) for adjective in _PARTICIPLE_ADJECTIVES for ending in _ADJECTIVE_ENDINGS),
)
