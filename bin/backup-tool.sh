# Sourced by bin/backup and bin/restore: runs tongban.shared.internal.backup.BackupTool from the platform's jar (the
# same code as the scheduled job and the restore drill), building the jar first when the sources are newer.
# TONGBAN_BACKUP_BUILD=never uses the jar as it is (cron jobs on a server without the sources' build tools).
backup_tool() {
  if [ "${TONGBAN_BACKUP_BUILD:-auto}" = never ]; then
    [ -f target/tongban.jar ] || { echo "bin/backup: no target/tongban.jar: build it first (./mvnw -DskipTests package)" >&2; exit 1; }
  elif [ ! -f target/tongban.jar ] || [ -n "$(find src/main pom.xml -newer target/tongban.jar -print -quit)" ]; then
    echo "bin/backup: building target/tongban.jar" >&2
    ./mvnw -q -B -DskipTests package
  fi
  exec "$JAVA_HOME/bin/java" -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -Dloader.main=tongban.shared.internal.backup.BackupTool \
    ${TONGBAN_JAVA_OPTS:-} -cp target/tongban.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
