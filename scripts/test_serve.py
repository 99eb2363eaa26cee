#!/usr/bin/env python3
"""`athar serve` checked with standard clients: SPARQLWrapper and rdflib's SPARQLStore.

Usage: test_serve.py ATHAR_BINARY STORE_DIR
Starts the server on a free loopback port, checks all four result formats, a CONSTRUCT in
Turtle and JSON-LD, dataset parameters, a 400 for a malformed query, a 403 for an update, the
time limit on an expensive query, the page and an entity page, then stops it with SIGTERM and
checks it exits cleanly. Prints `serve: N passed, M failed`; exits 1 on any failure.
"""
import csv
import io
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper, TURTLE
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

ATH = "https://w3id.org/athar/ontology#"
PRISONS = f"""PREFIX ath: <{ATH}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p ?label WHERE {{ ?p a ath:Prison ; rdfs:label ?label }} ORDER BY ?label"""

passed, failed = 0, 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def main():
    binary, store = sys.argv[1], sys.argv[2]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [binary, "serve", "--store", store, "--bind", f"127.0.0.1:{port}", "--timeout", "1"],
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    endpoint = f"{base}/sparql"

    # SPARQLWrapper, all four result formats
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(PRISONS)
    sw.setReturnFormat(JSON)
    j = sw.query().convert()
    labels = [b["label"]["value"] for b in j["results"]["bindings"]]
    check("json", len(labels) == 3 and "سجن غويران" in labels, labels)
    sw.setReturnFormat(XML)
    x = sw.query().convert()
    check("xml", len(x.getElementsByTagName("result")) == 3, x.toxml()[:200])
    sw.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(sw.query().convert().decode("utf-8"))))
    check("csv", rows[0] == ["p", "label"] and len(rows) == 4, rows)
    sw.setReturnFormat(TSV)
    lines = sw.query().convert().decode("utf-8").strip().split("\n")
    check("tsv", lines[0] == "?p\t?label" and len(lines) == 4, lines)
    # GET as well as POST
    sw.setMethod("GET")
    sw.setReturnFormat(JSON)
    check("get", len(sw.query().convert()["results"]["bindings"]) == 3)
    # CONSTRUCT in Turtle
    sw.setQuery(f"PREFIX ath: <{ATH}> CONSTRUCT {{ ?p ?q ?o }} WHERE {{ ?p a ath:Prison ; ?q ?o }}")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    check("construct turtle", len(g) >= 9, len(g))
    status, headers, body = http(
        endpoint,
        urllib.parse.urlencode({"query": f"PREFIX ath: <{ATH}> CONSTRUCT {{ ?p a ath:Prison }} WHERE {{ ?p a ath:Prison }}"}).encode(),
        {"Accept": "application/ld+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    check("construct json-ld", status == 200 and len(json.loads(body)) == 3, body[:200])

    # rdflib's SPARQLStore
    st = SPARQLStore(endpoint, returnFormat="json")
    res = list(Graph(store=st).query(PRISONS))
    check("rdflib SPARQLStore", len(res) == 3, res)

    # the dataset: default graph given by default-graph-uri (the default graph holds only
    # entity descriptions, no article)
    q = f"PREFIX ath: <{ATH}> SELECT (COUNT(?a) AS ?n) WHERE {{ ?a a ath:Article }}"
    status, _, body = http(f"{endpoint}?" + urllib.parse.urlencode({"query": q}), headers={"Accept": "application/sparql-results+json"})
    n_union = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    status, _, body = http(
        f"{endpoint}?" + urllib.parse.urlencode({"query": q, "default-graph-uri": "https://w3id.org/athar/graph/gazetteer"}),
        headers={"Accept": "application/sparql-results+json"},
    )
    n_gz = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    check("default-graph-uri", n_union == 5 and n_gz == 0, (n_union, n_gz))

    # errors
    status, _, body = http(f"{endpoint}?query=SELECT%20WHERE%20%7B")
    check("400 malformed", status == 400 and b"error" in body.lower(), (status, body))
    status, _, body = http(endpoint, b"INSERT DATA { <x:a> <x:b> <x:c> }", {"Content-Type": "application/sparql-update"})
    check("403 update", status == 403, status)
    status, _, body = http(endpoint, urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    check("403 update form", status == 403, status)
    t = time.time()
    status, _, body = http(endpoint, b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", {"Content-Type": "application/sparql-query"})
    check("time limit", status == 503 and time.time() - t < 10, (status, body, time.time() - t))
    status, headers, _ = http(endpoint, b"SELECT * WHERE { ?s ?p ?o } LIMIT 1", {"Content-Type": "application/sparql-query", "Origin": "http://example.org"})
    check("cors", headers.get("Access-Control-Allow-Origin") == "*", dict(headers))

    # service description, page, entity page
    status, headers, body = http(endpoint, headers={"Accept": "text/turtle"})
    sd = Graph().parse(data=body.decode(), format="turtle")
    check("service description", status == 200 and len(sd) > 5, body[:200])
    status, _, body = http(base + "/")
    check("page", status == 200 and b"cq09" in body, status)
    status, _, body = http(base + "/entity?" + urllib.parse.urlencode({"iri": "https://w3id.org/athar/id/ghwayran_prison"}))
    check("entity page", status == 200 and "<mark>".encode() in body, body[:300])
    page = body.decode()
    # «200 على الأقل» shows its bound, and every figure row names a source or says it has none
    check("entity page figures", "≥ 200" in page and "AtLeast" in page
          and ("unattributed" in page or "/entity?iri=" in page) and "report date" in page, page[:300])
    # an incident's page draws its claims ledger: one SVG chart per measure, each source a series,
    # figures without a named source as «unattributed»
    res = list(Graph(store=st).query(f"PREFIX ath: <{ATH}> SELECT ?i WHERE {{ ?i a ath:Incident ; ath:reportCount ?n }} ORDER BY DESC(?n) ?i LIMIT 1"))
    status, _, body = http(base + "/entity?" + urllib.parse.urlencode({"iri": str(res[0][0])}))
    page = body.decode()
    check("incident page charts", status == 200 and page.count("<svg") >= 2 and "Killed" in page
          and ">unattributed<" in page and "report date" in page and "<script" not in page, page[:300])
    status, _, body = http(base + "/entity?" + urllib.parse.urlencode({"iri": "https://w3id.org/athar/id/no_such_thing"}))
    check("entity page 404", status == 404, status)
    status, _, body = http(base + "/search?" + urllib.parse.urlencode({"q": "الرقه"}))
    check("name search", status == 200 and "/entity?iri=https%3A%2F%2Fw3id.org%2Fathar%2Fid%2Fraqqa" in body.decode(), body[:300])
    status, _, body = http(base + "/search?" + urllib.parse.urlencode({"q": "Raqqa"}))
    check("name search in English", status == 200 and "id%2Fraqqa" in body.decode(), body[:300])

    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = None
    log = proc.stderr.read()
    check("graceful stop", code == 0 and "stopped" in log, (code, log[-500:]))
    check("request log", " 403 " in log and " 503 " in log, log[-500:])
    print(f"serve: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
