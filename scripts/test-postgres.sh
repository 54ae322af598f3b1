#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on 127.0.0.1 (as the postgres user when run as root),
# creates the test role and database, runs the given command with TEST_PG_URL set, then stops it.
# Usage: scripts/test-postgres.sh mvn -B verify -Dtest.db=postgres
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGPORT=${PGPORT:-55432}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)" >&2; exit 1; }

PGDATA=$(mktemp -d /tmp/lscb-pg.XXXXXX)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; fi

cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust --no-sync >/dev/null
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off" start >/dev/null; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$PGDATA/server.log" >&2
  exit 1
fi
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE lscb LOGIN PASSWORD 'lscb'" \
  -c "CREATE DATABASE lscb_test OWNER lscb"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT (data $PGDATA)"

export TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PGPORT/lscb_test"
export TEST_PG_USER=lscb
export TEST_PG_PASSWORD=lscb
"$@"
