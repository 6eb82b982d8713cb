"""What the kit knows about one language, in one record.

Every language-specific decision of the kit — which codecs an old file of
this language may be in, which tokenizer back-end reads it, whether lemmas
are on by default, which extra words are stop words, how wide a context
window is, which number vocabulary applies — is a field of a
:class:`LanguageProfile`.  Code elsewhere asks the profile instead of keeping
its own ``{"ja": …, "de": …}`` table, so adding a language means adding one
module under ``newskit/lang/`` (and its data sections), never editing the
tokenizer, the loader or the entity matcher.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SCRIPTS", "TOKENIZERS", "LanguageProfile"]

#: Writing systems the script checks tell apart.
SCRIPTS = ("japanese", "latin")
#: Tokenizer back-ends of :mod:`newskit.text`.
TOKENIZERS = ("mecab", "regex")


@dataclass(frozen=True)
class LanguageProfile:
    """One language: its code, script, tokenizer and vocabularies.

    ``stopword_additions`` extend stopwords-iso (each entry's reason is a
    comment in the language module); ``scale_words`` are words that belong to
    a number ("Milliarden") and are tagged NUM; ``name_clitics`` are endings
    glued to a name by a hyphen or apostrophe and dropped from its lemma
    (Grok-nya, Musk's); ``context_chars`` is how many characters of context a
    mention shows on each side (a kanji carries about what a word of
    Latin letters does); ``min_quote`` says how long a quoted passage must be
    to count as a quotation, in ``("chars", n)`` or ``("words", n)``;
    ``token_unit`` explains in one sentence what a token is in this language;
    ``lemma_exceptions`` are ``(word, lemma)`` pairs (word lower-case) for
    words whose lemmatizer reading changes the word into another lexeme
    (German Daten → Datum 'date'): the kit uses the given lemma instead;
    ``quote_patterns`` are regexes whose group 1 is a quoted passage (Latin
    script: „…“ «…» “…” "…", mixed, as machine translation mixes them);
    ``fullwidth_to_ascii`` says which full-width ASCII characters the Unicode
    normalisation at load folds (``"all"``: letters, digits, punctuation and
    U+3000, which in Latin text only come from a Japanese input method;
    ``"alphanumeric"``: letters and digits only, keeping full-width
    punctuation that is ordinary Japanese typography)."""

    code: str
    name: str
    script: str
    tokenizer: str
    legacy_codecs: tuple[str, ...]
    lemmatize_default: bool = True
    stopword_additions: frozenset[str] = frozenset()
    scale_words: frozenset[str] = frozenset()
    name_clitics: tuple[str, ...] = ()
    context_chars: int = 45
    min_quote: tuple[str, int] = ("words", 4)
    token_unit: str = ""
    quote_patterns: tuple[str, ...] = (r'[„“"«]([^„“”"«»]+)[“”"»]',)
    fullwidth_to_ascii: str = "all"
    other_names: tuple[str, ...] = field(default=())
    lemma_exceptions: tuple[tuple[str, str], ...] = ()

    @property
    def numbers_file(self) -> str:
        """The number vocabulary of this language (``lang/data/``)."""
        return f"numbers_{self.code}.toml"
