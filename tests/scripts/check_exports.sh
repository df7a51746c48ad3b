#!/bin/sh
# check_exports.sh - libkgkit must export only kg_* functions: nothing private may leak into the ABI.
lib=$1
syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^_' | sort)
count=$(printf '%s\n' "$syms" | grep -c '^kg_')
bad=$(printf '%s\n' "$syms" | grep -v '^kg_' | grep -v '^$')
if [ -n "$bad" ]; then
  echo "libkgkit exports symbols outside the kg_ prefix:"; echo "$bad"; exit 1
fi
if [ "$count" -lt 80 ]; then
  echo "only $count kg_ symbols exported: the public API is not visible"; exit 1
fi
echo "$count symbols, all kg_*"
