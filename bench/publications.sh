#!/usr/bin/env bash
# Benchmark of the anonymous publication pages (issue 17). Prints figures for docs/performance.md.
#   bench/publications.sh [connections=100] [seconds=60] [rounds=6]
# A policy page, an interpretation, an article and the 政务公开 department page (served from the rendered-page cache,
# PublicationPageCache), GET /api/policies/{id}, and the same policy page with a query string that bypasses the cache,
# beside /actuator/health/liveness (the trivial endpoint) in the same run: wrk on loopback with N connections, in
# alternating rounds (each URL seconds/rounds per round, the URLs taking turns), so a slow phase of the machine hits
# every URL alike. Prints each round and, per URL, the mean req/s and the worst p99 over the rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
. bin/aot.sh
. bench/wrk.sh
CONN=${1:-100}; DUR=${2:-60}; ROUNDS=${3:-6}
PER=$(( DUR / ROUNDS )); [ "$PER" -ge 1 ] || PER=1
PORT=${BENCH_PORT:-18082}
DATA=$(mktemp -d /tmp/tongban-bench.XXXX)
./mvnw -q -B -ntp -DskipTests package
tongban_aot
TONGBAN_DATA_DIR=$DATA TONGBAN_DEMO=true TONGBAN_LOG_FORMAT= "$JAVA_HOME/bin/java" $AOT_OPTS -jar target/tongban.jar --server.port=$PORT > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
first_id() { curl -sf "http://127.0.0.1:$PORT$1" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4; }
POLICY=$(first_id "/api/policies?size=1&validity=VALID")
INTERPRETATION=$(first_id "/api/publications?size=1&kind=INTERPRETATION")
ARTICLE=$(first_id "/api/publications?size=1&kind=ARTICLE")
[ -n "$POLICY" ] && [ -n "$INTERPRETATION" ] && [ -n "$ARTICLE" ] || { echo "bench/publications.sh: no demo publications" >&2; exit 1; }
URLS=(/actuator/health/liveness /policies/$POLICY /interpretations/$INTERPRETATION /articles/$ARTICLE /openness/XH-SCJG
  /api/policies/$POLICY "/policies/$POLICY?uncached=1")
echo "## Publication pages ($CONN connections, $ROUNDS alternating rounds of ${PER}s per URL, 2 wrk threads; $(date -u +%FT%TZ))"
for url in "${URLS[@]}"; do wrk -t2 -c$CONN -d2s "http://127.0.0.1:$PORT$url" >/dev/null; done   # warm-up
RESULTS="$DATA/results"
for round in $(seq 1 "$ROUNDS"); do
  for url in "${URLS[@]}"; do
    out=$(wrk -t2 -c$CONN -d${PER}s --latency "http://127.0.0.1:$PORT$url")
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p99=$(echo "$out" | awk '/^ +99%/{print $2}')
    errs=$(echo "$out" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
    echo "round $round $url: ${rps} req/s, p99 ${p99} ${errs}"
    echo "$url $rps $p99" >> "$RESULTS"
  done
done
echo "### Summary (mean req/s, worst p99 in ms)"
awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  { n[$1]++; sum[$1] += $2; p = ms($3); if (p > worst[$1]) worst[$1] = p; order[$1] = order[$1] ? order[$1] : NR }
  END { for (u in n) printf "%d %s: %.0f req/s, p99 %.1f ms\n", order[u], u, sum[u] / n[u], worst[u] }' "$RESULTS" | sort -n | cut -d' ' -f2-
echo "server RSS: $(awk '/VmRSS/{print int($2/1024)" MiB"}' /proc/$SERVER/status)"
