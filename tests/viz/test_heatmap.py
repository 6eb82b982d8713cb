"""The coded-shares heatmap: every number readable."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from newskit import ArgumentError
from newskit.analysis.coding import cross_tabulate_codes
from newskit.viz.heatmap import plot_code_heatmap, plot_heatmap
from newskit.viz.layout import contrast_ratio

CODED = pd.DataFrame({"資金": [1, 1, 1, 1, 0, 0, 0, 0], "Klage": [0, 0, 1, 1, 1, 1, 0, 1], "none": [0] * 8},
                     index=pd.Index([f"d{i}" for i in range(8)], name="doc_id"))
DOCUMENTS = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "lang": ["ja"] * 4 + ["de"] * 4})


def cell_colour(fig, row: int, col: int):
    image = fig.axes[0].images[0]
    value = image.get_array()[row, col]
    return image.cmap(image.norm(value)) if value is not np.ma.masked else image.cmap.get_bad()


def test_every_annotation_contrasts_with_its_cell() -> None:
    fig = plot_code_heatmap(cross_tabulate_codes(CODED, DOCUMENTS, "lang"))
    ax = fig.axes[0]
    assert len(ax.texts) == 6
    for text in ax.texts:
        col, row = (round(value) for value in text.get_position())
        assert contrast_ratio(text.get_color(), cell_colour(fig, row, col)) >= 4.5, text.get_text()
    # shares as percentages, residuals in brackets: de uses 資金 0 of 4, residual -2.83
    labels = {text.get_text() for text in ax.texts}
    assert "0%\n(-2.8)" in labels and "100%\n(+2.8)" in labels
    # |residual| >= 1.96 gets a frame: 資金 in de and ja
    assert sum(isinstance(patch, Rectangle) for patch in ax.patches) == 2


def test_plain_table_with_missing_values() -> None:
    table = pd.DataFrame([[0.1, np.nan], [2.5, 9.0]], index=["ja", "de"], columns=["a", "b"])
    fig = plot_code_heatmap(table, cmap="viridis")
    texts = {text.get_text() for text in fig.axes[0].texts}
    assert texts == {"0.1", "–", "2.5", "9"}
    with pytest.raises(ArgumentError, match="empty"):
        plot_code_heatmap(pd.DataFrame())


@pytest.mark.parametrize("cmap", ["Blues", "viridis"])
@pytest.mark.parametrize("values", [
    [[0.0, 0.05], [0.1, 2.1]],     # mention rates: many near-zero cells and one dark one (the old white-on-white)
    [[1.0, 0.02], [0.5, 0.98]],    # similarities from 0 to 1
])
def test_matrix_heatmap_annotations_contrast_with_every_cell(cmap, values) -> None:
    matrix = pd.DataFrame(values, index=["a", "b"], columns=["x", "y"])
    fig = plot_heatmap(matrix, cmap=cmap, annotate=True, fmt=".1f")
    ax = fig.axes[0]
    assert len(ax.texts) == 4
    for text in ax.texts:
        col, row = (round(value) for value in text.get_position())
        assert contrast_ratio(text.get_color(), cell_colour(fig, row, col)) >= 4.5, (cmap, text.get_text())
