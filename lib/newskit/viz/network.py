"""Co-occurrence networks drawn with a seeded layout.

Labels are drawn for every node and then thinned: where two would overlap,
the label of the node in fewer units is hidden
(:func:`newskit.viz.layout.thin_labels`) and the figure says how many.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.figure import Figure

from newskit.viz.layout import note_hidden, thin_labels

__all__ = ["RANDOM_STATE", "plot_network"]

#: Seed for every random layout: same input, same picture.
RANDOM_STATE = 0

def plot_network(
    graph: nx.Graph,
    title: str | None = None,
    seed: int = RANDOM_STATE,
    weight: str = "weight",
    size_attr: str = "count",
    label_attr: str = "label",
) -> Figure:
    """Draw a co-occurrence graph with a seeded spring layout (same graph, same
    picture), node area by ``size_attr`` and edge width by ``weight``; labels
    use the current font family so Japanese names render."""
    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    ax.set_axis_off()
    ax.set_title(title or "")
    if graph.number_of_nodes() == 0:
        return fig
    layout = nx.spring_layout(graph, seed=seed, weight=weight)
    sizes = np.array([float(graph.nodes[n].get(size_attr, 1)) for n in graph.nodes])
    sizes = 300 + 1200 * sizes / sizes.max() if sizes.max() > 0 else np.full(len(sizes), 300.0)
    weights = np.array([float(d.get(weight, 1)) for _, _, d in graph.edges(data=True)])
    widths = 1 + 4 * weights / weights.max() if len(weights) else []
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes, node_color="tab:orange", alpha=0.8)
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color="grey", alpha=0.7)
    labels = {n: str(graph.nodes[n].get(label_attr, n)) for n in graph.nodes}
    family = plt.rcParams["font.family"]
    drawn = nx.draw_networkx_labels(graph, layout, labels=labels, ax=ax, font_family=family, font_size=10)
    texts = [drawn[node] for node in graph.nodes]
    note_hidden(fig, thin_labels(fig, texts, sizes.tolist()))
    return fig

