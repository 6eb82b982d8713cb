"""Results of the two slow steps of loading kept on disk (``load_corpus(..., cache=True)``).

Settling languages (the lingua detector, about 1 s per 1,000 articles) and
finding wire copies (MinHash and exact overlaps, about 1.5 s per 1,000) are
pure functions of the texts, so a notebook series that loads one corpus ten
times need not pay them ten times.  Two files under
``processed/cache/load/`` of the corpus:

* ``languages.json``: one detection per document text, keyed by the SHA-256
  of the text the detector reads (so adding articles detects only the new
  ones; entries of texts no longer in the corpus are dropped on the next
  write);
* ``duplicates.json``: the duplicate table of the whole corpus, under one key
  over every document's id, language, date and text and the threshold.

Each key also covers :func:`memo_fingerprint` (the lingua version and every
file of ``newskit.io`` and ``newskit.lang``, code and data), so an upgrade or
an edited rule is never served an old answer.  A file carries the SHA-256 of
its content: damaged, truncated or hand-edited, it is not used (a
:class:`~newskit.errors.CacheWarning` names it) and rebuilt.  A folder that
cannot be written (read-only, a full disk) gives one warning and the load goes
on without the memo.
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newskit.config import processed_dir
from newskit.errors import CacheWarning
from newskit.io.tables import write_atomic
from newskit.io.versions import package_fingerprint, tool_versions
from newskit.lang.detect import MAX_CHARS, Detection

__all__ = ["MEMO_FORMAT", "memo_dir", "memo_fingerprint", "read_detections", "read_duplicates",
           "duplicates_key", "text_key", "write_detections", "write_duplicates"]

#: Bump when the layout of a memo file changes.
MEMO_FORMAT = 1
_DUPLICATE_COLUMNS = ["doc_id", "duplicate_of", "similarity", "jaccard"]


def memo_dir(root: str | Path) -> Path:
    """``processed/cache/load`` of the corpus in ``root``."""
    return processed_dir(root) / "cache" / "load"


@lru_cache(maxsize=1)
def memo_fingerprint() -> str:
    """What every memo key depends on besides the texts: the detector's
    version and every file of the packages that load and detect."""
    versions = tool_versions()
    head = f"{MEMO_FORMAT}\0{versions['lingua-language-detector']}\0{versions['newskit']}\0"
    return hashlib.sha256(head.encode() + package_fingerprint("newskit.io", "newskit.lang").encode()).hexdigest()


def text_key(text: str) -> str:
    """The key of one text's detection: the SHA-256 of what the detector reads."""
    return hashlib.sha256(text[:MAX_CHARS].encode("utf-8", "surrogatepass")).hexdigest()


def _digest(payload: object) -> str:
    """SHA-256 of a payload's canonical JSON: what a memo file carries and a read checks."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _read(path: Path, key: str) -> object | None:
    """The payload stored at ``path`` for ``key``, or ``None``: missing or
    written for another key (the corpus or the kit changed), silently;
    unreadable or damaged, with a :class:`CacheWarning`."""
    try:
        entry = json.loads(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        warnings.warn(f"load cache file {path} cannot be read ({exc}): it is rebuilt", CacheWarning, stacklevel=3)
        return None
    payload = entry.get("payload") if isinstance(entry, dict) else None
    if not isinstance(entry, dict) or entry.get("digest") != _digest(payload):
        warnings.warn(f"load cache file {path} is damaged (its content does not match its SHA-256): it is rebuilt",
                      CacheWarning, stacklevel=3)
        return None
    return payload if entry.get("key") == key else None


def _write(path: Path, key: str, payload: object) -> None:
    """Store ``payload`` under ``key``, atomically; a folder that cannot be
    written gives a :class:`CacheWarning`, never an error."""
    data = json.dumps({"format": MEMO_FORMAT, "key": key, "digest": _digest(payload), "payload": payload},
                      sort_keys=True)
    try:
        write_atomic(path, data.encode())
    except OSError as exc:
        warnings.warn(f"cannot write the load cache {path} ({exc.strerror or exc}): this load is not cached",
                      CacheWarning, stacklevel=3)


def read_detections(root: str | Path, keys: Sequence[str]) -> list[Detection | None]:
    """The stored detection of each text key (:func:`text_key`), ``None``
    where there is none."""
    stored = _read(memo_dir(root) / "languages.json", memo_fingerprint())
    stored = stored if isinstance(stored, dict) else {}
    found: list[Detection | None] = []
    for key in keys:
        fields = stored.get(key)
        try:
            found.append(Detection(**fields) if isinstance(fields, dict) else None)
        except TypeError:  # fields of another layout: detect again
            found.append(None)
    return found


def write_detections(root: str | Path, detections: Mapping[str, Detection]) -> None:
    """Store the detections of the corpus's texts (key → detection), replacing
    the file (entries of texts no longer loaded are dropped)."""
    payload = {key: asdict(found) for key, found in detections.items()}
    _write(memo_dir(root) / "languages.json", memo_fingerprint(), payload)


def duplicates_key(documents: pd.DataFrame, texts: Mapping[str, str], threshold: float) -> str:
    """One key over what the duplicate table depends on: each document's id,
    language, date (when the catalog has one) and text, and the threshold."""
    digest = hashlib.sha256(f"{memo_fingerprint()}\0{threshold!r}\0".encode())
    dates = documents["published"].astype(str) if "published" in documents.columns else [""] * len(documents)
    for doc_id, lang, date in zip(documents["doc_id"], documents["lang"], dates):
        text = texts[doc_id]
        digest.update(f"{doc_id}\0{lang}\0{date}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def read_duplicates(root: str | Path, key: str) -> pd.DataFrame | None:
    """The stored duplicate table for ``key`` (see :func:`duplicates_key`), or ``None``."""
    rows = _read(memo_dir(root) / "duplicates.json", key)
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 4 for r in rows):
        return None
    # built as find_duplicates builds it, so the dtypes are the same
    return pd.DataFrame([(d, of, math.nan if sim is None else sim, math.nan if jac is None else jac)
                         for d, of, sim, jac in rows], columns=_DUPLICATE_COLUMNS)


def write_duplicates(root: str | Path, key: str, found: pd.DataFrame) -> None:
    """Store a duplicate table under ``key``."""
    rows = [[doc_id, None if pd.isna(of) else of, _number(sim), _number(jac)]
            for doc_id, of, sim, jac in found[_DUPLICATE_COLUMNS].itertuples(index=False)]
    _write(memo_dir(root) / "duplicates.json", key, rows)


def _number(value: float) -> float | None:
    """A float for JSON (NaN as null, read back as NaN)."""
    return None if pd.isna(value) else float(value)
