#!/usr/bin/env bash
# Benchmark of 为您推荐 (issue 19 §1). Prints figures for docs/performance.md.
#   bench/recommendations.sh [recommendations=100000] [people=20000] [rounds=5000]
# Stores the recommendations (and as many in-app messages, for the baseline) in the bench database, then times the
# open recommendations of random people against a page of their messages (src/test/java/tongban/bench/RecommendationBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=RecommendationBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.recommendations=${1:-100000} \
  -Dbench.people=${2:-20000} -Dbench.rounds=${3:-5000} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
