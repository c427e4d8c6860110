#!/usr/bin/env bash
# Cold start: median wall time of N runs (default 10) of './verdant --version' (the JVM and the
# launcher alone) and of './verdant evaluate FILE --format json', interleaved, with the load.
#
#   bench/coldstart.sh [CHECKOUT] [N]      CHECKOUT defaults to this one (its jar already built)
#
# One warm-up run of each first writes the compiled-rules cache and the class-data archive, which
# every later start reuses (see bench/BATCH.md); VERDANT_CDS=off measures without the archive.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "${1:-$here}" && pwd)"
n="${2:-10}"
file="fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"
cd "$root"
./verdant --version >/dev/null
./verdant evaluate "$file" --format json >/dev/null
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
version=()
evaluate=()
echo "load before: $(uptime | sed 's/.*load average: //')"
for _ in $(seq "$n"); do
  s=$(date +%s.%N); ./verdant --version >/dev/null; e=$(date +%s.%N)
  version+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N); ./verdant evaluate "$file" --format json >/dev/null; e=$(date +%s.%N)
  evaluate+=("$(echo "$e - $s" | bc)")
done
echo "load after:  $(uptime | sed 's/.*load average: //')"
v=$(printf '%s\n' "${version[@]}" | median)
x=$(printf '%s\n' "${evaluate[@]}" | median)
echo "checkout: $root"
echo "--version: median $v s (runs: ${version[*]})"
echo "evaluate:  median $x s (runs: ${evaluate[*]})"
awk -v v="$v" -v x="$x" 'BEGIN { printf "ratio evaluate / --version: %.2f\n", x / v }'
