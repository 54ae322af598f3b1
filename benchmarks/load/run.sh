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

lib="$root/scripts/lib/cluster.sh"
if $compare; then
  [ -f "$lib" ] || { echo "run.sh --compare needs scripts/lib/cluster.sh, which is not here yet; run --target against each set-up instead" >&2; exit 2; }
else
  [ -n "$target" ] || { echo "run.sh: --target URL is needed (or --compare)" >&2; exit 2; }
fi

# the envelope library the simulation seals with, and the parent pom, into the local repository
mvn -B -q -ntp install -DskipTests -pl envelope -am

# Runs the simulation against $1 (comma-separated URLs), labelled $2; prints the table.
load() {
  local urls="$1" label="$2" log
  log=$(mktemp)
  touch "$log.start"  # only a report newer than this is this run's
  echo "== $label: $urls"
  (cd benchmarks/load && mvn -B -ntp gatling:test -Dload.target="$urls" "${props[@]}" ${LOAD_OPTS:-}) | tee "$log" \
    | grep -E '^(Preparing|Prepared|Load:|The administrator)|ERROR|Exception' || true
  local report
  report=$(ls -td "$root"/benchmarks/load/target/gatling/workingdaysimulation-*/ 2>/dev/null | head -1)
  if [ -z "$report" ] || [ ! -f "${report}index.html" ] || [ ! "${report}index.html" -nt "$log.start" ]; then
    echo "no Gatling report from this run; its output is in $log" >&2
    return 1
  fi
  table "${report}index.html"
  echo "HTML report: ${report}index.html"
  grep -E 'count of failed events' "$log" || true
  rm -f "$log" "$log.start"
}

# Per request type from the statistics table of Gatling's index.html (Gatling 3.12 and later write no stats.json,
# and their simulation.log is binary): count, throughput, p50/p95/p99 (ms), errors.
table() {
  python3 - "$1" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
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
PY
}

if ! $compare; then
  load "$target" "load"
  exit 0
fi

# ---- --compare: one node against three nodes behind HAProxy, in one run ------------------------------------------
# TO BE WIRED when scripts/lib/cluster.sh lands (another change of issue 22 writes it). The wiring below assumes its
# functions start_postgres, start_s3, start_node <n>, start_haproxy <urls...> and stop_all, and that start_node and
# start_haproxy print the base URL they serve on their last line; adjust here to what cluster.sh provides (if it
# keeps its processes in shell variables for stop_all, call the functions directly, not in $(...), which is a subshell,
# and read the URLs from what it sets).
# The nodes need an administrator whose password is given with --admin-password (PostgreSQL takes no demo data),
# and each run of the simulation prepares its own board, so the two runs do not share data.
# shellcheck source=/dev/null
source "$lib"
trap stop_all EXIT
start_postgres
start_s3
one=$(start_node 1 | tail -1)
load "$one" "one node"
# the first run set up the administrator's second factor on the shared database; the second signs in with it
kept="$root/benchmarks/load/target/load-work/$admin_user.totp"
if ! $totp_given && [ -f "$kept" ]; then props+=("-Dload.adminTotpFile=$kept"); fi
two=$(start_node 2 | tail -1)
three=$(start_node 3 | tail -1)
proxy=$(start_haproxy "$one" "$two" "$three" | tail -1)
load "$proxy" "three nodes behind HAProxy"
