#!/usr/bin/env bash
# Benchmarks for the catalogue (issue 3). Prints figures for docs/performance.md.
#   bench/catalog.sh [connections=100] [seconds=15] [part=all|web|search]
# 1. The guide page (served from the rendered-page cache, and once more with a query string that bypasses it) and
#    GET /api/items/{code} under wrk with N connections on loopback, beside /actuator/health/liveness (trivial) and a static
#    file (/css/tongban.css) measured in the same run.
# 2. Search over a generated catalogue of 100,000 items (src/test/java/tongban/bench/SearchBench.java).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
. bin/aot.sh
command -v wrk >/dev/null || { echo "bench/catalog.sh: installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
CONN=${1:-100}; DUR=${2:-15}; PART=${3:-all}
PORT=${BENCH_PORT:-18081}
DATA=$(mktemp -d /tmp/tongban-bench.XXXX)
./mvnw -q -B -ntp -DskipTests package
if [ "$PART" != search ]; then
tongban_aot
TONGBAN_DATA_DIR=$DATA TONGBAN_DEMO=true TONGBAN_LOG_FORMAT= "$JAVA_HOME/bin/java" $AOT_OPTS -jar target/tongban.jar --server.port=$PORT > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
CODE=330106-GG-0001-01
echo "## Guide page and item API ($CONN connections, ${DUR}s each, 2 wrk threads; $(date -u +%FT%TZ))"
for url in /actuator/health/liveness /css/tongban.css /items/$CODE "/items/$CODE?uncached=1" /api/items/$CODE; do
  wrk -t2 -c$CONN -d5s "http://127.0.0.1:$PORT$url" >/dev/null   # warm-up
  out=$(wrk -t2 -c$CONN -d${DUR}s --latency "http://127.0.0.1:$PORT$url")
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '/^ +50%/{print $2}')
  p99=$(echo "$out" | awk '/^ +99%/{print $2}')
  errs=$(echo "$out" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
  echo "$url: ${rps} req/s, p50 ${p50}, p99 ${p99} ${errs}"
done
echo "server RSS: $(awk '/VmRSS/{print int($2/1024)" MiB"}' /proc/$SERVER/status)"
kill $SERVER; wait $SERVER 2>/dev/null || true
fi
[ "$PART" = web ] && exit 0

echo
echo "## Search over a generated catalogue"
./mvnw -q -B -ntp test -Dtest=SearchBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.items=${BENCH_ITEMS:-100000} 2>&1 | grep '^BENCH' | sed 's/^BENCH //'
