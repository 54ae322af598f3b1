#!/usr/bin/env bash
# How this host makes 1 GiB durable: Files.copy (the upload benchmark's reference), direct I/O
# (DOCUMENTS_STAGING=direct), the page cache in 1 MiB writes, and the page cache as uploads are staged by
# default (64 KiB writes, an fdatasync every 64 MiB), each with recently freed and with settled free memory.
# Run it on a deployment's host to choose DOCUMENTS_STAGING.
# Usage: benchmarks/disk/run.sh [folder on the file system to measure] [rounds]   (needs 3 GiB free there)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp package -DskipTests -pl benchmarks -am
exec java -cp "benchmarks/target/classes" org.lscb.bench.DiskProbe "${1:-${TMPDIR:-/tmp}}" "${2:-3}"
