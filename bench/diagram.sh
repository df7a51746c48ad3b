#!/bin/sh
# bench/diagram.sh - measures diagram rendering (kgkit export svg/png) on generated graphs against the targets:
# 200 entities / ~1,000 relations to SVG under 5 s; 2,000 entities / ~10,000 relations under 30 s.
# Usage: bench/diagram.sh   (needs ../shared/bench/gen.py and a build: scripts/demo)
set -eu
. "$(dirname "$0")/common.sh"
# gen.py makes statements/8 entities and ~70 % relations
[ -f "$data/d200.jsonl" ] || python3 "$gen" --statements 1600 --name d200 --out-dir "$data" >/dev/null 2>&1
[ -f "$data/d2000.jsonl" ] || python3 "$gen" --statements 16000 --name d2000 --out-dir "$data" >/dev/null 2>&1
printf '| input | output | options | seconds | peak RSS (MB) | drawn |\n|---|---|---|---|---|---|\n'
measure() { # input format options...
  in=$1 fmt=$2
  shift 2
  out="$data/diagram.$fmt"
  r=$( { /usr/bin/time -f "%e %M" timeout 300 "$kgkit" -q export "$fmt" "$data/$in.jsonl" -o "$out" "$@" >/dev/null; } 2>&1 | tail -1)
  set -- $r
  drawn=$(grep -o 'kgkit: [0-9]* entities, [0-9]* edges[^<]*' "$out" 2>/dev/null | head -1 | sed 's/&#45;/-/g; s/kgkit: //')
  printf '| %s | %s | %s | %s | %d | %s |\n' "$in" "$fmt" "${opts:-auto}" "$1" $(( $2 / 1024 )) "${drawn:-}"
}
opts="" measure d200 svg
opts="source_nodes" measure d200 svg -p source_nodes=true
opts="" measure d200 png
opts="" measure d2000 svg
opts="" measure d2000 png
rm -f "$data/diagram.svg" "$data/diagram.png"
