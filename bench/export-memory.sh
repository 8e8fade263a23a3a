#!/usr/bin/env bash
# Peak memory of `wane export` for 1,000 and 100,000 doses (whole process, /usr/bin/time -v).
# The export streams, so the larger journal should cost at most 1.2x the smaller one's peak.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/journal.sh
for n in 1000 100000; do
  journal "$n" "$work/$n"
  for format in json csv; do
    for run in 1 2 3; do
      kb=$( { /usr/bin/time -v "${wane[@]}" --data-dir "$work/$n" export --format "$format" --out "$work/out-$n.$format" >/dev/null 2>"$work/err"; } 2>&1; grep 'Maximum resident' "$work/err" | awk '{print $NF}')
      echo "$n doses, $format, run $run: peak RSS ${kb} KB"
    done
  done
done
