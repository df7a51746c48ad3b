#!/bin/sh
# test_install.sh - installs kgkit into a scratch prefix, builds the documented example plugin and
# program outside the tree (CMake find_package and pkg-config), and runs them against the installed kgkit.
set -eu
build=$1
src=$2
sanitize=${3:-OFF}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib*/ | head -1)
libdir=${libdir%/}
test -f "$prefix/include/kgkit/kgkit.h"
test -f "$libdir/pkgconfig/kgkit.pc"
test -f "$libdir/cmake/kgkit/kgkitConfig.cmake"
test -x "$prefix/bin/kgkit"
extra=""
[ "$sanitize" = "ON" ] && extra="-fsanitize=address,undefined"

# 1. the example plugin, with CMake's find_package
cmake -S "$src/docs/examples/plugin" -B "$work/plugin-build" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_C_FLAGS="$extra" -DCMAKE_MODULE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$work/plugin-build" >/dev/null
plugin="$work/plugin-build/wordcount.so"
test -f "$plugin"

# 2. the example program, with pkg-config
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 $extra "$src/docs/examples/query.c" -o "$work/query" $(pkg-config --cflags --libs kgkit) \
   -Wl,-rpath,"$libdir"

# the installed kgkit finds its installed plugins, and loads the new one with --plugin
export LD_LIBRARY_PATH="$libdir"
"$prefix/bin/kgkit" --plugin "$plugin" plugins > "$work/plugins.txt"
grep -q "^json " "$work/plugins.txt"
grep -q "from $libdir/kgkit/plugins/json.so" "$work/plugins.txt"
grep -q "^wordcount 1.0.0" "$work/plugins.txt"
graph="$src/tests/cases/json-valid/full/input.json"
out=$("$prefix/bin/kgkit" --plugin "$plugin" analyze wordcount "$graph" -p min=1)
echo "$out"
echo "$out" | grep -q "^prisoners 1$"
# the example program loads, queries, and runs an analysis through the host
KGKIT_PLUGIN_PATH="$plugin" "$work/query" "$graph" Viasna > "$work/query.txt"
cat "$work/query.txt"
grep -q "Viasna (group:viasna)" "$work/query.txt"
grep -q "group:viasna member_of place:belarus" "$work/query.txt"
grep -q "^belarus 2$" "$work/query.txt"
echo "install test passed"
