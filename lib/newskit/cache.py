"""On-disk cache of tokenized documents (``tokenize_corpus(..., cache=True)``).

One Parquet file per document under
``newskit.processed_dir(corpus.root)/cache/tokens/<ab>/<key>.parquet``.  The
key is the SHA-256 of everything the tokens depend on:

* the document's selected paragraphs (ids and text) and its language;
* the options: paragraph kinds and ``lemmatize``;
* :func:`newskit.versions.tool_versions` (Python, fugashi, UniDic,
  simplemma, stopwords-iso, pandas, newskit);
* a fingerprint of the tokenizer's own code and rules (:data:`RULE_FILES`),
  so editing ``token_merges.toml`` or the stop-word list is never served a
  stale table by an unchanged version number.

Change any of them and the key changes: the old file is simply not found
(nothing is overwritten; ``make clean`` or deleting the folder reclaims the
space).  The ``doc_id`` is deliberately not part of the key: the cached
table has no ``doc_id`` column, so two documents with the same text share it.
Files are written atomically (:func:`newskit.tables.write_atomic`), so an
interrupted run never leaves a truncated file; an unreadable file counts as
a miss and is rewritten.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newskit import versions
from newskit.paths import processed_dir
from newskit.tables import write_atomic
from newskit.tokentable import DOC_SCHEMA, DocumentJob

#: Bump when the layout of cached tables changes.
CACHE_FORMAT = 1
#: Package files whose content decides what a token is.
RULE_FILES = ("ja.py", "latin.py", "tokens.py", "stopwords.py", "tokentable.py", "data/token_merges.toml")


def cache_dir(root: str | Path) -> Path:
    """``data/processed/cache/tokens`` of the corpus in ``root``."""
    return processed_dir(root) / "cache" / "tokens"


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """SHA-256 over the tokenizer's code and rule files."""
    digest = hashlib.sha256()
    package = resources.files("newskit")
    for name in RULE_FILES:
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class TokenCache:
    """The cache folder plus the options every key shares."""

    directory: Path
    header: bytes

    @classmethod
    def open(cls, root: str | Path, kinds: tuple[str, ...], lemmatize: bool | None) -> TokenCache:
        """The cache of the corpus in ``root`` for these options and the
        current tool versions (read once, when the cache is opened)."""
        header = {"format": CACHE_FORMAT, "kinds": list(kinds), "lemmatize": lemmatize,
                  "versions": versions.tool_versions(), "rules": rules_fingerprint()}
        return cls(cache_dir(root), json.dumps(header, sort_keys=True, ensure_ascii=False).encode())

    def key(self, job: DocumentJob) -> str:
        """SHA-256 of the options, the language and every paragraph (id,
        length and text, so no two different inputs hash alike)."""
        digest = hashlib.sha256(self.header)
        digest.update(f"\0{job.lang}\0{len(job.texts)}\0".encode())
        for para_id, text in zip(job.para_ids, job.texts, strict=True):
            digest.update(f"{int(para_id)}\0{len(text)}\0".encode())
            digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, job: DocumentJob) -> Path:
        """Where the table of ``job`` is (or will be) stored."""
        key = self.key(job)
        return self.directory / key[:2] / f"{key}.parquet"


def read_cached(path: Path) -> pa.Table | None:
    """The cached table at ``path``, or ``None`` when it is missing or
    unreadable (a damaged file is recomputed, never trusted)."""
    try:
        table = pq.read_table(path)
    except (FileNotFoundError, OSError, pa.ArrowException):
        return None
    if not table.schema.equals(DOC_SCHEMA):
        return None
    return table.combine_chunks()


def write_cached(path: Path, table: pa.Table) -> Path:
    """Store ``table`` as Parquet at ``path``, atomically."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", store_schema=False)
    return write_atomic(path, sink.getvalue().to_pybytes())
