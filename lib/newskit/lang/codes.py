"""Turn whatever a catalog or an export says about language into ``ja/de/id/en``.

Exports from media-monitoring services and scrapers spell languages every
way there is: ``JA``, ``jpn``, ``ja-JP``, ``ja_JP``, ``Japanese``,
``Japanisch``, ``日本語``, ``Bahasa Indonesia``, ``in`` (the withdrawn ISO
code of Indonesian), ``ger`` (the bibliographic ISO 639-2 code).  Rather than a
hand-kept list, the names come from the CLDR data that babel ships offline:
every language's name in English, German, Japanese and Indonesian (and its own
name), and CLDR's alias table for three-letter and withdrawn codes.

Anything that cannot be mapped is an error that says what would work: a
known but unsupported language is named ("French (fr) is not supported"), a
country code gets its language ("JP is the country code of Japan: did you
mean 'ja'?"), a typo gets the closest supported name ("did you mean 'de'?").
An empty value, ``auto`` or ``und`` (BCP 47 "undetermined") returns
:data:`AUTO`: detect the language from the text.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.languages import get_official_languages

from newskit.errors import ArgumentError, CorpusError
from newskit.lang import supported_languages

__all__ = ["AUTO", "SUPPORTED", "language_name", "normalise_lang_code"]

#: The languages the kit can tokenize.  (The registry of issue 9 will own
#: this list; it is repeated here only until that lands.)
#: The registered languages (see :mod:`newskit.lang`).
SUPPORTED: tuple[str, ...] = supported_languages()

#: Returned for "detect the language from the text".
AUTO = "auto"
_AUTO_WORDS = frozenset({"", "auto", "und", "detect", "unknown"})

#: Locales whose language names are recognised (the kit's four languages).
_NAME_LOCALES = ("en", "de", "ja", "id")
#: Noise words around a language name: "Bahasa Indonesia", "Sprache: Deutsch",
#: "日本語版", "English (UK)".  Stripped before the name is looked up.
_NOISE = re.compile(r"^(?:bahasa|language|sprache|lang)\s*[:=]?\s*|\s*(?:language|sprache|版|\(.*\))$")
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$")


def language_name(code: str) -> str:
    """English name of a language code (``"id"`` → ``"Indonesian"``)."""
    return Locale("en").languages.get(code, code)


def normalise_lang_code(value: object, *, where: str | Path | None = None, line: int | None = None) -> str:
    """Map ``value`` to one of :data:`SUPPORTED`, or :data:`AUTO` for
    empty/``auto``.  Raises :class:`CorpusError` naming ``where`` (and
    ``line``) when given, else :class:`ArgumentError`, with a suggestion."""
    text = "" if value is None else str(value).strip()
    key = text.casefold()
    if key in _AUTO_WORDS:
        return AUTO
    if key in SUPPORTED:  # the common case: no CLDR data to load
        return key
    code = _lookup(key)
    if code in SUPPORTED:
        return code
    problem = f"unknown language {text!r}: {_explain(key, code)}"
    if where is None and line is None:
        raise ArgumentError(problem)
    raise CorpusError(where, problem, line=line)


def _lookup(key: str) -> str | None:
    """The ISO 639-1 code ``key`` stands for (supported or not), else None."""
    names = _name_table()
    if key in names:
        return names[key]
    match = _TAG.match(key)
    if match:
        primary = match.group(1)
        primary = _aliases().get(primary, primary)
        if primary in Locale("en").languages:
            return primary
    stripped = _NOISE.sub("", key).strip()
    return names.get(stripped) if stripped != key else None


def _explain(key: str, code: str | None) -> str:
    """What to write instead: name the unsupported language, or suggest."""
    supported = ", ".join(SUPPORTED)
    if code is not None:
        return f"{language_name(code)} ({code}) is not supported (supported: {supported})"
    territory = key.upper() if re.fullmatch(r"[a-z]{2}", key) else None
    official = [c for c in get_official_languages(territory, de_facto=True) if c in SUPPORTED] if territory else []
    if official:
        country = Locale("en").territories.get(territory, territory)
        return f"{territory} is the country code of {country}: did you mean {official[0]!r}?"
    guess = _suggest(key)
    hint = f"did you mean {guess!r} ({language_name(guess)})? " if guess else ""
    return f"{hint}use one of {supported} (or 'auto' to detect it from the text)"


def _suggest(key: str) -> str | None:
    """The supported code whose code or name is closest to ``key``."""
    candidates = {name: code for name, code in _name_table().items() if code in SUPPORTED}
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    return candidates[close[0]] if close else None


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """CLDR's code aliases, kept when they lead to a two-letter code
    (``jpn`` → ``ja``, ``ger`` → ``de``, ``in`` → ``id``)."""
    return {
        alias.casefold(): target
        for alias, target in get_global("language_aliases").items()
        if re.fullmatch(r"[a-z]{2}", target)
    }


@lru_cache(maxsize=1)
def _name_table() -> dict[str, str]:
    """Casefolded language name → code, from CLDR in the kit's four
    locales and each supported language's own name ("日本語", "Deutsch").
    Supported languages win when two languages share a name."""
    table: dict[str, str] = {}
    for locale in _NAME_LOCALES:
        for code, name in Locale(locale).languages.items():
            if re.fullmatch(r"[a-z]{2}", code):
                table.setdefault(name.casefold(), code)
    for code in SUPPORTED:
        table[code] = code
        table[Locale(code).get_display_name(code).casefold()] = code
        for locale in _NAME_LOCALES:
            table[Locale(locale).languages[code].casefold()] = code
    return table
