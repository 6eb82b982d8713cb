"""The Japanese font: every figure of the kit draws kana and kanji.

:func:`use_japanese_font` configures matplotlib once per notebook;
:func:`find_japanese_font` gives the TTF path to tools that take a file
(WordCloud) without touching matplotlib's settings.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import matplotlib.pyplot as plt

__all__ = ["CJK_FALLBACKS", "JAPANESE_FONT_NAME", "cjk_fallbacks", "find_japanese_font", "use_japanese_font"]

#: Family name of the font bundled with matplotlib-fontja.
JAPANESE_FONT_NAME = "IPAexGothic"
#: Fonts that carry the CJK characters JIS lacks (the 东 of 智东西), used
#: after IPAexGothic when the machine has them (Debian: fonts-noto-cjk).
CJK_FALLBACKS = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Source Han Sans", "WenQuanYi Zen Hei")


def cjk_fallbacks() -> list[str]:
    """The :data:`CJK_FALLBACKS` installed here, in that order."""
    from matplotlib import font_manager  # noqa: PLC0415 - the font list is built on first use

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in CJK_FALLBACKS if name in installed]


def find_japanese_font() -> Path:
    """Path of the IPAexGothic TTF bundled by matplotlib-fontja.

    Located via the package spec *without importing it*, because importing
    matplotlib_fontja rewrites matplotlib's rcParams as a side effect, and a
    word cloud should not change how later plots look.
    """
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("matplotlib-fontja is not installed; pip install matplotlib-fontja")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "ipaexg.ttf"
    if not path.is_file():
        raise FileNotFoundError(f"matplotlib-fontja has no bundled font at {path}")
    return path


def use_japanese_font() -> str:
    """Make matplotlib draw Japanese (and Latin, Cyrillic, Greek) text with
    IPAexGothic; returns the family name.

    matplotlib-fontja registers the font; we then put it first in the
    ``sans-serif`` list, then the installed :data:`CJK_FALLBACKS` (Chinese
    characters outside JIS), and keep DejaVu Sans behind them as per-glyph fallback,
    so code that asks for the generic "sans-serif" (networkx labels do) also
    gets Japanese glyphs instead of "Glyph … missing from font" boxes.
    """
    import matplotlib_fontja  # noqa: PLC0415 - deliberate: importing configures matplotlib

    matplotlib_fontja.japanize()
    fallbacks = cjk_fallbacks()
    others = [name for name in plt.rcParams["font.sans-serif"] if name not in (JAPANESE_FONT_NAME, *fallbacks)]
    plt.rcParams["font.sans-serif"] = [JAPANESE_FONT_NAME, *fallbacks, *others]
    plt.rcParams["font.family"] = ["sans-serif"]
    return JAPANESE_FONT_NAME

