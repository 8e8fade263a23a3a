#!/usr/bin/env bash
# Peak memory of `wane export` for 1,000 and 100,000 doses (whole process, /usr/bin/time -v).
# The export streams, so the larger journal should cost at most 1.2x the smaller one's peak.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wane -c Release -nologo -v quiet
wane=(dotnet src/Wane/bin/Release/net10.0/wane.dll)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
base="$work/base"
echo "correct horse battery" | "${wane[@]}" --data-dir "$base" user add bench --password-stdin >/dev/null
"${wane[@]}" --data-dir "$base" products add "Red Bali" --kind kratom --form powder >/dev/null
"${wane[@]}" --data-dir "$base" log 2 g --product "Red Bali" --yes >/dev/null
cols=$(sqlite3 "$base/wane.db" "SELECT group_concat('\"'||name||'\"', ',') FROM pragma_table_info('doses') WHERE name<>'Id'")
select=${cols/\"TakenAt\"/datetime(julianday(d.\"TakenAt\") - s.i\/24.0)}
for n in 1000 100000; do
  cp -r "$base" "$work/$n"
  sqlite3 "$work/$n/wane.db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<$((n-1))) INSERT INTO doses($cols) SELECT $select FROM doses d, s WHERE d.Id=1;"
  for format in json csv; do
    for run in 1 2 3; do
      kb=$( { /usr/bin/time -v "${wane[@]}" --data-dir "$work/$n" export --format "$format" --out "$work/out-$n.$format" >/dev/null 2>"$work/err"; } 2>&1; grep 'Maximum resident' "$work/err" | awk '{print $NF}')
      echo "$n doses, $format, run $run: peak RSS ${kb} KB"
    done
  done
done
