#!/usr/bin/env bash
# Compressed transfer size of Today, Plan, Check-ins, History and Guardrails for a signed-in person with a seeded
# journal (bench/seed-journal.sh), each with the stylesheet, scripts and icons it loads, as a first visit fetches
# them (nothing cached). A measurement, not a test: `nice -n 10 bash bench/page-weight.sh` from the repository
# root. Budget: Today at most 50 KB (51,200 bytes) with its assets.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PAGE_WEIGHT_PORT:-5192}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
export WANE_DATA_DIR="$data"

dotnet build src/Wane -c Release -nologo -v quiet >/dev/null
wane=(dotnet src/Wane/bin/Release/net10.0/wane.dll)
echo "correct horse battery" | "${wane[@]}" user add weigher --time-zone America/New_York --password-stdin >/dev/null
token=$("${wane[@]}" token create --user weigher --name page-weight)
"${wane[@]}" serve --urls "$base" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
bash bench/seed-journal.sh "$base" "$token"

jar="$data/cookies"
form=$(curl -fsS -c "$jar" "$base/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Name=weigher" --data-urlencode "Password=correct horse battery" \
  --data-urlencode "__RequestVerificationToken=$form" "$base/signin"

# Bytes on the wire (not decoded), as a browser that accepts Brotli and gzip receives them.
size() { curl -fsS -b "$jar" -H 'Accept-Encoding: br, gzip' -o /dev/null --write-out '%{size_download}' "$base$1"; }
plain() { curl -fsS -b "$jar" -o /dev/null --write-out '%{size_download}' "$base$1"; }

printf '%-20s %7s %7s %7s %7s %13s  %s\n' page charts html assets total uncompressed "(assets)"
today_total=0
last_month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
for page in / /plan /checkins /history "/history?month=$last_month" /guardrails; do
  html=$(curl -fsS -b "$jar" "$base$page")
  mkdir -p artifacts/page-weight && printf '%s' "$html" > "artifacts/page-weight/$(echo "${page#/}" | tr -c 'a-z0-9\n' '-' | sed 's/^$/today/').html"
  case "$html" in *'action="/signin"'*) echo "not signed in at $page"; exit 1 ;; esac
  assets=$(printf '%s' "$html" | grep -o '\(href\|src\)="/assets/[^"]*"' | sed 's/^[a-z]*="//; s/"$//' | sort -u)
  h=$(size "$page") a=0 u=$(plain "$page")
  for asset in $assets; do a=$((a + $(size "$asset"))); u=$((u + $(plain "$asset"))); done
  charts=$(printf '%s' "$html" | grep -o '<svg xmlns\|<table class="calendar"' | wc -l)
  printf '%-20s %7d %7d %7d %7d %13d  %s\n' "$page" "$charts" "$h" "$a" $((h + a)) "$u" "$(echo $assets | tr ' ' ',')"
  [ "$page" = / ] && today_total=$((h + a))
done
echo "charts: SVG charts drawn (History: its month grid). Today total $today_total bytes (budget 51200)"
[ "$today_total" -le 51200 ]
