#!/usr/bin/env bash
# Sign-in failure timing: does a wrong password for an existing name take as long as one for a name that
# does not exist? (If not, the time tells an attacker which names exist.) Runs a Release `wane serve` on
# loopback, creates one user, then alternates failed sign-ins for that name and for unknown names, timing
# each POST /signin with curl. Prints the median and mean of each and the ratio of the medians; exits 1
# when the ratio (slower over faster) is above 1.5. See bench/README.md.
#
#   bash bench/signin-timing.sh            # 200 attempts of each kind after 20 of each to warm up
#   SIGNIN_ROUNDS=500 bash bench/signin-timing.sh
#
# The per-client limit and the per-name slow-down are turned off for the run (they would answer the later
# attempts without checking a password at all, which is the same for both kinds but is not what is measured).
set -euo pipefail

ROUNDS="${SIGNIN_ROUNDS:-200}"
WARM="${SIGNIN_WARMUP:-20}"
PORT="${SIGNIN_PORT:-5197}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wane-signin.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/src"
(cd "$ROOT" && tar --exclude='bin' --exclude='obj' -cf - src Directory.Build.props Directory.Packages.props global.json .editorconfig) | tar -xf - -C "$WORK/src"
echo "Building wane (Release)…" >&2
dotnet build "$WORK/src/src/Wane/Wane.csproj" -c Release -o "$WORK/wane" --disable-build-servers -nologo -v quiet >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; exit 1; }

export WANE_DATA_DIR="$WORK/data" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WANE=(dotnet "$WORK/wane/wane.dll")
echo 'the right password' | "${WANE[@]}" user add maya --password-stdin --time-zone UTC >/dev/null
URL="http://127.0.0.1:$PORT"
"${WANE[@]}" serve --urls "$URL" --RateLimits:SignIn:PermitLimit 0 --Accounts:SignIn:FreeFailures 1000000000 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 300); do
    curl -fsS --max-time 2 "$URL/healthz" >/dev/null 2>&1 && break
    [[ $i -eq 300 ]] && { echo "signin-timing.sh: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
done

JAR="$WORK/cookies"
TOKEN="$(curl -fsS -c "$JAR" "$URL/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
[[ -n "$TOKEN" ]] || { echo "signin-timing.sh: no antiforgery token on /signin" >&2; exit 1; }

# One failed sign-in; prints its total time in milliseconds.
attempt() {
    curl -sS -o /dev/null -b "$JAR" -w '%{time_total}\n' \
        --data-urlencode "Name=$1" --data-urlencode "Password=wrong password $RANDOM" --data-urlencode "__RequestVerificationToken=$TOKEN" \
        "$URL/signin" | awk '{ printf "%.3f\n", $1 * 1000 }'
}

for i in $(seq 1 "$WARM"); do attempt maya >/dev/null; attempt "nobody-$i" >/dev/null; done
: >"$WORK/known"; : >"$WORK/unknown"
for i in $(seq 1 "$ROUNDS"); do
    attempt maya >>"$WORK/known"
    attempt "nobody-$RANDOM-$i" >>"$WORK/unknown"
done

stats() { sort -n "$1" | awk '{ v[NR] = $1; s += $1 } END { printf "%.1f %.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), s / NR }'; }
read -r KM KA <<<"$(stats "$WORK/known")"
read -r UM UA <<<"$(stats "$WORK/unknown")"
RATIO="$(awk -v a="$KM" -v b="$UM" 'BEGIN { r = a > b ? a / b : b / a; printf "%.2f", r }')"
CPUS="$(nproc 2>/dev/null || echo '?')"
echo "signin-timing: $ROUNDS failed sign-ins of each kind on $URL ($CPUS cores, $(date -u +%Y-%m-%dT%H:%MZ))"
echo "  existing name, wrong password: median $KM ms, mean $KA ms"
echo "  unknown name:                  median $UM ms, mean $UA ms"
echo "  ratio of medians (slower / faster): $RATIO (target ≤ 1.5)"
awk -v r="$RATIO" 'BEGIN { exit !(r <= 1.5) }' || { echo "signin-timing: the ratio is above 1.5" >&2; exit 1; }
