#!/usr/bin/env bash
# The floor of start-up time and memory on this machine: measures membership-service beside the least a Quarkus
# service of ours is made of (floor/: REST with Jackson, Hibernate ORM with Panache on PostgreSQL, health; one
# entity, one resource), alternately in one run with the same JVM options, through the footprint tool. What the
# service needs beyond the floor is its own; what the floor needs is the stack's and the machine's.
#
#   deploy/local-stack/bench/floor.sh [footprint options, e.g. --runs 2 --idle-seconds 30]
#       e.g. JDK 25 for both: --variant floor25=deploy/local-stack/bench/floor --java floor25=/usr/lib/jvm/temurin-25-jdk-amd64
#
# docs/benchmarks.md, "Start-up and footprint", fourth round.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -f deploy/local-stack/bench/floor/membership-service/pom.xml package -Dmaven.test.skip=true
exec deploy/local-stack/bench/footprint.sh --services membership --variant service=. \
    --variant floor=deploy/local-stack/bench/floor "$@"
