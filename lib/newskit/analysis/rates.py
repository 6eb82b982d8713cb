"""Counts made comparable: entity mentions per 1,000 tokens of the same text.

Raw mention counts favour long documents and languages that repeat names
(Japanese writes マスク氏 where German says "er").  Rates put mentions over the
tokens of the same paragraphs: :func:`newskit.find_mentions` and
:func:`newskit.tokenize_corpus` select the same paragraph kinds by default.
"""

from __future__ import annotations

import pandas as pd

from newskit.errors import ArgumentError

__all__ = ["rate_per_thousand"]


def rate_per_thousand(counts: pd.DataFrame, tokens: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Entity × document counts divided by each document's tokens × 1,000;
    with ``by``, entity × group counts (``count_mentions(mentions, by=…)``)
    over the tokens of each group of that token column."""
    sizes = tokens.groupby(by, observed=True).size()
    sizes.index = sizes.index.astype(str)
    counts = counts.set_axis(counts.columns.astype(str), axis=1)
    missing = [d for d in counts.columns if d not in sizes.index]
    if missing:
        what = "document(s)" if by == "doc_id" else f"{by} group(s)"
        raise ArgumentError(f"no tokens for {what} {', '.join(missing)}: tokenize the same corpus")
    return (counts / sizes.reindex(counts.columns) * 1000).round(2)
