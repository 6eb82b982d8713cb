"""Notebook plumbing: parameter resolvers, the :class:`Outputs` helper,
prose computed from tables, and the HTML report index."""

from newskit.notebook.display import present_columns, say
from newskit.notebook.outputs import Outputs, start
from newskit.notebook.params import (
    DocChoice,
    TermChoice,
    choose_doc,
    docs_in_language,
    resolve_doc,
    resolve_group,
    resolve_sample_docs,
    resolve_terms,
)
from newskit.notebook.prose import describe_dates, describe_missing_groups, describe_peak, describe_token_sizes

__all__ = ["DocChoice", "Outputs", "TermChoice", "choose_doc", "describe_dates", "describe_missing_groups", "describe_peak", "describe_token_sizes", "docs_in_language", "present_columns",
           "resolve_doc", "resolve_group", "resolve_sample_docs", "resolve_terms", "say", "start"]
