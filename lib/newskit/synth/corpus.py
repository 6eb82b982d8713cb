"""Write a generated corpus folder: ``catalog.csv``, ``raw/``, and optionally
``exports/`` and ``truth/``.

The folder is what ``newskit.load_corpus`` reads, so tests and benchmarks
can build a corpus of any size in one call::

    from newskit.synth import generate_corpus
    made = generate_corpus(tmp_path / "corpus", n_articles=40, seed=1)
    corpus = newskit.load_corpus(made.root)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from newskit.errors import ArgumentError
from newskit.synth.article import CATALOG_COLUMNS, MINIMAL_COLUMNS, Article
from newskit.synth.build import build_articles
from newskit.synth.export import export_articles
from newskit.synth.spec import CorpusSpec

__all__ = ["SyntheticCorpus", "generate_corpus", "write_corpus"]

TRUTH_DOCUMENT_COLUMNS = ("doc_id", "lang", "topic", "group", "duplicate_of", "duplicate_kind", "published_at")
EXPORT_NAMES = {"jsonl": "articles.jsonl", "csv": "articles.csv", "parquet": "articles.parquet", "html": "html"}


@dataclass(frozen=True)
class SyntheticCorpus:
    """A generated corpus: its folder and its articles (with their truth)."""

    root: Path
    articles: tuple[Article, ...]


def _write_csv(path: Path, header: tuple[str, ...], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _check_empty(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise ArgumentError(f"out_dir {str(root)!r} is a file: give a folder for the corpus")
    if root.is_dir() and any(root.iterdir()):
        raise ArgumentError(f"out_dir {str(root)!r} is not empty: give a new or empty folder "
                            "(generated corpora never overwrite files)")


def write_corpus(root: str | Path, articles: tuple[Article, ...], *, minimal: bool = False,
                 truth: bool = True) -> Path:
    """Write ``articles`` as a corpus folder (UTF-8, ``\\n`` line ends) and
    return it.  ``minimal``: the catalog has only ``doc_id, file, lang``;
    ``truth``: also ``truth/documents.csv`` (story, duplicate, topic, full
    time) and ``truth/paragraphs.csv`` (the true kind of every line)."""
    root = Path(root)
    _check_empty(root)
    (root / "raw").mkdir(parents=True, exist_ok=True)
    for article in articles:
        (root / article.file).write_text(article.text, encoding="utf-8", newline="\n")
    columns = MINIMAL_COLUMNS if minimal else CATALOG_COLUMNS
    _write_csv(root / "catalog.csv", columns, (a.catalog_row(columns) for a in articles))
    if truth:
        (root / "truth").mkdir()
        _write_csv(root / "truth" / "documents.csv", TRUTH_DOCUMENT_COLUMNS,
                   ([getattr(a, c) for c in TRUTH_DOCUMENT_COLUMNS] for a in articles))
        _write_csv(root / "truth" / "paragraphs.csv", ("doc_id", "line", "kind"),
                   ((a.doc_id, line, p.kind) for a in articles for line, p in enumerate(a.paragraphs, 1)))
    return root


def generate_corpus(out_dir: str | Path, *, n_articles: int = 1000, seed: int = 0,
                    languages: tuple[str, ...] = ("ja", "de", "id", "en"), minimal: bool = False,
                    spec: CorpusSpec | None = None) -> SyntheticCorpus:
    """Generate a corpus of ``n_articles`` fictional news articles into the
    new or empty folder ``out_dir``.

    Same arguments, same bytes: every file is identical for the same seed.
    ``minimal`` writes only the required catalog columns; ``spec`` sets
    everything else (duplicate and story shares, period, lengths, exports
    under ``out_dir/exports/``).  10,000 articles take a few seconds."""
    spec = spec or CorpusSpec()
    articles = build_articles(n_articles, seed=seed, languages=languages, spec=spec)
    root = write_corpus(out_dir, articles, minimal=minimal, truth=spec.truth)
    for fmt in spec.exports:
        export_articles(articles, root / "exports" / EXPORT_NAMES[fmt], format=fmt)
    return SyntheticCorpus(root=root, articles=articles)
