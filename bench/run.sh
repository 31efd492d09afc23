#!/usr/bin/env bash
# The benchmark harness. Builds a synthetic brand with the demo generator (default 1,000,000 persons and about
# 10,000,000 orders), loads it through the public bulk API into a fresh database on a service limited to
# -Xmx512m, and prints each performance figure beside its reference measured in the same run:
#   events:bulk      rows/s (reference: psql \copy of the same events, resolved, into a table indexed like core.event)
#   orders:bulk      rows/s (reference: psql \copy of the same orders, resolved, into a table indexed like core.orders;
#                    issue "Ingestion" asks for at least 40%)
#   peak heap        of the service during the loads (limit 512 MB)
#   aggregate scan   one bare GROUP BY person over the brand's orders: the yardstick of issue "Segmentation"
# and the machine. Needs what ./cdp test needs (a JDK 21+, PostgreSQL on 127.0.0.1:5432) and curl.
#   bench/run.sh [PERSONS] [ORDERS]
# Environment: BENCH_DB (the database it drops and creates, default cdp_bench: give each concurrent run its own),
# BENCH_PORT (default 8099), BENCH_JAVA_OPTS, BENCH_KEEP (keep the database afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${1:-1000000}
ORDERS=${2:-$((PERSONS * 10))}
PORT=${BENCH_PORT:-8099}
DB=${BENCH_DB:-cdp_bench}
WORK=$(mktemp -d)
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${CDP_PG_SUPERUSER:-postgres}")
source <(sed -n '/^java_major()/,/^}/p; /^select_jdk()/,/^}/p; /^say()/p; /^die()/p' cdp)
select_jdk
[ -f cdp-api/target/cdp.jar ] || ./mvnw -q -B -DskipTests package

say "generating $PERSONS persons and about $ORDERS orders"
"$JAVA_HOME/bin/java" -cp cdp-api/target/cdp.jar -Dloader.main=org.privatedomain.cdp.api.demo.DemoFiles \
  org.springframework.boot.loader.launch.PropertiesLauncher "$WORK/data" "$PERSONS" "$ORDERS" 7 2026-11-24 >&2

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB" 2>/dev/null
ADMIN=bench-$(openssl rand -hex 24)
CDP_ADMIN_API_KEY=$ADMIN CDP_PII_KEY=$(openssl rand -base64 32) CDP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
CDP_DB_USER=${CDP_PG_SUPERUSER:-postgres} CDP_PORT=$PORT CDP_IMPORT_DIR=$WORK/imports CDP_SEGMENT_SCHEDULED_REFRESH=false \
  "$JAVA_HOME/bin/java" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar cdp-api/target/cdp.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
key_of() { sed -n 's/.*"key":"\([^"]*\)".*/\1/p'; }
api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands" -d '{"code":"bench","name":"Bench"}' >/dev/null
KEY=$(api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands/bench/api-keys" -d '{"role":"OPERATOR"}' | key_of)

# Warm-up on another brand, so that the JIT compiler is not what is measured.
api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands" -d '{"code":"warmup","name":"Warm-up"}' >/dev/null
WARM=$(api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands/warmup/api-keys" -d '{"role":"OPERATOR"}' | key_of)
for kind in events orders; do
  { zcat "$WORK/data/$kind.ndjson.gz" || true; } | head -n 50000 | curl -sf -H "Authorization: Bearer $WARM" \
    -H 'Content-Type: application/x-ndjson' --data-binary @- "localhost:$PORT/api/v1/brands/warmup/$kind:bulk" >/dev/null
done

( while kill -0 $SERVICE 2>/dev/null; do
    "$JAVA_HOME/bin/jstat" -gc $SERVICE | awk 'NR==2 {printf "%d\n", ($3+$4+$6+$8)/1024}'; sleep 1
  done ) > "$WORK/heap.txt" 2>/dev/null &
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
declare -A SECONDS_OF LINES_OF
for kind in events orders; do
  say "loading $kind"
  start=$(now)
  curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' -H 'Content-Encoding: gzip' \
    --data-binary @"$WORK/data/$kind.ndjson.gz" "localhost:$PORT/api/v1/brands/bench/$kind:bulk" > "$WORK/$kind.json"
  SECONDS_OF[$kind]=$(calc "$(now) - $start")
  LINES_OF[$kind]=$(sed -n 's/.*"lines":\([0-9]*\).*/\1/p' "$WORK/$kind.json")
  grep -q '"rejected":0' "$WORK/$kind.json" || say "some $kind lines were rejected: $(head -c 600 "$WORK/$kind.json")"
done
peak=$(sort -n "$WORK/heap.txt" | tail -n1)

BRAND_ID=$("${PSQL[@]}" -d $DB -tAc "select id from core.brand where code = 'bench'")
copy_rate() { # table: \copy the brand's rows out, then time \copy into an empty table made like it
  "${PSQL[@]}" -d $DB -c "\copy (select * from core.$1 where brand_id = $BRAND_ID) to '$WORK/$1.csv' csv"
  "${PSQL[@]}" -d $DB -c "create table public.$1_copy (like core.$1 including all)"
  local rows start; rows=$(wc -l < "$WORK/$1.csv"); start=$(now)
  "${PSQL[@]}" -d $DB -c "\copy public.$1_copy from '$WORK/$1.csv' csv"
  echo "$rows $(calc "$(now) - $start")"
}
read -r event_rows event_copy_s < <(copy_rate event)
read -r order_rows order_copy_s < <(copy_rate orders)
"${PSQL[@]}" -d $DB -c "vacuum analyze core.orders"
start=$(now)
persons_with_orders=$("${PSQL[@]}" -d $DB -tAc "select count(*) from (select member_id, count(*), sum(amount - refunded_amount), max(paid_at) from core.orders where brand_id = $BRAND_ID group by member_id) t")
scan_s=$(calc "$(now) - $start")

# Segmentation: full recompute of RFM (as of today) and of the current period's tiers, and the first segment
# preview (which computes the purchase histories whole); then the same after 10,000 new orders (the journal marks
# them stale, so each read recomputes the persons touched), and the preview once more. The background refresh of
# purchase histories is off (CDP_SEGMENT_SCHEDULED_REFRESH above), so that it runs at none of these times.
# The preview's rule has 3 conditions: members, 2+ purchase days in 90 days, SMS marketing not refused.
timed_get() { local start; start=$(now); curl -sf -H "Authorization: Bearer $KEY" "localhost:$PORT/api/v1/brands/bench/$1" > "$WORK/last.json"; calc "$(now) - $start" 2; }
timed_post() { local start; start=$(now); curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -X POST "localhost:$PORT/api/v1/brands/bench/$1" -d "$2" > "$WORK/last.json"; calc "$(now) - $start" 2; }
RULE='{"rule":{"all":[{"type":"membership"},{"type":"orders","metric":"purchaseDays","op":"gte","value":2,"window":{"last":"P90D"}},{"not":{"type":"consent","purpose":"MARKETING","channel":"SMS","granted":false}}]}}'
rfm_s=$(timed_get rfm); tiers_s=$(timed_get tiers); preview_first_s=$(timed_post segments:preview "$RULE")
{ zcat "$WORK/data/orders.ndjson.gz" || true; } | head -n 10000 | sed 's/"orderId":"/"orderId":"late-/' \
  | curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @- \
    "localhost:$PORT/api/v1/brands/bench/orders:bulk" > /dev/null
rfm_late_s=$(timed_get rfm); tiers_late_s=$(timed_get tiers); preview_late_s=$(timed_post segments:preview "$RULE")
preview_s=$(timed_post segments:preview "$RULE")
preview_count=$(sed -n 's/.*"count":\([0-9]*\).*/\1/p' "$WORK/last.json")

# FAST+: one closed month computed from nothing (its tiers and the previous month's included), beside a bare scan
# of that month's orders; then the 12 months up to it computed, and answered again from storage.
month=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
first=$(date -u -d "$(date -u +%Y-%m-01) -12 month" +%Y-%m)
fast_one_s=$(timed_get "metrics/fast-plus?from=$month&to=$month")
start=$(now)
"${PSQL[@]}" -d $DB -tAc "select count(*) from (select member_id, count(*), sum(amount - refunded_amount), max(paid_at) from core.orders where brand_id = $BRAND_ID and paid_at >= '$month-01'::date and paid_at < ('$month-01'::date + interval '1 month') group by member_id) t" > /dev/null
month_scan_s=$(calc "$(now) - $start" 3)
fast_12_s=$(timed_get "metrics/fast-plus?from=$first&to=$month")
fast_12_stored_s=$(timed_get "metrics/fast-plus?from=$first&to=$month")

rate() { calc "$1 / $2" 0; }
ev_rate=$(rate "${LINES_OF[events]}" "${SECONDS_OF[events]}"); ev_copy=$(rate "$event_rows" "$event_copy_s")
or_rate=$(rate "${LINES_OF[orders]}" "${SECONDS_OF[orders]}"); or_copy=$(rate "$order_rows" "$order_copy_s")
echo
echo "data set: $PERSONS persons (seed 7), ${LINES_OF[events]} event lines, ${LINES_OF[orders]} order lines ($order_rows orders after refunds sent again), $persons_with_orders persons with orders"
printf 'events:bulk   %8s rows/s (%s s)   psql \\copy %8s rows/s (%s s)   ratio %s%%\n' "$ev_rate" "${SECONDS_OF[events]}" "$ev_copy" "$event_copy_s" "$(calc "100 * $ev_rate / $ev_copy" 0)"
printf 'orders:bulk   %8s rows/s (%s s)   psql \\copy %8s rows/s (%s s)   ratio %s%% (target at least 40%%)\n' "$or_rate" "${SECONDS_OF[orders]}" "$or_copy" "$order_copy_s" "$(calc "100 * $or_rate / $or_copy" 0)"
echo "peak heap     $peak MB during the loads (limit -Xmx512m)"
echo "aggregate scan  $scan_s s: GROUP BY person over the brand's $order_rows orders (the yardstick for RFM and tier recompute)"
echo "RFM + tiers   $rfm_s s + $tiers_s s = $(calc "$rfm_s + $tiers_s" 2) s full recompute: $(calc "($rfm_s + $tiers_s) / $scan_s" 2)x the aggregate scan (target at most 1.5x)"
echo "after 10k new orders: RFM $rfm_late_s s, tiers $tiers_late_s s to be fresh again (target within 2 s)"
echo "segment preview $preview_s s for a 3-condition rule ($preview_count persons; target within 1 s); $preview_late_s s right after the 10,000 new orders; $preview_first_s s the first time (computes the purchase histories whole)"
echo "FAST+ one month ($month) from nothing $fast_one_s s; bare scan of its orders $month_scan_s s: $(calc "$fast_one_s / ($month_scan_s + 0.001)" 1)x (target at most 2x)"
echo "FAST+ 12 months ($first..$month): $fast_12_s s to compute, $fast_12_stored_s s from storage (target within 2 s)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)," \
     "PostgreSQL $("${PSQL[@]}" -d $DB -tAc 'show server_version' | cut -d' ' -f1) (shared_buffers $("${PSQL[@]}" -d $DB -tAc 'show shared_buffers'))," \
     "JDK $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')," \
     "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
[ -n "${BENCH_KEEP:-}" ] || "${PSQL[@]}" -d postgres -c "drop database $DB with (force)"
