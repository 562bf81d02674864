#!/usr/bin/env bash
# The gateway benchmark: one read (GET /api/v1/organizations/{id} as a partner) straight from
# membership-service and through the gateway (token verification and rate limiting on), in the same
# run, with wrk. Prints requests/s and latency percentiles for both and the ratios.
#
#   gateway/bench/gateway-bench.sh [duration-seconds] [connections]
#
# Builds what is missing, starts PostgreSQL, Kafka, membership-service and the gateway with the local
# stack's launcher on ports of its own, and stops them all at the end.
set -euo pipefail

DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
THREADS=2
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/gateway/target/bench"
MEMBERSHIP_PORT=18081
GATEWAY_PORT=18080

command -v wrk >/dev/null || { echo "Installing wrk ..."; ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -q wrk >/dev/null; }
command -v jq >/dev/null || { echo "Installing jq ..."; ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -q jq >/dev/null; }

cd "$ROOT"
if [ ! -f deploy/local-stack/target/zhijiao-local-stack.jar ] || [ ! -f membership-service/target/quarkus-app/quarkus-run.jar ] \
    || [ ! -f gateway/target/quarkus-app/quarkus-run.jar ]; then
  echo "Building the launcher, membership-service and the gateway ..."
  ./mvnw -q -pl commons,deploy/demo,deploy/local-stack,deploy/testing,membership-service,gateway install -Dmaven.test.skip=true
fi

mkdir -p "$WORK"
java -jar deploy/local-stack/target/zhijiao-local-stack.jar --data-dir "$WORK/data" --reset \
  --pg-port 25432 --kafka-port 29092 --services membership,gateway --no-demo \
  --port-membership "$MEMBERSHIP_PORT" --port-gateway "$GATEWAY_PORT" \
  --management-port-membership 19081 --management-port-gateway 19080 > "$WORK/launcher.log" 2>&1 &
LAUNCHER=$!
stop() { # the launcher's shutdown hook stops the services, Kafka and PostgreSQL
  local children; children=$(pgrep -P "$LAUNCHER" || true)
  kill "$LAUNCHER" 2>/dev/null || true
  wait "$LAUNCHER" 2>/dev/null || true
  for child in $children; do kill "$child" 2>/dev/null || true; done
}
trap stop EXIT
echo "Starting PostgreSQL, Kafka, membership-service and the gateway (log: $WORK/launcher.log) ..."
until grep -q "Press Ctrl-C to stop" "$WORK/launcher.log"; do
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "The launcher stopped:"; tail -20 "$WORK/launcher.log"; exit 1; }
  sleep 1
done

GW="http://localhost:$GATEWAY_PORT"
token() { curl -sf -u "$1:$2" -d grant_type=client_credentials "$GW/oauth2/token" | jq -r .access_token; }
# the launcher creates the gateway's bootstrap client with an id and secret kept in the data directory
ADMIN=$(token "$(sed -n 1p "$WORK/data/secretariat.client")" "$(sed -n 2p "$WORK/data/secretariat.client")")
ORG=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GW/api/v1/organizations" -d '{
  "nameZh": "基准测试企业（虚构）", "creditCode": "91370200MA3CB0001U", "kind": "ENTERPRISE", "enterpriseSize": "SMALL",
  "region": {"city": "青岛市", "province": "山东省", "country": "CN"}}' | jq -r .id)
# a limit far above what one machine can send: the bucket is checked on every request, never empty
CLIENT=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GW/api/v1/gateway/clients" \
  -d "{\"name\": \"bench partner\", \"organizationId\": \"$ORG\", \"roles\": [\"enterprise\"],
       \"rateLimit\": {\"capacity\": 100000, \"refillPerSecond\": 100000}}")
PARTNER=$(token "$(jq -r .client.clientId <<<"$CLIENT")" "$(jq -r .clientSecret <<<"$CLIENT")")
PATH_READ="/api/v1/organizations/$ORG"
for base in "http://localhost:$MEMBERSHIP_PORT" "$GW"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PARTNER" "$base$PATH_READ")
  [ "$status" = 200 ] || { echo "GET $base$PATH_READ answered $status"; exit 1; }
done

# wrk's "50%  1.23ms" lines, in ms
percentile() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.3f", v }' "$2"; }
run() { # name url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $PARTNER" "$2" >/dev/null   # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $PARTNER" "$2" > "$WORK/$1.txt"
  if grep -q "Non-2xx" "$WORK/$1.txt"; then echo "$1: non-2xx answers:"; cat "$WORK/$1.txt"; exit 1; fi
}
echo "Running wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per target (after 5 s warm-up) ..."
run direct "http://localhost:$MEMBERSHIP_PORT$PATH_READ"
run gateway "$GW$PATH_READ"

rps() { awk '/Requests\/sec/ { print $2 }' "$WORK/$1.txt"; }
D_RPS=$(rps direct); G_RPS=$(rps gateway)
printf '\n%-10s %12s %10s %10s %10s\n' "target" "req/s" "p50 ms" "p90 ms" "p99 ms"
for t in direct gateway; do
  printf '%-10s %12s %10s %10s %10s\n' "$t" "$(rps $t)" "$(percentile 50% "$WORK/$t.txt")" \
    "$(percentile 90% "$WORK/$t.txt")" "$(percentile 99% "$WORK/$t.txt")"
done
awk -v d="$D_RPS" -v g="$G_RPS" -v dp="$(percentile 50% "$WORK/direct.txt")" -v gp="$(percentile 50% "$WORK/gateway.txt")" \
  'BEGIN { printf "\nthroughput through the gateway: %.1f%% of direct (target >= 80%%)\nadded median latency: %.3f ms (target < 1 ms)\n", 100 * g / d, gp - dp }'
echo "(raw wrk output: $WORK/direct.txt, $WORK/gateway.txt; $(nproc) CPUs shared by wrk, PostgreSQL, Kafka and both services)"
