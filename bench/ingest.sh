#!/usr/bin/env bash
# Bulk order ingest benchmark (issue "Ingestion"): loads N generated orders (default 1,000,000) through
# POST /orders:bulk into a fresh database, then loads the same rows, already resolved to members, with psql \copy
# into a table indexed exactly like core.orders, and prints both rates, their ratio and the service's peak heap
# (it runs with -Xmx512m). Needs what ./cdp test needs (a JDK 21+, PostgreSQL on 127.0.0.1:5432) and python3.
#   bench/ingest.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
PORT=${BENCH_PORT:-8099}
DB=cdp_bench
WORK=$(mktemp -d)
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${CDP_PG_SUPERUSER:-postgres}")
source <(sed -n '/^java_major()/,/^}/p; /^select_jdk()/,/^}/p; /^say()/p; /^die()/p' cdp)
select_jdk >/dev/null 2>&1 || select_jdk

[ -f cdp-api/target/cdp.jar ] || ./mvnw -q -B -DskipTests package
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"

ADMIN=bench-$(openssl rand -hex 24)
CDP_ADMIN_API_KEY=$ADMIN CDP_PII_KEY=$(openssl rand -base64 32) CDP_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
CDP_DB_USER=${CDP_PG_SUPERUSER:-postgres} CDP_PORT=$PORT CDP_IMPORT_DIR=$WORK/imports \
  "$JAVA_HOME/bin/java" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar cdp-api/target/cdp.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands" -d '{"code":"bench","name":"Bench"}' >/dev/null
KEY=$(api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands/bench/api-keys" -d '{"role":"OPERATOR"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')

python3 bench/orders.py "$N" $((N / 4)) 7 > "$WORK/orders.ndjson"
# Warm-up on another brand, so the JIT compiler is not what is measured.
api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands" -d '{"code":"warmup","name":"Warm-up"}' >/dev/null
WARM=$(api "$ADMIN" -X POST "localhost:$PORT/api/v1/brands/warmup/api-keys" -d '{"role":"OPERATOR"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')
head -n 50000 "$WORK/orders.ndjson" | curl -sf -H "Authorization: Bearer $WARM" -H 'Content-Type: application/x-ndjson' \
  --data-binary @- "localhost:$PORT/api/v1/brands/warmup/orders:bulk" >/dev/null

peak=0
( while kill -0 $SERVICE 2>/dev/null; do
    "$JAVA_HOME/bin/jstat" -gc $SERVICE | awk 'NR==2 {printf "%d\n", ($3+$4+$6+$8)/1024}'; sleep 0.5
  done ) > "$WORK/heap.txt" 2>/dev/null &
SAMPLER=$!
start=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/orders.ndjson" \
  "localhost:$PORT/api/v1/brands/bench/orders:bulk" > "$WORK/answer.json"
end=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true
peak=$(sort -n "$WORK/heap.txt" | tail -n1)
accepted=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["accepted"])' "$WORK/answer.json")

"${PSQL[@]}" -d $DB -c "\copy (select o.* from core.orders o join core.brand b on b.id = o.brand_id where b.code = 'bench') to '$WORK/resolved.csv' csv"
"${PSQL[@]}" -d $DB -c "create table public.orders_copy (like core.orders including all)"
copy_start=$(date +%s.%N)
"${PSQL[@]}" -d $DB -c "\copy public.orders_copy from '$WORK/resolved.csv' csv"
copy_end=$(date +%s.%N)

python3 - "$N" "$accepted" "$start" "$end" "$copy_start" "$copy_end" "$peak" <<'PY'
import sys
n, accepted, s, e, cs, ce, peak = sys.argv[1:]
n, accepted = int(n), int(accepted)
bulk = n / (float(e) - float(s))
copy = n / (float(ce) - float(cs))
print(f"bulk order ingest (POST /orders:bulk, {n} lines, {accepted} accepted): {float(e)-float(s):.1f} s, {bulk:,.0f} rows/s")
print(f"psql \\copy of the same rows, resolved, into a table indexed like core.orders: {float(ce)-float(cs):.1f} s, {copy:,.0f} rows/s")
print(f"ratio: {bulk / copy:.0%} (target: at least 40%)")
print(f"peak heap of the service during the load: {peak} MB (limit -Xmx512m)")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)," \
     "$(psql -h 127.0.0.1 -U "${CDP_PG_SUPERUSER:-postgres}" -tAc 'show server_version' | cut -d' ' -f1) PostgreSQL, JDK $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')," \
     "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
[ -n "${BENCH_KEEP:-}" ] || "${PSQL[@]}" -d postgres -c "drop database $DB with (force)"
