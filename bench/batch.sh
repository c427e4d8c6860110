#!/usr/bin/env bash
# Batch throughput and peak heap (see BENCHMARKS.md).
#
#   bench/batch.sh [COUNT] [THREADS] [XMX]        defaults: 100000, nproc, 512m
#
# Generates COUNT green-factory submissions (seed 1, both editions, 5 % deliberately invalid) into
# one multi-document stream once (target/bench-batch/stream-COUNT.yaml, about 6.7 kB each), then
# evaluates the stream with `verdant batch` in a JVM capped at XMX, writing the JSON lines to a
# temporary file under target/bench-batch/, deleted afterwards (about 58 kB per verdict: 100 000
# verdicts are ~5.8 GB of disk while it runs; set OUT=FILE to keep them). Never /dev/null: a build
# older than 0a67fdc renames its temporary file over the --out path, and as root that replaces
# the device with a plain file.
# Prints the machine, the load average before and after, wall time, throughput, and the heap from
# the GC log: the most used before any collection (the peak) and the most live after one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-100000}"
threads="${2:-$(nproc)}"
xmx="${3:-512m}"
out="${OUT:-}"
# JAR=FILE measures another build (e.g. main's, built in a temporary worktree) on the same stream;
# MODE=--validate-only measures reading and checking alone; MODE="--lines short" the short lines
jar="${JAR:-target/verdant.jar}"
mode="${MODE:-}"
# the flags ./verdant runs a batch with (C1 and C2, C2's inlining budget for hot calls cut:
# bench/notes-h18-jit.md); JVM_FLAGS="-XX:+UseSerialGC" measures full tiered compilation with
# C2's default budget (the launcher's batch flags before h18-jit), JVM_FLAGS="-XX:+UseSerialGC
# -XX:TieredStopAtLevel=1" the C1-only flags the other commands use
jvm_flags="${JVM_FLAGS:--XX:+UseSerialGC -XX:FreqInlineSize=150 -XX:InlineSmallCode=1500}"
work=target/bench-batch
mkdir -p "$work"
./verdant --version >/dev/null # builds the jar if needed
# this checkout's rulebook, unless one is named (bench/compare.sh names the base's for its jar)
export VERDANT_RULES="${VERDANT_RULES:-$PWD/rules}" VERDANT_SCORECARDS="${VERDANT_SCORECARDS:-$PWD/scorecards}"
stream="$work/stream-$count.yaml"
if [ ! -s "$stream" ]; then
  echo "generating $count submissions into $stream …" >&2
  java -XX:+UseSerialGC -jar target/verdant.jar generate --scheme green-factory --count "$count" --seed 1 \
    --invalid-share 0.05 > "$stream.tmp"
  mv "$stream.tmp" "$stream"
fi
echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2 " MB"}') memory, $(java -version 2>&1 | head -1)"
echo "jar:     $jar ($(sha256sum "$jar" | cut -c1-12))${mode:+, $mode}"
echo "input:   $stream ($(du -h "$stream" | cut -f1)), $count submissions, $threads thread(s), -Xmx$xmx $jvm_flags"
echo "load before: $(uptime | sed 's/.*load average: //')"
if [ -z "$out" ]; then
  out="$(mktemp "$PWD/$work/out-$count.XXXXXX.jsonl")"
  trap 'rm -f "$out"*' EXIT # the file and any .tmp/.partial/.partial.state beside it
fi
gc="$work/gc-$count-$threads.log"
rm -f "$gc"
cpu="$work/cpu-$count-$threads.txt"
start=$(date +%s.%N)
# shellcheck disable=SC2086
/usr/bin/time -f "%U %S" -o "$cpu" java -Xmx"$xmx" $jvm_flags -Xlog:gc:file="$gc" -jar "$jar" batch "$stream" $mode \
  --threads "$threads" --out "$out" --summary "$work/summary-$count.csv" --no-progress 2> "$work/stderr-$count.txt"
end=$(date +%s.%N)
echo "load after:  $(uptime | sed 's/.*load average: //')"
head -1 "$work/stderr-$count.txt"
awk -v s="$start" -v e="$end" -v n="$count" 'BEGIN { printf "wall: %.1f s, %.0f submissions/s (including JVM start and rulebook load)\n", e - s, n / (e - s) }'
# CPU time is what a busy machine disturbs least: on two free cores the wall time would be about half of it
awk -v n="$count" '{ printf "cpu: %.1f s user + %.1f s system, %.2f ms per submission\n", $1, $2, ($1 + $2) * 1000 / n }' "$cpu"
# GC lines look like: [12.345s][info][gc] GC(7) Pause Young (Allocation Failure) 140M->31M(494M) 3.210ms
awk '/Pause/ { if (match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/)) { split(substr($0, RSTART, RLENGTH), a, /M->|M\(|M\)/);
       if (a[1] > before) before = a[1]; if (a[2] > after) after = a[2]; if (a[3] > cap) cap = a[3]; n++;
       freed += a[1] - a[2] }
       if (match($0, /[0-9.]+ms$/)) pause += substr($0, RSTART, RLENGTH - 2) }
     END { printf "heap: peak used %d MB (before a collection), most live after a collection %d MB, committed at most %d MB; %d collections, %.1f s paused, about %.1f GB collected\n", before, after, cap, n, pause / 1000, freed / 1024 }' "$gc"
grep -E '^(status|edition) ' "$work/stderr-$count.txt" || true
# the results' digest: two builds (or flags, or thread counts) must write the same bytes
echo "results: sha256 $(sha256sum "$out" | cut -d' ' -f1)"
