#!/usr/bin/python3
"""check_quotes.py SEEDS_DIR GRAPH... - every quote a graph cites occurs in the seed article it cites.

A source names its article with attrs.seed ("003" -> SEEDS_DIR/003_*.txt). Quotes
must occur verbatim (runs of white space may differ: articles wrap lines).
Exits 77 (skipped) when SEEDS_DIR is absent, so a clone without ../shared passes.
"""
import glob, json, os, re, sys


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    seeds_dir, graphs = sys.argv[1], sys.argv[2:]
    if not os.path.isdir(seeds_dir):
        print(f"skipped: no seed articles at {seeds_dir} (they come with ../shared)")
        return 77
    texts = {}
    for path in glob.glob(os.path.join(seeds_dir, "*.txt")):
        texts[os.path.basename(path).split("_")[0]] = norm(open(path, encoding="utf-8").read())
    bad = checked = 0
    for graph in graphs:
        doc = json.load(open(graph, encoding="utf-8"))
        seed_of = {s["id"]: s.get("attrs", {}).get("seed") for s in doc.get("sources", [])}
        for i, st in enumerate(doc.get("statements", [])):
            for cite in st.get("sources", []):
                if not isinstance(cite, dict) or not cite.get("quote"):
                    continue
                seed = seed_of.get(cite["id"])
                where = f"{graph}: statement {i} ({st['subject']} {st['predicate']}), source {cite['id']}"
                if seed is None:
                    print(f"{where}: the source names no seed (attrs.seed)")
                    bad += 1
                elif seed not in texts:
                    print(f"{where}: no seed article {seed}_*.txt in {seeds_dir}")
                    bad += 1
                elif norm(cite["quote"]) not in texts[seed]:
                    print(f"{where}: quote not in seed {seed}: {cite['quote']!r}")
                    bad += 1
                checked += 1
    print(f"{checked} quotes checked, {bad} not found")
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
