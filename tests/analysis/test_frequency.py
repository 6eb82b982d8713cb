"""Tests for newskit.frequency on the hand-made fixtures tests/data/stats_*.csv.

stats_tokens.csv holds three tiny articles (ja1, en1, de1) whose offsets were
computed from stats_paragraphs.csv.  Counted content tokens per document:
ja1 13 (新 is not content, particles are stop words), en1 10, de1 6.
"""

from __future__ import annotations


import pandas as pd
import pytest

from newskit.errors import ArgumentError
from newskit.analysis.frequency import (
    count_bigrams,
    count_terms,
    frequencies_for_wordcloud,
    frequencies_for_wordclouds,
    _is_cloud_word,
    rank_frequency,
    top_terms,
)

from tests.builders import make_tokens


@pytest.mark.parametrize(
    ("options", "group", "term", "expected"),
    [
        # content lemma, ja1 has 13 counted tokens: マスク twice -> 2/13 per mille
        ({}, "ja1", "マスク", (2, 2 / 13 * 1000)),
        # one-character kanji words are ordinary terms
        ({}, "ja1", "株", (1, 1 / 13 * 1000)),
        # lemma, not surface: 売っ is counted as 売る
        ({}, "ja1", "売る", (1, 1 / 13 * 1000)),
        # content_only=False counts stop words; ja1 has 24 non-punctuation tokens
        ({"content_only": False}, "ja1", "は", (2, 2 / 24 * 1000)),
        # counting surfaces instead of lemmas; de1 has 6 content tokens
        ({"column": "surface"}, "de1", "Aktien", (2, 2 / 6 * 1000)),
        # whole corpus (by=None): Musk in en1 twice and de1 once, of 29 tokens
        ({"by": None}, None, "Musk", (3, 3 / 29 * 1000)),
        # grouping by two columns: paragraph 1 of en1 has 7 content tokens
        ({"by": ["doc_id", "para_id"]}, ("en1", 1), "Musk", (1, 1 / 7 * 1000)),
    ],
)
def test_count_terms_values(toy_tokens, options, group, term, expected):
    counts = count_terms(toy_tokens, **options)
    by = options.get("by", "doc_id")
    keys = [by] if isinstance(by, str) else (by or [])
    mask = counts["term"] == term
    for key, value in zip(keys, group if isinstance(group, tuple) else [group]):
        mask &= counts[key] == value
    row = counts[mask]
    assert row["count"].tolist() == [expected[0]]
    assert row["rel_freq"].iloc[0] == pytest.approx(expected[1])


def test_count_terms_rel_freq_sums_to_thousand_per_group(toy_tokens):
    totals = count_terms(toy_tokens).groupby("doc_id")["rel_freq"].sum()
    assert totals.to_numpy() == pytest.approx([1000.0] * 3)


def test_count_terms_sorted_by_count_then_term(toy_tokens):
    ja = count_terms(toy_tokens).query("doc_id == 'ja1'")
    # マスク and 氏 tie at 2 and come first, in code-point order
    assert ja["term"].tolist()[:2] == ["マスク", "氏"]
    assert ja["count"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # punctuation wrongly flagged as content is still not a term
        ([("d", 0, "。", "PUNCT", True), ("d", 0, "株", "NOUN", True)], {"株": 1}),
        # whitespace-only tokens are never terms
        ([("d", 0, " ", "X", True), ("d", 0, "株", "NOUN", True)], {"株": 1}),
        # an empty lemma falls back to the surface
        ([("d", 0, "Grok", "PROPN", True)], {"Grok": 1}),
        # no content words at all: empty table, not an error
        ([("d", 0, "の", "ADP", False)], {}),
    ],
)
def test_count_terms_edge_cases(rows, expected):
    frame = make_tokens(rows=rows)
    if expected == {"Grok": 1}:
        frame["lemma"] = ""
    counts = count_terms(frame)
    assert dict(zip(counts["term"], counts["count"])) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # the lemma column is missing
        (lambda t: count_terms(t.drop(columns="lemma")), "lemma"),
        # grouping by a column the table does not have
        (lambda t: count_terms(t, by="language"), "language"),
        # is_content is needed only when content_only=True
        (lambda t: count_terms(t.drop(columns="is_content")), "is_content"),
        # negative n makes no sense
        (lambda t: top_terms(t, n=-1), "n must be"),
        # a typo in the doc id is an error, not an empty cloud
        (lambda t: frequencies_for_wordcloud(t, "ja9"), "unknown doc_id 'ja9'"),
    ],
)
def test_bad_arguments_raise_argument_error(toy_tokens, call, message):
    with pytest.raises(ArgumentError, match=message):
        call(toy_tokens)


def test_count_terms_without_is_content_when_counting_everything(toy_tokens):
    counts = count_terms(toy_tokens.drop(columns="is_content"), content_only=False)
    assert not counts.empty


@pytest.mark.parametrize(
    ("n", "by", "expected"),
    [
        # top 2 per document, ties broken by term (Grok < company in code points)
        (2, "doc_id", {"de1": ["Aktie", "Aktionär"], "en1": ["Musk", "Grok"], "ja1": ["マスク", "氏"]}),
        # whole corpus
        (1, None, {None: ["Musk"]}),
        # n larger than the vocabulary returns everything
        (100, "doc_id", {"de1": ["Aktie", "Aktionär", "Musk", "kaufen", "verkaufen"]}),
    ],
)
def test_top_terms(toy_tokens, n, by, expected):
    top = top_terms(toy_tokens, n=n, by=by)
    for group, terms in expected.items():
        part = top if group is None else top[top["doc_id"] == group]
        assert part["term"].tolist() == terms


@pytest.mark.parametrize(
    ("doc", "first", "second", "count"),
    [
        # adjacent content words, in two paragraphs
        ("ja1", "マスク", "氏", 2),
        # compound split by the tokenizer
        ("ja1", "配当", "額", 1),
        # a stop word (は) between two content words breaks the pair
        ("ja1", "株主", "株価", 0),
        # a non-content, non-stop token (新) also breaks the pair
        ("ja1", "氏", "モデル", 0),
        # pairs never cross a paragraph boundary (発表 ends p0, 株主 starts p1)
        ("ja1", "発表", "株主", 0),
        # punctuation between words breaks the pair
        ("en1", "share", "shareholder", 0),
        # lemmas are paired, not surfaces
        ("en1", "sell", "share", 1),
    ],
)
def test_count_bigrams(toy_tokens, doc, first, second, count):
    bigrams = count_bigrams(toy_tokens)
    row = bigrams[(bigrams["doc_id"] == doc) & (bigrams["first"] == first) & (bigrams["second"] == second)]
    assert row["count"].sum() == count
    if count:
        assert row["term"].iloc[0] == f"{first} {second}"


def test_count_bigrams_respects_gaps_in_token_index(toy_tokens):
    # removing the stop words beforehand must not glue 株主 to 株価
    filtered = toy_tokens[~toy_tokens["is_stop"]]
    assert "株主 株価" not in set(count_bigrams(filtered)["term"])


@pytest.mark.parametrize("by", ["doc_id", None])
def test_rank_frequency(toy_tokens, by):
    ranks = rank_frequency(toy_tokens, by=by)
    groups = ranks.groupby("doc_id") if by else [("all", ranks)]
    for _, part in groups:
        # ranks are 1..n without ties and frequencies never increase
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert part["freq"].is_monotonic_decreasing
    if by is None:
        assert ranks.iloc[0][["term", "freq"]].tolist() == ["Musk", 3]


def test_rank_frequency_includes_stop_words_by_default(toy_tokens):
    # Zipf's head is made of function words, so they are counted
    assert "は" in set(rank_frequency(toy_tokens)["term"])


def test_frequencies_for_wordcloud(toy_tokens):
    freqs = frequencies_for_wordcloud(toy_tokens, "ja1")
    assert list(freqs)[:2] == ["マスク", "氏"]
    assert {"株", "額"} <= set(freqs)
    assert "。" not in freqs and "が" not in freqs
    assert all(type(value) is int for value in freqs.values())


def test_frequencies_for_wordcloud_top_n(toy_tokens):
    assert frequencies_for_wordcloud(toy_tokens, "ja1", top_n=2) == {"マスク": 2, "氏": 2}


def test_frequencies_for_wordclouds_equal_one_call_per_document(toy_tokens):
    docs = list(dict.fromkeys(toy_tokens["doc_id"].astype(str)))
    clouds = frequencies_for_wordclouds(toy_tokens, "doc_id", docs, top_n=5)
    # one pass gives what one call per document gives, in the order asked
    assert list(clouds) == docs
    assert clouds == {doc: frequencies_for_wordcloud(toy_tokens, doc, 5) for doc in docs}
    # a group asked for but without tokens gets an empty cloud
    assert frequencies_for_wordclouds(toy_tokens, "doc_id", ["nobody"]) == {"nobody": {}}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("株", True),  # one-character kanji word (share)
        ("額", True),  # one-character kanji word (amount)
        ("株主", True),  # ordinary word
        ("AI", True),  # two Latin letters
        ("s", False),  # lone Latin letter: debris of "Musk's"
        ("ー", False),  # lone prolonged sound mark
        ("の", False),  # lone kana
        ("2", False),  # lone digit
        ("。", False),  # punctuation
        ("「」", False),  # only punctuation
        ("　", False),  # ideographic space
        ("→", False),  # symbol
        ("々", False),  # iteration mark alone
    ],
)
def test_is_cloud_word(term, expected):
    assert _is_cloud_word(term) is expected


def test_empty_token_table_gives_empty_results(toy_tokens):
    empty = toy_tokens.iloc[:0]
    assert count_terms(empty).empty
    assert count_bigrams(empty).empty
    assert list(count_terms(empty).columns) == ["doc_id", "term", "count", "rel_freq"]


def test_count_terms_counts_an_entity_once_whatever_its_spelling():
    # "Musk" and "Musks" are one entity; "Elon Musk" spans two tokens and counts once;
    # "Tesla" inside "Tesla-Aktie" is only partly covered and keeps its own term
    tokens = make_tokens({"a": "Elon Musk und Musks Tesla-Aktie", "b": "Musk sagte"})
    # offsets: a = Elon 0-4, Musk 5-9, und 10-13, Musks 14-19, Tesla-Aktie 20-31; b = Musk 0-4
    mentions = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "para_id": [0, 0, 0, 0],
                             "start": [0, 14, 20, 0], "end": [9, 19, 25, 4],
                             "label": ["Elon Musk", "Elon Musk", "Tesla", "Elon Musk"]})
    counts = count_terms(tokens, entities=mentions)
    got = {(d, t): c for d, t, c in zip(counts["doc_id"], counts["term"], counts["count"])}
    # a: Elon Musk ×2 (0-9 and 14-19), und, Tesla-Aktie; b: Elon Musk, sagte
    assert got == {("a", "Elon Musk"): 2, ("a", "und"): 1, ("a", "Tesla-Aktie"): 1,
                   ("b", "Elon Musk"): 1, ("b", "sagte"): 1}


def test_entity_terms_on_the_seeds(tokens, corpus):
    # the three translations name Musk 39 / 37 / 37 times (tests/entities CROSS_TRANSLATION):
    # counted as a term with entities=, マスク, イーロン・マスク, Musk and Musks are one
    import newskit
    mentions = newskit.find_mentions(corpus)
    counts = count_terms(tokens, entities=mentions)
    musk = counts[counts["term"] == "Elon Musk"].set_index("doc_id")["count"]
    assert (musk["zdx-xai-ja"], musk["zdx-xai-de"], musk["zdx-xai-id"]) == (39, 37, 37)
