"""Dates of the catalog's ``published`` column, periods, and counts over time.

A media researcher's first plot is a time axis.  The catalog's ``published``
may hold a full date (``2024-03-19``, also ``2024/3/19``, ``2024年3月19日``,
a time after the day) or only part of one (``2024-03``, ``2024``):
:func:`parse_published` reads all of them and keeps the precision.  A date
coarser than the period asked for (``2024`` for months) cannot be placed:
such documents are left out and counted in the note, never put in January.

Counts over time are **rates per 1,000 tokens** of the same period (and
group), next to the number of articles in that period, because a raw count
rises with every busy week: a spike carried by one week with three times the
usual articles is visible as such in ``n_articles``.  Every period between
the first and the last date is listed, empty ones with zeros (and a NaN
rate), so gaps are seen instead of being joined over.

The token denominator is every token of the document's text paragraphs, as
in :func:`newskit.analysis.rates.rate_per_thousand`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from newskit.analysis.concordance import MATCH_COLUMNS, match_terms
from newskit.analysis.frequency import PER_TOKENS, check_columns
from newskit.errors import ArgumentError, CorpusError

__all__ = ["FREQUENCIES", "articles_per_period", "assign_periods", "count_hits_over_time", "normalise_freq",
           "parse_published", "term_hits"]

#: Period names a notebook parameter may use, and pandas' code for each.
FREQUENCIES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}

#: The name of each period code, for notes.
_NAMES = {code: name for name, code in FREQUENCIES.items()}

#: What each period needs to know of a date: 0 year, 1 month, 2 day.
PRECISION_NEEDED = {"Y": 0, "Q": 1, "M": 1, "W": 2, "D": 2}

#: A catalog date: year, optional month and day ("2024", "2024-03", "2024/3/19",
#: "2024年3月19日"), optionally followed by a time.
_DATE = re.compile(r"^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?\s*[月日]?(?:[T\s].*)?$")


def _parse_date(doc_id: str, value: str) -> tuple[pd.Timestamp, int]:
    """(first day of the date, precision) of one ``published`` value."""
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = (int(part) if part else None for part in match.groups())
        stamp = pd.Timestamp(year=year, month=month or 1, day=day or 1)
    except ValueError:
        raise CorpusError(None, f"document {doc_id!r}: published {value!r} is not a date "
                                "(write YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return stamp, 0 if month is None else 1 if day is None else 2


def parse_published(documents: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, date, precision`` (0 year, 1 month, 2 day) for the documents
    with a ``published`` value; an unreadable date is a :class:`CorpusError`
    naming the document, a missing one is simply absent."""
    if not {"doc_id", "published"} <= set(documents.columns):
        raise ArgumentError("dates need a document table with doc_id and published columns")
    given = documents[documents["published"].notna()]
    given = given[given["published"].astype(str).str.strip() != ""]
    parsed = [_parse_date(str(doc), str(value)) for doc, value in zip(given["doc_id"], given["published"], strict=True)]
    return pd.DataFrame({"doc_id": given["doc_id"].astype(str).to_numpy(),
                         "date": pd.to_datetime([stamp for stamp, _ in parsed]),
                         "precision": pd.array([precision for _, precision in parsed], dtype="int64")})


def normalise_freq(freq: str) -> str:
    """pandas' period code for ``freq`` (``"month"`` or ``"M"``, …)."""
    code = FREQUENCIES.get(str(freq).lower(), str(freq).upper())
    if code not in PRECISION_NEEDED:
        raise ArgumentError(f"freq={freq!r}: choose one of {', '.join(FREQUENCIES)}")
    return code


def _label(periods: pd.PeriodIndex | pd.Series, code: str) -> list[str]:
    """Readable period labels: ``2024-03`` (month), ``2024-03-11`` (the Monday
    starting a week), ``2024Q1``, ``2024``, ``2024-03-19``."""
    starts = pd.PeriodIndex(periods).start_time
    formats = {"D": "%Y-%m-%d", "W": "%Y-%m-%d", "M": "%Y-%m", "Y": "%Y"}
    if code == "Q":
        return [str(period) for period in pd.PeriodIndex(periods)]
    return list(starts.strftime(formats[code]))


def assign_periods(documents: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """``doc_id, date, precision, period, start`` for every document whose
    ``published`` date is precise enough for ``freq`` (week, month, …):
    ``period`` is the readable label (``2024-03``; a week is named by its
    Monday), ``start`` its first day.  ``attrs["note"]`` says how many
    documents were left out (no date, or a coarser one) and
    ``attrs["n_documents"]`` how many there were."""
    code = normalise_freq(freq)
    dates = parse_published(documents) if "published" in documents.columns else \
        pd.DataFrame({"doc_id": [], "date": pd.to_datetime([]), "precision": []})
    placed = dates[dates["precision"] >= PRECISION_NEEDED[code]].reset_index(drop=True)
    periods = placed["date"].dt.to_period(code)
    placed["period"] = _label(periods, code)
    placed["start"] = pd.PeriodIndex(periods).start_time
    left_out = len(documents) - len(placed)
    placed.attrs["n_documents"] = len(documents)
    placed.attrs["note"] = (f"{left_out:,} of {len(documents):,} articles have no `published` date precise "
                            f"enough for a {_NAMES[code]} and are left out." if left_out else "")
    return placed


def _split_keys(documents: pd.DataFrame, by: str | pd.Series | None) -> tuple[list[str], pd.DataFrame]:
    """The split column name(s) and a ``doc_id, <split>`` table."""
    docs = pd.DataFrame({"doc_id": documents["doc_id"].astype(str).to_numpy()})
    if by is None:
        return [], docs
    if isinstance(by, pd.Series):
        name = str(by.name or "group")
        mapping = dict(zip(by.index.astype(str), by.astype(str), strict=True))
        return [name], docs.assign(**{name: docs["doc_id"].map(mapping)}).dropna()
    check_columns(documents, [by], "documents")
    values = documents[by].astype(object).where(documents[by].notna(), "(none)").astype(str).to_numpy()
    return [by], docs.assign(**{by: values})


def _full_grid(placed: pd.DataFrame, code: str, keys: list[str], extra: pd.Index | None) -> pd.DataFrame:
    """Every period from the first to the last date × every split value (× every extra key)."""
    if placed.empty:
        return pd.DataFrame(columns=["period", "start", *keys, *([extra.name] if extra is not None else [])])
    periods = pd.period_range(placed["date"].min().to_period(code), placed["date"].max().to_period(code), freq=code)
    grid = pd.DataFrame({"period": _label(periods, code), "start": periods.start_time})
    for key in keys:
        values = pd.DataFrame({key: sorted(placed[key].unique())})
        grid = grid.merge(values, how="cross")
    if extra is not None:
        grid = grid.merge(pd.DataFrame({extra.name: list(extra)}), how="cross")
    return grid


def articles_per_period(documents: pd.DataFrame, freq: str = "month",
                        by: str | pd.Series | None = None) -> pd.DataFrame:
    """``period, start, [by], n_articles`` for every period from the first to
    the last dated article (zeros included); ``by`` is a catalog column
    (``lang``, ``publisher``) or a Series doc_id → group.  The note of
    :func:`assign_periods` is kept in ``attrs["note"]``."""
    code = normalise_freq(freq)
    dated = assign_periods(documents, code)
    keys, splits = _split_keys(documents, by)
    placed = dated.merge(splits, on="doc_id")
    counts = placed.groupby(["period", *keys], observed=True).size().rename("n_articles").reset_index()
    table = _full_grid(placed, code, keys, None).merge(counts, on=["period", *keys], how="left")
    table["n_articles"] = table["n_articles"].fillna(0).astype("int64")
    table.attrs["note"] = dated.attrs["note"]
    return table


def term_hits(tokens: pd.DataFrame, terms: str | Sequence[str],
              column: str | Sequence[str] = MATCH_COLUMNS) -> pd.DataFrame:
    """``doc_id, term`` for every token matching one of ``terms`` (lemma or
    surface, NFKC, case-insensitive, as the concordance matches), labelled
    with the term as asked: the hits :func:`count_hits_over_time` counts."""
    check_columns(tokens, ["doc_id"])
    matched = match_terms(tokens, terms, column)
    found = matched.notna()
    return pd.DataFrame({"doc_id": tokens.loc[found, "doc_id"].astype(str).to_numpy(),
                         "term": matched[found].astype(str).to_numpy()})


def count_hits_over_time(hits: pd.DataFrame, tokens: pd.DataFrame, documents: pd.DataFrame, *,
                         key: str = "term", freq: str = "month", by: str | pd.Series | None = None) -> pd.DataFrame:
    """Hits (one row per mention or matched token: ``doc_id`` and ``key``)
    per period, split ``by`` a catalog column or a doc_id → group Series:
    ``period, start, [by], key, count, tokens, n_articles, rate``, where
    ``rate`` is per 1,000 tokens of the articles of that period and group
    (NaN when it has none) and ``n_articles`` how many articles there are.
    Every key appears in every period and group, with zeros where it is not
    found; ``attrs["note"]`` says how many articles had no usable date."""
    check_columns(hits, ["doc_id", key], "hits")
    check_columns(tokens, ["doc_id"])
    code = normalise_freq(freq)
    dated = assign_periods(documents, code)
    keys, splits = _split_keys(documents, by)
    placed = dated.merge(splits, on="doc_id")[["doc_id", "period", "date", *keys]]
    sizes = tokens.groupby(tokens["doc_id"].astype(str), observed=True).size().rename("tokens")
    per_doc = placed.join(sizes, on="doc_id").fillna({"tokens": 0})
    totals = per_doc.groupby(["period", *keys], observed=True).agg(
        tokens=("tokens", "sum"), n_articles=("doc_id", "size")).reset_index()
    labelled = hits.astype({"doc_id": str}).merge(placed, on="doc_id")
    counts = labelled.groupby(["period", *keys, key], observed=True).size().rename("count").reset_index()
    wanted = pd.Index(sorted(hits[key].astype(str).unique()), name=key)
    table = _full_grid(placed, code, keys, wanted)
    table = table.merge(totals, on=["period", *keys], how="left").merge(counts, on=["period", *keys, key], how="left")
    table[["count", "tokens", "n_articles"]] = table[["count", "tokens", "n_articles"]].fillna(0).astype("int64")
    table["rate"] = table["count"] / table["tokens"].where(table["tokens"] > 0) * PER_TOKENS
    table = table[["period", "start", *keys, key, "count", "tokens", "n_articles", "rate"]]
    table.attrs["note"] = dated.attrs["note"]
    return table.sort_values([key, *keys, "start"], kind="stable", ignore_index=True)
