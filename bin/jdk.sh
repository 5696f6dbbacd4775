# Sourced by mvnw and bin/*: selects a Java 25+ JDK without asking the user to export anything.
# Order: JAVA_HOME if it is 25 or newer, then TONGBAN_JAVA_HOME, then any JDK 25+ under /usr/lib/jvm.
tongban_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
tongban_pick_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" "${TONGBAN_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    v=$(tongban_java_major "$c"); v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if JAVA_HOME_PICKED=$(tongban_pick_jdk); then
  export JAVA_HOME="$JAVA_HOME_PICKED"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "Tongban needs a Java 25 JDK (Temurin 25). Install one or set TONGBAN_JAVA_HOME." >&2
  exit 1
fi
export TZ=Asia/Shanghai
