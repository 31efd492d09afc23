#!/usr/bin/env bash
# Segment speed. Writes a synthetic brand (default 1,000,000 persons, 10,000,000 orders, 3,000,000 events)
# straight into a fresh database with bench/segments-data.sql, starts the service on it with -Xmx512m, and
# times through the API: the first order rule (which computes the purchase histories whole), then POST
# .../segments:preview of five 3-condition rules (each twice: cold, then warm), a
# refresh of a saved segment and its CSV export, beside the reference measured in the same run: one bare
# GROUP BY person over the brand's orders. Prints the machine and its load, since others may share it.
# Needs what ./cdp test needs and curl.
#   bench/segments.sh [PERSONS] [ORDERS]
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${1:-1000000}
ORDERS=${2:-$((PERSONS * 10))}
PORT=${BENCH_PORT:-8098}
DB=cdp_bench_segments
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${CDP_PG_SUPERUSER:-postgres}")
source <(sed -n '/^java_major()/,/^}/p; /^select_jdk()/,/^}/p; /^say()/p; /^die()/p' cdp)
select_jdk
[ -f cdp-api/target/cdp.jar ] || ./mvnw -q -B -DskipTests package

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB" 2>/dev/null
WORK=$(mktemp -d)
ADMIN=bench-$(openssl rand -hex 24)
CDP_ADMIN_API_KEY=$ADMIN CDP_PII_KEY=$(openssl rand -base64 32) CDP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
CDP_DB_USER=${CDP_PG_SUPERUSER:-postgres} CDP_PORT=$PORT CDP_SEGMENT_SCHEDULED_REFRESH=false \
  "$JAVA_HOME/bin/java" -Xmx512m -jar cdp-api/target/cdp.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
trap 'say "a step failed; the end of the service log:"; tail -n 40 "$WORK/service.log" >&2' ERR
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands" -d '{"code":"bench","name":"Bench"}' >/dev/null
KEY=$(api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands/bench/api-keys" -d '{"role":"OPERATOR"}' \
  | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
BRAND_ID=$("${PSQL[@]}" -d $DB -tAc "select id from core.brand where code = 'bench'")
say "writing $PERSONS persons, $ORDERS orders and $((PERSONS * 3)) events"
"${PSQL[@]}" -d $DB -v brand="$BRAND_ID" -v persons="$PERSONS" -v orders="$ORDERS" -f bench/segments-data.sql

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
BASE="localhost:$PORT/api/v1/brands/bench/segments"
RULES=(
  '{"all":[{"type":"profile","attribute":"city","op":"in","value":["杭州","上海"]},{"type":"orders","metric":"count","op":"gte","value":2,"window":{"last":"P90D"}},{"type":"tag","tag":"vip"}]}'
  '{"all":[{"type":"tag","tag":"vip"},{"type":"profile","attribute":"city","op":"eq","value":"杭州"},{"type":"orders","metric":"count","op":"gte","value":1,"window":{"last":"P30D"}}]}'
  '{"all":[{"type":"membership","during":{"last":"P1M"}},{"type":"orders","metric":"purchaseDays","op":"gte","value":2,"window":{"last":"P90D"},"channels":["TMALL"]},{"type":"profile","attribute":"gender","op":"eq","value":"FEMALE"}]}'
  '{"all":[{"type":"events","eventType":"VISIT","window":{"last":"P30D"}},{"type":"orders","metric":"count","op":"eq","value":0,"window":{"last":"P90D"}},{"type":"attribute","key":"level","op":"eq","value":"gold"}]}'
  '{"all":[{"type":"relationship"},{"type":"orders","metric":"netAmount","op":"gte","value":500,"window":{"last":"P365D"}},{"not":{"type":"consent","purpose":"MARKETING","channel":"SMS","granted":false}}]}'
)
echo
# The first order rule computes the purchase histories whole (the background refresh is off here); time it apart.
histories_s=$(api "$KEY" -o /dev/null -w '%{time_total}' -X POST "$BASE:preview" \
  -d '{"rule":{"type":"orders","metric":"count","op":"gte","value":1}}')
echo "histories $histories_s s: the purchase histories computed whole by the first order rule"
for rule in "${RULES[@]}"; do
  times=()
  for _ in 1 2; do
    times+=("$(api "$KEY" -o "$WORK/count.json" -w '%{time_total}' -X POST "$BASE:preview" -d "{\"rule\":$rule}")")
  done
  printf 'preview %6s s cold, %6s s warm, count %s: %s\n' "${times[0]}" "${times[1]}" \
    "$(sed -n 's/.*"count":\([0-9]*\).*/\1/p' "$WORK/count.json")" "$rule"
done
ID=$(api "$KEY" -X POST "$BASE" -d "{\"name\":\"bench\",\"rule\":${RULES[0]}}" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
refresh_s=$(api "$KEY" -o "$WORK/refresh.json" -w '%{time_total}' -X POST "$BASE/$ID/refresh")
echo "refresh  $refresh_s s: $(cat "$WORK/refresh.json")"
everyone=$(api "$KEY" -X POST "$BASE" -d '{"name":"everyone","rule":{"not":{"type":"tag","tag":"none"}}}' \
  | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
refresh_s=$(api "$KEY" -o "$WORK/refresh.json" -w '%{time_total}' -X POST "$BASE/$everyone/refresh")
echo "refresh  $refresh_s s of every live person: $(cat "$WORK/refresh.json")"
csv_s=$(api "$KEY" -o "$WORK/members.csv" -w '%{time_total}' "$BASE/$everyone/members.csv")
echo "csv      $csv_s s: $(($(wc -l < "$WORK/members.csv") - 1)) members streamed; service heap limit -Xmx512m"
start=$(now)
"${PSQL[@]}" -d $DB -tAc "select count(*) from (select member_id, count(*), sum(amount - refunded_amount), max(paid_at) from core.orders where brand_id = $BRAND_ID group by member_id) t" >/dev/null
echo "reference $(calc "$(now) - $start") s: a bare GROUP BY person over the brand's $ORDERS orders"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(free -g | awk '/Mem:/ {print $2}') GiB," \
     "PostgreSQL $("${PSQL[@]}" -d $DB -tAc 'show server_version' | cut -d' ' -f1) (shared_buffers $("${PSQL[@]}" -d $DB -tAc 'show shared_buffers'))," \
     "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
[ -n "${BENCH_KEEP:-}" ] || "${PSQL[@]}" -d postgres -c "drop database $DB with (force)"
