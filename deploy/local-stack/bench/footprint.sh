#!/usr/bin/env bash
# Start-up time and memory of each service: starts PostgreSQL and Kafka (embedded, ports of their own), then
# launches each service's runnable jar alone with the run command's JVM options, and prints per service the
# time from launch to a ready /q/health/ready, Quarkus's own "started in" figure, and the resident memory
# (VmRSS) and thread count after 30 s idle. Takes about a minute per service.
#
#   deploy/local-stack/bench/footprint.sh [--idle-seconds 30] [--services membership,reporting] [--runs 1]
#       [--variant LABEL=OTHER_CHECKOUT --variant LABEL2=...] [--jvm LABEL="-Xmx{heap}m ..."] [--java LABEL=JAVA_HOME]
#
# --variant compares builds (e.g. a checkout of main, built) in the same run, alternately; --jvm replaces a
# variant's JVM options ({heap} = the service's heap in MB); --java runs a variant on another JDK. docs/benchmarks.md, "Start-up and footprint".
set -euo pipefail
cd "$(dirname "$0")/../../.."
for jar in deploy/local-stack/target/zhijiao-local-stack.jar membership-service/target/quarkus-app/quarkus-run.jar \
    apprenticeship-service/target/quarkus-app/quarkus-run.jar reporting-service/target/quarkus-app/quarkus-run.jar \
    gateway/target/quarkus-app/quarkus-run.jar; do
  if [ ! -f "$jar" ]; then
    echo "Building (no $jar) ..."
    ./mvnw -q -B install -DskipTests
    break
  fi
done
exec java -cp deploy/local-stack/target/zhijiao-local-stack.jar org.zhijiao.stack.Footprint "$@"
