#!/usr/bin/env bash
# Benchmark of the file store (issue 21 files). Prints figures for docs/performance.md.
#   bench/files.sh [seconds=15] [threads=8] [kb=256]
# Stores and reads back files concurrently through the object store (Adobe S3Mock started in the JVM, over HTTP) and,
# as the same-run baseline, through the local folder (src/test/java/tongban/shared/internal/FileStoreBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=FileStoreBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-15} \
  -Dbench.threads=${2:-8} -Dbench.kb=${3:-256} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
