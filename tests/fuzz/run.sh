#!/bin/sh
# tests/fuzz/run.sh FUZZER TARGET SECONDS SOURCE_DIR DICTIONARY KGKIT [CORPUS_DIR] - one fuzzing run of one
# importer: first every saved regression input of the target (tests/fuzz/regressions/TARGET) once, then
# SECONDS of new inputs grown from a seed corpus: the project's own files of that format, the bundled graphs
# written in it, and ../shared/corpus when it is there. A crash, leak, timeout or broken round trip fails the
# run; libFuzzer saves the input that did it under build/fuzz-artifacts/ (make it a regression: copy it into
# tests/fuzz/regressions/TARGET/). CORPUS_DIR keeps the grown corpus between runs (scripts/fuzz).
set -u
fuzzer=$1 target=$2 seconds=$3 src=$4 dict=$5 kgkit=$6 keep=${7:-}
shared="$src/../shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${keep:-$work/corpus}
mkdir -p "$corpus"
artifacts="$(dirname "$fuzzer")/../fuzz-artifacts/$target-"
mkdir -p "$(dirname "$artifacts")"

seed() { # copy the files given (those that exist) into the corpus
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/$(echo "$f" | tr '/ ' '__')"; done
  return 0
}
export_seed() { # the bundled graphs and the valid cases written as FORMAT
  for g in "$src"/graphs/*/*.json "$src"/tests/cases/json-valid/*/input.json; do
    case $g in *gazetteer*) continue ;; esac
    "$kgkit" -q export "$1" "$g" -o "$corpus/$(basename "$(dirname "$g")").$1" 2>/dev/null || true
  done
}
case $target in
  json) seed "$src"/tests/cases/json-*/*/input.json "$src"/graphs/*/belarus.json ;;
  jsonl) seed "$src"/tests/cases/json-*/*/input.jsonl "$src"/tests/cases/cli/*/*.jsonl; export_seed jsonl ;;
  csv) seed "$src"/tests/data/csv/*.csv "$shared"/realfiles/csv/*.csv; export_seed csv ;;
  dot) seed "$src"/tests/data/*.gv "$src"/tests/cases/cli/*/*.gv "$shared"/graphviz/*.gv "$shared"/realfiles/dot/*;
       export_seed dot ;;
  graphml) seed "$shared"/realfiles/graphml/*.graphml; export_seed graphml ;;
  gexf) seed "$shared"/realfiles/gexf/*.gexf; export_seed gexf ;;
  nodelink) seed "$shared"/realfiles/nodelink-json/*.json; export_seed nodelink ;;
  gml) seed "$shared"/realfiles/gml/*.gml ;;
  ftm) seed "$shared"/realfiles/ftm/* "$src"/tests/data/ftm/*.csv ;;
  text) seed "$src"/tests/data/text/*.txt "$src"/../shared/seeds/*.txt ;;
  gazetteer) seed "$src"/graphs/*/gazetteer.json ;;
  judge) seed "$src"/tests/data/entities/*.jsonl "$src"/tests/data/entities/variants.json ;;
  *) echo "run.sh: no target $target" >&2; exit 2 ;;
esac
[ -d "$shared" ] || echo "run.sh: no ../shared/corpus beside the source tree: fuzzing $target from the project's own seeds"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions="$src/tests/lsan.supp":print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
opts="-dict=$dict -timeout=10 -rss_limit_mb=2048 -max_len=262144 -artifact_prefix=$artifacts -print_final_stats=1"

regressions="$src/tests/fuzz/regressions/$target"
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions" 2>/dev/null)" ]; then
  # shellcheck disable=SC2086
  if ! "$fuzzer" $opts "$regressions"/* >"$work/regressions.log" 2>&1; then
    tail -40 "$work/regressions.log"
    echo "run.sh: a saved regression input of $target fails again"
    exit 1
  fi
  echo "run.sh: $(ls "$regressions" | wc -l) regression inputs of $target pass"
fi
# shellcheck disable=SC2086
"$fuzzer" $opts -max_total_time="$seconds" "$corpus" >"$work/fuzz.log" 2>&1
rc=$?
grep -E '^stat::|^#[0-9]+.*DONE' "$work/fuzz.log" | tail -8
if [ $rc -ne 0 ]; then
  tail -60 "$work/fuzz.log"
  echo "run.sh: fuzzing $target found a failure; the input is in $(dirname "$artifacts")"
  exit 1
fi
echo "run.sh: $target: $(grep -E '^stat::number_of_executed_units' "$work/fuzz.log" | awk '{print $2}') inputs in $seconds s, no failure"
