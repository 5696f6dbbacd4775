#!/usr/bin/env bash
# Benchmark of open-data downloads (issue 19 §4). Prints figures for docs/performance.md.
#   bench/opendata.sh [rows=1000000] [heap=256m]
# Starts Tongban with a small heap (-Xmx, default 256 MiB) on an empty embedded database (no demo data), writes two
# published datasets straight into proactive_opendata_row with generate_series (rows of 4 columns: a number, a label
# with a comma and a quote so CSV quoting is exercised, a date and a note) — the baseline of 10,000 rows and the large
# one of N rows — then downloads each as CSV (and the large one as XLSX and JSON) with curl on loopback. For each
# download: the time, MB/s, and the heap in use before, after (jcmd GC.heap_info) and at its peak (sampled every
# 200 ms while it runs). A download that held its rows in memory would fail under the small heap.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
ROWS=${1:-1000000}; HEAP=${2:-256m}
PORT=${BENCH_PORT:-18090}
DATA=$(mktemp -d /tmp/tongban-bench.XXXX)
[ -f target/tongban.jar ] && [ -z "${BENCH_REBUILD:-}" ] || ./mvnw -q -B -ntp -o -DskipTests package
TONGBAN_DATA_DIR=$DATA TONGBAN_DEMO=false TONGBAN_LOG_FORMAT= "$JAVA_HOME/bin/java" -Xmx$HEAP -jar target/tongban.jar --server.port=$PORT \
  > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { tail -30 "$DATA/server.log"; exit 1; }
  sleep 0.5
done
PG=$(grep -o 'embedded PostgreSQL [a-z]* on port [0-9]*' "$DATA/server.log" | awk '{print $NF}')
psql_() { psql -q -h 127.0.0.1 -p "$PG" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
make_dataset() { # id rows
  psql_ <<SQL
insert into proactive_opendata_dataset (id, title, description, publisher, theme, update_frequency, licence, spatial, source, open_class, columns,
  status, version, row_count, issued_at, modified_at, generated_at)
values ('$1', 'bench $1', 'bench', 'XH-ZFB', 'bench', 'MONTHLY', 'https://creativecommons.org/licenses/by/4.0/', '西湖区', 'service-items',
  'UNCONDITIONAL', '[{"name":"n","label":"序号","type":"integer","unit":"","description":""},{"name":"label","label":"名称","type":"string","unit":"","description":""},
  {"name":"day","label":"日期","type":"date","unit":"","description":""},{"name":"note","label":"说明","type":"string","unit":"","description":""}]',
  'PUBLISHED', 1, $2, now(), now(), now());
insert into proactive_opendata_row (dataset_id, version, row_no, cells)
select '$1', 1, g, jsonb_build_array(g::text, '第' || g || '号, "测试"', (date '2020-01-01' + (g % 2000))::text, '西湖区开放数据基准测试行')
from generate_series(1, $2) g;
SQL
}
heap_used() { "$JAVA_HOME/bin/jcmd" $SERVER GC.heap_info 2>/dev/null | awk '/used/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub(/K,?/,"",v); print int(v/1024); exit}}'; }
download() { # label path
  "$JAVA_HOME/bin/jcmd" $SERVER GC.run >/dev/null
  local before; before=$(heap_used)
  local peakfile="$DATA/peak"; echo "$before" > "$peakfile"
  ( while true; do u=$(heap_used); [ -n "$u" ] && [ "$u" -gt "$(cat "$peakfile")" ] && echo "$u" > "$peakfile"; sleep 0.2; done ) &
  local sampler=$!
  local out; out=$(curl -sf -o "$DATA/out" -w '%{time_total} %{size_download} %{http_code}' "http://127.0.0.1:$PORT$2")
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  local after; after=$(heap_used)
  read -r secs bytes code <<< "$out"
  awk -v l="$1" -v s="$secs" -v b="$bytes" -v c="$code" -v hb="$before" -v ha="$after" -v hp="$(cat "$peakfile")" \
    'BEGIN { printf "%-28s HTTP %s  %8.1f MB in %6.2f s = %6.1f MB/s  heap used before %d MiB, peak %d MiB, after %d MiB\n", l, c, b/1e6, s, b/1e6/s, hb, hp, ha }'
  echo "$secs" > "$DATA/secs-$1"
}
echo "## Open-data downloads (-Xmx$HEAP, $(nproc) cores; $(date -u +%FT%TZ))"
t0=$(date +%s.%N); make_dataset bench-baseline 10000; make_dataset bench-large "$ROWS"
echo "rows written with generate_series in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
curl -sf -o /dev/null "http://127.0.0.1:$PORT/data/bench-baseline/download.csv"   # warm-up
download "CSV 10,000 rows (baseline)" /data/bench-baseline/download.csv
download "CSV $ROWS rows" /data/bench-large/download.csv
head -c 3 "$DATA/out" | od -An -tx1 | grep -q 'ef bb bf' && echo "CSV starts with the UTF-8 BOM; $(wc -l < "$DATA/out") lines"
download "JSON $ROWS rows" /data/bench-large/download.json
download "XLSX $ROWS rows" /data/bench-large/download.xlsx
awk -v a="$(cat "$DATA/secs-CSV 10,000 rows (baseline)")" -v b="$(cat "$DATA/secs-CSV $ROWS rows")" -v n="$ROWS" \
  'BEGIN { printf "CSV time per row: large/baseline = %.2f (%.2f µs vs %.2f µs a row)\n", (b/n)/(a/10000), b/n*1e6, a/10000*1e6 }'
echo "server RSS: $(awk '/VmRSS/{print int($2/1024)" MiB"}' /proc/$SERVER/status)"
