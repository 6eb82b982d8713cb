"""``python -m newskit.synth OUT --n 1000 --seed 0 [--minimal] [--export jsonl ...]``."""

from __future__ import annotations

__all__ = [
    "main", "parse_args",
]  # run as a script: no public names

import argparse
import json
import sys
import time

from newskit.errors import NewskitError
from newskit.synth.corpus import generate_corpus
from newskit.synth.spec import EXPORT_FORMATS, SUPPORTED, CorpusSpec
from newskit.synth.summary import describe_articles


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m newskit.synth",
                                     description="Generate a synthetic multilingual news corpus folder.")
    parser.add_argument("out", help="new or empty folder to write the corpus into")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same files)")
    parser.add_argument("--languages", nargs="+", default=list(SUPPORTED), choices=SUPPORTED, metavar="LANG",
                        help="languages (default: ja de id en)")
    parser.add_argument("--minimal", action="store_true", help="catalog with only doc_id, file, lang")
    parser.add_argument("--export", nargs="+", default=[], choices=EXPORT_FORMATS, metavar="FORMAT",
                        help=f"also write exports/ in these formats ({', '.join(EXPORT_FORMATS)})")
    parser.add_argument("--no-truth", action="store_true", help="do not write truth/ (labels for tests)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spec = CorpusSpec(exports=tuple(args.export), truth=not args.no_truth)
    start = time.perf_counter()
    try:
        made = generate_corpus(args.out, n_articles=args.n, seed=args.seed, languages=tuple(args.languages),
                               minimal=args.minimal, spec=spec)
    except NewskitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = describe_articles(made.articles)
    print(f"wrote {summary['articles']} articles ({summary['characters']:,} characters) to {made.root} "
          f"in {time.perf_counter() - start:.1f} s")
    print(json.dumps({k: v for k, v in summary.items() if k not in ("articles", "characters")},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
