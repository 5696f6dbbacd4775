#!/usr/bin/env bash
# Benchmark of issue 18's indicators. Prints figures for docs/performance.md.
#   bench/indicators.sh [cases=1000000] [events=20000]
# Generates the cases in one SQL statement (the catalogue's published items, their departments, the last 365 days; 60 %
# online, counter intake visits, some 补正 rounds) into the embedded PostgreSQL, then measures (a) the listener path's
# throughput from 4 threads against a plain one-row insert in the same run and (b) the backfill of the year, with the
# heap's peak (src/test/java/tongban/bench/IndicatorBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=IndicatorBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.cases=${1:-1000000} \
  -Dbench.events=${2:-20000} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
