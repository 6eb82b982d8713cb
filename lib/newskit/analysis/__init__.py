"""Statistics over the token table: tables in, tables out, never a figure.

Everything here starts from the stable token table (``newskit.tokenize_corpus``)
or from the sparse :class:`DocumentTermMatrix` built from it, and returns
pandas tables or small frozen dataclasses; plotting lives in
:mod:`newskit.viz`.  This layer never imports matplotlib.
"""

from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix

__all__ = ["DocumentTermMatrix", "document_term_matrix"]
