"""The KWIC explorer without a browser: widgets answer their controls, bad
queries are shown not raised, and nbconvert's HTML shows the static tables
(the real-browser test is tests/integration/test_browser_kwic.py)."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest
from nbconvert import HTMLExporter

from newskit.notebook.explorer import SORT_CHOICES, explore_kwic
from tests.builders import make_paragraphs, make_tokens, read_stats_table


@pytest.fixture()
def explorer():
    # de1: "Die Aktionäre kaufen Aktien. Musk verkauft Aktien." (7 words), ja1 24 words, en1 12 words
    return explore_kwic(read_stats_table("stats_tokens.csv"), read_stats_table("stats_paragraphs.csv"), "aktie",
                        window=2, mode="substring")


def test_initial_query(explorer):
    assert len(explorer.lines) == 2
    assert explorer.counts.set_index("doc_id")["hits"].to_dict() == {"ja1": 0, "en1": 0, "de1": 2}
    assert explorer.message.startswith("2 hits of 'aktie' in 1 of 3 documents (mode substring).")
    assert "data-lines='2'" in explorer.lines_view.value and "Aktien ×2" in explorer.counts_view.value


def test_controls_update_the_tables(explorer):
    # token mode: "aktie" is the lemma of both Aktien → still 2; the window widens the context
    explorer.mode.value = "token"
    assert len(explorer.lines) == 2 and explorer.lines.attrs["mode"] == "token"
    explorer.window.value = 0
    assert explorer.lines["left"].tolist() == ["", ""]
    # a new query: Musk in en1 (twice) and de1 (once)
    explorer.query.value = "Musk"
    assert explorer.counts.set_index("doc_id")["hits"].to_dict() == {"ja1": 0, "en1": 2, "de1": 1}
    explorer.sort.value = "R1"  # R1: "sold" (en1/1), "unveils" (en1/0), "verkauft" (de1)
    assert explorer.lines["right"].tolist() == ["", "", ""] and explorer.lines.attrs["sort"] == ["R1"]
    explorer.window.value = 1
    assert [r.strip() for r in explorer.lines["right"]] == ["sold", "unveils", "verkauft"]


def test_a_bad_query_is_shown_not_raised(explorer):
    explorer.mode.value = "regex"
    explorer.query.value = "Akt(ie"
    assert "is not valid" in explorer.message and explorer.lines.empty
    assert explorer.lines_view.value == "" and "is not valid" in explorer.status.value
    explorer.query.value = "  "
    assert explorer.message == "Type a query and press Enter."


def test_mimebundle_has_the_widget_and_the_static_html(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "newskit-kwic-lines" in bundle["text/html"] and "Static snapshot" in bundle["text/html"]


def test_nbconvert_html_shows_the_static_table(explorer):
    # an executed notebook without widget state (as `make run` stores it): HTML shows the text/html part
    bundle = explorer._repr_mimebundle_()
    cell = nbformat.v4.new_code_cell("explore_kwic(...)", outputs=[
        nbformat.v4.new_output("display_data", data={k: v for k, v in bundle.items()})])
    body, _ = HTMLExporter().from_notebook_node(nbformat.v4.new_notebook(cells=[cell]))
    assert "newskit-kwic-lines" in body and "Aktien" in body


def test_article_markup_is_escaped():
    tokens = make_tokens({"d": "<script>alert(1)</script> Grok"})
    shown = explore_kwic(tokens, make_paragraphs(tokens), "Grok", window=3)
    assert "<script>" not in shown.static_html() and "&lt;script&gt;" in shown.static_html()


def test_rows_are_capped(explorer):
    tokens = make_tokens({"d": " ".join(["x"] * 30)})
    shown = explore_kwic(tokens, make_paragraphs(tokens), "x", max_rows=5)
    assert shown.lines_view.value.count("<tr>") == 1 + 5 and "showing 5 of 30 lines" in shown.lines_view.value


def test_sort_menu_accepts_a_given_order():
    tokens = make_tokens({"d": "a x b"})
    shown = explore_kwic(tokens, make_paragraphs(tokens), "x", sort=["R2", "R1"])
    assert shown.sort.value == "R2,R1" and len(SORT_CHOICES) + 1 == len(shown.sort.options)
    assert isinstance(shown.counts, pd.DataFrame)
