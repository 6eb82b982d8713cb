"""Tokenizing one text: the MeCab back-end (Japanese), the regex back-end
(Latin script), the merge pass for names, and stop/content marks."""

from newskit.text.stopwords import is_stopword, stopwords_for
from newskit.text.table import TOKEN_COLUMNS
from newskit.text.tokenizer import tokenize, tokenize_paragraphs
from newskit.text.tokens import COARSE_TAGS, CONTENT_TAGS, Token

__all__ = ["COARSE_TAGS", "CONTENT_TAGS", "TOKEN_COLUMNS", "Token", "is_stopword", "stopwords_for",
           "tokenize", "tokenize_paragraphs"]
