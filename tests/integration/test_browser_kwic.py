"""The KWIC explorer of notebook 07 in a real browser: JupyterLab runs the
notebook, then the test types a query, changes the match mode and checks that
the status line, the hits per document and the lines follow.

On the shipped corpus (hand-checked in tests/analysis/test_matching.py):
"Grok" has 95 substring hits and 31 whole-token hits; every document has some.
The browser and server come from :mod:`tests.integration.jupyterlab`.
"""

from __future__ import annotations

import re

import pytest

from tests.integration.jupyterlab import BAD_OUTPUT, ROOT, SCREENSHOTS, lab, notebook_copy, open_page, run_all_cells

pytestmark = pytest.mark.slow  # runs in `make test`; `pytest -m "not slow"` leaves it out
__all__ = ["lab"]  # the fixture (skips the module without Chromium or Playwright), imported for pytest

NOTEBOOK = ROOT / "notebooks" / "07-collocations-and-dispersion.ipynb"
UPDATE_MS = 60_000


def explorer_state(page) -> dict:
    """What the explorer shows: the status line, hits per document, the number of lines."""
    status = page.locator(".newskit-kwic-status").inner_text()
    hits = page.locator(".newskit-kwic-counts table tbody tr td.hits").all_inner_texts()
    lines = page.locator(".newskit-kwic-lines table, table.newskit-kwic-lines").first.get_attribute("data-lines")
    return {"status": status, "hits": [int(h) for h in hits], "lines": int(lines or 0)}


def wait_for_status(page, pattern: str) -> dict:
    """Wait until the status line matches ``pattern`` (the kernel has answered)."""
    page.wait_for_function(
        "pattern => new RegExp(pattern).test(document.querySelector('.newskit-kwic-status')?.innerText || '')",
        arg=pattern, timeout=UPDATE_MS, polling=250)
    return explorer_state(page)


def test_kwic_explorer_updates_live(lab, tmp_path):
    base, token = lab
    screenshot = SCREENSHOTS / "07-kwic-explorer.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    with notebook_copy(NOTEBOOK) as copy, open_page(base, token, copy, tmp_path / "profile") as page:
        try:
            run_all_cells(page)
            page.locator(".newskit-kwic-query input").wait_for(timeout=UPDATE_MS)
            stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
            bad = [t for t in stderr.all_inner_texts() if any(b in t for b in BAD_OUTPUT)]
            assert bad == [], f"error output in the browser: {bad}"
            # the notebook's initial query: Grok in substring mode
            first = wait_for_status(page, r"^95 hits of 'Grok'")
            assert sum(first["hits"]) == 95 and first["lines"] == 95
            # change the mode: whole tokens only
            page.locator(".newskit-kwic-mode select").select_option("token")
            token_mode = wait_for_status(page, r"^31 hits of 'Grok'.*mode token")
            assert sum(token_mode["hits"]) == 31 and token_mode["lines"] == 31
            assert "mode='substring' finds them all" in token_mode["status"]
            # type a new query and press Enter
            box = page.locator(".newskit-kwic-query input")
            box.fill("Tesla")
            box.press("Enter")
            tesla = wait_for_status(page, r"hits of 'Tesla'")
            found = int(re.match(r"(\d+) hits", tesla["status"]).group(1))
            assert found > 0 and sum(tesla["hits"]) == found and tesla["lines"] == min(found, 100)
            assert tesla["hits"] != token_mode["hits"]
            page.locator(".newskit-kwic").scroll_into_view_if_needed()
            page.screenshot(path=str(screenshot))
        except Exception:
            page.screenshot(path=str(screenshot.with_name("07-kwic-explorer-failure.png")))
            raise
