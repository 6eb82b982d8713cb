"""An interactive KWIC explorer for JupyterLab that degrades to static tables.

Shown as a cell's last expression (or with ``display``), :func:`explore_kwic`
gives

* in JupyterLab (a live kernel, ipywidgets): a query box, the match mode,
  the window and the sort order; the concordance lines and the hits per
  document are recomputed whenever a control changes (the query when Enter is
  pressed or the box loses focus);
* in nbconvert HTML, GitHub and any viewer without a widget manager: the same
  tables for the initial query, as plain HTML.  The output carries both the
  widget view and ``text/html`` (:meth:`KwicExplorer._repr_mimebundle_`); a
  front-end that cannot draw widgets shows the HTML.  (nbconvert prefers the
  widget when the executed notebook stores widget state, so ``make run``
  executes with ``store_widget_state=False``.)

The queries are answered by :class:`newskit.analysis.concordance.Concordancer`
(prepared once); this module only wires widgets and writes HTML, escaping
every value (article text may hold markup).
"""

from __future__ import annotations

import html
from typing import Unpack

import ipywidgets as widgets
import pandas as pd

from newskit.analysis.concordance import Concordancer, KwicSettings
from newskit.analysis.matching import MATCH_MODES
from newskit.errors import NewskitError

__all__ = ["SORT_CHOICES", "KwicExplorer", "explore_kwic", "render_counts", "render_lines"]

#: The sort menu: label → ``sort=`` value ("" = reading order).
SORT_CHOICES = (("reading order", ""), ("R1", "R1"), ("R1, R2", "R1,R2"), ("L1", "L1"), ("L1, L2", "L1,L2"),
                ("keyword", "KW"))
#: The widest window the slider offers.
MAX_WINDOW = 15
_CELL = "padding:1px 6px;white-space:nowrap;"


def render_lines(lines: pd.DataFrame, max_rows: int) -> str:
    """The KWIC lines as an HTML table (left context right-aligned, keyword in
    bold), at most ``max_rows`` of them."""
    rows = "".join(
        f"<tr><td style='{_CELL}'>{html.escape(str(doc))}</td>"
        f"<td style='{_CELL}text-align:right'>{html.escape(str(left))}</td>"
        f"<td style='{_CELL}font-weight:bold'>{html.escape(str(keyword))}</td>"
        f"<td style='{_CELL}'>{html.escape(str(right))}</td></tr>"
        for doc, left, keyword, right in lines[["doc_id", "left", "keyword", "right"]].head(max_rows).itertuples(
            index=False))
    more = f"<p>showing {max_rows} of {len(lines)} lines</p>" if len(lines) > max_rows else ""
    return (f"<table class='newskit-kwic-lines' data-lines='{len(lines)}'><thead><tr><th>doc_id</th>"
            f"<th style='text-align:right'>left</th><th>keyword</th><th>right</th></tr></thead><tbody>{rows}"
            f"</tbody></table>{more}")


def render_counts(counts: pd.DataFrame) -> str:
    """Hits per document (:func:`newskit.analysis.concordance.count_hits`) as HTML."""
    rows = "".join(
        f"<tr data-doc='{html.escape(str(doc))}'><td style='{_CELL}'>{html.escape(str(doc))}</td>"
        f"<td style='{_CELL}text-align:right' class='hits'>{hits}</td>"
        f"<td style='{_CELL}text-align:right'>{rate:.2f}</td><td style='{_CELL}'>{html.escape(str(forms))}</td></tr>"
        for doc, hits, rate, forms in counts[["doc_id", "hits", "per_1000_words", "forms"]].itertuples(index=False))
    return ("<table class='newskit-kwic-counts'><thead><tr><th>doc_id</th><th>hits</th><th>per 1,000 words</th>"
            f"<th>forms</th></tr></thead><tbody>{rows}</tbody></table>")


class KwicExplorer:
    """The widgets of one explorer and its current result (see the module
    docstring); ``lines``, ``counts`` and ``status`` hold the latest answer."""

    def __init__(self, tokens: pd.DataFrame, paragraphs: pd.DataFrame, query: str = "", window: int = 5,
                 max_rows: int = 100, **settings: Unpack[KwicSettings]) -> None:
        self.search = Concordancer(tokens, paragraphs)
        self.max_rows = max_rows
        chosen = settings.get("sort") or ""
        sort = chosen if isinstance(chosen, str) else ",".join(chosen)
        self.query = widgets.Text(value=query, placeholder="e.g. Grok", description="query",
                                  continuous_update=False)
        self.mode = widgets.Dropdown(options=MATCH_MODES, value=settings.get("mode", "token"), description="mode")
        self.window = widgets.IntSlider(value=window, min=0, max=max(MAX_WINDOW, window), description="window")
        known = [value for _, value in SORT_CHOICES]
        self.sort = widgets.Dropdown(options=SORT_CHOICES if sort in known else (*SORT_CHOICES, (sort, sort)),
                                     value=sort, description="sort")
        self.status, self.counts_view, self.lines_view = widgets.HTML(), widgets.HTML(), widgets.HTML()
        for control, name in ((self.query, "query"), (self.mode, "mode"), (self.window, "window"),
                              (self.sort, "sort"), (self.status, "status"), (self.counts_view, "counts"),
                              (self.lines_view, "lines")):
            control.add_class(f"newskit-kwic-{name}")
        self.widget = widgets.VBox([widgets.HBox([self.query, self.mode]), widgets.HBox([self.window, self.sort]),
                                    self.status, self.counts_view, self.lines_view])
        self.widget.add_class("newskit-kwic")
        self.lines, self.counts, self.message = pd.DataFrame(), pd.DataFrame(), ""
        for control in (self.query, self.mode, self.window, self.sort):
            control.observe(self.refresh, names="value")
        self.refresh()

    def refresh(self, _change: object = None) -> None:
        """Answer the current controls and update the three views; a bad query
        (an invalid regex, say) is shown, never raised inside the widget."""
        query = self.query.value.strip()
        if not query:
            self.lines, self.counts, self.message = pd.DataFrame(), pd.DataFrame(), "Type a query and press Enter."
        else:
            try:
                self.lines = self.search.kwic(query, window=self.window.value, mode=self.mode.value,
                                              sort=self.sort.value or None)
            except NewskitError as error:
                self.lines, self.counts, self.message = pd.DataFrame(), pd.DataFrame(), str(error)
            else:
                self.counts = self.search.count_hits(self.lines)
                found = int((self.counts["hits"] > 0).sum())
                self.message = (f"{len(self.lines)} hits of {query!r} in {found} of {len(self.counts)} documents "
                                f"(mode {self.mode.value}). " + self.lines.attrs.get("note", ""))
        self.status.value = f"<p class='newskit-kwic-message'>{html.escape(self.message)}</p>"
        self.counts_view.value = render_counts(self.counts) if len(self.counts) else ""
        self.lines_view.value = render_lines(self.lines, self.max_rows) if len(self.lines) else ""

    def static_html(self) -> str:
        """The current result as plain HTML: what viewers without widgets show."""
        return (f"<div class='newskit-kwic-static'>{self.status.value}{self.counts_view.value}"
                f"{self.lines_view.value}<p><em>Static snapshot: open the notebook in JupyterLab to search "
                "interactively.</em></p></div>")

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        """The widget view plus the static HTML fallback (module docstring)."""
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.static_html()
        return bundle


def explore_kwic(tokens: pd.DataFrame, paragraphs: pd.DataFrame, query: str = "", window: int = 5,
                 max_rows: int = 100, **settings: Unpack[KwicSettings]) -> KwicExplorer:
    """An interactive concordance of ``tokens`` (their paragraphs' text from
    ``paragraphs``) starting at ``query``; ``settings`` are :func:`kwic`'s
    ``mode`` and ``sort``; at most ``max_rows`` lines are shown at once."""
    return KwicExplorer(tokens, paragraphs, query, window, max_rows, **settings)
