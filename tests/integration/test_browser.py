"""A real browser runs a notebook through JupyterLab's UI.

JupyterLab is started from this venv on 127.0.0.1 (a free port, token auth,
no browser of its own, ``root_dir`` = the repository) and Debian's Chromium is
driven with Playwright for Python (the PyPI wheel carries its own driver;
``playwright install`` is never run: the browser is ``/usr/bin/chromium``).

The notebook is opened from a throw-away copy in ``notebooks/`` (a name that
``NN-*.ipynb`` globs do not match), because JupyterLab may autosave: the
committed notebook must stay output-free.  Autosave is switched off as well,
the browser closes without saving, and the copy (with any checkpoint) is
deleted afterwards.  Like ``make run``, the notebook writes its tables and
figures to ``data/processed`` and ``reports/figures`` (both generated).

Run All Cells comes from the menu bar (Run -> Run All Cells).  The test waits
until every code cell has an execution count and the kernel is idle, then
asserts that no output shows a traceback (JupyterLab renders errors as
``application/vnd.jupyter.stderr``) or a missing-glyph warning, and that at
least one figure (an ``img`` in an output area) has loaded.  The screenshot,
scrolled to the first figure, goes to ``reports/browser/<notebook>.png``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: The notebook driven through the UI (its figures are the point of the test).
NOTEBOOK = ROOT / "notebooks" / "02-term-frequency.ipynb"
SCREENSHOTS = ROOT / "reports" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_SECONDS = 60
RUN_SECONDS = 240
#: Lab settings for the test server: no autosave (the copy must never be
#: written), every cell kept in the DOM (windowing would hide outputs from
#: the checks), no news/update toasts over the screenshot.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}
#: Output text that means the run failed.
BAD_OUTPUT = ("Traceback", "missing from font")

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) "
                "to run the browser test", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
pytestmark = pytest.mark.slow  # runs in `make test`; `pytest -m "not slow"` leaves it out

def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

def write_settings(folder: Path) -> None:
    """User settings for the test server (see :data:`LAB_SETTINGS`)."""
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), "utf-8")

def wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    """Poll the server's status API until it answers (or the server died)."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_SECONDS}s:\n{log.read_text()[-3000:]}")

@pytest.fixture()
def lab(tmp_path):
    """A JupyterLab server on the repository: yields (base url, token)."""
    port, token = free_port(), secrets.token_hex(16)
    home = tmp_path / "jupyter"
    write_settings(home / "settings")
    env = {**os.environ, "JUPYTER_PREFER_ENV_PATH": "1", "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    log = tmp_path / "lab.log"
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
               f"--LabApp.user_settings_dir={home / 'settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    with log.open("w") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/api/status?token={token}", proc, log)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

@pytest.fixture()
def notebook_copy():
    """A throw-away copy of :data:`NOTEBOOK` next to it; removed afterwards."""
    copy = NOTEBOOK.with_name(f"_browser-test-{secrets.token_hex(4)}-{NOTEBOOK.name}")
    checkpoints = copy.parent / ".ipynb_checkpoints"  # JupyterLab makes one on opening
    had_checkpoints = checkpoints.exists()
    shutil.copy2(NOTEBOOK, copy)
    try:
        yield copy
    finally:
        copy.unlink(missing_ok=True)
        (checkpoints / f"{copy.stem}-checkpoint.ipynb").unlink(missing_ok=True)
        if not had_checkpoints and checkpoints.is_dir() and not any(checkpoints.iterdir()):
            checkpoints.rmdir()

#: True once every code cell shows an execution count and the kernel is idle.
ALL_DONE_JS = """() => {
  const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent))
         && status !== null && status.getAttribute('data-status') === 'idle';
}"""

RUN_ALL_ITEM = '.lm-Menu-item[data-command="runmenu:run-all"]'
#: True once any code cell is running or has run ([*] or [n] in its prompt).
STARTED_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
  .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""

def click_run_all(page) -> None:
    """Menu bar: Run -> Run All Cells.  The item stays disabled until the
    notebook panel is active and its kernel connected, so the menu is
    reopened until it can be clicked."""
    for _ in range(30):
        page.locator(".jp-NotebookPanel .jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        item = page.locator(RUN_ALL_ITEM)
        item.wait_for(timeout=5_000)
        if "lm-mod-disabled" not in (item.get_attribute("class") or ""):
            item.click()
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(1_000)
    pytest.fail("Run -> Run All Cells stayed disabled for 30 s")

def run_all_cells(page) -> None:
    """Run every cell and wait for the whole run to finish.  On a loaded
    machine the first Run All can reach a kernel that is still starting and
    be dropped: when no cell has started within a minute, it is asked once more."""
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    click_run_all(page)
    try:
        page.wait_for_function(STARTED_JS, timeout=60_000, polling=500)
    except sync_api.TimeoutError:
        click_run_all(page)
    page.wait_for_function(ALL_DONE_JS, timeout=RUN_SECONDS * 1000, polling=500)

def open_and_run(base: str, token: str, notebook: Path, user_data: Path, screenshot: Path) -> dict:
    """Open ``notebook`` in Chromium, run it, screenshot; return what the page shows."""
    url = f"{base}/lab/tree/{notebook.relative_to(ROOT).as_posix()}?token={token}"
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch_persistent_context(
            str(user_data), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 1000})
        try:
            page = browser.new_page()
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.goto(url, wait_until="domcontentloaded")
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
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
        finally:
            browser.close()  # closes without saving: the notebook on disk is untouched

def test_notebook_runs_in_jupyterlab(lab, notebook_copy, tmp_path):
    base, token = lab
    before = notebook_copy.read_bytes()
    shown = open_and_run(base, token, notebook_copy, tmp_path / "chromium-profile",
                         SCREENSHOTS / f"{NOTEBOOK.stem}.png")
    bad = [text[:500] for text in shown["stderr"] + shown["outputs"] if any(b in text for b in BAD_OUTPUT)]
    assert bad == [], "error output in the browser:\n" + "\n---\n".join(bad)
    assert shown["images"] >= 1, "no figure was rendered in any output area"
    assert notebook_copy.read_bytes() == before, "the notebook was saved from the browser"
