"""The knobs of a generated corpus beyond its size, seed and languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newskit.errors import ArgumentError

__all__ = [
    "CorpusSpec", "EXPORT_FORMATS", "SUPPORTED", "check_languages",
]

SUPPORTED = ("ja", "de", "id", "en")
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "html")


@dataclass(frozen=True)
class CorpusSpec:
    """Shape of a generated corpus (the defaults look like a media-monitoring
    export over two and a half years).

    Shares are of all articles: ``exact_duplicate_share`` wire copies
    republished unchanged by another outlet of the same language,
    ``near_duplicate_share`` copies with one paragraph added or dropped,
    ``story_share`` originals that belong to a multi-language story,
    ``partial_date_share`` catalog rows with only ``YYYY-MM`` or ``YYYY``.
    ``burst_weeks`` weeks hold ``burst_share`` of the originals.
    ``mean_chars``: target mean characters of body text per language
    (lengths are log-normal with ``length_sigma``, so there is a long tail).
    ``language_weights``: relative share of each language of the call's
    ``languages`` (None: equal).  ``exports``: formats written under
    ``exports/`` (jsonl, csv, parquet, html); ``truth``: write ``truth/``
    with the true duplicate, story and paragraph-kind labels."""

    start: str = "2023-01-01"
    end: str = "2025-06-30"
    exact_duplicate_share: float = 0.05
    near_duplicate_share: float = 0.03
    story_share: float = 0.2
    partial_date_share: float = 0.03
    burst_weeks: int = 3
    burst_share: float = 0.1
    mean_chars: tuple[tuple[str, int], ...] = (("ja", 830), ("de", 1270), ("id", 1230), ("en", 1220))
    length_sigma: float = 0.5
    language_weights: tuple[float, ...] | None = None
    exports: tuple[str, ...] = ()
    truth: bool = True

    def __post_init__(self) -> None:
        for name in ("exact_duplicate_share", "near_duplicate_share", "story_share",
                     "partial_date_share", "burst_share"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ArgumentError(f"CorpusSpec.{name}={value!r}: give a share between 0 and 1")
        if self.exact_duplicate_share + self.near_duplicate_share >= 0.9:
            raise ArgumentError("CorpusSpec: duplicate shares add up to 0.9 or more; keep most articles original")
        if self.first_day >= self.last_day:
            raise ArgumentError(f"CorpusSpec: start {self.start!r} must be before end {self.end!r}")
        unknown = [f for f in self.exports if f not in EXPORT_FORMATS]
        if unknown:
            raise ArgumentError(f"CorpusSpec.exports: unknown format(s) {unknown} (choose from {', '.join(EXPORT_FORMATS)})")
        if self.burst_weeks < 0 or self.length_sigma < 0:
            raise ArgumentError("CorpusSpec: burst_weeks and length_sigma must not be negative")

    @property
    def first_day(self) -> date:
        return _parse_day(self.start, "start")

    @property
    def last_day(self) -> date:
        return _parse_day(self.end, "end")

    def mean_chars_of(self, lang: str) -> int:
        return dict(self.mean_chars).get(lang, 1300)


def _parse_day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentError(f"CorpusSpec.{name}={text!r}: give an ISO date such as '2023-01-01'") from None


def check_languages(languages: tuple[str, ...], weights: tuple[float, ...] | None) -> tuple[str, ...]:
    """The languages as a tuple, or an :class:`ArgumentError` saying what would work."""
    if isinstance(languages, str):
        raise ArgumentError(f"languages={languages!r}: pass a tuple of codes, e.g. ({languages!r},)")
    languages = tuple(languages)
    bad = [lang for lang in languages if lang not in SUPPORTED]
    if not languages or bad or len(set(languages)) != len(languages):
        raise ArgumentError(f"languages={languages!r}: give distinct codes from {', '.join(SUPPORTED)}")
    if weights is not None and (len(weights) != len(languages) or min(weights) < 0 or sum(weights) <= 0):
        raise ArgumentError(f"CorpusSpec.language_weights={weights!r}: one non-negative weight per language {languages}")
    return languages
