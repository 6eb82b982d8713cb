"""Grouping documents by what the catalog says about them.

Term counts, keyness and word clouds are grouped by any token column; a
catalog column (language, publisher, a translation group) is copied onto
the tokens first with :func:`add_document_column`.

A figure with one panel, row or column per article is readable for a
handful of articles and useless for a thousand.  :func:`resolve_grouping`
turns a notebook's ``GROUP_BY`` parameter into the unit its figures show:

* up to ``cap`` articles: one per article (``doc_id``);
* above it, groups: ``lang``, ``publisher`` or any other catalog column;
  ``month``, ``week``, ``quarter`` or ``year`` of the ``published`` date;
  or ``top`` / ``top-K``: the ``K`` (default ``cap``) longest articles;
* a column the catalog lacks falls back to ``lang`` (always present), and
  more than ``cap`` groups keep the ``cap`` largest (or merge the rest into
  one group), each time with a one-line note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.analysis.timeline import FREQUENCIES, assign_periods
from newskit.errors import ArgumentError

__all__ = ["ARTICLE_CAP", "Grouping", "add_document_column", "add_group_column", "group_documents", "resolve_grouping"]

#: Per-article panels up to this many articles.
ARTICLE_CAP = 12
#: Label of documents without a value for the grouping column.
NO_VALUE = "(none)"
#: Label of documents without a date precise enough for a time grouping.
UNDATED = "undated"

_TOP = re.compile(r"^top(?:[-_ ]?(\d+))?$")


@dataclass(frozen=True)
class Grouping:
    """The unit a notebook's figures show: ``column`` names it (``doc_id``
    for one per article), ``labels`` maps every shown ``doc_id`` to its group
    (documents of groups not shown are absent) and ``note`` is the sentence
    saying what was chosen ("" when every article is shown)."""

    column: str
    labels: pd.Series
    note: str

    @property
    def per_article(self) -> bool:
        """True when each article is its own group."""
        return self.column == "doc_id"

    @property
    def groups(self) -> list[str]:
        """The shown groups, in display order."""
        return list(dict.fromkeys(self.labels))


def add_document_column(tokens: pd.DataFrame, documents: pd.DataFrame, column: str = "lang") -> pd.DataFrame:
    """Copy one catalog column (default ``lang``) onto every token, so counts
    can be grouped by it (``count_terms(tokens, by="lang")``).  The token
    table's index and row order are kept."""
    check_columns(documents, ["doc_id", column], "documents")
    if column in tokens.columns:
        raise ArgumentError(f"the tokens table already has a column {column!r}")
    lookup = dict(zip(documents["doc_id"].astype(str), documents[column], strict=True))
    values = tokens["doc_id"].astype(str).map(lookup)
    if values.isna().any():
        unknown = sorted(set(tokens.loc[values.isna(), "doc_id"].astype(str)))
        raise ArgumentError(f"doc_id(s) {', '.join(unknown)} are not in the documents table")
    return tokens.assign(**{column: values})


def add_group_column(table: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """The rows of ``table`` (tokens, mentions: anything with ``doc_id``)
    whose document is shown, with the group in column ``grouping.column``
    (a category in display order); per article, only the rows are filtered."""
    check_columns(table, ["doc_id"], "table")
    doc_ids = table["doc_id"].astype(str)
    shown = table[doc_ids.isin(grouping.labels.index).to_numpy()]
    if grouping.per_article:
        return shown
    values = shown["doc_id"].astype(str).map(grouping.labels)
    return shown.assign(**{grouping.column: pd.Categorical(values, categories=grouping.groups)})


def _sizes(documents: pd.DataFrame, tokens: pd.DataFrame | None) -> tuple[pd.Series, str]:
    """Length of every document and what it is measured in."""
    doc_ids = documents["doc_id"].astype(str)
    if tokens is not None:
        counts = tokens.groupby(tokens["doc_id"].astype(str), observed=True).size()
        return counts.reindex(doc_ids).fillna(0).set_axis(doc_ids), "tokens"
    if "n_chars" in documents.columns:
        return pd.Series(documents["n_chars"].to_numpy(), index=doc_ids), "characters"
    return pd.Series(range(len(doc_ids), 0, -1), index=doc_ids), "catalog order"


def _top_articles(documents: pd.DataFrame, k: int, tokens: pd.DataFrame | None) -> Grouping:
    """The ``k`` longest articles, longest first (ties: catalog order)."""
    sizes, unit = _sizes(documents, tokens)
    chosen = sizes.sort_values(ascending=False, kind="stable").index[:k]
    labels = pd.Series(list(chosen), index=chosen, name="doc_id")
    note = (f"Showing the {len(chosen):,} longest of {len(documents):,} articles (by {unit}); "
            "the tables cover every article.")
    return Grouping("doc_id", labels, note)


def _values(documents: pd.DataFrame, group_by: str) -> tuple[pd.Series, str]:
    """doc_id → group value of a catalog column or a period of ``published``,
    and a note when the column is missing (then ``lang`` is used)."""
    doc_ids = documents["doc_id"].astype(str)
    if group_by in FREQUENCIES:
        if "published" not in documents.columns:
            return _values(documents, "lang")[0], f"The catalog has no `published` column to group by {group_by}; "
        periods = assign_periods(documents, group_by).set_index("doc_id")["period"]
        return periods.reindex(doc_ids).fillna(UNDATED).set_axis(doc_ids), ""
    if group_by not in documents.columns:
        return _values(documents, "lang")[0], f"The catalog has no `{group_by}` column; "
    values = documents[group_by].astype(object).where(documents[group_by].notna(), NO_VALUE).astype(str)
    values = values.str.strip().replace("", NO_VALUE)
    return pd.Series(values.to_numpy(), index=doc_ids), ""


def _choose(values: pd.Series, cap: int, by_time: bool) -> tuple[list[str], int]:
    """The ``cap`` largest groups (ties by name) in display order: by time
    (undated last) or by size; and how many groups there were."""
    counts = values.value_counts()
    ranked = sorted(counts.index, key=lambda label: (-counts[label], label))[:cap]
    if by_time:
        return sorted(ranked, key=lambda label: (label == UNDATED, label)), len(counts)
    return ranked, len(counts)


def resolve_grouping(documents: pd.DataFrame, group_by: str | None = "lang", *, cap: int = ARTICLE_CAP,
                     tokens: pd.DataFrame | None = None, rest: str | None = None, min_groups: int = 1) -> Grouping:
    """The unit of a notebook's figures (see the module docstring): one per
    article when there are at most ``cap``, otherwise the groups of
    ``group_by`` (:func:`group_documents`) or, for ``top``/``top-K``, the
    longest articles (``tokens`` measures their length).  Groups fewer than
    ``min_groups`` (a comparison needs two) fall back to the longest articles."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    if cap < 1:
        raise ArgumentError(f"cap must be 1 or more, got {cap}")
    spec = "doc_id" if group_by in (None, "", "doc_id", "article") else str(group_by).strip()
    top = _TOP.match(spec.lower())
    if len(documents) <= cap and not top:
        doc_ids = documents["doc_id"].astype(str)
        return Grouping("doc_id", pd.Series(doc_ids.to_numpy(), index=doc_ids, name="doc_id"), "")
    if spec == "doc_id" or top:
        return _top_articles(documents, int(top.group(1)) if top and top.group(1) else cap, tokens)
    grouping = group_documents(documents, spec, cap=cap, rest=rest)
    if len(grouping.groups) < min_groups:
        fewer = _top_articles(documents, cap, tokens)
        return Grouping("doc_id", fewer.labels, f"`{grouping.column}` gives only {len(grouping.groups)} group(s) "
                                                f"here. {fewer.note}")
    note = (f"{len(documents):,} articles are more than {cap} (`ARTICLE_CAP`), so the figures show one panel per "
            f"`{grouping.column}` ({len(grouping.groups)} groups) instead of one per article (`GROUP_BY`). ")
    return Grouping(grouping.column, grouping.labels, (note + grouping.note).strip())


def group_documents(documents: pd.DataFrame, column: str = "lang", *, cap: int = ARTICLE_CAP,
                    rest: str | None = None) -> Grouping:
    """Every document's group by a catalog ``column`` or a period of
    ``published`` (``month``, ``week`` …), at most ``cap`` groups: the
    largest, the others left out (``rest=None``) or merged into a group
    called ``rest``.  A missing column falls back to ``lang``; the note
    says what was changed ("" when nothing was)."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    if column.lower() in FREQUENCIES and column not in documents.columns:
        column = column.lower()  # "Month" as well as "month"
    values, fallback = _values(documents, column)
    column = "lang" if fallback else column
    by_time = column in FREQUENCIES
    shown, n_groups = _choose(values, cap if rest is None else cap - 1, by_time)
    note = f"{fallback}grouping by `{column}` instead." if fallback else ""
    if n_groups > cap and rest is None:
        note += f" The {n_groups - cap:,} smallest of {n_groups:,} groups are left out of the figures."
    elif n_groups > cap:
        shown = [*shown, rest]
        values = values.where(values.isin(shown), rest)
        note += f" The {n_groups - cap + 1:,} smallest of {n_groups:,} groups are merged into `{rest}`."
    else:
        shown = _choose(values, cap, by_time)[0]
    labels = values[values.isin(shown)].rename(column)
    labels = labels.iloc[labels.map({label: k for k, label in enumerate(shown)}).argsort(kind="stable")]
    return Grouping(column, labels, note.strip())
