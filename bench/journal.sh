# Sourced by the memory benchmarks: builds wane in Release into `wane` (an array to run it), a work folder `work`
# (removed on exit), and `journal N DIR`, a data folder with one person and N doses of Red Bali one hour apart
# (one logged dose copied with SQLite, so a large journal takes seconds).
dotnet build src/Wane -c Release -nologo -v quiet
wane=(dotnet src/Wane/bin/Release/net10.0/wane.dll)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
base="$work/base"
echo "correct horse battery" | "${wane[@]}" --data-dir "$base" user add bench --password-stdin >/dev/null
"${wane[@]}" --data-dir "$base" products add "Red Bali" --kind kratom --form powder >/dev/null
"${wane[@]}" --data-dir "$base" log 2 g --product "Red Bali" --yes >/dev/null
cols=$(sqlite3 "$base/wane.db" "SELECT group_concat('\"'||name||'\"', ',') FROM pragma_table_info('doses') WHERE name<>'Id'")
select=${cols/\"TakenAt\"/datetime(julianday(d.\"TakenAt\") - s.i\/24.0)}

journal() {
  cp -r "$base" "$2"
  sqlite3 "$2/wane.db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<$(($1-1))) INSERT INTO doses($cols) SELECT $select FROM doses d, s WHERE d.Id=1;"
}
