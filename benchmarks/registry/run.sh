#!/usr/bin/env bash
# Issue 3 benchmark: 100,000 generated reviewers, 1,000 mixed queries, Lucene (in process and over
# HTTP through the real bundle) against PostgreSQL full-text search, in one run on a throw-away
# PostgreSQL 15 cluster. Prints the p50 ratio of HTTP to in process too.
# Usage: benchmarks/registry/run.sh [reviewers] [queries]   (PGPORT=<port> for the cluster's port,
# SKIP_BUILD=1 to use the jars already built; SERVER_JVM_ARGS and SERVER_ARGS add JVM options and Payara Micro
# options to the bundle's command, e.g. a flight recording or --logproperties)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -ntp package -DskipTests
exec scripts/test-postgres.sh java -Xmx4g -Dreviewers="${1:-100000}" -Dqueries="${2:-1000}" \
  -Dserver.jvmArgs="${SERVER_JVM_ARGS:-}" -Dserver.args="${SERVER_ARGS:-}" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.RegistrySearchBenchmark
