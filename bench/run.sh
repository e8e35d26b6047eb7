#!/usr/bin/env bash
# Runs the benchmarks and prints the table (also written to bench/last-run.md).
#   ./bench/run.sh           the full run for BENCHMARKS.md (about sixteen minutes on two busy cores)
#   ./bench/run.sh --quick   a smoke run (two to three minutes with the build)
# Redis: REDIS_URL when set, else an embedded Redis started by the driver. Other options:
#   --only=1,1b,4,5   only these figures (1 = figures 1-3 and the peer, 1b = the JMH one)
#   --concurrency=N   driver threads and Redis connections (default 16)
#   --rate=N          the fixed offered rate of figure 1 (default 2000 messages per second)
#   --no-million      leaves the 1,000,000 open disputes out of the growth figure (they take about two minutes
#                     and about 3 GB more in Redis); --million adds them to a --quick run
# BENCH_JFR=1 records a Java Flight Recorder profile of the driver to bench/last-run.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."

# The driver runs from the benchmarks module's classes; figures 4 and 5 launch the app's jar.
./mvnw -B -q -DskipTests -pl benchmarks,config -am package

jvm=(-Xmx2g -XX:+UseG1GC)
if [[ "${BENCH_JFR:-}" == 1 ]]; then
  jvm+=(-XX:StartFlightRecording=filename=bench/last-run.jfr,settings=profile)
fi
exec java "${jvm[@]}" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  com.disputeassistant.bench.Bench "$@"
