"""Benchmark of the token cache: no cache, cold cache, warm cache.

Usage::

    .venv/bin/python benchmarks/bench_cache.py --docs 3000 --rounds 3

A corpus of ``--docs`` short documents (three random paragraphs of the seed
articles of ``data/`` plus a numbered line, ja/de/id at random, seeded) is
generated in a temporary folder (deleted at the end).  After one warm-up
call (MeCab tagger, lexicons), each round times ``tokenize_corpus`` with no
cache, with an empty cache (computing and writing every entry) and with a
full cache (reading every entry), in this process, one core.  The best round
of each is printed as a Markdown table row for ``benchmarks/RESULTS.md``.
Nothing here is asserted anywhere.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import newskit
from newskit.scale.cache import cache_dir

ROOT = Path(__file__).resolve().parents[1]


def generate_corpus(root: Path, docs: int, seed: int = 1) -> Path:
    """``docs`` short documents from the seed articles' paragraphs."""
    seeds = newskit.load_corpus(ROOT / "data")
    langs = seeds.languages()
    paragraphs = [(langs[d], t) for d, t in zip(seeds.paragraphs["doc_id"], seeds.paragraphs["text"]) if len(t) > 20]
    rng = random.Random(seed)
    rows = ["doc_id,file,lang"]
    (root / "raw").mkdir(parents=True)
    for k in range(docs):
        lang = rng.choice(["ja", "de", "id"])
        pool = [text for code, text in paragraphs if code == lang]
        text = "\n".join(rng.sample(pool, min(3, len(pool)))) + f"\nNr. {k}.\n"
        (root / "raw" / f"{k}.txt").write_text(text, "utf-8")
        rows.append(f"d{k},raw/{k}.txt,{lang}")
    (root / "catalog.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return root


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = newskit.load_corpus(generate_corpus(Path(folder) / "corpus", args.docs))
        tokens = newskit.tokenize_corpus(corpus, progress=False)  # warm-up
        runs: dict[str, list[float]] = {"no cache": [], "cold cache": [], "warm cache": []}
        for _ in range(args.rounds):
            runs["no cache"].append(timed(lambda: newskit.tokenize_corpus(corpus, progress=False)))
            shutil.rmtree(cache_dir(corpus.root), ignore_errors=True)
            runs["cold cache"].append(timed(lambda: newskit.tokenize_corpus(corpus, cache=True, progress=False)))
            runs["warm cache"].append(timed(lambda: newskit.tokenize_corpus(corpus, cache=True, progress=False)))
        size = sum(p.stat().st_size for p in cache_dir(corpus.root).rglob("*") if p.is_file())
    print(f"{args.docs:,} documents, {len(tokens):,} tokens; cache {size / 2**20:.1f} MiB "
          f"({size / len(tokens):.0f} bytes/token)\n")
    print("| variant | best s | all runs s | ms/document |\n|---|---|---|---|")
    for name, seconds in runs.items():
        best = min(seconds)
        print(f"| {name} | {best:.2f} | {' / '.join(f'{s:.2f}' for s in seconds)} | {1000 * best / args.docs:.3f} |")


if __name__ == "__main__":
    main()
