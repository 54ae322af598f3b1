#!/usr/bin/env bash
# A throw-away service of several servers on loopback, for failure tests and load runs (docs/operations.md
# "Several servers"): one PostgreSQL, S3Mock for the blobs, N server bundles on one database with one
# CA_SECRET and one BLOB_STORE, and HAProxy in front (round robin, health check on /health/ready, no
# stickiness). Everything listens on 127.0.0.1 only and keeps its files under $CLUSTER_DIR.
#
# Source it and call the functions:
#
#   source scripts/lib/cluster.sh
#   trap stop_all EXIT
#   start_postgres; start_s3; start_node 1; start_node 2; start_haproxy 2
#   ... traffic to $(lb_url) ...
#
# or run one function from another process that shares $CLUSTER_DIR (every piece's state is a file there):
#
#   CLUSTER_DIR=/tmp/lscb-cluster.X bash scripts/lib/cluster.sh kill_node 2
#
# Functions:
#   start_postgres          initdb on first call (role and database lscb/lscb), then start; also a restart
#   stop_postgres           fast shutdown (connections are cut, as in an outage)
#   start_s3                Adobe's S3Mock from its exec jar ($CLUSTER_S3MOCK_JAR), with the bucket $CLUSTER_BUCKET
#   start_node I            server I on port $CLUSTER_NODE_BASE_PORT+I with DATA_DIR $CLUSTER_DIR/nodeI;
#                           waits until /health/ready answers 200 (at most $CLUSTER_READY_SECONDS)
#   start_node_async I      the same without waiting; wait_node I waits
#   kill_node I [SIGNAL]    SIGKILL by default: no shutdown hook, as a power cut or the OOM killer
#   stop_node I             SIGTERM, then SIGKILL after 30 s
#   start_haproxy N         HAProxy on $CLUSTER_LB_PORT over servers 1..N
#   stop_all                stops everything started here and removes $CLUSTER_DIR (unless CLUSTER_KEEP=1)
#   node_url I, lb_url, s3_url, pg_jdbc_url, admin_password, cluster_urls   where things are, the admin's password
#
# Settings (environment, with defaults): CLUSTER_DIR (a new /tmp/lscb-cluster.XXXXXX), CLUSTER_PG_PORT 55443,
# CLUSTER_S3_PORT 55490, CLUSTER_LB_PORT 55480, CLUSTER_NODE_BASE_PORT 55480 (server I on 55480+I),
# CLUSTER_HAPROXY_STATS_PORT 55479, CLUSTER_BUCKET lscb-blobs, CLUSTER_NODE_HEAP 512m, CLUSTER_READY_SECONDS
# 600 (starting beside other servers on few cores can take minutes), CLUSTER_BUNDLE
# server/target/lscb-server.jar, CLUSTER_S3MOCK_JAR exchange/target/s3mock/s3mock.jar (where the build copies
# S3Mock's exec jar for exchange's tests), and extra variables for every server in CLUSTER_NODE_ENV ("NAME=value
# NAME=value"). The servers start without a data grid (no CLUSTER: the launcher gives --nohazelcast) unless CLUSTER_NODE_ENV
# gives the CLUSTER settings (docs/operations.md), as benchmarks/load/run.sh --compare does so that browser
# sessions are shared behind HAProxy. The admin's password and CA_SECRET are made once per cluster and kept in
# $CLUSTER_DIR/admin.password and $CLUSTER_DIR/ca.secret; the admin sets up two-factor sign-in at the first
# sign-in (org.lscb.bench.BenchSignIn does it for a harness).

CLUSTER_ROOT=${CLUSTER_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
_CLUSTER_DIR_GIVEN=${CLUSTER_DIR:+yes}
CLUSTER_DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/lscb-cluster.XXXXXX)}
export CLUSTER_DIR
CLUSTER_PG_PORT=${CLUSTER_PG_PORT:-55443}
CLUSTER_S3_PORT=${CLUSTER_S3_PORT:-55490}
CLUSTER_LB_PORT=${CLUSTER_LB_PORT:-55480}
CLUSTER_NODE_BASE_PORT=${CLUSTER_NODE_BASE_PORT:-55480}
CLUSTER_HAPROXY_STATS_PORT=${CLUSTER_HAPROXY_STATS_PORT:-55479}
CLUSTER_BUCKET=${CLUSTER_BUCKET:-lscb-blobs}
CLUSTER_NODE_HEAP=${CLUSTER_NODE_HEAP:-512m}
CLUSTER_READY_SECONDS=${CLUSTER_READY_SECONDS:-600}
CLUSTER_BUNDLE=${CLUSTER_BUNDLE:-$CLUSTER_ROOT/server/target/lscb-server.jar}
CLUSTER_S3MOCK_JAR=${CLUSTER_S3MOCK_JAR:-$CLUSTER_ROOT/exchange/target/s3mock/s3mock.jar}
CLUSTER_PGBIN=${CLUSTER_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

_cluster_say() { echo "cluster: $*" >&2; }

_cluster_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A secret made once per cluster and kept in its folder, so that every process sourcing this sees the same one.
_cluster_secret() {
  local file=$CLUSTER_DIR/$1
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$file")
  fi
  cat "$file"
}

# Polls URL until it answers 200, at most SECONDS; fails early when the process PID is gone.
_cluster_await_200() {
  local url=$1 seconds=$2 pid=${3:-} deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url")" = 200 ]; then return 0; fi
    sleep 0.5
  done
  return 1
}

_cluster_pid() { [ -s "$CLUSTER_DIR/$1.pid" ] && cat "$CLUSTER_DIR/$1.pid"; }

node_url() { echo "http://127.0.0.1:$((CLUSTER_NODE_BASE_PORT + $1))"; }
lb_url() { echo "http://127.0.0.1:$CLUSTER_LB_PORT"; }
s3_url() { echo "http://127.0.0.1:$CLUSTER_S3_PORT"; }
pg_jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/lscb"; }
admin_password() { _cluster_secret admin.password; }

start_postgres() {
  [ -x "$CLUSTER_PGBIN/initdb" ] || { _cluster_say "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin)"; return 1; }
  local pgdata=$CLUSTER_DIR/pg fresh=false
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"
    # as root the cluster runs as the postgres user, who must reach its folder inside ours (mktemp's is 0700)
    if [ "$(id -u)" = 0 ]; then chmod o+x "$CLUSTER_DIR"; chown postgres:postgres "$pgdata"; fi
    _cluster_as_pg "$CLUSTER_PGBIN/initdb" -D "$pgdata" -U postgres -A trust --no-sync >/dev/null || return 1
    fresh=true
  fi
  if ! _cluster_as_pg "$CLUSTER_PGBIN/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $CLUSTER_PG_PORT -k $pgdata -c fsync=off -c max_connections=200" start >/dev/null; then
    _cluster_say "PostgreSQL did not start; its log:"
    tail -n 30 "$pgdata/server.log" >&2
    return 1
  fi
  if $fresh; then
    psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE lscb LOGIN PASSWORD 'lscb'" -c "CREATE DATABASE lscb OWNER lscb" || return 1
  fi
  _cluster_say "PostgreSQL on 127.0.0.1:$CLUSTER_PG_PORT ($(pg_jdbc_url), user lscb, password lscb)"
}

stop_postgres() {
  [ -f "$CLUSTER_DIR/pg/PG_VERSION" ] || return 0
  _cluster_as_pg "$CLUSTER_PGBIN/pg_ctl" -D "$CLUSTER_DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  _cluster_say "PostgreSQL stopped"
}

# S3Mock's plain-HTTP connector binds every interface unless told otherwise: the extra Spring source that
# exchange's S3MockServer gives it (s3mock-loopback.xml) sets that connector's address to 127.0.0.1.
start_s3() {
  local dir=$CLUSTER_DIR/s3 beans=$CLUSTER_ROOT/exchange/src/test/resources/s3mock-loopback.xml
  [ -f "$CLUSTER_S3MOCK_JAR" ] || {
    _cluster_say "S3Mock's jar $CLUSTER_S3MOCK_JAR is missing: mvn -DskipTests package copies it there (or set CLUSTER_S3MOCK_JAR)"
    return 1
  }
  mkdir -p "$dir"
  java -Xmx256m -jar "$CLUSTER_S3MOCK_JAR" --server.address=127.0.0.1 --server.port=0 \
    --com.adobe.testing.s3mock.http-port="$CLUSTER_S3_PORT" \
    --spring.main.sources="file://$beans" \
    --com.adobe.testing.s3mock.store.root="$dir/store" \
    --com.adobe.testing.s3mock.store.initial-buckets="$CLUSTER_BUCKET" > "$dir/s3mock.log" 2>&1 &
  echo $! > "$CLUSTER_DIR/s3.pid"
  if ! _cluster_await_200 "$(s3_url)" 120 "$(_cluster_pid s3)"; then
    _cluster_say "S3Mock did not answer; its log:"
    tail -n 30 "$dir/s3mock.log" >&2
    return 1
  fi
  _cluster_say "S3Mock on $(s3_url) (bucket $CLUSTER_BUCKET, store $dir/store)"
}

start_node_async() {
  local i=$1 port=$((CLUSTER_NODE_BASE_PORT + $1)) data=$CLUSTER_DIR/node$1
  [ -f "$CLUSTER_BUNDLE" ] || { _cluster_say "the bundle $CLUSTER_BUNDLE is missing: mvn -DskipTests package"; return 1; }
  mkdir -p "$data"
  (
    export DATA_DIR=$data DB_URL=$(pg_jdbc_url) DB_USER=lscb DB_PASSWORD=lscb
    export CA_SECRET=$(_cluster_secret ca.secret) ADMIN_PASSWORD=$(admin_password)
    export BLOB_STORE=s3://$CLUSTER_BUCKET/cluster BLOB_S3_ENDPOINT=$(s3_url) BLOB_S3_PATH_STYLE=true
    export BLOB_S3_ACCESS_KEY=lscb BLOB_S3_SECRET_KEY=s3mock-accepts-any
    unset DEMO
    for kv in ${CLUSTER_NODE_ENV:-}; do export "${kv?}"; done
    cd "$data" && exec java -Xmx"$CLUSTER_NODE_HEAP" -jar "$CLUSTER_BUNDLE" --port "$port" >> "$CLUSTER_DIR/node$i.log" 2>&1
  ) &
  echo $! > "$CLUSTER_DIR/node$i.pid"
  _cluster_say "server $i starting on $(node_url "$i") (pid $!, log $CLUSTER_DIR/node$i.log)"
}

wait_node() {
  local began=$SECONDS pid
  pid=$(_cluster_pid "node$1") || { _cluster_say "server $1 was not started"; return 1; }
  if ! _cluster_await_200 "$(node_url "$1")/health/ready" "$CLUSTER_READY_SECONDS" "$pid"; then
    if kill -0 "$pid" 2>/dev/null; then
      _cluster_say "server $1 was not ready after $((SECONDS - began)) s; the end of its log:"
    else
      _cluster_say "server $1 (pid $pid) ended after $((SECONDS - began)) s before it was ready; the end of its log:"
    fi
    tail -n 40 "$CLUSTER_DIR/node$1.log" >&2
    return 1
  fi
  _cluster_say "server $1 ready at $(node_url "$1") after $((SECONDS - began)) s"
}

start_node() { start_node_async "$1" && wait_node "$1"; }

kill_node() {
  local pid
  pid=$(_cluster_pid "node$1") || return 0
  kill -"${2:-KILL}" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$CLUSTER_DIR/node$1.pid"
  _cluster_say "server $1 (pid $pid) ended by SIG${2:-KILL}"
}

stop_node() {
  _cluster_pid "node$1" >/dev/null || return 0
  _cluster_end "node$1"
  _cluster_say "server $1 stopped"
}

# Round robin over servers 1..N with no stickiness; a server takes traffic while its /health/ready answers
# 200. When none does (the database is down: every server's readiness says so), requests go to every
# server that is alive (/health/live), so that callers get the servers' own 503 database_unavailable with
# Retry-After rather than HAProxy's bare 503. GETs that found a dead connection are retried on another
# server; other methods are not (the caller retries an upload with its upload id).
start_haproxy() {
  local n=$1 cfg=$CLUSTER_DIR/haproxy.cfg i
  command -v haproxy >/dev/null || { _cluster_say "haproxy is missing (apt-get install haproxy)"; return 1; }
  {
    cat <<EOF
global
    maxconn 2000
    log stdout format raw local0 notice

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    timeout connect 2s
    timeout client 5m
    timeout server 5m
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
    default-server inter 1s fastinter 500ms fall 2 rise 2

frontend lscb
    bind 127.0.0.1:$CLUSTER_LB_PORT
    http-request disable-l7-retry if !METH_GET !METH_HEAD
    use_backend ready if { nbsrv(ready) gt 0 }
    default_backend live

backend ready
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
EOF
    for i in $(seq 1 "$n"); do echo "    server node$i 127.0.0.1:$((CLUSTER_NODE_BASE_PORT + i)) check"; done
    cat <<EOF

backend live
    balance roundrobin
    option httpchk GET /health/live
    http-check expect status 200
EOF
    for i in $(seq 1 "$n"); do echo "    server node$i 127.0.0.1:$((CLUSTER_NODE_BASE_PORT + i)) check"; done
    cat <<EOF

listen stats
    bind 127.0.0.1:$CLUSTER_HAPROXY_STATS_PORT
    stats enable
    stats uri /
    stats refresh 2s
EOF
  } > "$cfg"
  haproxy -c -q -f "$cfg" || return 1
  haproxy -db -f "$cfg" > "$CLUSTER_DIR/haproxy.log" 2>&1 &
  echo $! > "$CLUSTER_DIR/haproxy.pid"
  if ! _cluster_await_200 "$(lb_url)/health/ready" 60 "$(_cluster_pid haproxy)"; then
    _cluster_say "HAProxy passes no request to a ready server; its log:"
    tail -n 20 "$CLUSTER_DIR/haproxy.log" >&2
    return 1
  fi
  _cluster_say "HAProxy on $(lb_url) over $n servers (stats http://127.0.0.1:$CLUSTER_HAPROXY_STATS_PORT/)"
}

cluster_urls() {
  local f i
  echo "folder      $CLUSTER_DIR"
  echo "postgresql  $(pg_jdbc_url) (lscb/lscb)"
  echo "s3          $(s3_url) bucket $CLUSTER_BUCKET"
  for f in "$CLUSTER_DIR"/node*.pid; do
    [ -e "$f" ] || continue
    i=${f##*/node}; i=${i%.pid}
    echo "server $i    $(node_url "$i")"
  done
  echo "haproxy     $(lb_url) (stats http://127.0.0.1:$CLUSTER_HAPROXY_STATS_PORT/)"
  echo "admin       admin / $(admin_password) (two-factor set-up at first sign-in)"
}

# SIGTERM to the piece whose process id is in $CLUSTER_DIR/$1.pid, SIGKILL after 30 s; removes the file.
_cluster_end() {
  local pid
  pid=$(_cluster_pid "$1") || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local n=0
  while kill -0 "$pid" 2>/dev/null && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$CLUSTER_DIR/$1.pid"
}

stop_all() {
  local f
  [ -d "$CLUSTER_DIR" ] || return 0
  _cluster_end haproxy
  for f in "$CLUSTER_DIR"/node*.pid; do
    [ -e "$f" ] || continue
    f=${f##*/}; _cluster_end "${f%.pid}"
  done
  _cluster_end s3
  stop_postgres
  if [ "${CLUSTER_KEEP:-0}" = 1 ]; then
    _cluster_say "kept $CLUSTER_DIR"
  else
    rm -rf "$CLUSTER_DIR"
  fi
}

# Run as a command: the first argument names the function, the rest are its arguments.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ -z "$_CLUSTER_DIR_GIVEN" ]; then
    rmdir "$CLUSTER_DIR"
    _cluster_say "set CLUSTER_DIR to the folder of the cluster that a script sourcing this library started"
    exit 2
  fi
  "$@"
fi
