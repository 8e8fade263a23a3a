#!/usr/bin/env bash
# Fuzzing every JSON request body of the API: the property-based fuzzer in tests/Wane.Tests/Fuzz (CsCheck)
# sends generated bodies to the real app on loopback and fails on any 5xx, any 400 without problem details,
# and any rejected request that committed to the database. See bench/README.md for the recorded figures.
#
#   bash bench/fuzz.sh                          # 100,000 bodies per endpoint
#   WANE_FUZZ_BODIES=5000 bash bench/fuzz.sh     # a shorter run
#   WANE_FUZZ_SEED=60XvZfo8nsn3 bash bench/fuzz.sh   # replay a failing run's seed (printed by CsCheck)
#
# Settings (environment):
#   WANE_FUZZ_BODIES  bodies per endpoint (default 100000; the normal test suite sends 300)
#   WANE_FUZZ_SEED    CsCheck seed to replay
#   WANE_FUZZ_ONLY    only these routes, comma-separated as the report names them ("POST /api/v1/shares,POST /api/v1/import")
#   FUZZ_DIR          parent folder of the temporary work dir (default $TMPDIR or /tmp)
#   FUZZ_REPORT       also copy the per-endpoint figures (tab-separated) to this file
#   FUZZ_KEEP=1       keep the work dir
#
# The sources are copied to the work dir and built there in Release, so the run never touches (or races with)
# the bin/ and obj/ folders of a developer's Debug build. Run it at low priority on a shared machine: nice bash bench/fuzz.sh
set -euo pipefail

BODIES="${WANE_FUZZ_BODIES:-100000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${FUZZ_DIR:-${TMPDIR:-/tmp}}/wane-fuzz.XXXXXX")"
cleanup() { if [[ "${FUZZ_KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

(cd "$ROOT" && tar --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./TestResults --exclude=./artifacts -cf - .) | tar -xf - -C "$WORK"
cd "$WORK"
echo "building in $WORK (Release)…"
dotnet build tests/Wane.Tests/Wane.Tests.csproj -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 2; }

REPORT="$WORK/report.tsv"
: >"$REPORT"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "fuzzing: $BODIES bodies per endpoint, commit $commit, $(nproc) cores, started $(date -u +%FT%TZ)"
start=$(date +%s)
status=0
WANE_FUZZ_BODIES="$BODIES" WANE_FUZZ_REPORT="$REPORT" \
  dotnet test --project tests/Wane.Tests/Wane.Tests.csproj -c Release --no-build \
  --filter-class 'Wane.Tests.Fuzz.BodyFuzzTests' >"$WORK/test.log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

column -t -s $'\t' "$REPORT" || cat "$REPORT"
endpoints=$(wc -l <"$REPORT")
bodies=$(awk -F'\t' '{ split($2, a, "="); s += a[2] } END { print s + 0 }' "$REPORT")
fives=$(awk -F'\t' '{ split($3, a, "="); s += a[2] } END { print s + 0 }' "$REPORT")
echo "endpoints: $endpoints, bodies: $bodies, 5xx: $fives, seconds: $elapsed, test exit: $status"
grep -E '^\s*(failed|Xunit|  \{|  ----)' "$WORK/test.log" | head -40 || true
if [[ -n "${FUZZ_REPORT:-}" ]]; then cp "$REPORT" "$FUZZ_REPORT"; fi
exit "$status"
