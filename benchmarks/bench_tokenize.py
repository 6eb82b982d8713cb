"""Benchmark of newskit.tokenize_corpus against a bare fugashi loop.

Usage::

    make bench                                   # writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/bench_tokenize.py --rounds 5 --out benchmarks/RESULTS.md

Everything runs on a corpus generated in a temporary folder (deleted at the
end): the Japanese seed articles of ``data/`` copied until their text
paragraphs hold at least 1 M characters, plus copies of the German and
Indonesian seeds.  Measured in this process, interleaved over ``--rounds``
rounds (best round reported, ratios taken from the same round type):

(a) a bare fugashi loop reading surface, orthBase and POS of every token;
(b) ``tokenize_corpus`` in one process; (c) on all cores; (d) a cached
rerun, and the cached rerun of the five seed articles alone.

Then a scaling table (1x, 4x, 16x, 64x the five seeds; each size in a fresh
subprocess so its peak RSS is its own) and the memory of a 10 M-token table.
Peak memory is sampled with psutil over this process and every descendant
(pool workers are children of the fork server, not of this process, so
``RUSAGE_CHILDREN`` would miss them).  No timing here is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd
import psutil
import pyarrow as pa

import newskit
from newskit.corpus import Corpus
from newskit.parallel import available_cores

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data"
TARGET_JA_CHARS = 1_000_000
MIX_COPIES = 20
SCALES = (1, 4, 16, 64)
TABLE_ROWS = 10_000_000


# --- measuring -----------------------------------------------------------------------


class Monitor:
    """Samples RSS and CPU time of this process and all its descendants.

    Finding descendants walks every process of the machine, so the list is
    refreshed only every few samples: the monitor must not steal the CPU it
    measures (each sample of known processes costs a few /proc reads)."""

    def __init__(self, interval: float = 0.05, refresh_every: int = 5) -> None:
        self.interval = interval
        self.refresh_every = refresh_every
        self.peak_rss = 0
        self.start_rss = 0
        self.cpu: dict[int, float] = {}
        self.cpu_start: dict[int, float] = {}
        self._procs: list[psutil.Process] = []
        self._samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, refresh: bool = False) -> None:
        if refresh or self._samples % self.refresh_every == 0:
            me = psutil.Process()
            self._procs = [me, *me.children(recursive=True)]
        self._samples += 1
        total = 0
        for proc in self._procs:
            try:
                with proc.oneshot():
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
            except psutil.Error:
                continue
            self.cpu[proc.pid] = times.user + times.system  # processes born later start at 0
        self.peak_rss = max(self.peak_rss, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> Monitor:
        self._sample(refresh=True)
        self.cpu_start = dict(self.cpu)
        self.start_rss = self.peak_rss
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(refresh=True)

    @property
    def cpu_seconds(self) -> float:
        return sum(t - self.cpu_start.get(pid, 0.0) for pid, t in self.cpu.items())

    @property
    def critical_cpu(self) -> float:
        """This process's CPU time plus the busiest other process's: what
        the run would take if every process had a core of its own."""
        used = {pid: t - self.cpu_start.get(pid, 0.0) for pid, t in self.cpu.items()}
        return used.pop(os.getpid(), 0.0) + max(used.values(), default=0.0)


@dataclass
class Result:
    """Best of several runs of one variant."""

    name: str
    chars: int
    tokens: int = 0
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    critical: list[float] = field(default_factory=list)
    peak_rss: int = 0
    rss_growth: int = 0

    @property
    def best(self) -> float:
        return min(self.seconds)

    def row(self, baseline: Result | None) -> dict[str, str]:
        ratio = f"{(self.chars / self.best) / (baseline.chars / baseline.best):.2f}x" if baseline else ""
        return {"variant": self.name, "best s": f"{self.best:.2f}",
                "all runs s": " / ".join(f"{s:.2f}" for s in self.seconds),
                "chars/s": f"{self.chars / self.best:,.0f}",
                "tokens/s": f"{self.tokens / self.best:,.0f}" if self.tokens else "",
                "vs (a)": ratio, "CPU s (all procs)": f"{min(self.cpu):.2f}",
                "own-core estimate s": f"{min(self.critical):.2f}",
                "peak RSS MB (all procs)": f"{self.peak_rss / 2**20:,.0f}",
                "RSS growth MB": f"{self.rss_growth / 2**20:,.0f}"}


def measure(result: Result, fn: Callable[[], int]) -> None:
    """Run ``fn`` once (it returns the token count) and record it."""
    with Monitor() as monitor:
        start = time.perf_counter()
        tokens = fn()
        result.seconds.append(time.perf_counter() - start)
    result.tokens = tokens
    result.cpu.append(monitor.cpu_seconds)
    result.critical.append(monitor.critical_cpu)
    result.peak_rss = max(result.peak_rss, monitor.peak_rss)
    result.rss_growth = max(result.rss_growth, monitor.peak_rss - monitor.start_rss)


def spin_rate(processes: int) -> float:
    """Loops per second of a pure-Python loop in ``processes`` processes at
    once: how much parallel CPU this (shared) machine gives right now."""
    code = "import time\nt=time.perf_counter()\nx=0\nfor i in range(8_000_000): x+=i\nprint(time.perf_counter()-t)"
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE) for _ in range(processes)]
    for proc in procs:
        proc.communicate()
    return processes * 8_000_000 / (time.perf_counter() - start)


# --- corpora -------------------------------------------------------------------------


def seed_catalog() -> pd.DataFrame:
    return pd.read_csv(SEEDS / "catalog.csv", dtype=str, keep_default_na=False)


def text_chars(corpus: Corpus) -> dict[str, int]:
    """Characters of the tokenized (TEXT_KINDS) paragraphs per document."""
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(newskit.TEXT_KINDS)]
    return paragraphs.groupby("doc_id", sort=False)["text"].apply(lambda t: int(t.str.len().sum())).to_dict()


def write_copies(folder: Path, copies: dict[str, int]) -> Path:
    """A corpus of ``copies[doc_id]`` byte-identical copies of each seed."""
    catalog = seed_catalog().set_index("doc_id")
    rows = []
    (folder / "raw").mkdir(parents=True, exist_ok=True)
    for k in range(max(copies.values())):
        for doc_id, n in copies.items():
            if k < n:
                row = catalog.loc[doc_id].to_dict()
                name = f"raw/{doc_id}-{k:04d}.txt"
                shutil.copyfile(SEEDS / row["file"], folder / name)
                rows.append({"doc_id": f"{doc_id}-{k:04d}", **row, "file": name})
    pd.DataFrame(rows).to_csv(folder / "catalog.csv", index=False)
    return folder


def main_copies(seeds: Corpus) -> dict[str, int]:
    """Japanese seeds until >= 1 M text characters, plus a de/id mix."""
    chars = text_chars(seeds)
    langs = seeds.languages()
    ja_set = sum(n for doc, n in chars.items() if langs[doc] == "ja")
    repeat = math.ceil(TARGET_JA_CHARS / ja_set)
    return {doc: repeat if lang == "ja" else MIX_COPIES for doc, lang in langs.items()}


def subset(corpus: Corpus, lang: str) -> Corpus:
    """The documents of one language."""
    keep = corpus.documents[corpus.documents["lang"] == lang]
    ids = set(keep["doc_id"])
    return Corpus(root=corpus.root, documents=keep.reset_index(drop=True),
                  paragraphs=corpus.paragraphs[corpus.paragraphs["doc_id"].isin(ids)].reset_index(drop=True),
                  texts={d: t for d, t in corpus.texts.items() if d in ids})


def texts_of(corpus: Corpus) -> list[str]:
    return corpus.paragraphs.loc[corpus.paragraphs["kind"].isin(newskit.TEXT_KINDS), "text"].tolist()


# --- variants --------------------------------------------------------------------------


def bare_fugashi(texts: list[str]) -> Callable[[], int]:
    """(a): a plain fugashi Tagger on unidic-lite, reading surface,
    orthBase and the four POS levels of every token into locals."""
    import fugashi
    import unidic_lite

    tagger = fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')

    def run() -> int:
        n = 0
        for text in texts:
            for word in tagger(text):
                surface = word.surface
                feature = word.feature
                _ = (surface, feature.orthBase, feature.pos1, feature.pos2, feature.pos3, feature.pos4)
                n += 1
        return n

    return run


def tokenize_variant(corpus: Corpus, **options) -> Callable[[], int]:
    def run() -> int:
        return len(newskit.tokenize_corpus(corpus, progress=False, **options))
    return run


def clear_memos() -> None:
    """Forget every decoded word (MeCab lines, Latin words, stop/content marks)."""
    from newskit import ja, latin, tokens

    ja._LINE_MEMO.clear()
    latin._WORD_MEMOS.clear()
    tokens.token_marks.cache_clear()


def memo_effect(seeds: Corpus, rounds: int) -> dict[str, float]:
    """What the per-process word memo is worth.  The generated corpus
    repeats the seeds, so there nearly every token is a memo hit; a corpus
    of new articles keeps meeting new words.  Measured: the cost of
    decoding one distinct MeCab output line (a memo miss) and the share of
    distinct lines among the tokens of the three Japanese seeds."""
    from newskit import ja as ja_module

    ja = subset(seeds, "ja")
    chars = sum(text_chars(ja).values())
    warm = []
    for _ in range(max(5, rounds)):
        start = time.perf_counter()
        table = newskit.tokenize_corpus(ja, progress=False)
        warm.append(time.perf_counter() - start)
    lines = list(ja_module._LINE_MEMO)
    costs = []
    for _ in range(max(5, rounds)):
        clear_memos()
        start = time.perf_counter()
        for line in lines:
            ja_module.read_line(line)
        costs.append((time.perf_counter() - start) / len(lines))
    clear_memos()
    factor = min(warm) / (min(warm) + len(lines) * min(costs))
    return {"chars": chars, "tokens": len(table), "distinct": len(lines), "miss_us": min(costs) * 1e6,
            "factor": factor}


def run_rounds(variants: dict[str, tuple[Result, Callable[[], int]]], rounds: int) -> None:
    """Interleave the variants over ``rounds`` so load spikes hit them alike."""
    for k in range(rounds):
        for name, (result, fn) in variants.items():
            measure(result, fn)
            print(f"  round {k + 1}: {name}: {result.seconds[-1]:.2f} s", flush=True)


# --- children: one corpus size, or the 10 M-token table, per fresh process -------


def child_scale(folder: Path, n_jobs: int) -> dict:
    """Load and tokenize one corpus twice in a fresh process: the first call
    pays the start-up (simplemma lexicons, MeCab, worker processes), the
    second runs warm.  Peak RSS covers this process and its workers."""
    with Monitor() as monitor:
        start = time.perf_counter()
        corpus = newskit.load_corpus(folder)
        loaded = time.perf_counter()
        table = newskit.tokenize_corpus(corpus, n_jobs=n_jobs, progress=False)
        first = time.perf_counter()
        newskit.tokenize_corpus(corpus, n_jobs=n_jobs, progress=False)
        second = time.perf_counter()
    return {"docs": len(corpus.documents), "chars": sum(text_chars(corpus).values()), "tokens": len(table),
            "load_s": loaded - start, "first_s": first - loaded, "warm_s": second - first,
            "peak_rss": monitor.peak_rss, "table_bytes": int(table.memory_usage(deep=True).sum())}


def child_table(folder: Path) -> dict:
    """Build a >= 10 M-token table from real tokens (the Japanese corpus,
    repeated) and measure it: logical size per column and RSS growth."""
    from newskit.tokentable import assemble, make_jobs, tokenize_job

    corpus = newskit.load_corpus(folder)
    paragraphs = corpus.paragraphs[corpus.paragraphs["kind"].isin(newskit.TEXT_KINDS)]
    jobs = make_jobs(paragraphs, corpus.languages())
    tables = [tokenize_job(job) for job in jobs]
    per_copy = sum(t.num_rows for t in tables)
    copies = math.ceil(TABLE_ROWS / per_copy)
    documents = [f"{job.doc_id}#{k}" for k in range(copies) for job in jobs]
    before = psutil.Process().memory_info().rss
    frame = assemble([t for _ in range(copies) for t in tables], documents, documents)
    for name in ("surface", "lemma"):  # copies share Arrow buffers: make each row's string real
        frame[name] = pd.arrays.ArrowStringArray(pa.array(frame[name].array).combine_chunks())
    grown = psutil.Process().memory_info().rss - before
    usage = frame.memory_usage(deep=True, index=False)
    return {"rows": len(frame), "bytes": int(usage.sum()), "rss_growth": grown,
            "columns": {name: int(size) for name, size in usage.items()},
            "dtypes": {name: str(dtype) for name, dtype in frame.dtypes.items()}}


def run_child(args: list[str]) -> dict:
    """Run this script as a child (``--child ...``) and read its JSON."""
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def scaling(tmp: Path, workers: int) -> list[dict]:
    """Time and peak RSS per corpus size, one fresh process per measurement."""
    rows = []
    seeds = seed_catalog()["doc_id"].tolist()
    for scale in SCALES:
        folder = write_copies(tmp / f"scale-{scale}", {doc: scale for doc in seeds})
        for n_jobs in (1, workers):
            print(f"  scale {scale}x, n_jobs={n_jobs}", flush=True)
            rows.append({"scale": scale, "n_jobs": n_jobs, **run_child(["scale", str(folder), str(n_jobs)])})
        shutil.rmtree(folder)
    return rows


# --- the main run ----------------------------------------------------------------------


def cached_seconds(folder: Path, rounds: int) -> tuple[float, float]:
    """Best cached rerun of the corpus in ``folder`` (after one filling run):
    tokenize_corpus alone, and load_corpus + tokenize_corpus."""
    newskit.tokenize_corpus(newskit.load_corpus(folder), cache=True, progress=False)
    alone, with_load = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        corpus = newskit.load_corpus(folder)
        loaded = time.perf_counter()
        newskit.tokenize_corpus(corpus, cache=True, progress=False)
        end = time.perf_counter()
        alone.append(end - loaded)
        with_load.append(end - start)
    return min(alone), min(with_load)


def main_measurements(tmp: Path, rounds: int, workers: int) -> dict:
    """(a)-(d) on the generated corpus, in this process."""
    seeds = newskit.load_corpus(SEEDS)
    folder = write_copies(tmp / "main", main_copies(seeds))
    corpus = newskit.load_corpus(folder)
    ja = subset(corpus, "ja")
    ja_chars, all_chars = sum(text_chars(ja).values()), sum(text_chars(corpus).values())
    start = time.perf_counter()  # first pool of the session: starts the fork server
    newskit.tokenize_corpus(seeds, n_jobs=workers, progress=False)
    cold_pool = time.perf_counter() - start
    variants = {
        "a": (Result("(a) bare fugashi loop, ja", ja_chars), bare_fugashi(texts_of(ja))),
        "b": (Result("(b) tokenize_corpus, 1 process, ja", ja_chars), tokenize_variant(ja)),
        "c": (Result(f"(c) tokenize_corpus, n_jobs=-1 ({workers} procs), ja", ja_chars),
              tokenize_variant(ja, n_jobs=-1)),
        "b_all": (Result("(b) tokenize_corpus, 1 process, ja+de+id", all_chars), tokenize_variant(corpus)),
        "c_all": (Result("(c) tokenize_corpus, n_jobs=-1, ja+de+id", all_chars),
                  tokenize_variant(corpus, n_jobs=-1)),
    }
    run_rounds(variants, rounds)
    single = newskit.tokenize_corpus(ja, progress=False)
    pd.testing.assert_frame_equal(newskit.tokenize_corpus(ja, n_jobs=-1, progress=False), single)
    cached = Result("(d) cached rerun, ja+de+id", all_chars)
    newskit.tokenize_corpus(corpus, cache=True, progress=False)  # fills the cache
    for _ in range(rounds):
        measure(cached, tokenize_variant(corpus, cache=True))
    seeds_dir = write_copies(tmp / "seeds", {doc: 1 for doc in seed_catalog()["doc_id"]})
    memo = memo_effect(seeds, rounds)
    return {"memo": memo, "results": {k: v[0] for k, v in variants.items()} | {"d": cached},
            "seed_cached": cached_seconds(seeds_dir, rounds), "cold_pool": cold_pool,
            "docs": len(corpus.documents), "ja_docs": len(ja.documents), "ja_chars": ja_chars,
            "all_chars": all_chars, "folder": folder}


def markdown_table(rows: list[dict]) -> str:
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(row[h]) for h in header) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> list[str]:
    """CPU, cores, RAM, Python and package versions."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    packages = ["newskit", "fugashi", "unidic-lite", "simplemma", "pandas", "pyarrow", "numpy",
                "dask", "distributed", "tqdm", "psutil"]
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in packages)
    return [f"- CPU: {model}, {os.cpu_count()} logical cores ({available_cores()} usable)",
            f"- RAM: {psutil.virtual_memory().total / 2**30:.1f} GiB; OS: {platform.platform()}",
            f"- Python {platform.python_version()} ({sys.executable})",
            f"- Packages: {versions}"]


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def render_targets(main_run: dict, table: dict | None) -> list[str]:
    r = main_run["results"]
    single, pool = r["a"].best / r["b"].best, r["a"].best / r["c"].best
    seeds_alone, seeds_load = main_run["seed_cached"]
    lines = [f"- single process >= 0.8x the bare loop: {single:.2f}x, {verdict(single >= 0.8)}",
             f"- all cores >= 1.6x the bare loop: {pool:.2f}x, {verdict(pool >= 1.6)}",
             f"- cached rerun of the 5 seeds < 0.5 s: {seeds_alone:.3f} s "
             f"({seeds_load:.3f} s with load_corpus), {verdict(seeds_alone < 0.5)}"]
    a_cpu, b_cpu, c_cpu = (min(r[k].critical) for k in ("a", "b", "c"))
    lines.append(f"- the same from CPU times (every process on a core of its own, as on an idle machine): "
                 f"(a) {a_cpu:.2f} s, (b) {b_cpu:.2f} s = {a_cpu / b_cpu:.2f}x, "
                 f"(c) {c_cpu:.2f} s = {a_cpu / c_cpu:.2f}x the bare loop")
    if table:
        gb = table["bytes"] / table["rows"] * 10_000_000 / 2**30
        lines.append(f"- 10 M-token table <= 2 GB: {gb:.2f} GiB, {verdict(gb <= 2)}")
    return lines


def render_scaling(rows: list[dict]) -> str:
    return markdown_table([{
        "size": f"{row['scale']}x seeds", "docs": row["docs"], "n_jobs": row["n_jobs"],
        "text chars": f"{row['chars']:,}", "tokens": f"{row['tokens']:,}",
        "load_corpus s": f"{row['load_s']:.2f}", "1st call s": f"{row['first_s']:.2f}",
        "2nd call s": f"{row['warm_s']:.2f}", "2nd call chars/s": f"{row['chars'] / row['warm_s']:,.0f}",
        "peak RSS MB (all procs)": f"{row['peak_rss'] / 2**20:,.0f}",
        "table MB": f"{row['table_bytes'] / 2**20:,.1f}"} for row in rows])


def render_table(table: dict) -> list[str]:
    per_row = table["bytes"] / table["rows"]
    lines = [f"Built from real tokens (the Japanese corpus tiled to {table['rows']:,} rows): "
             f"{table['bytes'] / 2**30:.2f} GiB in the frame ({per_row:.1f} bytes/token), "
             f"RSS grew by {table['rss_growth'] / 2**30:.2f} GiB; "
             f"10 M tokens -> {per_row * 10_000_000 / 2**30:.2f} GiB.", ""]
    lines.append(markdown_table([{"column": name, "dtype": table["dtypes"][name],
                                  "bytes/token": f"{size / table['rows']:.1f}"}
                                 for name, size in table["columns"].items()]))
    return lines


def render(main_run: dict, scale_rows: list[dict], table: dict | None, context: dict) -> str:
    r = main_run["results"]
    (spin1, spin_n), (after1, after_n) = context["spin"], context["spin_after"]
    load_before, load_after = context["load"]
    rows = [r[k].row(r["a"] if k != "a" else None) for k in ("a", "b", "c", "b_all", "c_all", "d")]
    out = ["# tokenize_corpus benchmark", "",
           "Generated by `make bench` (`benchmarks/bench_tokenize.py`); numbers from one run.", "",
           "## Machine", "", *machine(),
           f"- Load average (1/5/15 min) before: {'/'.join(f'{x:.2f}' for x in load_before)}, "
           f"after: {'/'.join(f'{x:.2f}' for x in load_after)} (shared machine)",
           f"- Parallel capacity at the time: {context['workers']} pure-Python processes ran "
           f"{spin_n / spin1:.2f}x the loops of one before the run, {after_n / after1:.2f}x after", "",
           "## Corpus", "",
           f"{main_run['docs']} documents: the 3 Japanese seeds x {main_run['ja_docs'] // 3} "
           f"({main_run['ja_chars']:,} characters of heading/caption/body text) plus the German and "
           f"Indonesian seeds x {MIX_COPIES} ({main_run['all_chars'] - main_run['ja_chars']:,} characters).", "",
           "## Throughput", "",
           "Best of the interleaved rounds; \"vs (a)\" is the variant's chars/s over the bare loop's (for the "
           "ja+de+id rows a per-character comparison across corpora, German and Indonesian being cheaper). "
           "CPU s sums this process and every worker; the own-core estimate is this process's CPU time plus "
           "the busiest worker's (the wall time on an idle machine). Peak RSS is the whole benchmark process "
           "(it holds the corpus and earlier results) plus workers; RSS growth is the rise during the variant.",
           "",
           markdown_table(rows), "",
           f"First use of the worker pool in a session (fork server start, workers loading MeCab and the "
           f"de/id lexicons; 5 seeds): {main_run['cold_pool']:.2f} s; later calls reuse the warm workers.", "",
           "The generated corpus repeats the seeds, so nearly every token hits the per-process word memo "
           "(each distinct MeCab output line / Latin word is decoded once per process). A memo miss costs "
           f"{main_run['memo']['miss_us']:.1f} µs; the 3 Japanese seeds hold {main_run['memo']['distinct']:,} "
           f"distinct lines in {main_run['memo']['tokens']:,} tokens. Were every article as new as the seeds "
           f"are to each other (that miss rate on every token), (b) would run at {main_run['memo']['factor']:.2f}x "
           f"its speed above, {main_run['memo']['factor'] * r['a'].best / r['b'].best:.2f}x the bare loop; "
           "a large real corpus repeats its vocabulary far more than three articles do.", "",
           "## Targets", "", *render_targets(main_run, table), ""]
    if scale_rows:
        out += ["## Scaling", "",
                "Each row is a fresh process: `load_corpus`, then `tokenize_corpus` twice. The first call "
                "pays the start-up (about 1.5 s loading simplemma's German lexicon, per process: with "
                "`n_jobs=2` also the fork server and two workers loading it); the second call shows the "
                "steady state (a worker loads the lexicon on its first German document, which for a tiny corpus "
                "may only come in the second call). Peak RSS includes the workers.", "",
                render_scaling(scale_rows), ""]
    if table:
        out += ["## Memory of a 10 M-token table", "", *render_table(table), ""]
    return "\n".join(out) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per variant (best is reported)")
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table and 10 M-token table")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    workers = available_cores()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="newskit-bench-") as name:
        tmp = Path(name)
        print("calibrating the machine (pure-Python loop, 1 and all processes)", flush=True)
        spin = (spin_rate(1), spin_rate(workers))
        print("main measurements", flush=True)
        main_run = main_measurements(tmp, args.rounds, workers)
        spin_after = (spin_rate(1), spin_rate(workers))
        scale_rows, table = [], None
        if not args.no_scaling:
            print("scaling table (fresh process per size)", flush=True)
            scale_rows = scaling(tmp, workers)
            print("10 M-token table", flush=True)
            table = run_child(["table", str(main_run["folder"])])
    report = render(main_run, scale_rows, table, {"spin": spin, "spin_after": spin_after, "workers": workers,
                                                    "load": (load_before, os.getloadavg())})
    print(report)
    if args.out:
        args.out.write_text(report + kept_sections(args.out), "utf-8")
        print(f"wrote {args.out}")


#: Sections other benchmarks write into the same file (bench_bounded.py),
#: kept when this one rewrites it.
KEPT_SECTION_RE = re.compile(r"<!-- ([\w-]+):start.*?<!-- \1:end -->\n?", re.DOTALL)


def kept_sections(path: Path) -> str:
    """The marked sections of ``path`` (empty if none or no file)."""
    if not path.exists():
        return ""
    blocks = [m.group(0) for m in KEPT_SECTION_RE.finditer(path.read_text("utf-8"))]
    return "".join("\n" + b for b in blocks)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, folder = sys.argv[2], Path(sys.argv[3])
        out = child_scale(folder, int(sys.argv[4])) if kind == "scale" else child_table(folder)
        print(json.dumps(out))
    else:
        main(sys.argv[1:])
