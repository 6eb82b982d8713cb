"""The ``newskit`` command (also ``python -m newskit``).

``newskit import SOURCE... --into DATA_DIR`` imports saved pages, text and
Markdown files and exports into a corpus folder and prints what it did.
Bad input ends with one line on stderr and a non-zero exit code: 1 for bad
data (the file and line named), 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from newskit.errors import NewskitError

__all__ = ["build_parser", "main"]

#: ``--text body`` etc.: the export column of each record field.
MAPPING_FLAGS = {
    "text": "the article text (default: text, body, content, article …)",
    "title": "the headline (default: title, headline …)",
    "date": "the publication date (default: published, published_at, pubdate, date …)",
    "source": "the outlet (default: publisher, source, outlet, sitename …)",
    "url": "the article's address (default: url, link …)",
    "lang": "the language (default: lang, language …)",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="newskit", description="Multilingual news-article research kit.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    importer = commands.add_parser(
        "import", help="import your own articles into a corpus folder",
        description="Import saved web pages (.html), text and Markdown files, and JSONL/JSON/CSV/Parquet "
                    "exports into a corpus folder (raw/ + catalog.csv). Importing again adds nothing new.")
    importer.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders to import")
    importer.add_argument("--into", required=True, metavar="DATA_DIR", help="corpus folder (created if missing)")
    mapping = importer.add_argument_group("export columns (CSV, JSONL, JSON, Parquet)")
    for field, help_text in MAPPING_FLAGS.items():
        mapping.add_argument(f"--{field}", metavar="COLUMN", help=help_text)
    importer.add_argument("--default-lang", default="auto", metavar="LANG",
                          help="language of records that name none: ja, de, id, en, or auto (detect; default)")
    importer.add_argument("--strict", action="store_true",
                          help="refuse the whole import if any record is bad (nothing is written)")
    importer.add_argument("--quiet", action="store_true", help="no progress bars")
    return parser


def run_import(args: argparse.Namespace) -> int:
    """``newskit import``: print the summary, exit 0."""
    from newskit.io.importer import import_articles

    mapping = {field: getattr(args, field) for field in MAPPING_FLAGS if getattr(args, field)}
    report = import_articles(args.sources, into=args.into, mapping=mapping, strict=args.strict,
                             lang=args.default_lang, progress=False if args.quiet else None)
    print(report.summary())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return run_import(args)
    except NewskitError as exc:
        print(f"newskit {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `newskit import … | head`: stop quietly, like other commands
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python's own advice for EPIPE)
        return 1
    except OSError as exc:  # a folder that cannot be written, a full disk
        print(f"newskit {args.command}: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
