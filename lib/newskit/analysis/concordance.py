"""Keyword in context (KWIC) lines, hits per document, and dispersion positions.

Contexts are cut from the *paragraph text* with the tokens' character offsets,
never re-joined from token strings: Japanese has no spaces between words and
Latin-script text keeps its own spacing (even a double space), so
``left + keyword + right`` is always a verbatim slice of the paragraph.

The window is counted in **tokens** (default 5 each side), not characters: five
tokens are about five words in every language, whereas a fixed number of
characters would show half a sentence of Japanese but cut German mid-word.
Contexts stay inside the paragraph (offsets are paragraph-relative).

How a query matches is its ``mode`` (:mod:`newskit.analysis.matching`): whole
tokens (default; lemma or surface, NFKC and case folded, several words on
consecutive tokens), every form of a lemma, a substring of the text, or a
regular expression.  A query that finds nothing gives an empty table whose
``attrs["note"]`` says so — and, in token mode, how often the text contains the
string inside longer tokens (``Grok`` in ``Grok 2``, ``Grok-1.5V``).

**Sorting** (``sort=``) follows the concordancers: ``"R1"`` orders the lines by
the first word right of the keyword, ``"L2"`` by the second word to the left,
``"KW"`` by the keyword; several keys (``"R1,R2"`` or ``["L1", "R1"]``) break
ties in turn, and reading order breaks the rest.  Context words are words as
:func:`~newskit.analysis.frequency.word_mask` defines them (punctuation is
skipped), compared NFKC and case folded; a missing word (paragraph edge) sorts
first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypedDict, Unpack

import numpy as np
import pandas as pd

from newskit.analysis.frequency import check_columns, select_doc, term_labels, word_mask
from newskit.analysis.matching import (
    MATCH_MODES,
    FoldedText,
    fold_series,
    fold_text,
    fold_texts,
    query_list,
    text_spans,
    token_spans,
)
from newskit.errors import ArgumentError

__all__ = ["KWIC_COLUMNS", "MATCH_COLUMNS", "Concordancer", "KwicSettings", "count_hits", "dispersion", "kwic",
           "match_terms", "order_tokens", "term_coverage"]

#: Token columns a query term is compared with unless told otherwise.
MATCH_COLUMNS = ("lemma", "surface")

KWIC_COLUMNS = ["doc_id", "para_id", "i", "start", "end", "term", "left", "keyword", "right", "match"]

_SORT_KEY = re.compile(r"^(?:([LR])([1-9]\d*)|KW)$")


class KwicSettings(TypedDict, total=False):
    """Optional keywords of :func:`kwic`: ``mode`` (one of
    :data:`~newskit.analysis.matching.MATCH_MODES`, default ``"token"``) and
    ``sort`` (``None`` = reading order, ``"R1"``, ``"L1,L2"``, ``["KW", "R1"]``)."""

    mode: str
    sort: str | Sequence[str] | None


def match_terms(
    tokens: pd.DataFrame, terms: str | Sequence[str], column: str | Sequence[str] = MATCH_COLUMNS
) -> pd.Series:
    """Return, for every token, the query term it matches as a whole token
    (``None`` if none).

    Returning the *query* spelling rather than a boolean lets several terms be
    searched in one pass and labelled in the output.
    """
    wanted = {fold_text(term): term for term in query_list(terms)}
    columns = [column] if isinstance(column, str) else list(column)
    check_columns(tokens, columns)
    matched = pd.Series(None, index=tokens.index, dtype=object)
    for name in columns:
        folded = pd.Series(fold_series(tokens[name]), index=tokens.index)
        matched = matched.where(matched.notna(), folded.map(wanted).astype(object))
    return matched.where(matched.notna(), None)


def order_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """Sort tokens in reading order and number them within each paragraph
    (``seq``) so windows are counted in positions even if ``i`` has gaps;
    ``para`` numbers the paragraphs; the part-of-speech column ``pos`` is
    left alone."""
    check_columns(tokens, ["doc_id", "para_id", "i", "start", "end"])
    ordered = tokens.sort_values(["doc_id", "para_id", "i"], kind="stable", ignore_index=True)
    groups = ordered.groupby(["doc_id", "para_id"], sort=False, observed=True)
    ordered["seq"] = groups.cumcount()
    ordered["n_para"] = groups["i"].transform("size")
    ordered["para"] = groups.ngroup()
    return ordered


def _parse_sort(sort: str | Sequence[str] | None) -> list[str]:
    """``"R1,R2"`` / ``["L1"]`` / ``None`` → a list of checked sort keys."""
    if sort is None:
        return []
    keys = [key.strip().upper() for key in (sort.split(",") if isinstance(sort, str) else sort)]
    bad = [key for key in keys if not _SORT_KEY.match(key)]
    if bad or not keys:
        raise ArgumentError(f"sort={sort!r}: use L1, L2 … (words left of the keyword), R1, R2 … (right) or KW, "
                            "e.g. sort='R1' or sort=['L1', 'R1']")
    return keys


class Concordancer:
    """A token table and its paragraphs prepared once for many KWIC queries
    (the interactive explorer asks one per keystroke): reading order, word
    numbers for sorting and, on first use, the NFKC paragraph texts."""

    def __init__(self, tokens: pd.DataFrame, paragraphs: pd.DataFrame) -> None:
        check_columns(paragraphs, ["doc_id", "para_id", "text"], "paragraphs")
        self.ordered = order_tokens(tokens)
        self.doc_order = list(dict.fromkeys(tokens["doc_id"].astype(str)))
        self.paragraphs = paragraphs
        words = word_mask(self.ordered, term_labels(self.ordered, "surface")).to_numpy()
        before = np.cumsum(words) - words
        para = self.ordered["para"].to_numpy()
        self.word_rank = before - before[np.searchsorted(para, para)]  # words before each row, in its paragraph
        self.is_word = words.astype("int64")
        self.words_before = before
        self.word_rows = np.flatnonzero(words)
        self._texts: list[FoldedText] | None = None
        self._folded: np.ndarray | None = None

    @property
    def texts(self) -> list[FoldedText]:
        """The searchable paragraph texts (NFKC), folded on first use."""
        if self._texts is None:
            self._texts = fold_texts(self.ordered, self.paragraphs)
        return self._texts

    def spans(self, terms: list[str], mode: str, column: str | Sequence[str]) -> pd.DataFrame:
        """The hits of ``terms`` in ``mode`` (see :mod:`newskit.analysis.matching`)."""
        if mode not in MATCH_MODES:
            raise ArgumentError(f"mode={mode!r}: choose one of {', '.join(MATCH_MODES)}")
        if mode in ("substring", "regex"):
            return text_spans(self.ordered, self.texts, terms, regex=mode == "regex")
        columns = [column] if isinstance(column, str) else list(column)
        return token_spans(self.ordered, terms, columns, lemma=mode == "lemma")

    def kwic(self, term: str | Sequence[str], column: str | Sequence[str] = MATCH_COLUMNS, window: int = 5,
             **settings: Unpack[KwicSettings]) -> pd.DataFrame:
        """KWIC lines of ``term``: see :func:`kwic`."""
        unknown = sorted(set(settings) - set(KwicSettings.__annotations__))
        if unknown:
            raise ArgumentError(f"kwic got unknown keyword(s) {', '.join(unknown)} (it takes mode, sort)")
        if window < 0:
            raise ArgumentError(f"window must be zero or positive, got {window}")
        mode, keys = settings.get("mode", "token"), _parse_sort(settings.get("sort"))
        terms = query_list(term)
        spans = self.spans(terms, mode, column)
        lines = self.lines(spans, window)
        if keys and len(lines):
            lines = self.sort_lines(lines, spans, keys)
        lines.attrs.update({"mode": mode, "window": window, "sort": keys, "query": terms})
        note = self.note(terms, mode, len(lines))
        if note:
            lines.attrs["note"] = note
        return lines

    def lines(self, spans: pd.DataFrame, window: int) -> pd.DataFrame:
        """One KWIC line per span, in reading order (see :func:`kwic`)."""
        extra = ["kind"] if "kind" in self.paragraphs.columns else []
        if spans.empty:
            return pd.DataFrame(columns=[*KWIC_COLUMNS, *extra])
        o = self.ordered
        first, last = spans["first"].to_numpy(), spans["last"].to_numpy()
        seq, size = o["seq"].to_numpy(), o["n_para"].to_numpy()
        starts, ends = o["start"].to_numpy(), o["end"].to_numpy()
        hits = pd.DataFrame({
            "doc_id": o["doc_id"].to_numpy()[first], "para_id": o["para_id"].to_numpy()[first],
            "i": o["i"].to_numpy()[first],
            "start": np.minimum(starts[first], spans["match_start"].to_numpy()),
            "end": np.maximum(ends[last], spans["match_end"].to_numpy()), "term": spans["term"].to_numpy(),
            "left_start": starts[first - np.minimum(window, seq[first])],
            "right_end": ends[last + np.minimum(window, size[last] - 1 - seq[last])],
            "match_start": spans["match_start"].to_numpy(), "match_end": spans["match_end"].to_numpy()})
        text = _attach_text(hits, self.paragraphs)
        rows = zip(text, hits["left_start"], hits["start"], hits["end"], hits["right_end"], hits["match_start"],
                   hits["match_end"], strict=True)
        slices = [(t[ls:s], t[s:e], t[e:re], t[ms:me]) for t, ls, s, e, re, ms, me in rows]
        hits[["left", "keyword", "right", "match"]] = pd.DataFrame(slices, index=hits.index)
        result = hits[KWIC_COLUMNS]
        if extra:
            kinds = self.paragraphs.drop_duplicates(["doc_id", "para_id"])[["doc_id", "para_id", "kind"]]
            result = result.merge(kinds, on=["doc_id", "para_id"], how="left")
        return result

    def context_words(self, spans: pd.DataFrame, key: str) -> np.ndarray:
        """The folded word at sort position ``key`` (L1, R2 …) of every span, ``""``
        beyond the paragraph."""
        if self._folded is None:
            self._folded = fold_series(self.ordered["surface"])
        first, last = spans["first"].to_numpy(), spans["last"].to_numpy()
        para = self.ordered["para"].to_numpy()
        distance = int(key[1:])
        if key[0] == "L":
            rows, number = first, self.word_rank[first] - distance
        else:
            rows, number = last, self.word_rank[last] + self.is_word[last] + distance - 1
        total = np.bincount(para[self.word_rows], minlength=para.max() + 1)[para[rows]]
        inside = (number >= 0) & (number < total)
        index = self.words_before[np.searchsorted(para, para[rows])] + np.where(inside, number, 0)
        found = self._folded[self.word_rows[np.minimum(index, len(self.word_rows) - 1)]] if len(self.word_rows) \
            else np.full(len(rows), "", dtype=object)
        return np.where(inside, found, "")

    def sort_lines(self, lines: pd.DataFrame, spans: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
        """``lines`` ordered by the context words of ``keys``, then reading order."""
        frame = pd.DataFrame({key: (lines["keyword"].map(fold_text).to_numpy() if key == "KW"
                                    else self.context_words(spans, key)) for key in dict.fromkeys(keys)})
        frame["reading"] = np.arange(len(frame))
        order = frame.sort_values([*dict.fromkeys(keys), "reading"], kind="stable").index
        return lines.iloc[order].reset_index(drop=True)

    def note(self, terms: list[str], mode: str, found: int) -> str:
        """What an empty or partial result means (module docstring)."""
        if mode != "token":
            return "" if found else f"{', '.join(map(repr, terms))} matches nothing (mode={mode!r})."
        inside = text_spans(self.ordered, self.texts, terms, regex=False)
        if found == 0 and inside.empty:
            return (f"{', '.join(map(repr, terms))} matches no token and does not occur in the text either "
                    "(mode='token'; check the spelling, or try mode='regex').")
        if len(inside) <= found:
            return ""
        surfaces = self.ordered["surface"].astype(str).to_numpy()[inside["first"].to_numpy()]
        wanted = {fold_text(term) for term in terms}
        forms = pd.Series([form for form in surfaces if fold_text(form) not in wanted], dtype=object)
        examples = ", ".join(forms.value_counts().sort_index(kind="stable").sort_values(
            ascending=False, kind="stable").index[:3])
        return (f"mode='token' found {found} whole-token hit(s); the text contains {', '.join(map(repr, terms))} "
                f"{len(inside)} times, also inside longer tokens" + (f" ({examples})" if examples else "")
                + ": mode='substring' finds them all.")

    def count_hits(self, lines: pd.DataFrame) -> pd.DataFrame:
        """Hits per document of ``lines`` (see :func:`count_hits`)."""
        words = pd.Series(self.is_word).groupby(self.ordered["doc_id"].astype(str).to_numpy()).sum()
        return _hits_table(lines, words.reindex(self.doc_order))


def _attach_text(hits: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.Series:
    """Look up each hit's paragraph text, failing loudly when the paragraph is
    missing or too short for the offsets: tokens from another corpus version."""
    check_columns(paragraphs, ["doc_id", "para_id", "text"], "paragraphs")
    texts = paragraphs.drop_duplicates(["doc_id", "para_id"]).set_index(["doc_id", "para_id"])["text"]
    keys = pd.MultiIndex.from_frame(hits[["doc_id", "para_id"]])
    text = pd.Series(texts.reindex(keys).to_numpy(), index=hits.index, dtype=object)
    if text.isna().any():
        missing = hits.loc[text.isna(), ["doc_id", "para_id"]].iloc[0].tolist()
        raise ArgumentError(f"no paragraph text for doc_id/para_id {missing}")
    too_short = text.str.len() < hits["right_end"]
    if too_short.any():
        bad = hits.loc[too_short, ["doc_id", "para_id"]].iloc[0].tolist()
        raise ArgumentError(f"token offsets run past the paragraph text at {bad}")
    return text


def kwic(
    tokens: pd.DataFrame,
    paragraphs: pd.DataFrame,
    term: str | Sequence[str],
    column: str | Sequence[str] = MATCH_COLUMNS,
    window: int = 5,
    **settings: Unpack[KwicSettings],
) -> pd.DataFrame:
    """Concordance of ``term`` (one query or several): one row per hit with
    ``doc_id, para_id, i, start, end, term, left, keyword, right, match`` (plus
    ``kind`` when the paragraph table has it), in reading order or as ``sort``
    says (module docstring).

    ``left``/``right`` span up to ``window`` tokens, cut from the paragraph
    text by offsets; ``keyword`` is the text of the matched tokens and
    ``match`` the characters the query matched (the same in token mode).
    ``mode`` is ``"token"`` (``column`` picks the token columns compared,
    e.g. ``"lemma"`` alone to ignore inflected surfaces), ``"lemma"``,
    ``"substring"`` or ``"regex"`` (:mod:`newskit.analysis.matching`).
    ``attrs["note"]`` explains an empty or partial result.  For many queries
    on one corpus build a :class:`Concordancer` once.
    """
    return Concordancer(tokens, paragraphs).kwic(term, column, window, **settings)


def _hits_table(lines: pd.DataFrame, words: pd.Series) -> pd.DataFrame:
    """``doc_id, hits, words, per_1000_words, forms`` for the documents of
    ``words`` (word count per document, in order)."""
    check_columns(lines, ["doc_id", "keyword"], "kwic")
    keys = lines["doc_id"].astype(str)
    hits = keys.value_counts().reindex(words.index, fill_value=0).astype("int64")
    forms = lines.assign(doc_id=keys).groupby(["doc_id", "keyword"]).size().rename("n").reset_index()
    forms = forms.sort_values(["doc_id", "n", "keyword"], ascending=[True, False, True], kind="stable")
    joined = forms.groupby("doc_id", sort=False).apply(
        lambda part: ", ".join(f"{k} ×{n}" for k, n in zip(part["keyword"][:5], part["n"][:5], strict=True)),
        include_groups=False) if len(forms) else pd.Series(dtype=object)
    table = pd.DataFrame({"doc_id": words.index.astype(str), "hits": hits.to_numpy(),
                          "words": words.to_numpy().astype("int64")})
    table["per_1000_words"] = np.where(table["words"] > 0, table["hits"] / table["words"].clip(lower=1) * 1000, 0.0)
    table["forms"] = table["doc_id"].map(joined).fillna("").astype(str)
    return table


def count_hits(lines: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Hits per document of a :func:`kwic` table: ``doc_id, hits, words,
    per_1000_words`` (words as :func:`~newskit.analysis.frequency.word_mask`
    counts them: stop words included, punctuation not) and ``forms``, the
    keyword forms found, most frequent first ("Grok ×12, Grok 2 ×8").  Every
    document of ``tokens`` has a row, zero hits included, in order of
    appearance — a document where the term is absent is a finding too."""
    check_columns(tokens, ["doc_id"])
    words = word_mask(tokens, term_labels(tokens)).astype("int64")
    return _hits_table(lines, words.groupby(tokens["doc_id"].astype(str).to_numpy(), sort=False).sum())


def dispersion(
    tokens: pd.DataFrame,
    term: str | Sequence[str],
    doc_id: str,
    column: str | Sequence[str] = MATCH_COLUMNS,
) -> pd.DataFrame:
    """Where ``term`` (one or several) occurs across one article, for a
    dispersion plot: ``term, doc_id, para_id, i, offset, n_tokens,
    rel_position``.

    ``offset`` is the 0-based position among *all* tokens of the document in
    reading order (punctuation included, so it tracks running text), and
    ``rel_position = offset / n_tokens`` puts articles of any length on 0–1.
    Rows follow the order the terms were given (the plot's row order), then
    offset; a term with no hits simply has no rows.
    """
    doc = order_tokens(select_doc(tokens, doc_id))
    doc["offset"] = np.arange(len(doc), dtype="int64")
    matched = match_terms(doc, term, column)
    hits = doc[matched.notna()].assign(term=matched[matched.notna()])
    order = {name: rank for rank, name in enumerate([term] if isinstance(term, str) else term)}
    hits = hits.assign(term_rank=hits["term"].map(order)).sort_values(["term_rank", "offset"])
    result = hits[["term", "doc_id", "para_id", "i", "offset"]].reset_index(drop=True)
    result["n_tokens"] = np.int64(len(doc))
    result["rel_position"] = result["offset"] / len(doc)
    return result


def term_coverage(tokens: pd.DataFrame, term: str) -> pd.DataFrame:
    """How much of a term a whole-token search finds, per document.

    KWIC and dispersion match whole tokens, so ``GPU`` misses the German
    plural ``GPUs`` and compounds such as ``Tesla-GPUs``.  Returns ``doc_id``,
    ``matched`` (tokens KWIC finds), ``containing`` (tokens whose surface
    contains the term, NFKC and case-insensitive) and ``missed`` (the distinct
    surfaces that contain it without matching, sorted), one row per document
    of ``tokens`` in order of appearance, zero rows included."""
    check_columns(tokens, ["doc_id", "surface"])
    needle = fold_text(term)
    if not needle:
        raise ArgumentError("give a non-empty search term")
    docs = list(dict.fromkeys(tokens["doc_id"].astype(str)))
    doc_ids = tokens["doc_id"].astype(str)
    matched = match_terms(tokens, term).notna()
    folded = tokens["surface"].fillna("").astype(str).str.normalize("NFKC").str.casefold()
    containing = folded.str.contains(needle, regex=False)
    missed_surfaces: dict[str, set[str]] = {}
    for doc, surface in zip(doc_ids[containing & ~matched], tokens.loc[containing & ~matched, "surface"], strict=True):
        missed_surfaces.setdefault(doc, set()).add(str(surface))
    return pd.DataFrame({
        "doc_id": docs,
        "matched": [int(matched[doc_ids == doc].sum()) for doc in docs],
        "containing": [int(containing[doc_ids == doc].sum()) for doc in docs],
        "missed": [", ".join(sorted(missed_surfaces.get(doc, ()))) for doc in docs],
    })
