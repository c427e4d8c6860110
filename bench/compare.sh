#!/usr/bin/env bash
# Before/after in one sitting (see BENCHMARKS.md):
#
#   bench/compare.sh BASE_REV [JMH ARGS…]
#
# Builds BASE_REV in a temporary git worktree and this checkout as it is, then runs for both, one
# after the other on the same machine: JMH (parseAndValidate, fullEvaluation, fullEvaluationAndJson,
# fullEvaluationWithTrace; short settings unless JMH ARGS are given), bench/batch.sh over the same
# generated stream (and `batch --validate-only` where that build has it), and a cold
# `./verdant evaluate FILE --format json` against `./verdant --version` (median of RUNS). Prints one
# table with the load average at each step.
#
# JMH runs each side's own benchmarks over its own jar (the executable model where that build has
# one); batch runs both jars through this checkout's bench/batch.sh (throughput, CPU ms per
# submission, the results' digest). The oldest BASE_REV supported is e18384d (see below).
#
# Environment: COUNT (batch size, 20000), RUNS (cold runs, 9), FILE (the cold-run input),
# SKIP_JMH / SKIP_BATCH / SKIP_COLD=1 to leave a part out, KEEP=1 to keep the base worktree,
# MODEL=off to run both sides without the executable model.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
base_rev="${1:?usage: bench/compare.sh BASE_REV [JMH ARGS…]}"
shift
jmh_args=("$@")
[ ${#jmh_args[@]} -gt 0 ] || jmh_args=(-f 1 -wi 6 -w 10s -i 4 -r 10s)
# both sides' forks get the same JVM options (a base's annotations may name others), unless given
jvm_args=(-jvmArgsAppend "-Xmx1g -XX:+UseSerialGC") # replaces the annotations' own
for a in "${jmh_args[@]}"; do case "$a" in -jvmArgs*) jvm_args=() ;; esac; done
# MODEL=off: both sides without the executable model (VERDANT_MODEL=off), in JMH and in batch
case "${MODEL:-on}" in on) unset VERDANT_MODEL ;; off) export VERDANT_MODEL=off ;; *) echo "MODEL must be on or off" >&2; exit 2 ;; esac
count="${COUNT:-20000}"
runs="${RUNS:-9}"
file="${FILE:-fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml}"
benchmarks='EvaluationBenchmark\.(parseAndValidate|fullEvaluation|fullEvaluationAndJson|fullEvaluationWithTrace)$'

work="$(mktemp -d "${TMPDIR:-/tmp}/verdant-compare.XXXXXX")"
base="$work/base"
results="$work/results.tsv"
: > "$results"
cleanup() {
  # the generated benchmark classes would break a later `mvn verify` without clean (see bench/jmh.sh)
  rm -rf "$here"/target/test-classes/org/verdant/bench "$here"/target/test-classes/META-INF/BenchmarkList \
    "$here"/target/test-classes/META-INF/CompilerHints
  if [ "${KEEP:-0}" != 1 ]; then
    git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

load() { uptime | sed 's/.*load average: //; s/,.*//'; }
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$results"; } # side, measure, value, load

# The oldest base this script supports: the first main commit whose own benchmarks compile since
# the packages were moved (1a53669 broke the trace benchmark; h17-engine, merged in e18384d,
# mended it). Older bases cannot be measured with their own benchmarks, and the current ones need
# code they lack (VerdictJson.compact, the trace's TraceJson).
oldest=e18384d
git -C "$here" rev-parse --verify --quiet "$base_rev^{commit}" >/dev/null || { echo "bench/compare.sh: no commit '$base_rev'" >&2; exit 2; }
if ! git -C "$here" merge-base --is-ancestor "$oldest" "$base_rev"; then
  echo "bench/compare.sh: base $base_rev is older than $oldest (Merge branch 'h17-engine'), the oldest base it supports:" \
       "before it the base's own benchmarks do not compile and the current ones need newer code. Pick $oldest or a later commit." >&2
  exit 2
fi

git -C "$here" worktree add --detach "$base" "$base_rev" >/dev/null
echo "base:    $base_rev ($(git -C "$base" rev-parse --short HEAD)) in $base" >&2
echo "current: $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD || echo ' + uncommitted changes')" >&2

# Each side's JMH runs over its own packaged jar (with the executable model where that build has
# one, as its users ran it) and its own benchmark sources, compiled against the same build; of the
# dependencies only JMH's own go on the class path beside the jar (as bench/jmh.sh does).
bench_build() { # dir side
  (cd "$1" && mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
     -Dmdep.includeArtifactIds=jmh-core,jopt-simple,commons-math3 -Dmdep.outputFile=target/bench-jmh-classpath.txt >>"$work/build-$2.log" 2>&1) \
    || return 1
  # out of the test classes at once: a later `mvn verify` without clean would trip over the generated …_jmhTest classes
  rm -rf "$1/target/bench-classes"
  mkdir -p "$1/target/bench-classes/META-INF" "$1/target/bench-classes/org/verdant"
  mv "$1/target/test-classes/org/verdant/bench" "$1/target/bench-classes/org/verdant/"
  mv "$1/target/test-classes/META-INF/BenchmarkList" "$1/target/test-classes/META-INF/CompilerHints" "$1/target/bench-classes/META-INF/"
}
build() { # the jar ./verdant runs, and the JMH benchmarks (profile bench)
  (cd "$1" && mvn -B -q -Dmaven.test.skip=true clean package >"$work/build-$2.log" 2>&1) \
    || { echo "build of $2 failed: $work/build-$2.log" >&2; tail -20 "$work/build-$2.log" >&2; exit 1; }
  [ "${SKIP_JMH:-0}" = 1 ] && return # no JMH: the benchmarks are not needed
  bench_build "$1" "$2" && return
  echo "the benchmarks of $2 do not compile against it: $work/build-$2.log" >&2
  [ "$2" = base ] && echo "(bench/compare.sh supports bases from $oldest on)" >&2
  tail -20 "$work/build-$2.log" >&2
  exit 1
}
echo "building base and current …" >&2
build "$base" base
build "$here" current

jmh() { # side dir
  local side=$1 dir=$2 json="$work/jmh-$1.json" before
  before=$(load)
  (cd "$dir" && java -cp "target/verdant.jar:target/bench-classes:$(cat target/bench-jmh-classpath.txt)" org.openjdk.jmh.Main \
      "$benchmarks" "${jvm_args[@]}" "${jmh_args[@]}" -rf json -rff "$json") > "$work/jmh-$side.txt" 2>&1 \
    || { echo "JMH failed for $side: $work/jmh-$side.txt" >&2; return; }
  local after
  after=$(load)
  jq -r --arg l "$before→$after" '.[] | [(.benchmark | sub(".*\\."; "")), (.primaryMetric.score | floor | tostring), $l] | @tsv' "$json" \
    | while IFS=$'\t' read -r name score l; do record "$side" "jmh $name (ops/s)" "$score" "$l"; done
}

batch() { # side dir [--validate-only]
  local side=$1 dir=$2 mode=${3:-} label="batch $count" out before after rate cpu sum
  [ -n "$mode" ] && label="batch $count $mode"
  before=$(load)
  # this checkout's harness for both sides (the same stream, the same flags, CPU time and a digest
  # of the results), each side's own jar and rulebook; batch.sh writes to a temporary file under
  # target/, never /dev/null (a build older than 0a67fdc renames its temporary file over --out)
  out=$(cd "$here" && JAR="$dir/target/verdant.jar" MODE="$mode" VERDANT_RULES="$dir/rules" VERDANT_SCORECARDS="$dir/scorecards" \
        bench/batch.sh "$count" 2>&1) || { echo "batch $mode failed for $side: $out" >&2; return; }
  printf '%s\n' "$out" > "$work/batch-$side${mode:+-validate-only}.txt"
  after=$(load)
  rate=$(printf '%s\n' "$out" | sed -n 's/^wall: .*, \([0-9]*\) submissions\/s.*/\1/p')
  cpu=$(printf '%s\n' "$out" | sed -n 's/^cpu: .*, \([0-9.]*\) ms per submission.*/\1/p')
  sum=$(printf '%s\n' "$out" | sed -n 's/^results: sha256 \([0-9a-f]\{16\}\).*/\1/p')
  record "$side" "$label (submissions/s)" "${rate:-?}" "$before→$after"
  record "$side" "$label (CPU ms per submission)" "${cpu:-?}" "$before→$after"
  record "$side" "$label (results sha256)" "${sum:-?}" "-"
}

supports_validate_only() {
  (cd "$1" && java -jar target/verdant.jar batch --help 2>&1 | grep -q -- '--validate-only')
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

cold() { # side dir
  local side=$1 dir=$2 before after i t_eval t_ver
  (cd "$dir" && ./verdant evaluate "$here/$file" --format json >/dev/null) # writes the compiled-rules cache
  before=$(load)
  : > "$work/cold-$side-eval" ; : > "$work/cold-$side-version"
  for ((i = 0; i < runs; i++)); do # interleaved, so both see the same load
    t_ver=$( { /usr/bin/time -f %e bash -c "cd '$dir' && ./verdant --version >/dev/null"; } 2>&1 | tail -1)
    t_eval=$( { /usr/bin/time -f %e bash -c "cd '$dir' && ./verdant evaluate '$here/$file' --format json >/dev/null"; } 2>&1 | tail -1)
    echo "$t_ver" >> "$work/cold-$side-version"
    echo "$t_eval" >> "$work/cold-$side-eval"
  done
  after=$(load)
  local me mv
  me=$(median < "$work/cold-$side-eval")
  mv=$(median < "$work/cold-$side-version")
  record "$side" "cold evaluate --format json (s, median of $runs)" "$me" "$before→$after"
  record "$side" "cold --version (s, median of $runs)" "$mv" "$before→$after"
  record "$side" "cold evaluate ÷ --version" "$(awk -v a="$me" -v b="$mv" 'BEGIN { printf "%.2f", a / b }')" "$before→$after"
}

if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo "JMH (${jmh_args[*]}) …" >&2
  jmh base "$base"
  jmh current "$here"
fi
if [ "${SKIP_BATCH:-0}" != 1 ]; then
  echo "batch $count …" >&2
  (cd "$here" && bench/batch.sh "$count" >/dev/null 2>&1 || true) # generates the stream (with the current build), warms the page cache
  batch base "$base"
  batch current "$here"
  for side in base current; do
    dir=$here; [ $side = base ] && dir=$base
    if supports_validate_only "$dir"; then batch $side "$dir" --validate-only
    else record $side "batch $count --validate-only (submissions/s)" "n/a" "-"; fi
  done
fi
if [ "${SKIP_COLD:-0}" != 1 ]; then
  echo "cold runs ($runs each) …" >&2
  cold base "$base"
  cold current "$here"
fi

# ratios to parseAndValidate within each side's own JMH run (what the targets are stated in)
for side in base current; do
  pv=$(awk -F'\t' -v s=$side '$1 == s && $2 == "jmh parseAndValidate (ops/s)" { print $3 }' "$results")
  [ -n "$pv" ] || continue
  for b in fullEvaluation fullEvaluationAndJson fullEvaluationWithTrace; do
    v=$(awk -F'\t' -v s=$side -v m="jmh $b (ops/s)" '$1 == s && $2 == m { print $3 }' "$results")
    [ -n "$v" ] && record $side "ratio $b ÷ parseAndValidate" "$(awk -v a="$v" -v b="$pv" 'BEGIN { printf "%.2f", a / b }')" "(same run)"
  done
done

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); base $base_rev, current $(git -C "$here" rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-52s | %-12s | %-12s | %s\n' measure base current "load (base; current)"
printf -- '-%.0s' {1..110}; echo
cut -f2 "$results" | awk '!seen[$0]++' | while IFS= read -r m; do
  b=$(awk -F'\t' -v m="$m" '$1 == "base" && $2 == m { print $3 "\t" $4 }' "$results")
  c=$(awk -F'\t' -v m="$m" '$1 == "current" && $2 == m { print $3 "\t" $4 }' "$results")
  printf '%-52s | %-12s | %-12s | %s; %s\n' "$m" "${b%%$'\t'*}" "${c%%$'\t'*}" "${b#*$'\t'}" "${c#*$'\t'}"
done
echo "(details: $work)"
# every batch above wrote to a temporary file; /dev/null must still be the device
[ -c /dev/null ] || echo "WARNING: /dev/null is no longer a character device: $(ls -la /dev/null)" >&2
