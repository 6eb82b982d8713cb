"""Load a corpus: the catalog, each article's text, and its paragraphs by kind.

A :class:`Corpus` is the starting point of every notebook.  Raw files are only
ever read (never written); everything derived is rebuilt from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newskit.catalog import read_catalog
from newskit.decoding import read_text
from newskit.languages import check_script, classify_paragraph
from newskit.paths import resolve_data_dir

PARAGRAPH_KINDS = ("boilerplate", "heading", "caption", "body", "source")
#: The kinds that carry the article's own words (no menus, credits or source line).
TEXT_KINDS = ("heading", "caption", "body")


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus.

    ``documents``: the catalog plus ``encoding``, ``n_chars`` (characters of the
    whole file) and ``n_paragraphs``; ``paragraphs``: one row per non-empty
    line with ``doc_id, para_id, kind, text, line``; ``texts``: the decoded
    full text of each document, keyed by ``doc_id``."""

    root: Path
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    texts: dict[str, str] = field(repr=False)

    def lang_of(self, doc_id: str) -> str:
        """The declared language of one document."""
        return self.languages()[doc_id]

    def languages(self) -> dict[str, str]:
        """Map every ``doc_id`` to its language code."""
        return dict(zip(self.documents["doc_id"], self.documents["lang"]))

    def paragraph_text(self, doc_id: str, para_id: int) -> str:
        """The text of one paragraph (offsets in derived tables refer to it)."""
        rows = self.paragraphs
        hit = rows[(rows["doc_id"] == doc_id) & (rows["para_id"] == para_id)]
        return str(hit["text"].iloc[0])


def split_paragraphs(text: str, lang: str) -> list[dict]:
    """One record per non-empty line: ``para_id`` (0-based over kept lines),
    ``line`` (1-based line number in the file), ``kind`` and stripped ``text``."""
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            records.append(
                {"para_id": len(records), "line": number,
                 "kind": classify_paragraph(stripped, lang), "text": stripped}
            )
    return records


def load_corpus(root: str | Path = "data") -> Corpus:
    """Load the corpus whose ``catalog.csv`` is in ``root``.

    ``root`` may be absolute, relative to the working directory, or relative
    to the project root (so notebooks work from ``notebooks/`` and from the
    repository root alike).  Raises :class:`~newskit.errors.CorpusError` naming
    the file and the problem for any bad input."""
    root = resolve_data_dir(root)
    catalog = read_catalog(root)
    texts: dict[str, str] = {}
    encodings, paragraphs = [], []
    for doc_id, file, lang in catalog[["doc_id", "file", "lang"]].itertuples(index=False):
        path = root / file
        text, encoding = read_text(path, lang)
        check_script(text, lang, path)
        texts[doc_id] = text
        encodings.append(encoding)
        paragraphs.extend({"doc_id": doc_id, **rec} for rec in split_paragraphs(text, lang))
    documents = catalog.assign(
        encoding=encodings,
        n_chars=[len(texts[d]) for d in catalog["doc_id"]],
    )
    para = pd.DataFrame.from_records(paragraphs, columns=["doc_id", "para_id", "line", "kind", "text"])
    para["kind"] = pd.Categorical(para["kind"], categories=PARAGRAPH_KINDS)
    documents["n_paragraphs"] = documents["doc_id"].map(para.groupby("doc_id").size()).astype(int)
    return Corpus(root=root, documents=documents, paragraphs=para[["doc_id", "para_id", "kind", "text", "line"]], texts=texts)
