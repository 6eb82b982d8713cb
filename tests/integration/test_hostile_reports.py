"""A corpus of hostile articles and titles, executed and opened in a real browser.

``tests/data/hostile/`` holds three versions of one story (de, en, ja, one
translation ``group``) whose titles, publishers, notes and every paragraph
carry payloads: ``<script>window.__pwned=1</script>``, ``<img src=x
onerror="window.__pwned=1">``, ``<svg onload=…>``, ``a<b`` (used to become a
bold element), an unclosed ``<script>`` (used to swallow a cell) and
``=HYPERLINK(...)``.  Notebooks 01, 02, 03 and 05 run on a copy of it with
papermill (hostile parameters too: a KWIC term, dispersion terms and an
entity that are themselves payloads), are converted to HTML with nbconvert
as ``make run`` does, and the report index is built with ``python -m
newskit.notebook.report``.  Each page is opened in Debian's Chromium
(Playwright, every request but ``file:`` refused, so the test is offline):
no payload may run (``window.__pwned`` stays undefined) and the payload text
must be shown literally.  The CSVs the notebooks wrote are spreadsheet-safe.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "JUPYTER_PREFER_ENV_PATH": "1"}
SCRIPT = "<script>window.__pwned=1</script>"
#: Notebook number → hostile parameters (besides DATA_DIR).
NOTEBOOKS = {
    "01": {"SAMPLE_DOCS": None},
    "02": {"KWIC_TERM": '<img src=x onerror="window.__pwned=1">',
           "DISPERSION_TERMS": ["<svg onload=window.__pwned=1>", "Musk"]},
    "03": {"KWIC_ENTITY": SCRIPT},
    "05": {},
}
#: What each page must show literally (payloads from the catalog or the text).
SHOWN = {
    "01": [SCRIPT],                                          # a title in the catalog table
    "02": [SCRIPT],                                          # the titles table
    "03": ['<img src=x onerror="win', "a<b"],  # the entity's contexts in each version (cut at 40 characters)
    "05": ['<svg onload="window.__pwned=1">', "a<b"],         # the versions side by side (a<b was bold)
}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run the browser test", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
pytestmark = pytest.mark.slow


def notebook(number: str) -> Path:
    return next((ROOT / "notebooks").glob(f"{number}-*.ipynb"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """Execute the notebooks on a copy of the hostile corpus; their HTML and
    the index go to that corpus's own ``reports/``."""
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    shutil.copytree(HOSTILE, corpus)
    out = corpus / "reports"
    out.mkdir()
    monkeypatch = pytest.MonkeyPatch()
    for name, value in KERNEL_ENV.items():
        monkeypatch.setenv(name, value)
    try:
        for number, parameters in NOTEBOOKS.items():
            source = notebook(number)
            executed = out / f"{source.stem}.ipynb"
            papermill.execute_notebook(str(source), str(executed), parameters={"DATA_DIR": str(corpus), **parameters},
                                       kernel_name="python3", cwd=str(ROOT), progress_bar=False,
                                       execution_timeout=300)
            body, _ = HTMLExporter().from_notebook_node(nbformat.read(executed, as_version=4))
            (out / f"{source.stem}.html").write_text(body, "utf-8")
    finally:
        monkeypatch.undo()
    subprocess.run([sys.executable, "-m", "newskit.notebook.report", "--reports", str(out), "--notebooks",
                    str(ROOT / "notebooks")], check=True, capture_output=True)
    return out


def open_page(path: Path) -> dict:
    """Open ``path`` in Chromium offline; what ran and what shows."""
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            page.goto(path.as_uri(), wait_until="load", timeout=60_000)
            page.wait_for_timeout(500)  # onerror/onload handlers of broken images fire after load
            return {"pwned": page.evaluate("typeof window.__pwned"),
                    "text": page.evaluate("document.body.innerText"),
                    "handlers": page.evaluate("[...document.querySelectorAll('[onerror],[onload]')].length")}
        finally:
            browser.close()


@pytest.mark.parametrize("number", list(NOTEBOOKS))
def test_no_payload_runs_and_the_text_shows_literally(reports, number):
    page = open_page(reports / f"{notebook(number).stem}.html")
    assert page["pwned"] == "undefined", f"a payload ran in {number}"
    assert page["handlers"] == 0, "an element with an event handler attribute was created"
    missing = [text for text in SHOWN[number] if text not in page["text"]]
    assert missing == [], f"not shown literally in {number}: {missing}"


def test_report_index_is_safe(reports):
    page = open_page(reports / "index.html")
    assert page["pwned"] == "undefined" and page["handlers"] == 0
    assert "Corpus overview" in page["text"]


def test_notebook_tables_are_spreadsheet_safe(reports):
    # the titles used to land verbatim in processed/01-*.csv
    cells = [cell for table in sorted((reports.parent / "processed").glob("0[1235]-*.csv"))
             for row in csv.reader(table.open(encoding="utf-8", newline="")) for cell in row]
    assert cells, "the notebooks wrote no tables"
    assert [cell for cell in cells if cell[:1] in ("=", "+", "@")] == []
