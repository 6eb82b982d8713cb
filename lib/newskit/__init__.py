"""newskit: a multilingual (ja/de/id/en) news-article research kit.

Importing the package prints nothing and configures nothing (no matplotlib
styles, no logging handlers); heavy tools such as the MeCab tagger and the
simplemma lexicons are loaded on first use.  The subpackages, in layer order
(see ``ARCHITECTURE.md``): ``lang`` (the language registry), ``io``
(decoding, catalog, corpus, tables), ``text`` (tokenizing one text),
``entities`` and ``quantities``, ``analysis`` (statistics), ``crosslingual``
(alignment, audit), ``scale`` (many documents: processes, Dask, cache,
streaming), ``viz`` (figures) and ``notebook`` (notebook plumbing); each is
imported on first use (``newskit.analysis.top_terms``).

Main entry points::

    corpus = newskit.load_corpus("data")          # catalog + paragraphs by kind
    tokens = newskit.tokenize_corpus(corpus)      # one row per token
    newskit.tokenize("マスク氏はxAIを設立した", "ja")
    mentions = newskit.find_mentions(corpus)      # entity mentions with offsets
    newskit.extract_numbers("60億米ドル", "ja")    # normalised quantities
    audit = newskit.audit_translations(corpus)    # what each translation dropped
"""

from __future__ import annotations

import importlib
from typing import Any

from newskit.config import figures_dir, find_project_root, processed_dir, resolve_data_dir
from newskit.crosslingual import agreement_rates, align_paragraphs, aligned_view, audit_translations
from newskit.entities import candidate_entities, count_mentions, find_mentions, load_gazetteer
from newskit.errors import ArgumentError, CorpusError, CorpusWarning, EngineError, NewskitError
from newskit.io import PARAGRAPH_KINDS, TEXT_KINDS, Corpus, load_corpus, read_table, tool_versions, write_table
from newskit.lang import get_profile, supported_languages
from newskit.quantities import Quantity, extract_numbers, extract_quantities
from newskit.scale import tokenize_corpus
from newskit.text import Token, tokenize

__version__ = "0.2.0"

#: Subpackages loaded on first attribute access (``newskit.viz`` pulls in matplotlib).
SUBPACKAGES = ("analysis", "crosslingual", "entities", "io", "lang", "notebook", "quantities", "scale", "text",
               "viz")
#: Entry points whose modules pull in heavy libraries (trafilatura, lingua,
#: cutlet): loaded on first use.
_LAZY = {
    "import_articles": "newskit.io.importer",
    "find_duplicates": "newskit.io.duplicates",
    "normalize_text": "newskit.io.normalize",
    "detect_language": "newskit.lang.detect",
    "normalise_lang_code": "newskit.lang.codes",
    "discover_entities": "newskit.entities.discover",
    "link_entities": "newskit.entities.discover",
    "merge_entities": "newskit.entities.review",
    "combine_gazetteers": "newskit.entities.combine",
    "group_stories": "newskit.crosslingual.stories",
    "story_facts": "newskit.crosslingual.facts",
}

__all__ = [
    "PARAGRAPH_KINDS", "TEXT_KINDS", "ArgumentError", "Corpus", "CorpusError", "CorpusWarning", "EngineError",
    "NewskitError", "Quantity", "Token", "__version__", "agreement_rates", "align_paragraphs", "aligned_view",
    "audit_translations",
    "candidate_entities", "count_mentions", "extract_numbers", "extract_quantities", "figures_dir",
    "find_mentions", "find_project_root", "get_profile", "load_corpus", "load_gazetteer", "processed_dir",
    "read_table", "resolve_data_dir", "supported_languages", "tokenize", "tokenize_corpus", "tool_versions",
    "write_table", *_LAZY,
]


def __getattr__(name: str) -> Any:
    """Import a subpackage or a heavy entry point on first use (PEP 562)."""
    if name in SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newskit' has no attribute {name!r}")
