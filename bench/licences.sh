#!/usr/bin/env bash
# Benchmarks for e-licences (issue 5). Prints figures for docs/performance.md.
#   bench/licences.sh [seconds=20] [clients=32]
# PDF (render + PAdES) and OFD (render + SM2 seal) separately, and whole issuances, per second beside bare ECDSA P-256 signatures/s in the same
# JVM and run; then GET /verify/{identifier} with the given clients beside GET /actuator/health
# (src/test/java/tongban/bench/LicenceBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -ntp test -Dtest=LicenceBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-20} -Dbench.clients=${2:-32} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
