#!/usr/bin/env bash
# Peak memory of `wane import` of Wane's own JSON export, 1,000 and 100,000 doses (whole process,
# /usr/bin/time -v). The file is held once as bytes and walked record by record, so the peak grows
# with the file and the doses to store, not with several copies of the file. DRY=1 measures the dry run
# (the file read and every record checked, nothing stored); SIZES and RUNS choose the journals and runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/journal.sh
for n in ${SIZES:-1000 100000}; do
  journal "$n" "$work/$n"
  "${wane[@]}" --data-dir "$work/$n" export --format json --out "$work/$n.json" >/dev/null
  for run in ${RUNS:-1 2 3}; do
    target="$work/target-$n-$run"
    echo "correct horse battery" | "${wane[@]}" --data-dir "$target" user add bench --password-stdin >/dev/null
    start=$(date +%s.%N)
    kb=$( { /usr/bin/time -v "${wane[@]}" --data-dir "$target" import "$work/$n.json" ${DRY:+--dry-run} >/dev/null 2>"$work/err"; } 2>&1; grep 'Maximum resident' "$work/err" | awk '{print $NF}')
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    stored=$(sqlite3 "$target/wane.db" "SELECT count(*) FROM doses")
    echo "$n doses${DRY:+ (dry run)}, $(stat -c %s "$work/$n.json") bytes, run $run: peak RSS ${kb} KB, ${secs} s, ${stored} doses stored"
    rm -rf "$target"
  done
done
