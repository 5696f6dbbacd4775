#!/usr/bin/env bash
# Benchmark of 12345 ticket intake (issue 7). Prints figures for docs/performance.md.
#   bench/tickets.sh [seconds=20] [connections=8]
# Tickets posted through Open311 (POST /open311/v2/requests.json, a client that confirms phones itself) with wrk
# (installed from Debian when missing; a separate program), against GET /open311/v2/services.json in the same run as the
# baseline (src/test/java/tongban/bench/TicketBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp test -Dtest=TicketBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-20} -Dbench.clients=${2:-8} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
