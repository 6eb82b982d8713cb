"""Correspondence analysis against independent computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from newskit import ArgumentError
from newskit.analysis.correspondence import ca_term_table, correspondence_analysis

from tests.builders import FUNCTION_WORDS, make_tokens

# Greenacre's smoking data (staff group × smoking: none, light, medium, heavy),
# the textbook example of CA (Greenacre 1984; the `smoke` data of R's ca package).
SMOKE = pd.DataFrame(
    [[4, 2, 3, 2], [4, 3, 7, 4], [25, 10, 12, 4], [18, 24, 33, 13], [10, 6, 7, 2]],
    index=["SM", "JM", "SE", "JE", "SC"], columns=["none", "light", "medium", "heavy"],
)


def test_smoke_inertias_from_the_literature() -> None:
    # published: λ = 0.07476, 0.01002, 0.00041; total 0.08519 (87.8 % + 11.8 % + 0.5 %)
    ca = correspondence_analysis(SMOKE)
    assert ca.inertia.tolist() == pytest.approx([0.07476, 0.01002, 0.00041], abs=5e-6)
    assert ca.total_inertia == pytest.approx(0.08519, abs=5e-6)
    assert ca.explained.round(3).tolist() == [0.878, 0.118, 0.005]
    assert ca.inertia.is_monotonic_decreasing


def test_inertias_against_direct_svd_and_eigenvalues() -> None:
    ca = correspondence_analysis(SMOKE, n_dims=3)
    p = SMOKE.to_numpy(float) / SMOKE.to_numpy().sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    # (1) direct SVD of the standardised residuals, written out again here
    s = np.diag(r**-0.5) @ (p - np.outer(r, c)) @ np.diag(c**-0.5)
    assert ca.inertia.to_numpy() == pytest.approx(np.linalg.svd(s, compute_uv=False)[:3] ** 2, abs=1e-12)
    # (2) independently: the eigenvalues of D_r^-1 P D_c^-1 Pᵀ are 1 (trivial) and the λ_k
    eigen = np.sort(np.linalg.eigvals(np.diag(1 / r) @ p @ np.diag(1 / c) @ p.T).real)[::-1]
    assert eigen[0] == pytest.approx(1)
    assert ca.inertia.to_numpy() == pytest.approx(eigen[1:4], abs=1e-12)


def test_total_inertia_is_chi_square_over_n() -> None:
    chi2 = chi2_contingency(SMOKE.to_numpy(), correction=False)[0]
    ca = correspondence_analysis(SMOKE)
    assert ca.total_inertia == pytest.approx(chi2 / SMOKE.to_numpy().sum())
    assert ca.inertia.sum() == pytest.approx(ca.total_inertia)


def test_coordinates_and_contributions() -> None:
    ca = correspondence_analysis(SMOKE, n_dims=2)
    f, g = ca.row_coords.to_numpy(), ca.col_coords.to_numpy()
    lam = ca.inertia.to_numpy()[:2]
    # principal coordinates: mass-weighted variance of each axis is its inertia
    assert (ca.row_mass.to_numpy()[:, None] * f**2).sum(axis=0) == pytest.approx(lam)
    assert (ca.col_mass.to_numpy()[:, None] * g**2).sum(axis=0) == pytest.approx(lam)
    # transition formula: a column sits at the profile-weighted mean of the rows, / sqrt(λ)
    profile = (SMOKE / SMOKE.sum(axis=0)).to_numpy()
    assert g == pytest.approx(profile.T @ f / np.sqrt(lam))
    # contributions of each axis sum to 1
    assert ca.row_contrib.sum().tolist() == pytest.approx([1, 1])
    assert ca.col_contrib.sum().tolist() == pytest.approx([1, 1])
    # fixed signs: the largest column coordinate of every axis is positive
    assert (g[np.abs(g).argmax(axis=0), [0, 1]] > 0).all()


def test_perfect_association_two_by_two() -> None:
    # [[10, 0], [0, 10]]: χ² = 20, n = 20, one axis with λ = φ² = 1; rows at ±1
    ca = correspondence_analysis(pd.DataFrame([[10, 0], [0, 10]], index=["a", "b"], columns=["x", "y"]))
    assert ca.inertia.tolist() == pytest.approx([1.0])
    assert sorted(ca.row_coords[1].round(9)) == [-1.0, 1.0]


def test_empty_rows_and_columns_are_dropped_and_listed() -> None:
    table = SMOKE.copy()
    table.loc["nobody"] = 0
    table["never"] = 0
    ca = correspondence_analysis(table)
    assert list(ca.dropped_rows) == ["nobody"] and list(ca.dropped_cols) == ["never"]
    assert ca.inertia.tolist() == pytest.approx(correspondence_analysis(SMOKE).inertia.tolist())


@pytest.mark.parametrize(("table", "message"), [
    # a negative count is no contingency table
    (pd.DataFrame([[1, -1], [2, 3]]), "non-negative"),
    # one column: nothing to map
    (pd.DataFrame([[1], [2]]), "no dimension"),
    # all rows but one empty
    (pd.DataFrame([[1, 2], [0, 0]]), "no dimension"),
])
def test_bad_tables(table, message) -> None:
    with pytest.raises(ArgumentError, match=message):
        correspondence_analysis(table)


def test_term_table_for_a_kh_coder_style_map() -> None:
    tokens = make_tokens([("d1", 0, "x x y z"), ("d2", 0, "x y"), ("d3", 0, "y w w w")], stop=FUNCTION_WORDS)
    # w is frequent (3) but in one document only: left out with min_docs=2
    table = ca_term_table(tokens, top_n=2, min_docs=2)
    assert table.index.tolist() == ["x", "y"] and table.columns.tolist() == ["d1", "d2", "d3"]
    assert table.to_numpy().tolist() == [[2, 1, 0], [1, 1, 1]]
    by_group = ca_term_table(tokens, top_n=2, by=pd.Series({"d1": "g1", "d2": "g1", "d3": "g2"}))
    assert by_group.to_numpy().tolist() == [[3, 0], [2, 1]]


def test_real_corpus_map(tokens) -> None:
    ca = correspondence_analysis(ca_term_table(tokens, top_n=40))
    assert len(ca.row_coords) == 40 and len(ca.col_coords) == 5
    assert ca.explained.sum() == pytest.approx(1)
