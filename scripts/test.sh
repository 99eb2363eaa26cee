#!/usr/bin/env bash
# The README's second command: formatting, lints, the test suite, the seed exports still
# reproducible, and the scorer's floors on the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo fmt --check
cargo fmt --check --manifest-path python/Cargo.toml
cargo clippy --release --all-targets -- -D warnings
cargo clippy --release --manifest-path python/Cargo.toml -- -D warnings
log=$(mktemp)
cargo test --release --all-targets 2>&1 | tee "$log"
passed=$(grep -Eo '^test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '; [0-9]+ failed' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$target_dir/release/athar" build tests/data/seeds --store "$tmp/store" --export "$tmp/exports" --as-of 2026-11-22
# the SPARQL endpoint with standard clients, then a bounded load test
python3 scripts/test_serve.py "$target_dir/release/athar" "$tmp/store"
scripts/loadtest.sh "$target_dir/release/athar" "$tmp/store"
for f in "$tmp"/exports/*; do
  committed="exports/$(basename "$f")"
  cmp "$f" "$committed" || { echo "$committed is stale: run scripts/build-seeds.sh and commit it"; exit 1; }
done
python3 scripts/check_exports.py "$tmp/exports" tests/data/seeds
# the Python module against the binary, and the Spark job against `athar build`
python3 scripts/test_python.py "$target_dir/release/athar"
scripts/test_spark.sh "$target_dir/release/athar"
xmllint --noout --schema tests/fixtures/graphml-athar.xsd "$tmp/exports/graph.graphml"
shared=../shared
if [ -f "$shared/eval/score.py" ]; then
  python3 "$shared/eval/score.py" "$tmp/exports/graph.nq" --gold "$shared/eval/gold/seeds.json" \
    --corpus tests/data/seeds --min "$(cat .ci/floors)" --json "$tmp/seeds-score.json"
  # the open-world dev set: articles written for athar in the styles of real reporting from
  # other theatres (tests/data/dev/SOURCES.md), with their own gold and floors
  "$target_dir/release/athar" build tests/data/dev/articles --store "$tmp/dev-store" \
    --export "$tmp/dev-exports" --as-of 2026-11-22
  python3 "$shared/eval/score.py" "$tmp/dev-exports/graph.nq" --gold tests/data/dev/gold.json \
    --corpus tests/data/dev/articles --min "$(cat .ci/floors-dev)" --json "$tmp/dev-score.json"
  # the holdout set: written the same way, never used to tune a rule (tests/data/holdout)
  "$target_dir/release/athar" build tests/data/holdout/articles --store "$tmp/holdout-store" \
    --export "$tmp/holdout-exports" --as-of 2026-11-22
  python3 "$shared/eval/score.py" "$tmp/holdout-exports/graph.nq" --gold tests/data/holdout/gold.json \
    --corpus tests/data/holdout/articles --min "$(cat .ci/floors-holdout)" --json "$tmp/holdout-score.json"
  # the day each event happened: the scorer prints it as a secondary accuracy, held here
  python3 scripts/check_event_dates.py .ci/floors-event-dates \
    seeds="$tmp/seeds-score.json" dev="$tmp/dev-score.json" holdout="$tmp/holdout-score.json"
else
  echo "../shared/eval/score.py not found: scorer floors not checked"
fi
echo "tests: $passed passed, $failed failed"
