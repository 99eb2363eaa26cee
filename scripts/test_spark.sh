#!/usr/bin/env bash
# The Spark job against `athar build`, byte for byte: on the seeds (the committed
# exports/graph.nq), and on the seeds plus a 2,000-article synthetic corpus.
# Usage: scripts/test_spark.sh ATHAR_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"
export ATHAR_BIN="$bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
quiet() { "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }; }
quiet scripts/spark-build.sh tests/data/seeds "$tmp/seeds" --as-of 2026-11-22
cmp "$tmp/seeds/graph.nq" exports/graph.nq \
  || { echo "spark-build: the seeds' graph.nq differs from exports/graph.nq"; exit 1; }
mkdir "$tmp/corpus"
quiet "$bin" synth --from tests/data/seeds --articles 2000 --seed 11 --out "$tmp/corpus/synth.jsonl"
cp tests/data/seeds/*.txt "$tmp/corpus/"
quiet "$bin" build "$tmp/corpus" --store "$tmp/store" --as-of 2026-11-22
quiet "$bin" export --store "$tmp/store" --to "$tmp/built" --format graph.nq
quiet scripts/spark-build.sh "$tmp/corpus" "$tmp/spark" --as-of 2026-11-22
cmp "$tmp/spark/graph.nq" "$tmp/built/graph.nq" \
  || { echo "spark-build: graph.nq differs from athar build's on the synthetic corpus"; exit 1; }
# Parquet with a `text` column (and `id`): the same articles as JSON Lines read by `athar build`
quiet python3 - "$tmp" <<'PY'
import json, sys
from pathlib import Path
from pyspark.sql import SparkSession
tmp = Path(sys.argv[1])
rows = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "outlet": "test"}
        for p in sorted(Path("tests/data/seeds").glob("*.txt"))]
(tmp / "jl").mkdir()
with open(tmp / "jl/seeds.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
spark.createDataFrame(rows).coalesce(1).write.parquet(str(tmp / "seeds.parquet"))
spark.stop()
PY
quiet "$bin" build "$tmp/jl" --store "$tmp/jl-store" --as-of 2026-11-22
quiet "$bin" export --store "$tmp/jl-store" --to "$tmp/jl-built" --format graph.nq
quiet scripts/spark-build.sh "$tmp/seeds.parquet" "$tmp/pq" --as-of 2026-11-22
cmp "$tmp/pq/graph.nq" "$tmp/jl-built/graph.nq" \
  || { echo "spark-build: Parquet input differs from the same rows as JSON Lines"; exit 1; }
echo "spark: seeds and 2,005 synthetic articles, graph.nq identical to athar build's ($(wc -l <"$tmp/spark/graph.nq") quads); Parquet = JSON Lines"
