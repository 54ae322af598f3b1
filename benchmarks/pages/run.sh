#!/usr/bin/env bash
# Issue 18 benchmark: server-side render time of the dashboard and the review page against the JSON endpoints
# that answer the same data, 20 signed-in clients at once (median and p95, goal at most 1.5x), and the weight
# of a first visit (HTML, CSS, JS, compressed; goal under 150 KiB). Usage: benchmarks/pages/run.sh [clients]
# [rounds]. SERVER_JVM_ARGS adds options to the server's JVM (e.g. a flight recording); BENCH_OPTS adds
# -Dwarmup=, -Dreviews=; SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f server/target/lscb-server.jar ]; then
  mvn -B -q -ntp -pl server,benchmarks -am package -DskipTests
fi
# shellcheck disable=SC2086
exec java -Xmx512m -Dclients="${1:-20}" -Drounds="${2:-60}" -Dserver.jvmArgs="${SERVER_JVM_ARGS:-}" ${BENCH_OPTS:-} \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.PageRenderBenchmark
