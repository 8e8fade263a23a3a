#!/usr/bin/env bash
# CLI start-up on an existing small database: `wane --version` against read and write verbs (hyperfine).
# Usage: bash bench/startup.sh            (Release build)
#        R2R=1 bash bench/startup.sh      (ReadyToRun publish, linux-x64)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [[ "${R2R:-0}" == 1 ]]; then
  dotnet publish "$root/src/Wane/Wane.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o "$out/bin" >/dev/null
else
  dotnet build "$root/src/Wane/Wane.csproj" -c Release -nologo -v quiet -o "$out/bin" >/dev/null
fi
export WANE_DATA_DIR="$out/data"
wane="$out/bin/wane"
echo 'correct horse battery' | "$wane" user add ann --time-zone UTC --password-stdin >/dev/null
"$wane" products add "Red Bali" --strain red >/dev/null
"$wane" log 2 g --product "Red Bali" --yes >/dev/null
hyperfine -N --warmup 2 --runs "${RUNS:-10}" \
  "$wane --version" \
  "$wane status --json" \
  "$wane products list --json" \
  "$wane log 1 g --product 'Red Bali' --yes"
