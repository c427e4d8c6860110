#!/usr/bin/env bash
# Cold start on two JDKs (issue 17, h18-jdk25): runs target/verdant.jar directly, as ./verdant runs it
# (SerialGC, C1 only, UTF-8 streams, this checkout's rules/ and scorecards/), under several runtime
# set-ups, interleaved round by round, and prints for each the median wall and CPU (user + system)
# of '--version' and of 'evaluate FILE --format json', their ratio, and the sha256 of every
# evaluate's JSON (which must be the same for every set-up).
#
#   bench/coldstart-jdk.sh [N] [FILE]          N runs of each (default 11)
#
# Set-ups (VARIANTS="a b c d e" by default):
#   a  JDK 17, the launcher's dynamic AppCDS archive (written by one evaluate, as ./verdant does)
#   b  JDK 25, -Xshare:off (no class data at all)
#   c  JDK 25, its default CDS archive (the JDK's own classes only)
#   d  JDK 25, AOT cache (JEP 483/514) from a training run of 'evaluate FILE'
#   e  JDK 25, AOT cache from a training run of 'test fixtures' (every scheme and edition)
#   f  JDK 25, AOT cache as d but with full tiered compilation (C2 too) in training and runs
#   g  JDK 25, a dynamic AppCDS archive (-XX:+AutoCreateSharedArchive), what ./verdant does today on
#      a JDK of 19 or later
# The caches go to $WORK (default target/jdk-bench), with the compiled-rules cache (VERDANT_CACHE_DIR),
# so nothing here touches ~/.cache/verdant. Delete $WORK to retrain. JDK17=/JDK25= name the JDK homes.
# The AOT runs use -XX:AOTMode=on: a cache that cannot be mapped fails the run instead of being
# measured as a run without it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-11}"
file="${2:-fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml}"
jdk17="${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
variants="${VARIANTS:-a b c d e}"
work="${WORK:-target/jdk-bench}"
jar="$PWD/target/verdant.jar"
mkdir -p "$work/out"
work="$(cd "$work" && pwd)"
[ -s "$jar" ] || ./verdant --version >/dev/null # builds the jar once
export VERDANT_RULES="$PWD/rules" VERDANT_SCORECARDS="$PWD/scorecards" VERDANT_CACHE_DIR="$work/cache"
mkdir -p "$VERDANT_CACHE_DIR"

utf8="-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
c1="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
quiet17="-Xlog:cds=off -Xlog:cds+dynamic=off"
quiet25="-Xlog:cds=off -Xlog:aot=off" # a JVM warning on standard output would corrupt the JSON
# the java command of each set-up, without the application's arguments
cmd() {
  case "$1" in
    a) echo "$jdk17/bin/java $c1 -Xshare:auto -XX:SharedArchiveFile=$work/cds17.jsa $quiet17 $utf8 -jar $jar" ;;
    b) echo "$jdk25/bin/java $c1 -Xshare:off $utf8 -jar $jar" ;;
    c) echo "$jdk25/bin/java $c1 -Xshare:auto $quiet25 $utf8 -jar $jar" ;;
    d) echo "$jdk25/bin/java $c1 -XX:AOTMode=on -XX:AOTCache=$work/evaluate.aot $quiet25 $utf8 -jar $jar" ;;
    e) echo "$jdk25/bin/java $c1 -XX:AOTMode=on -XX:AOTCache=$work/fixtures.aot $quiet25 $utf8 -jar $jar" ;;
    g) echo "$jdk25/bin/java $c1 -Xshare:auto -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$work/cds25.jsa $quiet25 $utf8 -jar $jar" ;;
    f) echo "$jdk25/bin/java -XX:+UseSerialGC -XX:AOTMode=on -XX:AOTCache=$work/evaluate-c2.aot $quiet25 $utf8 -jar $jar" ;;
  esac
}
# the training (or archiving) run of each set-up that has one, once; then one warm-up run, which also
# writes that JDK's compiled-rules cache (its key holds java.vm.version)
for v in $variants; do
  case "$v" in
    a) [ -s "$work/cds17.jsa" ] || "$jdk17/bin/java" $c1 -XX:ArchiveClassesAtExit="$work/cds17.jsa" $quiet17 $utf8 \
         -jar "$jar" evaluate "$file" --format json >/dev/null ;;
    d) [ -s "$work/evaluate.aot" ] || "$jdk25/bin/java" $c1 -XX:AOTCacheOutput="$work/evaluate.aot" $quiet25 $utf8 \
         -jar "$jar" evaluate "$file" --format json >/dev/null ;;
    e) [ -s "$work/fixtures.aot" ] || "$jdk25/bin/java" $c1 -XX:AOTCacheOutput="$work/fixtures.aot" $quiet25 $utf8 \
         -jar "$jar" test fixtures >/dev/null || true ;; # the cache is written at exit whatever the verdict
    f) [ -s "$work/evaluate-c2.aot" ] || "$jdk25/bin/java" -XX:+UseSerialGC -XX:AOTCacheOutput="$work/evaluate-c2.aot" \
         $quiet25 $utf8 -jar "$jar" evaluate "$file" --format json >/dev/null ;;
    g) [ -s "$work/cds25.jsa" ] || $(cmd g) evaluate "$file" --format json >/dev/null ;; # writes the archive at exit
  esac
  $(cmd "$v") evaluate "$file" --format json >/dev/null
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
times_file="$(mktemp)"
trap 'rm -f "$times_file"' EXIT
run() { # one run: "wall cpu" in seconds; standard output to $out
  local out="$1"; shift
  /usr/bin/time -o "$times_file" -f "%e %U %S" "$@" >"$out"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$times_file"
}
declare -A version evaluate version_cpu evaluate_cpu digests xcs xws
echo "machine: $(nproc) cores; JDK 17: $("$jdk17/bin/java" -version 2>&1 | head -1); JDK 25: $("$jdk25/bin/java" -version 2>&1 | head -1)"
echo "file: $file, $n rounds, variants: $variants"
echo "load before: $(uptime | sed 's/.*load average: //') ($(date -u +%H:%M) UTC)"
for i in $(seq "$n"); do
  for v in $variants; do
    read -r w c < <(run /dev/null $(cmd "$v") --version)
    version[$v]+="$w "; version_cpu[$v]+="$c "
    read -r w c < <(run "$work/out/$v-$i.json" $(cmd "$v") evaluate "$file" --format json)
    evaluate[$v]+="$w "; evaluate_cpu[$v]+="$c "
  done
done
echo "load after:  $(uptime | sed 's/.*load average: //') ($(date -u +%H:%M) UTC)"
for v in $variants; do
  vw=$(printf '%s\n' ${version[$v]} | median); xw=$(printf '%s\n' ${evaluate[$v]} | median)
  vc=$(printf '%s\n' ${version_cpu[$v]} | median); xc=$(printf '%s\n' ${evaluate_cpu[$v]} | median)
  digests[$v]="$(sha256sum "$work"/out/"$v"-*.json | cut -d' ' -f1 | sort -u | tr '\n' ' ')"
  echo "$v: $(cmd "$v" | sed "s|$work|WORK|g; s|$jar|target/verdant.jar|")"
  echo "   --version median $vw s wall, $vc s CPU (wall: ${version[$v]})"
  echo "   evaluate  median $xw s wall, $xc s CPU (wall: ${evaluate[$v]}; CPU: ${evaluate_cpu[$v]})"
  awk -v vw="$vw" -v xw="$xw" -v vc="$vc" -v xc="$xc" \
    'BEGIN { printf "   evaluate / --version: %.2f wall, %.2f CPU\n", xw / vw, xc / vc }'
  echo "   evaluate JSON sha256: ${digests[$v]}"
  xcs[$v]="$xc"; xws[$v]="$xw"
done
first="${variants%% *}"
for v in $variants; do
  [ "${digests[$v]}" = "${digests[$first]}" ] || echo "DIFFERENT OUTPUT: $v differs from $first"
  awk -v v="$v" -v f="$first" -v xw="${xws[$v]}" -v xc="${xcs[$v]}" -v fw="${xws[$first]}" -v fc="${xcs[$first]}" \
    'BEGIN { printf "evaluate %s / evaluate %s: %.2f wall, %.2f CPU\n", v, f, xw / fw, xc / fc }'
done
echo "sizes: $(cd "$work" && ls -la ./*.jsa ./*.aot 2>/dev/null | awk '{ printf "%s %.1f MB; ", $NF, $5 / 1048576 }')"
