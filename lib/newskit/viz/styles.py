"""pandas Stylers for tables that show corpus text in notebooks and HTML."""

from __future__ import annotations

import pandas as pd

__all__ = ["style_aligned_view"]


def style_aligned_view(view: pd.DataFrame):
    """A pandas Styler of :func:`aligned_view`: wrapped text, flagged rows
    highlighted, for notebooks and their HTML export."""
    def highlight(row: pd.Series) -> list[str]:
        colour = "background-color: #fde2e1" if row["flagged"] else ""
        return [colour] * len(row)

    return (view.style.apply(highlight, axis=1).hide(axis="index")
            .set_properties(**{"text-align": "left", "white-space": "pre-wrap", "vertical-align": "top",
                               "min-width": "14em", "font-size": "0.85em"}))
