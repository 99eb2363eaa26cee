#!/usr/bin/env python3
"""The Spark job against `athar build` on a synthetic corpus: wall time and peak memory.

    scripts/bench_spark.py ATHAR_BINARY N [--master local[2]] [--json OUT.json]

Writes N synthetic articles (`athar synth` from the seeds), builds them with `athar build`
(`--threads 2`, then `export --format graph.nq`) and with `scripts/spark-build.sh`, checks the
two `graph.nq` are the same bytes, and prints wall times, the stages' times, and peak resident
memory: of `athar build`; of the Spark driver (its JVM, which in local mode also runs the
executors' tasks, and the Python driver), of the executors' Python workers (largest one, and
all together), and of `athar load`. Memory is sampled from /proc every 0.2 s (peaks shorter than
that can be missed). Figures are printed, never asserted.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_tree(pid):
    """(process kind, RSS bytes) of `pid` and its descendants."""
    children = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            stat = (p / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(p.name))
        except (OSError, ValueError, IndexError):
            pass
    out, todo = [], [pid]
    while todo:
        q = todo.pop()
        todo.extend(children.get(q, []))
        try:
            cmd = (Path(f"/proc/{q}/cmdline").read_bytes().replace(b"\0", b" ")).decode(errors="replace")
            status = Path(f"/proc/{q}/status").read_text()
        except OSError:
            continue
        rss = next((int(l.split()[1]) * 1024 for l in status.splitlines() if l.startswith("VmRSS:")), 0)
        if "java" in cmd.split(" ")[0]:
            kind = "driver_jvm"
        elif "pyspark.daemon" in cmd or "pyspark.worker" in cmd or "pyspark/daemon" in cmd:
            kind = "python_worker"
        elif "spark_build.py" in cmd:
            kind = "python_driver"
        elif cmd.split(" ")[0].endswith("athar"):
            kind = "athar_" + (cmd.split(" ")[1] if " " in cmd else "")
        else:
            kind = "other"
        out.append((kind, rss))
    return out


def sample(proc, peaks, stop):
    while not stop.is_set() and proc.poll() is None:
        tree = rss_tree(proc.pid)
        by = {}
        for kind, rss in tree:
            by.setdefault(kind, []).append(rss)
            peaks[f"{kind}_max"] = max(peaks.get(f"{kind}_max", 0), rss)
        for kind, v in by.items():
            peaks[f"{kind}_sum"] = max(peaks.get(f"{kind}_sum", 0), sum(v))
        peaks["all_sum"] = max(peaks.get("all_sum", 0), sum(r for _, r in tree))
        time.sleep(0.2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("athar")
    ap.add_argument("n", type=int)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--json", default=None)
    ap.add_argument("--keep", default=None, help="work in this folder and keep it")
    ap.add_argument("--compare", action=argparse.BooleanOptionalAction, default=None,
                    help="export both graph.nq and compare them (default: up to 20,000 articles; "
                         "the export sorts the whole dataset in memory)")
    a = ap.parse_args()
    compare = a.compare if a.compare is not None else a.n <= 20000
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="athar-bench-spark-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    corpus.mkdir(exist_ok=True)
    synth = corpus / "synth.jsonl"
    if not synth.exists():
        subprocess.run([a.athar, "synth", "--from", str(ROOT / "tests/data/seeds"), "--articles",
                        str(a.n), "--seed", "5", "--out", str(synth)], check=True, capture_output=True)
    date = ["--as-of", "2026-11-22"]
    res = {"articles": a.n, "text_bytes": synth.stat().st_size, "master": a.master}

    subprocess.run(["rm", "-rf", str(work / "built"), str(work / "store")], check=True)
    t = time.time()
    subprocess.run([a.athar, "build", str(corpus), "--store", str(work / "store"), "--threads", "2",
                    "--stats", str(work / "build-stats.json")] + date, check=True, capture_output=True)
    res["build_seconds"] = round(time.time() - t, 1)
    st = json.loads((work / "build-stats.json").read_text())
    res["build_peak_rss_mb"] = round(st["peak_rss_bytes"] / 2**20)
    if compare:
        t = time.time()
        subprocess.run([a.athar, "export", "--store", str(work / "store"), "--to", str(work / "built"),
                        "--format", "graph.nq"], check=True, capture_output=True)
        res["build_export_nq_seconds"] = round(time.time() - t, 1)
    res["quads"] = st["quads"]

    subprocess.run(["rm", "-rf", str(work / "spark")], check=True)
    env = dict(os.environ, ATHAR_BIN=a.athar)
    peaks, stop = {}, threading.Event()
    t = time.time()
    p = subprocess.Popen([str(ROOT / "scripts/spark-build.sh"), str(corpus), str(work / "spark"),
                          "--master", a.master, "--stats", str(work / "spark-stats.json")]
                         + date + ([] if compare else ["--no-graph-nq"]),
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    th = threading.Thread(target=sample, args=(p, peaks, stop))
    th.start()
    log = p.communicate()[0].decode(errors="replace")
    stop.set()
    th.join()
    if p.returncode != 0:
        print(log[-4000:], file=sys.stderr)
        sys.exit(1)
    res["spark_seconds"] = round(time.time() - t, 1)
    res["spark"] = json.loads((work / "spark-stats.json").read_text())
    res["spark_peak_rss_mb"] = {k: round(v / 2**20) for k, v in sorted(peaks.items())}
    if compare:
        same = (work / "spark/graph.nq").read_bytes() == (work / "built/graph.nq").read_bytes()
        res["graph_nq_identical"] = same
    else:
        # the same number of quads in both stores (graph.nq compared at smaller sizes)
        q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        counts = [subprocess.run([a.athar, "query", "--store", str(st), q, "--format", "tsv",
                                  "--no-union"], check=True, capture_output=True, text=True)
                  .stdout.split()[-1] for st in (work / "store", work / "spark/store")]
        res["named_graph_quads"] = counts
        same = counts[0] == counts[1]
    res["shards_bytes"] = sum(f.stat().st_size for f in (work / "spark/shards").rglob("*") if f.is_file())
    print(json.dumps(res, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1) + "\n")
    if not same:
        print("the Spark job's dataset differs from athar build's", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
