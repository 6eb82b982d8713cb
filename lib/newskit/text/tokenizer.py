"""Tokenizing one text (:func:`tokenize`) or a table of paragraphs
(:func:`tokenize_paragraphs`) in this process.

Both dispatch by language to the back-end its profile names
(:mod:`newskit.text.mecab` or :mod:`newskit.text.latin`), run the shared merge
pass and mark stop and content words the same way.  Whole corpora go through
:func:`newskit.tokenize_corpus` (:mod:`newskit.scale`), which runs the same
per-document steps in a process pool or on Dask and gives the same table.
"""

from __future__ import annotations

import pandas as pd

from newskit.errors import ArgumentError
from newskit.text.table import (TOKEN_COLUMNS, assemble, build_token_frame, find_surrogate, make_jobs, token_columns,
                               tokenize_job)
from newskit.text.tokens import Token

__all__ = ["tokenize", "tokenize_paragraphs"]


def _check_text(text: object) -> str:
    """``text`` itself when it is a string MeCab and Arrow can take; a lone
    surrogate (from a bad ``surrogateescape`` decode) is refused with its
    position instead of surfacing as a raw ``UnicodeEncodeError``."""
    if not isinstance(text, str):
        raise ArgumentError(f"tokenize needs a str, got {type(text).__name__}")
    problem = find_surrogate(text)
    if problem is not None:
        raise ArgumentError(problem)
    return text


def tokenize(text: str, lang: str, lemmatize: bool | None = None) -> list[Token]:
    """Tokenize ``text`` written in ``lang`` (a registered language code).

    Offsets refer to ``text``; whitespace is the only thing not covered by a
    token.  ``lemmatize`` overrides the language default (off for
    Indonesian; Japanese always uses orthBase)."""
    return [Token(*row) for row in token_columns(_check_text(text), lang, lemmatize).rows()]


def tokenize_paragraphs(paragraphs: pd.DataFrame, langs: dict[str, str],
                        lemmatize: bool | None = None) -> pd.DataFrame:
    """Token table for a paragraphs table (``doc_id, para_id, text``)."""
    jobs = make_jobs(paragraphs, langs)
    tables = [tokenize_job(job, lemmatize) for job in jobs]
    if not any(table.num_rows for table in tables):
        return build_token_frame({column: [] for column in TOKEN_COLUMNS})
    doc_ids = [job.doc_id for job in jobs]
    frame = assemble(tables, doc_ids, sorted(set(doc_ids)))
    return frame.assign(doc_id=frame["doc_id"].cat.remove_unused_categories())
