"""newskit: helpers for a multilingual news-article research notebook kit.

Importing the package prints nothing and configures nothing (no matplotlib
styles, no logging handlers); heavy tools such as the MeCab tagger and the
simplemma lexicons are loaded on first use.

Main entry points::

    corpus = newskit.load_corpus("data")          # catalog + paragraphs by kind
    tokens = newskit.tokenize_corpus(corpus)      # one row per token
    newskit.tokenize("マスク氏はxAIを設立した", "ja")
    mentions = newskit.find_mentions(corpus)      # entity mentions with offsets
    newskit.extract_numbers("60億米ドル", "ja")    # normalised quantities
    audit = newskit.audit_translations(corpus)    # what each translation dropped
"""

from newskit.align import align_paragraphs
from newskit.audit import aligned_view, audit_translations
from newskit.corpus import PARAGRAPH_KINDS, TEXT_KINDS, Corpus, load_corpus
from newskit.entities import candidate_entities, count_mentions, find_mentions, load_gazetteer
from newskit.errors import ArgumentError, CorpusError, NewskitError
from newskit.numbers import Quantity, extract_numbers
from newskit.paths import figures_dir, find_project_root, processed_dir, resolve_data_dir
from newskit.tables import read_table, write_table
from newskit.tokenizer import tokenize, tokenize_corpus
from newskit.tokens import Token
from newskit.versions import tool_versions

__version__ = "0.1.0"

__all__ = [
    "PARAGRAPH_KINDS", "TEXT_KINDS", "ArgumentError", "Corpus", "CorpusError", "NewskitError", "Quantity", "Token", "__version__",
    "align_paragraphs", "aligned_view", "audit_translations", "candidate_entities", "count_mentions",
    "extract_numbers", "figures_dir", "find_mentions", "find_project_root", "load_corpus",
    "load_gazetteer", "processed_dir", "read_table", "resolve_data_dir", "tokenize",
    "tokenize_corpus", "tool_versions", "write_table",
]
