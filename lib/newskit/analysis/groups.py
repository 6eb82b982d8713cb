"""Grouping tokens by what the catalog says about their documents.

Term counts, keyness and word clouds are grouped by any token column; a
catalog column (language, publisher, a translation group) is copied onto
the tokens first with :func:`add_document_column`.
"""

from __future__ import annotations

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.errors import ArgumentError

__all__ = ["add_document_column"]

def add_document_column(tokens: pd.DataFrame, documents: pd.DataFrame, column: str = "lang") -> pd.DataFrame:
    """Copy one catalog column (default ``lang``) onto every token, so counts
    can be grouped by it (``count_terms(tokens, by="lang")``).  The token
    table's index and row order are kept."""
    check_columns(documents, ["doc_id", column], "documents")
    if column in tokens.columns:
        raise ArgumentError(f"the tokens table already has a column {column!r}")
    lookup = dict(zip(documents["doc_id"].astype(str), documents[column], strict=True))
    values = tokens["doc_id"].astype(str).map(lookup)
    if values.isna().any():
        unknown = sorted(set(tokens.loc[values.isna(), "doc_id"].astype(str)))
        raise ArgumentError(f"doc_id(s) {', '.join(unknown)} are not in the documents table")
    return tokens.assign(**{column: values})

