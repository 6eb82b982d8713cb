"""Prose generated from tables: sentences a notebook shows under its output.

A sentence that quotes a number must compute it, so that the notebook never
states on one corpus what its tables contradict; these helpers build such
Markdown from the tables of :mod:`newskit.analysis`.
"""

from __future__ import annotations

import pandas as pd

from newskit.analysis.frequency import check_columns
from newskit.lang import get_profile

__all__ = ["describe_token_sizes"]


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
