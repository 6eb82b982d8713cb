"""A real browser runs a notebook through JupyterLab's UI.

JupyterLab and Chromium are started by :mod:`tests.integration.jupyterlab`.
Notebook 02 is opened from a throw-away copy and Run All Cells comes from the
menu bar (Run -> Run All Cells).  The test waits until every code cell has an
execution count and the kernel is idle, then asserts that no output shows a
traceback (JupyterLab renders errors as ``application/vnd.jupyter.stderr``)
or a missing-glyph warning, and that at least one figure (an ``img`` in an
output area) has loaded.  The screenshot, scrolled to the first figure, goes
to ``reports/browser/<notebook>.png``.  Like ``make run``, the notebook writes
its tables and figures to ``data/processed`` and ``reports/figures``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.jupyterlab import BAD_OUTPUT, ROOT, SCREENSHOTS, lab, notebook_copy, open_page, run_all_cells

pytestmark = pytest.mark.slow  # runs in `make test`; `pytest -m "not slow"` leaves it out
__all__ = ["lab"]  # the fixture (skips the module without Chromium or Playwright), imported for pytest

#: The notebook driven through the UI (its figures are the point of the test).
NOTEBOOK = ROOT / "notebooks" / "02-term-frequency.ipynb"


def open_and_run(base: str, token: str, notebook: Path, user_data: Path, screenshot: Path) -> dict:
    """Open ``notebook`` in Chromium, run it, screenshot; return what the page shows."""
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    with open_page(base, token, notebook, user_data) as page:
        try:
            run_all_cells(page)
        except Exception:
            page.screenshot(path=str(screenshot.with_name(f"{screenshot.stem}-failure.png")))
            raise
        outputs = page.locator(".jp-OutputArea-output").all_inner_texts()
        stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        images = page.locator(".jp-OutputArea-output img")
        loaded = images.evaluate_all("imgs => imgs.filter(i => i.complete && i.naturalWidth > 0).length")
        if images.count():
            images.first.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot))
        return {"outputs": outputs, "stderr": stderr.all_inner_texts(), "images": loaded}


def test_notebook_runs_in_jupyterlab(lab, tmp_path):
    base, token = lab
    with notebook_copy(NOTEBOOK) as copy:
        before = copy.read_bytes()
        shown = open_and_run(base, token, copy, tmp_path / "chromium-profile", SCREENSHOTS / f"{NOTEBOOK.stem}.png")
        assert copy.read_bytes() == before, "the notebook was saved from the browser"
    bad = [text[:500] for text in shown["stderr"] + shown["outputs"] if any(b in text for b in BAD_OUTPUT)]
    assert bad == [], "error output in the browser:\n" + "\n---\n".join(bad)
    assert shown["images"] >= 1, "no figure was rendered in any output area"
