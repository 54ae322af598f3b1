#!/usr/bin/env bash
# Issue 5 benchmark: upload of a 1 GiB envelope to the bundle started with -Xmx256m against a local
# copy, and seal/open of 1 GiB with our library against openssl cms, in one run.
# Usage: benchmarks/exchange/run.sh [MiB]   (needs about 8 x MiB of free space in the temp folder)
# BENCH_OPTS="-Dkeep=true -Dupload.rounds=6" keeps the working folder and changes the upload rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -ntp package -DskipTests
exec java -Xmx1g ${BENCH_OPTS:-} -Dmib="${1:-1024}" -Dserver.jvmArgs="${SERVER_JVM_ARGS:-}" -Dclient.jvmArgs="${CLIENT_JVM_ARGS:-}" -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.ExchangeBenchmark
