"""Load a corpus: the catalog, each article's text, and its paragraphs by kind.

A :class:`Corpus` is the starting point of every notebook.  Raw files are only
ever read (never written); everything derived is rebuilt from them.  The
streaming counters (:mod:`newskit.scale.streaming`) read documents with the
same :func:`read_document`, so a document means the same paragraphs however
it is processed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newskit.config import resolve_data_dir
from newskit.errors import ArgumentError
from newskit.io.catalog import read_catalog
from newskit.io.decoding import read_text
from newskit.io.paragraphs import PARAGRAPH_KINDS, TEXT_KINDS, split_paragraphs
from newskit.lang.script import check_script

__all__ = ["DOCUMENT_COLUMNS", "PARAGRAPH_COLUMNS", "Corpus", "document_lengths", "load_corpus",
           "read_document", "select_paragraphs"]

#: Columns the loader adds to the catalog's own.
DOCUMENT_COLUMNS = ("encoding", "n_chars", "n_paragraphs")
PARAGRAPH_COLUMNS = ("doc_id", "para_id", "kind", "text", "line")


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
        if hit.empty:
            raise ArgumentError(f"no paragraph {para_id} in document {doc_id!r}")
        return str(hit["text"].iloc[0])


def read_document(path: Path, lang: str, root: Path | None = None) -> tuple[str, str, list[dict]]:
    """One article file: ``(text, encoding, paragraph records)``, decoded,
    checked against its declared language and split into paragraphs; with
    ``root``, a file whose real path is outside that corpus folder is refused."""
    text, encoding = read_text(path, lang, root=root)
    check_script(text, lang, path)
    return text, encoding, split_paragraphs(text, lang)


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
        text, encoding, records = read_document(root / file, lang, root)
        texts[doc_id] = text
        encodings.append(encoding)
        paragraphs.extend({"doc_id": doc_id, **rec} for rec in records)
    documents = catalog.assign(
        encoding=encodings,
        n_chars=[len(texts[d]) for d in catalog["doc_id"]],
    )
    para = pd.DataFrame.from_records(paragraphs, columns=["doc_id", "para_id", "line", "kind", "text"])
    para["kind"] = pd.Categorical(para["kind"], categories=PARAGRAPH_KINDS)
    documents["n_paragraphs"] = documents["doc_id"].map(para.groupby("doc_id").size()).astype(int)
    return Corpus(root=root, documents=documents, paragraphs=para[list(PARAGRAPH_COLUMNS)], texts=texts)


def select_paragraphs(corpus: object, kinds: Iterable[str] | None = TEXT_KINDS) -> pd.DataFrame:
    """The paragraphs of the given ``kinds`` (``None``: every paragraph).

    ``corpus`` only needs a ``paragraphs`` table; every corpus-level
    extractor of the kit selects its paragraphs through this function, so
    "the article's text" means the same paragraphs in every table."""
    paragraphs = corpus.paragraphs
    if kinds is None:
        return paragraphs
    kinds = list(kinds)
    unknown = [k for k in kinds if k not in PARAGRAPH_KINDS]
    if unknown:
        raise ArgumentError(f"unknown paragraph kind(s) {', '.join(map(repr, unknown))} "
                            f"(kinds: {', '.join(PARAGRAPH_KINDS)})")
    if "kind" not in paragraphs.columns:
        raise ArgumentError("the paragraphs table has no 'kind' column: pass kinds=None to use every paragraph")
    return paragraphs[paragraphs["kind"].isin(kinds)]


def document_lengths(corpus: object, kinds: Iterable[str] | None = TEXT_KINDS) -> pd.Series:
    """Characters of each document's paragraphs of the given ``kinds``
    (default: the article's own text), by ``doc_id`` in catalog order, 0 for
    a document without such paragraphs — the one definition of a
    document's text length used by overviews, alignment and the audit."""
    rows = select_paragraphs(corpus, kinds)
    lengths = rows["text"].str.len().groupby(rows["doc_id"], observed=True, sort=False).sum()
    order = corpus.documents["doc_id"]
    return lengths.reindex(order, fill_value=0).astype("int64").rename("chars")
