"""Reading corpora and writing tables: decoding, the catalog, paragraph
kinds, corpus loading, and atomic tables with version sidecars."""

from newskit.io.catalog import CATALOG_NAME, read_catalog
from newskit.io.corpus import Corpus, Document, document_lengths, load_corpus, read_document, select_paragraphs
from newskit.io.decoding import decode_bytes, read_text
from newskit.io.reading import read_checked
from newskit.io.paragraphs import PARAGRAPH_KINDS, TEXT_KINDS, classify_paragraph, split_paragraphs
from newskit.io.tables import meta_path, read_table, write_atomic, write_table
from newskit.io.versions import tool_versions

__all__ = [
    "CATALOG_NAME", "PARAGRAPH_KINDS", "TEXT_KINDS", "Corpus", "Document", "classify_paragraph", "decode_bytes",
    "document_lengths", "load_corpus", "meta_path", "read_catalog", "read_checked", "read_document", "read_table",
    "read_text", "select_paragraphs", "split_paragraphs", "tool_versions", "write_atomic", "write_table",
]
