"""Score ``newskit.extract_numbers`` on the hard news phrases of
``tests/data/quantities/news_phrases.csv``.

Each row gives ``lang, phrase`` and the expected normalised quantity
``value, unit, kind`` (``note`` explains the case).  A phrase comes out
right when ``extract_numbers(phrase, lang)`` returns exactly one quantity with
that kind, that unit (blank = none) and that value (within 0.01, so fractions
written as percentages -- a third = 33.3333 -- compare).  A ``vague`` row
(数十億ドル, Dutzende, puluhan, dozens of) is right when nothing with a value
comes out: every quantity returned, if any, must have kind ``vague``.

Usage (from the project root)::

    .venv/bin/python tools/score_number_phrases.py            # summary + failures
    .venv/bin/python tools/score_number_phrases.py --quiet    # summary only

Prints the total, a per-language table and the failing phrases with what
was extracted.  Always exits 0: it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import newskit

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ROOT / "tests" / "data" / "quantities" / "news_phrases.csv"
TOLERANCE = 0.01


def describe(quantities: list) -> str:
    """What came out, readable: 'currency 6000000000 USD; count 3'."""
    if not quantities:
        return "(nothing)"
    return "; ".join(f"{q.kind} {q.value:g}{' ' + q.unit if q.unit else ''} [{q.surface}]" for q in quantities)


def is_right(row: pd.Series, quantities: list) -> bool:
    """The scoring rule of the module docstring."""
    if row["kind"] == "vague":
        return all(q.kind == "vague" for q in quantities)
    if len(quantities) != 1:
        return False
    q = quantities[0]
    return (q.kind == row["kind"] and (q.unit or "") == row["unit"]
            and abs(q.value - float(row["value"])) <= TOLERANCE)


def score(table: pd.DataFrame) -> pd.DataFrame:
    """One row per phrase with ``right`` and ``got`` added."""
    rights, got = [], []
    for _, row in table.iterrows():
        quantities = newskit.extract_numbers(row["phrase"], row["lang"])
        rights.append(is_right(row, quantities))
        got.append(describe(quantities))
    return table.assign(right=rights, got=got)


def main() -> int:
    parser = argparse.ArgumentParser(description="Score extract_numbers on the news phrase table.")
    parser.add_argument("--phrases", type=Path, default=PHRASES, help="phrase table (CSV)")
    parser.add_argument("--quiet", action="store_true", help="do not list the failing phrases")
    args = parser.parse_args()
    table = pd.read_csv(args.phrases, dtype=str, keep_default_na=False)
    scored = score(table)
    total = int(scored["right"].sum())
    print(f"{total} of {len(scored)} phrases right ({total / len(scored):.1%})\n")
    by_lang = scored.groupby("lang", sort=False)["right"].agg(right="sum", phrases="size")
    by_lang["share"] = (by_lang["right"] / by_lang["phrases"]).map("{:.1%}".format)
    print(by_lang.to_string(), "\n")
    by_kind = scored.groupby("kind", sort=False)["right"].agg(right="sum", phrases="size")
    print(by_kind.to_string())
    if not args.quiet:
        print("\nFailing phrases (lang | phrase | expected | got):")
        for row in scored[~scored["right"]].itertuples():
            expected = "vague (no value)" if row.kind == "vague" else f"{row.kind} {row.value} {row.unit}".rstrip()
            print(f"  {row.lang} | {row.phrase} | {expected} | {row.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
