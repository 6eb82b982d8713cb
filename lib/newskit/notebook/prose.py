"""Prose generated from tables: sentences a notebook shows under its output.

A sentence that quotes a number must compute it, so that the notebook never
states on one corpus what its tables contradict; these helpers build such
Markdown from the tables of :mod:`newskit.analysis`.
"""

from __future__ import annotations

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.analysis.timeline import parse_published
from newskit.lang import get_profile

__all__ = ["describe_dates", "describe_missing_groups", "describe_peak", "describe_token_sizes"]


def describe_dates(documents: pd.DataFrame) -> str:
    """One sentence on the catalog's ``published`` dates: their range, and
    how many articles give only a month or a year, or no date at all."""
    if "published" not in documents.columns:
        return "The catalog has no `published` column, so nothing can be shown over time (notebook 09)."
    dates = parse_published(documents)
    if dates.empty:
        return "No article has a `published` date, so nothing can be shown over time (notebook 09)."
    partial = int((dates["precision"] < 2).sum())
    missing = len(documents) - len(dates)
    parts = [f"{partial:,} {'article gives' if partial == 1 else 'articles give'} only a month or a year" if partial else "",
             f"{missing:,} {'article has' if missing == 1 else 'articles have'} no date" if missing else ""]
    detail = " and ".join(part for part in parts if part)
    return (f"Published between {dates['date'].min():%Y-%m-%d} and {dates['date'].max():%Y-%m-%d}"
            + (f"; {detail}." if detail else "."))


def describe_missing_groups(documents: pd.DataFrame) -> str:
    """What to do when the catalog declares no translation group: how to
    add the ``group`` column, with this catalog's own ids as the example."""
    example = ", ".join(f"`{doc}`" for doc in documents["doc_id"].astype(str).head(3))
    what = ("has a `group` column, but no value in it is shared by two or more documents"
            if "group" in documents.columns else "has no `group` column")
    return (f"**No translation groups.** The catalog {what}, so the kit cannot tell which documents are versions "
            "of one text and there is nothing to audit: the rest of this notebook is skipped. To declare a group, "
            "add a column `group` to `catalog.csv` and give the versions of each text the same value (for example "
            f"`story-1` on the rows of {example or 'the versions'} if they were one story in several languages); "
            "leave it empty for the other rows, then run the notebook again.")


def describe_peak(rates: pd.DataFrame, key: str = "term", by: str | None = None) -> str:
    """A sentence on the highest rate of a
    :func:`newskit.analysis.timeline.count_hits_over_time` table and on how
    many articles it rests on, against the median period: a peak carried by
    one article reads differently from one carried by forty."""
    check_columns(rates, ["period", key, "rate", "count", "n_articles"], "rates over time")
    rated = rates.dropna(subset=["rate"])
    if rated.empty or rated["count"].sum() == 0:
        return "Nothing to compare over time: no hits in a dated article."
    peak = rated.sort_values(["rate", "period"], ascending=[False, True], kind="stable").iloc[0]
    where = f" in `{peak[by]}`" if by else ""
    median = rated.loc[rated[key] == peak[key], "n_articles"].median()
    per = f"per period and {by}" if by else "per period"
    return (f"The highest rate is **{peak[key]}** in {peak['period']}{where}: {peak['rate']:.1f} per 1,000 tokens, "
            f"{int(peak['count']):,} hit(s) among the {int(peak['n_articles']):,} article(s) of that period, against a median of "
            f"{median:,.0f} article(s) {per}; a peak resting on a handful of articles is a story, not a trend.")


def describe_token_sizes(profile: pd.DataFrame, phrases: pd.DataFrame | None = None, anchor: str = "") -> str:
    """A Markdown note explaining, with this corpus's numbers, why raw token
    counts do not compare across languages: one bullet per language of
    :func:`token_size_profile` (characters per token, longest content token,
    what a token is in that language), then the phrase before ``anchor`` from
    :func:`phrase_before` in each document, if any."""
    check_columns(profile, ["chars_per_token", "chars_per_content_token", "longest_token", "tokens"], "profile")
    lines = ["**Why raw token counts do not compare across languages.** "
             "The same amount of text gives very different token counts:", ""]
    for lang, row in profile.sort_values("chars_per_token").iterrows():
        unit = get_profile(str(lang)).token_unit
        lines.append(
            f"- **{lang}**: {row['chars_per_token']:.2f} characters per token "
            f"({row['tokens']:,} tokens), {row['chars_per_content_token']:.2f} per content word; "
            f"longest content token `{row['longest_token']}` ({len(str(row['longest_token']))} characters)."
            + (f" {unit}." if unit else "")
        )
    if phrases is not None and len(phrases):
        check_columns(phrases, ["doc_id", "phrase", "tokens", "n_tokens"], "phrases")
        lines += ["", f"The same description of {anchor or 'the anchor'} in each version "
                      "(content words between the last punctuation mark and the name):", ""]
        if "mention" in phrases.columns:
            phrases = phrases.sort_values("mention", kind="stable")
        for row in phrases.itertuples():
            where = [f"mention {row.mention}" if "mention" in phrases.columns else "",
                     f"paragraph {row.para_id}" if "para_id" in phrases.columns else ""]
            where_text = f" ({', '.join(w for w in where if w)})" if any(where) else ""
            lines.append(f"- {row.doc_id}{where_text}: `{row.phrase}` → {row.n_tokens} token"
                         f"{'' if row.n_tokens == 1 else 's'} ({row.tokens})")
    ratio = profile["chars_per_token"].max() / profile["chars_per_token"].min()
    lines += ["", f"A token in the densest language carries {ratio:.1f} times the characters of one in the "
                  "sparsest, so compare relative frequencies *within* a language; across languages compare "
                  "characters, or aligned paragraphs and names."]
    return "\n".join(lines)
