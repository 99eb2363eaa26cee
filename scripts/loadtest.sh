#!/usr/bin/env bash
# A bounded load test of `athar serve` on loopback with wrk: the competency questions, 4
# connections, 20 s. Usage: scripts/loadtest.sh ATHAR_BINARY STORE_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 store=$2 port=${PORT:-7899}
files=$(ls queries/*.rq | sed 's/.*/"&"/' | paste -sd, -)
lua=$(mktemp --suffix=.lua)
sed "s|QUERY_FILES|$files|" scripts/loadtest.lua > "$lua"
"$bin" serve --store "$store" --bind 127.0.0.1:$port --workers 2 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$lua"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:$port/ && break; sleep 0.1; done
wrk -t2 -c4 -d20s --latency -s "$lua" http://127.0.0.1:$port/ | tail -1
