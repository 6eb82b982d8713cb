"""Notebooks run with papermill on another corpus folder, as a user would.

``papermill notebooks/02-term-frequency.ipynb out.ipynb -p DATA_DIR data/examples``
must work from the repository root: the notebook may not hard-code the
project's doc_ids or terms, and must write its tables to the folder's own
``processed/`` and its figures to its own ``reports/figures/`` (never over
the project corpus's outputs).  Notebooks that do not exist yet are
skipped, so the test can name the whole series.  A case may name its own
corpus (``data_dir``): notebook 10 runs on the held-out set tests/data/discovery.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
import papermill
import pytest

pytestmark = pytest.mark.slow  # executes notebooks; `pytest -m "not slow"` leaves it out

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
DATA_DIR = "data/examples"
PROCESSED = ROOT / DATA_DIR / "processed"
FIGURES = ROOT / DATA_DIR / "reports" / "figures"

#: Prefix of each notebook run on the example corpus, with the outputs it must
#: (re)write; an empty tuple only requires at least one ``NN-*`` file of that kind.
CASES = {
    "02": {
        "tables": ("02-top-terms.csv", "02-top-terms-by-language.csv", "02-bigrams.csv",
                   "02-rank-frequency.csv", "02-kwic.csv", "02-dispersion.csv"),
        "figures": ("02-top-terms.png", "02-vocabulary-by-language.png", "02-wordclouds.png",
                    "02-zipf.png", "02-where-terms-occur.png"),
    },
    "03": {"tables": (), "figures": ()},
    "07": {
        "tables": ("07-collocations.csv", "07-ngrams.csv", "07-multiword-terms.csv", "07-dispersion.csv",
                   "07-kwic-modes.csv", "07-kwic-sorted.csv", "07-kwic-hits.csv"),
        "figures": ("07-collocations.png",),
    },
    "08": {
        "tables": ("08-ca-inertia.csv", "08-term-clusters.csv", "08-topic-choice.csv", "08-topic-terms.csv",
                   "08-topics-by-group.csv", "08-code-shares.csv", "08-code-tests.csv", "08-network-edges.csv"),
        "figures": ("08-ca-biplot.png", "08-term-dendrogram.png", "08-term-mds.png", "08-code-heatmap.png",
                    "08-network.png"),
    },
    # the held-out set: three shared stories in 3–4 languages, eight single ones
    "10": {"tables": ("10-stories.csv", "10-facts.csv", "10-fact-matrix.csv", "10-unique-facts.csv",
                      "10-conflicts.csv"),
           "figures": ("10-fact-matrix.png",), "data_dir": "tests/data/discovery"},
}

#: Inserted before the notebook's first cell (the file on disk is untouched):
#: a missing Japanese glyph in any figure becomes an error, as in test_notebooks.py.
PROBE_CELL = (
    "import warnings\n"
    'warnings.filterwarnings("error", message=r"Glyph .* missing from font")'
)
#: Headless, but figures still reach the outputs (and so get drawn).
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "JUPYTER_PREFER_ENV_PATH": "1"}


def find_notebook(prefix: str) -> Path | None:
    """The notebook ``notebooks/NN-*.ipynb`` with this number, if it exists."""
    found = sorted(NOTEBOOK_DIR.glob(f"{prefix}-*.ipynb"))
    return found[0] if found else None


def written_since(folder: Path, pattern: str, start: float) -> set[str]:
    """Names of the files matching ``pattern`` in ``folder`` modified at or
    after ``start``: outputs of this run, not left-overs of an earlier one."""
    if not folder.is_dir():
        return set()
    return {path.name for path in folder.glob(pattern) if path.stat().st_mtime >= start}


def output_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Errors that only show in outputs (e.g. a glyph warning raised while the
    inline backend draws a figure after the cell has finished)."""
    return [
        f"cell {i}: {out.get('ename') or out.get('text', '')[:200]}"
        for i, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.output_type == "error"
        or (out.output_type == "stream" and "missing from font" in out.get("text", ""))
    ]


def run_probed(source: Path, data_dir: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               cwd: Path) -> nbformat.NotebookNode:
    """Execute ``source`` with papermill on ``data_dir`` (headless kernel, the
    probe cell first) and return the executed notebook."""
    for name, value in KERNEL_ENV.items():
        monkeypatch.setenv(name, value)
    nb = nbformat.read(source, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(PROBE_CELL))
    probed = tmp_path / source.name
    nbformat.write(nb, probed)
    output = tmp_path / f"{source.stem}-executed.ipynb"
    papermill.execute_notebook(str(probed), str(output), parameters={"DATA_DIR": data_dir}, kernel_name="python3",
                               cwd=str(cwd), progress_bar=False, execution_timeout=300)
    return nbformat.read(output, as_version=4)


@pytest.mark.parametrize("prefix", list(CASES))
def test_notebook_runs_on_example_corpus(prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = find_notebook(prefix)
    if source is None:
        pytest.skip(f"notebooks/{prefix}-*.ipynb does not exist yet")
    expected = CASES[prefix]
    data_dir = expected.get("data_dir", DATA_DIR)
    processed, figures_folder = ROOT / data_dir / "processed", ROOT / data_dir / "reports" / "figures"
    start = time.time() - 0.01  # file times use a coarse clock: allow for its last tick
    executed = run_probed(source, data_dir, tmp_path, monkeypatch, ROOT)
    assert output_problems(executed) == []
    # papermill marks the run as finished without an exception
    assert executed.metadata["papermill"]["exception"] in (None, False)
    tables = written_since(processed, f"{prefix}-*.csv", start)
    figures = written_since(figures_folder, f"{prefix}-*.png", start)
    assert set(expected["tables"]) <= tables if expected["tables"] else tables, (
        f"tables written to {processed}: {sorted(tables)}")
    assert set(expected["figures"]) <= figures if expected["figures"] else figures, (
        f"figures written to {figures_folder}: {sorted(figures)}")
    # every table has its versions sidecar (written by newskit.write_table)
    assert all((processed / name).with_name(f"{Path(name).stem}.meta.json").is_file() for name in tables)


@pytest.mark.parametrize("marker", [None])
def test_example_corpus_outputs_stay_apart_from_the_project_corpus(marker) -> None:
    # the folders the test inspects are the ones the library assigns to data/examples
    import newskit

    previous = os.getcwd()
    try:
        os.chdir(ROOT)
        assert newskit.processed_dir(DATA_DIR) == PROCESSED
        assert newskit.figures_dir(DATA_DIR) == FIGURES
        assert newskit.figures_dir("data") != FIGURES
    finally:
        os.chdir(previous)
