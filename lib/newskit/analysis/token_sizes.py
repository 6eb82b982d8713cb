"""How big a "token" is in each language.

UniDic cuts Japanese into short units, German writes compounds as one word,
Indonesian glues affixes on: a token is not the same unit in every language,
so raw counts only compare within a language.  These tables measure it on
the corpus at hand.
"""

from __future__ import annotations

import pandas as pd

from newskit.analysis.frequency import NON_WORD_POS, check_columns, select_terms
from newskit.analysis.groups import add_document_column
from newskit.analysis.concordance import match_terms
from newskit.analysis.overview import summarise_by_language, summarise_lengths
from newskit.io.corpus import Corpus

__all__ = ["phrase_before", "token_size_profile"]

def token_size_profile(corpus: Corpus, tokens: pd.DataFrame) -> pd.DataFrame:
    """What one token is worth per language: ``documents, chars, tokens,
    chars_per_token`` (text characters per token, as in notebook 01) plus
    ``content_tokens``, ``chars_per_content_token`` (mean length of a content
    word's surface) and the ``longest_token`` (content word with the most
    characters, ties broken by first occurrence)."""
    totals = summarise_by_language(summarise_lengths(corpus, tokens))
    words = select_terms(add_document_column(tokens, corpus.documents), "lang", "surface", True)
    lengths = words["term"].str.len()
    longest = words.loc[lengths.groupby(words["lang"]).idxmax()].set_index("lang")["term"]
    totals["content_tokens"] = words.groupby("lang").size()
    totals["chars_per_content_token"] = lengths.groupby(words["lang"]).mean().round(2)
    totals["longest_token"] = longest
    totals["longest_token_chars"] = longest.str.len()
    totals["content_tokens"] = totals["content_tokens"].fillna(0).astype(int)
    return totals


def phrase_before(tokens: pd.DataFrame, paragraphs: pd.DataFrame, anchor: str) -> pd.DataFrame:
    """The words that describe ``anchor`` just before it, for comparing how
    many tokens each language spends on the same phrase.

    For each occurrence of ``anchor`` (matched like KWIC: lemma or surface,
    case-insensitive), takes the tokens between the last punctuation mark
    before it and the anchor, and keeps the content words (articles, particles
    and the like are dropped).  Returns ``doc_id, para_id, phrase`` (the
    verbatim text from the first to the last kept word), ``tokens`` (the kept
    words joined with " | "), ``n_tokens``, ``n_chars`` (characters of the
    kept words) and ``mention`` (1 for the first occurrence in its document, 2
    for the second …, to line up parallel versions), in reading order; an
    anchor with nothing before it gives an empty phrase and ``n_tokens`` 0."""
    check_columns(paragraphs, ["doc_id", "para_id", "text"], "paragraphs")
    check_columns(tokens, ["doc_id", "para_id", "i", "start", "end", "surface", "pos", "is_content"])
    ordered = tokens.sort_values(["doc_id", "para_id", "i"], kind="stable", ignore_index=True)
    texts = paragraphs.drop_duplicates(["doc_id", "para_id"]).set_index(["doc_id", "para_id"])["text"]
    rows = []
    for hit in ordered[match_terms(ordered, anchor).notna()].itertuples():
        same_para = (ordered["doc_id"] == hit.doc_id) & (ordered["para_id"] == hit.para_id)
        before = ordered[same_para & (ordered["i"] < hit.i)]
        breaks = before.index[before["pos"].isin(NON_WORD_POS)]
        run = before.loc[before.index > breaks.max()] if len(breaks) else before
        words = run[run["is_content"].astype(bool)]
        text = str(texts.get((hit.doc_id, hit.para_id), ""))
        phrase = text[int(words["start"].min()):int(words["end"].max())] if len(words) else ""
        surfaces = words["surface"].astype(str).tolist()
        rows.append((hit.doc_id, hit.para_id, phrase, " | ".join(surfaces), len(surfaces),
                     sum(map(len, surfaces))))
    columns = ["doc_id", "para_id", "phrase", "tokens", "n_tokens", "n_chars"]
    result = pd.DataFrame(rows, columns=columns).astype({"n_tokens": "int64", "n_chars": "int64"})
    result["mention"] = (result.groupby("doc_id", sort=False).cumcount() + 1).astype("int64")
    return result

