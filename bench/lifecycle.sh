#!/usr/bin/env bash
# Complaint-lifecycle benchmark (issue 21), against eGov DIGIT's published 37 lifecycles/s (empty database) and 6.3/s
# (1 million stored) on an 8-16 core machine. Prints figures for docs/performance.md.
#   bench/lifecycle.sh [seconds=60] [connections=8] [tickets=1000000] [mode=api|pages] [statements=false]
# Seeds the tickets by SQL, then wrk (Debian's, a separate program; bench/lifecycle.lua) runs whole lifecycles: Open311
# create, the operator's dispatch, the department's answer, the operator's close (mode api: the centre's and the
# department's systems through /api/hotline with access tokens; mode pages: workbench pages with signed-in sessions,
# redirects followed), the Open311 lookup; the liveness probe in the same run is the baseline, and pgbench runs the
# ticket's own statements alone for the database's floor
# (src/test/java/tongban/bench/LifecycleBench.java, in-process server on loopback, embedded PostgreSQL). statements=true
# loads pg_stat_statements and prints every statement's calls and time per lifecycle (a diagnosis: it costs a little).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
# pgbench runs the database floor (src/test/java/tongban/bench/DatabaseFloor.java): Debian's, from postgresql-15; the package's own server is not
# used (its cluster is not created: create_main_cluster=false)
if ! command -v pgbench >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/tongban-bench.conf >/dev/null
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >/dev/null
fi
./mvnw -q -B -ntp ${MVN_OFFLINE:--o} test -Dtest=LifecycleBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-60} \
  -Dbench.clients=${2:-8} -Dbench.tickets=${3:-1000000} -Dbench.mode=${4:-api} -Dtongban.db.statement-statistics=${5:-false} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
