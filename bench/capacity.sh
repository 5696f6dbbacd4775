#!/usr/bin/env bash
# CPU per request type for the capacity model (issue 21, docs/capacity.md). Prints figures.
#   bench/capacity.sh [seconds=10] [connections=8]
# For each request type wrk (Debian's, a separate program) sends it over the given connections for the given seconds
# after a warm-up, and the CPU time of the platform's JVM and of every PostgreSQL process (utime + stime from
# /proc/<pid>/stat, bench's CpuTime) is read before and after: CPU milliseconds per request on each side, divided by the
# requests wrk counted (src/test/java/tongban/bench/CapacityBench.java, in-process server, embedded PostgreSQL).
# The same helper for any running node: bench/cpu.sh <pid|postgres> -- <command>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp ${MVN_OFFLINE:--o} test -Dtest=CapacityBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-10} \
  -Dbench.clients=${2:-8} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
