#!/usr/bin/env bash
# Per-evaluation cost with JMH (see BENCHMARKS.md). Builds the benchmarks with -Pbench (the normal
# build never compiles them), then runs JMH from the checkout's root, so the rulebook is rules/ and
# scorecards/. Extra arguments go to JMH, e.g.  bench/jmh.sh -wi 2 -i 3 fullEvaluation
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The generated benchmark classes (…_jmhTest) sit among the test classes, where a later `mvn verify`
# without clean would find them and fail its test discovery: they are removed after the run.
trap 'rm -rf target/test-classes/org/verdant/bench target/test-classes/META-INF/BenchmarkList target/test-classes/META-INF/CompilerHints' EXIT
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
