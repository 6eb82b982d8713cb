"""Same input, same bytes: the whole pipeline (every notebooks/NN-*.ipynb)
run twice gives byte-identical tables and sidecars.

How: the repository's notebooks and ``data/`` (without any ``processed/``)
are copied into two temporary project roots, and each copy is run from
scratch by its own child process (nbclient, notebooks in order, working
directory ``notebooks/``, ``NEWSKIT_ROOT`` pointing at the copy).  Running in
copies never clobbers the working tree's ``data/processed`` or ``reports``
(a developer may be looking at them) and gives both runs the same clean
start.  The two copies run at the same time, so the test costs about one
pipeline run (~1-2 minutes), not two; being separate processes they also get
different string-hash seeds, which is what exposes set-order bugs.

Checked: every ``data/**/processed/*.csv`` and ``*.meta.json`` (and every
figure under ``reports/figures``) is identical between the runs; every CSV
has a sidecar whose versions, columns and row count match the table; no
temporary file (``.*.tmp``) is left anywhere; the raw files' SHA-256 are
unchanged by a run.  Not covered: re-running over existing outputs (each
copy starts clean).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: Whole-run bound per copy; the target for the test as a whole is ~2 minutes.
RUN_TIMEOUT = 600
CELL_TIMEOUT = 300
#: Versions every sidecar must record (see newskit.versions.RECORDED_PACKAGES).
REQUIRED_VERSIONS = {"python", "newskit", "fugashi", "unidic-lite", "simplemma", "pandas"}

#: Child process: execute the notebooks of one project copy, report failures.
RUNNER = """
import json, os, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
root = Path(sys.argv[1])
failures = {}
for path in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=int(sys.argv[2]),
                            resources={"metadata": {"path": str(root / "notebooks")}})
    try:
        client.execute()
    except Exception as err:
        failures[path.name] = f"{type(err).__name__}: {str(err)[-1500:]}"
print(json.dumps(failures))
"""

pytestmark = [
    pytest.mark.slow,  # runs in `make test`; `pytest -m "not slow"` leaves it out
    pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks/NN-*.ipynb to run"),
]


def copy_project(target: Path) -> Path:
    """A project root with the notebooks and the input data, no outputs."""
    (target / "notebooks").mkdir(parents=True)
    for path in NOTEBOOKS:
        shutil.copy2(path, target / "notebooks" / path.name)
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(ROOT / "data", target / "data",
                    ignore=shutil.ignore_patterns("processed", ".ipynb_checkpoints", "__pycache__"))
    return target


def fingerprint(root: Path, pattern: str) -> dict[str, str]:
    """SHA-256 of every file under ``root`` matching ``pattern`` (relative paths)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.glob(pattern)) if p.is_file()
    }


def start_run(root: Path) -> subprocess.Popen:
    """Launch the pipeline on one copy in a child process."""
    env = {**os.environ, "NEWSKIT_ROOT": str(root), "JUPYTER_PREFER_ENV_PATH": "1",
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    env.pop("PYTHONHASHSEED", None)  # let each kernel draw its own hash seed
    return subprocess.Popen([sys.executable, "-c", RUNNER, str(root), str(CELL_TIMEOUT)], env=env,
                            cwd=root / "notebooks", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two fresh copies, each run once (concurrently); raw fingerprints around."""
    roots = [copy_project(tmp_path_factory.mktemp(f"run{k}")) for k in (1, 2)]
    raw_before = [fingerprint(r, "data/**/raw/**/*") for r in roots]
    start = time.perf_counter()
    procs = [start_run(r) for r in roots]
    outputs = [p.communicate(timeout=RUN_TIMEOUT) for p in procs]
    seconds = time.perf_counter() - start
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, f"runner crashed:\n{err[-3000:]}"
        failures = json.loads(out.strip().splitlines()[-1])
        assert failures == {}, f"notebooks failed: {json.dumps(failures, indent=1)}"
    return {"roots": roots, "raw_before": raw_before, "seconds": seconds}


def test_runs_are_byte_identical(runs, record_property):
    record_property("pipeline_seconds", round(runs["seconds"], 1))
    first, second = (fingerprint(r, "data/**/processed/**/*") for r in runs["roots"])
    tables = [name for name in first if name.endswith(".csv")]
    assert tables, "the notebooks wrote no tables under data/**/processed"
    assert sorted(first) == sorted(second), "the two runs wrote different sets of files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"differ between two runs of the same input: {differing}"


def test_figures_are_byte_identical(runs):
    # matplotlib writes no timestamps into PNGs: a differing figure means an
    # unseeded layout or word cloud
    first, second = (fingerprint(r, "reports/figures/**/*.png") for r in runs["roots"])
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_every_table_has_a_matching_sidecar(runs):
    root = runs["roots"][0]
    for table in sorted(root.glob("data/**/processed/**/*.csv")):
        if "cache" in table.relative_to(root).parts:
            continue  # per-document token caches are not notebook tables
        sidecar = table.with_name(f"{table.stem}.meta.json")
        assert sidecar.is_file(), f"{table.relative_to(root)} has no .meta.json"
        meta = json.loads(sidecar.read_text("utf-8"))
        missing = REQUIRED_VERSIONS - set(meta.get("versions", {}))
        assert not missing, f"{sidecar.name}: versions lack {sorted(missing)}"
        frame = pd.read_csv(table, keep_default_na=False)
        assert meta["columns"] == list(frame.columns), sidecar.name
        assert meta["rows"] == len(frame), sidecar.name


def test_no_temporary_files_left(runs):
    # write_table writes .<name>.<random>.tmp and renames it: none may remain
    for root in runs["roots"]:
        leftovers = [p.relative_to(root).as_posix() for p in root.rglob(".*.tmp")]
        assert leftovers == [], f"temporary files left behind: {leftovers}"


def test_raw_files_unchanged(runs):
    for root, before in zip(runs["roots"], runs["raw_before"]):
        assert before, "no raw files found"
        assert fingerprint(root, "data/**/raw/**/*") == before
