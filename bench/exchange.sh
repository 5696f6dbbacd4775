#!/usr/bin/env bash
# Benchmarks for the data exchange (issue 6). Prints figures for docs/performance.md.
#   bench/exchange.sh [seconds=80] [connections=8] (16 alternating rounds: each side 80/16 = 5 s a round)
# The exchange API read by a department system with wrk (installed from Debian when missing; a separate program),
# every read recorded, against the same lookup with recording off in alternating rounds (the overhead is their ratio);
# before that, the same lookup in the service with and without recording on 2 threads (src/test/java/tongban/bench/ExchangeBench.java, in-process server on
# loopback, embedded PostgreSQL, the demo population register of 1,003 people).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp test -Dtest=ExchangeBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-80} -Dbench.clients=${2:-8} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
