"""Shared figure mechanics for the statistics plots: Japanese-capable fonts,
a size cap, readable text colours and greedy label thinning.

* Fonts: matplotlib-fontja bundles IPAexGothic; :func:`font_family` registers
  it and returns a family list with the installed CJK fallbacks and DejaVu
  Sans behind it for the glyphs IPAexGothic lacks, so ja, de and id labels
  (and Chinese names outside JIS, where a CJK font is installed) all render.
* Size: a figure grows with its labels but never beyond :data:`MAX_PIXELS`
  a side at :data:`SAVE_DPI` (the dpi ``save_figure`` writes), so a map of
  2,000 terms cannot produce a 30,000-pixel PNG.
* Text colour: black or white, whichever contrasts more with the cell
  (WCAG relative luminance; the switch is at L = 0.179, where both give a
  contrast ratio of 4.58 — above the 4.5 that WCAG asks of normal text).
* Panels: small multiples stop at :data:`MAX_PANELS` (the notebooks'
  article cap); :func:`note_shown` writes "12 of 1,000 … shown" on the
  figure when a function had to leave panels, bars or lines out.
* Thinning: labels are placed in priority order and a label whose bounding
  box overlaps one already placed is hidden — greedy, fast, and the count of
  hidden labels is written on the figure so nobody mistakes a thinned map for
  the whole vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

from newskit.analysis.groups import ARTICLE_CAP
from newskit.viz.fonts import cjk_fallbacks

__all__ = ["MAX_PANELS", "MAX_PIXELS", "SAVE_DPI", "SAVE_PAD", "capped_size", "contrast_ratio", "font_family", "note_hidden",
           "note_shown", "relative_luminance", "text_colour", "thin_labels", "thin_tick_labels"]

#: Most panels (or lines, clouds) one figure draws: the notebooks' article cap.
MAX_PANELS = ARTICLE_CAP

#: Longest side of a figure in pixels at :data:`SAVE_DPI`.
MAX_PIXELS = 4000
#: The dpi figures are saved at (``newskit.plots.save_figure``'s default).
SAVE_DPI = 150
#: Padding ``save_figure`` adds around the tight bounding box, in inches a side
#: (matplotlib's ``savefig.pad_inches``).
SAVE_PAD = 0.1
#: Family name of the font bundled with matplotlib-fontja.
JAPANESE_FONT = "IPAexGothic"


def font_family() -> list[str]:
    """Register the bundled Japanese font; the family list to draw with."""
    import matplotlib_fontja  # noqa: F401, PLC0415 - importing registers IPAexGothic

    return [JAPANESE_FONT, *cjk_fallbacks(), "DejaVu Sans"]


def capped_size(width: float, height: float, keep_shape: bool = True) -> tuple[float, float]:
    """``(width, height)`` in inches, scaled down together when a side of the
    saved PNG (the figure plus the padding of :data:`SAVE_PAD`) would exceed
    :data:`MAX_PIXELS` at :data:`SAVE_DPI`; with ``keep_shape=False`` each
    side is capped on its own (a heatmap of 15 × 1,000 cells keeps its height)."""
    limit = MAX_PIXELS / SAVE_DPI - 2 * SAVE_PAD
    if not keep_shape:
        return min(width, limit), min(height, limit)
    scale = min(1.0, limit / max(width, height))
    return width * scale, height * scale


def relative_luminance(colour) -> float:
    """WCAG 2 relative luminance of a matplotlib colour (0 black … 1 white)."""
    rgb = np.array(to_rgba(colour)[:3])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(first, second) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour(background) -> str:
    """``"black"`` or ``"white"``, whichever is more readable on ``background``."""
    return "black" if relative_luminance(background) > 0.179 else "white"


def thin_labels(fig: Figure, labels: Sequence[Text], priority: Sequence[float]) -> int:
    """Hide every label that overlaps a higher-priority one; returns how many
    were hidden.  Labels of infinite priority (document labels on a biplot)
    are never hidden: one that would overlap another is moved down, one line
    at a time, until it is clear.  Boxes include a label's frame and a small
    margin.  Call after all labels are placed (the layout is drawn once)."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    placed: list = []
    hidden = 0
    for index in np.argsort(-np.asarray(priority, dtype=float), kind="stable"):
        label = labels[index]
        box = _label_box(label, renderer)
        if priority[index] == np.inf:
            box = _move_clear(label, box, placed, renderer)
        elif any(box.overlaps(other) for other in placed):
            label.set_visible(False)
            hidden += 1
            continue
        placed.append(box)
    return hidden


#: Pixels kept free around every label by :func:`thin_labels`.
LABEL_MARGIN = 2.0
#: Most lines a kept label is moved to get clear of the others.
MAX_NUDGES = 12


def _label_box(label: Text, renderer):
    """The label's extent with its frame (``get_tightbbox``) and a margin."""
    return label.get_tightbbox(renderer).padded(LABEL_MARGIN)


def _move_clear(label: Text, box, placed: list, renderer):
    """Move an always-kept annotation (placed in offset points) down, a line
    at a time, while it overlaps a placed label; other text stays put."""
    if getattr(label, "anncoords", None) != "offset points":
        return box
    step = box.height * 72 / label.figure.dpi  # one line, in points
    for _ in range(MAX_NUDGES):
        if not any(box.overlaps(other) for other in placed):
            break
        x, y = label.xyann
        label.xyann = (x, y - step)
        box = _label_box(label, renderer)
    return box


def note_hidden(fig: Figure, hidden: int, what: str = "labels") -> None:
    """Say on the figure how many labels thinning hid (nothing when none) and
    keep the number as ``fig.newskit_hidden_labels`` for programs."""
    fig.newskit_hidden_labels = hidden
    if hidden:
        fig.text(0.99, 0.005, f"{hidden} {what} hidden to avoid overlap", ha="right", va="bottom",
                 fontsize="small", color="0.35")


def thin_tick_labels(fig: Figure, axes, which: str = "both") -> int:
    """Hide the tick labels of ``axes`` that would overlap their neighbours
    (first labels win), so a heatmap of 300 rows shows every k-th name
    instead of a black bar; returns how many were hidden."""
    hidden = 0
    for axis in ("x", "y") if which == "both" else (which,):
        labels = [label for label in getattr(axes, f"get_{axis}ticklabels")() if label.get_text()]
        hidden += thin_labels(fig, labels, [-k for k in range(len(labels))])
    return hidden


def note_shown(fig: Figure, shown: int, total: int, what: str = "groups") -> None:
    """Say on the figure that only ``shown`` of ``total`` items are drawn
    (nothing when all are) and keep the counts as ``fig.newskit_shown``."""
    fig.newskit_shown = (shown, total)
    if shown < total:
        fig.text(0.01, 0.005, f"{shown:,} of {total:,} {what} shown", ha="left", va="bottom",
                 fontsize="small", color="0.35")
