#!/usr/bin/env bash
# Cold start: median wall time of N runs (default 11) of './verdant --version' (the JVM and the
# launcher alone) and of './verdant evaluate FILE --format json', interleaved, with the load; and
# the CPU time (user + system) of each, which a loaded machine disturbs far less than the wall time.
#
#   bench/coldstart.sh [CHECKOUT[,CHECKOUT...]] [N]
#
# CHECKOUT defaults to this one (its jar already built). Several, comma-separated (e.g. a base and
# this branch, each with its jar built), are measured in the same sitting: each round runs every
# checkout's --version and evaluate in turn, so a change of load falls on all of them alike.
# One warm-up run of each first writes the compiled-rules cache and the class-data archive, which
# every later start reuses (see docs/batch.md); VERDANT_CDS=off measures without the archive.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IFS=, read -r -a roots <<<"${1:-$here}"
n="${2:-11}"
file="fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"
for i in "${!roots[@]}"; do
  roots[$i]="$(cd "${roots[$i]}" && pwd)"
  (cd "${roots[$i]}" && ./verdant --version >/dev/null && ./verdant evaluate "$file" --format json >/dev/null)
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
times_file="$(mktemp)"
trap 'rm -f "$times_file"' EXIT
# one run: "wall cpu" in seconds (CPU from /usr/bin/time when there is one)
run() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -o "$times_file" -f "%e %U %S" "$@" >/dev/null
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$times_file"
  else
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    echo "$(echo "$e - $s" | bc) 0"
  fi
}
declare -A version evaluate version_cpu evaluate_cpu
echo "load before: $(uptime | sed 's/.*load average: //')"
for _ in $(seq "$n"); do
  for root in "${roots[@]}"; do
    cd "$root"
    read -r w c < <(run ./verdant --version)
    version[$root]+="$w "; version_cpu[$root]+="$c "
    read -r w c < <(run ./verdant evaluate "$file" --format json)
    evaluate[$root]+="$w "; evaluate_cpu[$root]+="$c "
  done
done
echo "load after:  $(uptime | sed 's/.*load average: //')"
for root in "${roots[@]}"; do
  v=$(printf '%s\n' ${version[$root]} | median)
  x=$(printf '%s\n' ${evaluate[$root]} | median)
  vc=$(printf '%s\n' ${version_cpu[$root]} | median)
  xc=$(printf '%s\n' ${evaluate_cpu[$root]} | median)
  echo "checkout: $root"
  echo "  --version: median $v s wall, $vc s CPU (wall: ${version[$root]})"
  echo "  evaluate:  median $x s wall, $xc s CPU (wall: ${evaluate[$root]})"
  awk -v v="$v" -v x="$x" -v vc="$vc" -v xc="$xc" 'BEGIN { printf "  ratio evaluate / --version: %.2f wall, %.2f CPU\n", x / v, (vc > 0 ? xc / vc : 0) }'
done
