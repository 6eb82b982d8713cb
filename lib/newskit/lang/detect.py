"""Offline language detection, and the check of a declared language.

Detection uses lingua (``lingua-language-detector``): its models ship inside
the wheel, so nothing is downloaded.  The detector is restricted to the kit's
four languages plus the ones most easily mistaken for them — Malay (for
Indonesian), Dutch (for German and English), French, Spanish, Chinese (for
kanji-only Japanese headlines), Korean — so that a text in none of the four
comes out as "not a supported language" instead of the nearest one.

Measured here (lingua 2.1.1, 10 languages; ``benchmarks/bench_import.py``,
and paragraphs of the seed articles and of ``tests/data/lang`` cut to 15–250
characters, in both accuracy modes):

* high-accuracy mode, models loaded lazily (lingua's default): detecting
  the 16 fixture paragraphs in a fresh process costs about 0.5 s and 20 MB
  on top of ``import newskit`` (1.4 s, 117 MB); preloading all ten
  languages' models would take 1.2 s and 200 MB.  Then 0.1–0.7 ms per
  short article (``benchmarks/RESULTS.md``, section bench-import).  Low-accuracy mode
  loads in 0.04 s and 15 MB but mistakes Indonesian for Malay in 7 of 42
  real paragraphs cut to 100 characters (high accuracy: 1 of 42), so the
  kit uses high accuracy.  lingua's parallel batch call was no faster than
  the serial one on this shared 2-core machine (4.0–9.4 s against
  6.6–7.0 s for 10,000 articles); it is used for batches all the same,
  since it scales with idle cores.
* headlines (30–40 characters) come out right but with low confidence
  (Indonesian 0.56 against Malay 0.43); kanji-only Japanese headlines read
  as Chinese; below about 20 letters nothing is reliable.
* the first 500 characters of a real Indonesian article (menus, bylines)
  read as Malay with confidence 1.0; the first 3,000 as Indonesian.  Hence
  :data:`MAX_CHARS`, and Malay/Chinese never contradict a declared
  Indonesian/Japanese.

Thresholds (see :func:`check_declared_language`): a detection is only acted
on when the text has at least :data:`MIN_LETTERS` letters (a contradiction:
:data:`WARN_LETTERS`) and the detector's confidence is at least
:data:`MIN_CONFIDENCE`; a contradiction is an error
only from :data:`ERROR_LETTERS` letters and :data:`ERROR_CONFIDENCE` on,
below that a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from newskit.lang.codes import SUPPORTED, language_name

__all__ = [
    "Detection", "LanguageMismatch", "check_declared_language", "count_letters", "detect_language",
    "detect_languages",
]

#: Detector languages: the supported four and their usual confusions.
DETECTOR_LANGUAGES: dict[str, Language] = {
    "ja": Language.JAPANESE, "de": Language.GERMAN, "id": Language.INDONESIAN,
    "en": Language.ENGLISH, "ms": Language.MALAY, "nl": Language.DUTCH,
    "fr": Language.FRENCH, "es": Language.SPANISH, "zh": Language.CHINESE,
    "ko": Language.KOREAN,
}
_CODE = {language: code for code, language in DETECTOR_LANGUAGES.items()}

#: Detected languages that do not contradict a declared one: Indonesian read
#: as Malay (one standard language, two norms), Japanese read as Chinese
#: (a kanji-only line).
COMPATIBLE: dict[str, frozenset[str]] = {"id": frozenset({"ms"}), "ja": frozenset({"zh"})}

#: Texts are cut to this many characters before detection: longer adds time
#: and no accuracy (a real article is decided well before).
MAX_CHARS = 3000
#: Fewer letters than this: no detection at all (too short to tell).
MIN_LETTERS = 20
#: A top language below this confidence is "not sure".
MIN_CONFIDENCE = 0.7
#: A contradiction is not reported at all below this many letters (a
#: headline): at 40 letters no confident detection was wrong in calibration.
WARN_LETTERS = 40
#: A contradiction of the declared language is an error (not a warning)
#: from this many letters and this confidence on: a paragraph or more.
ERROR_LETTERS = 150
ERROR_CONFIDENCE = 0.9

_LETTER = regex.compile(r"\p{L}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
#: A kana/kanji/hangul character counts as this many letters: a Japanese
#: article has about half the letters of its German translation (the seed
#: pair: 4,515 against 9,700), so one threshold serves both scripts.
CJK_WEIGHT = 2
#: Confidences are rounded (lingua's batch and single calls differ in the
#: 15th digit).
DIGITS = 4


@dataclass(frozen=True)
class Detection:
    """What the detector says about one text.

    ``lang`` is a supported code, or ``None`` when the text is too short,
    the detector is not sure, or it reads as an unsupported language; ``reason``
    says which.  ``detected`` is the detector's top language whatever it is
    (``"ms"``, ``"fr"`` …), ``confidence`` its probability (0–1),
    ``runner_up`` and ``runner_up_confidence`` the second best; ``n_letters``
    the letters seen (kana/kanji counted twice, see :data:`CJK_WEIGHT`)."""

    lang: str | None
    detected: str | None
    confidence: float
    runner_up: str | None
    runner_up_confidence: float
    n_letters: int
    reason: str = ""


@dataclass(frozen=True)
class LanguageMismatch:
    """A declared language the text contradicts; ``severity`` is ``"error"``
    (long text, confident detection) or ``"warning"``."""

    declared: str
    detected: str
    confidence: float
    severity: str
    message: str


@lru_cache(maxsize=1)
def _get_detector() -> LanguageDetector:
    """The shared lingua detector (built once per process; its models load
    lazily, on the first text of each language)."""
    return LanguageDetectorBuilder.from_languages(*DETECTOR_LANGUAGES.values()).build()


def detect_language(text: str) -> Detection:
    """Detect the language of one text (see the module docstring)."""
    return detect_languages([text], parallel=False)[0]


def detect_languages(texts: Iterable[str], *, parallel: bool = True) -> list[Detection]:
    """Detect the language of many texts at once.

    ``parallel`` uses lingua's multi-threaded batch call, which pays off
    from a few hundred texts on; the results are the same either way."""
    texts = [str(t)[:MAX_CHARS] for t in texts]
    letters = [count_letters(t) for t in texts]
    todo = [k for k, n in enumerate(letters) if n >= MIN_LETTERS]
    detector = _get_detector()
    batch = [texts[k] for k in todo]
    if parallel and len(batch) > 1:
        values = detector.compute_language_confidence_values_in_parallel(batch)
    else:
        values = [detector.compute_language_confidence_values(t) for t in batch]
    found = dict(zip(todo, values))
    return [_to_detection(found.get(k), letters[k]) for k in range(len(texts))]


def count_letters(text: str) -> int:
    """Letters of ``text``, each kana/kanji/hangul counted :data:`CJK_WEIGHT` times.

    Counted with a per-code-point weight table (a regex ``findall`` per text
    took 1.7 s for 10,000 articles at load, the table 0.1 s); characters
    beyond the BMP (rare: emoji, CJK extension kanji) by the regexes."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    bmp = points < 0x10000
    total = int(_letter_weights()[points[bmp]].sum())
    if not bmp.all():
        astral = "".join(map(chr, points[~bmp].tolist()))
        total += len(_LETTER.findall(astral)) + (CJK_WEIGHT - 1) * len(_CJK.findall(astral))
    return total


@lru_cache(maxsize=1)
def _letter_weights() -> np.ndarray:
    """:func:`count_letters`' weight of every BMP code point: 1 for a letter,
    plus ``CJK_WEIGHT - 1`` for a kana/kanji/hangul character."""
    weights = np.zeros(0x10000, dtype=np.int64)
    for point in range(0x10000):
        char = chr(point)
        weights[point] = bool(_LETTER.match(char)) + (CJK_WEIGHT - 1) * bool(_CJK.match(char))
    return weights


def _to_detection(values: list | None, n_letters: int) -> Detection:
    """Turn lingua's sorted confidence list into a :class:`Detection`."""
    if not values:
        return Detection(None, None, 0.0, None, 0.0, n_letters,
                         f"too short to detect ({n_letters} letters, {MIN_LETTERS} needed)")
    top, second = values[0], values[1]
    code, confidence = _CODE[top.language], round(float(top.value), DIGITS)
    runner_up, runner_up_confidence = _CODE[second.language], round(float(second.value), DIGITS)
    lang, reason = code, ""
    if code not in SUPPORTED:
        lang, reason = None, f"reads as {language_name(code)} ({code}), which the kit does not support"
        if code in COMPATIBLE.get(runner_up, ()):  # Indonesian read as Malay, Japanese as Chinese
            reason += f"; if it is {language_name(runner_up)}, declare {runner_up!r}"
    elif confidence < MIN_CONFIDENCE:
        lang, reason = None, f"not sure: {code} {confidence:.2f}, {runner_up} {runner_up_confidence:.2f}"
    return Detection(lang, code, confidence, runner_up, runner_up_confidence, n_letters, reason)


def check_declared_language(text: str, declared: str, *, detection: Detection | None = None) -> LanguageMismatch | None:
    """Return a :class:`LanguageMismatch` when the text contradicts the
    declared language, else ``None`` (also when the text is too short or the
    detector unsure: a headline is no evidence).  Pass ``detection`` when it
    is already known (batch imports)."""
    found = detection or detect_language(text)
    code = found.detected
    if code is None or code == declared or code in COMPATIBLE.get(declared, ()):
        return None
    if found.n_letters < WARN_LETTERS or found.confidence < MIN_CONFIDENCE:
        return None
    strong = found.n_letters >= ERROR_LETTERS and found.confidence >= ERROR_CONFIDENCE
    severity = "error" if strong else "warning"
    message = (
        f"declared {declared!r} ({language_name(declared)}) but the text reads as "
        f"{language_name(code)} ({code}, confidence {found.confidence:.2f} over "
        f"{found.n_letters} letters); fix the 'lang' value"
    )
    return LanguageMismatch(declared, code, found.confidence, severity, message)
