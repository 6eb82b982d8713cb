"""Load a corpus: the catalog, each article's text, and its paragraphs by kind.

A :class:`Corpus` is the starting point of every notebook.  Raw files are only
ever read (never written); everything derived is rebuilt from them.  The
streaming counters (:mod:`newskit.scale.streaming`) read documents with the
same :func:`read_document`, so a document means the same paragraphs however
it is processed.

Loading a document, in order: decode it (:mod:`newskit.io.decoding`);
settle its language (:mod:`newskit.io.languages`: detected when the catalog
says ``auto`` or nothing, else checked against the text, for every pair of
languages); normalise its text once (:func:`newskit.io.normalize.normalize_counted`:
NFC, half-width katakana to full-width, invisible format characters removed,
full-width ASCII folded as the language expects) and split it into
paragraphs.  Everything downstream — paragraphs, offsets, tokens, mentions,
``corpus.texts`` — refers to the normalised text; the ``normalized`` column
counts the characters normalisation changed.  Finally wire copies are found
(:func:`newskit.io.duplicates.find_duplicates`) and kept and reported, or
dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from newskit.config import resolve_data_dir
from newskit.errors import ArgumentError
from newskit.io.catalog import read_catalog
from newskit.io.decoding import read_text
from newskit.io.languages import LanguageDecision, recorded_detection, settle_languages
from newskit.io.duplicates import CORPUS_THRESHOLD, article_texts, find_corpus_duplicates
from newskit.io.memo import (duplicates_key, read_detections, read_duplicates, text_key, write_detections,
                             write_duplicates)
from newskit.io.normalize import normalize_counted
from newskit.io.paragraphs import PARAGRAPH_KINDS, TEXT_KINDS, split_paragraphs
from newskit.lang.codes import AUTO
from newskit.lang.script import check_script

__all__ = ["DOCUMENT_COLUMNS", "DUPLICATE_MODES", "PARAGRAPH_COLUMNS", "Corpus", "Document", "document_lengths",
           "load_corpus", "read_document", "select_paragraphs"]

#: Columns the loader adds to the catalog's own.
DOCUMENT_COLUMNS = ("encoding", "normalized", "lang_source", "lang_detected", "lang_confidence", "n_chars",
                    "n_paragraphs", "duplicate_of", "duplicate_similarity")
PARAGRAPH_COLUMNS = ("doc_id", "para_id", "kind", "text", "line")
#: ``load_corpus(duplicates=...)``: keep copies and report them (``"mark"``
#: is the same), or drop them.
DUPLICATE_MODES = ("keep", "mark", "drop")


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus.

    ``documents``: the catalog plus :data:`DOCUMENT_COLUMNS` (``lang`` is the
    language the document is analysed in: declared, or detected where the
    catalog left it empty or ``auto``); ``paragraphs``: one row per non-empty
    line of the normalised text with ``doc_id, para_id, kind, text, line``;
    ``texts``: the normalised full text of each document, keyed by
    ``doc_id``; ``dropped``: the documents rows of the copies that
    ``duplicates="drop"`` left out (empty otherwise)."""

    root: Path
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    texts: dict[str, str] = field(repr=False)
    dropped: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    #: Look-ups built once per corpus (never copied by ``dataclasses.replace``,
    #: so a replaced corpus builds its own).
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def lang_of(self, doc_id: str) -> str:
        """The language of one document."""
        return self.languages()[doc_id]

    def languages(self) -> dict[str, str]:
        """Map every ``doc_id`` to its language code (built once; treat it as
        read-only: pair-wise work such as the audit asks for it per pair)."""
        if "languages" not in self._memo:
            self._memo["languages"] = dict(zip(self.documents["doc_id"], self.documents["lang"]))
        return self._memo["languages"]

    def paragraphs_of(self, doc_id: str) -> pd.DataFrame:
        """The paragraph rows of one document, in order, from an index built
        once (filtering the whole table per document is quadratic over a
        corpus)."""
        if "by_doc" not in self._memo:
            positions = self.paragraphs.groupby("doc_id", observed=True, sort=False).indices
            self._memo["by_doc"] = {str(doc): rows for doc, rows in positions.items()}
        rows = self._memo["by_doc"].get(str(doc_id))
        return self.paragraphs.iloc[rows] if rows is not None else self.paragraphs.iloc[:0]

    def text_lengths(self, kinds: Iterable[str] | None = TEXT_KINDS) -> pd.Series:
        """:func:`document_lengths` of this corpus, computed once per ``kinds``."""
        key = ("lengths", None if kinds is None else tuple(kinds))
        if key not in self._memo:
            self._memo[key] = document_lengths(self, kinds)
        return self._memo[key]

    def paragraph_text(self, doc_id: str, para_id: int) -> str:
        """The text of one paragraph (offsets in derived tables refer to it)."""
        rows = self.paragraphs
        hit = rows[(rows["doc_id"] == doc_id) & (rows["para_id"] == para_id)]
        if hit.empty:
            raise ArgumentError(f"no paragraph {para_id} in document {doc_id!r}")
        return str(hit["text"].iloc[0])


@dataclass(frozen=True)
class Document:
    """One article as the loader reads it: the normalised ``text``, its
    file's ``encoding``, the settled ``language``, the number of characters
    normalisation changed (``normalized``) and its paragraph records."""

    text: str
    encoding: str
    language: LanguageDecision
    normalized: int
    paragraphs: list[dict]

    @property
    def lang(self) -> str:
        """The language the document is analysed in."""
        return self.language.lang


def read_document(path: Path, lang: str, root: Path | None = None) -> Document:
    """One article file, decoded, its language settled (``lang`` may be
    ``"auto"``), normalised and split into paragraphs; with ``root``, a file
    whose real path is outside that corpus folder is refused."""
    text, encoding = _decode_document(path, lang, root)
    return _finish_document(text, encoding, settle_languages([(path, lang, text)])[0])


def _decode_document(path: Path, lang: str, root: Path | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of an article file; a declared language is
    checked against the script right away (Japanese text declared ``de``
    would be tokenized into garbage), before the slower detector runs."""
    text, encoding = read_text(path, lang, root=root)
    if lang != AUTO:
        check_script(text, lang, path)
    return text, encoding


def _finish_document(text: str, encoding: str, decision: LanguageDecision,
                    normalised: tuple[str, int] | None = None) -> Document:
    """Normalise (unless ``normalised`` already holds the text normalised in
    the settled language, and its count) and split a decoded text."""
    normalised_text, changed = normalised or normalize_counted(text, decision.lang)
    return Document(normalised_text, encoding, decision, changed, split_paragraphs(normalised_text, decision.lang))


def load_corpus(root: str | Path = "data", *, duplicates: str = "keep", cache: bool = False) -> Corpus:
    """Load the corpus whose ``catalog.csv`` is in ``root``.

    ``root`` may be absolute, relative to the working directory, or relative
    to the project root (so notebooks work from ``notebooks/`` and from the
    repository root alike).  ``duplicates``: ``"keep"`` (default) keeps wire
    copies and reports each in ``duplicate_of`` (the earliest copy: by
    ``published`` where given, else catalog order) and
    ``duplicate_similarity``; ``"drop"`` leaves them out (listed in
    ``corpus.dropped``).  ``cache=True`` (the notebooks' setting) keeps the
    language detections and the duplicate table under ``processed/cache/load``
    and reuses them while the texts and the kit are unchanged
    (:mod:`newskit.io.memo`): the same corpus, loaded faster.  Raises :class:`~newskit.errors.CorpusError` naming
    the file and the problem for any bad input."""
    if duplicates not in DUPLICATE_MODES:
        raise ArgumentError(f"load_corpus: duplicates={duplicates!r} (use one of {', '.join(DUPLICATE_MODES)})")
    root = resolve_data_dir(root)
    catalog = read_catalog(root)
    documents = _read_documents(root, catalog, cache)
    texts = {doc_id: doc.text for doc_id, doc in zip(catalog["doc_id"], documents)}
    paragraphs = [{"doc_id": doc_id, **rec} for doc_id, doc in zip(catalog["doc_id"], documents)
                  for rec in doc.paragraphs]
    table = catalog.assign(
        lang=[doc.lang for doc in documents],
        encoding=[doc.encoding for doc in documents],
        normalized=[doc.normalized for doc in documents],
        lang_source=[doc.language.source for doc in documents],
        lang_detected=[doc.language.detected for doc in documents],
        lang_confidence=[doc.language.confidence for doc in documents],
        n_chars=[len(doc.text) for doc in documents],
    )
    para = pd.DataFrame.from_records(paragraphs, columns=["doc_id", "para_id", "line", "kind", "text"])
    para["kind"] = pd.Categorical(para["kind"], categories=PARAGRAPH_KINDS)
    table["n_paragraphs"] = table["doc_id"].map(para.groupby("doc_id").size()).fillna(0).astype(int)
    return _attach_duplicates(Corpus(root=root, documents=table, paragraphs=para[list(PARAGRAPH_COLUMNS)],
                                    texts=texts), duplicates, cache)


def _read_documents(root: Path, catalog: pd.DataFrame, cache: bool) -> list[Document]:
    """Every document of the catalog; languages settled in one batch, with
    the detections an import recorded (or, with ``cache``, an earlier load
    stored) reused where the text is unchanged (a declared document is
    normalised before, an ``auto`` one after its language is known)."""
    decoded = [(root / file, lang, *_decode_document(root / file, lang, root))
               for file, lang in catalog[["file", "lang"]].itertuples(index=False)]
    normalised = [normalize_counted(text, lang) if lang != AUTO else None for _, lang, text, _ in decoded]
    recorded = [None] * len(decoded)
    if {"sha256", "lang_detected", "lang_confidence"} <= set(catalog.columns):
        rows = catalog[["sha256", "lang_detected", "lang_confidence"]].to_dict("records")
        recorded = [recorded_detection(row, done[0]) if done else None for row, done in zip(rows, normalised)]
    if cache:
        keys = [text_key(text) for _, _, text, _ in decoded]
        stored = read_detections(root, keys)
        recorded = [found or memo for found, memo in zip(recorded, stored)]
    decisions = settle_languages([(path, lang, text) for path, lang, text, _ in decoded], recorded)
    if cache and not all(stored):
        write_detections(root, {key: decision.detection for key, decision in zip(keys, decisions)})
    return [_finish_document(text, encoding, decision, done)
            for (_, _, text, encoding), decision, done in zip(decoded, decisions, normalised)]


def _find_copies(corpus: Corpus, cache: bool) -> pd.DataFrame:
    """The duplicate table of the corpus (see :func:`_attach_duplicates`),
    with ``cache`` read from and stored in the load memo."""
    if not cache:
        return find_corpus_duplicates(corpus.documents, corpus.paragraphs)
    texts = article_texts(corpus.documents, corpus.paragraphs)
    key = duplicates_key(corpus.documents, texts, CORPUS_THRESHOLD)
    found = read_duplicates(corpus.root, key)
    if found is None or found["doc_id"].tolist() != corpus.documents["doc_id"].astype(str).tolist():
        found = find_corpus_duplicates(corpus.documents, corpus.paragraphs, texts=texts)
        write_duplicates(corpus.root, key, found)
    return found


def _attach_duplicates(corpus: Corpus, mode: str, cache: bool = False) -> Corpus:
    """Add ``duplicate_of`` and ``duplicate_similarity`` (found over the
    article's own text, :data:`~newskit.io.paragraphs.TEXT_KINDS`); with
    ``mode="drop"`` remove the copies' documents, paragraphs and texts,
    keeping their rows in ``corpus.dropped`` (and their ids in
    ``documents.attrs["dropped_duplicates"]``)."""
    found = _find_copies(corpus, cache)
    documents = corpus.documents.assign(duplicate_of=found["duplicate_of"].to_numpy(),
                                        duplicate_similarity=found["similarity"].to_numpy())
    if mode != "drop":
        return replace(corpus, documents=documents)
    copies = documents["duplicate_of"].notna().to_numpy()
    kept = set(documents.loc[~copies, "doc_id"])
    dropped = documents[copies].reset_index(drop=True)
    documents = documents[~copies].reset_index(drop=True)
    documents.attrs["dropped_duplicates"] = dropped["doc_id"].tolist()
    paragraphs = corpus.paragraphs[corpus.paragraphs["doc_id"].isin(kept)].reset_index(drop=True)
    texts = {doc_id: text for doc_id, text in corpus.texts.items() if doc_id in kept}
    return Corpus(corpus.root, documents, paragraphs, texts, dropped)


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
