"""On-disk cache of tokenized documents (``tokenize_corpus(..., cache=True)``).

One file per document under
``newskit.processed_dir(corpus.root)/cache/tokens/<ab>/<key>.tokens``.  The
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

A cache must never give a wrong answer, so every entry carries the key it
was written for and a SHA-256 of its content (:data:`MAGIC`, 32 bytes of
key, 32 bytes of digest, then the table as an uncompressed Arrow IPC file).
A read checks both: a flipped bit anywhere in the file, a truncated file,
or another document's entry copied over this one is a miss, rebuilt, with a
:class:`CacheWarning` naming the file.  Arrow IPC rather than Parquet: a
document's small table reads in about 30 µs instead of about 1 ms, which is
what makes a warm cache faster than tokenizing again (``benchmarks/RESULTS.md``);
the price is disk, about 55 bytes per token (Parquet with zstd: about 30).
Files are written atomically (:func:`newskit.io.tables.write_atomic`), so an
interrupted run never leaves a truncated file; a cache folder that cannot be
written (read-only ``processed/``, a full disk) turns caching off for the rest
of the run with one warning instead of failing it.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from newskit.config import processed_dir
from newskit.errors import CacheWarning
from newskit.io.tables import write_atomic
from newskit.io.versions import package_fingerprint, tool_versions
from newskit.text.names import names_fingerprint
from newskit.text.table import DOC_SCHEMA, DocumentJob

__all__ = ["CacheWarning", "TokenCache", "cache_dir", "read_cached", "rules_fingerprint", "write_cached"]

#: Bump when the layout of cached tables changes.
CACHE_FORMAT = 2
#: First bytes of every cache entry (format 2); the file suffix of entries.
MAGIC = b"NKTOKEN2"
SUFFIX = ".tokens"
_KEY, _DIGEST = slice(len(MAGIC), len(MAGIC) + 32), slice(len(MAGIC) + 32, len(MAGIC) + 64)
_HEADER = len(MAGIC) + 64


#: Packages whose every file (code and data) decides what a token is.
RULE_PACKAGES = ("newskit.text", "newskit.lang")


def cache_dir(root: str | Path) -> Path:
    """``data/processed/cache/tokens`` of the corpus in ``root``."""
    return processed_dir(root) / "cache" / "tokens"


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """:func:`newskit.io.versions.package_fingerprint` of :data:`RULE_PACKAGES`."""
    return package_fingerprint(*RULE_PACKAGES)


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
        return self.directory / key[:2] / f"{key}{SUFFIX}"


def _miss(path: Path, problem: str) -> None:
    """Warn that the entry at ``path`` is not used (and will be rebuilt)."""
    warnings.warn(f"token cache file {path} {problem}: it is not used and is rebuilt", CacheWarning, stacklevel=3)


def read_cached(path: Path) -> pa.Table | None:
    """The cached table at ``path``, or ``None`` (a miss): missing, silently;
    unreadable, damaged (content digest), written for another key (the key
    is the file's name) or of another schema, with a :class:`CacheWarning`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return _miss(path, f"cannot be read ({exc.strerror or exc})")
    if len(data) < _HEADER or not data.startswith(MAGIC):
        return _miss(path, "is not a newskit token cache entry (damaged or truncated)")
    key, payload = data[_KEY], memoryview(data)[_HEADER:]
    if hashlib.sha256(key + payload).digest() != data[_DIGEST]:
        return _miss(path, "is damaged (its content does not match its SHA-256)")
    if key.hex() != path.stem:
        return _miss(path, f"holds the tokens of another document (key {key.hex()[:12]}…)")
    try:
        table = pa.ipc.open_file(pa.py_buffer(payload)).read_all()
    except (OSError, pa.ArrowException) as exc:  # a digest match makes this a format change
        return _miss(path, f"cannot be parsed ({exc})")
    if not table.schema.equals(DOC_SCHEMA):
        return _miss(path, "has other columns than the tokenizer makes")
    return table.combine_chunks()


def _encode_entry(key: str, table: pa.Table) -> bytes:
    """The bytes of a cache entry for ``table`` under ``key`` (see the module
    docstring for the layout)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, DOC_SCHEMA) as writer:
        writer.write_table(table.cast(DOC_SCHEMA))
    payload = sink.getvalue().to_pybytes()
    raw_key = bytes.fromhex(key)
    return MAGIC + raw_key + hashlib.sha256(raw_key + payload).digest() + payload


def write_cached(path: Path, table: pa.Table) -> bool:
    """Store ``table`` at ``path`` (named by its key), atomically; ``False``
    after a :class:`CacheWarning` when the cache folder cannot be written
    (read-only, full): the caller then stops caching for the run."""
    try:
        write_atomic(path, _encode_entry(path.stem, table))
    except OSError as exc:
        warnings.warn(f"cannot write the token cache under {path.parent.parent} ({exc.strerror or exc}): "
                      "caching is off for the rest of this run", CacheWarning, stacklevel=2)
        return False
    return True
