"""The language registry: one module per language, each defining ``PROFILE``.

Every registered language is found by looking for ``PROFILE`` in the
modules of this package (``ja``, ``de``, ``id``, ``en`` …), so adding a
language is: write ``newskit/lang/<code>.py`` with a
:class:`~newskit.lang.profile.LanguageProfile`, add its sections to the data
files in ``newskit/lang/data/`` (paragraph rules, number vocabulary), and
run ``tests/lang/test_profiles.py``, which checks the profile is complete.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newskit.errors import ArgumentError, CorpusError
from newskit.lang.profile import SCRIPTS, TOKENIZERS, LanguageProfile

__all__ = [
    "SCRIPTS", "TOKENIZERS", "LanguageProfile", "check_language", "get_profile",
    "read_lang_data", "supported_languages",
]

#: Modules of this package that are machinery, not languages.
_NOT_LANGUAGES = frozenset({"profile", "script", "detect", "codes"})


@lru_cache(maxsize=1)
def _registry() -> dict[str, LanguageProfile]:
    """``{code: profile}`` of every language module, sorted by code."""
    found: dict[str, LanguageProfile] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _NOT_LANGUAGES or info.name.startswith("_"):
            continue
        profile = getattr(importlib.import_module(f"{__name__}.{info.name}"), "PROFILE", None)
        if isinstance(profile, LanguageProfile):
            found[profile.code] = profile
    return dict(sorted(found.items()))


def supported_languages() -> tuple[str, ...]:
    """Codes of every registered language (``("de", "en", "id", "ja")``)."""
    return tuple(_registry())


def check_language(code: object, where: str | Path | None = None) -> LanguageProfile:
    """The profile of ``code``; an unknown code raises :class:`CorpusError`
    naming ``where`` (a catalog, a rules file) when given, else
    :class:`ArgumentError` — the one language check of the kit."""
    profile = _registry().get(code) if isinstance(code, str) else None
    if profile is None:
        problem = (f"unsupported language code {code!r} "
                   f"(supported: {', '.join(supported_languages())})")
        if where is not None:
            raise CorpusError(where, problem)
        raise ArgumentError(problem)
    return profile


def get_profile(code: str) -> LanguageProfile:
    """The profile of a supported language (:class:`ArgumentError` otherwise)."""
    return check_language(code)


def read_lang_data(name: str) -> str:
    """The text of a data file of ``newskit/lang/data/`` (UTF-8)."""
    return resources.files(__name__).joinpath("data", name).read_text("utf-8")
