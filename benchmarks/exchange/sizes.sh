#!/usr/bin/env bash
# Issue 24, the whole measurement in one command: seal and open at 1 MiB, 20 MiB, 512 MiB and 1 GiB against openssl
# and the JDK's primitives (speed.sh), the client's cold start (client-start.sh), upload against a local copy at
# 20 MiB, 512 MiB and 1 GiB, and `lscb send` of 1 MiB end to end against openssl + curl (run.sh's upload and
# client parts). About 25 minutes; needs about 12 GiB free in the temp folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp package -DskipTests
export SKIP_BUILD=1
echo "== seal and open =="
benchmarks/exchange/speed.sh "${SIZES:-1,20,512,1024}"
echo "== client cold start =="
benchmarks/exchange/client-start.sh
for mib in ${UPLOAD_SIZES:-20 512 1024}; do
  echo "== upload, $mib MiB =="
  BENCH_OPTS="-Dparts=upload" benchmarks/exchange/run.sh "$mib" | grep -E '^\(a\)|round|median|heap'
done
echo "== lscb send of 1 MiB, end to end =="
BENCH_OPTS="-Dparts=client" CLIENT_JVM_ARGS="-XX:SharedArchiveFile=$PWD/client/target/lscb-client.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  benchmarks/exchange/run.sh 1 | grep -E 'send|fetch'
