"""Every notebooks/NN-*.ipynb: committed clean, shaped alike, and runnable.

Structure checks keep the notebooks uniform (title cell, one ``parameters``
cell papermill can override, no path hacks) and diff-friendly (no outputs).
Execution checks run each notebook headless with nbclient on the venv's
kernel, turn matplotlib's "Glyph ... missing from font" warning into a failure
(tofu boxes in Japanese figures are the bug this kit exists to avoid), bound
the run time, and prove the notebooks never modify data/raw.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
RAW_DIR = ROOT / "data" / "raw"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
IDS = [path.stem for path in NOTEBOOKS]

#: Generous: a cell that hangs must fail the run, but speed itself is measured
#: by the benchmark (`make bench`), never asserted here.
CELL_TIMEOUT = 300

#: Injected at test time as the first cell (the file on disk is not changed):
#: missing glyphs become errors, and the kernel reports which Python it is.
PROBE_CELL = (
    "import sys, warnings\n"
    'warnings.filterwarnings("error", message=r"Glyph .* missing from font")\n'
    "print(sys.prefix)"
)
#: Headless like MPLBACKEND=Agg, but figures still reach the cell outputs (with
#: Agg, plt.show() draws nothing, so glyph problems in shown figures go unseen).
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline"}

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
NAME_PATTERN = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb$")


def read(path: Path) -> nbformat.NotebookNode:
    """The notebook as stored (nbformat 4)."""
    return nbformat.read(path, as_version=4)


def code_cells(nb: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    """(index, cell) of every code cell, so order checks can compare indices."""
    return [(i, cell) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def parse(source: str) -> ast.Module | None:
    """Parse a cell's Python; None when it holds IPython-only syntax (magics)."""
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def test_there_are_notebooks() -> None:
    # an empty parameter list would make every test below pass vacuously
    assert NOTEBOOKS, f"no notebooks/[0-9][0-9]-*.ipynb in {NOTEBOOK_DIR}"


# --- structure ----------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_file_name_is_number_and_kebab_title(path: Path) -> None:
    assert NAME_PATTERN.match(path.name), f"{path.name}: expected NN-kebab-title.ipynb"


def git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, timeout=60)


def as_committed(path: Path, root: Path = ROOT) -> list[tuple[str, bytes]]:
    """The notebook as it is, or would be, in a commit: the blob at HEAD (if
    tracked) and the working copy as ``git add`` would store it — through the
    clean filter (nbstripout, set up by ``make``) when ``.gitattributes``
    names one and the repository configures it, else unchanged.  Outside a
    git checkout, the working copy alone."""
    raw = path.read_bytes()
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    if git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        return [("working copy", raw)]
    versions = []
    head = git(root, "show", f"HEAD:{relative}")
    if head.returncode == 0:
        versions.append(("HEAD", head.stdout))
    attribute = git(root, "check-attr", "filter", "--", relative).stdout.decode().strip().rpartition(": ")[2]
    command = git(root, "config", "--get", f"filter.{attribute}.clean").stdout.decode().strip()
    if attribute not in ("", "unspecified", "unset") and command:
        cleaned = subprocess.run(command, shell=True, input=raw, capture_output=True, cwd=root, timeout=60)
        versions.append(("working copy through the clean filter", cleaned.stdout if cleaned.returncode == 0 else raw))
    else:
        versions.append(("working copy (no clean filter set up: run make)", raw))
    return versions


def cells_with_outputs(content: bytes) -> list[int]:
    """Code cells with outputs or an execution count."""
    nb = nbformat.reads(content.decode("utf-8"), as_version=4)
    return [i for i, cell in code_cells(nb) if cell.outputs or cell.execution_count is not None]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path: Path) -> None:
    # outputs make diffs unreadable and can leak data; `make run` regenerates them.  A notebook run
    # and saved in JupyterLab is fine when the nbstripout filter will strip it on `git add`.
    dirty = {where: cells for where, content in as_committed(path) if (cells := cells_with_outputs(content))}
    assert dirty == {}, f"cells with outputs or execution_count: {dirty}: clear them (or run make for the filter)"


def test_outputs_committed_without_the_filter_are_found(tmp_path: Path) -> None:
    # a notebook with outputs committed where no filter was set up must still fail the check above
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=1)])
    nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "01-x.ipynb"
    nbformat.write(nb, path)
    for args in (["init", "-q"], ["add", "."], ["-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x"]):
        assert git(tmp_path, *args).returncode == 0
    found = {where: cells_with_outputs(content) for where, content in as_committed(path, tmp_path)}
    assert found == {"HEAD": [0], "working copy (no clean filter set up: run make)": [0]}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_first_cell_is_title_and_paragraph(path: Path) -> None:
    nb = read(path)
    assert nb.cells and nb.cells[0].cell_type == "markdown", "first cell must be markdown"
    lines = nb.cells[0].source.splitlines()
    assert lines and re.match(r"^# \S", lines[0]), "first line must be '# Title'"
    titles = [line for line in lines if line.startswith("# ")]
    assert len(titles) == 1, f"exactly one '# ' heading expected, found {titles}"
    prose = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
    assert prose, "the title must be followed by a paragraph saying what the notebook does"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_one_parameters_cell_defining_data_dir(path: Path) -> None:
    tagged = [cell for _, cell in code_cells(read(path))
              if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1, f"expected one code cell tagged 'parameters', found {len(tagged)}"
    tree = parse(tagged[0].source)
    assert tree is not None, "the parameters cell must be plain Python"
    names = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    assert "DATA_DIR" in names, "the parameters cell must assign DATA_DIR"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_path_hacks_or_star_imports(path: Path) -> None:
    # newskit is installed (editable): sys.path tricks hide packaging bugs, and
    # star imports hide where names come from
    bad = [
        (i, needle)
        for i, cell in enumerate(read(path).cells)
        for needle in ("sys.path", "import *")
        if needle in cell.source
    ]
    assert bad == [], f"(cell, text) found: {bad}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_imports_cell_before_parameters_cell(path: Path) -> None:
    cells = code_cells(read(path))
    imports = [
        i for i, cell in cells
        if (tree := parse(cell.source)) is not None
        and any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body)
    ]
    params = [i for i, cell in cells if "parameters" in cell.metadata.get("tags", [])]
    assert imports, "no cell imports anything"
    assert params and imports[0] < params[0], "the imports cell must come before 'parameters'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_function_or_class_definitions(path: Path) -> None:
    # notebooks narrate, lib/ repeats: anything worth a def lives in newskit, with a test
    defined = [
        (i, node.name)
        for i, cell in code_cells(read(path))
        if (tree := parse(cell.source)) is not None
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    assert defined == [], f"(cell, name) defined in the notebook: {defined}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_closing_findings_cell(path: Path) -> None:
    # interpretation sits under the output it interprets, never in a closing
    # summary of numbers about the shipped articles
    headings = [cell.source.splitlines()[0] for cell in read(path).cells
                if cell.cell_type == "markdown" and cell.source.strip()]
    assert not [h for h in headings if re.match(r"#+\s*(what this shows|conclusions?|findings)", h, re.I)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_go_through_the_outputs_helper(path: Path) -> None:
    # paths are typed in one place: every table and figure goes through newskit.notebook.Outputs,
    # and the notebook says when its fixed prose describes another corpus than its tables
    source = "\n".join(cell.source for _, cell in code_cells(read(path)))
    assert "start(" in source  # newskit.notebook.start: fonts, escaping, corpus note, Outputs
    for needle in ("write_table(", "save_figure(", "processed_dir(", "figures_dir("):
        assert needle not in source, f"{needle} typed in the notebook: use out.table / out.figure"


#: A count read off a corpus, as fixed prose would quote it: "37 mentions",
#: "9 pairs", "0.38", "2,638 tokens", "60 %".  Notation examples (60億, UTF-16,
#: notebook 01), rates ("per 1,000 tokens") and formulas in code spans are not findings.
FINDING = re.compile(r"(?<![\w.,`])\d[\d,]*(?:\.\d+)?\s*(?:%|articles?|mentions?|tokens?|paragraphs?|pairs?|"
                     r"times|characters|terms?|lines|entities|documents?|words?|flags?|flagged)\b", re.I)
CODE_SPAN = re.compile(r"`[^`]*`|\$[^$]*\$|\bper [\d,]+")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_fixed_prose_quotes_no_counts(path: Path) -> None:
    # a sentence quoting a number computes it (say(f"...")) so it is true on any corpus
    prose = [" ".join(line for line in cell.source.splitlines() if not line.startswith(("```", "    ")))
             for cell in read(path).cells if cell.cell_type == "markdown"]
    found = [match.group() for text in prose for match in FINDING.finditer(CODE_SPAN.sub("", text))]
    assert found == [], f"counts in fixed Markdown (compute them with say(f'...')): {found}"


# --- execution ------------------------------------------------------------------


@dataclass
class Execution:
    """Outcome of running one notebook: the executed copy or the error."""

    seconds: float
    notebook: nbformat.NotebookNode | None = None
    error: str | None = None


@dataclass
class Session:
    """All executions plus the raw-data fingerprints taken around them."""

    runs: dict[str, Execution] = field(default_factory=dict)
    raw_before: dict[str, str] = field(default_factory=dict)
    raw_after: dict[str, str] = field(default_factory=dict)


def fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` by relative path, so added,
    removed and changed files all show up in a comparison."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def execute(path: Path) -> Execution:
    """Run one notebook (plus the probe cell) on the ``python3`` kernel with
    the notebooks folder as working directory, as nbconvert does in make run."""
    nb = read(path)
    nb.cells.insert(0, nbformat.v4.new_code_cell(PROBE_CELL))
    client = NotebookClient(
        nb, kernel_name="python3", timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    env = {**os.environ, **KERNEL_ENV, "JUPYTER_PREFER_ENV_PATH": "1"}
    start = time.perf_counter()
    try:
        client.execute(env=env)
    except Exception as err:  # noqa: BLE001 - reported by the test, not here
        plain = ANSI_ESCAPE.sub("", str(err))  # IPython colours its tracebacks
        return Execution(time.perf_counter() - start, nb, f"{type(err).__name__}: {plain}")
    return Execution(time.perf_counter() - start, nb)


@pytest.fixture(scope="session")
def session() -> Session:  # noqa: D103 - see the docstring below
    """Execute every notebook once, fingerprinting data/raw before and after."""
    result = Session(raw_before=fingerprint(RAW_DIR))
    for path in NOTEBOOKS:
        result.runs[path.stem] = execute(path)
    result.raw_after = fingerprint(RAW_DIR)
    return result


def test_python3_kernelspec_is_this_venv() -> None:
    # argv[0] "python" is replaced by sys.executable at launch; anything else
    # must be this interpreter, or notebooks would run outside the venv
    spec = KernelSpecManager().get_kernel_spec("python3")
    argv0 = spec.argv[0]
    generic = {"python", "python3", f"python3.{sys.version_info.minor}"}
    assert argv0 in generic or Path(argv0).resolve() == Path(sys.executable).resolve()


def error_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """Errors raised while displaying results (e.g. the glyph warning during a
    figure's inline rendering) are output-only: nbclient does not raise them."""
    return [
        f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
        for i, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.output_type == "error"
        or (out.output_type == "stream" and "missing from font" in out.get("text", ""))
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", IDS)
def test_notebook_executes(
    name: str, session: Session, request: pytest.FixtureRequest
) -> None:
    run = session.runs[name]
    # kept on the report (junit XML, -rA) without record_property's xunit2 warning
    request.node.user_properties.append(("execution_seconds", round(run.seconds, 2)))
    print(f"{name}: executed in {run.seconds:.1f}s")
    assert run.error is None, f"{name} failed after {run.seconds:.1f}s:\n{run.error}"
    assert error_outputs(run.notebook) == []
    probe = run.notebook.cells[0].outputs
    prefix = "".join(o.get("text", "") for o in probe if o.get("name") == "stdout").strip()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve(), "kernel is not the venv"


@pytest.mark.slow
def test_raw_data_untouched(session: Session) -> None:
    # data/raw is the evidence: notebooks may read it, never write, add or delete
    assert session.raw_after == session.raw_before
