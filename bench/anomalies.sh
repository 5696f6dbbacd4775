#!/usr/bin/env bash
# Benchmark of the anomaly rules on data reads (issue 18). Prints figures for docs/performance.md.
#   bench/anomalies.sh [rows=10000000] [days=365]   (rows ÷ days reads a day; 2000000 73 keeps a day's density in less time)
# Generates the read records in the bench database (the embedded PostgreSQL of the test run) with generate_series,
# then scans yesterday's reads twice (src/test/java/tongban/bench/AnomalyBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=AnomalyBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows=${1:-10000000} -Dbench.days=${2:-365} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
