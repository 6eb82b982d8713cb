"""Notebook plumbing: parameter resolvers, the :class:`Outputs` helper,
prose computed from tables, and the HTML report index."""

from newskit.notebook.display import install_escaping_display, present_columns, render_prose, say
from newskit.notebook.outputs import Outputs, start
from newskit.notebook.params import (
    DocChoice,
    TermChoice,
    docs_in_language,
    resolve_doc,
    resolve_group,
    resolve_sample_docs,
    resolve_story,
    resolve_terms,
)
from newskit.notebook.prose import describe_token_sizes

__all__ = ["DocChoice", "Outputs", "TermChoice", "describe_token_sizes", "docs_in_language", "install_escaping_display",
           "present_columns", "render_prose", "resolve_doc", "resolve_group", "resolve_sample_docs", "resolve_story",
           "resolve_terms", "say", "start"]
