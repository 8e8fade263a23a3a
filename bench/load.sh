#!/usr/bin/env bash
# Load benchmark: the rate of logging doses through POST /api/v1/doses of a real `wane serve` on loopback,
# against a raw SQLite insert loop with the same durability pragmas, in one run. See bench/README.md.
#
#   bash bench/load.sh                                  # 20 s per phase, 8 concurrent HTTP workers
#   BENCH_SECONDS=30 BENCH_CONCURRENCY="1 8 16" bash bench/load.sh
#   bash bench/load.sh --max-requests 5000              # extra arguments go to the driver (last one wins)
#
# Settings (environment):
#   BENCH_SECONDS      measured seconds per phase (default 20)
#   BENCH_WARMUP       warm-up seconds before each phase (default 3)
#   BENCH_CONCURRENCY  concurrent HTTP workers; a space-separated list runs the driver once per value (default 8)
#   BENCH_ROUNDS       alternating HTTP/raw slices per run (default 5; 1 = whole HTTP phase, then whole raw phase)
#   BENCH_SERVER_WARMUP  seconds of unreported HTTP load before the first run, so the server's JIT has settled
#                      (tiered compilation takes longer than a few seconds on 2 cores; default 15, 0 to skip)
#   BENCH_PORT         first loopback port to try for the server (default 5199; the next free one is used)
#   BENCH_DIR          parent folder of the temporary work dir (default $TMPDIR or /tmp); the app's database and
#                      the raw loop's file both live there, so put it on the disk you care about
#   BENCH_QUIET_WAIT   before each run, wait up to this many seconds for the machine to be idle (other processes
#                      under 0.15 cores), e.g. on a shared build box (default 0: don't wait)
#   BENCH_KEEP=1       keep the work dir (server log, databases, build output) instead of deleting it
#   BENCH_OUT          also append the driver's reports to this file
#   BENCH_POSTGRES     1 (default): after SQLite, the same HTTP runs on a throwaway PostgreSQL cluster
#                      (scripts/throwaway-postgres), once on one node and once on two nodes sharing the database
#                      and the key-encryption certificate, the driver sending requests round-robin; 0 skips it
#
# Nothing is written inside the repository: the sources are copied to the work dir and built there in Release,
# so the benchmark never touches (or races with) the bin/ and obj/ folders of a developer's Debug build.
set -euo pipefail

SECONDS_PER_PHASE="${BENCH_SECONDS:-20}"
WARMUP="${BENCH_WARMUP:-3}"
ROUNDS="${BENCH_ROUNDS:-5}"
SERVER_WARMUP="${BENCH_SERVER_WARMUP:-15}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-0}"
CONCURRENCY_LIST="${BENCH_CONCURRENCY:-8}"
FIRST_PORT="${BENCH_PORT:-5199}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in dotnet curl tar; do
    command -v "$tool" >/dev/null || { echo "load.sh: '$tool' is required" >&2; exit 1; }
done
for n in "$SECONDS_PER_PHASE" "$WARMUP" "$ROUNDS" "$SERVER_WARMUP" "$QUIET_WAIT" $CONCURRENCY_LIST "$FIRST_PORT"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "load.sh: '$n' is not a whole number (check BENCH_* settings)" >&2; exit 1; }
done

WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/wane-bench.XXXXXX")"
SERVER_PID=""
SERVER_PIDS=()
PG_STARTED=0

stop_server() {
    local pid="$1"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$?
    for pid in "${SERVER_PIDS[@]}"; do stop_server "$pid"; done
    [[ "$PG_STARTED" == "1" ]] && pg_throwaway_stop
    if [[ $rc -ne 0 && -f "$WORK/server.log" ]]; then
        echo "--- last lines of the server log ---" >&2
        tail -n 30 "$WORK/server.log" >&2 || true
    fi
    if [[ "${BENCH_KEEP:-0}" == "1" ]]; then
        echo "Work dir kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '==> %s\n' "$*" >&2; }

# Busy CPU time of the whole machine, in clock ticks (user+nice+system+irq+softirq+steal).
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }

# Waits (up to $1 seconds) until the machine has been idle for 2 s: under 0.15 cores busy, the idle server included.
wait_for_quiet() {
    local deadline=$((SECONDS + $1)) hz a b
    hz="$(getconf CLK_TCK)"
    [[ -r /proc/stat ]] || return 0
    while :; do
        a="$(busy_ticks)"; sleep 2; b="$(busy_ticks)"
        if (( (b - a) * 100 < 15 * 2 * hz )); then
            return 0
        fi
        if (( SECONDS >= deadline )); then
            step "The machine is still busy after $1 s of waiting; measuring anyway"
            return 0
        fi
    done
}

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]]; then COMMIT="$COMMIT + uncommitted changes in src/"; fi
step "Copying sources ($COMMIT) to $WORK"
mkdir -p "$WORK/src"
(cd "$ROOT" && tar --exclude='bin' --exclude='obj' -cf - \
    src bench/Wane.Bench.Load Directory.Build.props Directory.Packages.props global.json .editorconfig) \
    | tar -xf - -C "$WORK/src"

# --disable-build-servers: leave no MSBuild or compiler server running next to the benchmark.
step "Building wane (Release)"
nice -n 10 dotnet build "$WORK/src/src/Wane/Wane.csproj" -c Release -o "$WORK/wane" --disable-build-servers -nologo -v quiet >"$WORK/build-wane.log" 2>&1 \
    || { cat "$WORK/build-wane.log" >&2; exit 1; }
step "Building the load driver (Release)"
nice -n 10 dotnet build "$WORK/src/bench/Wane.Bench.Load/Wane.Bench.Load.csproj" -c Release -o "$WORK/driver" --disable-build-servers -nologo -v quiet >"$WORK/build-driver.log" 2>&1 \
    || { cat "$WORK/build-driver.log" >&2; exit 1; }

export WANE_DATA_DIR="$WORK/data"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WANE_DATA_DIR"
WANE=(dotnet "$WORK/wane/wane.dll")

# A fresh user (with a token and a product) per run: with spaced takenAt every run builds its own history
# from 2001 on, so no run reads the doses of another in its guardrail window.
new_user() {
    local name="$1" line
    echo 'benchpassword' | "${WANE[@]}" user add "$name" --password-stdin --time-zone UTC >/dev/null
    TOKEN="$("${WANE[@]}" token create --user "$name" | tr -d '\r\n')"
    [[ "$TOKEN" =~ ^wane_[A-Za-z0-9_-]+$ ]] || { echo "load.sh: unexpected output from 'token create'" >&2; exit 1; }
    line="$("${WANE[@]}" products add "Red Bali" --kind kratom --form powder --strain red --user "$name")"
    PRODUCT_ID="$(sed -n 's/^Added product \([0-9][0-9]*\):.*/\1/p' <<<"$line")"
    [[ -n "$PRODUCT_ID" ]] || { echo "load.sh: could not read the product id from: $line" >&2; exit 1; }
}

step "Creating the warm-up user in $WANE_DATA_DIR"
new_user bench-warmup

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
NEXT_PORT="$FIRST_PORT"
# Starts `wane serve` on the next free port with the data dir and settings of the environment; sets URL and SERVER_PID.
start_server() {
    local log="$1"; shift
    for _ in $(seq 1 50); do
        port_in_use "$NEXT_PORT" || break
        NEXT_PORT=$((NEXT_PORT + 1))
    done
    port_in_use "$NEXT_PORT" && { echo "load.sh: no free port from $FIRST_PORT to $NEXT_PORT" >&2; exit 1; }
    URL="http://127.0.0.1:$NEXT_PORT"
    NEXT_PORT=$((NEXT_PORT + 1))
    step "Starting wane serve on $URL"
    # No per-token limit: the driver logs doses on one token as fast as the server answers.
    "${WANE[@]}" serve --urls "$URL" --RateLimits:Api:PermitLimit 0 "$@" >"$log" 2>&1 &
    SERVER_PID=$!
    SERVER_PIDS+=("$SERVER_PID")
    for i in $(seq 1 300); do
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "load.sh: the server exited during start-up" >&2; cat "$log" >&2; exit 1; }
        curl -fsS --max-time 2 "$URL/healthz" >/dev/null 2>&1 && break
        [[ $i -eq 300 ]] && { echo "load.sh: /healthz did not answer within 60 s" >&2; exit 1; }
        sleep 0.2
    done
}

start_server "$WORK/server.log"

DRIVER=(dotnet "$WORK/driver/wane-bench-load.dll")
if [[ "$SERVER_WARMUP" -gt 0 ]]; then
    step "Warming the server up: ${SERVER_WARMUP} s of unreported HTTP load"
    WANE_BENCH_TOKEN="$TOKEN" "${DRIVER[@]}" --phases http --url "$URL" --product "$PRODUCT_ID" \
        --seconds "$SERVER_WARMUP" --warmup-seconds 0 --rounds 1 --concurrency 8 >"$WORK/server-warmup.txt" \
        || { cat "$WORK/server-warmup.txt" >&2; exit 1; }
fi

FAILED=0
RESULTS=()
RUN=0
for c in $CONCURRENCY_LIST; do
    RUN=$((RUN + 1))
    new_user "bench-run-$RUN"
    [[ "$QUIET_WAIT" -gt 0 ]] && { step "Waiting up to ${QUIET_WAIT} s for an idle machine"; wait_for_quiet "$QUIET_WAIT"; }
    step "Running the driver: concurrency $c, ${SECONDS_PER_PHASE} s per phase in $ROUNDS round(s) (+${WARMUP} s warm-up)"
    set +e
    {
    echo "source        $COMMIT, Release build"
    WANE_BENCH_TOKEN="$TOKEN" "${DRIVER[@]}" \
        --url "$URL" --product "$PRODUCT_ID" --server-pid "$SERVER_PID" \
        --raw-db "$WORK/raw-run$RUN.db" --app-db "$WANE_DATA_DIR/wane.db" \
        --seconds "$SECONDS_PER_PHASE" --warmup-seconds "$WARMUP" --rounds "$ROUNDS" --concurrency "$c" \
        "$@"
    } | tee "$WORK/report-run$RUN.txt"
    rc=${PIPESTATUS[0]}
    set -e
    [[ -n "${BENCH_OUT:-}" ]] && cat "$WORK/report-run$RUN.txt" >>"$BENCH_OUT"
    [[ $rc -eq 0 ]] || { echo "load.sh: the driver exited with $rc" >&2; FAILED=1; }
    RESULTS+=("$(grep '^RESULT ' "$WORK/report-run$RUN.txt" | sed 's/^RESULT /RESULT sqlite /' || echo "RESULT sqlite concurrency=$c failed (exit $rc)")")
    echo
done

# PostgreSQL: the same HTTP runs (no raw loop: its SQLite file is no yardstick for a database server) on one node,
# then on two nodes on one database, every 201 counted in the database. Server CPU counts the nodes and PostgreSQL.
if [[ "${BENCH_POSTGRES:-1}" == "1" ]]; then
    stop_server "$SERVER_PID"
    # shellcheck source=../scripts/throwaway-postgres
    source "$ROOT/scripts/throwaway-postgres"
    step "Starting a throwaway PostgreSQL cluster"
    pg_throwaway_start >&2 || { echo "load.sh: could not start PostgreSQL" >&2; exit 1; }
    PG_STARTED=1
    PG_PID="$(head -n 1 "$PG_THROWAWAY_DIR/data/postmaster.pid")"
    # The cluster is thrown away afterwards, so the app may use its default database.
    PG_CS="$WANE_TEST_POSTGRES;Database=postgres"
    export Wane__Database__Provider=postgres Wane__Database__ConnectionString="$PG_CS"
    export WANE_DATA_DIR="$WORK/node1"
    mkdir -p "$WORK/node1" "$WORK/node2"
    new_user bench-pg-warmup
    start_server "$WORK/node1.log"
    URL1="$URL"; PID1="$SERVER_PID"
    # The second node has its own data folder but the first one's key-encryption certificate (docs/nodes.md).
    WANE_DATA_DIR="$WORK/node2" start_server "$WORK/node2.log" --DataProtection:Certificate:Path "$WORK/node1/dataprotection.pfx"
    URL2="$URL"; PID2="$SERVER_PID"
    if [[ "$SERVER_WARMUP" -gt 0 ]]; then
        step "Warming both nodes up: ${SERVER_WARMUP} s of unreported HTTP load"
        WANE_BENCH_TOKEN="$TOKEN" "${DRIVER[@]}" --phases http --url "$URL1,$URL2" --product "$PRODUCT_ID" \
            --seconds "$SERVER_WARMUP" --warmup-seconds 0 --rounds 1 --concurrency 8 >"$WORK/pg-warmup.txt" \
            || { cat "$WORK/pg-warmup.txt" >&2; exit 1; }
    fi
    for c in $CONCURRENCY_LIST; do
        for nodes in 1 2; do
            RUN=$((RUN + 1))
            new_user "bench-run-$RUN"
            if [[ $nodes -eq 1 ]]; then urls="$URL1"; pids="$PID1"; else urls="$URL1,$URL2"; pids="$PID1,$PID2"; fi
            [[ "$QUIET_WAIT" -gt 0 ]] && { step "Waiting up to ${QUIET_WAIT} s for an idle machine"; wait_for_quiet "$QUIET_WAIT"; }
            step "Running the driver on PostgreSQL: $nodes node(s), concurrency $c, ${SECONDS_PER_PHASE} s (+${WARMUP} s warm-up)"
            set +e
            {
            echo "source        $COMMIT, Release build; PostgreSQL, $nodes node(s)"
            WANE_BENCH_TOKEN="$TOKEN" "${DRIVER[@]}" --phases http \
                --url "$urls" --product "$PRODUCT_ID" --server-pid "$pids" --database-pid "$PG_PID" --app-postgres "$PG_CS" \
                --seconds "$SECONDS_PER_PHASE" --warmup-seconds "$WARMUP" --rounds "$ROUNDS" --concurrency "$c" \
                "$@"
            } | tee "$WORK/report-run$RUN.txt"
            rc=${PIPESTATUS[0]}
            set -e
            [[ -n "${BENCH_OUT:-}" ]] && cat "$WORK/report-run$RUN.txt" >>"$BENCH_OUT"
            [[ $rc -eq 0 ]] || { echo "load.sh: the driver exited with $rc" >&2; FAILED=1; }
            RESULTS+=("$(grep '^RESULT ' "$WORK/report-run$RUN.txt" | sed 's/^RESULT /RESULT postgres /' || echo "RESULT postgres nodes=$nodes concurrency=$c failed (exit $rc)")")
            echo
        done
    done
fi

if [[ ${#RESULTS[@]} -gt 1 ]]; then
    echo "== Summary =="
    printf '%s\n' "${RESULTS[@]}"
fi
if grep -q 'WARNING' "$WORK"/report-run*.txt 2>/dev/null; then
    echo "load.sh: other processes were busy during the measurement (see WARNING above); treat these numbers with care" >&2
fi
exit $FAILED
