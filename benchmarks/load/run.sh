#!/usr/bin/env bash
# Issue 22 benchmark: a Gatling simulation of a board's working day (sign-ins through the API and the sign-in form,
# dashboards, register searches, review pages, 5 MB IMR uploads and downloads, receipts) by 50 people at once
# against running servers, then a table per request type (count, throughput, p50/p95/p99, errors) from Gatling's
# report, and where the HTML report is.
#
# Usage: benchmarks/load/run.sh --target URL[,URL...] [options]
#   --target URLs            base URLs to load; several are shared out among the users (Gatling's baseUrls)
#   --users N                people at once (default 50), of whom --officers N are board officers (default N/5)
#   --duration S             seconds each person keeps working (default 600); --ramp-up S to start them all (30)
#   --pace S                 one visit per person every S seconds at most (default 30)
#   --upload-share F         share of agency visits that upload an IMR (default 0.5)
#   --admin-user U           an administrator of the target (default admin), --admin-password P (default admin)
#   --admin-totp-file F      its TOTP secret (base32), when it has set up two-factor sign-in; the demo writes it to
#                            DATA_DIR/demo/totp/admin. Without one, a first sign-in sets it up and keeps the secret in
#                            benchmarks/load/target/load-work/<user>.totp
#   --compare                one node against three behind HAProxy in one run, with scripts/lib/cluster.sh (below)
# LOAD_OPTS adds -Dload.* properties (load.documentBytes, load.envelopes, load.reviews) and Maven options.
# The run prepares its own board, accounts, reviews and envelopes through the first target's API; nothing of it is
# measured. A server started for this needs the README's settings (DEMO=true on the embedded database gives an
# administrator admin/admin with the TOTP secret above).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

target="" compare=false props=() admin_user=admin totp_given=false
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --users) props+=("-Dload.users=$2"); shift 2 ;;
    --officers) props+=("-Dload.officers=$2"); shift 2 ;;
    --duration) props+=("-Dload.duration=$2"); shift 2 ;;
    --ramp-up) props+=("-Dload.rampUp=$2"); shift 2 ;;
    --pace) props+=("-Dload.pace=$2"); shift 2 ;;
    --upload-share) props+=("-Dload.uploadShare=$2"); shift 2 ;;
    --admin-user) props+=("-Dload.adminUser=$2"); admin_user="$2"; shift 2 ;;
    --admin-password) props+=("-Dload.adminPassword=$2"); shift 2 ;;
    --admin-totp-file) props+=("-Dload.adminTotpFile=$(realpath "$2")"); totp_given=true; shift 2 ;;
    --compare) compare=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

$compare || [ -n "$target" ] || { echo "run.sh: --target URL is needed (or --compare)" >&2; exit 2; }

# the envelope library the simulation seals with, the identity module whose one-time codes it signs in with, and
# the parent pom, into the local repository
mvn -B -q -ntp install -DskipTests -pl envelope,identity -am

# Runs the simulation against $1 (comma-separated URLs), labelled $2; prints the table. With $3, appends the
# all-requests row and the load average to that file as "label|count|req/s|p50|p95|p99|errors|load".
load() {
  local urls="$1" label="$2" summary="${3:-}" log sampler status=0
  log=$(mktemp)
  touch "$log.start"  # only a report newer than this is this run's
  echo "== $label: $urls"
  # the machine's 1-minute load average every 5 s, kept from the simulation's "Load:" line (the preparation before
  # it is not measured) to Gatling's end
  (while :; do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)"; sleep 5; done) > "$log.loadavg" &
  sampler=$!
  (cd benchmarks/load && mvn -B -ntp gatling:test -Dload.target="$urls" "${props[@]}" ${LOAD_OPTS:-}) | tee "$log" \
    | while IFS= read -r line; do
        case "$line" in Load:*) date +%s > "$log.began" ;; esac
        if [[ $line =~ ^(Preparing|Prepared|Load:|The\ administrator)|ERROR|Exception ]]; then echo "$line"; fi
      done || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local report
  report=$(ls -td "$root"/benchmarks/load/target/gatling/workingdaysimulation-*/ 2>/dev/null | head -1)
  if [ -z "$report" ] || [ ! -f "${report}index.html" ] || [ ! "${report}index.html" -nt "$log.start" ]; then
    echo "no Gatling report from this run; its output is in $log" >&2
    [ -z "$summary" ] || echo "$label|no report||||||" >> "$summary"
    rm -f "$log.start" "$log.began" "$log.loadavg"
    return 1
  fi
  local loadavg
  loadavg=$(awk -v from="$(cat "$log.began" 2>/dev/null || echo 0)" \
    '$1 >= from { n++; s += $2; if ($2 > m) m = $2 } END { if (n) printf "mean %.1f, max %.1f", s / n, m; else print "?" }' \
    "$log.loadavg")
  table "${report}index.html" "$label" "$loadavg" "$summary" || status=1
  echo "HTML report: ${report}index.html"
  echo "load average (1 min) during the load: $loadavg"
  grep -E 'count of failed events' "$log" || true
  rm -f "$log" "$log.start" "$log.began" "$log.loadavg"
  return $status
}

# Per request type from the statistics table of Gatling's index.html (Gatling 3.12 and later write no stats.json,
# and their simulation.log is binary): count, throughput, p50/p95/p99 (ms), errors. With a summary file ($4), its
# all-requests row is appended there, labelled $2 with the load average $3.
table() {
  python3 - "$1" "${2:-}" "${3:-}" "${4:-}" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
label, loadavg, summary = sys.argv[2:5]
# header text -> N of the cells' col-N class
col = {re.sub(r"<[^>]+>", "", h).strip(): n for n, h in re.findall(r'<th id="col-(\d+)"[^>]*>(.*?)</th>', page, re.S)}
want = {"count": "Total", "errors": "KO", "req/s": "Cnt/s", "p50 ms": "50th pct", "p95 ms": "95th pct", "p99 ms": "99th pct"}
missing = [h for h in want.values() if h not in col]
if missing:
    sys.exit(f"the report's statistics table has no column {missing} (percentiles are set in gatling.conf)")
rows = []
for tr in re.findall(r'<tr id="[^"]+"[^>]*>(.*?)</tr>', page, re.S):
    name = re.search(r'class="ellipsed-name">(.*?)</span', tr, re.S)
    if not name:
        continue
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', tr))
    rows.append([html.unescape(name.group(1).strip())] + [cells.get(col[want[k]], "?") for k in want])
total = [r for r in rows if r[0] == "All Requests"]
rows = sorted(r for r in rows if r[0] != "All Requests") + [["all requests"] + total[0][1:]] if total else rows
order = ["count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]
keys = list(want)
print("| request | " + " | ".join(order) + " |")
print("| --- |" + " ---: |" * len(order))
for r in rows:
    v = dict(zip(keys, r[1:]))
    print(f"| {r[0]} | " + " | ".join(v[k] for k in order) + " |")
if summary and total:
    v = dict(zip(keys, total[0][1:]))
    with open(summary, "a", encoding="utf-8") as f:
        f.write("|".join([label] + [v[k] for k in order] + [loadavg]) + "\n")
PY
}

if ! $compare; then
  load "$target" "load"
  exit 0
fi

# ---- --compare: one node against three nodes behind HAProxy, in one run ------------------------------------------
# scripts/lib/cluster.sh starts PostgreSQL, S3Mock and the servers on loopback and keeps each one's process id in a
# file of its folder; stop_all, on any exit, ends them all and removes the folder. Its functions report on stderr and
# return non-zero on failure; the URLs come from node_url and lb_url, the administrator's password (made once per
# cluster; PostgreSQL takes no demo data) from admin_password. The first run's preparation signs the administrator in
# for the first time, which sets up its second factor (LoadFixture) and keeps the secret for the second run.
# Every server is a node of one data grid on loopback (CLUSTER=true), also while it is alone, so that both set-ups
# run the same configuration and the browser sessions started on one node behind HAProxy are valid on the others
# (HAProxy has no stickiness). Each run prepares its own board, so the two runs do not share data.
# Ports below Linux's ephemeral range (32768 and up by default): there an outgoing connection of any process can
# hold the port a moment before HAProxy or a server binds it ("Address already in use"); each CLUSTER_*_PORT wins.
export CLUSTER_PG_PORT=${CLUSTER_PG_PORT:-31443} CLUSTER_S3_PORT=${CLUSTER_S3_PORT:-31490}
export CLUSTER_LB_PORT=${CLUSTER_LB_PORT:-31480} CLUSTER_NODE_BASE_PORT=${CLUSTER_NODE_BASE_PORT:-31480}
export CLUSTER_HAPROXY_STATS_PORT=${CLUSTER_HAPROXY_STATS_PORT:-31479}
export CLUSTER_NODE_HEAP=${CLUSTER_NODE_HEAP:-1g}
grid_port=${LOAD_GRID_PORT:-31500}
# shellcheck source=/dev/null
source "$root/scripts/lib/cluster.sh"
summary="$CLUSTER_DIR/compare.summary"
export CLUSTER_NODE_ENV="CLUSTER=true CLUSTER_NAME=lscb-load CLUSTER_PASSWORD=$(_cluster_secret grid.password)
  CLUSTER_INTERFACE=127.0.0.1 CLUSTER_MEMBERS=127.0.0.1:$grid_port-$((grid_port + 2)) CLUSTER_PORT=$grid_port
  ${CLUSTER_NODE_ENV:-}"
finish() {
  local status=$?
  stop_all
  exit $status
}
trap finish EXIT
trap 'exit 130' INT TERM
given_password=false
for p in "${props[@]}"; do case "$p" in -Dload.adminPassword=*) given_password=true ;; esac; done
$given_password || props+=("-Dload.adminPassword=$(admin_password)")

# the bundle, and S3Mock's jar that exchange's build copies for start_s3
[ -f "$CLUSTER_BUNDLE" ] && [ -f "$CLUSTER_S3MOCK_JAR" ] || mvn -B -q -ntp package -DskipTests -pl server -am
echo "cluster folder $CLUSTER_DIR (logs of every piece; CLUSTER_KEEP=1 keeps it)"
start_postgres
start_s3
start_node 1
failed=false
load "$(node_url 1)" "one node" "$summary" || failed=true

# the first run set up the administrator's second factor on the shared database; the second signs in with it
kept="$root/benchmarks/load/target/load-work/$admin_user.totp"
if ! $totp_given && [ -f "$kept" ]; then props+=("-Dload.adminTotpFile=$kept"); fi
start_node_async 2
start_node_async 3
wait_node 2
wait_node 3
start_haproxy 3
load "$(lb_url)" "three nodes behind HAProxy" "$summary" || failed=true

echo
echo "== comparison: all requests, one node ($(node_url 1)) against three behind HAProxy ($(lb_url))"
python3 - "$summary" <<'PY'
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1], encoding="utf-8")]
print("| set-up | count | req/s | p50 ms | p95 ms | p99 ms | errors | load average (1 min) |")
print("| --- |" + " ---: |" * 6 + " --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
by = {r[0]: r for r in rows}
one, three = by.get("one node"), by.get("three nodes behind HAProxy")
def num(x):
    try:
        return float(x)
    except ValueError:
        return None
if one and three and len(one) > 6 and len(three) > 6:
    parts = []
    for name, i in (("req/s", 2), ("p50", 3), ("p95", 4), ("p99", 5)):
        a, b = num(one[i]), num(three[i])
        if a and b is not None:
            parts.append(f"{name} {b / a:.2f}x")
    print("three nodes against one: " + ", ".join(parts) + f"; errors {one[6]} and {three[6]}")
PY
! $failed
