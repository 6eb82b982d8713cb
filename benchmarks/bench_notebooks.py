"""Benchmark of the notebook series on generated corpora: wall time and peak memory per notebook.

Usage::

    make bench-notebooks                                  # BENCH_SIZES ?= 1000 10000
    .venv/bin/python benchmarks/bench_notebooks.py --sizes 1000 --notebooks 01 02 --out benchmarks/RESULTS.md

For each size a corpus is generated with ``newskit.synth.generate_corpus``
(seed 0, default spec) in a temporary folder, then every notebook
``notebooks/NN-*.ipynb`` (or those named by ``--notebooks``) runs in
order, as a researcher would run the series, with papermill in a fresh
process: ``python -m papermill NB OUT -p DATA_DIR <corpus> -k python3``.
The series shares the corpus folder, so a token cache written by one
notebook serves the next ones (the first notebook runs cold).

Measured per notebook: wall time of the papermill process (kernel start
included) and the peak memory of the whole process tree (papermill, the
kernel and anything the kernel starts: process pools, Dask workers).
Every ``--interval`` seconds (0.1) psutil reads RSS and CPU times of each
process of the tree; the tree itself is re-listed every fifth sample, so a
worker that lives less than about half a second may be missed.  Memory is
the sum of **PSS** (proportional set size: a shared page counts 1/n in each
of the n processes sharing it, so forked workers are not counted twice),
read near every new RSS peak but sparingly (see :data:`PSS_NEAR_PEAK`:
PSS costs the kernel a page-table walk); the sum of RSS, which counts shared
pages once per process, is shown beside it as the upper bound.

A notebook that fails is recorded with the first error line its output
notebook holds (``ename: evalue``, and the cell), or stderr's last line; one
that runs past ``--timeout`` seconds is stopped (the whole tree) and
recorded as a timeout.  The run continues with the next notebook.

Results go to ``--out`` between the markers ``bench_notebooks`` (method,
machine) and ``bench_notebooks/<size>`` (one table per size); other
sections of the file are left as they are.  No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import nbformat
import psutil

from newskit.synth import describe_articles, generate_corpus
from results_md import write_section  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
MIB = 2**20
#: The budget of issue 12, for the 1,000-article corpus (~1.3 M characters).
BUDGET_SIZE = 1000
BUDGET_SECONDS = 60
BUDGET_BYTES = 1.5 * 2**30
BUDGET_SERIES_SECONDS = 300
#: Headless kernels that still draw figures into the outputs (as `make run`).
KERNEL_ENV = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "JUPYTER_PREFER_ENV_PATH": "1"}
KEY = "bench_notebooks"


# --- measuring ------------------------------------------------------------------------


#: PSS is read when the RSS sum is within this share of its peak so far ...
PSS_NEAR_PEAK = 0.95
#: ... at most every PSS_MIN_GAP seconds and never more often than PSS_COST_FACTOR
#: times the last read's own CPU cost (reading smaps_rollup of a 5 GiB process
#: costs tens of milliseconds: read every 0.1 s it took ~30 % of a core).
PSS_MIN_GAP = 0.5
PSS_COST_FACTOR = 20


class TreeMonitor:
    """Samples RSS and CPU times of a process and all its descendants every
    ``interval`` seconds in a thread, and their PSS near each RSS peak;
    ``sampler_cpu`` is what the sampling itself cost."""

    def __init__(self, pid: int, interval: float = 0.1, relist_every: int = 5) -> None:
        self.root = psutil.Process(pid)
        self.interval, self.relist_every = interval, relist_every
        self.peak_pss = self.peak_rss = self.peak_procs = 0
        self.cpu: dict[int, tuple[float, float]] = {}  # pid -> (user, system), last seen
        self.sampler_cpu = 0.0
        self._procs: list[psutil.Process] = [self.root]
        self._samples = 0
        self._next_pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _read_pss(self) -> None:
        start, pss = time.thread_time(), 0
        for proc in self._procs:
            try:
                info = proc.memory_full_info()
            except psutil.Error:
                continue
            pss += getattr(info, "pss", info.rss)
        self.peak_pss = max(self.peak_pss, pss)
        self._next_pss = time.monotonic() + max(PSS_MIN_GAP, PSS_COST_FACTOR * (time.thread_time() - start))

    def _sample(self) -> None:
        if self._samples % self.relist_every == 0:
            try:
                self._procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                pass
        self._samples += 1
        rss = alive = 0
        for proc in self._procs:
            try:
                with proc.oneshot():
                    info, times = proc.memory_info(), proc.cpu_times()
            except psutil.Error:
                continue
            rss, alive = rss + info.rss, alive + 1
            self.cpu[proc.pid] = (times.user, times.system)
        self.peak_rss, self.peak_procs = max(self.peak_rss, rss), max(self.peak_procs, alive)
        if rss >= PSS_NEAR_PEAK * self.peak_rss and time.monotonic() >= self._next_pss:
            self._read_pss()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()
        self.sampler_cpu = time.thread_time()

    @property
    def cpu_seconds(self) -> tuple[float, float]:
        """User and system CPU seconds of the tree (up to the last sample)."""
        return sum(u for u, _ in self.cpu.values()), sum(s for _, s in self.cpu.values())

    def __enter__(self) -> TreeMonitor:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    """One notebook on one corpus."""

    notebook: str
    status: str  # ok, failed, timeout, not found
    seconds: float = 0.0
    peak_pss: int = 0
    peak_rss: int = 0
    processes: int = 0
    cpu: tuple[float, float] = (0.0, 0.0)  # user, system seconds of the tree
    sampler_cpu: float = 0.0
    error: str = ""


def stop_tree(proc: subprocess.Popen) -> None:
    """Terminate papermill and everything below it (kernel, workers)."""
    try:
        tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.Error:
        tree = []
    for member in reversed(tree):
        try:
            member.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(tree, timeout=10)
    for member in alive:
        member.kill()


def error_line(output: Path, stderr: str) -> str:
    """The first error the executed notebook holds, else stderr's last line."""
    try:
        nb = nbformat.read(output, as_version=4)
    except Exception:  # noqa: BLE001 - a missing or half-written notebook: fall back to stderr
        nb = None
    for index, cell in enumerate(nb.cells if nb else []):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                value = str(out.get("evalue", "")).strip().splitlines()
                return f"cell {index}: {out.get('ename')}: {value[0] if value else ''}"[:220]
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return (lines[-1] if lines else "no error output")[:220]


def running_cell(output: Path) -> str:
    """Which cell was running when a timeout stopped the notebook."""
    try:
        nb = nbformat.read(output, as_version=4)
    except Exception:  # noqa: BLE001
        return ""
    for index, cell in enumerate(nb.cells):
        if cell.get("metadata", {}).get("papermill", {}).get("status") == "running":
            return f" (cell {index} running)"
    return ""


def run_notebook(notebook: Path, corpus: Path, out_dir: Path, timeout: float, interval: float) -> Run:
    """Execute one notebook with papermill and measure its process tree."""
    output = out_dir / notebook.name
    command = [sys.executable, "-m", "papermill", str(notebook), str(output), "-p", "DATA_DIR", str(corpus),
               "-k", "python3", "--cwd", str(ROOT), "--no-progress-bar", "--log-level", "ERROR"]
    stderr_path = out_dir / f"{notebook.stem}.stderr.txt"
    start = time.perf_counter()
    with stderr_path.open("w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **KERNEL_ENV},
                                stdout=subprocess.DEVNULL, stderr=stderr)
        with TreeMonitor(proc.pid, interval) as monitor:
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                stop_tree(proc)
                code = None
    run = Run(notebook.stem, "ok", time.perf_counter() - start, monitor.peak_pss, monitor.peak_rss, monitor.peak_procs,
              monitor.cpu_seconds, monitor.sampler_cpu)
    if code is None:
        run.status, run.error = "timeout", f"stopped after {timeout:.0f} s{running_cell(output)}"
    elif code != 0:
        run.status, run.error = "failed", error_line(output, stderr_path.read_text("utf-8", errors="replace"))
    return run


# --- the series -----------------------------------------------------------------------


def find_notebooks(prefixes: list[str] | None) -> list[tuple[str, Path | None]]:
    """``(prefix, path)`` for the series, or for the prefixes asked (path None if absent)."""
    found = {p.name[:2]: p for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))}
    wanted = prefixes or sorted(found)
    return [(prefix, found.get(prefix)) for prefix in wanted]


def run_size(size: int, notebooks: list[tuple[str, Path | None]], args: argparse.Namespace, tmp: Path) -> dict:
    """Generate the corpus of ``size`` articles and run the series on it."""
    started = time.perf_counter()
    made = generate_corpus(tmp / f"bench-synth-{size}", n_articles=size, seed=args.seed)
    summary = describe_articles(made.articles)
    summary["generate_seconds"] = time.perf_counter() - started
    out_dir = tmp / f"executed-{size}"
    out_dir.mkdir()
    runs = []
    for prefix, path in notebooks:
        if path is None:
            runs.append(Run(prefix, "not found", error=f"no notebooks/{prefix}-*.ipynb"))
            continue
        print(f"[{size}] {path.name} ...", flush=True)
        run = run_notebook(path, made.root, out_dir, args.timeout, args.interval)
        print(f"[{size}] {path.name}: {run.status} in {run.seconds:.1f} s, peak PSS {run.peak_pss / MIB:,.0f} MiB"
              + (f" - {run.error}" if run.error else ""), flush=True)
        runs.append(run)
    return {"size": size, "summary": summary, "runs": runs}


# --- the report -----------------------------------------------------------------------


def verdict(run: Run, size: int) -> str:
    """Against the budget (1,000 articles only): time and memory, each met or over."""
    if size != BUDGET_SIZE or run.status == "not found":
        return ""
    if run.status != "ok":
        return "**not met** (did not finish)"
    over = [name for name, bad in (("time", run.seconds > BUDGET_SECONDS), ("memory", run.peak_pss > BUDGET_BYTES)) if bad]
    return f"**over** ({', '.join(over)})" if over else "met"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_size(result: dict) -> str:
    """The table of one corpus size, with the corpus it ran on."""
    size, s, runs = result["size"], result["summary"], result["runs"]
    langs = ", ".join(f"{lang} {n}" for lang, n in s["by_lang"].items())
    dup = s["duplicates"]
    lines = [
        f"## {size:,} articles",
        "",
        f"Corpus: `generate_corpus(n_articles={size}, seed=0)`: {s['characters']:,} characters "
        f"(mean {s['mean_chars']:,} per article; {langs}), {len(s['by_outlet'])} outlets, "
        f"{dup.get('exact', 0)} exact and {dup.get('paragraph_added', 0) + dup.get('paragraph_dropped', 0)} "
        f"near wire copies, {s['stories']} multi-language stories; generated in {s['generate_seconds']:.1f} s.",
        "",
        "| notebook | status | wall s | peak PSS MiB (tree) | peak RSS MiB (sum) | CPU s user / system (tree) "
        "| processes | budget (≤ 60 s, ≤ 1.5 GiB) | error |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(f"| {r.notebook} | {r.status} | {r.seconds:.1f} | {r.peak_pss / MIB:,.0f} | {r.peak_rss / MIB:,.0f} "
                     f"| {r.cpu[0]:.1f} / {r.cpu[1]:.1f} | {r.processes} | {verdict(r, size)} | {cell(r.error)} |")
    total = sum(r.seconds for r in runs)
    finished = all(r.status == "ok" for r in runs)
    series = ("" if size != BUDGET_SIZE else
              f" (budget ≤ {BUDGET_SERIES_SECONDS} s: {'met' if finished and total <= BUDGET_SERIES_SECONDS else '**not met**'}"
              + ("" if finished else ", not every notebook finished") + ")")
    lines += ["", f"Series: {total:.1f} s wall in all{series}; peak PSS of any notebook "
                  f"{max((r.peak_pss for r in runs), default=0) / MIB:,.0f} MiB. "
                  f"The memory sampler itself used {sum(r.sampler_cpu for r in runs):.1f} s CPU."]
    return "\n".join(lines)


def commit() -> str:
    """The repository's commit (the generator's and the notebooks' version), if known."""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, timeout=10).stdout.strip()
    return (done.stdout.strip() or "unknown") + (" with uncommitted changes" if dirty else "")


def versions() -> str:
    names = ("newskit", "papermill", "nbclient", "ipykernel", "jupyter_client", "psutil", "pandas", "matplotlib")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


def render_intro(args: argparse.Namespace, load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    """Heading, method and machine (the part every run rewrites)."""
    before, after = (" / ".join(f"{x:.2f}" for x in triple) for triple in load)
    return "\n".join([
        "# Notebook series benchmark",
        "",
        "Generated by `make bench-notebooks` (`benchmarks/bench_notebooks.py`); one run per size, "
        f"last run {time.strftime('%Y-%m-%d')} with `--sizes {' '.join(map(str, args.sizes))}`"
        + (f" `--notebooks {' '.join(args.notebooks)}`" if args.notebooks else "") + f" `--timeout {args.timeout:.0f}` "
        f"at commit {commit()} (generator and notebooks).",
        "",
        "Each notebook runs in a fresh `python -m papermill NB OUT -p DATA_DIR <corpus> -k python3` (kernel start "
        "included), in series order on one generated corpus, so a token cache written by one notebook serves the "
        "next. Memory: peak of the summed PSS of papermill, the kernel and every process below it; the summed "
        f"RSS beside it counts shared pages once per process. RSS and CPU times are sampled every {args.interval:g} s "
        "(tree re-listed every 5th sample), PSS whenever the RSS sum is within 5 % of its peak so far, at most every "
        "0.5 s and never more often than 20 times its own cost, so the true PSS peak lies between the two columns. CPU: user and system seconds of the tree's processes as last sampled "
        "(a large system share means page faults or I/O rather than computing). Budget (issue 12), on 1,000 articles of about 1.3 M characters: each "
        f"notebook ≤ {BUDGET_SECONDS} s and ≤ 1.5 GiB, the series ≤ {BUDGET_SERIES_SECONDS // 60} minutes. "
        "Failed notebooks keep their first error line; a notebook past the timeout is stopped.",
        "",
        f"Machine: {psutil.cpu_count()} logical cores, {psutil.virtual_memory().total / 2**30:.1f} GiB RAM, "
        f"{platform.platform()}, Python {platform.python_version()}; {versions()}. "
        f"Load average (1/5/15 min) before: {before}, after: {after} (shared machine).",
    ])


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--notebooks", nargs="+", default=None, metavar="NN", help="notebook numbers (default: all)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per notebook before it is stopped")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between memory samples")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    parser.add_argument("--out", type=Path, default=None, help="Markdown file to write the results into")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and executed notebooks in this new folder")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    notebooks = find_notebooks(args.notebooks)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="newskit-bench-nb-") as name:
        tmp = args.keep or Path(name)
        tmp.mkdir(parents=True, exist_ok=True)
        results = [run_size(size, notebooks, args, tmp) for size in args.sizes]
    intro = render_intro(args, (load_before, os.getloadavg()))
    sections = [(f"{KEY}/{r['size']}", render_size(r)) for r in results]
    print(intro, *(text for _, text in sections), sep="\n\n")
    if args.out:
        write_section(args.out, KEY, intro)
        previous = KEY
        for key, text in sections:
            write_section(args.out, key, text, after=previous)
            previous = key
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
