"""newskit: helpers for a multilingual news-article research notebook kit.

Importing the package prints nothing and configures nothing (no matplotlib
styles, no logging handlers); heavy tools such as the MeCab tagger and the
simplemma lexicons are loaded on first use.

Main entry points::

    corpus = newskit.load_corpus("data")          # catalog + paragraphs by kind
    tokens = newskit.tokenize_corpus(corpus)      # one row per token
    newskit.tokenize("マスク氏はxAIを設立した", "ja")
"""

from newskit.corpus import PARAGRAPH_KINDS, TEXT_KINDS, Corpus, load_corpus
from newskit.errors import CorpusError
from newskit.paths import figures_dir, find_project_root, processed_dir, resolve_data_dir
from newskit.tables import read_table, write_table
from newskit.tokenizer import tokenize, tokenize_corpus
from newskit.tokens import Token
from newskit.versions import tool_versions

__version__ = "0.1.0"

__all__ = [
    "PARAGRAPH_KINDS", "TEXT_KINDS", "Corpus", "CorpusError", "Token", "__version__",
    "figures_dir", "find_project_root", "load_corpus", "processed_dir", "read_table",
    "resolve_data_dir", "tokenize", "tokenize_corpus", "tool_versions", "write_table",
]
