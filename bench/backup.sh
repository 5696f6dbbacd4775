#!/usr/bin/env bash
# Backup and restore times (issue 23 §3). Prints figures for docs/performance.md, "Issue 23: backup and restore".
#   bench/backup.sh [cases=1000000]
# Seeds the cases by SQL into the embedded PostgreSQL of a test context (WAL archived, as with TONGBAN_BACKUP_DIR), ships
# the archived WAL, takes a base backup, adds a thousand cases, restores to the moment after them into a new folder and
# counts the cases there (src/test/java/tongban/bench/BackupBench.java; the same code as bin/backup and bin/restore).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/jdk.sh
./mvnw -q -B -ntp ${MVN_OFFLINE:--o} test -Dtest=BackupBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.cases=${1:-1000000} 2>&1 \
  | grep '^BENCH' | sed 's/^BENCH //'
