#!/usr/bin/env bash
# Benchmarks for e-licences (issue 5). Prints figures for docs/performance.md.
#   bench/licences.sh [seconds=20] [connections=8]
# PDF (render + PAdES) and OFD (render + SM2 seal) separately, and whole issuances, per second beside bare ECDSA P-256 signatures/s in the same
# JVM and run; then GET /verify/{identifier} over the given connections beside GET /verify (the upload form: same layout, no lookup), the load coming from
# wrk (installed from Debian when missing), a separate program, so that it does not share the server's JVM
# (src/test/java/tongban/bench/LicenceBench.java, in-process server on loopback, embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/wrk.sh
./mvnw -q -B -ntp test -Dtest=LicenceBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds=${1:-20} -Dbench.clients=${2:-8} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
