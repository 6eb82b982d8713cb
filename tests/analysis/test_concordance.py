"""Tests for newskit.kwic on tests/data/stats_tokens.csv + stats_paragraphs.csv.

en1 paragraph 1 is "The company said Musk  sold shares. Shareholders  watched."
with deliberate double spaces: contexts must keep them.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.errors import ArgumentError
from newskit.analysis.concordance import Concordancer, count_hits, dispersion, kwic

from tests.builders import make_paragraphs, make_tokens


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
def test_kwic_lines(toy_tokens, toy_paragraphs, term, column, window, expected):
    lines = kwic(toy_tokens, toy_paragraphs, term, column=column, window=window)
    got = list(lines[["doc_id", "para_id", "left", "keyword", "right"]].itertuples(index=False, name=None))
    assert got == expected


def test_kwic_lines_are_verbatim_slices(toy_tokens, toy_paragraphs):
    lines = kwic(toy_tokens, toy_paragraphs, ["マスク", "Musk", "Aktie", "額"], window=3)
    texts = toy_paragraphs.set_index(["doc_id", "para_id"])["text"]
    for row in lines.itertuples():
        assert row.left + row.keyword + row.right in texts[(row.doc_id, row.para_id)]
    assert set(lines["term"]) == {"マスク", "Musk", "Aktie", "額"}


def test_kwic_carries_paragraph_kind(toy_tokens, toy_paragraphs):
    lines = kwic(toy_tokens, toy_paragraphs, "マスク")
    assert lines["kind"].tolist() == ["heading", "body"]


def test_kwic_without_hits_has_the_columns(toy_tokens, toy_paragraphs):
    lines = kwic(toy_tokens, toy_paragraphs, "nichts")
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
def test_kwic_errors(toy_tokens, toy_paragraphs, change, term, message):
    bad_tokens, bad_paragraphs = change(toy_tokens, toy_paragraphs)
    with pytest.raises(ArgumentError, match=message):
        kwic(bad_tokens, bad_paragraphs, term)


def test_kwic_negative_window(toy_tokens, toy_paragraphs):
    with pytest.raises(ArgumentError, match="window"):
        kwic(toy_tokens, toy_paragraphs, "株", window=-1)


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
    from newskit.analysis.concordance import order_tokens
    toy_tokens = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 0], "i": [1, 0], "start": [3, 0],
                           "end": [5, 2], "pos": ["NOUN", "PROPN"]})
    ordered = order_tokens(toy_tokens)
    assert list(ordered["pos"]) == ["PROPN", "NOUN"] and list(ordered["seq"]) == [0, 1]


# --- sorting, notes, hits per document -------------------------------------------

#: Six one-paragraph documents around the node x (reading order A … F):
#:   A "b x c z"   L1 b, R1 c, R2 z        D "x b"       L1 —, R1 b
#:   B "a x d"     L1 a, R1 d              E "e x c w"   L1 e, R1 c, R2 w
#:   C "c x a"     L1 c, R1 a              F "f x . g"   L1 f, R1 g (the full stop is skipped)
SORT_DOCS = {"A": "b x c z", "B": "a x d", "C": "c x a", "D": "x b", "E": "e x c w", "F": "f x . g"}


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        (None, ["A", "B", "C", "D", "E", "F"]),      # reading order
        ("R1", ["C", "D", "A", "E", "B", "F"]),      # a, b, c, c (tie: reading order A, E), d, g
        ("R1,R2", ["C", "D", "E", "A", "B", "F"]),   # the c tie broken by R2: w (E) before z (A)
        (["r1", "r2"], ["C", "D", "E", "A", "B", "F"]),  # a list, keys case-insensitive
        ("L1", ["D", "B", "A", "C", "E", "F"]),      # — (paragraph start sorts first), a, b, c, e, f
        ("R2", ["B", "C", "D", "F", "E", "A"]),      # —, —, —, — (reading order), w, z
    ],
)
def test_kwic_sort_orders(sort, order):
    tokens = make_tokens(SORT_DOCS)
    lines = kwic(tokens, make_paragraphs(tokens), "x", window=2, sort=sort)
    assert lines["doc_id"].tolist() == order


def test_kwic_sort_by_keyword_folds_case():
    tokens = make_tokens({"A": "Grok-1 x", "B": "grok y", "C": ["Grok 2"]})  # C: one merged token
    lines = kwic(tokens, make_paragraphs(tokens), "grok", mode="substring", sort="KW")
    # folded keywords: "grok" < "grok 2" < "grok-1" (space 0x20 sorts before hyphen 0x2d)
    assert lines["keyword"].tolist() == ["grok", "Grok 2", "Grok-1"]


@pytest.mark.parametrize("sort", ["R0", "X1", "L", "", []])
def test_kwic_bad_sort(toy_tokens, toy_paragraphs, sort):
    with pytest.raises(ArgumentError, match="sort="):
        kwic(toy_tokens, toy_paragraphs, "Musk", sort=sort)


@pytest.mark.parametrize(
    ("query", "mode", "note"),
    [
        # found inside longer tokens only: the note counts them and names the substring mode
        ("ktie", "token", "mode='token' found 0 whole-token hit(s); the text contains 'ktie' 2 times, also inside "
                          "longer tokens (Aktien): mode='substring' finds them all."),
        # absent from the text too
        ("nichts", "token", "'nichts' matches no token and does not occur in the text either"),
        ("nichts", "substring", "'nichts' matches nothing (mode='substring')."),
        # every occurrence found: no note
        ("Musk", "token", None),
    ],
)
def test_kwic_notes(toy_tokens, toy_paragraphs, query, mode, note):
    lines = kwic(toy_tokens, toy_paragraphs, query, mode=mode)
    if note is None:
        assert "note" not in lines.attrs
    else:
        assert lines.attrs["note"].startswith(note)
    assert lines.attrs["mode"] == mode


def test_count_hits(toy_tokens, toy_paragraphs):
    lines = kwic(toy_tokens, toy_paragraphs, "aktie", mode="substring")
    table = count_hits(lines, toy_tokens)
    # every document, in order of appearance; de1 has 7 words (Die Aktionäre kaufen Aktien Musk verkauft
    # Aktien; the two full stops are not words): 2 / 7 × 1,000 = 285.714
    assert table["doc_id"].tolist() == ["ja1", "en1", "de1"]
    assert table["hits"].tolist() == [0, 0, 2]
    de1 = table.set_index("doc_id").loc["de1"]
    assert de1["words"] == 7 and de1["per_1000_words"] == pytest.approx(285.714, abs=1e-3)
    assert de1["forms"] == "Aktien ×2" and table.set_index("doc_id").loc["ja1", "forms"] == ""


def test_concordancer_answers_like_kwic(toy_tokens, toy_paragraphs):
    # the prepared object (used by the explorer) gives the same table as the one-off function
    search = Concordancer(toy_tokens, toy_paragraphs)
    for mode in ("token", "lemma", "substring", "regex"):
        assert search.kwic("Musk", window=2, mode=mode).equals(kwic(toy_tokens, toy_paragraphs, "Musk", window=2, mode=mode))
    assert search.count_hits(search.kwic("Musk")).equals(count_hits(kwic(toy_tokens, toy_paragraphs, "Musk"), toy_tokens))
