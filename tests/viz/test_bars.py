"""plot_keyness: the corrected threshold, pale bars for terms that do not
survive, and the log ratio beside every bar (rendered, so a missing glyph fails)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from newskit.analysis.distinctive import distinctive_keyness
from newskit.viz.bars import CRITICAL_G2, plot_keyness
from newskit.viz.fonts import use_japanese_font
from tests.builders import make_tokens

#: 投資 20 vs 5, 株主 12 vs 4 in 100-token texts (see tests/analysis/test_significance.py: under
#: Bonferroni only the first survives, its threshold is critical_value(0.05 / 4) = 6.238533)
DOCS = {"ja1": ["投資"] * 20 + ["株主"] * 12 + ["資金"] * 10 + ["他"] * 58,
        "ja2": ["投資"] * 5 + ["株主"] * 4 + ["資金"] * 5 + ["他"] * 86}


def test_keyness_plot_marks_the_correction(tmp_path):
    use_japanese_font()
    table = distinctive_keyness(make_tokens(DOCS), ["ja1", "ja2"], n=3, correction="bonferroni")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (†, –, kanji) is an error
        fig = plot_keyness(table)
        fig.savefig(tmp_path / "keyness.png")
    ax = fig.axes[0]
    bars = {tick.get_text(): bar for tick, bar in zip(ax.get_yticklabels(), ax.patches, strict=True)}
    # ja1 over-uses 投資 (survives) and 株主 (does not): filled vs pale and hatched
    assert bars["投資"].get_hatch() in ("", None) and bars["株主"].get_hatch() == "//"
    lines = sorted(round(line.get_xdata()[0], 4) for line in ax.lines)
    assert lines == [CRITICAL_G2, 6.2385]
    texts = [text.get_text() for text in ax.texts]
    assert any(text.startswith(" LR +") for text in texts)
    legend = [text.get_text() for text in fig.legends[0].get_texts()]
    assert "Bonferroni correction threshold" in legend and "does not survive" in legend


def test_keyness_plot_of_an_old_table_draws_the_single_test_line_only():
    # a table without the correction columns (e.g. read from an older CSV) still plots
    table = pd.DataFrame({"doc_id": ["a", "a"], "term": ["x", "y"], "g2": [9.0, 4.0], "log_ratio": [2.0, 1.0]})
    fig = plot_keyness(table)
    assert [line.get_xdata()[0] for line in fig.axes[0].lines] == [CRITICAL_G2]
    assert all(patch.get_hatch() in ("", None) for patch in fig.axes[0].patches)


def test_low_expected_rows_get_a_dagger():
    table = pd.DataFrame({"doc_id": ["a"], "term": ["x"], "g2": [9.0], "log_ratio": [2.0],
                          "significant": [True], "critical_g2": [5.0], "low_expected": [True]})
    fig = plot_keyness(table)
    assert [text.get_text() for text in fig.axes[0].texts] == [" LR +2.0 †"]
    assert np.isclose(fig.axes[0].lines[1].get_xdata()[0], 5.0)


def test_empty_table_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        plot_keyness(pd.DataFrame(columns=["doc_id", "term", "g2", "log_ratio"]))
