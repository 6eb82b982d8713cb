"""The notebook benchmark's bookkeeping (no notebook is run, nothing is timed):
sections of RESULTS.md, budget verdicts, error lines of failed notebooks."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_notebooks as bench  # noqa: E402
from results_md import keep_marked_sections, marked_sections, replace_section  # noqa: E402

TOKENIZE = "# tokenize_corpus benchmark\n\nold table\n"
OURS = "<!-- k:begin -->\nold\n<!-- k:end -->"


@pytest.mark.parametrize(("text", "key", "after", "expected"), [
    # absent: appended after the existing report, which stays as it is
    (TOKENIZE, "k", None, TOKENIZE + "\n<!-- k:begin -->\nnew\n<!-- k:end -->\n"),
    # present: replaced in place, text around it untouched
    (f"a\n{OURS}\nb\n", "k", None, "a\n<!-- k:begin -->\nnew\n<!-- k:end -->\nb\n"),
    # absent but its predecessor present: inserted right after it
    (f"{OURS}\n\n<!-- z:begin -->\nz\n<!-- z:end -->\n", "k/1", "k",
     f"{OURS}\n\n<!-- k/1:begin -->\nnew\n<!-- k/1:end -->\n\n<!-- z:begin -->\nz\n<!-- z:end -->\n"),
    # empty file: just the block
    ("", "k", None, "<!-- k:begin -->\nnew\n<!-- k:end -->\n"),
])
def test_replace_section(text, key, after, expected):
    assert replace_section(text, key, "new", after=after) == expected


def test_whole_file_rewrite_keeps_other_sections():
    old = TOKENIZE + "\n" + OURS + "\n"
    new = "# tokenize_corpus benchmark\n\nnew table\n"
    merged = keep_marked_sections(old, new)
    assert merged.startswith(new) and "old table" not in merged
    assert marked_sections(merged) == {"k": OURS}


@pytest.mark.parametrize(("run", "size", "expected"), [
    (bench.Run("01", "ok", 59.9, peak_pss=2**30), 1000, "met"),
    (bench.Run("01", "ok", 61.0, peak_pss=2**30), 1000, "**over** (time)"),
    (bench.Run("01", "ok", 10.0, peak_pss=2 * 2**30), 1000, "**over** (memory)"),  # 2 GiB > 1.5 GiB
    (bench.Run("01", "failed", 3.0), 1000, "**not met** (did not finish)"),
    (bench.Run("01", "ok", 900.0), 10000, ""),  # the budget is for 1,000 articles only
])
def test_verdict(run, size, expected):
    assert bench.verdict(run, size) == expected


def test_error_line_from_the_executed_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("docs[['title']]")]
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="\"['title'] not in index\"\nmore",
                                                  traceback=[])]
    path = tmp_path / "out.ipynb"
    nbformat.write(nb, path)
    assert bench.error_line(path, "ignored") == "cell 1: KeyError: \"['title'] not in index\""
    # no notebook written (papermill failed before executing): stderr's last line
    assert bench.error_line(tmp_path / "missing.ipynb", "Traceback\n  ...\nNoSuchKernel: python3\n") == "NoSuchKernel: python3"
