"""Resolve notebook parameters that name documents or terms against a corpus.

A notebook's ``parameters`` cell is written for the project corpus, but the
same notebook must run unchanged on any other corpus folder (papermill ``-p
DATA_DIR data/examples``).  Parameters that name a ``doc_id`` or a search term
therefore go through these functions, which apply one rule everywhere:

* ``None`` means "the obvious default" (the first document of the catalog,
  the most frequent terms of the document);
* a ``doc_id`` that does not exist is an error naming the known ids (a typo
  must not silently produce an empty chart);
* search *terms* that do not occur are not an error, because a term is a
  question about the text, not a name in the catalog: they are reported in a
  note, and if none of them occur the most frequent content terms are used
  instead, so the chart still shows something meaningful.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from newskit.analysis.frequency import check_columns, select_doc, top_terms
from newskit.analysis.concordance import MATCH_COLUMNS, match_terms
from newskit.errors import ArgumentError

__all__ = ["DocChoice", "TermChoice", "choose_doc", "docs_in_language", "resolve_doc", "resolve_group",
           "resolve_sample_docs", "resolve_story", "resolve_terms"]


class TermChoice(NamedTuple):
    """Terms to search for, and a sentence saying what was changed (empty
    when the requested terms were used as given)."""

    terms: list[str]
    note: str


def resolve_doc(documents: pd.DataFrame, doc_id: str | None) -> str:
    """Return ``doc_id`` if the catalog has it; ``None`` means the first
    document of the catalog (its reading order)."""
    check_columns(documents, ["doc_id"], "documents")
    known = [str(doc) for doc in documents["doc_id"]]
    if not known:
        raise ArgumentError("the corpus has no documents")
    if doc_id is None:
        return known[0]
    if doc_id not in known:
        raise ArgumentError(f"unknown doc_id {doc_id!r} (known: {', '.join(known)}); "
                                "use None for the first document")
    return doc_id


def docs_in_language(documents: pd.DataFrame, lang: str, minimum: int = 1) -> list[str]:
    """The ``doc_id`` of every document in ``lang``, in catalog order; raise
    when there are fewer than ``minimum`` (e.g. 2 for a comparison)."""
    check_columns(documents, ["doc_id", "lang"], "documents")
    docs = [str(doc) for doc in documents.loc[documents["lang"] == lang, "doc_id"]]
    if len(docs) < minimum:
        counts = documents["lang"].value_counts().sort_index()
        have = ", ".join(f"{code}: {n}" for code, n in counts.items()) or "none"
        raise ArgumentError(f"the corpus has {len(docs)} document(s) in {lang!r} but this needs "
                                f"at least {minimum} (documents per language: {have})")
    return docs


def resolve_terms(
    tokens: pd.DataFrame,
    terms: str | Sequence[str] | None,
    doc_id: str | None = None,
    fallback_n: int = 5,
    column: str | Sequence[str] = MATCH_COLUMNS,
) -> TermChoice:
    """Keep the requested ``terms`` that occur (in ``doc_id``, or anywhere when
    ``None``), matched like :func:`newskit.analysis.concordance.kwic` does (lemma or surface,
    NFKC, case-insensitive).  Terms without hits are named in the note; if no
    term is left (or ``terms`` is ``None``), the ``fallback_n`` most frequent
    content terms of the same tokens are returned instead."""
    scope = tokens if doc_id is None else select_doc(tokens, doc_id)
    where = "the corpus" if doc_id is None else repr(doc_id)
    wanted = [] if terms is None else [terms] if isinstance(terms, str) else list(terms)
    found = set(match_terms(scope, wanted, column).dropna()) if wanted else set()
    kept = [term for term in wanted if term in found]
    missing = [term for term in wanted if term not in found]
    note = f"Not found in {where}: {', '.join(missing)}." if missing else ""
    if kept:
        return TermChoice(kept, note)
    fallback = top_terms(scope, fallback_n, by=None)["term"].astype(str).tolist()
    if not fallback:
        raise ArgumentError(f"{where} has no content terms to fall back on")
    reason = "No terms given" if not wanted else note.rstrip(".")
    return TermChoice(fallback, f"{reason}; using the {len(fallback)} most frequent terms of {where} instead.")


class DocChoice(NamedTuple):
    """Documents to show, and a sentence saying what was changed (empty
    when the requested documents were used as given)."""

    docs: list[str]
    note: str


def resolve_sample_docs(corpus: object, doc_ids: Sequence[str] | None, *, body_index: int = 0,
                        limit: int = 4) -> DocChoice:
    """Documents for a side-by-side sample of body paragraph ``body_index``:
    the requested ones that exist and have that paragraph; if none is left
    (or ``doc_ids`` is ``None``), the first such document of each language,
    at most ``limit``."""
    body = corpus.paragraphs[corpus.paragraphs["kind"] == "body"]
    counts = body.groupby("doc_id", observed=True).size()
    usable = [str(d) for d in corpus.documents["doc_id"] if counts.get(d, 0) > body_index]
    wanted = [] if doc_ids is None else [str(d) for d in doc_ids]
    kept = [d for d in wanted if d in usable]
    dropped = [d for d in wanted if d not in usable]
    note = (f"Not in this corpus or without body paragraph {body_index}: {', '.join(dropped)}."
            if dropped else "")
    if kept:
        return DocChoice(kept, note)
    langs = corpus.languages()
    first_of: dict[str, str] = {}
    for doc in usable:
        first_of.setdefault(langs[doc], doc)
    first = list(first_of.values())[:limit]
    if not first:
        raise ArgumentError(f"no document has a body paragraph {body_index}: lower the body index")
    reason = "No documents given" if not wanted else note.rstrip(".")
    return DocChoice(first, f"{reason}; showing the first document of each language instead.")


def choose_doc(documents: pd.DataFrame, doc_id: str | None, tokens: pd.DataFrame | None = None,
               terms: str | Sequence[str] | None = None) -> DocChoice:
    """One document for a parameter such as ``DISPERSION_DOC`` that falls
    back visibly: ``doc_id`` if the catalog has it; otherwise (or for
    ``None``) the first document, in catalog order, that has ``tokens`` and
    contains one of ``terms`` (or just has tokens), with a note saying so.
    An empty corpus is an error."""
    check_columns(documents, ["doc_id"], "documents")
    known = [str(doc) for doc in documents["doc_id"]]
    if not known:
        raise ArgumentError("the corpus has no documents")
    if doc_id is not None and doc_id in known:
        return DocChoice([doc_id], "")
    candidates = known
    if tokens is not None:
        present = set(tokens["doc_id"].astype(str))
        candidates = [doc for doc in known if doc in present] or known
        wanted = [] if terms is None else [terms] if isinstance(terms, str) else list(terms)
        if wanted:
            matched = set(tokens.loc[match_terms(tokens, wanted).notna().to_numpy(), "doc_id"].astype(str))
            candidates = [doc for doc in candidates if doc in matched] or candidates
    first = candidates[0]
    reason = "No document given" if doc_id is None else f"`{doc_id}` is not in this corpus"
    return DocChoice([first], "" if doc_id is None and first == known[0] else f"{reason}; using `{first}`.")


def resolve_group(documents: pd.DataFrame, group: str | None = None) -> list[str]:
    """The documents of a translation group (catalog column ``group``):
    ``group`` itself, or the first group with two or more documents; an
    empty list when the catalog declares none (the caller says so)."""
    if "group" not in documents.columns:
        return []
    named = documents[documents["group"].astype(str).str.strip() != ""]
    groups = named.groupby("group", sort=False)["doc_id"].apply(list)
    groups = groups[groups.map(len) > 1]
    if group is not None:
        if group not in groups.index:
            raise ArgumentError(f"no group {group!r} with two or more documents "
                                f"(groups: {', '.join(map(str, groups.index)) or 'none'})")
        return [str(d) for d in groups[group]]
    return [str(d) for d in groups.iloc[0]] if len(groups) else []


def resolve_story(stories: pd.DataFrame, story_id: str | None = None) -> str:
    """``story_id`` if :func:`newskit.crosslingual.group_stories` found it;
    ``None`` means the story with the most documents (the first such one in
    corpus order), the one a "same story, different outlets" view is about."""
    check_columns(stories, ["doc_id", "story_id"], "stories")
    sizes = stories.groupby("story_id", sort=False)["doc_id"].size()
    if sizes.empty:
        raise ArgumentError("no stories: the corpus has no documents")
    if story_id is None:
        return str(sizes.idxmax())
    if story_id not in sizes.index:
        shown = ", ".join(f"{s} ({n} docs)" for s, n in sizes.sort_values(ascending=False).head(10).items())
        raise ArgumentError(f"unknown story {story_id!r} (largest: {shown}); use None for the largest")
    return story_id
