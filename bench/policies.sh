#!/usr/bin/env bash
# Benchmark of 惠企政策直达 matching (issue 19). Prints figures for docs/performance.md.
#   bench/policies.sh [companies=20000]
# Puts the synthetic companies in the business register of the bench database (the embedded PostgreSQL of the test run),
# then matches one policy over the whole register twice and one company at a time
# (src/test/java/tongban/bench/PolicyMatchingBench.java), beside a bare register scan of the same run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=PolicyMatchingBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.companies=${1:-20000} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
