"""Tests for newskit.analysis.significance and the keyness columns it feeds,
with the correction arithmetic done by hand in the comments."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newskit.analysis.distinctive import distinctive_keyness
from newskit.analysis.keyness import compute_keyness
from newskit.analysis.significance import (
    adjust_p_values,
    compute_p_value,
    critical_value,
    label_significance,
    significance_threshold,
)
from newskit.errors import ArgumentError
from tests.builders import make_tokens


@pytest.mark.parametrize(
    ("correction", "expected"),
    [
        # Bonferroni, m = 4: p · 4 = 0.04, 0.08, 0.12, 2.0 → clipped to 1
        ("bonferroni", [0.04, 0.08, 0.12, 1.0]),
        # BH: ranks 1..4 give p·m/rank = 0.01·4/1 = 0.04, 0.02·4/2 = 0.04, 0.03·4/3 = 0.04, 0.5·4/4 = 0.5;
        # the running minimum from the largest rank down leaves them as they are
        ("bh", [0.04, 0.04, 0.04, 0.5]),
        # no correction: p itself
        (None, [0.01, 0.02, 0.03, 0.5]),
    ],
)
def test_adjust_p_values_by_hand(correction, expected):
    assert adjust_p_values(np.array([0.01, 0.02, 0.03, 0.5]), correction) == pytest.approx(expected)


def test_bh_takes_the_running_minimum_and_keeps_the_input_order():
    # p = 0.04, 0.01, 0.03, 0.20 (m = 4), sorted 0.01 (1), 0.03 (2), 0.04 (3), 0.20 (4):
    # p·m/rank = 0.04, 0.06, 0.053333, 0.20; running minimum from the top:
    # rank 4: 0.20; rank 3: 0.053333; rank 2: min(0.06, 0.053333) = 0.053333; rank 1: 0.04
    got = adjust_p_values(np.array([0.04, 0.01, 0.03, 0.20]), "bh")
    assert got == pytest.approx([0.053333, 0.04, 0.053333, 0.20], abs=1e-6)


def test_rows_are_separate_families_and_nan_is_not_tested():
    # row 0: two tested p-values (m = 2), the NaN stays NaN; row 1: m = 3
    p = np.array([[0.01, np.nan, 0.04], [0.01, 0.02, 0.04]])
    bonferroni = adjust_p_values(p, "bonferroni")
    assert bonferroni[0, [0, 2]] == pytest.approx([0.02, 0.08]) and np.isnan(bonferroni[0, 1])
    assert bonferroni[1] == pytest.approx([0.03, 0.06, 0.12])
    # BH row 0: 0.01·2/1 = 0.02, 0.04·2/2 = 0.04; row 1: 0.03, 0.03, 0.04
    bh = adjust_p_values(p, "bh")
    assert bh[0, [0, 2]] == pytest.approx([0.02, 0.04]) and bh[1] == pytest.approx([0.03, 0.03, 0.04])


@pytest.mark.parametrize(
    ("p", "g2"),
    [(0.05, 3.841459), (0.01, 6.634897), (0.001, 10.827566), (0.0001, 15.136705), (1.0, 0.0)],
)
def test_critical_values_invert_the_p_value(p, g2):
    # the χ²(1) quantiles behind the published 3.84 / 6.63 / 10.83 / 15.13
    assert critical_value(p) == pytest.approx(g2, abs=1e-6)
    assert compute_p_value(critical_value(p)) == pytest.approx(p)


@pytest.mark.parametrize(
    ("g2", "label"),
    [(0.0, "n.s."), (3.83, "n.s."), (3.84, "p < 0.05"), (6.63, "p < 0.01"), (10.83, "p < 0.001"),
     (15.13, "p < 0.0001"), (200.0, "p < 0.0001")],
)
def test_significance_labels_use_the_standard_critical_values(g2, label):
    assert label_significance(np.array([g2]))[0] == label


@pytest.mark.parametrize(
    ("correction", "level"),
    [
        ("bonferroni", 0.05 / 4),  # alpha / m
        ("bh", 3 * 0.05 / 4),      # k = 3 survivors (test_adjust_p_values_by_hand): k · alpha / m
        (None, 0.05),
    ],
)
def test_significance_threshold(correction, level):
    threshold = significance_threshold(np.array([0.01, 0.02, 0.03, 0.5]), correction)
    assert threshold == pytest.approx([critical_value(level)])


def test_bh_threshold_without_survivors_is_the_first_step():
    # no p below alpha/m: the line sits at alpha / m, which nothing reaches
    assert significance_threshold(np.array([0.5, 0.6]), "bh") == pytest.approx([critical_value(0.025)])


@pytest.mark.parametrize(("correction", "alpha"), [("holm", 0.05), ("bh", 0.0), ("bh", 1.5)])
def test_bad_corrections(correction, alpha):
    with pytest.raises(ArgumentError):
        significance_threshold(np.array([0.1]), correction, alpha)


# --- keyness tables ------------------------------------------------------------

#: Four terms, target and reference of 100 tokens each (so E1 = E2 = (a + b) / 2):
#:   w1 20 vs 5:  G² = 2(20 ln(20/12.5) + 5 ln(5/12.5))  = 9.637238, p = erfc(√(G²/2)) = 0.001907
#:   w4 58 vs 86: G² = 2(58 ln(58/72) + 86 ln(86/72))    = 5.479282, p = 0.019243
#:   w2 12 vs 4:  G² = 2(12 ln(12/8) + 4 ln(4/8))        = 4.185985, p = 0.040760
#:   w3 10 vs 5:  G² = 2(10 ln(10/7.5) + 5 ln(5/7.5))    = 1.698990, p = 0.192420
FOUR = {"t": ["w1"] * 20 + ["w2"] * 12 + ["w3"] * 10 + ["w4"] * 58,
        "r": ["w1"] * 5 + ["w2"] * 4 + ["w3"] * 5 + ["w4"] * 86}


@pytest.mark.parametrize(
    ("correction", "p_adjusted", "significant", "critical"),
    [
        # Bonferroni, m = 4: 0.001907·4 = 0.007627, 0.076973, 0.163038, 0.769680 → only w1;
        # line at critical_value(0.05/4 = 0.0125) = 6.238533
        ("bonferroni", [0.007627, 0.076973, 0.163038, 0.769680], [True, False, False, False], 6.238533),
        # BH: p·4/rank = 0.007627, 0.019243·4/2 = 0.038486, 0.040760·4/3 = 0.054346, 0.192420·4/4 = 0.192420
        # (already increasing, the running minimum changes nothing) → w1 and w4;
        # k = 2: line at critical_value(2·0.05/4 = 0.025) = 5.023886
        ("bh", [0.007627, 0.038486, 0.054346, 0.192420], [True, True, False, False], 5.023886),
        # uncorrected: three of four pass p < 0.05; line at 3.841459
        (None, [0.001907, 0.019243, 0.040760, 0.192420], [True, True, True, False], 3.841459),
    ],
)
def test_four_term_keyness_by_hand(correction, p_adjusted, significant, critical):
    table = compute_keyness(make_tokens(FOUR), "t", correction=correction)
    assert table["term"].tolist() == ["w1", "w4", "w2", "w3"]
    assert table["g2"].tolist() == pytest.approx([9.637238, 5.479282, 4.185985, 1.698990], abs=1e-6)
    assert table["p_adjusted"].tolist() == pytest.approx(p_adjusted, abs=1e-6)
    assert table["significant"].tolist() == significant
    assert table["critical_g2"].tolist() == pytest.approx([critical] * 4, abs=1e-6)
    # the standard levels are for one test: w1 passes 6.63, w4 and w2 pass 3.84 only
    assert table["significance"].tolist() == ["p < 0.01", "p < 0.05", "p < 0.05", "n.s."]
    assert f"{sum(significant)} significant" in table.attrs["note"]


def test_the_family_includes_under_used_terms_and_the_top_n_cut_does_not_shrink_it():
    # distinctive_keyness lists only over-used terms, but corrects for all four tested terms of "t"
    full = compute_keyness(make_tokens(FOUR), "t", correction="bonferroni").set_index("term")
    listed = distinctive_keyness(make_tokens(FOUR), ["t", "r"], n=1, correction="bonferroni")
    row = listed[listed["doc_id"] == "t"].iloc[0]
    assert row["term"] == "w1" and row["p_adjusted"] == pytest.approx(full.loc["w1", "p_adjusted"])
    assert listed.attrs["family_size"] == 4 and listed.attrs["survivors"] == {"t": 1, "r": 0}


#: Target p p q x×7 (10 tokens), reference q y×9 (10 tokens): E1 = E2 = (a + b) / 2
#:   p 2/0 → E = 1;  q 1/1 → E = 1;  x 7/0 → E = 3.5;  y 0/9 → E = 4.5: every row below 5
SMALL = {"t": ["p", "p", "q"] + ["x"] * 7, "r": ["q"] + ["y"] * 9}


@pytest.mark.parametrize(
    ("min_expected", "terms", "dropped"),
    [
        (0.0, {"p", "q", "x", "y"}, 0),   # flag only (default)
        (1.0, {"p", "q", "x", "y"}, 0),   # E = 1 is not below 1
        (4.0, {"y"}, 3),                  # p, q (E 1) and x (E 3.5) are left out and not tested
    ],
)
def test_minimum_expected_frequency_guard(min_expected, terms, dropped):
    table = compute_keyness(make_tokens(SMALL), "t", min_count=2, min_expected=min_expected)
    assert set(table["term"]) == terms
    assert table["low_expected"].all()
    note = table.attrs["note"]
    assert f"{len(terms)} tested terms have an expected frequency below 5" in note
    assert (f"{dropped} terms with an expected frequency below" in note) == bool(dropped)
    # expected frequencies are in the table: y E1 = 10·9/20 = 4.5
    y = table.set_index("term").loc["y"]
    assert (y["expected_target"], y["expected_ref"]) == pytest.approx((4.5, 4.5))


def test_the_family_shrinks_when_rows_are_left_out():
    # with min_expected=4 only y is tested: m = 1, so its Bonferroni p equals its p
    table = compute_keyness(make_tokens(SMALL), "t", min_count=2, min_expected=4, correction="bonferroni")
    assert table["p_adjusted"].tolist() == pytest.approx(table["p_value"].tolist())


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"correction": "holm"}, "choose 'bonferroni', 'bh'"),
        ({"alpha": 0}, "alpha=0"),
        ({"min_expected": -1}, "min_expected=-1"),
        ({"corection": "bh"}, "unknown keyword.*corection"),
    ],
)
def test_bad_test_settings(keywords, message):
    with pytest.raises(ArgumentError, match=message):
        compute_keyness(make_tokens(FOUR), "t", **keywords)
    with pytest.raises(ArgumentError, match=message):
        distinctive_keyness(make_tokens(FOUR), ["t", "r"], **keywords)


def test_log_ratio_sign_agrees_with_direction_in_every_row():
    # many zero cells on both sides and unequal sizes (100 vs 10): no sign may contradict the direction
    docs = {"t": [f"t{k}" for k in range(40)] + ["both"] * 60, "r": ["both"] * 2 + [f"r{k}" for k in range(8)]}
    table = compute_keyness(make_tokens(docs), "t", min_count=1)
    sign = np.sign(table["log_ratio"]).map({1.0: "over", -1.0: "under", 0.0: "equal"})
    assert (sign == table["direction"]).all()


def test_distinctive_blocks_give_the_same_table(monkeypatch):
    # one document per block must give exactly the table of one block for all
    tokens = make_tokens({"a": "x x y z", "b": "x y y w", "c": "z z w x y"})
    whole = distinctive_keyness(tokens, ["a", "b", "c"], n=3, min_count=1)
    monkeypatch.setattr("newskit.analysis.distinctive.BLOCK_CELLS", 1)
    blocked = distinctive_keyness(tokens, ["a", "b", "c"], n=3, min_count=1)
    assert blocked.equals(whole)
    # and each document's rows equal compute_keyness of that document against the others
    for doc in ["a", "b", "c"]:
        single = compute_keyness(tokens, doc, min_count=1).query("direction == 'over'").head(3)
        mine = whole[whole["doc_id"] == doc]
        assert mine["term"].tolist() == single["term"].tolist()
        assert mine["p_adjusted"].tolist() == pytest.approx(single["p_adjusted"].tolist())
        assert mine["g2"].tolist() == pytest.approx(single["g2"].tolist())


def test_p_value_is_erfc():
    assert compute_p_value(9.637238) == pytest.approx(math.erfc(math.sqrt(9.637238 / 2)))
