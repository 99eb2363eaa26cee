#!/usr/bin/env python3
"""Loads athar's exports with the clients researchers use and checks they agree with each other.

    python3 scripts/check_exports.py EXPORT_DIR ARTICLES_DIR

networkx and igraph read graph.graphml with the node and edge counts of nodes.csv/edges.csv;
pandas reads every CSV; every edge endpoint is a node; every facts.csv offset pair cuts its
quoted text out of the article; rdflib parses graph.trig and graph.ttl; pyoxigraph loads
graph.nq with the same number of quads as graph.trig. Exit 1 on the first failure.
"""
import sys
from pathlib import Path

import igraph
import networkx as nx
import pandas as pd
import pyoxigraph as ox
import rdflib


def check(cond, what):
    if not cond:
        sys.exit(f"check_exports: FAILED: {what}")
    print(f"ok  {what}")


def main():
    out, articles = Path(sys.argv[1]), Path(sys.argv[2])
    nodes = pd.read_csv(out / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(out / "edges.csv", dtype=str, keep_default_na=False)
    check(list(nodes.columns[:2]) == ["Id", "Label"], "nodes.csv starts with Id, Label")
    check(list(edges.columns[:7]) == ["Source", "Target", "Type", "Kind", "Id", "Label", "Weight"], "edges.csv has Gephi's columns")
    check(nodes["Id"].is_unique and edges["Id"].is_unique, "node and edge ids are unique")
    ids = set(nodes["Id"])
    check(set(edges["Source"]) <= ids and set(edges["Target"]) <= ids, "every edge endpoint is in nodes.csv")
    g = nx.read_graphml(out / "graph.graphml")
    check(g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(edges),
          f"networkx reads graph.graphml: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    gi = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    check(gi.vcount() == len(nodes) and gi.ecount() == len(edges), f"igraph reads graph.graphml: {gi.vcount()} nodes, {gi.ecount()} edges")
    check(any("latitude" in d for _, d in g.nodes(data=True)), "places carry latitude/longitude")
    gx = nx.read_gexf(out / "graph.gexf")
    check(gx.number_of_nodes() == len(nodes) and gx.number_of_edges() == len(edges),
          f"networkx reads graph.gexf: {gx.number_of_nodes()} nodes, {gx.number_of_edges()} edges")
    for name in ("facts.csv", "quantities.csv", "events.csv"):
        t = pd.read_csv(out / name, dtype=str, keep_default_na=False)
        check(len(t) > 0, f"pandas reads {name}: {len(t)} rows")
    facts = pd.read_csv(out / "facts.csv", dtype=str, keep_default_na=False)
    texts = {}
    bad = 0
    with_offsets = facts[facts["start"] != ""]
    for _, r in with_offsets.iterrows():
        if r["article"] not in texts:
            texts[r["article"]] = (articles / r["article"]).read_text(encoding="utf-8")
        if texts[r["article"]][int(r["start"]):int(r["end"])] != r["text"]:
            bad += 1
    check(bad == 0, f"every facts.csv offset pair cuts its text out of the article ({len(with_offsets)} rows)")
    trig = rdflib.Dataset()
    trig.parse(out / "graph.trig", format="trig")
    ttl = rdflib.Graph()
    ttl.parse(out / "graph.ttl", format="turtle")
    check(len(ttl) > 0, f"rdflib parses graph.trig and graph.ttl ({len(ttl)} triples)")
    a, b = ox.Store(), ox.Store()
    a.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    b.bulk_load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    check(len(a) == len(b), f"pyoxigraph loads graph.nq and graph.trig with the same {len(a)} quads")
    prefixes = "PREFIX ath: <https://w3id.org/athar/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    count = lambda q: int(next(iter(a.query(prefixes + q, use_default_graph_as_union=True)))[0].value)
    n_nodes = count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { { ?e a ?c ; rdfs:label [] . ?c rdfs:subClassOf* ath:Entity } "
                    "UNION { ?e a ?c ; ath:mentionedIn [] . ?c rdfs:subClassOf ath:Event } }")
    n_edges = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { ath:locatedIn ath:controls "
                    "ath:supports ath:partOf ath:affiliatedWith ath:spokespersonOf ath:commanderOf ath:officialOf ath:headOf "
                    "ath:agent ath:target ath:participant ath:place } GRAPH ?g { ?s ?p ?o } } }")
    check(n_nodes == g.number_of_nodes() and n_edges == g.number_of_edges(),
          f"the network has the store's {n_nodes} entities and events and {n_edges} relations and roles")


if __name__ == "__main__":
    main()
