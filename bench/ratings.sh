#!/usr/bin/env bash
# Benchmark of the 好差评 statistics (issue 7). Prints figures for docs/performance.md.
#   bench/ratings.sh [seconds=15] [connections=16] [ratings=1000000]
# Loads the given number of synthetic ratings (200 departments in 20 regions over 12 months; in one SQL statement) into the
# embedded PostgreSQL, rebuilds the monthly aggregate from them, then measures with wrk (installed from Debian when
# missing; a separate program) on loopback: GET /api/ratings/stats (all departments; one region and department), the
# public page /ratings, beside a static file (/css/tongban.css) and /actuator/health/liveness in the same run; and the
# cost of one rating written through the service with its aggregate update
# (src/test/java/tongban/bench/RatingBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp test -Dtest=RatingBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-15} -Dbench.clients=${2:-16} \
  -Dbench.ratings=${3:-1000000} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
