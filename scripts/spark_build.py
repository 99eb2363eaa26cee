#!/usr/bin/env python3
"""athar's build on Spark: articles → facts (mapPartitions, the Python module) → entity table
(driver) → N-Quads shards (mapPartitions) → `athar load` → OUT/graph.nq.

    scripts/spark-build.sh INPUT... OUT [--master URL] [--as-of YYYY-MM-DD] [--partitions N]

INPUT: folders or files of `.txt`, `.html`/`.htm` and `.jsonl` articles (read as `athar build`
reads them), or Parquet files/folders with a `text` column (and optional `id`, `url`, `title`,
`published`, `outlet`: the fields of a JSON Lines article). OUT gets:

- `shards/`: `part-NNNNN.nq` (one per partition: each article's named graph), `shared.nq`
  (entities, gazetteer, ontology), `links/` (each article's resolver links, for incremental
  builds), `settings.tsv`;
- `store/`: the store `athar load` builds from the shards;
- `graph.nq`: the dataset, sorted — the bytes `athar build INPUT --export …` writes.

Where each step runs: reading and extraction on the executors (one article at a time, no
state); admission (same name or same text twice: the first in input order wins, as in
`athar build`) and resolution on the driver, from each article's name, hash and links only
(never its text); writing on the executors, each partition with the entity table broadcast.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

KNOWN = {".txt", ".html", ".htm", ".jsonl"}


def collect(inputs):
    """Input files in `athar build`'s order (paths sorted by components), Parquet apart; and
    the inputs that do not exist."""
    files, parquet, missing = [], [], []
    for i in inputs:
        p = Path(i)
        if p.is_dir():
            if any(p.rglob("*.parquet")):
                parquet.append(str(p))
                continue
            for f in p.rglob("*"):
                if f.is_file() and f.suffix.lower() in KNOWN:
                    files.append(f)
        elif p.suffix.lower() == ".parquet" and p.exists():
            parquet.append(str(p))
        elif p.exists():
            files.append(p)
        else:
            missing.append(str(p))
    files = sorted(set(files), key=lambda f: f.parts)
    return [str(f) for f in files], parquet, missing


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="INPUT... OUT")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--as-of", default=None, help="reference date YYYY-MM-DD (default: today)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="extraction partitions, one shard each (default: 2,000 articles each, "
                         "at least 2 per core, at most one per 250 articles)")
    ap.add_argument("--athar", default=os.environ.get("ATHAR_BIN", "athar"),
                    help="the athar binary that loads the shards")
    ap.add_argument("--driver-memory", default="2g")
    ap.add_argument("--stats", default=None, help="write wall times and counts as JSON here")
    ap.add_argument("--no-graph-nq", action="store_true",
                    help="stop after the load (graph.nq sorts the whole dataset in memory)")
    args = ap.parse_args(argv)
    if len(args.paths) < 2:
        ap.error("give INPUT... and OUT")
    *inputs, out = args.paths
    out = Path(out)
    as_of = args.as_of or time.strftime("%Y-%m-%d")

    import athar  # the module, built by scripts/setup.sh (maturin)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    t0 = time.time()
    files, parquet, missing = collect(inputs)
    for m in missing:
        print(f"athar: rejected {m}: no such file or folder", file=sys.stderr)

    spark = (
        SparkSession.builder.master(args.master)
        .appName("athar-build")
        .config("spark.driver.memory", args.driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    cores = sc.defaultParallelism

    # 1. documents: (order key, name, sha256, where, document JSON), on the executors
    def read_file(item):
        key, path = item
        import athar._athar as A

        with open(path, "rb") as f:
            data = f.read()
        docs, errors, note = A.documents(path, data)
        for i, d in enumerate(docs):
            yield ("doc", (key, i), d)
        for e in errors:
            yield ("error", (key, 0), e)
        if note:
            yield ("note", (key, 0), note)

    n_files = max(1, len(files))
    parts = args.partitions or max(1, min(2 * cores, n_files))
    items = sc.parallelize(list(enumerate(files)), min(parts, n_files)).flatMap(read_file)
    for pq in parquet:
        # a table's rows as JSON Lines, in the table's order
        base = len(files) + parquet.index(pq)
        rows = spark.read.parquet(pq).toJSON().zipWithIndex()

        def read_rows(it, base=base, pq=pq):
            import athar._athar as A

            for row, i in it:
                docs, errors, _ = A.documents(f"{pq}", (row + "\n").encode(), jsonl=True)
                for d in docs:
                    name, sha, _, doc = d
                    yield ("doc", (base, i), (name, sha, f"{pq}:{i + 1}", doc))
                for e in errors:
                    yield ("error", (base, i), e.replace(f"{pq}:1", f"{pq}:{i + 1}"))

        items = items.union(rows.mapPartitions(read_rows))
    items = items.persist(StorageLevel.MEMORY_AND_DISK)

    # 2. admission on the driver: names and hashes only
    heads = items.filter(lambda x: x[0] == "doc").map(lambda x: (x[1], x[2][0], x[2][1], x[2][2])).collect()
    heads.sort(key=lambda h: h[0])
    kept_idx, dup_errors = athar._athar.admit([(n, s, w) for _, n, s, w in heads])
    kept = {heads[i][0] for i in kept_idx}
    for kind, _, msg in sorted(items.filter(lambda x: x[0] != "doc").collect(), key=lambda x: x[1]):
        print(f"athar: {'rejected' if kind == 'error' else 'note:'} {msg}", file=sys.stderr)
    for e in dup_errors:
        print(f"athar: rejected {e}", file=sys.stderr)
    kept_b = sc.broadcast(kept)

    # 3. extraction on the executors (stateless, deterministic)
    def extract_part(it):
        import athar._athar as A

        for _, key, (name, _sha, _where, doc) in it:
            facts, _view = A.extract_document(doc, as_of)
            yield (name, facts)

    n_articles = len(kept)
    eparts = args.partitions or max(
        1, min(max(2 * cores, (n_articles + 1999) // 2000), (n_articles + 249) // 250)
    )
    facts = (
        items.filter(lambda x: x[0] == "doc" and x[1] in kept_b.value)
        .repartition(eparts)
        .mapPartitions(extract_part)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    facts.count()
    t_extract = time.time()

    # 4. resolution on the driver, from the links alone
    links = facts.map(lambda nf: athar._athar.links_of(nf[1])).collect()
    table = athar._athar.resolve(links, as_of)
    table_json = table.to_json()
    t_resolve = time.time()
    del links

    # 5. shards, written by the executors; shared graphs and settings by the driver
    shards = out / "shards"
    if shards.exists():
        shutil.rmtree(shards)
    (shards / "links").mkdir(parents=True)
    table_b = sc.broadcast(table_json)
    shards_s = str(shards)

    def write_part(index, it):
        import athar._athar as A

        t = A.EntityTable.from_json(table_b.value)
        n = 0
        tmp = os.path.join(shards_s, f".part-{index:05d}.nq.tmp")
        # each article's graph streamed to the shard (written aside, renamed when whole)
        with open(tmp, "w", encoding="utf-8") as pf:
            for name, f in it:
                sha, nq, links = t.write_article(f)
                pf.write(nq)
                with open(os.path.join(shards_s, "links", f"{sha}.tsv"), "w", encoding="utf-8") as lf:
                    lf.write(links)
                n += 1
        if n:
            os.replace(tmp, os.path.join(shards_s, f"part-{index:05d}.nq"))
        else:
            os.remove(tmp)
        yield n

    written = sum(facts.mapPartitionsWithIndex(write_part).collect())
    (shards / "shared.nq").write_text(table.shared_nquads(), encoding="utf-8")
    (shards / "settings.tsv").write_text(table.settings_text(), encoding="utf-8")
    t_write = time.time()
    spark.stop()

    # 6. the store, through athar's bulk loader, and the sorted dataset
    store = out / "store"
    subprocess.run([args.athar, "load", str(shards), "--store", str(store)], check=True)
    t_load = time.time()
    if not args.no_graph_nq:
        subprocess.run(
            [args.athar, "export", "--store", str(store), "--to", str(out), "--format", "graph.nq"],
            check=True,
        )
    t_end = time.time()
    stats = {
        "articles": written,
        "entities": table.entities,
        "incidents": table.incidents,
        "partitions": eparts,
        "master": args.master,
        "read_extract_seconds": round(t_extract - t0, 2),
        "resolve_seconds": round(t_resolve - t_extract, 2),
        "write_seconds": round(t_write - t_resolve, 2),
        "load_seconds": round(t_load - t_write, 2),
        "export_seconds": round(t_end - t_load, 2),
        "seconds": round(t_end - t0, 2),
        "table_bytes": len(table_json),
    }
    print(
        f"{written} articles, {table.entities} entities, {table.incidents} incidents; "
        f"{stats['seconds']} s (extract {stats['read_extract_seconds']}, resolve "
        f"{stats['resolve_seconds']}, write {stats['write_seconds']}, load "
        f"{stats['load_seconds']}, export {stats['export_seconds']})",
        file=sys.stderr,
    )
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
