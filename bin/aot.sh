# Sourced by bin/run and bench/run.sh. JDK 25's ahead-of-time class cache (JEP 483/514/515) cuts start-up by about
# a third. It is made once per build by a training run that stops right after the context refreshes, on a throw-away
# data folder, and reused until the jar changes. Sets AOT_OPTS (empty if the cache could not be made).
tongban_aot() {
  local jar=target/tongban.jar cache=target/tongban.aot
  AOT_OPTS=""
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    local tmp; tmp=$(mktemp -d /tmp/tongban-aot.XXXX)
    echo "bin: training the start-up cache (once per build, ~30 s)" >&2
    if ! TONGBAN_DATA_DIR="$tmp" TONGBAN_DEMO=false TONGBAN_LOG_FORMAT= "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$cache" \
        -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 > "$tmp/training.log" 2>&1; then
      echo "bin: no start-up cache (see $tmp/training.log); starting without it" >&2
      rm -f "$cache"
      return 0
    fi
    rm -rf "$tmp"
  fi
  AOT_OPTS="-XX:AOTCache=$cache"
}
