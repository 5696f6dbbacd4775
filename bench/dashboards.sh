#!/usr/bin/env bash
# Benchmark of the indicators API and the public /performance page (issue 18). Prints figures for docs/performance.md.
#   bench/dashboards.sh [seconds=15] [connections=16]
# Fills insight_daily in the embedded PostgreSQL at the volume of 1,000,000 cases a year (13 departments × 70 items ×
# 365 days × 14 measures, with townships; in one SQL statement), times Indicators.values for a district over a year in
# the service, then measures with wrk (installed from Debian when missing; a separate program) on loopback: the API by
# month and by department for the district over a year, and /performance, beside /actuator/health/liveness in the same
# run (src/test/java/tongban/bench/DashboardBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
. bench/wrk.sh
./mvnw -q -B -ntp -o test -Dtest=DashboardBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-15} -Dbench.clients=${2:-16} \
  2>&1 | grep --line-buffered "^BENCH" | sed -u "s/^BENCH //"
