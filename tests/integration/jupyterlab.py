"""JupyterLab in Debian's Chromium, shared by the real-browser tests.

JupyterLab is started from this venv on 127.0.0.1 (a free port, token auth,
no browser of its own, ``root_dir`` = the repository) and Chromium is driven
with Playwright for Python (the PyPI wheel carries its own driver;
``playwright install`` is never run: the browser is ``/usr/bin/chromium``).
Notebooks are opened from throw-away copies (:func:`notebook_copy`) with
autosave off, so a committed notebook never gets outputs.  Test modules
import this one after skipping when Chromium or Playwright is missing.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # importing this module skips the browser test that imports it
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) "
                "to run the browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")

__all__ = ["BAD_OUTPUT", "CHROMIUM", "ROOT", "SCREENSHOTS", "lab", "notebook_copy", "open_page", "run_all_cells",
           "sync_api"]

ROOT = Path(__file__).resolve().parents[2]
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

@contextmanager
def notebook_copy(notebook: Path) -> Iterator[Path]:
    """A throw-away copy of ``notebook`` next to it; removed afterwards."""
    copy = notebook.with_name(f"_browser-test-{secrets.token_hex(4)}-{notebook.name}")
    checkpoints = copy.parent / ".ipynb_checkpoints"  # JupyterLab makes one on opening
    had_checkpoints = checkpoints.exists()
    shutil.copy2(notebook, copy)
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


@contextmanager
def open_page(base: str, token: str, notebook: Path, user_data: Path) -> Iterator[object]:
    """Chromium on ``notebook`` in JupyterLab, once its first cell is shown;
    the browser closes without saving."""
    url = f"{base}/lab/tree/{notebook.relative_to(ROOT).as_posix()}?token={token}"
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch_persistent_context(
            str(user_data), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 1000})
        try:
            page = browser.new_page()
            page.goto(url, wait_until="domcontentloaded")
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
            yield page
        finally:
            browser.close()
