#!/usr/bin/env bash
# The README's first command: builds athar and the graph of the seed corpus, and writes the
# exports to exports/ (byte-identical on every run: the reference date is fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
rm -rf athar-store
"$target_dir/release/athar" build tests/data/seeds --store athar-store --export exports --as-of 2026-11-22
