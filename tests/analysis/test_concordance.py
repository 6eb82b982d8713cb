"""Tests for newskit.kwic on tests/data/stats_tokens.csv + stats_paragraphs.csv.

en1 paragraph 1 is "The company said Musk  sold shares. Shareholders  watched."
with deliberate double spaces: contexts must keep them.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.errors import ArgumentError
from newskit.analysis.concordance import dispersion, kwic

from tests.builders import read_stats_table




@pytest.fixture(scope="module")
def toy_tokens() -> pd.DataFrame:
    return read_stats_table("stats_tokens.csv")


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    return read_stats_table("stats_paragraphs.csv")


@pytest.mark.parametrize(
    ("term", "column", "window", "expected"),
    [
        # Latin script: original spacing (double space) survives, case-insensitive
        (
            "musk", ("lemma", "surface"), 2,
            [("de1", 0, "Aktien. ", "Musk", " verkauft Aktien"),
             ("en1", 0, "", "Musk", " unveils Grok"),
             ("en1", 1, "company said ", "Musk", "  sold shares")],
        ),
        # Japanese: no spaces invented; lemma 売る finds the surface 売っ
        ("売る", ("lemma", "surface"), 5, [("ja1", 2, "マスク氏は株を", "売っ", "た。")]),
        # one-character kanji matches only the token 株, not 株主 or 株価
        ("株", ("lemma", "surface"), 1, [("ja1", 2, "は", "株", "を")]),
        # upper-case query against a German lemma; keyword is the text's own form
        ("AKTIE", "lemma", 0, [("de1", 0, "", "Aktien", ""), ("de1", 0, "", "Aktien", "")]),
        # full-width Latin query is NFKC-normalised
        ("ＧＲＯＫ", ("lemma", "surface"), 1, [("en1", 0, "unveils ", "Grok", " 2")]),
        # matching on lemma only: the inflected surface "sold" is not found
        ("sold", "lemma", 2, []),
        # ... but matching on surface finds it
        ("sold", "surface", 1, [("en1", 1, "Musk  ", "sold", " shares")]),
        # the window is clipped at the paragraph end
        ("watch", ("lemma", "surface"), 5, [("en1", 1, "Musk  sold shares. Shareholders  ", "watched", ".")]),
    ],
)
def test_kwic_lines(toy_tokens, paragraphs, term, column, window, expected):
    lines = kwic(toy_tokens, paragraphs, term, column=column, window=window)
    got = list(lines[["doc_id", "para_id", "left", "keyword", "right"]].itertuples(index=False, name=None))
    assert got == expected


def test_kwic_lines_are_verbatim_slices(toy_tokens, paragraphs):
    lines = kwic(toy_tokens, paragraphs, ["マスク", "Musk", "Aktie", "額"], window=3)
    texts = paragraphs.set_index(["doc_id", "para_id"])["text"]
    for row in lines.itertuples():
        assert row.left + row.keyword + row.right in texts[(row.doc_id, row.para_id)]
    assert set(lines["term"]) == {"マスク", "Musk", "Aktie", "額"}


def test_kwic_carries_paragraph_kind(toy_tokens, paragraphs):
    lines = kwic(toy_tokens, paragraphs, "マスク")
    assert lines["kind"].tolist() == ["heading", "body"]


def test_kwic_without_hits_has_the_columns(toy_tokens, paragraphs):
    lines = kwic(toy_tokens, paragraphs, "nichts")
    assert lines.empty
    assert {"doc_id", "para_id", "left", "keyword", "right"} <= set(lines.columns)


@pytest.mark.parametrize(
    ("change", "term", "message"),
    [
        # paragraph table from another corpus: text missing
        (lambda t, p: (t, p[p["doc_id"] != "ja1"]), "株", "no paragraph text"),
        # offsets beyond the text: tokens and paragraphs out of sync
        (lambda t, p: (t, p.assign(text=p["text"].str[:3])), "株", "run past"),
        # an empty query
        (lambda t, p: (t, p), " ", "non-empty search term"),
        # tokens without offsets
        (lambda t, p: (t.drop(columns="start"), p), "株", "start"),
        # paragraphs without text
        (lambda t, p: (t, p.drop(columns="text")), "株", "paragraphs table lacks"),
    ],
)
def test_kwic_errors(toy_tokens, paragraphs, change, term, message):
    bad_tokens, bad_paragraphs = change(toy_tokens, paragraphs)
    with pytest.raises(ArgumentError, match=message):
        kwic(bad_tokens, bad_paragraphs, term)


def test_kwic_negative_window(toy_tokens, paragraphs):
    with pytest.raises(ArgumentError, match="window"):
        kwic(toy_tokens, paragraphs, "株", window=-1)


@pytest.mark.parametrize(
    ("terms", "doc", "expected"),
    [
        # ja1 has 7 + 11 + 8 = 26 tokens; マスク opens paragraphs 0 and 2 (offsets 0, 18)
        ("マスク", "ja1", [("マスク", 0, 0), ("マスク", 2, 18)]),
        # rows follow the order the terms were given, then offset
        (["氏", "マスク"], "ja1", [("氏", 0, 1), ("氏", 2, 19), ("マスク", 0, 0), ("マスク", 2, 18)]),
        # case-insensitive Latin match on the surface, punctuation counts in offsets
        ("aktien", "de1", [("aktien", 0, 3), ("aktien", 0, 7)]),
        # no hits: empty table
        ("Grok", "ja1", []),
    ],
)
def test_dispersion(toy_tokens, terms, doc, expected):
    hits = dispersion(toy_tokens, terms, doc)
    assert list(hits[["term", "para_id", "offset"]].itertuples(index=False, name=None)) == expected
    if expected:
        assert (hits["rel_position"] == hits["offset"] / hits["n_tokens"]).all()


def test_dispersion_document_length(toy_tokens):
    assert dispersion(toy_tokens, "マスク", "ja1")["n_tokens"].unique().tolist() == [26]


def test_dispersion_unknown_document(toy_tokens):
    with pytest.raises(ArgumentError, match="unknown doc_id"):
        dispersion(toy_tokens, "マスク", "xx1")


def test_order_tokens_keeps_part_of_speech():
    # the reading-order counter must not overwrite the pos (part-of-speech) column
    import pandas as pd
    from newskit.analysis.concordance import order_tokens
    toy_tokens = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 0], "i": [1, 0], "start": [3, 0],
                           "end": [5, 2], "pos": ["NOUN", "PROPN"]})
    ordered = order_tokens(toy_tokens)
    assert list(ordered["pos"]) == ["PROPN", "NOUN"] and list(ordered["seq"]) == [0, 1]
