#!/bin/sh
# run_cli_case.sh - runs one end-to-end case of the kgkit command.
# A case folder holds: cmd (a shell line; $KGKIT is the command, $TEST_PLUGINS the
# test plugins), status (the expected exit code), and optionally stdout / stderr
# (exact) and stdout-has / stderr-has (lines that must each appear). The case runs
# in a scratch copy of its folder; $KGKIT_DATA is tests/data, the shared fixtures.
set -u
case_dir=$1
export KGKIT=$2
export TEST_PLUGINS=$3
KGKIT_DATA=$(cd "$(dirname "$0")/../data" && pwd)
export KGKIT_DATA
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$case_dir"/. "$work"/
cd "$work" || exit 1
sh -c "$(cat cmd)" >actual.stdout 2>actual.stderr </dev/null
status=$?
fail=0
expected=$(cat status)
if [ "$status" != "$expected" ]; then
  echo "exit status $status, expected $expected"; fail=1
fi
for stream in stdout stderr; do
  if [ -f "$stream" ] && ! cmp -s "$stream" "actual.$stream"; then
    echo "$stream differs:"; diff "$stream" "actual.$stream" | head -40; fail=1
  fi
  if [ -f "$stream-has" ]; then
    while IFS= read -r line; do
      grep -qF -- "$line" "actual.$stream" || { echo "$stream lacks: $line"; fail=1; }
    done <"$stream-has"
  fi
done
if [ $fail -ne 0 ]; then
  echo "--- stdout"; head -40 actual.stdout; echo "--- stderr"; head -40 actual.stderr
fi
exit $fail
