#!/usr/bin/env python3
"""Loads athar's exports with the clients researchers use and checks they agree with each other.

    python3 scripts/check_exports.py EXPORT_DIR ARTICLES_DIR

networkx and igraph read graph.graphml with the node and edge counts of nodes.csv/edges.csv;
pandas reads every CSV; every edge endpoint is a node; every facts.csv offset pair cuts its
quoted text out of the article; rdflib parses graph.trig and graph.ttl; pyoxigraph loads
graph.nq with the same number of quads as graph.trig; graph.graphml and graph.gexf are valid
against the official GraphML and GEXF 1.3 schemas (../shared/reference, when present) and no
GEXF element has a spell without a date; facts.csv has one row per fact; every place of the
gazetteer carries coordinates, their precision and an English name; tables.xlsx opens with
openpyxl and holds the CSVs' rows. Exit 1 on the first failure.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl

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
    for name in ("facts.csv", "quantities.csv", "events.csv", "incidents.csv"):
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
    check_schemas(out)
    check_spells(out)
    check_facts(out, facts, pd.read_csv(out / "quantities.csv", dtype=str, keep_default_na=False))
    check_places(a)
    check_xlsx(out)
    check_admin1(out)
    check_fatalities(out)
    check_locations(a, out)


def check_locations(store, out):
    """An event whose target is a prison, camp or site with a point is located there, not at a
    town its sentence also names."""
    q = """PREFIX ath: <https://w3id.org/athar/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
    SELECT DISTINCT ?e ?l WHERE { ?e ath:target ?t . ?t a ?c ; rdfs:label ?l ; geo:lat [] .
      VALUES ?c { ath:Prison ath:Camp ath:Facility } FILTER(LANG(?l) = "ar") }"""
    sites = {}
    for r in store.query(q, use_default_graph_as_union=True):
        sites.setdefault(r[0].value, set()).add(r[1].value)
    ev = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    wrong = [f"{r['event']}: {r['location']}" for _, r in ev.iterrows()
             if r["event"] in sites and r["location"] not in sites[r["event"]]]
    check(not wrong and any(e in sites for e in ev["event"]),
          f"events.csv: an event that targets a site is located at it ({len(sites)} events) {wrong[:3]}")


def check_fatalities(out):
    """A killed figure counts on one event of its article only: each article has no more events
    with fatalities than places its killed figures are about, and each count is one of its
    figures, so the column sums to the distinct figures it uses."""
    ev = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    q = pd.read_csv(out / "quantities.csv", dtype=str, keep_default_na=False)
    killed = q[q["measure"] == "Killed"]
    bad = []
    for article, rows in ev.groupby("article"):
        counted = rows[rows["fatalities"] != "0"]
        k = killed[killed["article"] == article]
        values = {float(v) for v in list(k["value"]) + list(k["min"]) if v}
        places = set(k["about"])
        if len(counted) > len(places) or any(float(f) not in values for f in counted["fatalities"]):
            bad.append(f"{article}: {list(counted['fatalities'])} from {sorted(values)} about {len(places)} places")
    total = sum(int(f) for f in ev["fatalities"])
    check(not bad, f"events.csv: each killed figure counts on one event (fatalities sum {total}) {bad}")


ROOT = Path(__file__).resolve().parent.parent
PLACES = {"Country", "Region", "Governorate", "City", "Neighborhood", "Prison", "Camp", "Facility"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_schemas(out):
    reference = ROOT.parent / "shared" / "reference"
    for name, schema in (("graph.graphml", reference / "graphml" / "graphml.xsd"),
                         ("graph.gexf", reference / "gexf" / "gexf.xsd")):
        if not schema.exists():
            print(f"--  {schema} not found: {name} not checked against the official schema")
            continue
        r = subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(out / name)],
                           capture_output=True, text=True)
        check(r.returncode == 0, f"{name} is valid against the official {schema.name}" + (f"\n{r.stderr}" if r.returncode else ""))


def check_spells(out):
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(out / "graph.gexf").getroot()
    graph = root.find("g:graph", ns)
    dated, undated, bad = 0, 0, []
    for el in graph.iter():
        tag = el.tag.split("}")[-1]
        if tag not in ("node", "edge"):
            continue
        spell = [el.get("start"), el.get("end")]
        if spell == [None, None]:
            undated += 1
        elif all(v is not None and DATE.match(v) for v in spell) and spell[0] <= spell[1]:
            dated += 1
        else:
            bad.append((tag, el.get("id"), spell))
    check(dated + undated > 0 and not bad,
          f"graph.gexf: {dated} elements with a real date span, {undated} undated without a spell, none else {bad[:5]}")


def check_facts(out, facts, quantities):
    key = ["subject", "predicate", "object", "start", "end", "article"]
    dup = facts.duplicated(subset=key, keep=False)
    check(not dup.any(), f"facts.csv has one row per fact ({len(facts)} rows, {int(dup.sum())} repeated)")
    n_measures = int((facts["predicate"] == "https://w3id.org/athar/ontology#measures").sum())
    check(n_measures == len(quantities), f"facts.csv has one measures row per figure ({n_measures} = {len(quantities)} in quantities.csv)")
    check({"subject_label_ar", "subject_label_en", "object_label_ar", "object_label_en"} <= set(facts.columns),
          "facts.csv has its labels in columns, one per language")


def check_places(store):
    gaz = {}
    for line in (ROOT / "ontology" / "lexicon" / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        gaz[f[0]] = f[1]
    q = """PREFIX ath: <https://w3id.org/athar/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
           SELECT ?e ?lat ?p ?en WHERE { ?e a ?c . OPTIONAL { ?e geo:lat ?lat } OPTIONAL { ?e ath:geoPrecision ?p }
           OPTIONAL { ?e skos:altLabel ?en FILTER(LANG(?en) = 'en') } }"""
    seen, bad = 0, []
    for r in store.query(q):
        local = r["e"].value.rsplit("/id/", 1)[-1]
        if gaz.get(local) not in PLACES:
            continue
        seen += 1
        if r["lat"] is None or r["p"] is None or r["en"] is None:
            bad.append(local)
    check(seen > 0 and not bad, f"every gazetteer place in the graph has coordinates, their precision and an English name ({seen} places; missing: {sorted(set(bad))[:10]})")


def check_admin1(out):
    """ACLED's admin1: an event placed in a town, prison, camp or neighbourhood the gazetteer
    puts in a first-level division names that division."""
    import csv
    nodes = {r["Label"]: r["Class"] for r in csv.DictReader(open(out / "nodes.csv", encoding="utf-8"))}
    events = list(csv.DictReader(open(out / "events.csv", encoding="utf-8")))
    local = [e for e in events if nodes.get(e["location"]) in ("City", "Prison", "Camp", "Neighborhood")]
    named = [e for e in local if e["admin1"]]
    check(local and len(named) >= 0.8 * len(local),
          f"events.csv: admin1 for {len(named)} of {len(local)} events placed in a town or site")
    # each associated actor once, and neither actor1 nor actor2 again
    repeated = [e["event"] for e in events
                if (lambda a: len(a) != len(set(a)) or e["actor1"] in a or (e["actor2"] and e["actor2"] in a))(
                    [x for x in e["assoc_actor_1"].split("; ") if x])]
    check(not repeated, f"events.csv: assoc_actor_1 names each side once, apart from actor1 and actor2 ({len(repeated)} rows repeat one)")
    # the allies of actor2 once each, on no other side
    split = lambda v: [x for x in v.split("; ") if x]
    crossed = [e["event"] for e in events
               if (lambda a: len(a) != len(set(a)) or e["actor1"] in a or e["actor2"] in a
                   or set(a) & set(split(e["assoc_actor_1"])))(split(e["assoc_actor_2"]))
               or (e["assoc_actor_2"] and not e["actor2"])]
    check(not crossed, f"events.csv: assoc_actor_2 names actor2's allies once, on no other side ({len(crossed)} rows do not)")


def check_xlsx(out):
    import pandas as pd
    book = openpyxl.load_workbook(out / "tables.xlsx")
    for sheet in ("events", "incidents", "quantities", "facts", "nodes", "edges"):
        table = pd.read_csv(out / f"{sheet}.csv", dtype=str, keep_default_na=False)
        ws = book[sheet]
        rows = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
        check(rows[0] == list(table.columns), f"tables.xlsx sheet {sheet} has the CSV's header")
        body = rows[1:]
        same = len(body) == len(table)
        for got, want in zip(body, table.itertuples(index=False)):
            for g, w in zip(got, want):
                if isinstance(g, float):
                    same &= w != "" and abs(float(w) - g) <= 1e-9 * max(1.0, abs(g))
                elif isinstance(g, int):
                    same &= w != "" and float(w) == g
                else:
                    same &= str(g) == w
        check(same, f"tables.xlsx sheet {sheet} holds the {len(table)} rows of {sheet}.csv")
        check(ws.sheet_view.rightToLeft, f"tables.xlsx sheet {sheet} is right to left")


if __name__ == "__main__":
    main()
