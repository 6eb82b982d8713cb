"""Notebooks run in JupyterLab and saved never commit their outputs: `make`
(bootstrap) installs nbstripout as the git clean filter named in .gitattributes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from tests.builders import ROOT
from tests.integration.test_notebooks import as_committed, cells_with_outputs, git

SCRIPT = ROOT / "tools" / "git-filter.sh"
VENV_BIN = Path(sys.executable).parent


def run_script(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), str(VENV_BIN)], cwd=repo, capture_output=True, text=True, timeout=120)


def test_bootstrap_sets_up_the_filter() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^bootstrap: .*\bgit-filter\b", makefile, re.M)
    assert "notebooks/*.ipynb filter=nbstripout" in (ROOT / ".gitattributes").read_text("utf-8")


def test_filter_is_idempotent_and_strips_outputs_on_add(tmp_path: Path) -> None:
    assert git(tmp_path, "init", "-q").returncode == 0
    shutil.copy(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    first, second = run_script(tmp_path), run_script(tmp_path)
    assert first.returncode == 0 and "nbstripout filter" in first.stdout
    # the second run finds it set up and changes nothing
    assert second.returncode == 0 and second.stdout == ""
    cleans = git(tmp_path, "config", "--get-all", "filter.nbstripout.clean").stdout.decode().splitlines()
    assert len(cleans) == 1 and "nbstripout" in cleans[0]
    # a notebook saved after running it: outputs in the file, none in what git stores
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=3)])
    nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=3)]
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "01-x.ipynb"
    nbformat.write(nb, path)
    assert git(tmp_path, "add", ".").returncode == 0
    staged = git(tmp_path, "show", ":notebooks/01-x.ipynb").stdout
    assert cells_with_outputs(staged) == [] and cells_with_outputs(path.read_bytes()) == [0]
    # and the notebook check accepts the working copy, since the commit will be clean
    assert {where: cells_with_outputs(content) for where, content in as_committed(path, tmp_path)} == {
        "working copy through the clean filter": []}


def test_outside_a_git_checkout_nothing_happens(tmp_path: Path) -> None:
    done = run_script(tmp_path)
    assert done.returncode == 0 and done.stdout == ""
