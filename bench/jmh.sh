#!/usr/bin/env bash
# Per-evaluation cost with JMH over what users run (see bench/notes-h17-bench.md, BENCHMARKS.md):
# the packaged jar's classes (target/verdant.jar, built as ./verdant builds it, with the bundled
# rules' executable model in it) and the benchmarks compiled against the same build, from the
# checkout's root, so the rulebook is rules/ and scorecards/ (the files the model was made from).
#
#   bench/jmh.sh [JMH ARGS…]            e.g. bench/jmh.sh -wi 2 -i 3 fullEvaluation
#   MODEL=off bench/jmh.sh [JMH ARGS…]  the same with the executable model off (VERDANT_MODEL=off:
#                                       the DRL compiled at run time, as for an edited rule)
#
# The benchmark's setup prints where each knowledge base it uses came from (an edition evaluated
# without its overlays has no model in the jar and runs from DRL, for users too) and stops if no
# input runs on the model (e.g. rules/ edited since the jar was built) or one does with MODEL=off.
# Defaults (EvaluationBenchmark): 1 fork with -Xmx1g -XX:+UseSerialGC, 9 × 10 s warm-up, 5 × 10 s
# measured, per benchmark: the four take about 11 minutes on 2 quiet cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
model="${MODEL:-on}"
case "$model" in
  on) unset VERDANT_MODEL ;;
  off) export VERDANT_MODEL=off ;;
  *) echo "MODEL must be on or off, not '$model'" >&2; exit 2 ;;
esac
./verdant --version >/dev/null # builds target/verdant.jar (with the model) if the sources changed
# the benchmarks, compiled with the tests under -Pbench against this build's classes; of the
# dependencies only JMH's own (the jar holds everything else, as users run it)
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeArtifactIds=jmh-core,jopt-simple,commons-math3 -Dmdep.outputFile=target/bench-jmh-classpath.txt
# Moved out of the test classes at once: there a later `mvn verify` without clean would find the
# generated …_jmhTest classes and fail its test discovery.
bench=target/bench-classes
rm -rf "$bench"
mkdir -p "$bench/META-INF" "$bench/org/verdant"
mv target/test-classes/org/verdant/bench "$bench/org/verdant/"
mv target/test-classes/META-INF/BenchmarkList target/test-classes/META-INF/CompilerHints "$bench/META-INF/"
echo "jmh over target/verdant.jar ($(sha256sum target/verdant.jar | cut -c1-12)), executable model $model; load $(uptime | sed 's/.*load average: //')" >&2
# a benchmark that fails (e.g. its setup finds no model) fails the script, unless -foe is given
foe=(-foe true)
for a in "$@"; do [ "$a" = -foe ] && foe=(); done
# JMH forks with this class path; the fork inherits VERDANT_MODEL
java -cp "target/verdant.jar:$bench:$(cat target/bench-jmh-classpath.txt)" org.openjdk.jmh.Main "${foe[@]}" "$@"
echo "load after: $(uptime | sed 's/.*load average: //')" >&2
