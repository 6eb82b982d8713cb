"""Range, Juilland's D and Gries' DP on a three-part toy corpus, by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newskit import ArgumentError
from newskit.analysis.evenness import dispersion_measures

from tests.builders import FUNCTION_WORDS, make_tokens

# Three parts of 2, 3 and 5 words (N = 10): s = (0.2, 0.3, 0.5).
PARTS = [("A", 0, "x y"), ("B", 0, "x y y"), ("C", 0, "x x y y z")]
# x: f = (1, 1, 2), total 4, range 3
#   DP:  v = (1/4, 1/4, 2/4) = (0.25, 0.25, 0.5)
#        ½ (|0.25 - 0.2| + |0.25 - 0.3| + |0.5 - 0.5|) = ½ (0.05 + 0.05 + 0) = 0.05
#   DPnorm = 0.05 / (1 - 0.2) = 0.0625
#   D:   p = (1/2, 1/3, 2/5) = (45, 30, 36) / 90; mean = 111/270 = 37/90
#        deviations (8, -7, -1) / 90; squares (64 + 49 + 1) / 8100 = 114/8100
#        population sd = sqrt(114 / 3) / 90 = sqrt(38) / 90
#        V = sd / mean = sqrt(38) / 37;  D = 1 - sqrt(38) / (37 sqrt(2)) = 1 - sqrt(19)/37 = 0.882192
# y: f = (1, 2, 2), total 5
#   DP:  v = (0.2, 0.4, 0.4): ½ (0 + 0.1 + 0.1) = 0.1;  DPnorm = 0.1 / 0.8 = 0.125
#   D:   p = (1/2, 2/3, 2/5) = (45, 60, 36) / 90; mean = 47/90; deviations (-2, 13, -11) / 90
#        squares (4 + 169 + 121) / 8100 = 294/8100 -> sd = sqrt(98) / 90
#        V = sqrt(98) / 47;  D = 1 - sqrt(98) / (47 sqrt(2)) = 1 - 7/47 = 0.851064
# z: f = (0, 0, 1), only in the largest part, range 1
#   DP:  v = (0, 0, 1): ½ (0.2 + 0.3 + 0.5) = 0.5;  DPnorm = 0.5 / 0.8 = 0.625
#   D:   p = (0, 0, 1/5); mean = 1/15; deviations (-1, -1, 2) / 15 -> sd = sqrt(6 / 3) / 15 = sqrt(2)/15
#        V = sqrt(2);  D = 1 - sqrt(2) / sqrt(2) = 0 (all in one part)
EXPECTED = {
    "x": (4, 3, 1 - math.sqrt(19) / 37, 0.05, 0.0625),
    "y": (5, 3, 1 - 7 / 47, 0.1, 0.125),
    "z": (1, 1, 0.0, 0.5, 0.625),
}


def test_three_part_corpus_by_hand() -> None:
    table = dispersion_measures(make_tokens(PARTS, stop=FUNCTION_WORDS), ["x", "y", "z"], normalised=True)
    assert table["term"].tolist() == ["x", "y", "z"]
    for row in table.itertuples():
        frequency, range_, d, dp, dp_norm = EXPECTED[row.term]
        assert (row.frequency, row.range) == (frequency, range_)
        assert row.juilland_d == pytest.approx(d, abs=1e-12)
        assert row.dp == pytest.approx(dp, abs=1e-9)
        assert row.dp_norm == pytest.approx(dp_norm, abs=1e-9)
    assert table.attrs["parts"] == 3


def test_stop_words_count_in_part_sizes() -> None:
    # part sizes are words, stop words included: "the" makes B 2 words long
    # x: f = (1, 1), s = (1/3, 2/3), v = (0.5, 0.5): DP = ½ (1/6 + 1/6) = 1/6
    table = dispersion_measures(make_tokens([("A", 0, "x"), ("B", 0, "x the")], stop=FUNCTION_WORDS), "x")
    assert table.loc[0, "dp"] == pytest.approx(1 / 6)
    assert "dp_norm" not in table.columns


@pytest.mark.parametrize(("by", "parts"), [
    # paragraphs as parts: 2 paragraphs of A, 1 of B
    (["doc_id", "para_id"], 3),
    # groups from a doc_id mapping: both documents in one group
    (pd.Series({"A": "g", "B": "g"}), 1),
])
def test_parts_from_any_grouping(by, parts) -> None:
    tokens = make_tokens([("A", 0, "x y"), ("A", 1, "y"), ("B", 0, "x")], stop=FUNCTION_WORDS)
    table = dispersion_measures(tokens, ["x"], by=by)
    assert table.attrs["parts"] == parts
    if parts == 1:
        # one part: D is undefined, DP is 0 (the only part holds everything it should)
        assert math.isnan(table.loc[0, "juilland_d"]) and table.loc[0, "dp"] == 0


def test_absent_term_is_reported() -> None:
    # a term that never occurs: frequency 0, range 0, NaN scores, still a row
    row = dispersion_measures(make_tokens(PARTS, stop=FUNCTION_WORDS), ["nowhere"]).iloc[0]
    assert (row["frequency"], row["range"]) == (0, 0)
    assert math.isnan(row["juilland_d"]) and math.isnan(row["dp"])


def test_empty_term_list() -> None:
    with pytest.raises(ArgumentError, match="at least one term"):
        dispersion_measures(make_tokens(PARTS, stop=FUNCTION_WORDS), [])


def test_real_corpus(tokens) -> None:
    # xAI is in all five seed articles; Grok 2 in fewer
    table = dispersion_measures(tokens, ["xAI", "マスク"], normalised=True).set_index("term")
    assert table.loc["xAI", "range"] == 5
    assert table.loc["マスク", "range"] == 3          # the Japanese articles only
    assert table["dp"].between(0, 1).all() and table["dp_norm"].between(0, 1).all()
    assert table.loc["xAI", "dp"] < table.loc["マスク", "dp"]
