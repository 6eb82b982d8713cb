"""The same articles as a media-monitoring export or as saved web pages.

Importers (issue 11) have to map an export's column names onto the
catalog's; :data:`DEFAULT_COLUMNS` uses the names such exports typically
have (``headline``, ``body``, ``published_at``, ``outlet``, ``link``,
``language``), and ``columns=`` chooses others or leaves fields out (drop
``lang`` to test language detection).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from newskit.errors import ArgumentError
from newskit.synth.article import Article
from newskit.synth.pages import render_page
from newskit.synth.spec import EXPORT_FORMATS

__all__ = ["DEFAULT_COLUMNS", "EXPORT_FIELDS", "export_articles"]

#: Article fields an export can carry.
EXPORT_FIELDS = ("doc_id", "title", "text", "published", "publisher", "url", "lang")
#: field -> column name in the export, in column order.
DEFAULT_COLUMNS = {"doc_id": "id", "title": "headline", "text": "body", "published": "published_at",
                   "publisher": "outlet", "url": "link", "lang": "language"}


def _records(articles: Iterable[Article], columns: Mapping[str, str], separator: str) -> list[dict[str, str]]:
    records = []
    for article in articles:
        values = {"doc_id": article.doc_id, "title": article.title, "published": article.published_at,
                  "text": separator.join(p.text for p in article.paragraphs),
                  "publisher": article.publisher, "url": article.url, "lang": article.lang}
        records.append({name: values[field] for field, name in columns.items()})
    return records


def _check_columns(columns: Mapping[str, str]) -> None:
    unknown = [f for f in columns if f not in EXPORT_FIELDS]
    if unknown:
        raise ArgumentError(f"columns: unknown field(s) {unknown}; map some of {', '.join(EXPORT_FIELDS)} to names")
    names = list(columns.values())
    if len(set(names)) != len(names) or not all(isinstance(n, str) and n for n in names):
        raise ArgumentError(f"columns: column names must be distinct, non-empty strings (got {names})")


def export_articles(articles: Iterable[Article], path: str | Path, *, format: str = "jsonl",
                    columns: Mapping[str, str] | None = None, separator: str = "\n\n") -> Path:
    """Write ``articles`` to ``path`` as ``jsonl``, ``csv`` or ``parquet`` (one
    row per article, paragraphs joined by ``separator``), or as ``html``
    (``path`` is then a folder of ``<doc_id>.html`` pages with navigation,
    cookie banner, related links, comments and footer around the article).
    ``columns`` maps article fields to column names (default
    :data:`DEFAULT_COLUMNS`; HTML ignores it).  Returns ``path``."""
    if format not in EXPORT_FORMATS:
        raise ArgumentError(f"format={format!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    columns = dict(DEFAULT_COLUMNS if columns is None else columns)
    _check_columns(columns)
    path = Path(path)
    if format == "html":
        path.mkdir(parents=True, exist_ok=True)
        for article in articles:
            (path / f"{article.doc_id}.html").write_text(render_page(article), encoding="utf-8", newline="\n")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    records = _records(articles, columns, separator)
    if format == "jsonl":
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        frame = pd.DataFrame.from_records(records, columns=list(columns.values()))
        if format == "csv":
            frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        else:
            frame.to_parquet(path, index=False)
    return path
