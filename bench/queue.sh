#!/usr/bin/env bash
# Benchmark of queue numbers and the calling display (issue 20, part 3). Prints figures for docs/performance.md.
#   bench/queue.sh [seconds=10] [threads=16] [displays=200] [calls=40]
# Numbers taken across every point and series (checked for duplicates and gaps after the run) against one point's one
# series in the same run; calls reaching 200 connected display pages (SSE) against one display in the same run
# (src/test/java/tongban/bench/QueueBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=QueueBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-10} -Dbench.clients=${2:-16} \
  -Dbench.displays=${3:-200} -Dbench.calls=${4:-40} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
