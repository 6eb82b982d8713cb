"""Language cues for entity discovery, read from ``data/discovery_cues.toml``.

Why a data file: titles, honorifics, legal forms and calendar words are facts
about a language and a news register, not about any entity; a researcher adds
an outlet's or a language's words there without touching code.  ``[common]``
lists apply to every language and are merged with the language's own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newskit.errors import ArgumentError

__all__ = ["Cues", "load_cues"]

CUES_FILE = "discovery_cues.toml"
#: Languages discovery supports (the kit's four).
DISCOVERY_LANGS = ("ja", "de", "id", "en")
_LIST_KEYS = ("titles", "honorifics", "legal_forms", "org_suffixes", "place_preps", "place_words",
              "calendar", "vocabulary", "product_cues", "connectors", "place_suffixes",
              "place_prefixes", "demonym_suffixes", "designation_heads", "org_heads")


@dataclass(frozen=True)
class Cues:
    """Every cue list of one language (``[common]`` merged in), as sets."""

    lang: str
    titles: frozenset[str]
    honorifics: frozenset[str]
    legal_forms: frozenset[str]
    org_suffixes: frozenset[str]
    place_preps: frozenset[str]
    place_words: frozenset[str]
    calendar: frozenset[str]
    vocabulary: frozenset[str]
    product_cues: frozenset[str]
    connectors: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    demonym_suffixes: frozenset[str]
    designation_heads: frozenset[str]
    org_heads: frozenset[str] = frozenset()
    keep_known_in_runs: bool = False
    dateline: str = ""


@lru_cache(maxsize=None)
def _read_cues() -> dict:
    """The parsed cue file (read once per process)."""
    text = resources.files("newskit.entities").joinpath("data", CUES_FILE).read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=None)
def load_cues(lang: str) -> Cues:
    """The cues of ``lang`` (one of ja, de, id, en)."""
    if lang not in DISCOVERY_LANGS:
        raise ArgumentError(f"language {lang!r} has no discovery cues; use one of "
                                    f"{', '.join(DISCOVERY_LANGS)} (or add a [{lang}] table to {CUES_FILE})")
    data = _read_cues()
    common, own = data.get("common", {}), data.get(lang, {})
    lists = {key: frozenset(common.get(key, [])) | frozenset(own.get(key, [])) for key in _LIST_KEYS}
    return Cues(lang=lang, keep_known_in_runs=bool(own.get("keep_known_in_runs", False)),
                dateline=str(own.get("dateline", "")), **lists)
