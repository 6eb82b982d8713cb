"""Compare articles: distinctive terms, similarity and what drives it, and how
big a "token" is in each language.

The statistics themselves live in :mod:`newskit.keyness` (G², log ratio,
TF-IDF, cosine) and :mod:`newskit.frequency`; this module applies them the way
a comparison of articles needs them:

* **distinctive terms** of each article against the *other articles of the
  comparison set* (not the whole corpus: a Japanese article compared with
  German text would find every Japanese word "distinctive");
* **similarity explained**: cosine similarity of tf-idf vectors is a sum over
  shared terms, so each pair of articles can be broken down into the terms
  that make it similar.  Across languages the only shared terms are names
  written the same way in both scripts (``xAI``, ``GPU``), so cross-language
  similarity measures shared spelling, not shared content;
* **token size per language**: UniDic cuts Japanese into short units, German
  writes compounds as one word, Indonesian glues affixes on: a token is not the
  same unit in every language, so raw counts only compare within a language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newskit.corpus import Corpus
from newskit.errors import CorpusError
from newskit.frequency import NON_WORD_POS, check_columns, select_terms, sort_counts
from newskit.keyness import compute_keyness, compute_tfidf
from newskit.kwic import match_terms
from newskit.overview import summarise_by_language, summarise_lengths

#: G² above this is significant at p < 0.05 (χ², one degree of freedom).
CRITICAL_G2 = 3.84


def add_document_column(tokens: pd.DataFrame, documents: pd.DataFrame, column: str = "lang") -> pd.DataFrame:
    """Copy one catalog column (default ``lang``) onto every token, so counts
    can be grouped by it (``count_terms(tokens, by="lang")``).  The token
    table's index and row order are kept."""
    check_columns(documents, ["doc_id", column], "documents")
    if column in tokens.columns:
        raise CorpusError(None, f"the tokens table already has a column {column!r}")
    lookup = dict(zip(documents["doc_id"].astype(str), documents[column], strict=True))
    values = tokens["doc_id"].astype(str).map(lookup)
    if values.isna().any():
        unknown = sorted(set(tokens.loc[values.isna(), "doc_id"].astype(str)))
        raise CorpusError(None, f"doc_id(s) {', '.join(unknown)} are not in the documents table")
    return tokens.assign(**{column: values})


def restrict(tokens: pd.DataFrame, doc_ids: Sequence[str]) -> pd.DataFrame:
    """The tokens of ``doc_ids`` only; every id must have tokens (a comparison
    that silently drops an article would mislead)."""
    check_columns(tokens, ["doc_id"])
    wanted = [str(doc) for doc in doc_ids]
    present = set(tokens["doc_id"].astype(str))
    missing = [doc for doc in wanted if doc not in present]
    if missing:
        raise CorpusError(None, f"no tokens for doc_id(s) {', '.join(missing)}")
    return tokens[tokens["doc_id"].astype(str).isin(wanted)]


def add_rank(table: pd.DataFrame) -> pd.DataFrame:
    """Number rows 1, 2, 3 … within each ``doc_id`` (the table is already sorted)."""
    ranked = table.reset_index(drop=True)
    ranked.insert(1, "rank", ranked.groupby("doc_id", sort=False).cumcount() + 1)
    return ranked


def distinctive_tfidf(tokens: pd.DataFrame, doc_ids: Sequence[str], n: int = 10) -> pd.DataFrame:
    """The ``n`` highest tf-idf content terms of each of ``doc_ids``, with idf
    computed over ``doc_ids`` only: ``doc_id, rank, term, count, tf, df, idf,
    tfidf``, documents in the order given.

    With few documents idf can take only a few values (three articles: 1.0,
    1.29, 1.69), so a name frequent in every article still tops the list; read
    it next to :func:`distinctive_keyness`."""
    if n < 0:
        raise CorpusError(None, f"n must be zero or positive, got {n}")
    subset = restrict(tokens, doc_ids)
    scores = compute_tfidf(subset, "doc_id")
    scores["doc_id"] = scores["doc_id"].astype(str)
    order = {doc: k for k, doc in enumerate(map(str, doc_ids))}
    scores = scores.sort_values("doc_id", key=lambda s: s.map(order), kind="stable")
    return add_rank(scores.groupby("doc_id", sort=False).head(n))


def distinctive_keyness(
    tokens: pd.DataFrame, doc_ids: Sequence[str], n: int = 10, min_count: int = 2
) -> pd.DataFrame:
    """For each of ``doc_ids``, the ``n`` terms it over-uses most against the
    *other* documents of ``doc_ids`` by log-likelihood G², with Hardie's log
    ratio as effect size: ``doc_id, rank, term, freq_target, freq_ref, g2,
    p_value, log_ratio``.  Terms with ``freq_target + freq_ref < min_count``
    are ignored (see :func:`newskit.keyness.compute_keyness`)."""
    if n < 0:
        raise CorpusError(None, f"n must be zero or positive, got {n}")
    docs = [str(doc) for doc in doc_ids]
    if len(set(docs)) < 2:
        raise CorpusError(None, f"keyness compares documents with each other: give at least two (got {docs})")
    subset = restrict(tokens, docs)
    parts = []
    for doc in docs:
        others = [other for other in docs if other != doc]
        scores = compute_keyness(subset, doc, others, min_count=min_count)
        over = scores[scores["direction"] == "over"].head(n)
        parts.append(over.assign(doc_id=doc))
    columns = ["doc_id", "term", "freq_target", "freq_ref", "g2", "p_value", "log_ratio"]
    return add_rank(pd.concat(parts, ignore_index=True)[columns])


def wide_ranks(table: pd.DataFrame, by: str = "doc_id", term: str = "term", value: str | None = "count",
               digits: int = 0) -> pd.DataFrame:
    """A ranked long table (most important first within each group, as
    :func:`newskit.frequency.top_terms` returns it) as a readable wide one:
    one row per rank, one column per group in first-seen order, cells
    ``"term (value)"`` (just the term when ``value`` is ``None``; values rounded
    to ``digits``).  Shorter lists leave empty cells."""
    check_columns(table, [by, term, *([value] if value else [])], "ranked terms")
    if table.empty:
        return pd.DataFrame(index=pd.RangeIndex(1, 1, name="rank"))
    labels = table[term].astype(str)
    if value:
        numbers = table[value].astype(float).round(digits)
        shown = numbers.map(lambda x: f"{x:.{digits}f}")
        labels = labels + " (" + shown + ")"
    ranked = pd.DataFrame({by: table[by].astype(str).to_numpy(), "label": labels.to_numpy()})
    ranked["rank"] = ranked.groupby(by, sort=False).cumcount() + 1
    wide = ranked.pivot(index="rank", columns=by, values="label").fillna("")
    wide = wide[list(dict.fromkeys(ranked[by]))]
    wide.columns.name = by
    return wide


def side_by_side(tables: Mapping[str, pd.DataFrame], term: str = "term") -> pd.DataFrame:
    """Put ranked term lists next to each other for reading: one row per
    ``rank``, one column per (``doc_id``, method) with the method names taken
    from the keys of ``tables`` (e.g. ``{"tf-idf": …, "G²": …}``).  Lists of
    unequal length leave empty cells."""
    if not tables:
        raise CorpusError(None, "give at least one table to put side by side")
    columns = {}
    for method, table in tables.items():
        check_columns(table, ["doc_id", "rank", term], "ranked terms")
        for doc, part in table.groupby("doc_id", sort=False):
            columns[(str(doc), method)] = part.set_index("rank")[term].astype(str)
    wide = pd.DataFrame(columns).fillna("")
    docs = list(dict.fromkeys(doc for doc, _ in columns))
    wide = wide[[(doc, method) for doc in docs for method in tables if (doc, method) in columns]]
    wide.index.name = "rank"
    return wide


def order_by_language(matrix: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Reorder a documents × documents matrix by language (alphabetical), then
    catalog order, and label rows and columns ``doc_id (lang)``, so blocks of
    same-language articles sit together on a heatmap."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    docs = documents[["doc_id", "lang"]].astype(str).reset_index(drop=True)
    docs = docs[docs["doc_id"].isin(matrix.index.astype(str))]
    docs = docs.sort_values("lang", kind="stable")
    labels = [f"{doc} ({lang})" for doc, lang in zip(docs["doc_id"], docs["lang"], strict=True)]
    ordered = matrix.loc[list(docs["doc_id"]), list(docs["doc_id"])]
    return pd.DataFrame(ordered.to_numpy(), index=labels, columns=labels)


def similarity_pairs(matrix: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every unordered pair of documents of a similarity matrix as rows:
    ``doc_a, doc_b, lang_a, lang_b, same_language, cosine``, most similar first."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    lang = dict(zip(documents["doc_id"].astype(str), documents["lang"].astype(str), strict=True))
    ids = [str(doc) for doc in matrix.index]
    rows = [
        (a, b, lang[a], lang[b], lang[a] == lang[b], float(matrix.iloc[i, j]))
        for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j
    ]
    pairs = pd.DataFrame(rows, columns=["doc_a", "doc_b", "lang_a", "lang_b", "same_language", "cosine"])
    return pairs.sort_values(["cosine", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def similarity_contributions(
    tokens: pd.DataFrame, pairs: Sequence[tuple[str, str]], n: int | None = None
) -> pd.DataFrame:
    """Break the cosine similarity of each pair of documents into its terms.

    With unit tf-idf vectors ``u`` and ``v`` (idf over every document in
    ``tokens``, exactly as :func:`newskit.keyness.cosine_similarity_matrix`),
    ``cos = Σ u_t v_t``: each shared term ``t`` contributes ``u_t v_t``.
    Returns ``doc_a, doc_b, term, contribution, share`` (of the pair's cosine),
    largest first, ``n`` terms per pair (all when ``None``); the contributions
    of a pair sum to its cosine similarity."""
    scores = compute_tfidf(tokens, "doc_id")
    scores["doc_id"] = scores["doc_id"].astype(str)
    matrix = scores.pivot_table(index="doc_id", columns="term", values="tfidf", aggfunc="sum", fill_value=0.0)
    norms = np.linalg.norm(matrix.to_numpy(dtype=float), axis=1)
    unit = matrix.div(np.where(norms > 0, norms, 1.0), axis=0)
    parts = []
    for a, b in pairs:
        for doc in (a, b):
            if doc not in unit.index:
                raise CorpusError(None, f"no counted terms for doc_id {doc!r}")
        product = unit.loc[a] * unit.loc[b]
        product = product[product > 0].sort_values(ascending=False, kind="stable")
        total = float(product.sum())
        part = pd.DataFrame({"doc_a": a, "doc_b": b, "term": product.index.astype(str),
                             "contribution": product.to_numpy(dtype=float)})
        part["share"] = part["contribution"] / total if total > 0 else 0.0
        part = sort_counts(part, [], value="contribution")
        parts.append(part if n is None else part.head(n))
    columns = ["doc_a", "doc_b", "term", "contribution", "share"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def summarise_contributions(contributions: pd.DataFrame, n_terms: int = 4) -> pd.DataFrame:
    """One row per pair of :func:`similarity_contributions` (computed with
    ``n=None``): ``doc_a, doc_b, cosine`` (the sum of the contributions),
    ``shared_terms`` (how many terms the pair shares), ``latin_share`` (the
    part of the cosine due to terms containing a Latin letter, i.e. names
    spelt alike in every language) and the ``top_terms``."""
    check_columns(contributions, ["doc_a", "doc_b", "term", "contribution"], "contributions")
    latin = contributions["term"].map(has_latin_letter).astype(bool)
    frame = contributions.assign(latin=contributions["contribution"].where(latin, 0.0))
    grouped = frame.groupby(["doc_a", "doc_b"], sort=False)
    summary = grouped.agg(cosine=("contribution", "sum"), shared_terms=("term", "size"),
                          latin=("latin", "sum"))
    summary["latin_share"] = (summary.pop("latin") / summary["cosine"].where(summary["cosine"] > 0)).fillna(0.0)
    summary["top_terms"] = grouped["term"].agg(lambda terms: ", ".join(terms.head(n_terms)))
    return summary.reset_index()


def has_latin_letter(term: str) -> bool:
    """True when ``term`` contains a Latin letter (A–Z, also accented or full-width)."""
    return any(unicodedata.name(char, "").startswith(("LATIN", "FULLWIDTH LATIN")) for char in term)


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


def plot_keyness(table: pd.DataFrame, ncols: int = 3, title: str | None = None) -> Figure:
    """Horizontal G² bars per document (from :func:`distinctive_keyness`),
    largest on top, each labelled with its log ratio (effect size: +1 = twice
    as frequent as in the other articles); the dashed line marks G² = 3.84
    (p = 0.05)."""
    check_columns(table, ["doc_id", "term", "g2", "log_ratio"], "keyness")
    if table.empty:
        raise CorpusError(None, "nothing to plot: the keyness table is empty")
    docs = list(table["doc_id"].drop_duplicates())
    ncols = max(1, min(ncols, len(docs)))
    nrows = -(-len(docs) // ncols)
    longest = int(table.groupby("doc_id", sort=False).size().max())
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.8 * ncols, (0.3 * longest + 1.2) * nrows),
                             squeeze=False, layout="constrained")
    limit = float(table["g2"].max()) * 1.3
    for ax, doc in zip(axes.flat, docs, strict=False):
        part = table[table["doc_id"] == doc].iloc[::-1]
        positions = np.arange(len(part))
        ax.barh(positions, part["g2"].to_numpy(), color="tab:purple")
        ax.set_yticks(positions, part["term"].astype(str).tolist())
        for y, (g2, ratio) in enumerate(zip(part["g2"], part["log_ratio"], strict=True)):
            ax.text(g2, y, f" LR {ratio:+.1f}", va="center", fontsize="small")
        ax.axvline(CRITICAL_G2, color="grey", linestyle="--", linewidth=1)
        ax.set_xlim(0, limit)
        ax.set(xlabel="G² (log-likelihood)", title=str(doc))
    for ax in axes.flat[len(docs):]:
        ax.set_visible(False)
    if title:
        fig.suptitle(title)
    return fig


#: Why a token is a different unit in each language (used by :func:`describe_token_sizes`).
TOKEN_UNITS = {
    "ja": "UniDic cuts Japanese into *short units*: a word such as 電気自動車 becomes 電気 / 自動 / 車, "
          "and particles and inflections are tokens of their own",
    "de": "German writes compounds as one word, so one token can hold what other languages "
          "say in three or four",
    "id": "Indonesian attaches affixes to the stem (mem-, -nya, per-an) and writes reduplicated plurals "
          "with a hyphen (perusahaan-perusahaan), both kept as one token",
    "en": "English writes compounds as separate words, so a token is close to a dictionary word",
}


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
        unit = TOKEN_UNITS.get(str(lang), "")
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
