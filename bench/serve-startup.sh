#!/usr/bin/env bash
# `wane serve` to its first /healthz answer, against a bare ASP.NET Core app that maps only /healthz, side by
# side in one hyperfine run: on an existing database and on a new one, and to its first /readyz 200 (wane serve
# listens before it has checked or migrated the database, ADR 0023, so /readyz is when it can serve).
# Both are ReadyToRun publishes for linux-x64, built in a temporary folder.
# Usage: bash bench/serve-startup.sh   (RUNS=20 for more runs; PORT=5290 to move the port;
#        WANE_BIN=DIR to time a wane already published there; BARE_BIN=DIR likewise for the bare app;
#        BASE_BIN=DIR to time an older published wane in the same run, e.g. before a change)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pub() { dotnet publish "$1" -c Release -r linux-x64 --self-contained false --disable-build-servers -nologo -v quiet -o "$2" >/dev/null; }
if [[ -n "${WANE_BIN:-}" ]]; then cp -r "$WANE_BIN" "$out/wane"; else pub "$root/src/Wane/Wane.csproj" "$out/wane"; fi
if [[ -n "${BARE_BIN:-}" ]]; then cp -r "$BARE_BIN" "$out/bare"; else pub "$root/bench/Wane.Bench.Bare/Wane.Bench.Bare.csproj" "$out/bare"; fi
port=${PORT:-5290}
url="http://127.0.0.1:$port"
first="$root/bench/first-healthz.sh"
# The existing database: made by `wane migrate`, so it is complete (serve answers /healthz before migrating).
WANE_DATA_DIR="$out/existing" "$out/wane/wane" migrate >/dev/null
names=(bare "wane serve (existing database)" "wane serve (new database)" "wane serve to /readyz (existing database)" "wane serve to /readyz (new database)")
cmds=("bash $first $url $out/bare/Wane.Bench.Bare --urls $url"
  "env WANE_DATA_DIR=$out/existing bash $first $url $out/wane/wane serve --urls $url"
  "env WANE_DATA_DIR=$out/new bash $first $url $out/wane/wane serve --urls $url"
  "env PROBE=readyz WANE_DATA_DIR=$out/existing bash $first $url $out/wane/wane serve --urls $url"
  "env PROBE=readyz WANE_DATA_DIR=$out/new bash $first $url $out/wane/wane serve --urls $url")
prep=(true true "rm -rf $out/new" true "rm -rf $out/new")
if [[ -n "${BASE_BIN:-}" ]]; then
  cp -r "$BASE_BIN" "$out/base"
  cp -r "$out/existing" "$out/base-existing"
  names+=("base wane serve (existing database)" "base wane serve (new database)")
  cmds+=("env WANE_DATA_DIR=$out/base-existing bash $first $url $out/base/wane serve --urls $url"
    "env WANE_DATA_DIR=$out/base-new bash $first $url $out/base/wane serve --urls $url")
  prep+=(true "rm -rf $out/base-new")
fi
# hyperfine pairs the n-th --prepare with the n-th command: give them in order.
pargs=(); for p in "${prep[@]}"; do pargs+=(--prepare "$p"); done
nargs=(); for i in "${!names[@]}"; do nargs+=(-n "${names[$i]}" "${cmds[$i]}"); done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-markdown "$out/serve.md" --export-json "$out/serve.json" "${pargs[@]}" "${nargs[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/serve.md"
# Medians and CPU (the figures bench/README.md records), in ms.
jq -r '.results[] | "median \(.median * 1000 | round) ms, user+sys \((.user + .system) * 1000 | round) ms: \(.command)"' "$out/serve.json"
