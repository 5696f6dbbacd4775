#!/usr/bin/env bash
# CPU milliseconds a command costs a running platform node and PostgreSQL, per request (issue 21, docs/capacity.md):
#   bench/cpu.sh <jvm pid> <requests> -- <command ...>
#   e.g. bench/cpu.sh $(pgrep -f tongban.jar) 0 -- wrk -t2 -c8 -d10s http://localhost:8080/items/330106-GG-0001-01
# Reads utime + stime (/proc/<pid>/stat, fields 14 and 15, in clock ticks) of the JVM and of every process named
# postgres before and after the command; with <requests> 0 the count is taken from wrk's "N requests in" line.
set -euo pipefail
pid=$1; requests=$2; shift 3
tick=$(getconf CLK_TCK)
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$@" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
pg() { ticks $(grep -l '^[0-9]* (postgres)' /proc/[0-9]*/stat 2>/dev/null); }
app0=$(ticks /proc/$pid/stat); pg0=$(pg)
out=$("$@"); echo "$out"
app1=$(ticks /proc/$pid/stat); pg1=$(pg)
[ "$requests" -gt 0 ] || requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v n="$requests" -v t="$tick" \
  'BEGIN { printf "CPU per request: platform %.2f ms, PostgreSQL %.2f ms (%d requests)\n", 1000 * a / t / n, 1000 * p / t / n, n }'
