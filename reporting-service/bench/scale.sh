#!/usr/bin/env bash
# Reporting at the design's scale reference: N organizations with their memberships (default
# 1,000,000) and N/5 enrollments produced onto the topics, consumed by the real reporting-service jar
# (its run-command heap), then every target measured and printed next to its figure. Takes minutes.
#   reporting-service/bench/scale.sh [organizations]      e.g. reporting-service/bench/scale.sh 100000
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl deploy/e2e verify -Dtest=ReportingScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.organizations="${1:-1000000}" 2>&1 | grep -E '^(SCALE|Tests run)|ERROR' || true
