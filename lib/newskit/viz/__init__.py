"""Figures and Stylers: everything here returns a matplotlib Figure (never
calling ``plt.show()``) or a pandas Styler; the bundled Japanese font; atomic,
reproducible saving.  viz may import :mod:`newskit.analysis`; analysis never
imports viz or matplotlib.

* :func:`plot_ca_biplot` — KH Coder style correspondence-analysis map;
* :func:`plot_mds_map` — 2-D MDS map of terms or documents;
* :func:`plot_dendrogram` — hierarchical clustering with the k-cluster cut;
* :func:`plot_code_heatmap` — coded shares by group with adjusted residuals;
* :func:`plot_document_map` — articles as points coloured by group;
* :func:`plot_rates_over_time`, :func:`plot_articles_over_time` — rates per
  1,000 tokens per week/month with the articles per period.

Labels in Japanese, German and Indonesian render with the bundled IPAexGothic
(matplotlib-fontja); overlapping map labels are thinned and the figure says
how many; no figure exceeds 4,000 pixels a side at 150 dpi, and small
multiples stop at 12 panels (the notebooks aggregate above that).
"""

from newskit.lazy import lazy_exports

#: Public name → module of this subpackage it lives in (imported on first use).
_EXPORTS = {
    "plot_agreement": "bars",
    "plot_keyness": "bars",
    "plot_lengths": "bars",
    "plot_top_terms": "bars",
    "plot_zipf": "bars",
    "build_wordcloud": "clouds",
    "make_wordcloud": "clouds",
    "plot_wordcloud_grid": "clouds",
    "plot_dendrogram": "clusters",
    "plot_dispersion": "dispersion",
    "plot_paragraph_dispersion": "dispersion",
    "find_japanese_font": "fonts",
    "use_japanese_font": "fonts",
    "plot_code_heatmap": "heatmap",
    "plot_heatmap": "heatmap",
    "plot_ca_biplot": "maps",
    "plot_document_map": "maps",
    "plot_mds_map": "maps",
    "plot_network": "network",
    "save_figure": "save",
    "escape_styler": "styles",
    "plot_articles_over_time": "timeline",
    "plot_rates_over_time": "timeline",
    "style_aligned_view": "styles",
    "style_text_table": "styles",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
