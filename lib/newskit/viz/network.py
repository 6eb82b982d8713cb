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

__all__ = ["MAX_LABELS", "RANDOM_STATE", "plot_network"]

#: Seed for every random layout: same input, same picture.
RANDOM_STATE = 0
#: Labels offered to the thinning: the nodes in most units (a network of
#: thousands of nodes is a picture of its shape, not a list of names).
MAX_LABELS = 60

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
    ranked = [node for _, node in sorted(zip(-sizes, range(len(sizes))), key=lambda pair: pair[0])]
    chosen = [list(graph.nodes)[k] for k in ranked[:MAX_LABELS]]
    drawn = nx.draw_networkx_labels(graph, layout, labels={n: labels[n] for n in chosen}, ax=ax,
                                    font_family=family, font_size=10)
    texts = [drawn[node] for node in chosen]
    order = {node: k for k, node in enumerate(graph.nodes)}
    hidden = thin_labels(fig, texts, [float(sizes[order[node]]) for node in chosen])
    note_hidden(fig, hidden + graph.number_of_nodes() - len(chosen))
    return fig

