#!/usr/bin/env bash
# Complaint-lifecycle benchmark (issue 21), against eGov DIGIT's published 37 lifecycles/s (empty database) and 6.3/s
# (1 million stored) on an 8-16 core machine. Prints figures for docs/performance.md.
#   bench/lifecycle.sh [seconds=60] [connections=8] [tickets=1000000] [mode=api|pages]
# Seeds the tickets by SQL, then wrk (Debian's, a separate program; bench/lifecycle.lua) runs whole lifecycles: Open311
# create, the operator's dispatch, the department's answer, the operator's close (mode api: the centre's and the
# department's systems through /api/hotline with access tokens; mode pages: workbench pages with signed-in sessions,
# redirects followed), the Open311 lookup; the liveness probe in the same run is the baseline
# (src/test/java/tongban/bench/LifecycleBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp ${MVN_OFFLINE:--o} test -Dtest=LifecycleBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-60} \
  -Dbench.clients=${2:-8} -Dbench.tickets=${3:-1000000} -Dbench.mode=${4:-api} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
