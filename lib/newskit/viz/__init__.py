"""Figures and Stylers: everything here returns a matplotlib Figure (never
calling ``plt.show()``) or a pandas Styler; the bundled Japanese font; atomic,
reproducible saving.  viz may import :mod:`newskit.analysis`; analysis never
imports viz or matplotlib.

* :func:`plot_ca_biplot` — KH Coder style correspondence-analysis map;
* :func:`plot_mds_map` — 2-D MDS map of terms or documents;
* :func:`plot_dendrogram` — hierarchical clustering with the k-cluster cut;
* :func:`plot_code_heatmap` — coded shares by group with adjusted residuals.

Labels in Japanese, German and Indonesian render with the bundled IPAexGothic
(matplotlib-fontja); overlapping map labels are thinned and the figure says
how many; no figure exceeds 4,000 pixels a side at 150 dpi.
"""

from newskit.viz.bars import (
    plot_agreement,
    plot_keyness,
    plot_lengths,
    plot_top_terms,
    plot_zipf,
)
from newskit.viz.clouds import build_wordcloud, make_wordcloud, plot_wordcloud_grid
from newskit.viz.clusters import plot_dendrogram
from newskit.viz.dispersion import plot_dispersion, plot_paragraph_dispersion
from newskit.viz.fonts import find_japanese_font, use_japanese_font
from newskit.viz.heatmap import plot_code_heatmap, plot_heatmap
from newskit.viz.maps import plot_ca_biplot, plot_mds_map
from newskit.viz.network import plot_network
from newskit.viz.save import save_figure
from newskit.viz.styles import style_aligned_view

__all__ = [
    "build_wordcloud", "find_japanese_font", "make_wordcloud", "plot_agreement", "plot_ca_biplot",
    "plot_code_heatmap", "plot_dendrogram", "plot_dispersion", "plot_heatmap", "plot_keyness", "plot_lengths",
    "plot_mds_map", "plot_network", "plot_paragraph_dispersion", "plot_top_terms", "plot_wordcloud_grid",
    "plot_zipf", "save_figure", "style_aligned_view", "use_japanese_font",
]
