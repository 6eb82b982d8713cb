"""On-disk cache of tokenized documents (``tokenize_corpus(..., cache=True)``).

One Parquet file per document under
``newskit.processed_dir(corpus.root)/cache/tokens/<ab>/<key>.parquet``.  The
key is the SHA-256 of everything the tokens depend on:

* the document's selected paragraphs (ids and text) and its language;
* the options: paragraph kinds and ``lemmatize``;
* :func:`newskit.io.versions.tool_versions` (Python, fugashi, UniDic,
  simplemma, stopwords-iso, pandas, newskit);
* a fingerprint of every file of the packages that decide what a token is
  (:data:`RULE_PACKAGES`: ``newskit.text`` and ``newskit.lang``, code and
  data alike), so editing ``token_merges.toml``, a stop-word list or a
  language profile is never served a stale table by an unchanged version;
* :func:`newskit.text.names.names_fingerprint`: the gazetteer names the
  Japanese stream keeps whole (shipped base + ``data/entities.csv``), so a
  new alias re-tokenizes the documents it may join.

Change any of them and the key changes: the old file is simply not found
(nothing is overwritten; ``make clean`` or deleting the folder reclaims the
space).  The ``doc_id`` is deliberately not part of the key: the cached
table has no ``doc_id`` column, so two documents with the same text share it.
Files are written atomically (:func:`newskit.io.tables.write_atomic`), so an
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

from newskit.config import processed_dir
from newskit.io.tables import write_atomic
from newskit.io.versions import tool_versions
from newskit.text.names import names_fingerprint
from newskit.text.table import DOC_SCHEMA, DocumentJob

__all__ = ["TokenCache", "cache_dir", "read_cached", "rules_fingerprint", "write_cached"]

#: Bump when the layout of cached tables changes.
CACHE_FORMAT = 1
#: Packages whose every file (code and data) decides what a token is.
RULE_PACKAGES = ("newskit.text", "newskit.lang")


def cache_dir(root: str | Path) -> Path:
    """``data/processed/cache/tokens`` of the corpus in ``root``."""
    return processed_dir(root) / "cache" / "tokens"


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """SHA-256 over every ``.py`` and data file of :data:`RULE_PACKAGES`
    (by path inside the package, sorted): a new rules file is covered the
    moment it exists, with no list to keep up to date."""
    digest = hashlib.sha256()
    for package in RULE_PACKAGES:
        root = Path(str(resources.files(package)))
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".csv", ".txt")
                       and "__pycache__" not in p.parts)
        for path in files:
            name = f"{package}/{path.relative_to(root).as_posix()}"
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
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
                  "versions": tool_versions(), "rules": rules_fingerprint(), "names": names_fingerprint()}
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
