#!/usr/bin/env bash
# Start-up benchmark (issue 2): time from launch to ready (/health answers 200) of the LSCB bundle,
# against bare Payara Micro running a one-endpoint application, measured alternately in the same run.
# Usage: benchmarks/startup/run.sh [rounds]   (builds the bundle first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
BUNDLE=server/target/lscb-server.jar
PAYARA=server/target/payara/payara-micro.jar
[ -f "$BUNDLE" ] && [ -f "$PAYARA" ] || mvn -B -q -ntp package -DskipTests

WORK=$(mktemp -d /tmp/lscb-startup.XXXXXX)
trap 'pkill -f "$WORK" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# the reference application, compiled against the same Jakarta EE API
API=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name 'jakarta.jakartaee-api-10*.jar' | head -n 1)
mkdir -p "$WORK/classes/WEB-INF/classes"
javac -q -nowarn -d "$WORK/classes/WEB-INF/classes" -cp "$API" benchmarks/startup/Hello.java 2>/dev/null || \
  javac -d "$WORK/classes/WEB-INF/classes" -cp "$API" benchmarks/startup/Hello.java
(cd "$WORK/classes" && jar --create --file "$WORK/hello.war" .)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# prints milliseconds from launch until GET /health answers 200
time_to_ready() {
  local name=$1; shift
  local port; port=$(free_port)
  local dir="$WORK/$name-$RANDOM"; mkdir -p "$dir"
  local start; start=$(date +%s%N)
  (cd "$dir" && DATA_DIR="$dir/data" exec java -jar "$@" --port "$port" --nohazelcast >"$dir/log" 2>&1) &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$name died; log in $dir/log" >&2; tail -n 30 "$dir/log" >&2; exit 1; }
    sleep 0.05
  done
  local end; end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

bundle=(); bare=()
for i in $(seq 1 "$ROUNDS"); do
  bare+=("$(time_to_ready bare "$(realpath "$PAYARA")" --deploy "$WORK/hello.war")")
  bundle+=("$(time_to_ready bundle "$(realpath "$BUNDLE")")")
  echo "round $i: bare ${bare[-1]} ms, bundle ${bundle[-1]} ms"
done
mb=$(printf '%s\n' "${bare[@]}" | median)
ml=$(printf '%s\n' "${bundle[@]}" | median)
echo "median over $ROUNDS rounds: bare Payara Micro + one endpoint ${mb} ms; LSCB bundle (fresh data folder: migrations, keys) ${ml} ms"
awk -v a="$ml" -v b="$mb" 'BEGIN { printf "ratio bundle/bare = %.2f (goal <= 1.50)\n", a / b }'
