"""Showing computed prose and picking catalog columns in notebooks.

Interpretation in the notebooks sits under the output it interprets; a
sentence that quotes a number is computed from the table (a short f-string
passed to :func:`say`), so on another corpus it says what that corpus's
tables say.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from IPython.display import Markdown, display

__all__ = ["present_columns", "say"]


def say(text: str) -> None:
    """Display ``text`` as Markdown (nothing for an empty string), so a
    computed sentence renders as prose in JupyterLab and in the HTML report."""
    if text:
        display(Markdown(text))


def present_columns(frame: pd.DataFrame, wanted: Sequence[str]) -> list[str]:
    """The columns of ``wanted`` that ``frame`` has, in that order: a catalog
    needs only ``doc_id, file, lang``, so a notebook shows whatever metadata
    there is instead of failing on a missing ``title``."""
    return [column for column in wanted if column in frame.columns]
