#!/usr/bin/env bash
# Cost per call of the exchange API's cluster-wide rate limit (issue 21, part schedule; ADR 0044). Prints figures for
# docs/performance.md ("Issue 21: rate limits").
#   bench/ratelimits.sh [seconds per scenario=5] [threads=8]
# Our one-upsert PostgreSQL bucket, Bucket4j's PostgreSQL bucket (select for update) and the in-memory bucket it
# replaced, in the same run: one thread, several threads over fifty clients, several threads on one client's row
# (src/test/java/tongban/bench/RateLimitBench.java, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=RateLimitBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-5} -Dbench.clients=${2:-8} \
  2>&1 | grep '^BENCH' | sed 's/^BENCH //'
