#!/usr/bin/env bash
# Benchmarks for cases (issue 4). Prints figures for docs/performance.md.
#   bench/cases.sh [seconds=60] [clients=32]      submissions
#   bench/cases.sh inbox [tasks=100000]            the workbench inbox over that many open tasks
#   bench/cases.sh rows                            rows written per submission, table by table, beside a bare start
# Submissions through POST /api/cases/{id}/submission (each starting its BPMN process) for the given time with the
# given number of concurrent clients, beside a bare Flowable start plus one insert measured the same way in the same
# run (src/test/java/tongban/bench/CaseBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" = inbox ]; then
  ./mvnw -q -B -ntp test -Dtest=InboxBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.tasks=${2:-100000} 2>&1 \
    | grep '^BENCH' | sed 's/^BENCH //'
  exit 0
fi
if [ "${1:-}" = rows ]; then
  ./mvnw -q -B -ntp test -Dtest=RowsBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
  exit 0
fi
SECONDS_=${1:-60}; CLIENTS=${2:-32}
DRAFTS=$(( SECONDS_ * 500 ))
./mvnw -q -B -ntp test -Dtest=CaseBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=$SECONDS_ -Dbench.clients=$CLIENTS \
  -Dbench.drafts=$DRAFTS 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
