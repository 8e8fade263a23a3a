#!/usr/bin/env bash
# `wane serve` to its first /healthz answer, against a bare ASP.NET Core app that maps only /healthz, side by
# side in one hyperfine run: on an existing database and on a new one. Both are ReadyToRun publishes for
# linux-x64, built in a temporary folder.
# Usage: bash bench/serve-startup.sh   (RUNS=20 for more runs; PORT=5290 to move the ports;
#        WANE_BIN=DIR to time a wane already published there)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pub() { dotnet publish "$1" -c Release -r linux-x64 --self-contained false --disable-build-servers -nologo -v quiet -o "$2" >/dev/null; }
if [[ -n "${WANE_BIN:-}" ]]; then cp -r "$WANE_BIN" "$out/wane"; else pub "$root/src/Wane/Wane.csproj" "$out/wane"; fi
pub "$root/bench/Wane.Bench.Bare/Wane.Bench.Bare.csproj" "$out/bare"
port=${PORT:-5290}
first="$root/bench/first-healthz.sh"
existing="$out/existing"
WANE_DATA_DIR="$existing" bash "$first" "http://127.0.0.1:$port" "$out/wane/wane" serve --urls "http://127.0.0.1:$port"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-markdown "$out/serve.md" --export-json "$out/serve.json" \
  --prepare true --prepare true --prepare "rm -rf $out/new" \
  -n bare "bash $first http://127.0.0.1:$port $out/bare/Wane.Bench.Bare --urls http://127.0.0.1:$port" \
  -n "wane serve (existing database)" "env WANE_DATA_DIR=$existing bash $first http://127.0.0.1:$port $out/wane/wane serve --urls http://127.0.0.1:$port" \
  -n "wane serve (new database)" "env WANE_DATA_DIR=$out/new bash $first http://127.0.0.1:$port $out/wane/wane serve --urls http://127.0.0.1:$port"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/serve.md"
# Medians (the figures bench/README.md records), in ms.
jq -r '.results[] | "median \(.median * 1000 | round) ms, user+sys \((.user + .system) * 1000 | round) ms: \(.command)"' "$out/serve.json"
