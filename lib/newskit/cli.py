"""The ``newskit`` command (also ``python -m newskit``).

``newskit import SOURCE... --into DATA_DIR`` imports saved pages, text and
Markdown files and exports into a corpus folder and prints what it did.
Exit codes: 0 when the import ran (skipped records are listed in the
summary), 1 for bad data or a folder that cannot be written (one line on
stderr naming the file and line), 2 for a bad command line (unknown option,
unknown ``--default-lang``, unknown column field), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from newskit.errors import ArgumentError, NewskitError

__all__ = ["EXIT_BAD_DATA", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK, EXIT_BAD_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: ``--text body`` etc.: the export column of each record field, and what it is.
MAPPING_FLAGS = {
    "text": "the article text",
    "title": "the headline",
    "date": "the publication date (ISO 8601, 19.11.2024, 2025/02/10, 2025年2月10日, RFC 2822, Unix seconds)",
    "source": "the outlet (catalog column 'publisher')",
    "url": "the article's address",
    "lang": "the language (ja, JA, jpn, ja-JP, Japanese, 日本語 … all mean ja; empty = detect)",
}

EPILOG = """\
what lands where:
  DATA_DIR/raw/<16 hex digits>.txt   each new article once, UTF-8, one paragraph per line
                                     (the first 16 digits of the SHA-256 of its normalised
                                     text); existing files are never overwritten
  DATA_DIR/catalog.csv               one row per article: doc_id, file, lang, title, published,
                                     publisher, url, source_file, source_line, sha256,
                                     encoding, lang_detected, lang_confidence, imported_at
                                     (existing rows and columns are kept as they are)

sources: folders (searched recursively) or files: .txt .md .html/.htm (main text, title
and date taken out of saved pages; menus, banners and comments dropped), .jsonl .json
.csv/.tsv .parquet (one article per line or row; CSV separated by , ; tab or |, in
UTF-8, UTF-16 or Shift_JIS). Export columns are found by name (case, spaces, _ and -
ignored) unless named with the flags above.

languages: a record's own language column, else --default-lang; 'auto' (the default)
detects it offline. A declared language that a long text clearly contradicts makes the
record a bad one; on a short text it is imported with a warning.

bad records (a broken JSON line, a page without article text, an empty text) are
listed with their file and line and skipped; --strict refuses the whole import instead
and writes nothing. Importing the same sources again adds nothing and says so.

exit codes: 0 the import ran (see the summary for skipped records), 1 bad data or a
folder that cannot be written (nothing half-written), 2 bad command line, 130 interrupted.

examples:
  newskit import saved_pages/ --into my-corpus
  newskit import export.csv --into my-corpus --text Fliesstext --title Schlagzeile --default-lang de
  python -m newskit import feed.jsonl --into my-corpus --strict
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="newskit", description="Multilingual news-article research kit.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    importer = commands.add_parser(
        "import", help="import your own articles into a corpus folder", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Import saved web pages (.html), text and Markdown files, and JSONL/JSON/CSV/Parquet\n"
                    "exports into a corpus folder (raw/ + catalog.csv) that newskit.load_corpus and every\n"
                    "notebook read (papermill -p DATA_DIR ...).")
    importer.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders to import")
    importer.add_argument("--into", required=True, metavar="DATA_DIR", help="corpus folder (created if missing)")
    mapping = importer.add_argument_group(
        "export columns (CSV, JSONL, JSON, Parquet; nested JSON fields with dots: source.name)")
    for field, help_text in MAPPING_FLAGS.items():
        mapping.add_argument(f"--{field}", metavar="COLUMN", help=f"{help_text}; default: {_default_names(field)}")
    importer.add_argument("--default-lang", default="auto", metavar="LANG",
                          help="language of records that name none: ja, de, id, en (or a name such as "
                               "Deutsch), or auto: detect it (default)")
    importer.add_argument("--strict", action="store_true",
                          help="refuse the whole import if any record is bad (nothing is written)")
    importer.add_argument("--quiet", action="store_true", help="no progress bars (they show on a terminal only)")
    return parser


def _default_names(field: str) -> str:
    """The column names tried for ``field`` when no flag names one."""
    from newskit.io.exports import DEFAULT_COLUMNS

    return ", ".join(name for name in DEFAULT_COLUMNS[field] if name.isprintable())


def _run_import(args: argparse.Namespace) -> int:
    """``newskit import``: print the summary."""
    from newskit.io.importer import import_articles

    mapping = {field: getattr(args, field) for field in MAPPING_FLAGS if getattr(args, field)}
    report = import_articles(args.sources, into=args.into, mapping=mapping, strict=args.strict,
                             lang=args.default_lang, progress=False if args.quiet else None)
    print(report.summary())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _run_import(args)
    except ArgumentError as exc:  # a bad --default-lang or column field: the command line's fault
        print(f"newskit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewskitError as exc:
        print(f"newskit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    except KeyboardInterrupt:
        print(f"newskit {args.command}: interrupted (the catalog is replaced only at the end: "
              f"it is as it was; importing again reuses any raw file already written)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newskit import … | head`: stop quietly, like other commands
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python's own advice for EPIPE)
        return EXIT_BAD_DATA
    except OSError as exc:  # a folder that cannot be written, a full disk
        print(f"newskit {args.command}: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_DATA
