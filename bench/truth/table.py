#!/usr/bin/python3
"""bench/truth/table.py LINES WALL MB LOAD - score.py's JSON lines (stdin) as rows of bench/resolve.sh's table."""
import json, sys

n, wall, mb, load = sys.argv[1:5]
for line in sys.stdin:
    r = json.loads(line)
    t = f"{wall} (load {load}) | {mb}" if r["method"] == "resolve" else " | "
    print(f"| {int(n):,} | {r['questions']:,} | {r['method']} | {100 * r['accuracy']:.1f} % | {r['contested']:,} | "
          f"{100 * r['accuracy_contested']:.1f} % | {t} |")
