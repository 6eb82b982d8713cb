"""Figures: everything here returns a matplotlib Figure (and never calls
``plt.show()``).  viz may import :mod:`newskit.analysis`; analysis never
imports viz or matplotlib.

* :func:`plot_ca_biplot` — KH Coder style correspondence-analysis map;
* :func:`plot_mds_map` — 2-D MDS map of terms or documents;
* :func:`plot_dendrogram` — hierarchical clustering with the k-cluster cut;
* :func:`plot_code_heatmap` — coded shares by group with adjusted residuals.

Labels in Japanese, German and Indonesian render with the bundled IPAexGothic
(matplotlib-fontja); overlapping map labels are thinned and the figure says
how many; no figure exceeds 4,000 pixels a side at 150 dpi.
"""

from newskit.viz.clusters import plot_dendrogram
from newskit.viz.heatmap import plot_code_heatmap
from newskit.viz.maps import plot_ca_biplot, plot_mds_map

__all__ = ["plot_ca_biplot", "plot_code_heatmap", "plot_dendrogram", "plot_mds_map"]
