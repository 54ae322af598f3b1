#!/usr/bin/env bash
# Issue 22's failure test (docs/operations.md "Failover test"): a throw-away PostgreSQL, S3Mock, three servers
# and HAProxy on loopback (scripts/lib/cluster.sh); under a steady mixed load (org.lscb.bench.failover.FailoverTest)
# one server is killed with SIGKILL and restarted, then PostgreSQL is stopped and started again. It ends with
#   failover: acknowledged A, kept K, duplicated D, lost L, audit valid|invalid
#   database outage: ...
# and exits non-zero when a check failed (each prints a "problem:" line: an acknowledged upload lost or duplicated,
# an upload sent again with its id not answered 200 with the same document, the restarted server not answering the
# search for what it missed, a request during the database outage not answered within 5 s with 503
# database_unavailable and Retry-After, nothing answered 2xx after the database was back) or the audit chain does
# not verify. Needs haproxy and the PostgreSQL server binaries installed.
# Usage: scripts/cluster-failover.sh [seconds per phase, default 30]
# FAILOVER_SKIP_BUILD=1 uses the bundle and harness already built; CLUSTER_KEEP=1 keeps the cluster's folder
# (logs of every piece) for a look; the ports are scripts/lib/cluster.sh's settings.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PHASE_SECONDS=${1:-30}

if [ "${FAILOVER_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp package -DskipTests
fi

# tokens outlive the run, so that no worker signs in again halfway (sign-ins are part of the load anyway)
export CLUSTER_NODE_ENV="AUTH_TOKEN_LIFETIME=PT2H ${CLUSTER_NODE_ENV:-}"
# shellcheck source=lib/cluster.sh
source scripts/lib/cluster.sh
RESULT=$(mktemp /tmp/lscb-failover-result.XXXXXX)
LOG=${FAILOVER_LOG:-/tmp/lscb-failover.log}
finish() {
  status=$?
  stop_all 2>>"$LOG"
  if [ -s "$RESULT" ]; then cat "$RESULT"; else echo "failover: no result (the run stopped early; see $LOG)"; fi
  rm -f "$RESULT"
  exit $status
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "cluster folder $CLUSTER_DIR; log $LOG"
{
  start_postgres
  start_s3
  # the first server makes the schema and the deployment's keys; the other two start together after it
  start_node 1
  start_node_async 2
  start_node_async 3
  wait_node 2
  wait_node 3
  start_haproxy 3
  cluster_urls
} 2>&1 | tee "$LOG"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1

java -Xmx512m \
  -Dlb.url="$(lb_url)" \
  -Dadmin.password="$(admin_password)" \
  -Dkill.node=3 -Dkill.node.url="$(node_url 3)" \
  -Dhaproxy.stats.url="http://127.0.0.1:$CLUSTER_HAPROXY_STATS_PORT/" \
  -Dcluster.library="$ROOT/scripts/lib/cluster.sh" \
  -Dphase.seconds="$PHASE_SECONDS" \
  -Dresult.file="$RESULT" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.failover.FailoverTest 2>&1 \
  | grep --line-buffered -v '^failover: \|^database outage: ' | tee -a "$LOG"
exit "${PIPESTATUS[0]}"
