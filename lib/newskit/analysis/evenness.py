"""How evenly a term is spread over the parts of a corpus.

A frequency of 40 means little if 38 of them are in one article.  Per term,
over the parts given by ``by`` (documents by default, or paragraphs,
languages, months …), with ``n`` parts of sizes ``size_i`` (words, stop words
included, punctuation not: :func:`newskit.analysis.frequency.word_mask`) and ``f_i``
occurrences of the term in part ``i``:

* ``range`` — number of parts with ``f_i > 0``;
* **Juilland's D** (Juilland & Chang-Rodríguez 1964), on the relative
  frequencies ``p_i = f_i / size_i`` so that parts of unequal size are
  comparable (as in Gries 2008): ``V = sd(p) / mean(p)`` with the population
  standard deviation, ``D = 1 - V / sqrt(n - 1)``; 1 = perfectly even, 0 =
  all in one part (undefined, NaN, for one part or an absent term);
* **Gries' DP** (Gries 2008): ``s_i = size_i / Σ size`` (expected share),
  ``v_i = f_i / Σ f`` (observed share), ``DP = ½ Σ |v_i - s_i|``; 0 = spread
  exactly as the part sizes predict, towards 1 = clumped;
* ``dp_norm`` (Lijffijt & Gries 2012): ``DP / (1 - min_i s_i)``, so that the
  maximum is 1 whatever the part sizes.

Parts are weighted by their token counts in DP (``s_i``) and through the
relative frequencies in D.  Every part present in the tokens counts, also
parts where the term never occurs — that is the point of dispersion.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from newskit.errors import ArgumentError
from newskit.analysis.dtm import RowGroups, document_term_matrix

__all__ = ["dispersion_measures"]


def _part_counts(tokens: pd.DataFrame, terms: Sequence[str], by: RowGroups, column: str) -> tuple[np.ndarray, np.ndarray]:
    """(part sizes, parts × terms frequencies) with zeros for absent terms."""
    dtm = document_term_matrix(tokens, by=by, column=column, content_only=False)
    sizes = np.asarray(dtm.matrix.sum(axis=1), dtype=float).ravel()
    where = dtm.terms.get_indexer(list(terms))
    present = where >= 0
    freqs = np.zeros((len(sizes), len(where)))
    freqs[:, present] = dtm.matrix[:, where[present]].toarray()
    return sizes, freqs


def dispersion_measures(
    tokens: pd.DataFrame,
    terms: Sequence[str] | str,
    *,
    by: RowGroups = "doc_id",
    column: str = "lemma",
    normalised: bool = False,
) -> pd.DataFrame:
    """``term, frequency, range, juilland_d, dp`` (and ``dp_norm`` when
    ``normalised``) for each of ``terms``, in the order given; a term absent
    from the corpus gets frequency 0 and NaN scores rather than vanishing."""
    terms = [terms] if isinstance(terms, str) else list(dict.fromkeys(terms))
    if not terms:
        raise ArgumentError("dispersion_measures needs at least one term")
    sizes, freqs = _part_counts(tokens, terms, by, column)
    if not len(sizes) or sizes.sum() == 0:
        raise ArgumentError("these tokens hold no words to measure dispersion on")
    total = freqs.sum(axis=0)
    share = sizes / sizes.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = freqs / np.where(sizes > 0, sizes, np.nan)[:, None]
        relative = relative[sizes > 0]
        variation = relative.std(axis=0) / relative.mean(axis=0)
        juilland = 1 - variation / np.sqrt(len(relative) - 1)
        dp = 0.5 * np.abs(freqs / total - share[:, None]).sum(axis=0)
    table = pd.DataFrame({
        "term": terms,
        "frequency": total.astype("int64"),
        "range": (freqs > 0).sum(axis=0).astype("int64"),
        "juilland_d": np.where(total > 0, juilland, np.nan),
        "dp": np.where(total > 0, dp, np.nan),
    })
    if normalised:
        table["dp_norm"] = table["dp"] / (1 - share.min()) if share.min() < 1 else np.nan
    table.attrs.update({"parts": len(sizes), "by": by if isinstance(by, str | list) else "mapping"})
    return table
