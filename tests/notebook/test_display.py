"""say(): computed prose renders as Markdown with corpus text shown literally;
start() makes IPython show every Styler escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit.notebook.display import install_escaping_display, render_prose

PROSE_CASES = [
    # a title with a script (IPython's Markdown output ran it in the HTML report)
    pytest.param("Title: <script>window.__pwned=1</script>", "&lt;script&gt;window.__pwned=1&lt;/script&gt;", "<script", id="script"),
    # an image with an error handler
    pytest.param('<img src=x onerror="window.__pwned=1">', "&lt;img src=x onerror=", "<img", id="img-onerror"),
    # an svg with an onload handler, inside the kit's own bold
    pytest.param("Entity: **<svg onload=alert(1)>**", "<strong>&lt;svg onload=alert(1)&gt;</strong>", "<svg", id="svg-in-bold"),
    # harmless comparison text used to open an element
    pytest.param("a<b and b>c", "a&lt;b and b&gt;c", "<b", id="less-than"),
    # an unclosed script used to swallow what follows
    pytest.param("open <script>window.__pwned=1", "open &lt;script&gt;", "<script", id="unclosed-script"),
    # a javascript: link target is dropped
    pytest.param("[click](javascript:window.__pwned=1)", 'href="#harmful-link"', "javascript:", id="javascript-link"),
    # the kit's own Markdown still renders: code spans (escaped inside) and emphasis
    pytest.param("KWIC term: `<b>x</b>` in *italics*", "<code>&lt;b&gt;x&lt;/b&gt;</code> in <em>italics</em>", "<b>", id="kit-markdown"),
]


@pytest.mark.parametrize("text, shown, absent", PROSE_CASES)
def test_render_prose_escapes_html(text, shown, absent):
    html = render_prose(text)
    assert shown in html and absent not in html
    assert 'class="tex2jax_ignore mathjax_ignore"' in html  # a $ in a title is not typeset


def test_say_displays_escaped_html(monkeypatch):
    from newskit.notebook import display as module

    shown = []
    monkeypatch.setattr(module, "display", lambda data, raw: shown.append(data))
    module.say("Title: <script>x</script>")
    module.say("")  # nothing for an empty sentence
    assert len(shown) == 1 and "&lt;script&gt;" in shown[0]["text/html"]
    assert shown[0]["text/plain"] == "Title: <script>x</script>"


def test_ipython_shows_every_styler_escaped():
    # after start(), a Styler a researcher builds (labels, explicit formats) shows literally
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        install_escaping_display()
        frame = pd.DataFrame({"<b>t</b>": ["<script>x</script>"]}, index=["<i>i</i>"])
        with pd.option_context("styler.format.escape", None):
            data, _ = shell.display_formatter.format(frame.style.format(precision=2))
        html = data["text/html"]
        assert "<script>" not in html and "<b>t" not in html and "<i>i" not in html
    finally:
        InteractiveShell.clear_instance()
