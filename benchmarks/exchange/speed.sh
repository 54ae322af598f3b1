#!/usr/bin/env bash
# Issue 24 benchmark: seal and open at 1 MiB, 20 MiB, 512 MiB and 1 GiB in one run, against openssl's matching
# pipelines and the JDK's AES-256-GCM and SHA-256 on one core (JMH), measured in the same run.
# Usage: benchmarks/exchange/speed.sh [MiB,...]   (needs about 5 x the largest size free in the temp folder)
# BENCH_OPTS="-Drounds=5 -Dkeep=true" changes the rounds and keeps the working folder;
# BENCH_OPTS=-Dprofile=open BENCH_JVM_ARGS=-XX:StartFlightRecording=filename=open.jfr records only opening, in-JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -ntp package -DskipTests
exec java -Xmx1g ${BENCH_JVM_ARGS:-} ${BENCH_OPTS:-} -Dsizes="${1:-1,20,512,1024}" -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.ExchangeSpeedBenchmark
