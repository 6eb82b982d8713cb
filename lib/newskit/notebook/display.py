"""Showing computed prose and picking catalog columns in notebooks.

Interpretation in the notebooks sits under the output it interprets; a
sentence that quotes a number is computed from the table (a short f-string
passed to :func:`say`), so on another corpus it says what that corpus's
tables say.

Such sentences quote corpus text (titles, terms, doc_ids, entity labels), and
IPython's ``Markdown`` output is turned into HTML without escaping by
nbconvert: a title ``<script>…</script>`` would run when the report is
opened.  So :func:`say` renders its Markdown itself, with mistune and every
raw HTML tag escaped (``escape=True``; ``javascript:``/``data:`` link
targets become ``#harmful-link``), and displays the HTML: Markdown the kit
writes (``**bold**``, `` `code` ``, ``*emphasis*``) still renders, anything
that looks like HTML shows literally.  The kit's sentences use no raw HTML.
MathJax is kept off the result (a ``$`` in a title is a dollar sign).
:func:`install_escaping_display` (called by ``start()``) makes IPython show
every pandas Styler with its text escaped (:func:`newskit.viz.styles.escape_styler`).
"""

from __future__ import annotations

from collections.abc import Sequence

import mistune
import pandas as pd
from IPython import get_ipython
from IPython.display import display
from pandas.io.formats.style import Styler

from newskit.viz.styles import escape_styler

__all__ = ["install_escaping_display", "present_columns", "render_prose", "say"]

_MARKDOWN = mistune.create_markdown(escape=True)


def render_prose(text: str) -> str:
    """The HTML of Markdown ``text`` with raw HTML escaped (see the module
    docstring), in a block MathJax leaves alone."""
    return f'<div class="tex2jax_ignore mathjax_ignore">\n{_MARKDOWN(text)}</div>'


def say(text: str) -> None:
    """Display Markdown ``text`` as prose (nothing for an empty string), so
    a computed sentence renders in JupyterLab and in the HTML report; text
    quoted from the corpus shows literally, never as HTML."""
    if text:
        display({"text/html": render_prose(text), "text/plain": text}, raw=True)


def _styler_html(styler: Styler) -> str | None:
    """What IPython shows for a Styler: its HTML with every text escaped."""
    return escape_styler(styler)._repr_html_()


def install_escaping_display() -> None:
    """In an IPython kernel, show every pandas Styler through
    :func:`newskit.viz.styles.escape_styler` (nothing outside IPython)."""
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(Styler, _styler_html)


def present_columns(frame: pd.DataFrame, wanted: Sequence[str]) -> list[str]:
    """The columns of ``wanted`` that ``frame`` has, in that order: a catalog
    needs only ``doc_id, file, lang``, so a notebook shows whatever metadata
    there is instead of failing on a missing ``title``."""
    return [column for column in wanted if column in frame.columns]
