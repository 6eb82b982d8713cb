"""Term frequencies from the token table: counts, top terms, bigrams, Zipf ranks.

Every count in the kit goes through :func:`select_terms`, so "a term" means the
same thing in frequency lists, keyness, TF-IDF and word clouds:

* the term is the ``lemma`` (default) or any other token column; an empty lemma
  (tokenizers leave unknown words without one) falls back to the ``surface``;
* punctuation, symbols and whitespace-only tokens are never terms, whatever
  ``is_content`` says, because their density differs wildly between languages
  (Japanese text is full of 、and 。) and would distort every relative frequency;
* with ``content_only=True`` only tokens flagged ``is_content`` count.

Relative frequencies are per 1,000 *counted* tokens of the group (the tokens
that survived the filter above), so a group's ``rel_freq`` column sums to 1,000
and articles of different lengths and languages can be compared.

Terms are compared exactly as the tokenizer wrote them (no case folding here):
normalising lemmas is the tokenizer's job, and doing it twice hides its bugs.

One entity written two ways (イーロン・マスク and マスク氏, Musk and Musks) can
be counted as one term: pass ``entities=`` a mention table
(:func:`newskit.find_mentions`: ``doc_id, para_id, start, end, label``) and
the tokens a mention covers count once, as the entity's label, whether or not
they are content words (a name is always a term); tokens a mention only
partly covers (``Tesla`` inside ``Tesla-Aktionäre``) keep their own term.

The pieces of the definition are public so every statistic uses the same ones:
:func:`term_labels` (the term of every token) and :func:`word_mask` (which
tokens are words); the document-term matrix, the word stream of collocations
and n-grams (:mod:`newskit.analysis.stream`), dispersion and the coding rules
all build on them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import pandas as pd

from newskit.errors import ArgumentError

__all__ = ["GroupBy", "NON_WORD_POS", "PARAGRAPH", "PER_TOKENS", "check_columns", "count_bigrams", "count_terms",
           "entity_cover", "finish_term_counts", "frequencies_for_wordcloud", "frequencies_for_wordclouds",
           "group_columns", "head_per_group", "rank_frequency", "select_doc", "select_terms", "sort_counts",
           "term_labels", "top_terms", "word_mask"]

#: Coarse POS tags that are never words.
NON_WORD_POS = frozenset({"PUNCT", "SYM", "SPACE"})

#: The unit no window, n-gram, phrase or bigram ever crosses, and the default
#: co-occurrence unit: one paragraph of one document.
PARAGRAPH = ("doc_id", "para_id")

#: Relative frequencies are "per this many counted tokens".
PER_TOKENS = 1000

GroupBy = str | Sequence[str] | None


def check_columns(table: pd.DataFrame, columns: Iterable[str], name: str = "tokens") -> None:
    """Raise :class:`ArgumentError` naming every missing column, so a notebook
    user sees "the tokens table lacks column lemma" instead of a pandas KeyError."""
    missing = [column for column in dict.fromkeys(columns) if column not in table.columns]
    if missing:
        have = ", ".join(map(str, table.columns)) or "none"
        raise ArgumentError(f"the {name} table lacks column(s) {', '.join(missing)} (it has: {have})")


def group_columns(by: GroupBy) -> list[str]:
    """Normalise ``by`` (one column, several, or ``None`` for the whole corpus)
    to a list, so every function accepts the same three spellings."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


def select_doc(tokens: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """Return the tokens of one document; an unknown id is an error rather than
    an empty result, because an empty plot hides a typo in the notebook."""
    check_columns(tokens, ["doc_id"])
    doc = tokens[tokens["doc_id"] == doc_id]
    if doc.empty:
        known = sorted(map(str, tokens["doc_id"].unique()))
        shown = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
        raise ArgumentError(f"unknown doc_id {doc_id!r} (known: {shown or 'none'})")
    return doc


def entity_cover(tokens: pd.DataFrame, entities: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per token: the label of the mention that covers it whole (else NA),
    and whether it is that mention's first token."""
    check_columns(tokens, ["doc_id", "para_id", "start", "end"])
    check_columns(entities, ["doc_id", "para_id", "start", "end", "label"], "mentions")
    left = pd.DataFrame({"doc": tokens["doc_id"].astype(str), "para": tokens["para_id"].astype("int64"),
                         "start": tokens["start"].astype("int64"), "end": tokens["end"].astype("int64"),
                         "row": range(len(tokens))}).sort_values("start", kind="stable")
    right = pd.DataFrame({"doc": entities["doc_id"].astype(str), "para": entities["para_id"].astype("int64"),
                          "m_start": entities["start"].astype("int64"), "m_end": entities["end"].astype("int64"),
                          "label": entities["label"].astype(str)}).sort_values("m_start", kind="stable")
    joined = pd.merge_asof(left, right, left_on="start", right_on="m_start", by=["doc", "para"],
                           direction="backward").sort_values("row")
    covered = (joined["end"] <= joined["m_end"]).to_numpy()
    label = pd.Series(joined["label"].where(covered).to_numpy(), index=tokens.index)
    first = pd.Series(covered & (joined["start"] == joined["m_start"]).to_numpy(), index=tokens.index)
    return label, first


def term_labels(tokens: pd.DataFrame, column: str = "lemma") -> pd.Series:
    """The term of every token as a plain string Series on the token index
    (``""`` for tokens without one), the lemma falling back to the surface."""
    check_columns(tokens, [column, "surface"] if column == "lemma" else [column])
    term = tokens[column].astype(object).where(tokens[column].notna(), "").astype(str).str.strip()
    if column == "lemma":
        surface = tokens["surface"].astype(object).where(tokens["surface"].notna(), "")
        term = term.mask(term == "", surface.astype(str).str.strip())
    return term


def word_mask(tokens: pd.DataFrame, terms: pd.Series) -> pd.Series:
    """True for the tokens that are words: a non-empty term whose ``pos`` is
    not punctuation, symbol or space (see the module docstring)."""
    check_columns(tokens, ["pos"])
    return (terms != "") & ~tokens["pos"].astype(object).isin(NON_WORD_POS)


def select_terms(
    tokens: pd.DataFrame,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
    carry: Sequence[str] = (),
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the countable tokens as group columns + ``carry`` + ``term``.

    This is the single definition of "a term" (see the module docstring,
    also for ``entities``); the original index is kept so callers can join
    back to the token table.
    """
    keys = group_columns(by)
    check_columns(tokens, [*keys, *carry, *(["is_content"] if content_only else [])])
    term = term_labels(tokens, column)
    keep = word_mask(tokens, term)
    if content_only:
        keep &= tokens["is_content"].fillna(False).astype(bool)
    if entities is not None:
        label, first = entity_cover(tokens, entities)
        term = term.mask(label.notna(), label)
        keep = (keep & label.isna()) | first
    selected = tokens.loc[keep, list(dict.fromkeys([*keys, *carry]))].copy()
    selected["term"] = term[keep]
    return selected


def sort_counts(counts: pd.DataFrame, keys: list[str], value: str = "count") -> pd.DataFrame:
    """Sort by group, then value descending, then term: ties must come out in
    the same order on every run or figures and reports change for no reason."""
    order = [*keys, value, "term"]
    ascending = [True] * len(keys) + [False, True]
    return counts.sort_values(order, ascending=ascending, ignore_index=True, kind="stable")


def count_terms(
    tokens: pd.DataFrame,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
    *,
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count terms per group as a long table: group columns, ``term``, ``count``
    and ``rel_freq`` (per 1,000 counted tokens of the group); with
    ``entities`` (a mention table) each mention counts once as its entity's
    label (see the module docstring).

    A long table (rather than a wide doc × term matrix) stays small for sparse
    vocabularies and feeds straight into plotting and merging.  Group by any
    token column, e.g. ``"doc_id"``, ``["doc_id", "para_id"]``, a language
    column merged in from the document table, or ``None`` for the whole corpus.
    """
    keys = group_columns(by)
    terms = select_terms(tokens, keys, column, content_only, entities=entities)
    counts = terms.groupby([*keys, "term"], sort=False).size().rename("count").reset_index()
    return finish_term_counts(counts, keys)


def finish_term_counts(counts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Add ``rel_freq`` (per 1,000 counted tokens of the group) to a table of
    group columns, ``term`` and ``count``, and sort it: the last step of
    :func:`count_terms`, shared with the streaming counter so both give the
    same table from the same counts."""
    counts["count"] = counts["count"].astype("int64")
    if keys:
        totals = counts.groupby(keys, sort=False, observed=True)["count"].transform("sum")
    else:
        totals = counts["count"].sum()
    counts["rel_freq"] = counts["count"] / totals * PER_TOKENS
    return sort_counts(counts, keys)


def top_terms(
    tokens: pd.DataFrame,
    n: int = 20,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = True,
    *,
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``n`` most frequent terms per group (ties broken by term, so the cut
    is reproducible); same columns as :func:`count_terms` (``entities`` too)."""
    keys = group_columns(by)
    return head_per_group(count_terms(tokens, keys, column, content_only, entities=entities), keys, n)


def head_per_group(table: pd.DataFrame, keys: list[str], n: int) -> pd.DataFrame:
    """The first ``n`` rows of each group of an already sorted table (the
    whole table is one group when ``keys`` is empty)."""
    if n < 0:
        raise ArgumentError(f"n must be zero or positive, got {n}")
    if not keys:
        return table.head(n)
    return table.groupby(keys, sort=False).head(n).reset_index(drop=True)


def count_bigrams(tokens: pd.DataFrame, by: GroupBy = "doc_id", column: str = "lemma") -> pd.DataFrame:
    """Count pairs of content words that are *adjacent in the original text*.

    Bigrams do NOT skip stop words: a stop word, punctuation or any other
    non-content token between two content words breaks the pair, and pairs never
    cross a paragraph boundary.  So "株主 は 株価" gives no pair while "配当 額"
    does; skipping particles would invent collocations across clause boundaries.
    Adjacency is read from the token index ``i`` (``i`` and ``i + 1``), so a
    token table that was filtered beforehand still yields only real neighbours.

    Returns group columns, ``term`` ("first second", space-joined for display in
    every language), ``first``, ``second`` and ``count``, most frequent first.
    """
    keys = group_columns(by)
    unit = list(PARAGRAPH)
    check_columns(tokens, [*unit, "i"])
    words = select_terms(tokens, keys, column, True, carry=[*unit, "i"])
    words = words.sort_values([*unit, "i"], kind="stable")
    following = words.shift(-1)
    adjacent = (
        (following["doc_id"] == words["doc_id"])
        & (following["para_id"] == words["para_id"])
        & (following["i"] == words["i"] + 1)
    )
    pairs = words.loc[adjacent, keys].copy()
    pairs["first"] = words.loc[adjacent, "term"]
    pairs["second"] = following.loc[adjacent, "term"].astype(str)
    counts = pairs.groupby([*keys, "first", "second"], sort=False).size().rename("count")
    counts = counts.astype("int64").reset_index()
    counts.insert(len(keys), "term", counts["first"] + " " + counts["second"])
    return sort_counts(counts, keys)


def rank_frequency(
    tokens: pd.DataFrame,
    by: GroupBy = "doc_id",
    column: str = "lemma",
    content_only: bool = False,
) -> pd.DataFrame:
    """Rank terms by frequency for a Zipf (log rank vs log frequency) plot.

    Defaults to ``content_only=False`` because Zipf's law describes *all* words:
    the stop words are exactly the head of the curve.  Ranks are ordinal (1, 2,
    3 … with ties broken by term) so every rank appears once.  Returns group
    columns, ``rank``, ``term``, ``freq`` and ``rel_freq``.
    """
    keys = group_columns(by)
    counts = count_terms(tokens, keys, column, content_only)
    if keys:
        ranks = counts.groupby(keys, sort=False).cumcount() + 1
    else:
        ranks = pd.Series(range(1, len(counts) + 1), index=counts.index)
    counts.insert(len(keys), "rank", ranks.astype("int64"))
    return counts.rename(columns={"count": "freq"})


def _is_han(char: str) -> bool:
    """True for a CJK ideograph (kanji), the only script whose one-character
    words carry meaning in a word cloud (株 share, 額 amount, 氏 Mr)."""
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _is_cloud_word(term: str) -> bool:
    """Decide whether a term deserves a place in a word cloud.

    Terms without any letter or digit (punctuation, symbols, whitespace) never
    do.  One-character terms are kept only when they are kanji: a lone kana,
    Latin letter or digit is tokenizer debris ("s" of "Musk's", "ー", "2"),
    whereas 株 or 額 are full words.
    """
    text = term.strip()
    if not any(unicodedata.category(char)[0] in "LN" for char in text):
        return False
    return len(text) > 1 or _is_han(text)


def frequencies_for_wordcloud(
    tokens: pd.DataFrame,
    doc_id: str,
    top_n: int = 200,
    column: str = "lemma",
) -> dict[str, int]:
    """Content-word counts of one document as ``{term: count}`` for
    ``WordCloud.generate_from_frequencies``.

    We hand WordCloud ready-made frequencies instead of raw text because its own
    tokenizer splits on spaces and a regexp, which mangles Japanese and drops
    one-character words; see :func:`_is_cloud_word` for what is kept.  The
    dict is ordered most frequent first and holds plain ``int`` values.
    """
    doc = select_doc(tokens, doc_id)
    counts = count_terms(doc, None, column, content_only=True)
    counts = counts[counts["term"].map(_is_cloud_word).astype(bool)].head(max(top_n, 0))
    return {str(term): int(count) for term, count in zip(counts["term"], counts["count"], strict=True)}


def frequencies_for_wordclouds(
    tokens: pd.DataFrame,
    by: str = "doc_id",
    groups: Sequence[str] | None = None,
    top_n: int = 200,
    column: str = "lemma",
) -> dict[str, dict[str, int]]:
    """:func:`frequencies_for_wordcloud` for several groups of ``by`` at once
    (``{group: {term: count}}``, in the order of ``groups``, default: every
    group in first-seen order), counted in one pass over the tokens instead
    of one filter per document; a group without content words gets ``{}``."""
    counts = count_terms(tokens, by, column, content_only=True)
    counts = counts[counts["term"].map(_is_cloud_word).astype(bool)]
    wanted = [str(group) for group in (groups if groups is not None else tokens[by].drop_duplicates())]
    counts = counts[counts[by].astype(str).isin(wanted)]
    clouds: dict[str, dict[str, int]] = {group: {} for group in wanted}
    for group, part in counts.groupby(counts[by].astype(str), sort=False):
        part = part.head(max(top_n, 0))
        clouds[group] = {str(term): int(n) for term, n in zip(part["term"], part["count"], strict=True)}
    return clouds
