#!/usr/bin/env bash
# Issue 24 benchmark: the command-line client's cold start, from `java -jar` to its first request, with the
# class-data sharing archive the build writes beside the jar and without it, taking turns.
# Usage: benchmarks/exchange/client-start.sh   (BENCH_OPTS="-Drounds=20" for more rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -ntp package -DskipTests
exec java ${BENCH_OPTS:-} -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.ClientStartBenchmark
