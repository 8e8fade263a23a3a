#!/usr/bin/env bash
# CLI start-up on an existing small database: `wane --version` against read verbs and `wane log` (hyperfine,
# side by side in one run). Builds in a temporary folder, never inside the repository.
# Usage: bash bench/startup.sh            (ReadyToRun publish for linux-x64, as shipped)
#        R2R=0 bash bench/startup.sh      (plain Release build)
#        RUNS=20 bash bench/startup.sh    (more runs on a noisy machine)
#        WANE_BIN=DIR bash bench/startup.sh   (time a wane already published there)
#        BASE_BIN=DIR …                   (also time an older published wane in the same run, on a copy of the data)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [[ -n "${WANE_BIN:-}" ]]; then
  cp -r "$WANE_BIN" "$out/bin"
elif [[ "${R2R:-1}" == 1 ]]; then
  dotnet publish "$root/src/Wane/Wane.csproj" -c Release -r linux-x64 --self-contained false --disable-build-servers -nologo -v quiet -o "$out/bin" >/dev/null
else
  dotnet build "$root/src/Wane/Wane.csproj" -c Release --disable-build-servers -nologo -v quiet -o "$out/bin" >/dev/null
fi
export WANE_DATA_DIR="$out/data"
wane="$out/bin/wane"
echo 'correct horse battery' | "$wane" user add ann --time-zone UTC --password-stdin >/dev/null
"$wane" products add "Red Bali" --strain red >/dev/null
"$wane" log 2 g --product "Red Bali" --yes >/dev/null
verbs=("--version" "status --json" "products list --json" "doses --json" "log 1 g --product 'Red Bali' --yes")
cmds=(); for v in "${verbs[@]}"; do cmds+=("$wane $v"); done
if [[ -n "${BASE_BIN:-}" ]]; then
  cp -r "$BASE_BIN" "$out/base"; cp -r "$out/data" "$out/base-data"
  for v in "${verbs[@]}"; do cmds+=("env WANE_DATA_DIR=$out/base-data $out/base/wane $v"); done
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 2 --runs "${RUNS:-10}" --export-markdown "$out/startup.md" --export-json "$out/startup.json" "${cmds[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/startup.md"
# Medians (the figures bench/README.md records), in ms.
jq -r '.results[] | "median \(.median * 1000 | round) ms, user+sys \((.user + .system) * 1000 | round) ms: \(.command)"' "$out/startup.json"
