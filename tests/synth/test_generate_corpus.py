"""Generated corpus folders: byte-identical per seed, loadable by the kit,
minimal catalogs, and loud errors for bad calls."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import newskit
from newskit.synth import CorpusSpec, generate_corpus


def folder_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_same_seed_same_bytes(tmp_path):
    spec = CorpusSpec(exports=("jsonl", "csv", "html"))
    first = folder_bytes(generate_corpus(tmp_path / "a", n_articles=120, seed=5, spec=spec).root)
    second = folder_bytes(generate_corpus(tmp_path / "b", n_articles=120, seed=5, spec=spec).root)
    assert first == second
    # catalog + 2 truth tables + 120 raw files + jsonl + csv + 120 HTML pages
    assert len(first) == 1 + 2 + 120 + 2 + 120
    other = folder_bytes(generate_corpus(tmp_path / "c", n_articles=120, seed=6, spec=spec).root)
    assert other["catalog.csv"] != first["catalog.csv"]


def test_corpus_loads_and_tokenizes(corpus_40):
    corpus = newskit.load_corpus(corpus_40.root)
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == [a.doc_id for a in corpus_40.articles]
    for article in corpus_40.articles:
        assert docs.loc[article.doc_id, "encoding"] in ("utf-8", "ascii")
        assert docs.loc[article.doc_id, "n_paragraphs"] == len(article.paragraphs)
        assert corpus.texts[article.doc_id] == article.text
    tokens = newskit.tokenize_corpus(corpus)
    assert set(tokens["doc_id"].astype(str)) == set(docs.index)  # every article yields tokens
    per_lang = tokens.assign(lang=tokens["doc_id"].astype(str).map(docs["lang"])).groupby("lang").size()
    assert set(per_lang.index) == {"ja", "de", "id", "en"} and (per_lang > 100).all()


def test_catalog_and_truth_files(corpus_40):
    root = corpus_40.root
    assert header(root / "catalog.csv") == ["doc_id", "file", "lang", "title", "published", "publisher", "url", "group"]
    truth = list(csv.DictReader((root / "truth" / "documents.csv").open(encoding="utf-8")))
    assert [row["doc_id"] for row in truth] == [a.doc_id for a in corpus_40.articles]
    lines = list(csv.DictReader((root / "truth" / "paragraphs.csv").open(encoding="utf-8")))
    assert len(lines) == sum(len(a.paragraphs) for a in corpus_40.articles)
    assert {row["kind"] for row in lines} <= set(newskit.PARAGRAPH_KINDS)


def test_minimal_catalog(tmp_path):
    made = generate_corpus(tmp_path / "minimal", n_articles=12, seed=2, minimal=True)
    assert header(made.root / "catalog.csv") == ["doc_id", "file", "lang"]
    assert len(newskit.load_corpus(made.root).documents) == 12


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"languages": "ja"}, "tuple of codes"),              # a bare string is not a tuple of codes
    ({"languages": ("ja", "fr")}, "distinct codes"),      # unsupported language
    ({"languages": ("ja", "ja")}, "distinct codes"),      # repeated language
    ({"n_articles": 0}, "positive whole number"),
    ({"spec": CorpusSpec(language_weights=(1.0,))}, "one non-negative weight"),  # 1 weight for 4 languages
])
def test_bad_arguments(tmp_path, kwargs, message):
    with pytest.raises(newskit.ArgumentError, match=message):
        generate_corpus(tmp_path / "out", **kwargs)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("story_share", 1.5, "between 0 and 1"),
    ("exact_duplicate_share", 0.7, "0.9 or more"),   # with near 0.3 below: 1.0 in all
    ("start", "2025-13-01", "ISO date"),
    ("end", "2022-01-01", "must be before"),
    ("exports", ("xml",), "unknown format"),
])
def test_bad_spec(field, value, message):
    extra = {"near_duplicate_share": 0.3} if field == "exact_duplicate_share" else {}
    with pytest.raises(newskit.ArgumentError, match=message):
        CorpusSpec(**{field: value, **extra})


def test_never_writes_into_a_used_folder(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(newskit.ArgumentError, match="not empty"):
        generate_corpus(tmp_path / "used", n_articles=5)
    assert (tmp_path / "used" / "notes.txt").read_text(encoding="utf-8") == "keep me"
