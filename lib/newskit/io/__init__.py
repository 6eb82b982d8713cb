"""Reading and writing corpora: decoding, catalogs, normalisation, importers, duplicates."""

__all__ = [
    "ImportReport", "find_duplicates", "import_articles", "iter_records", "normalize_text",
    "normalize_with_offsets",
]
