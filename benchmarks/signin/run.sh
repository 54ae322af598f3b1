#!/usr/bin/env bash
# Issue 16 benchmark: what failed sign-ins cost the server and everyone else. (1) A failed sign-in's answer
# time for an account without a local password and for an unknown name, against a wrong password for a local
# account; (2) /health while 100 clients keep failing to sign in (each held back by the throttle), against
# /health idle, in the same run. Usage: benchmarks/signin/run.sh [clients] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp package -DskipTests
exec java -Xmx512m -Dclients="${1:-100}" -Drounds="${2:-40}" -Dserver.jvmArgs="${SERVER_JVM_ARGS:-}" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.SignInBenchmark
