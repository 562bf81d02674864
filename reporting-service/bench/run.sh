#!/usr/bin/env bash
# Reporting benchmark: event-to-summary latency at a steady rate, and rebuild rate vs bulk insert.
# Starts its own PostgreSQL and Kafka (deploy/local-stack) and the service in a test JVM.
#   reporting-service/bench/run.sh [seconds] [rate]      e.g. reporting-service/bench/run.sh 30 500
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl reporting-service verify -Dtest=ReportingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${1:-20}" -Dbench.rate="${2:-500}" -Dquarkus.log.level=WARN 2>&1 \
  | grep -E '^(FRESHNESS|REBUILD)|Tests run|ERROR' || true
