#!/usr/bin/env bash
# Search on an OpenSearch node against embedded Lucene, same run (issue 21, ADR 0048): prints figures for
# docs/performance.md.
#   bench/search-cluster.sh [items=20000]
# Runs SearchBench (embedded Lucene, the baseline) and SearchOnOpenSearchBench (the same bench on the test OpenSearch
# node, tongban.support.OpenSearchNode) in one JVM: each inserts the generated catalogue beside the demo one, rebuilds
# its index and times the same ten queries and a match-all baseline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
N=${1:-20000}
echo "## Search on OpenSearch and on embedded Lucene, $N generated items ($(date -u +%FT%TZ))"
./mvnw -q -B -ntp -o test -Dtest='SearchBench,SearchOnOpenSearchBench' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.items="$N" 2>&1 | grep -E '^BENCH|Running tongban|Tests run:' | sed 's/^BENCH //'
