#!/usr/bin/env bash
# Screenshots of the query page (competency question 9 run), of an entity page and of a name
# search («الرقه»), in headless Chromium (Debian's chromium, with fonts-noto-core for Arabic).
# Usage: scripts/screenshots.sh ATHAR_BINARY STORE_DIR OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 store=$2 out=$3 port=${PORT:-7898}
"$bin" serve --store "$store" --bind 127.0.0.1:$port 2>/dev/null &
pid=$!
profile=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$profile"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:$port/ && break; sleep 0.1; done
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1400,${HEIGHT:-900} \
    --virtual-time-budget=8000 --screenshot="$2" "$1" 2>/dev/null
}
q=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(open("queries/cq09-disagreeing-figures.rq").read()))')
shot "http://127.0.0.1:$port/?query=$q" "$out/serve-query.png"
HEIGHT=1500 shot "http://127.0.0.1:$port/entity?iri=https%3A%2F%2Fw3id.org%2Fathar%2Fid%2Fghwayran_prison" "$out/serve-entity.png"
shot "http://127.0.0.1:$port/search?q=%D8%A7%D9%84%D8%B1%D9%82%D9%87" "$out/serve-search.png"
ls -la "$out"/serve-*.png
