# bench/common.sh - sourced by the benchmark scripts: the generator, the kgkit binary and the data folder.
cd "$(dirname "$0")/.."
gen=../shared/bench/gen.py
[ -f "$gen" ] || { echo "skipped: $gen not found (the shared folder is absent)"; exit 0; }
kgkit=build/bin/kgkit
[ -x "$kgkit" ] || { echo "build first: scripts/demo"; exit 1; }
data=${KGKIT_BENCH_DIR:-/tmp/kgbench}
mkdir -p "$data"
