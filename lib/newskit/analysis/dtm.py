"""The shared sparse document-term matrix.

TF-IDF, cosine similarity, keyness, correspondence analysis, clustering,
dispersion and topic models all start from the same counts: how often each
term occurs in each row (a document, a paragraph, a language, a month …).
:func:`document_term_matrix` builds them once as a ``scipy.sparse`` CSR matrix
without any per-row Python loop (pandas group numbers and term codes feed a
COO matrix whose duplicates sum), so 1,000 articles × 30,000 terms stay a few
megabytes instead of a dense 240 MB frame.

Terms are :func:`newskit.analysis.frequency.term_labels` terms (lemma, surface
fallback, no punctuation), content words only by default; columns are sorted by term and
rows by group, so the same tokens always give the identical matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from newskit.analysis.frequency import check_columns, term_labels, word_mask
from newskit.errors import ArgumentError

__all__ = ["DocumentTermMatrix", "RowGroups", "document_term_matrix", "group_codes"]

#: ``by`` of the matrix builders: a token column, several, or a Series
#: mapping ``doc_id`` to a group (``documents.set_index("doc_id")["lang"]``).
RowGroups = str | Sequence[str] | pd.Series


@dataclass(frozen=True, eq=False)
class DocumentTermMatrix:
    """Counts of ``terms`` (columns) per ``rows`` (groups) as a CSR matrix."""

    matrix: sparse.csr_matrix
    rows: pd.Index
    terms: pd.Index

    def __post_init__(self) -> None:
        if self.matrix.shape != (len(self.rows), len(self.terms)):
            raise ArgumentError(f"a {self.matrix.shape} matrix does not fit {len(self.rows)} rows "
                                f"× {len(self.terms)} terms")

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> DocumentTermMatrix:
        """A matrix from a dense rows × terms count table (small inputs, tests)."""
        values = frame.to_numpy()
        if values.size and (not np.issubdtype(values.dtype, np.number) or (values < 0).any()):
            raise ArgumentError("a document-term table holds counts: non-negative numbers only")
        return cls(sparse.csr_matrix(values), frame.index.copy(), pd.Index(frame.columns, name="term"))

    def to_frame(self) -> pd.DataFrame:
        """The matrix as a dense rows × terms DataFrame (mind the size)."""
        return pd.DataFrame(self.matrix.toarray(), index=self.rows, columns=self.terms)

    @property
    def term_counts(self) -> pd.Series:
        """Total count of every term over all rows."""
        return pd.Series(np.asarray(self.matrix.sum(axis=0)).ravel(), index=self.terms, name="count")

    @property
    def doc_freq(self) -> pd.Series:
        """Number of rows in which each term occurs at least once."""
        return pd.Series(np.diff(self.matrix.tocsc().indptr), index=self.terms, name="n_rows")

    @property
    def row_totals(self) -> pd.Series:
        """Counted tokens of every row."""
        return pd.Series(np.asarray(self.matrix.sum(axis=1)).ravel(), index=self.rows, name="tokens")

    def select_terms(self, terms: Sequence[str]) -> DocumentTermMatrix:
        """The columns of ``terms``, in that order; an unknown term is an error
        (a typo must not turn into a silent column of zeros)."""
        wanted = pd.Index(list(dict.fromkeys(terms)), name="term")
        where = self.terms.get_indexer(wanted)
        if (where < 0).any():
            unknown = ", ".join(map(repr, wanted[where < 0][:10]))
            raise ArgumentError(f"term(s) {unknown} do not occur in this matrix")
        return DocumentTermMatrix(self.matrix[:, where].tocsr(), self.rows, wanted)

    def top_terms(self, n: int, *, min_rows: int = 1) -> DocumentTermMatrix:
        """The ``n`` most frequent terms occurring in at least ``min_rows``
        rows, ties broken by term so the cut is reproducible."""
        if n < 1:
            raise ArgumentError(f"top_terms needs n >= 1, got {n}")
        table = pd.DataFrame({"count": self.term_counts, "rows": self.doc_freq})
        table = table[table["rows"] >= min_rows].rename_axis("term").reset_index()
        table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
        return self.select_terms(table["term"].head(n).tolist())


def group_codes(tokens: pd.DataFrame, by: RowGroups) -> tuple[np.ndarray, pd.Index]:
    """Row number of every token's group and the group labels, sorted.

    ``by`` is a token column, a list of them (a MultiIndex of labels) or a
    Series mapping ``doc_id`` to a group, so groups that live in the document
    table (``lang``, ``publisher``, a month) need no merge; a document missing
    from that mapping is an error, not a silently dropped row.
    """
    if isinstance(by, pd.Series):
        check_columns(tokens, ["doc_id"])
        mapping = by.copy()
        mapping.index = mapping.index.astype(str)
        doc_ids = tokens["doc_id"].astype(str)
        missing = sorted(set(doc_ids.unique()) - set(mapping.dropna().index))
        if missing:
            shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            raise ArgumentError(f"the by= mapping has no group for doc_id(s) {shown}; "
                                "give every document a group (e.g. documents.set_index('doc_id')[column])")
        keys = pd.DataFrame({by.name or "group": doc_ids.map(mapping).to_numpy()}, index=tokens.index)
    else:
        columns = [by] if isinstance(by, str) else list(by)
        if not columns:
            raise ArgumentError("by= names no column; give a token column such as 'doc_id'")
        check_columns(tokens, columns)
        keys = tokens[columns]
    grouped = keys.groupby(list(keys.columns), sort=True, observed=True, dropna=False)
    return grouped.ngroup().to_numpy(), grouped.size().index


def document_term_matrix(
    tokens: pd.DataFrame,
    *,
    by: RowGroups = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
    min_count: int = 1,
) -> DocumentTermMatrix:
    """Count terms per group of ``by`` as a sparse matrix.

    ``by`` is a token column (``"doc_id"``), several (``["doc_id",
    "para_id"]`` for paragraphs) or a Series mapping doc_id → group.  Every
    group present in ``tokens`` gets a row, even one without counted words,
    so row sets line up with the document table.  Terms occurring fewer than
    ``min_count`` times in all rows together are left out.
    """
    if min_count < 1:
        raise ArgumentError(f"min_count must be 1 or more, got {min_count}")
    rows, labels = group_codes(tokens, by)
    terms = term_labels(tokens, column)
    keep = word_mask(tokens, terms).to_numpy()
    if content_only:
        keep = keep & tokens["is_content"].fillna(False).astype(bool).to_numpy()
    term_codes, vocabulary = pd.factorize(terms[keep], sort=True)
    totals = np.bincount(term_codes, minlength=len(vocabulary))
    frequent = totals >= min_count
    remap = np.cumsum(frequent) - 1
    chosen = frequent[term_codes]
    matrix = sparse.coo_matrix(
        (np.ones(int(chosen.sum()), dtype=np.int64), (rows[keep][chosen], remap[term_codes[chosen]])),
        shape=(len(labels), int(frequent.sum())),
    ).tocsr()
    return DocumentTermMatrix(matrix, labels, pd.Index(vocabulary[frequent], name="term"))
