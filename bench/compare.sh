#!/bin/sh
# bench/compare.sh [SIZE...] - kgkit beside its peers on the same input, in one run, one after the other:
# NetworkX and python-igraph (../shared/bench/peers, called as programs), the floor of loading (jansson parsing
# each line: bench/floor.c), and kgkit doing the same job (load, PageRank, the full agreement analysis with its
# JSON report, DOT, node-link and GraphML). Prints a Markdown table of wall time, peak memory and phases (kgkit's
# from `kgkit run --timings`: each export's own time; they run side by side, their wall time is in the last row),
# then kgkit's speed-up over each peer. SIZE: tiny small medium large xl (default:
# medium large). Inputs are made by ../shared/bench/gen.py into $KGKIT_BENCH_DIR (default /tmp/kgbench).
set -eu
. "$(dirname "$0")/common.sh"
case ${1:-} in -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
peers=../shared/bench/peers
scripts/deps bench
cc -O2 -o "$data/floor" bench/floor.c $(pkg-config --cflags --libs jansson)
exec /usr/bin/python3 - "$kgkit" "$gen" "$peers" "$data" ${*:-medium large} <<'PY'
import json, os, re, subprocess, sys
kgkit, gen, peers, data, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]

def timed(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"{cmd[0]} failed: {r.stderr[-2000:]}")
    wall, kb = r.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024, r

print("| input | contender | wall (s) | peak RSS (MB) | load | PageRank | agreement | DOT | node-link | GraphML |")
print("|---|---|---|---|---|---|---|---|---|---|")
for size in sizes:
    path = os.path.join(data, f"{size}.jsonl")
    if not os.path.exists(path):
        subprocess.run([sys.executable, gen, size, "--out-dir", data], check=True, capture_output=True)
    out = os.path.join(data, "out")
    os.makedirs(out, exist_ok=True)
    rows = {}
    wall, mb, _ = timed([os.path.join(data, "floor"), path])
    print(f"| {size} | jansson, parse each line | {wall:.1f} | {mb:.0f} | {wall:.1f} | | | | | |", flush=True)
    floor = wall
    for peer in ("networkx", "igraph"):
        wall, mb, r = timed([os.path.join(peers, f"{peer}.py"), path, out])
        p = json.loads(r.stdout.strip().splitlines()[-1])
        rows[peer] = wall
        print(f"| {size} | {peer} | {wall:.1f} | {mb:.0f} | {p['load_s']:.1f} | {p['pagerank_s']:.1f} | "
              f"{p['agreement_s']:.1f} | {p['export_dot_s']:.1f} | {p['export_json_s']:.1f} | {p['export_graphml_s']:.1f} |",
              flush=True)
    wall, mb, r = timed([kgkit, "-q", "run", path, "-a", "centrality", "-p", "centrality.measures=pagerank",
                         "-a", f"agreement={out}/kgkit-agreement.json", "-e", f"dot={out}/kgkit.gv",
                         "-e", f"nodelink={out}/kgkit.json", "-e", f"graphml={out}/kgkit.graphml", "--timings"])
    t = dict(re.findall(r"(\S+)=([0-9.]+)", r.stderr.split("timings (seconds):")[1]))
    rows["kgkit"] = wall
    print(f"| {size} | kgkit | {wall:.1f} | {mb:.0f} | {float(t['load']):.1f} | {float(t['centrality']):.1f} | "
          f"{float(t['agreement']):.1f} | {float(t['dot']):.1f} | {float(t['nodelink']):.1f} | {float(t['graphml']):.1f} |",
          flush=True)
    side = f"; the three exports side by side {float(t['exports']):.1f} s wall" if "exports" in t else ""
    print(f"| {size} | kgkit's speed-up | NetworkX {rows['networkx'] / rows['kgkit']:.1f}x, python-igraph "
          f"{rows['igraph'] / rows['kgkit']:.1f}x; load {float(t['load']) / floor:.2f}x the floor{side} "
          "| | | | | | | | |", flush=True)
PY
