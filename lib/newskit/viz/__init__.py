"""Everything that returns a matplotlib Figure or a pandas Styler, the
bundled Japanese font, and atomic, reproducible saving."""

from newskit.viz.bars import plot_agreement, plot_keyness, plot_lengths, plot_top_terms, plot_zipf
from newskit.viz.clouds import build_wordcloud, make_wordcloud, plot_wordcloud_grid
from newskit.viz.dispersion import plot_dispersion, plot_paragraph_dispersion
from newskit.viz.fonts import find_japanese_font, use_japanese_font
from newskit.viz.heatmap import plot_heatmap
from newskit.viz.network import plot_network
from newskit.viz.save import save_figure
from newskit.viz.styles import style_aligned_view

__all__ = [
    "build_wordcloud", "find_japanese_font", "make_wordcloud", "plot_agreement", "plot_dispersion",
    "plot_heatmap", "plot_keyness", "plot_lengths", "plot_network", "plot_paragraph_dispersion",
    "plot_top_terms", "plot_wordcloud_grid", "plot_zipf", "save_figure", "style_aligned_view",
    "use_japanese_font",
]
