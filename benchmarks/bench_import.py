"""Benchmark ``import_articles`` on 10,000 short JSONL articles in four languages.

    make bench-import      # = .venv/bin/python benchmarks/bench_import.py --out benchmarks/RESULTS.md

The report goes into its own section of ``benchmarks/RESULTS.md``, between
``<!-- bench-import:begin -->`` and ``<!-- bench-import:end -->``; the rest of
the file is left as it is.

The articles are cut at random places from the real text the repository
holds per language (seed articles, example corpus, detection fixture), with
a quarter of the words swapped at random, so every text reads as its
language and differs from the others; a quarter of them name no
language (detected), one in fifty is an exact copy of an earlier one (found
as already there).  Measured: the whole import into an empty folder, the
re-import of the same file (nothing new), language detection alone (model
load, one batch serial and parallel), ``load_corpus`` of the result (decoding,
languages checked — with the detections the import recorded, and without —,
Unicode normalisation, duplicates) and ``find_duplicates`` alone.  Numbers are from one run on a shared machine: read them as
orders of magnitude.
"""

from __future__ import annotations

import argparse
from collections import Counter
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "bench-import"
OUTLETS = ["Rheinische Abendpost", "Harbor Business Wire", "Kabar Ekonomi", "みなと新報", "Lindenauer Rundschau"]
LANGS = ("de", "en", "id", "ja")


def language_pools() -> dict[str, list[str]]:
    """Real text per language to cut articles from: the seed articles, the
    example corpus and the language-detection fixture (words; for Japanese
    characters)."""
    import tomllib

    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    catalogs = [ROOT / "data" / "catalog.csv", ROOT / "data" / "examples" / "catalog.csv"]
    for catalog in catalogs:
        for line in catalog.read_text("utf-8").splitlines()[1:]:
            doc_id, file, lang = line.split(",")[:3]
            raw = (catalog.parent / file).read_bytes()
            texts[lang].append(raw.decode("cp932" if file.endswith("sjis.txt") else "utf-8"))
    samples = tomllib.loads((ROOT / "tests" / "data" / "lang" / "news_paragraphs.toml").read_text("utf-8"))
    for lang in LANGS:
        texts[lang] += samples[lang]["paragraphs"]
    return {lang: list("".join("".join(t).split())) if lang == "ja" else " ".join(t).split()
            for lang, t in texts.items()}


def make_article(rng: random.Random, lang: str, number: int, pools: dict[str, list[str]]) -> dict:
    """One short article: a headline and three paragraphs cut at random
    places from the language's real text, words swapped at random (so it
    reads as the language and two articles share no more than chance)."""
    pool = pools[lang]
    size, join = ((40, 90), "") if lang == "ja" else ((18, 40), " ")

    def excerpt(low: int, high: int) -> str:
        # a random passage with every fourth unit or so swapped for a random
        # one: reads as the language, but two articles cut from the same
        # passage are no longer copies of each other
        length = rng.randint(low, high)
        start = rng.randrange(len(pool) - length)
        units = [rng.choice(pool) if rng.random() < 0.25 else u for u in pool[start:start + length]]
        return join.join(units)

    return {"headline": f"{excerpt(size[0] // 3, size[0] // 2)} ({number})",
            "body": "\n".join(excerpt(*size) for _ in range(3)),
            "published_at": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "outlet": rng.choice(OUTLETS), "language": "" if rng.random() < 0.25 else lang}


def write_export(path: Path, count: int) -> list[dict]:
    """The JSONL export: ``count`` lines, 2% of them copies of earlier ones."""
    rng = random.Random(11)
    pools = language_pools()
    rows: list[dict] = []
    for number in range(count):
        if rows and rng.random() < 0.02:
            rows.append(dict(rng.choice(rows)))
        else:
            rows.append(make_article(rng, LANGS[number % 4], number, pools))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return rows


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def strip_recorded(root: Path) -> Path:
    """A copy of the corpus's catalog without the import's detections, in a
    sibling folder whose ``raw/`` hard-links the same files (a hand-made
    catalog of them)."""
    import csv

    bare = root.with_name("bare")
    (bare / "raw").mkdir(parents=True)
    for path in (root / "raw").iterdir():
        os.link(path, bare / "raw" / path.name)
    with open(root / "catalog.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(bare / "catalog.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["doc_id", "file", "lang", "published"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return bare


def measure(tmp: Path, count: int) -> tuple[list[str], str]:
    """Run every measurement; return the table rows and the closing sentence."""
    from newskit import load_corpus
    from newskit.io.duplicates import find_duplicates
    from newskit.io.importer import import_articles
    from newskit.lang.detect import detect_languages

    export = tmp / "export.jsonl"
    rows = write_export(export, count)

    _, load = timed(detect_languages, [" ".join(p[:200]) for p in language_pools().values()], parallel=False)
    report, first = timed(import_articles, [export], into=tmp / "corpus", progress=False)
    again, second = timed(import_articles, [export], into=tmp / "corpus", progress=False)
    texts = [f"{r['headline']}\n{r['body']}" for r in rows]
    _, serial = timed(detect_languages, texts, parallel=False)
    _, parallel = timed(detect_languages, texts, parallel=True)
    corpus, loading = timed(load_corpus, tmp / "corpus")
    _, bare_loading = timed(load_corpus, strip_recorded(tmp / "corpus"))
    found, dup_time = timed(find_duplicates, corpus.documents, corpus.texts)
    reasons = "; ".join(f"{n} x {r}" for r, n in Counter(p.reason.split(" (")[0] for p in report.skipped).items())
    table = [
        "| step | seconds |", "|---|---|",
        f"| detector built, first text per language (lingua loads models lazily) | {load:.2f} |",
        f"| **`import_articles` into an empty folder** | **{first:.2f}** |",
        f"| re-import of the same export (nothing new) | {second:.2f} |",
        f"| language detection alone, serial | {serial:.2f} |",
        f"| language detection alone, lingua parallel | {parallel:.2f} |",
        f"| `load_corpus` of the result (detections recorded by the import reused) | {loading:.2f} |",
        f"| `load_corpus` of the same files from a catalog without them (every text detected) | {bare_loading:.2f} |",
        f"| `find_duplicates` alone | {dup_time:.2f} |",
    ]
    closing = (f"Imported {len(report.imported):,}, already there {len(report.already_there):,} "
               f"(re-import: {len(again.already_there):,} already there, {len(again.imported)} new); "
               f"skipped {len(report.skipped)} ({reasons}); near-duplicates marked at load "
               f"{int(corpus.documents['duplicate_of'].notna().sum()):,}, by find_duplicates "
               f"{int(found['duplicate_of'].notna().sum()):,} (the exact copies were already there).")
    return table, closing


def render(count: int, table: list[str], closing: str, load: tuple[float, float]) -> str:
    """The Markdown section."""
    
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in
                         ("lingua-language-detector", "trafilatura", "pandas"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return "\n".join([
        "## Import (`make bench-import`)", "",
        "Generated by `benchmarks/bench_import.py`; numbers from one run on a shared 2-core machine.", "",
        f"- Python {platform.python_version()}, {os.cpu_count()} logical cores; {versions}",
        f"- load average (1 min) before {load[0]:.2f}, after {load[1]:.2f}; peak RSS of the whole run: {peak:,.0f} MB",
        "",
        f"Export: {count:,} JSONL articles (de/en/id/ja in turn, 25% without a language, 2% exact copies).", "",
        *table, "", closing, "",
    ])


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--out", type=Path, help=f"write the report as the {SECTION!r} section of this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        table, closing = measure(Path(tmp), args.count)
    text = render(args.count, table, closing, (before, os.getloadavg()[0]))
    print(text)
    if args.out:
        from results_md import write_section  # beside this script

        write_section(args.out, SECTION, text)
        print(f"wrote the {SECTION} section of {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
