#!/usr/bin/env bash
# Starts a server (the arguments), waits for its first 200 from /healthz (at most 60 s), then stops it.
# Used by serve-startup.sh under hyperfine: the time measured is start to first answer.
# PROBE=readyz waits for /readyz instead (wane serve answers /healthz before it has prepared the database).
set -uo pipefail
url="$1"; shift
"$@" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 6000); do
  if curl -fs -o /dev/null "$url/${PROBE:-healthz}"; then
    kill "$pid"; wait "$pid" 2>/dev/null; exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "server exited before answering" >&2; exit 1; }
  sleep 0.01
done
kill "$pid"; echo "no answer from $url/${PROBE:-healthz} within 60 s" >&2; exit 1
