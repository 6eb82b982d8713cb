"""Collocations: window counts and the association scores, checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.association import COLLOCATION_COLUMNS, association_scores, collocations

from tests.builders import FUNCTION_WORDS, make_tokens

# N = 13 words in four paragraphs; node n occurs f(n) = 3 times.
HAND = [("d1", 0, "n p q r"), ("d1", 1, "p n q"), ("d1", 2, "r r s"), ("d1", 3, "n s p")]
# window = 1: n in paragraph 0 sees only p (right; the left slot is outside the
# paragraph), n in paragraph 1 sees p (left) and q (right), n in paragraph 3
# sees s (right): S = 4 slots.  r is never next to n.
#
# p: O = 2, f(p) = 3
#   E        = S f(p) / N = 4 * 3 / 13 = 0.923077
#   MI       = log2(2 / 0.923077) = log2(2.166667) = 1.115477
#   t        = (2 - 0.923077) / sqrt(2) = 1.076923 / 1.414214 = 0.761500
#   logDice  = 14 + log2(2 * 2 / (3 + 3)) = 14 + log2(0.666667) = 13.415037
#   2×2 table: O11 = 2, O12 = S - O = 2, O21 = f(p) - O = 1, O22 = 13 - 4 - 3 + 2 = 8
#   rows 4 / 9, columns 3 / 10: E11 = 12/13, E12 = 40/13, E21 = 27/13, E22 = 90/13
#   G² = 2 (2 ln(2/0.923077) + 2 ln(2/3.076923) + 1 ln(1/2.076923) + 8 ln(8/6.923077))
#      = 2 (1.546379 - 0.861566 - 0.730888 + 1.156648) = 2.221153
# q: O = 1, f(q) = 2
#   E = 4 * 2 / 13 = 0.615385; MI = log2(1.625) = 0.700440
#   t = (1 - 0.615385) / 1 = 0.384615;  logDice = 14 + log2(2 / 5) = 12.678072
#   O = (1, 3, 1, 8), rows 4 / 9, columns 2 / 11:
#   G² = 2 (ln(1/0.615385) + 3 ln(3/3.384615) + ln(1/1.384615) + 8 ln(8/7.615385)) = 0.384740
EXPECTED = {
    "p": {"observed": 2, "left": 1, "right": 1, "collocate_freq": 3, "expected": 12 / 13,
          "mi": 1.115477, "t_score": 0.761500, "log_dice": 13.415037, "g2": 2.221153},
    "q": {"observed": 1, "left": 0, "right": 1, "collocate_freq": 2, "expected": 8 / 13,
          "mi": 0.700440, "t_score": 0.384615, "log_dice": 12.678072, "g2": 0.384740},
}


def test_scores_match_the_hand_computation() -> None:
    table = collocations(make_tokens(HAND, stop=FUNCTION_WORDS), "n", window=1, min_freq=1).set_index("collocate")
    assert list(table.columns) == COLLOCATION_COLUMNS[1:]
    assert set(table.index) == {"p", "q", "s"}              # r never co-occurs
    assert table.attrs["window_slots"] == 4 and table.attrs["corpus_words"] == 13
    for collocate, expected in EXPECTED.items():
        row = table.loc[collocate]
        assert row["node_freq"] == 3
        for column, value in expected.items():
            assert row[column] == pytest.approx(value, abs=1e-6), (collocate, column)


def test_association_scores_on_scalars() -> None:
    # the same p row straight from the formula function
    scores = association_scores(2, 3, 3, 4, 13).iloc[0]
    assert scores["g2"] == pytest.approx(2.221153, abs=1e-6)
    assert scores["mi"] == pytest.approx(math.log2(2 / (12 / 13)))
    with pytest.raises(ArgumentError):
        association_scores(0, 3, 3, 4, 13)  # O = 0 has no MI: never a collocate row


@pytest.mark.parametrize(("rows", "options", "expected"), [
    # a window never crosses a paragraph boundary: y ends paragraph 0, n starts paragraph 1
    ([("d", 0, "x y"), ("d", 1, "n z")], {"window": 2}, {"z": (0, 1)}),
    # nor a document boundary
    ([("d", 0, "x y"), ("e", 0, "n z")], {"window": 2}, {"z": (0, 1)}),
    # punctuation takes no slot: p is the first word left of n
    ([("d", 0, "p . , n")], {"window": 1}, {"p": (1, 0)}),
    # a stop word takes its slot but is not reported ...
    ([("d", 0, "p the n")], {"window": 1}, {}),
    # ... unless content_only=False
    ([("d", 0, "p the n")], {"window": 1, "content_only": False}, {"the": (1, 0)}),
    # overlapping windows count once per node occurrence; the node is never its own collocate
    ([("d", 0, "n p n")], {"window": 1}, {"p": (1, 1)}),
    # (left, right) windows: right-hand collocates only
    ([("d", 0, "p n q")], {"window": (0, 1)}, {"q": (0, 1)}),
    # collocates may be read from another column (surface forms here)
    ([("d", 0, "cats=cat n")], {"window": 1, "by": "surface"}, {"cats": (1, 0)}),
])
def test_window_rules(rows, options, expected) -> None:
    table = collocations(make_tokens(rows, stop=FUNCTION_WORDS), "n", min_freq=1, **options)
    found = {row.collocate: (row.left, row.right) for row in table.itertuples()}
    assert found == expected


@pytest.mark.parametrize("node", ["Mistral AI", ["Mistral", "AI"]])
def test_multiword_node(node) -> None:
    # "Mistral AI" as two tokens and as one merged token are both the node;
    # a lone "AI" is not, and the node's own words are not collocates
    tokens = make_tokens([("d", 0, "Paris Mistral AI raised"), ("d", 1, ["funds", "Mistral AI"]),
                           ("d", 2, "AI hype")], stop=FUNCTION_WORDS)
    table = collocations(tokens, node, window=1, min_freq=1)
    assert table.attrs["node_freq"] == 2
    assert set(table["collocate"]) == {"Paris", "raised", "funds"}


def test_missing_node_says_so() -> None:
    # an empty result carries a note instead of looking like "no collocates"
    table = collocations(make_tokens(HAND, stop=FUNCTION_WORDS), "Mistral AI")
    assert table.empty and list(table.columns) == COLLOCATION_COLUMNS
    assert "does not occur" in table.attrs["note"]


@pytest.mark.parametrize("window", [0, -1, (0, 0), (-1, 2)])
def test_bad_window(window) -> None:
    with pytest.raises(ArgumentError, match="window="):
        collocations(make_tokens(HAND, stop=FUNCTION_WORDS), "n", window=window)


def test_min_freq_filters_observed() -> None:
    # only p co-occurs twice
    assert collocations(make_tokens(HAND, stop=FUNCTION_WORDS), "n", window=1)["collocate"].tolist() == ["p"]


def test_real_corpus(tokens) -> None:
    # xAI in the German translation: a sane table sorted by log Dice
    de = tokens[tokens["doc_id"] == "zdx-xai-de"]
    table = collocations(de, "xAI")
    assert table.attrs["node_freq"] == 35
    assert len(table) > 5 and (table["observed"] >= 2).all()
    assert table["log_dice"].is_monotonic_decreasing
    assert (table["observed"] <= table["collocate_freq"]).all()
    assert pd.api.types.is_float_dtype(table["g2"]) and (table["g2"] >= 0).all()
