#!/bin/sh
# bench/resolve.sh - scores and times `kgkit analyze resolve` on claims with a known truth (bench/truth/gen.py),
# side by side with majority vote and TruthFinder (bench/truth/score.py), in one run. Prints a Markdown table:
# accuracy over all questions and over the contested ones, resolve's wall time and peak memory, and the time
# of loading alone (kgkit info on the same file), so that the resolution's own share can be read off.
# Usage: bench/resolve.sh [CLAIMS...]   (default: 10000 100000 1000000)
set -eu
cd "$(dirname "$0")/.."
kgkit=build/bin/kgkit
[ -x "$kgkit" ] || { echo "build first: scripts/demo"; exit 1; }
data=${KGKIT_BENCH_DIR:-/tmp/kgbench}/truth
mkdir -p "$data"
sizes=${*:-10000 100000 1000000}
measure() { # prints "seconds peak_mb" of a command
  r=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
  set -- $r
  echo "$1 $(( $2 / 1024 ))"
}
printf '| claims | questions | method | accuracy | contested | accuracy (contested) | wall s | peak MB |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  c=$data/c$n.jsonl g=$data/g$n.json
  [ -f "$c" ] || python3 bench/truth/gen.py --claims "$n" -o "$c" --gold "$g" >/dev/null
  set -- $(measure "$kgkit" -q info "$c"); load_s=$1
  set -- $(measure "$kgkit" -q analyze resolve "$c" --format json -o "$data/r.json"); wall=$1 mb=$2
  "$kgkit" -q analyze resolve "$c" --format json -o "$data/r-plain.json" -p mislabel=0 -p copies=false
  "$kgkit" -q analyze resolve "$c" --format json -o "$data/r-slow.json" -p slowly_changing=population,area_km2
  python3 bench/truth/score.py "$c" "$g" "resolve=$data/r.json" \
      "resolve, no copy or mislabel search=$data/r-plain.json" "resolve, population slowly changing=$data/r-slow.json" |
    python3 bench/truth/table.py "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["claims"])' "$g")" \
      "$wall" "$mb" "$load_s"
done
rm -f "$data/r.json" "$data/r-plain.json" "$data/r-slow.json"
