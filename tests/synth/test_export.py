"""Exports of generated articles: tables pandas reads, well-formed HTML pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import newskit
from newskit.synth import DEFAULT_COLUMNS, export_articles

READERS = {"jsonl": lambda p: pd.read_json(p, lines=True, dtype=False),
           "csv": lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
           "parquet": pd.read_parquet}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_tables_read_back(corpus_40, fmt):
    frame = READERS[fmt](corpus_40.root / "exports" / f"articles.{fmt}")
    assert list(frame.columns) == list(DEFAULT_COLUMNS.values())
    assert list(frame["id"]) == [a.doc_id for a in corpus_40.articles]
    for article, body in zip(corpus_40.articles, frame["body"]):
        assert body == "\n\n".join(p.text for p in article.paragraphs)  # paragraphs kept apart
    stamps = pd.to_datetime(frame["published_at"], utc=True)  # ISO 8601 with UTC offsets
    assert stamps.notna().all()


def test_custom_column_names_and_left_out_fields(corpus_40, tmp_path):
    path = export_articles(corpus_40.articles, tmp_path / "x.csv", format="csv",
                           columns={"title": "Titel", "text": "Volltext"}, separator="\n")
    frame = pd.read_csv(path, dtype=str)
    assert list(frame.columns) == ["Titel", "Volltext"]  # no lang column: a detection test case
    assert frame["Volltext"][0] == corpus_40.articles[0].text.rstrip("\n")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"format": "xlsx"}, "choose one of"),
    ({"columns": {"body": "text"}}, "unknown field"),           # 'body' is a column name, not a field
    ({"columns": {"title": "x", "text": "x"}}, "distinct"),      # two fields, one column
])
def test_bad_export_arguments(corpus_40, tmp_path, kwargs, message):
    with pytest.raises(newskit.ArgumentError, match=message):
        export_articles(corpus_40.articles, tmp_path / "out", **kwargs)


def test_html_pages_are_well_formed_and_hold_the_article(corpus_40):
    folder = corpus_40.root / "exports" / "html"
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == 40
    for article in corpus_40.articles:
        root = ET.parse(folder / f"{article.doc_id}.html").getroot()  # an XML parser accepts it
        assert root.get("lang") == article.lang
        assert root.findtext("head/title").startswith(article.title)
        body = root.find("body")
        main_article = body.find("main/article")
        assert main_article.findtext("h1") == article.title
        texts = ["".join(e.itertext()) for e in main_article.iter() if e.tag in ("p", "h2", "figcaption")]
        assert all(p.text in texts for p in article.paragraphs)
        # the clutter an extractor must drop is there, outside the article
        assert body.find("div[@id='cookie-consent']") is not None and body.find("header/nav") is not None
        assert body.find("main/aside") is not None and body.find("main/section") is not None
        assert body.find("footer") is not None
        assert main_article.find("p/time").get("datetime") == article.published_at
