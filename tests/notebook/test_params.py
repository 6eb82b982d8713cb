"""Tests for newskit.selection on tests/data/stats_tokens.csv.

Counted content terms: ja1 マスク 2, 氏 2, then one each (モデル, 発表, 株主 …);
en1 Musk 2, then one each; de1 Aktie 2, Aktionär, kaufen, Musk, verkaufen 1.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.errors import ArgumentError
from newskit.analysis.concordance import term_coverage
from newskit.notebook.params import choose_doc, docs_in_language, resolve_doc, resolve_terms


DOCUMENTS = pd.DataFrame({"doc_id": ["ja1", "en1", "de1", "ja2"], "lang": ["ja", "en", "de", "ja"]})


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        # None means the first document of the catalog, in catalog order (not sorted)
        (None, "ja1"),
        # a known id is returned as given
        ("de1", "de1"),
        # the last row is as good as the first
        ("ja2", "ja2"),
    ],
)
def test_resolve_doc(doc_id, expected):
    assert resolve_doc(DOCUMENTS, doc_id) == expected


@pytest.mark.parametrize(
    ("documents", "doc_id", "message"),
    [
        # a typo names the known ids so the user can fix the parameter
        (DOCUMENTS, "ja3", r"unknown doc_id 'ja3' \(known: ja1, en1, de1, ja2\)"),
        # ids are case-sensitive slugs: no silent case folding
        (DOCUMENTS, "JA1", "unknown doc_id 'JA1'"),
        # an empty catalog has no first document
        (DOCUMENTS.iloc[0:0], None, "no documents"),
        # a table that is not a document table
        (DOCUMENTS.rename(columns={"doc_id": "id"}), None, "lacks column"),
    ],
)
def test_resolve_doc_errors(documents, doc_id, message):
    with pytest.raises(ArgumentError, match=message):
        resolve_doc(documents, doc_id)


@pytest.mark.parametrize(
    ("lang", "minimum", "expected"),
    [
        # catalog order is kept (ja1 before ja2)
        ("ja", 1, ["ja1", "ja2"]),
        # exactly the minimum is enough
        ("ja", 2, ["ja1", "ja2"]),
        # one document in the language
        ("de", 1, ["de1"]),
        # minimum 0 allows an empty answer
        ("id", 0, []),
    ],
)
def test_docs_in_language(lang, minimum, expected):
    assert docs_in_language(DOCUMENTS, lang, minimum) == expected


@pytest.mark.parametrize(
    ("lang", "minimum", "message"),
    [
        # a comparison needs two documents; the message lists what there is
        ("de", 2, r"1 document\(s\) in 'de' but this needs at least 2 \(documents per language: de: 1, en: 1, ja: 2\)"),
        # a language absent from the catalog
        ("id", 1, "0 document"),
    ],
)
def test_docs_in_language_errors(lang, minimum, message):
    with pytest.raises(ArgumentError, match=message):
        docs_in_language(DOCUMENTS, lang, minimum)


@pytest.mark.parametrize(
    ("terms", "doc_id", "fallback_n", "expected_terms", "expected_note"),
    [
        # all terms occur: used as given, in the given order, no note
        (["Musk", "マスク"], None, 3, ["Musk", "マスク"], ""),
        # a single string is accepted like a one-element list
        ("Aktie", "de1", 3, ["Aktie"], ""),
        # matching is KWIC's: case-insensitive, lemma or surface (surface Aktien, lemma Aktie)
        (["aktien"], "de1", 3, ["aktien"], ""),
        # a missing term is dropped and named in the note; the rest is kept
        (["Musk", "GPU"], "en1", 3, ["Musk"], "Not found in 'en1': GPU."),
        # present in the corpus but not in the chosen document: counts as missing there
        (["マスク"], "de1", 2, ["Aktie", "Aktionär"],
         "Not found in 'de1': マスク; using the 2 most frequent terms of 'de1' instead."),
        # nothing requested: the most frequent content terms, ties broken by term
        (None, "ja1", 2, ["マスク", "氏"], "No terms given; using the 2 most frequent terms of 'ja1' instead."),
        # an empty list is the same as None
        ([], "en1", 1, ["Musk"], "No terms given; using the 1 most frequent terms of 'en1' instead."),
        # whole-corpus fallback: Musk occurs in en1 (2) and de1 (1)
        (["GPU"], None, 1, ["Musk"], "Not found in the corpus: GPU; using the 1 most frequent terms of the corpus instead."),
    ],
)
def test_resolve_terms(toy_tokens, terms, doc_id, fallback_n, expected_terms, expected_note):
    choice = resolve_terms(toy_tokens, terms, doc_id, fallback_n)
    assert choice.terms == expected_terms
    assert choice.note == expected_note


def test_resolve_terms_unknown_document(toy_tokens):
    # a document parameter with a typo is an error, not a fallback
    with pytest.raises(ArgumentError, match="unknown doc_id 'xx1'"):
        resolve_terms(toy_tokens, ["Musk"], "xx1")


def test_resolve_terms_nothing_to_fall_back_on(toy_tokens):
    # a document without content words cannot supply fallback terms
    no_content = toy_tokens.assign(is_content=False)
    with pytest.raises(ArgumentError, match="no content terms"):
        resolve_terms(no_content, ["GPU"], "en1")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # exact token matches only: ja1 has 株 once as a token, 株主 and 株価 merely contain it
        ("株", [("ja1", 1, 3, "株主, 株価"), ("en1", 0, 0, ""), ("de1", 0, 0, "")]),
        # the German plural Aktien matches through its lemma Aktie, so nothing is missed
        ("Aktie", [("ja1", 0, 0, ""), ("en1", 0, 0, ""), ("de1", 2, 2, "")]),
        # case-insensitive containment: "share" is inside "shares" (lemma share: matched) and "Shareholders"
        ("share", [("ja1", 0, 0, ""), ("en1", 1, 2, "Shareholders"), ("de1", 0, 0, "")]),
        # a term found nowhere: every document still gets its row of zeros
        ("GPU", [("ja1", 0, 0, ""), ("en1", 0, 0, ""), ("de1", 0, 0, "")]),
    ],
)
def test_term_coverage(toy_tokens, term, expected):
    coverage = term_coverage(toy_tokens, term)
    assert list(coverage.itertuples(index=False, name=None)) == expected


def test_term_coverage_empty_term(toy_tokens):
    # an empty term would be contained in every token
    with pytest.raises(ArgumentError, match="non-empty"):
        term_coverage(toy_tokens, "  ")


@pytest.mark.parametrize("story_id, expected", [
    # None: the story with the most documents (ties: the first in corpus order)
    (None, "story-002"),
    # a story the table has
    ("story-001", "story-001"),
])
def test_resolve_story(story_id, expected):
    from newskit.notebook import resolve_story
    stories = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "story_id": ["story-001", "story-002", "story-002", "story-003"]})
    assert resolve_story(stories, story_id) == expected


def test_resolve_story_refuses_an_unknown_story():
    from newskit.notebook import resolve_story
    stories = pd.DataFrame({"doc_id": ["a"], "story_id": ["story-001"]})
    with pytest.raises(ArgumentError, match="unknown story 'story-009'.*story-001 \\(1 docs\\)"):
        resolve_story(stories, "story-009")


@pytest.mark.parametrize(
    ("doc_id", "terms", "expected", "note"),
    [
        # a known id is used as given, without a note
        ("de1", None, "de1", ""),
        # None: the first document that has tokens and contains a term (ja2 has no tokens)
        (None, ["Aktie"], "de1", "No document given; using `de1`."),
        # None and no term asked: the first document, silently (it is the documented default)
        (None, None, "ja1", ""),
        # an id that is not in the corpus falls back visibly instead of failing
        ("zz9", None, "ja1", "`zz9` is not in this corpus; using `ja1`."),
        # terms that occur nowhere do not change the fallback
        (None, ["nowhere"], "ja1", ""),
    ],
)
def test_choose_doc(toy_tokens, doc_id, terms, expected, note):
    choice = choose_doc(DOCUMENTS, doc_id, toy_tokens, terms)
    assert choice.docs == [expected] and choice.note == note


def test_choose_doc_needs_documents():
    with pytest.raises(ArgumentError, match="no documents"):
        choose_doc(DOCUMENTS.head(0), None)
