"""pandas Stylers for tables that show corpus text in notebooks and HTML.

Article text and catalog metadata may hold ``<script>``, ``<img onerror=…>``
or just ``a<b``; a Styler puts its values and labels into the HTML as they
are unless told to escape them (pandas escapes data cells only when
``styler.format.escape`` is set, which :func:`newskit.notebook.start` does,
and never index or column labels).  So every Styler the kit builds starts
from :func:`style_text_table`, which escapes cell values, index labels,
column labels and level names, and :func:`escape_styler` makes any Styler —
one a researcher built in a notebook included, with its own ``.format(…)``
calls — show its text literally: ``start()`` makes IPython display every
Styler through it.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pandas as pd
from markupsafe import escape
from pandas.io.formats.style import Styler

__all__ = ["escape_styler", "style_aligned_view", "style_text_table"]

#: The Styler's formatting tables (pandas 2.2-3.1): cell values, index
#: labels, column labels, and the level names of both (pandas >= 3).
_DISPLAY_FUNCS = ("_display_funcs", "_display_funcs_index", "_display_funcs_columns",
                  "_display_funcs_index_names", "_display_funcs_column_names")


def style_text_table(frame: pd.DataFrame) -> Styler:
    """``frame.style`` with HTML escaped in every cell value, index and
    column label (and level name): the starting point of every Styler that
    shows corpus text."""
    styler = frame.style.format(escape="html")
    for axis in (0, 1):
        styler = styler.format_index(escape="html", axis=axis)
        if hasattr(styler, "format_index_names"):
            styler = styler.format_index_names(escape="html", axis=axis)
    return styler


def _escaping(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``func`` made safe for text holding ``< > & " '``: if its output does
    not already contain the escaped text (pandas' ``escape="html"`` does
    exactly this escaping, with the same function), it is given the escaped
    text instead, so a formatter's own markup (``"<b>{}</b>"``) still works
    around literal corpus text."""
    def show(value: Any) -> Any:
        if isinstance(value, str):
            safe = str(escape(value))
            if safe != value:
                shown = func(value)
                return shown if isinstance(shown, str) and safe in shown else func(safe)
        return func(value)
    return show


def _escaping_factory(make: Callable[[], Callable[[Any], Any]]) -> Callable[[], Callable[[Any], Any]]:
    return lambda: _escaping(make())


def escape_styler(styler: Styler) -> Styler:
    """A copy of ``styler`` that shows every text of its cells, index and
    column labels and level names literally (HTML-escaped once, never
    twice), whether it is on pandas' default formatting or on a formatter
    set with ``.format(…)``/``.format_index(…)``."""
    safe = copy.deepcopy(styler)
    for target in (safe, *getattr(safe, "concatenated", [])):
        for name in _DISPLAY_FUNCS:
            funcs = getattr(target, name, None)
            if not isinstance(funcs, defaultdict):
                continue
            for key, func in list(funcs.items()):
                funcs[key] = _escaping(func)
            if funcs.default_factory is not None:
                funcs.default_factory = _escaping_factory(funcs.default_factory)
    return safe


def style_aligned_view(view: pd.DataFrame) -> Styler:
    """A pandas Styler of :func:`aligned_view`: wrapped text, flagged rows
    highlighted, every text escaped, for notebooks and their HTML export."""
    def highlight(row: pd.Series) -> list[str]:
        colour = "background-color: #fde2e1" if row["flagged"] else ""
        return [colour] * len(row)

    return (style_text_table(view).apply(highlight, axis=1).hide(axis="index")
            .set_properties(**{"text-align": "left", "white-space": "pre-wrap", "vertical-align": "top",
                               "min-width": "14em", "font-size": "0.85em"}))
