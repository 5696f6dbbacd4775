#!/usr/bin/env bash
# Site-wide search and knowledge suggestions (issue 17): prints figures for docs/performance.md.
#   bench/sitesearch.sh [publications=100000]
# Inserts N generated publications (policies, interpretations, articles varied from data/openness) beside the demo
# catalogue and knowledge base, rebuilds the openness index, then times ten typical queries through SiteSearch (items
# with facets plus the openness content with the content-type facet) and the knowledge suggestions for ten tickets'
# texts (src/test/java/tongban/bench/SiteSearchBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
N=${1:-100000}
echo "## Site-wide search over $N generated publications plus the catalogue ($(date -u +%FT%TZ))"
./mvnw -q -B -ntp test -Dtest=SiteSearchBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.publications="$N" 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
