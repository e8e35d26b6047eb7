#!/usr/bin/env bash
# Runs the benchmarks and prints the table (also written to bench/last-run.md).
#   ./bench/run.sh           the full run for BENCHMARKS.md (about ten minutes on two cores)
#   ./bench/run.sh --quick   a smoke run (a few minutes with the build)
# Redis: REDIS_URL when set, else an embedded Redis started by the driver. Other options:
#   --concurrency=N (driver threads and Redis connections, default 16), --rate=N (fixed offered rate, 1000/s).
set -euo pipefail
cd "$(dirname "$0")/.."

# The driver runs from the benchmarks module's classes; the start-up and channel figures launch the app's jar.
./mvnw -B -q -DskipTests -pl benchmarks,config -am install

exec java -Xmx2g -XX:+UseG1GC \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  com.disputeassistant.bench.Bench "$@"
