"""Narrowing a token table to the documents a search can concern.

A concordance, a coverage count or a dispersion plot of one term only ever
looks at the documents where the term occurs; on a thousand articles,
handing them the whole token table means sorting and normalising every
token for the few hundred lines that matter.  :func:`documents_with_term`
finds those documents in one vectorised pass, and the results of
:func:`newskit.analysis.concordance.kwic` and
:func:`newskit.analysis.concordance.term_coverage` on them are the same as on
the whole table (minus the coverage rows of documents without the term).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newskit.analysis.concordance import MATCH_COLUMNS, fold_text, match_terms
from newskit.analysis.frequency import check_columns

__all__ = ["documents_with_term"]


def documents_with_term(tokens: pd.DataFrame, terms: str | Sequence[str],
                        column: str | Sequence[str] = MATCH_COLUMNS) -> pd.DataFrame:
    """The tokens of every document in which a token matches one of
    ``terms`` (as the concordance matches: lemma or surface, NFKC,
    case-insensitive) or whose surface contains it (as
    :func:`~newskit.analysis.concordance.term_coverage` counts), in their
    original order and index."""
    check_columns(tokens, ["doc_id", "surface"])
    wanted = [terms] if isinstance(terms, str) else list(terms)
    needles = [fold_text(term) for term in wanted if fold_text(term)]
    hit = match_terms(tokens, wanted, column).notna()
    folded = tokens["surface"].fillna("").astype(str).str.normalize("NFKC").str.casefold()
    for needle in needles:
        hit |= folded.str.contains(needle, regex=False)
    docs = set(tokens.loc[hit, "doc_id"].astype(str))
    return tokens[tokens["doc_id"].astype(str).isin(docs).to_numpy()]
