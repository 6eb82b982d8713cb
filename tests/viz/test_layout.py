"""Size cap, readable text colours and greedy label thinning."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from newskit.viz.layout import MAX_PIXELS, SAVE_DPI, SAVE_PAD, capped_size, contrast_ratio, text_colour, thin_labels

#: 4,000 px at 150 dpi = 26.67 in, less 0.1 in of padding on each side = 26.47 in
LIMIT = MAX_PIXELS / SAVE_DPI - 2 * SAVE_PAD


@pytest.mark.parametrize(("size", "expected"), [
    ((8, 7), (8, 7)),                                     # small: unchanged
    ((80, 40), (LIMIT, LIMIT / 2)),                       # wide: both sides scaled, shape kept
    ((5, 100), (5 * LIMIT / 100, LIMIT)),                 # tall
])
def test_capped_size(size, expected) -> None:
    assert capped_size(*size) == pytest.approx(expected, rel=1e-3)


@pytest.mark.parametrize("cmap", ["Blues", "viridis", "RdBu_r", "magma", "Greys"])
def test_text_colour_is_always_readable(cmap) -> None:
    # every cell colour of the map gets a text colour with WCAG contrast >= 4.5
    for value in np.linspace(0, 1, 101):
        background = plt.get_cmap(cmap)(value)
        assert contrast_ratio(text_colour(background), background) >= 4.5, (cmap, value)


def test_thinning_keeps_priority_and_infinite_labels() -> None:
    fig, ax = plt.subplots()
    # three labels on one spot and one far away; the document label (inf) stays even if it overlaps
    texts = [ax.text(0.5, 0.5, "alpha"), ax.text(0.5, 0.5, "beta"), ax.text(0.5, 0.5, "doc"),
             ax.text(0.05, 0.05, "far")]
    hidden = thin_labels(fig, texts, [1.0, 2.0, np.inf, 0.5])
    assert hidden == 2
    assert [text.get_visible() for text in texts] == [False, False, True, True]


def test_capped_size_side_by_side() -> None:
    # a wide heatmap keeps its height instead of shrinking into a strip
    assert capped_size(600, 8.5, keep_shape=False) == pytest.approx((LIMIT, 8.5))
