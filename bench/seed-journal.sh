#!/usr/bin/env bash
# Seeds a journal through the API so the charts have something to draw: two kratom strains logged daily for six
# weeks (one kratom-free day), an opioid every fifth day, a kratom taper plan begun five weeks ago with a hold, a
# daily cap, and SOWS and daily check-ins every third day. Times are relative to now (the server's real clock).
# Usage: bash bench/seed-journal.sh BASE_URL TOKEN
set -euo pipefail
base=$1 token=$2
api() { curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X "$1" -d "$3" "$base/api/v1$2"; }
id() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" "$base/api/v1$1" | sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
day() { date -u -d "$1" +%Y-%m-%d; }

red=$(id /products '{"name":"Red Bali","kind":"kratom","form":"powder","strain":"red","gramsPerTeaspoon":2.5}')
green=$(id /products '{"name":"Green Malay","kind":"kratom","form":"powder","strain":"green"}')
morphine=$(id /products '{"name":"Morphine 15 mg","kind":"opioid","form":"tablet","opioid":"morphine","mgPerTablet":15}')
api PUT /guardrails '{"R4":{"values":{"kratomCap":10}}}'
plan=$(id /plans "{\"substance\":\"kratom\",\"startAmount\":12,\"unit\":\"g\",\"pace\":{\"kind\":\"percent\",\"percent\":10},\"intervalDays\":7,\"dosesPerDay\":3,\"resolution\":0.1,\"startDate\":\"$(day '35 days ago')\"}")
api POST "/plans/$plan/hold" "{\"from\":\"$(day '12 days ago')\",\"reason\":\"rough week\"}"
api POST "/plans/$plan/resume" '{}' || true
for n in $(seq 42 -1 1); do
  [ "$n" -eq 9 ] && continue # a kratom-free day
  product=$([ $((n % 3)) -eq 0 ] && echo "$green" || echo "$red")
  amount=$(awk -v n="$n" 'BEGIN { printf "%.2f", 5 + n * 0.15 }')
  api POST /doses "{\"productId\":$product,\"amount\":$amount,\"unit\":\"g\",\"takenAt\":\"$(at "$n days ago 13:00")\",\"meal\":\"before\"}"
  api POST /doses "{\"productId\":$product,\"amount\":2,\"unit\":\"g\",\"takenAt\":\"$(at "$n days ago 20:00")\"}"
  [ $((n % 5)) -eq 0 ] && api POST /doses "{\"productId\":$morphine,\"amount\":1,\"unit\":\"tablet\",\"takenAt\":\"$(at "$n days ago 11:00")\"}"
  if [ $((n % 3)) -eq 0 ]; then
    level=$([ "$n" -gt 20 ] && echo 2 || echo 1)
    answers=$(printf "$level,%.0s" $(seq 16)); answers=${answers%,}
    api POST /checkins "{\"instrument\":\"sows\",\"takenAt\":\"$(at "$n days ago 14:00")\",\"answers\":[$answers]}"
    api POST /checkins "{\"instrument\":\"daily\",\"takenAt\":\"$(at "$n days ago 21:00")\",\"answers\":{\"pain\":$((n / 6 + 1)),\"sleep\":3,\"mood\":3,\"craving\":$((n / 5 + 1))}}"
  fi
done
api POST /doses "{\"productId\":$red,\"amount\":3,\"unit\":\"g\",\"takenAt\":\"$(at '1 hour ago')\"}"
