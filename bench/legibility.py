#!/usr/bin/python3
"""bench/legibility.py [KGKIT] - how legible kgkit's default pictures of real graphs are: for each, the SVG's size,
aspect ratio, layout, the share of node labels that overlap another's, and the edges crossing the legend.

Reads the real files in ../shared/corpus/realfiles and the Belarus graph; prints a Markdown table (recorded in
bench/results.md). Needs a build (scripts/demo)."""
import os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "scripts"))
from svg_measure import edges_through_legend, overlapping_share, size  # noqa: E402

KGKIT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "bin", "kgkit")
REAL = os.path.join(HERE, "..", "..", "shared", "corpus", "realfiles")
CASES = [
    ("graphs/belarus/belarus.json", os.path.join(HERE, "..", "graphs", "belarus", "belarus.json"), []),
    ("graphs/belarus/belarus.json around Lukashenko, depth 2",
     os.path.join(HERE, "..", "graphs", "belarus", "belarus.json"),
     ["-p", "around=person:alexander-lukashenko", "-p", "depth=2"]),
] + [(f"{d}/{f}", os.path.join(REAL, d, f), []) for d, f in (
    ("gml", "newman_karate.gml"), ("gml", "newman_football.gml"),
    ("csv", "programminghistorian_quakers_edgelist.csv"), ("graphml", "gephi_quakers-network.graphml"),
    ("graphml", "graph-tool_football.graphml"), ("dot", "wayland-architecture.gv"),
    ("dot", "cmake_dependency_graph_default_options.dot"), ("gexf", "gephi-0.8.1_rio_v1.2draft.gexf"))]

print("| graph | entities, edges | size (pt) | aspect | layout | labels overlapping | edges crossing the legend |")
print("|---|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    svg = os.path.join(tmp, "p.svg")
    for name, path, extra in CASES:
        if not os.path.exists(path):
            print(f"| {name} | (absent) | | | | | |")
            continue
        r = subprocess.run([KGKIT, "-q", "export", "svg", path, "-o", svg, *extra], capture_output=True, text=True)
        if r.returncode:
            print(f"| {name} | failed: {r.stderr.strip()[:80]} | | | | | |")
            continue
        w, h = size(svg)
        text = open(svg, encoding="utf-8").read()
        drawn = re.search(r"kgkit: (\d+) entities, (\d+) edges", text)
        how = re.search(r"laid out ([a-z ]+?) \(", text)
        layout = "twopi" if extra else (how.group(1).replace("with ", "") if how else "dot")
        print(f"| {name} | {drawn.group(1)}, {drawn.group(2)} | {w:,.0f} × {h:,.0f} | {w / h:.2f} | {layout} | "
              f"{100 * overlapping_share(svg):.1f} % | {edges_through_legend(svg)} |")
