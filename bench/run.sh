#!/usr/bin/env bash
# Benchmarks for the foundation (issue 2). Prints figures; paste them into docs/performance.md with this command.
#   bench/run.sh [clients=16] [seconds=15]
# 1. Start-up to healthy on an initialised data folder (3 restarts), plain and with bin/run's AOT cache, beside the
#    bare JVM start in the same run.
# 2. Password sign-in and the token endpoint under load from bench/LoadBench.java on loopback, beside a trivial
#    endpoint measured in the same run, with the server's resident memory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
. bin/aot.sh
CLIENTS=${1:-16}; SECONDS_PER=${2:-15}
PORT=${BENCH_PORT:-18080}
DATA=$(mktemp -d /tmp/tongban-bench.XXXX)
export TONGBAN_DATA_DIR=$DATA TONGBAN_DEMO=true TONGBAN_LOG_FORMAT= TONGBAN_DEMO_PASSWORD=Bench-Passw0rd-2026
./mvnw -q -B -ntp -DskipTests package
JAVA="$JAVA_HOME/bin/java"
ms() { date +%s%3N; }

start() {
  "$JAVA" ${1:-} -Duser.timezone=Asia/Shanghai -jar target/tongban.jar --server.port=$PORT > "$DATA/server.log" 2>&1 &
  SERVER=$!
  local t0; t0=$(ms)
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $SERVER 2>/dev/null || { echo "server died; see $DATA/server.log"; exit 1; }
    sleep 0.1
  done
  STARTUP_MS=$(( $(ms) - t0 ))
}
SERVER=""
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
trap '[ -z "$SERVER" ] || kill $SERVER 2>/dev/null || true' EXIT

echo "## Start-up (machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(date -u +%FT%TZ))"
start; first=$STARTUP_MS; stop
echo "first start (initdb, migrations, demo data): ${first} ms"
t0=$(ms); "$JAVA" -version >/dev/null 2>&1; jvm=$(( $(ms) - t0 ))
tongban_aot
for i in 1 2 3; do
  start; plain=$STARTUP_MS; stop
  start "$AOT_OPTS"; aot=$STARTUP_MS; stop
  echo "restart $i on initialised data folder: plain ${plain} ms, with the AOT cache (bin/run) ${aot} ms, ratio $(awk "BEGIN{printf \"%.2f\", $aot/$plain}"); bare JVM start ${jvm} ms"
done

echo
echo "## Load"
start "$AOT_OPTS"
"$JAVA" bench/LoadBench.java "http://127.0.0.1:$PORT" $SERVER $CLIENTS $SECONDS_PER 13800000001 "$TONGBAN_DEMO_PASSWORD" dept-system-demo "$TONGBAN_DEMO_PASSWORD"
stop
rm -rf "$DATA"
