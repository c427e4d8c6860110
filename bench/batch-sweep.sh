#!/usr/bin/env bash
# What batch's own settings do to its throughput: the same generated stream through bench/batch.sh
# once per variant (collector, heap, worker threads), one after another, then one table with the
# load at each run. Every variant must write the same bytes (the digest column).
#
#   bench/batch-sweep.sh [COUNT]        default 20000; VARIANTS="…" to choose (see below)
#
# A variant is NAME:THREADS:XMX:JVM FLAGS (flags separated by commas), e.g.
#   serial-2:2:512m:-XX:+UseSerialGC      (what ./verdant batch runs on a 2-core machine)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-20000}"
variants="${VARIANTS:-serial-2:2:512m:-XX:+UseSerialGC parallel-2:2:512m:-XX:+UseParallelGC g1-2:2:512m:-XX:+UseG1GC serial-1:1:512m:-XX:+UseSerialGC serial-3:3:512m:-XX:+UseSerialGC serial-2-young:2:512m:-XX:+UseSerialGC,-Xmn256m}"
table=()
for v in $variants; do
  IFS=: read -r name threads xmx flags <<< "$v"
  before=$(uptime | sed 's/.*load average: //; s/,.*//')
  out=$(JVM_FLAGS="${flags//,/ }" bench/batch.sh "$count" "$threads" "$xmx" 2>&1) || { echo "$name failed: $out" >&2; continue; }
  after=$(uptime | sed 's/.*load average: //; s/,.*//')
  rate=$(printf '%s\n' "$out" | sed -n 's/^wall: .*, \([0-9]*\) submissions\/s.*/\1/p')
  cpu=$(printf '%s\n' "$out" | sed -n 's/^cpu: .*, \([0-9.]*\) ms per submission.*/\1/p')
  gc=$(printf '%s\n' "$out" | sed -n 's/^heap: peak used \([0-9]*\) MB.*collections, \([0-9.]*\) s paused.*/\1 MB, \2 s/p')
  sum=$(printf '%s\n' "$out" | sed -n 's/^results: sha256 \([0-9a-f]\{16\}\).*/\1/p')
  table+=("$(printf '%-16s | %7s | %6s | %-18s | %s | %s→%s' "$name" "$rate" "$cpu" "$gc" "$sum" "$before" "$after")")
done
echo "machine: $(nproc) cores; $count submissions; $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-16s | %7s | %6s | %-18s | %-16s | %s\n' variant "subm/s" "CPU ms" "peak heap, paused" "results sha256" load
printf '%s\n' "${table[@]}"
[ -c /dev/null ] || echo "WARNING: /dev/null is no longer a character device" >&2
