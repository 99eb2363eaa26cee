#!/usr/bin/env bash
# Screenshots of the query page (competency question 9 run), of an entity page, of a name
# search («الرقه») and of the page of the incident most reports tell of (its claims ledger
# drawn), in headless Chromium (Debian's chromium, with fonts-noto-core for Arabic).
# Usage: scripts/screenshots.sh ATHAR_BINARY STORE_DIR OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 store=$2 out=$3 port=${PORT:-7898}
incident=$("$bin" query --store "$store" 'PREFIX ath: <https://w3id.org/athar/ontology#>
  SELECT ?i WHERE { ?i a ath:Incident ; ath:reportCount ?n } ORDER BY DESC(?n) ?i LIMIT 1' | sed -n 2p | tr -d '\r')
i=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1], safe=""))' "$incident")
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
HEIGHT=1300 shot "http://127.0.0.1:$port/entity?iri=$i" "$out/serve-incident.png"
ls -la "$out"/serve-*.png
