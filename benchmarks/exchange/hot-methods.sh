#!/usr/bin/env bash
# Where a flight recording's CPU samples fell (org.lscb.bench.HotMethods): the time of a seal or an open, by method.
# Usage: benchmarks/exchange/hot-methods.sh recording.jfr [N]   (after benchmarks/exchange/speed.sh has built)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.HotMethods "$@"
