#!/usr/bin/env bash
# Time and peak memory of `wane backup` and `wane restore` for a journal of 100,000 doses
# (whole process, /usr/bin/time -v). Run: bash bench/backup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Wane -c Release -nologo -v quiet
wane=(dotnet src/Wane/bin/Release/net10.0/wane.dll)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
data="$work/data"
n=${DOSES:-100000}
echo "correct horse battery" | "${wane[@]}" --data-dir "$data" user add bench --password-stdin >/dev/null
"${wane[@]}" --data-dir "$data" products add "Red Bali" --kind kratom --form powder >/dev/null
"${wane[@]}" --data-dir "$data" log 2 g --product "Red Bali" --yes >/dev/null
cols=$(sqlite3 "$data/wane.db" "SELECT group_concat('\"'||name||'\"', ',') FROM pragma_table_info('doses') WHERE name<>'Id'")
select=${cols/\"TakenAt\"/datetime(julianday(d.\"TakenAt\") - s.i\/24.0)}
select=${select/\"ClientId\"/NULL}
sqlite3 "$data/wane.db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<$((n-1))) INSERT INTO doses($cols) SELECT $select FROM doses d, s WHERE d.Id=1;"
echo "database: $(stat -c %s "$data/wane.db") bytes, $n doses"
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/err"
  echo "$label: $(grep 'Elapsed (wall clock)' "$work/err" | awk '{print $NF}') wall, peak RSS $(grep 'Maximum resident' "$work/err" | awk '{print $NF}') KB"
}
for run in 1 2 3; do
  measure "backup .tar, run $run" "${wane[@]}" --data-dir "$data" backup "$work/b.tar" --force
  measure "backup .tar.gz, run $run" "${wane[@]}" --data-dir "$data" backup "$work/b.tar.gz" --force
  rm -rf "$work/r"
  measure "restore .tar, run $run" "${wane[@]}" --data-dir "$work/r" restore "$work/b.tar"
done
echo "archives: .tar $(stat -c %s "$work/b.tar") bytes, .tar.gz $(stat -c %s "$work/b.tar.gz") bytes"
