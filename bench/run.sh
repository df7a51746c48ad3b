#!/bin/sh
# bench/run.sh - measures kgkit on the shared synthetic graphs: load (+ summary), round-trip export, agreement,
# wall time and peak memory, for comparison with the NetworkX / python-igraph figures in ../shared/bench.
# Usage: bench/run.sh [SIZE...]   (SIZE: tiny small medium large xl; default: medium large)
set -eu
. "$(dirname "$0")/common.sh"
sizes=${*:-medium large}
printf '| input | task | seconds | peak RSS (MB) |\n|---|---|---|---|\n'
for size in $sizes; do
  [ -f "$data/$size.jsonl" ] || python3 "$gen" "$size" --out-dir "$data" >/dev/null 2>&1
  for f in "$size.jsonl" "$size.json"; do
    for task in info export agreement; do
      case $task in
        info) set -- "$kgkit" -q info "$data/$f" ;;
        export) set -- "$kgkit" -q import "$data/$f" -o "$data/out.jsonl" ;;
        agreement) set -- "$kgkit" -q run "$data/$f" -a agreement="$data/agreement.json" -e "$data/out.jsonl" ;;
      esac
      best=""
      for run in 1 2; do
        r=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
        best=$(printf '%s\n%s\n' "$best" "$r" | grep . | sort -n | head -1)
      done
      set -- $best
      printf '| %s | %s | %s | %d |\n' "$f" "$task" "$1" $(( $2 / 1024 ))
    done
  done
done
rm -f "$data/out.jsonl" "$data/agreement.json"
