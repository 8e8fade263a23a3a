#!/usr/bin/env bash
# Lighthouse (mobile) against Today, Plan, Check-ins, History and Guardrails as a signed-in person with a seeded
# journal (bench/seed-journal.sh: six weeks of doses, a plan, check-ins), so every chart is drawn; Debian's Chromium.
# A measurement, not a test: run from the repository root with `bash bench/lighthouse.sh`.
# Reports land in artifacts/lighthouse/ (git-ignored); the scores are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${LIGHTHOUSE_PORT:-5191}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
out=artifacts/lighthouse
mkdir -p "$out"
export WANE_DATA_DIR="$data" CHROME_PATH=${CHROME_PATH:-/usr/lib/chromium/chromium}

dotnet build src/Wane -c Release -nologo -v quiet >/dev/null
wane=(dotnet src/Wane/bin/Release/net10.0/wane.dll)
echo "correct horse battery" | "${wane[@]}" user add lighthouse --time-zone America/New_York --password-stdin >/dev/null
api_token=$("${wane[@]}" token create --user lighthouse --name lighthouse)
"${wane[@]}" serve --urls "$base" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
[ "${LIGHTHOUSE_EMPTY:-}" = 1 ] || bash bench/seed-journal.sh "$base" "$api_token"

# Sign in like a browser: the form's antiforgery token and cookie, then the auth cookie.
jar="$data/cookies"
token=$(curl -fsS -c "$jar" "$base/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Name=lighthouse" --data-urlencode "Password=correct horse battery" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/signin"
cookie=$(awk '$6 == "wane" { print "wane=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed"; exit 1; }

# One request to each page first: the first request after start-up pays for JIT compilation and the first use of ScottPlot
# (seconds on a busy machine); Lighthouse measures the page as every later visit gets it. LIGHTHOUSE_COLD=1 skips this.
pages=${LIGHTHOUSE_PAGES:-/ /plan /checkins /history /guardrails}
if [ "${LIGHTHOUSE_COLD:-}" != 1 ]; then
  for page in $pages; do
    curl -fsS -o /dev/null -H "Cookie: $cookie" --write-out "warm-up $page %{time_starttransfer}s\n" "$base$page"
  done
fi
for page in $pages; do
  name=$(echo "$page" | tr -c 'a-z\n' '-' | sed 's/^-$/today/; s/^-//')
  npx --yes lighthouse@12.2.3 "$base$page" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless --no-sandbox --disable-gpu" \
    --extra-headers="{\"Cookie\": \"$cookie\"}" \
    --output=json --output-path="$out/$name.json"
  node -e 'const r=require(process.argv[1]); const c=r.categories; console.log(process.argv[2].padEnd(10), ["performance","accessibility","best-practices"].map(k => k + " " + Math.round(c[k].score*100)).join("  "), " (final URL " + r.finalDisplayedUrl + ")")' "$PWD/$out/$name.json" "$page"
done
