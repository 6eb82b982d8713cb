"""Notebooks 07 and 08 on a generated 1,000-article corpus, against the budget
of issue 12 (each notebook ≤ 60 s wall time, ≤ 1.5 GiB peak memory, kernel
included), with the token cache warm as in the notebook series.

    .venv/bin/python benchmarks/bench_stats.py --out benchmarks/RESULTS.md [--articles 1000]

Articles are cut from the real text of each language (``bench_import.language_pools``:
a quarter of the units swapped at random, so they read as their language and
differ from each other): a headline and six paragraphs, about 1,300 characters
on average, four languages, five outlets, dates over 2023–2025, and one article
in ten starting a "translation group" of three (ja, de, id) so that the aligned
units of notebook 08 have work to do.  Peak memory is GNU time's maximum
resident set size of papermill and its children (the kernel).  One run on a
shared machine: read the numbers as orders of magnitude.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_import import OUTLETS, language_pools

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ja", "de", "id", "en")
NOTEBOOKS = ("07-collocations-and-dispersion", "08-maps-topics-and-coding")
BUDGET_SECONDS, BUDGET_GIB = 60, 1.5


def excerpt(rng: random.Random, pool: list[str], lang: str, scale: float = 1.0) -> str:
    """A random passage of the language's text, a quarter of its units swapped."""
    low, high = (100, 260) if lang == "ja" else (22, 55)
    length = max(3, int(rng.randint(low, high) * scale))
    start = rng.randrange(len(pool) - length)
    units = [rng.choice(pool) if rng.random() < 0.25 else unit for unit in pool[start:start + length]]
    return ("" if lang == "ja" else " ").join(units)


def write_corpus(folder: Path, count: int) -> int:
    """``count`` articles and their catalog in ``folder``; returns the characters written."""
    rng, pools = random.Random(13), language_pools()
    (folder / "raw").mkdir(parents=True)
    rows, chars, number = [], 0, 0
    while number < count:
        group = f"story-{number}" if rng.random() < 0.1 and number + 3 <= count else ""
        for lang in (("ja", "de", "id") if group else (LANGS[number % 4],)):
            text = excerpt(rng, pools[lang], lang, 0.3) + "\n\n" + "\n\n".join(
                excerpt(rng, pools[lang], lang) for _ in range(6)) + "\n"
            (folder / "raw" / f"{number:05d}.txt").write_text(text, "utf-8")
            chars += len(text)
            date = f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rows.append(f"a{number:05d},raw/{number:05d}.txt,{lang},article {number},{date},"
                        f"{rng.choice(OUTLETS)},{group}")
            number += 1
    (folder / "catalog.csv").write_text("doc_id,file,lang,title,published,publisher,group\n"
                                        + "\n".join(rows) + "\n", "utf-8")
    return chars


def run_notebook(name: str, data_dir: Path, out_dir: Path) -> tuple[float, float]:
    """Wall seconds and peak GiB of one papermill run (kernel included)."""
    command = ["/usr/bin/time", "-v", str(ROOT / ".venv" / "bin" / "papermill"), f"notebooks/{name}.ipynb",
               str(out_dir / f"{name}.ipynb"), "-p", "DATA_DIR", str(data_dir), "-k", "python3",
               "--no-progress-bar"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          env={"MPLBACKEND": "module://matplotlib_inline.backend_inline",
                               "JUPYTER_PREFER_ENV_PATH": "1", "PATH": "/usr/bin:/bin"})
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{name} failed:\n{done.stderr[-3000:]}")
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return seconds, peak_kb / 1024 ** 2


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md",
                        help="Markdown file whose 'bench-stats' section is written")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "lib"))
    import newskit

    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = Path(tmp) / "corpus"
        chars = write_corpus(corpus_dir, args.articles)
        start = time.perf_counter()
        tokens = newskit.tokenize_corpus(newskit.load_corpus(corpus_dir), cache=True, n_jobs=2, progress=False)
        warm = time.perf_counter() - start
        newskit.scale.shutdown_pool()
        rows = [(name, *run_notebook(name, corpus_dir, Path(tmp))) for name in NOTEBOOKS]
    lines = [f"# Notebooks 07 and 08 on {args.articles:,} generated articles", "",
             f"{chars:,} characters, {len(tokens):,} tokens; the token cache was filled first ({warm:.0f} s, "
             f"two processes). Python {platform.python_version()}, {platform.machine()}, shared 2-core machine.",
             "", "| notebook | wall time (s) | peak memory (GiB) | budget |", "|---|---:|---:|---|"]
    lines += [f"| {name} | {seconds:.1f} | {gib:.2f} | "
              f"{'within' if seconds <= BUDGET_SECONDS and gib <= BUDGET_GIB else 'OVER'} "
              f"({BUDGET_SECONDS} s, {BUDGET_GIB} GiB) |" for name, seconds, gib in rows]
    from results_md import write_section  # beside this script

    write_section(args.out, "bench-stats", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
