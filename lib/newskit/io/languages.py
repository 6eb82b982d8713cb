"""Settle each document's language at load: detect the undeclared, check the declared.

A catalog row says ``lang = de``; nothing stopped Indonesian text declared
``de`` from being tokenized as German.  Now every document is run through
the offline detector (:mod:`newskit.lang.detect`), in one batch per corpus:

* ``lang`` empty or ``auto`` (the catalog turns both into ``auto``): the
  detected language is used (``lang_source = "detected"``); a text the
  detector cannot place (too short, unsure, an unsupported language) is a
  :class:`~newskit.errors.CorpusError` naming the file and saying what to
  write in the catalog;
* a declared language the text contradicts
  (:func:`~newskit.lang.detect.check_declared_language`, for every pair of
  supported languages) is a ``CorpusError`` naming the file when the
  evidence is strong (a paragraph or more, confidence ≥ 0.9) and holds for
  both halves of the text, else a :class:`~newskit.errors.CorpusWarning`;
  the document loads in the declared language.  (The halves are checked
  because lingua can be thrown by one odd passage: 2,500 letters of German
  followed by ``ﬁÆイーロン・マスクLlama 2`` read as Malay with confidence
  0.92, each half as German.)

Imported catalogs already hold the detection (``sha256``, ``lang_detected``,
``lang_confidence`` written by ``newskit import``): when the row's hash is
that of the loaded text, the recorded detection is reused instead of
running the detector again (a 10,000-article corpus loads seconds faster);
editing the file or its ``lang`` cell is still checked.
"""

from __future__ import annotations

import hashlib
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskit.errors import CorpusError, CorpusWarning
from newskit.lang.codes import AUTO, SUPPORTED
from newskit.lang.detect import (
    DETECTOR_LANGUAGES, MAX_CHARS, MIN_CONFIDENCE, Detection, check_declared_language, count_letters,
    detect_languages,
)

__all__ = ["LanguageDecision", "part_reads_as", "recorded_detection", "settle_language", "settle_languages"]

#: Batches at least this large use lingua's multi-threaded call.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class LanguageDecision:
    """The language a document is analysed in: ``lang``, whether it was
    ``"declared"`` or ``"detected"``, and the detection behind it."""

    lang: str
    source: str
    detection: Detection

    @property
    def detected(self) -> str:
        """The detector's top language (``""`` when the text was too short)."""
        return self.detection.detected or ""

    @property
    def confidence(self) -> float:
        """The detector's confidence in it (NaN when nothing was detected)."""
        return self.detection.confidence if self.detection.detected else math.nan


def settle_languages(docs: Sequence[tuple[Path, str, str]],
                     recorded: Sequence[Detection | None] | None = None) -> list[LanguageDecision]:
    """Decide the language of each ``(path, declared or 'auto', text)``;
    ``recorded`` detections (see :func:`recorded_detection`) replace running
    the detector for their documents.  Raises or warns as the module
    docstring says."""
    known = list(recorded) if recorded is not None else [None] * len(docs)
    todo = [k for k, found in enumerate(known) if found is None]
    fresh = detect_languages([docs[k][2] for k in todo], parallel=len(todo) >= PARALLEL_FROM)
    for k, found in zip(todo, fresh):
        known[k] = found
    return [settle_language(path, declared, text, found) for (path, declared, text), found in zip(docs, known)]


def settle_language(path: Path, declared: str, text: str, found: Detection) -> LanguageDecision:
    """The decision for one document whose ``text`` the detector read as ``found``."""
    if declared == AUTO:
        if found.lang is None:
            raise CorpusError(path, f"has no language in the catalog ('lang' is empty or auto) and it cannot "
                                    f"be detected: {found.reason}; write its language "
                                    f"({', '.join(SUPPORTED)}) in the catalog's 'lang' cell")
        return LanguageDecision(found.lang, "detected", found)
    mismatch = check_declared_language("", declared, detection=found)
    if mismatch is None:
        return LanguageDecision(declared, "declared", found)
    doubt = "too little text to be sure"
    if mismatch.severity == "error":
        if not part_reads_as(text, declared):
            raise CorpusError(path, mismatch.message)
        doubt = f"half of the text does not contradict {declared!r}"
    warnings.warn(CorpusWarning(path, f"{mismatch.message} (loaded as {declared!r}: {doubt})"), stacklevel=3)
    return LanguageDecision(declared, "declared", found)


def part_reads_as(text: str, declared: str) -> bool:
    """True when one half of the detector's window of ``text`` is not
    contradicting ``declared`` (only asked once the whole seems to)."""
    window = text[:MAX_CHARS]
    middle = window.find(" ", len(window) // 2)
    middle = len(window) // 2 if middle < 0 else middle
    halves = detect_languages([window[:middle], window[middle:]], parallel=False)
    return any(check_declared_language("", declared, detection=half) is None for half in halves)


def recorded_detection(row: Mapping[str, object], text: str) -> Detection | None:
    """The detection an import recorded in a catalog row, when the row's
    ``sha256`` is that of ``text`` (the loaded, normalised text) and the
    recorded language and confidence can be read; else ``None``."""
    digest, detected = str(row.get("sha256") or ""), str(row.get("lang_detected") or "")
    if len(digest) != 64 or detected not in DETECTOR_LANGUAGES:
        return None
    try:
        confidence = float(str(row.get("lang_confidence") or ""))
    except ValueError:
        return None
    if not 0 <= confidence <= 1 or hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        return None
    lang = detected if detected in SUPPORTED and confidence >= MIN_CONFIDENCE else None
    reason = "" if lang else f"recorded at import: {detected} {confidence:.2f}"
    return Detection(lang, detected, confidence, None, 0.0, count_letters(text[:MAX_CHARS]), reason)
