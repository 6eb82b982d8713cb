"""Notebook plumbing: parameter resolvers, the :class:`Outputs` helper,
prose computed from tables, the HTML report index, and the interactive KWIC
explorer (:func:`explore_kwic`, ipywidgets with a static HTML fallback)."""

from newskit.lazy import lazy_exports

#: Public name → module of this subpackage it lives in (imported on first use).
_EXPORTS = {
    "install_escaping_display": "display",
    "present_columns": "display",
    "render_prose": "display",
    "say": "display",
    "KwicExplorer": "explorer",
    "explore_kwic": "explorer",
    "Outputs": "outputs",
    "start": "outputs",
    "DocChoice": "params",
    "TermChoice": "params",
    "choose_doc": "params",
    "docs_in_language": "params",
    "resolve_doc": "params",
    "resolve_group": "params",
    "resolve_sample_docs": "params",
    "resolve_story": "params",
    "resolve_terms": "params",
    "describe_dates": "prose",
    "describe_missing_groups": "prose",
    "describe_peak": "prose",
    "describe_token_sizes": "prose",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
