#!/usr/bin/env bash
# Batch on two JDKs (issue 17, h18-jdk25): the same stream evaluated by target/verdant.jar under
#   17     JDK 17 as ./verdant runs a batch (SerialGC, full tiered JIT, the launcher's CDS archive
#          if bench/coldstart-jdk.sh made one in $WORK)
#   25     JDK 25, its default CDS
#   25aot  JDK 25, an AOT cache (JEP 483/514/515: classes and method profiles) from a training
#          run of a short batch (TRAIN inputs of another seed)
# all three JVMs started together (so a change of load falls on each alike), ROUNDS times; prints
# for each the wall time, the CPU (user + system) per input and the results' sha256, which must be
# the same for all three.
#
#   bench/batch-jdk.sh [COUNT] [THREADS] [ROUNDS]     defaults: 5000, nproc, 1; TRAIN=200, XMX=512m
#
# Streams: target/bench-batch/stream-COUNT.yaml as bench/batch.sh makes it (seed 1, 5 % invalid),
# and a training stream of seed 2. Caches, results and logs go to $WORK (default target/jdk-bench)
# and are deleted except the caches; never --out /dev/null (see bench/batch.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-5000}"
threads="${2:-$(nproc)}"
rounds="${3:-1}"
train="${TRAIN:-200}"
xmx="${XMX:-512m}"
jdk17="${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="${WORK:-target/jdk-bench}"
jar="$PWD/target/verdant.jar"
mkdir -p "$work" target/bench-batch
work="$(cd "$work" && pwd)"
[ -s "$jar" ] || ./verdant --version >/dev/null # builds the jar once
export VERDANT_RULES="$PWD/rules" VERDANT_SCORECARDS="$PWD/scorecards" VERDANT_CACHE_DIR="$work/cache"
mkdir -p "$VERDANT_CACHE_DIR"
stream() { # COUNT SEED FILE
  [ -s "$3" ] && return
  echo "generating $1 submissions (seed $2) into $3 …" >&2
  "$jdk17/bin/java" -XX:+UseSerialGC -jar "$jar" generate --scheme green-factory --count "$1" --seed "$2" \
    --invalid-share 0.05 >"$3.tmp"
  mv "$3.tmp" "$3"
}
input="target/bench-batch/stream-$count.yaml"
training="target/bench-batch/stream-$train-seed2.yaml"
stream "$count" 1 "$input"
stream "$train" 2 "$training"

utf8="-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
quiet17="-Xlog:cds=off -Xlog:cds+dynamic=off"
quiet25="-Xlog:cds=off -Xlog:aot=off"
cds17=""
[ -s "$work/cds17.jsa" ] && cds17="-XX:SharedArchiveFile=$work/cds17.jsa"
aot="$work/batch-$train.aot"
cmd() {
  case "$1" in
    17) echo "$jdk17/bin/java -Xmx$xmx -XX:+UseSerialGC -Xshare:auto $cds17 $quiet17 $utf8 -jar $jar" ;;
    25) echo "$jdk25/bin/java -Xmx$xmx -XX:+UseSerialGC -Xshare:auto $quiet25 $utf8 -jar $jar" ;;
    25aot) echo "$jdk25/bin/java -Xmx$xmx -XX:+UseSerialGC -XX:AOTMode=on -XX:AOTCache=$aot $quiet25 $utf8 -jar $jar" ;;
  esac
}
if [ ! -s "$aot" ]; then
  echo "training the AOT cache on $training …" >&2
  "$jdk25/bin/java" -Xmx"$xmx" -XX:+UseSerialGC -XX:AOTCacheOutput="$aot" $quiet25 $utf8 -jar "$jar" batch "$training" \
    --threads "$threads" --out "$work/train.jsonl" --no-progress 2>"$work/train.stderr" || true # exit 1: the invalid share
  rm -f "$work/train.jsonl"
fi
sides="17 25 25aot"
# one warm-up batch of the training stream per side: each JDK writes its own compiled-rules cache
for s in $sides; do $(cmd "$s") batch "$training" --threads "$threads" --out "$work/warm.jsonl" --no-progress 2>/dev/null || true; done
rm -f "$work/warm.jsonl"
echo "machine: $(nproc) cores; $("$jdk17/bin/java" -version 2>&1 | head -1); $("$jdk25/bin/java" -version 2>&1 | head -1)"
echo "input: $input ($count submissions), $threads thread(s) each, -Xmx$xmx; AOT cache $(du -m "$aot" | cut -f1) MB trained on $train"
for r in $(seq "$rounds"); do
  echo "round $r, load before: $(uptime | sed 's/.*load average: //') ($(date -u +%H:%M:%S) UTC)"
  for s in $sides; do
    (
      start=$(date +%s.%N)
      # shellcheck disable=SC2046
      /usr/bin/time -f "%U %S" -o "$work/cpu-$s.txt" $(cmd "$s") batch "$input" --threads "$threads" \
        --out "$work/out-$s.jsonl" --no-progress 2>"$work/stderr-$s.txt" || true
      end=$(date +%s.%N)
      echo "$start $end" >"$work/wall-$s.txt"
    ) &
  done
  wait
  echo "round $r, load after:  $(uptime | sed 's/.*load average: //') ($(date -u +%H:%M:%S) UTC)"
  for s in $sides; do
    read -r u sy <"$work/cpu-$s.txt"; read -r st en <"$work/wall-$s.txt"
    awk -v s="$s" -v u="$u" -v sy="$sy" -v st="$st" -v en="$en" -v n="$count" -v d="$(sha256sum "$work/out-$s.jsonl" | cut -c1-16)" \
      'BEGIN { printf "  %-6s wall %6.1f s, CPU %6.1f s (%.1f user + %.1f system), %.2f ms CPU per input; results sha256 %s…\n", s, en - st, u + sy, u, sy, (u + sy) * 1000 / n, d }'
  done
  [ "$(sha256sum "$work"/out-*.jsonl | cut -d' ' -f1 | sort -u | wc -l)" = 1 ] || echo "  DIFFERENT RESULTS"
  head -1 "$work/stderr-17.txt"
done
rm -f "$work"/out-*.jsonl
