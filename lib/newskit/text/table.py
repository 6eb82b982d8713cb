"""The token table, built column by column.

:func:`newskit.tokenize_corpus` cuts a corpus into :class:`DocumentJob` s (one
document's selected paragraphs), turns each into a small Arrow table
(:func:`tokenize_job`: no ``doc_id``, so a cached table can be reused by any
document with the same text) and glues them into one pandas frame
(:func:`assemble`).  The same three steps run in-process, in a process pool
or on a Dask cluster (:mod:`newskit.scale`), so every engine gives the
identical table.

No :class:`~newskit.text.tokens.Token` object is built on this path: tokens travel
as :class:`~newskit.text.tokens.TokenColumns` straight into Arrow arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newskit.errors import ArgumentError
from newskit.lang import check_language
from newskit.text.latin import latin_columns
from newskit.text.mecab import japanese_columns
from newskit.text.merges import merge_columns, merge_spans
from newskit.text.names import join_name_runs, names_pattern
from newskit.text.tokens import TokenColumns

__all__ = ["DOC_SCHEMA", "TOKEN_COLUMNS", "DocumentJob", "assemble", "build_token_frame", "find_surrogate", "make_jobs",
           "token_columns", "tokenize_job"]

TOKEN_COLUMNS = ["doc_id", "para_id", "i", "start", "end", "surface", "lemma", "pos",
                 "is_stop", "is_content"]
#: One document's tokens (every token column but ``doc_id``).
DOC_SCHEMA = pa.schema([
    ("para_id", pa.int32()), ("i", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("surface", pa.string()), ("lemma", pa.string()), ("pos", pa.string()),
    ("is_stop", pa.bool_()), ("is_content", pa.bool_()),
])


@dataclass(frozen=True)
class DocumentJob:
    """The paragraphs of one document to tokenize, in table order."""

    doc_id: str
    lang: str
    para_ids: tuple[int, ...]
    texts: tuple[str, ...]

    @property
    def n_chars(self) -> int:
        """Characters of text in the job (for batching and speed figures)."""
        return sum(map(len, self.texts))


def token_columns(text: str, lang: str, lemmatize: bool | None = None) -> TokenColumns:
    """Final tokens of one text: the language's back-end, then (MeCab) the
    names it must keep whole (:mod:`newskit.text.names`), then the merge pass."""
    backend = check_language(lang).tokenizer
    if backend == "mecab":
        tokens = japanese_columns(text)
        names = names_pattern()
        known = [m.span() for m in names.finditer(text)] if names is not None else []
        tokens = join_name_runs(merge_spans(tokens, text, lang, known, pos="PROPN"), text, lang, frozenset(known))
    else:
        tokens = latin_columns(text, lang, lemmatize)
    return merge_columns(tokens, text, lang)


def make_jobs(paragraphs: pd.DataFrame, langs: dict[str, str]) -> list[DocumentJob]:
    """One job per run of consecutive paragraphs of the same document, so
    the concatenated results keep the paragraphs' row order exactly."""
    jobs: list[DocumentJob] = []
    doc_ids = paragraphs["doc_id"].tolist()
    para_ids = paragraphs["para_id"].tolist()
    texts = paragraphs["text"].tolist()
    start = 0
    for k in range(1, len(doc_ids) + 1):
        if k == len(doc_ids) or doc_ids[k] != doc_ids[start]:
            doc_id = doc_ids[start]
            jobs.append(DocumentJob(doc_id, check_language(langs[doc_id]).code, tuple(para_ids[start:k]),
                                    tuple(texts[start:k])))
            start = k
    return jobs


def _columns_to_table(tokens: TokenColumns, para_ids: Sequence[int], counts: Sequence[int]) -> pa.Table:
    """Arrow table of one document from its tokens and tokens per paragraph."""
    n = len(tokens.infos)
    counts_arr = np.asarray(counts, dtype=np.int64)
    firsts = np.repeat(np.cumsum(counts_arr) - counts_arr, counts_arr)
    infos = tokens.infos
    arrays = [
        pa.array(np.repeat(np.asarray(para_ids, dtype=np.int32), counts_arr)),
        pa.array((np.arange(n) - firsts).astype(np.int32)),
        pa.array(np.fromiter(tokens.starts, dtype=np.int32, count=n)),
        pa.array(np.fromiter(tokens.ends, dtype=np.int32, count=n)),
        pa.array([i[0] for i in infos], pa.string()),
        pa.array([i[1] for i in infos], pa.string()),
        pa.array([i[2] for i in infos], pa.string()),
        pa.array(np.fromiter([i[4] for i in infos], dtype=bool, count=n)),
        pa.array(np.fromiter([i[5] for i in infos], dtype=bool, count=n)),
    ]
    return pa.Table.from_arrays(arrays, schema=DOC_SCHEMA)


def tokenize_job(job: DocumentJob, lemmatize: bool | None = None) -> pa.Table:
    """The tokens of one job as an Arrow table (:data:`DOC_SCHEMA`); a lone
    surrogate in its text raises :class:`ArgumentError` naming the document,
    paragraph and offset (not a raw ``UnicodeEncodeError`` from MeCab or Arrow)."""
    tokens = TokenColumns()
    counts = []
    try:
        for text in job.texts:
            found = token_columns(text, job.lang, lemmatize)
            tokens.starts += found.starts
            tokens.ends += found.ends
            tokens.infos += found.infos
            counts.append(len(found.infos))
        return _columns_to_table(tokens, job.para_ids, counts)
    except UnicodeEncodeError:
        for para_id, text in zip(job.para_ids, job.texts, strict=True):
            where = find_surrogate(text)
            if where is not None:
                raise ArgumentError(f"document {job.doc_id!r}, paragraph {para_id}: {where}") from None
        raise


def find_surrogate(text: str) -> str | None:
    """What is wrong with ``text`` when it holds a lone surrogate (which no
    UTF-8 consumer accepts), else ``None``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (f"text contains a lone surrogate {text[exc.start]!r} at offset {exc.start}: "
                "decode the file with errors='replace' or repair it")
    return None


def build_token_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Compact dtypes: categories for repeated labels, Arrow-backed strings."""
    frame = pd.DataFrame(columns, columns=TOKEN_COLUMNS)
    for name in ("para_id", "i", "start", "end"):
        frame[name] = frame[name].astype("int32")
    for name in ("doc_id", "pos"):
        frame[name] = frame[name].astype("category")
    for name in ("surface", "lemma"):
        frame[name] = frame[name].astype("string[pyarrow]")
    for name in ("is_stop", "is_content"):
        frame[name] = frame[name].astype(bool)
    return frame


def _categorical(values: pa.ChunkedArray) -> pd.Categorical:
    """What ``astype("category")`` gives for these strings (sorted
    categories), computed in Arrow."""
    categories = pc.unique(values).sort().to_pylist()
    codes = pc.index_in(values, value_set=pa.array(categories, pa.string()))
    return pd.Categorical.from_codes(codes.to_numpy(), categories=pd.Index(categories))


def assemble(tables: Sequence[pa.Table], doc_ids: Sequence[str], documents: Sequence[str]) -> pd.DataFrame:
    """One token frame from per-document tables; ``doc_ids[k]`` is the
    document of ``tables[k]`` and ``documents`` the categories of ``doc_id``
    (every document of the corpus, in catalog order).

    Column dtypes are exactly those of :func:`build_token_frame`."""
    counts = np.array([t.num_rows for t in tables], dtype=np.int64)
    if counts.sum() == 0:
        frame = build_token_frame({c: [] for c in TOKEN_COLUMNS})
        frame["doc_id"] = frame["doc_id"].cat.set_categories(list(documents))
        return frame
    table = pa.concat_tables([t for t in tables if t.num_rows])
    position = {doc_id: k for k, doc_id in enumerate(documents)}
    codes = np.repeat(np.array([position.get(d, -1) for d in doc_ids], dtype=np.int32), counts)
    columns = {"doc_id": pd.Categorical.from_codes(codes, categories=pd.Index(list(documents)))}
    for name in ("para_id", "i", "start", "end"):
        columns[name] = table[name].to_numpy()
    for name in ("surface", "lemma"):
        columns[name] = pd.arrays.ArrowStringArray(table[name])
    columns["pos"] = _categorical(table["pos"])
    for name in ("is_stop", "is_content"):
        columns[name] = table[name].to_numpy()
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS)
