#!/usr/bin/env bash
# Benchmark of the 免申即享 高龄津贴 batch (issue 19). Prints figures for docs/performance.md.
#   bench/benefits.sh [residents=1000000] [again=false] [baseline=false]
# baseline=true then scans the register bare (reads recorded, nothing decided) for the same-run ratio.
# Generates the residents (encrypted, blind-indexed) in the bench database (the embedded PostgreSQL of the test run),
# then runs the demo 高龄津贴 policy's batch over the whole register (src/test/java/tongban/bench/BenefitBatchBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp -o test -Dtest=BenefitBatchBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.residents=${1:-1000000} -Dbench.again=${2:-false} -Dbench.baseline=${3:-false} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
