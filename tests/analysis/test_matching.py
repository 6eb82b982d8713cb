"""The four KWIC match modes (newskit.analysis.matching through kwic), hand-checked.

Fixtures: tests/data/stats_tokens.csv + stats_paragraphs.csv —
  ja1/1 株主は株価と配当額に注目した。  ja1/0, ja1/2 マスク氏…  ja1/2 マスク氏は株を売った。
  en1/0 "Musk unveils Grok 2" (Grok and 2 are two tokens)
  en1/1 "The company said Musk  sold shares. Shareholders  watched." (lemmas say, sell, share, shareholder)
  de1/0 "Die Aktionäre kaufen Aktien. Musk verkauft Aktien." (lemma Aktie, verkaufen)
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from newskit.analysis.concordance import kwic
from newskit.errors import ArgumentError
from tests.builders import make_paragraphs, make_tokens, read_stats_table


@pytest.fixture(scope="module")
def toy() -> tuple[pd.DataFrame, pd.DataFrame]:
    return read_stats_table("stats_tokens.csv"), read_stats_table("stats_paragraphs.csv")


def hits(toy, query, **options) -> list[tuple[str, str, str]]:
    lines = kwic(*toy, query, window=1, **options)
    return list(lines[["doc_id", "keyword", "match"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("query", "mode", "expected"),
    [
        # token: lemma or surface equal to the query; "share" is the lemma of "shares", not of "Shareholders"
        ("share", "token", [("en1", "shares", "shares")]),
        # lemma: the same lemma; from an inflected form: "Aktien" → lemma Aktie → both Aktien
        ("Aktien", "lemma", [("de1", "Aktien", "Aktien"), ("de1", "Aktien", "Aktien")]),
        # lemma from a form: "sold" has lemma sell, so every token with lemma sell (only "sold" here)
        ("sold", "lemma", [("en1", "sold", "sold")]),
        # token mode on the lemma column alone does not find the surface "sold" (it is lemma sell)
        ("sold", "token", [("en1", "sold", "sold")]),
        # substring: "share" inside shares and Shareholders, case-insensitive; the keyword is the whole token
        ("share", "substring", [("en1", "shares", "share"), ("en1", "Shareholders", "Share")]),
        # substring: "ktie" is inside both Aktien, not Aktionäre
        ("ktie", "substring", [("de1", "Aktien", "ktie"), ("de1", "Aktien", "ktie")]),
        # substring in Japanese: 株 alone and inside 株主 and 株価 (token mode finds only the token 株)
        ("株", "substring", [("ja1", "株主", "株"), ("ja1", "株価", "株"), ("ja1", "株", "株")]),
        ("株", "token", [("ja1", "株", "株")]),
        # regex over the text: "share" plus word characters, case-insensitive
        (r"share\w*", "regex", [("en1", "shares", "shares"), ("en1", "Shareholders", "Shareholders")]),
        # regex spanning two tokens: the keyword covers both, verbatim (double space kept)
        (r"musk\s+sold", "regex", [("en1", "Musk  sold", "Musk  sold")]),
    ],
)
def test_modes(toy, query, mode, expected):
    assert hits(toy, query, mode=mode) == expected


@pytest.mark.parametrize(
    ("query", "mode", "expected"),
    [
        # two words on consecutive tokens, the text's own spacing kept in the keyword
        ("Musk sold", "token", [("en1", "Musk  sold", "Musk  sold")]),
        ("Grok 2", "token", [("en1", "Grok 2", "Grok 2")]),
        # a space in a substring query matches any run of white space
        ("Musk sold", "substring", [("en1", "Musk  sold", "Musk  sold")]),
        # punctuation between the words: not consecutive tokens, but the text has the string
        ("shares Shareholders", "token", []),
        ("shares. Shareholders", "substring", [("en1", "shares. Shareholders", "shares. Shareholders")]),
        # never across a paragraph: en1/0 ends with "2", en1/1 starts with "The"
        ("2 The", "token", []),
        # two Japanese tokens written with a space (token mode) or as in the text (substring)
        ("マスク 氏", "token", [("ja1", "マスク氏", "マスク氏"), ("ja1", "マスク氏", "マスク氏")]),
        ("マスク氏", "substring", [("ja1", "マスク氏", "マスク氏"), ("ja1", "マスク氏", "マスク氏")]),
    ],
)
def test_multiword_queries(toy, query, mode, expected):
    assert hits(toy, query, mode=mode) == expected


def test_query_inside_one_merged_token():
    # the tokenizer keeps "Mistral AI" whole in d1 and splits it in d2
    tokens = make_tokens({"d1": ["Mistral AI", "baut"], "d2": ["Mistral", "AI", "baut"]})
    paragraphs = make_paragraphs(tokens)
    lines = kwic(tokens, paragraphs, "Mistral AI", window=0)
    assert list(zip(lines["doc_id"], lines["keyword"], strict=True)) == [("d1", "Mistral AI"), ("d2", "Mistral AI")]
    # one word of the merged token: no whole token in d1, but substring mode finds it inside
    assert kwic(tokens, paragraphs, "AI", window=0)["doc_id"].tolist() == ["d2"]
    inside = kwic(tokens, paragraphs, "AI", window=0, mode="substring")
    assert list(zip(inside["keyword"], inside["match"], strict=True)) == [("Mistral AI", "AI"), ("AI", "AI")]


def test_text_offsets_survive_nfkc_expansion():
    # ㈱ becomes "(株)" (three characters) under NFKC: hits after it must map back to the raw offsets
    tokens = make_tokens(rows=[("d", 0, "㈱", "NOUN", True), ("d", 0, "xＡＩ", "PROPN", True),
                               ("d", 0, "発表", "NOUN", True)])
    paragraphs = make_paragraphs(tokens)  # "㈱ xＡＩ 発表"
    lines = kwic(tokens, paragraphs, "xai", window=1, mode="substring")
    assert lines[["left", "keyword", "right", "match"]].iloc[0].tolist() == ["㈱ ", "xＡＩ", " 発表", "xＡＩ"]
    assert kwic(tokens, paragraphs, "株", window=0, mode="substring")["keyword"].tolist() == ["㈱"]
    # token mode folds the token the same way
    assert kwic(tokens, paragraphs, "XAI", window=0)["keyword"].tolist() == ["xＡＩ"]


@pytest.mark.parametrize(
    ("query", "mode", "message"),
    [("Grok(", "regex", "regex 'Grok\\(' is not valid"), ("x", "fuzzy", "mode='fuzzy'"), ("  ", "token", "non-empty")],
)
def test_bad_queries(toy, query, mode, message):
    with pytest.raises(ArgumentError, match=message):
        kwic(*toy, query, mode=mode)


def test_only_tokenized_paragraphs_are_searched(toy):
    # a paragraph without tokens (a menu left out of the token table) is not searched
    tokens, paragraphs = toy
    extra = pd.concat([paragraphs, pd.DataFrame([{"doc_id": "de1", "para_id": 9, "kind": "boilerplate",
                                                  "text": "Aktien Aktien"}])], ignore_index=True)
    assert len(kwic(tokens, extra, "aktie", mode="substring")) == 2


def test_grok_on_the_seed_corpus(corpus, tokens):
    # whole tokens find the 31 bare "Grok" (30 + the Indonesian Grok-nya, lemma Grok); the text of the
    # tokenized paragraphs contains "grok" 95 times (Grok 2, Grok-1.5V, Grok-1 … are single tokens)
    in_text = sum(len(re.findall("grok", text, re.IGNORECASE))
                  for text in corpus.paragraphs.merge(tokens[["doc_id", "para_id"]].drop_duplicates())["text"])
    counts = {mode: len(kwic(tokens, corpus.paragraphs, "Grok", mode=mode))
              for mode in ("token", "lemma", "substring")}
    assert in_text == 95
    assert counts == {"token": 31, "lemma": 31, "substring": in_text}
    # a regex for the numbered versions only (Grok followed by -digit or space-digit):
    # 95 minus the 30 bare Grok, 2 Groks and 1 Grok-nya = 62
    numbered = kwic(tokens, corpus.paragraphs, r"Grok[- ]\d", mode="regex")
    assert len(numbered) == 62 and not numbered["keyword"].isin(["Grok", "Groks", "Grok-nya"]).any()
