"""Entity views of notebook 03."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit import entities
from newskit.analysis.rates import rate_per_thousand
from newskit.crosslingual.views import (
    agreement_by_language,
    aligned_entity_kwic,
    compare_translations,
    _cut_context,
    format_para_ids,
    readable_audit,
)
from newskit.errors import ArgumentError

DOCS = ["zdx-xai-ja", "zdx-xai-de", "zdx-xai-id"]


@pytest.fixture(scope="module")
def mentions(corpus):
    return entities.find_mentions(corpus)


def test_rate_per_thousand_by_hand():
    counts = pd.DataFrame({"a": [2, 0], "b": [1, 4]}, index=["musk", "x"])
    tokens = pd.DataFrame({"doc_id": ["a"] * 500 + ["b"] * 2000})
    rates = rate_per_thousand(counts, tokens)
    # 2 mentions in 500 tokens = 4 per 1,000; 4 in 2,000 = 2 per 1,000
    assert rates.loc["musk", "a"] == 4.0 and rates.loc["x", "b"] == 2.0


def test_rate_per_thousand_by_group():
    # groups of a token column: g1 = 500 tokens, g2 = 1,500; 3 mentions in g2 = 2 per 1,000
    counts = pd.DataFrame({"g1": [1], "g2": [3]}, index=["musk"])
    tokens = pd.DataFrame({"doc_id": ["a"] * 2000, "outlet": ["g1"] * 500 + ["g2"] * 1500})
    rates = rate_per_thousand(counts, tokens, by="outlet")
    assert rates.loc["musk"].tolist() == [2.0, 2.0]
    with pytest.raises(ArgumentError, match="no tokens for outlet group"):
        rate_per_thousand(pd.DataFrame({"g9": [1]}, index=["musk"]), tokens, by="outlet")


def test_rate_needs_tokens_for_every_document():
    # a document with mentions but no tokens (another corpus's table)
    with pytest.raises(ArgumentError, match="no tokens for document"):
        rate_per_thousand(pd.DataFrame({"zz": [1]}, index=["musk"]), pd.DataFrame({"doc_id": ["a"]}))


def test_compare_translations(mentions):
    counts = entities.count_mentions(mentions)
    table = compare_translations(counts, DOCS, {"llama-2": "Llama 2"})
    # the ja drops "Llama 2 70B": spread 1, the label is shown
    assert table.loc["llama-2", ["label", *DOCS, "spread"]].tolist() == ["Llama 2", 0, 1, 1, 1]
    # entities the translations never name are left out (Sam Altman is only in the blog post)
    assert "sam-altman" not in table.index


@pytest.mark.parametrize(
    "text, start, end, width, expected",
    [
        ("abcdefgh", 3, 5, 2, "…bc【de】fg…"),   # both sides cut
        ("abcdefgh", 0, 2, 3, "【ab】cde…"),       # at the start
        ("abcdefgh", 6, 8, 10, "abcdef【gh】"),    # at the end, short text
    ],
)
def test_cut_context(text, start, end, width, expected):
    assert _cut_context(text, start, end, width) == expected


def test_aligned_kwic_shows_each_version(corpus, mentions):
    table = aligned_entity_kwic(corpus, mentions, "llama-2", ["zdx-xai-de", "zdx-xai-ja", "zdx-xai-id"])
    # one de paragraph names Llama 2; its ja counterpart (para 47) does not, the id one does
    assert len(table) == 1
    row = table.iloc[0]
    assert row["zdx-xai-ja"] == "—"
    assert "【Llama 2 70B】" in row["zdx-xai-de"] and "【Llama 2 70B】" in row["zdx-xai-id"]  # model size kept in the name


def test_aligned_kwic_unknown_entity(corpus, mentions):
    with pytest.raises(ArgumentError, match="not mentioned"):
        aligned_entity_kwic(corpus, mentions, "nobody", DOCS)


@pytest.mark.parametrize(
    "top_n, min_weight, edges, nodes",
    [
        (3, 1, [("m", "x"), ("m", "t")], {"m", "x", "t"}),   # top 3 entities, all their edges
        (3, 2, [("m", "x")], {"m", "x"}),                     # weak edge dropped, t left isolated → dropped
        (2, 1, [("m", "x")], {"m", "x"}),                     # edges to entities outside the top are dropped
        (3, 9, [], set()),                                     # nothing that strong
    ],
)
def test_select_network(top_n, min_weight, edges, nodes):
    from newskit.analysis.cooccurrence import select_network
    pairs = pd.DataFrame({"a": ["m", "m", "x"], "b": ["x", "t", "z"], "weight": [3, 1, 5]})
    counts = pd.Series({"m": 9, "x": 7, "t": 5, "z": 1})
    kept, node_counts = select_network(pairs, counts, top_n, min_weight)
    assert list(zip(kept["a"], kept["b"])) == edges
    assert set(node_counts.index) == nodes


@pytest.mark.parametrize(("value", "shown"), [
    ((13,), "13"),          # one paragraph, not "(13,)"
    ((13, 14), "13–14"),    # a 1-2 or 2-1 match: consecutive paragraphs
    ((3, 7), "3, 7"),       # not consecutive
    ((), "—"),              # no counterpart (1-0 / 0-1)
    (None, "—"),
    (5, "5"),               # a plain id passes through
])
def test_format_para_ids(value, shown):
    assert format_para_ids(value) == shown


def test_readable_audit_and_agreement_by_language():
    audit = pd.DataFrame({
        "doc_a": ["ja1", "ja1", "de1"], "doc_b": ["de1", "de1", "ja2"],
        "para_a": [(0,), (1, 2), ()], "para_b": [(0,), (1,), (4,)],
        "entities_only_a": [["musk"], [], []], "entities_only_b": [[], [], ["xai"]],
        "entities_shared": [1, 2, 0], "numbers_only_a": [[], [], []], "numbers_only_b": [[], [], []],
        "numbers_shared": [1, 0, 1], "flag": [True, False, True],
    })
    shown = readable_audit(audit)
    assert shown["para_a"].tolist() == ["0", "1–2", "—"] and shown["entities_only_a"].tolist() == ["musk", "", ""]
    documents = pd.DataFrame({"doc_id": ["ja1", "ja2", "de1"], "lang": ["ja", "ja", "de"]})
    by_language = agreement_by_language(audit, documents)
    # both document pairs are de–ja (ja1–de1 turned round): entities 3 shared of 3 + 2 = 0.6,
    # quantities 2 shared, none on one side only = 1.0
    row = by_language.iloc[0]
    assert (row["lang_a"], row["lang_b"], row["doc_pairs"], row["pairs"], row["flagged"]) == ("de", "ja", 2, 3, 2)
    assert row["entity_agreement"] == pytest.approx(0.6) and row["number_agreement"] == 1.0
