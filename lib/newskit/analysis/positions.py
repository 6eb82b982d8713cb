"""Where things are inside one article: paragraph spans in running token offsets.

:func:`newskit.analysis.concordance.dispersion` places each hit at its token offset in the
document (all tokens in reading order, punctuation included).  A bare offset
axis hides the article's structure, yet "the term only occurs in captions" or
"it disappears after the first heading" is exactly what a dispersion plot is
for.  :func:`paragraph_offsets` gives every paragraph's span on that same axis
(:func:`newskit.viz.dispersion.plot_paragraph_dispersion` draws them).
"""

from __future__ import annotations


import pandas as pd

from newskit.analysis.frequency import check_columns, select_doc

__all__ = ["paragraph_offsets"]


def paragraph_offsets(tokens: pd.DataFrame, paragraphs: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """One row per tokenized paragraph of ``doc_id``: ``para_id, kind, start``
    (offset of its first token), ``end`` (one past its last) and ``n_tokens``,
    with offsets counted exactly as :func:`newskit.analysis.concordance.dispersion` counts them.
    ``kind`` is missing (NaN) when ``paragraphs`` lacks the paragraph."""
    doc = select_doc(tokens, doc_id)
    check_columns(doc, ["para_id", "i"])
    check_columns(paragraphs, ["doc_id", "para_id", "kind"], "paragraphs")
    ordered = doc.sort_values(["doc_id", "para_id", "i"], kind="stable", ignore_index=True)
    sizes = ordered.groupby("para_id", sort=False).size()
    spans = pd.DataFrame({"para_id": sizes.index.astype("int64"), "n_tokens": sizes.to_numpy(dtype="int64")})
    spans["end"] = spans["n_tokens"].cumsum()
    spans["start"] = spans["end"] - spans["n_tokens"]
    kinds = paragraphs[paragraphs["doc_id"].astype(str) == str(doc_id)].drop_duplicates("para_id")
    kinds = kinds.assign(para_id=kinds["para_id"].astype("int64"), kind=kinds["kind"].astype(object))
    spans = spans.merge(kinds[["para_id", "kind"]], on="para_id", how="left")
    return spans[["para_id", "kind", "start", "end", "n_tokens"]]
