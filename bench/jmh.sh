#!/usr/bin/env bash
# Per-evaluation cost with JMH (see BENCHMARKS.md). Builds the benchmarks with -Pbench (the normal
# build never compiles them), then runs JMH from the checkout's root, so the rulebook is rules/ and
# scorecards/. Extra arguments go to JMH, e.g.  bench/jmh.sh -wi 2 -i 3 fullEvaluation
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
