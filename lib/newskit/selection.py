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

from newskit.errors import CorpusError
from newskit.frequency import check_columns, select_doc, top_terms
from newskit.kwic import MATCH_COLUMNS, fold_text, match_terms


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
        raise CorpusError(None, "the corpus has no documents")
    if doc_id is None:
        return known[0]
    if doc_id not in known:
        raise CorpusError(None, f"unknown doc_id {doc_id!r} (known: {', '.join(known)}); "
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
        raise CorpusError(None, f"the corpus has {len(docs)} document(s) in {lang!r} but this needs "
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
    ``None``), matched like :func:`newskit.kwic.kwic` does (lemma or surface,
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
        raise CorpusError(None, f"{where} has no content terms to fall back on")
    reason = "No terms given" if not wanted else note.rstrip(".")
    return TermChoice(fallback, f"{reason}; using the {len(fallback)} most frequent terms of {where} instead.")


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
        raise CorpusError(None, "give a non-empty search term")
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
