#!/usr/bin/env bash
# Issue 19 benchmark: seal and open of a document in headless Chromium with the pages' own modules (cms.js) against
# the envelope library as lscb send / lscb open call it (Sealer.seal, Opener.open), in one run; the browser's MB/s
# over the client's (goal at least 0.5) and the page renderer's peak memory. Usage: benchmarks/browser/run.sh [MiB]
# (default 100). BENCH_OPTS adds -Drounds= (default 5); SKIP_BUILD=1 uses the classes already built. Needs
# /usr/bin/chromium and /usr/bin/chromedriver (Debian's chromium and chromium-driver).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SKIP_BUILD:-}" ] || [ ! -d benchmarks/target/lib ]; then
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests
fi
# shellcheck disable=SC2086
exec java -Xmx512m -Dmib="${1:-100}" ${BENCH_OPTS:-} \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.lscb.bench.BrowserCryptoBenchmark
