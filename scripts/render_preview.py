#!/usr/bin/env python3
"""Draws a preview of the actors' network from graph.graphml, with Arabic labels shaped and
ordered right to left (arabic-reshaper + python-bidi), into a PNG.

    pip install networkx matplotlib arabic-reshaper python-bidi
    athar export --store athar-store --to /tmp/actors --projection actors --format graph.graphml
    python3 scripts/render_preview.py /tmp/actors/graph.graphml exports/preview.png
"""
import sys

import arabic_reshaper
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from bidi.algorithm import get_display  # noqa: E402

COLORS = {"ArmedGroup": "#c0392b", "Government": "#8e44ad", "Person": "#2980b9", "MediaOutlet": "#7f8c8d",
          "Organization": "#16a085", "Prison": "#d35400", "Camp": "#e67e22", "City": "#27ae60",
          "Country": "#2c3e50", "Neighborhood": "#1abc9c", "Governorate": "#34495e", "Region": "#95a5a6"}


def arabic(s):
    return get_display(arabic_reshaper.reshape(s))


def main():
    src, out = sys.argv[1], sys.argv[2]
    g = nx.read_graphml(src)
    # the largest connected part, biggest nodes labelled
    keep = max(nx.weakly_connected_components(g), key=len)
    g = g.subgraph(keep).copy()
    pos = nx.spring_layout(g, seed=7, k=0.9, iterations=200)
    rank = nx.get_node_attributes(g, "pagerank")
    size = [300 + 9000 * rank.get(n, 0) for n in g]
    color = [COLORS.get(g.nodes[n].get("class"), "#bdc3c7") for n in g]
    fig, ax = plt.subplots(figsize=(14, 10), dpi=110)
    nx.draw_networkx_edges(g, pos, ax=ax, alpha=0.25, arrows=False, width=0.8)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=size, node_color=color, alpha=0.9)
    top = sorted(g, key=lambda n: -rank.get(n, 0))[:28]
    nx.draw_networkx_labels(g, pos, labels={n: arabic(g.nodes[n]["label"]) for n in top}, ax=ax,
                            font_size=10, font_family="DejaVu Sans")
    ax.set_title("athar: actors of the seed corpus (events folded into edges; size = PageRank)")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, metadata={"Software": None})


if __name__ == "__main__":
    main()
