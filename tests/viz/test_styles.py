"""Stylers show corpus text literally: values, index and column labels escaped, once."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit.viz.styles import escape_styler, style_aligned_view, style_text_table

PAYLOAD = "<script>window.__pwned=1</script>"
ESCAPED = "&lt;script&gt;window.__pwned=1&lt;/script&gt;"


@pytest.fixture()
def frame() -> pd.DataFrame:
    return pd.DataFrame({f"<b>{PAYLOAD}</b>": [PAYLOAD, "Musk's a<b"], "share": [0.1234, 1.0]},
                        index=pd.Index(["<i>row</i>", "ok"], name="<u>name</u>"))


def assert_literal(html: str) -> None:
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert ESCAPED in html and "a&lt;b" in html
    assert "&amp;lt;" not in html and "&amp;#39;" not in html  # escaped once, never twice


def test_style_text_table_escapes_values_and_labels(frame):
    assert_literal(style_text_table(frame).to_html())


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda f: f.style, id="plain"),                             # default formatting
        pytest.param(lambda f: f.style.format(precision=2), id="format-precision"),  # an explicit .format()
        pytest.param(lambda f: f.style.format(), id="format-reset"),             # .format() resets to defaults
        pytest.param(lambda f: f.style.format(escape="html"), id="already-escaped"),  # no double escaping
        pytest.param(lambda f: f.style.format_index(str.upper, axis=1), id="index-formatter"),
        pytest.param(lambda f: f.style.hide(axis="index").set_properties(color="red"), id="properties"),
    ],
)
def test_escape_styler_makes_any_styler_literal(frame, build):
    # a researcher's own Styler (no escape option, explicit formats) used to put labels and
    # explicitly formatted values into the HTML raw
    with pd.option_context("styler.format.escape", None):
        html = escape_styler(build(frame)).to_html()
    assert "<script>" not in html and "<b>" not in html
    assert "&amp;lt;" not in html


def test_escape_styler_keeps_a_formatters_own_markup(frame):
    styler = frame.style.format(lambda text: f"<u>{text}</u>", subset=[frame.columns[0]])
    html = escape_styler(styler).to_html()
    assert f"<u>{ESCAPED}</u>" in html  # the formatter's markup stays, the text inside is escaped


def test_escape_styler_leaves_the_original_alone(frame):
    styler = frame.style
    with pd.option_context("styler.format.escape", None):
        escape_styler(styler)
        assert f"<b>{PAYLOAD}</b>" in styler.to_html()  # a copy was escaped, not the caller's Styler


def test_aligned_view_escapes_everything():
    view = pd.DataFrame({"para_id": [0], "hostile-de": [PAYLOAD], "<b>x</b>": ["a<b"], "flagged": [True]})
    with pd.option_context("styler.format.escape", None):
        html = style_aligned_view(view).to_html()
    assert "<script>" not in html and "<b>x" not in html and ESCAPED in html and "#fde2e1" in html
