#!/usr/bin/env bash
# Benchmark of appointments (issue 20): the last place of a slot booked by N people at once (default 200) gives
# exactly one booking; same-run baseline: N people booking distinct slots at once. Prints figures for
# docs/performance.md (src/test/java/tongban/bench/BookingBench.java, on the test run's embedded PostgreSQL).
#   bench/booking.sh [people=200]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=BookingBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.people=${1:-200} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
