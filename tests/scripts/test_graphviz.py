#!/usr/bin/python3
"""test_graphviz.py KGKIT DATA_DIR CORPUS_DIR TEST - kgkit's diagrams checked by Graphviz itself.

Tests (one per CTest entry):
  hostile  kgkit -> DOT with hostile strings (tests/scripts/hostile.py) in every field: Graphviz's
           parser (gvpr) reads exactly the intended nodes, edges and labels (no injection); the
           SVGs hold no link and show every label line; kgkit reads the DOT, and Graphviz's
           -Tcanon rewrite of it, back into the same ids, kinds, relations and labels.
  styles   verdicts of the agreement analysis drawn: disputed edges red and dashed,
           corroborated ones heavier, disputed figures a red border; provenance tooltips; the
           resolve analysis's chosen values marked and listed in the tooltip.
  render   svg / png / pdf through libgvc: valid, non-empty, tooltips in the SVG, a PNG of a
           sensible size; an engine chosen by name; a big graph switches to sfdp and says so.
  size     size_by=pagerank after the centrality analysis: Graphviz (gvpr) reads font sizes and widths that grow
           with each entity's PageRank, the tooltip gives the value, the legend the range; the SVG renders; an
           entity without the number keeps the default size; a number at the top level of attrs is read too.
  labels   a relation its file named none for (linked_to: an edge list's row, an unlabelled edge) is drawn without
           a label, beside it one that has a predicate keeps its label, and one edge that merges both shows only
           the named one; Graphviz (gvpr) reads the labels.
  focus    around= an entity: laid out radially (twopi) with the focus at the centre of the picture and an aspect
           ratio between 1:3 and 3:1, on the Belarus graph and on a real edge list (Programming Historian's Quakers,
           skipped without ../shared); the DOT names it as twopi's root; an engine asked for by name is kept.
  aspect   a parent with 60 children, which dot draws as a strip ten times as long as wide: the auto engine
           tries the other direction, then neato, keeps the picture within 1:3 to 3:1 and says so in the caption;
           engine=dot keeps dot's strip; the Belarus graph, within the ratio, stays with dot.
  culling  past label_max entities, a picture names only the most central (the most relations, or PageRank after
           the centrality analysis): the rest are drawn unnamed with their names in their tooltips, and the caption
           says so; the DOT exporter takes no label_max and keeps every name.
  legend   the legend is crossed by no edge: dot puts it in the last rank, the force layouts pack it apart; on the
           Belarus graph (dot, and twopi around Lukashenko), a star (neato), and the real football and Quakers graphs
           (skipped without ../shared).
  colors   color_by= any attribute: texts by a palette, the most frequent first, past eleven "other" in grey; a
           fractional number by a sequential scale, darker with the value; the legend lists the values (or the
           scale's ends); Graphviz (gvpr) reads the fills.
  legible  no node label overlaps another's, and the aspect ratio stays within 1:3 to 3:1, on the Belarus graph,
           its neighbourhood, and the real karate, football, Quakers and Rio graphs (skipped without ../shared); the
           measure itself first, on two labels Graphviz draws one upon the other and apart.
  import json,   the DOT importer's mapping: labels, kinds, attributes, clusters, ports, HTML labels.
  corpus   Graphviz's own test graphs -> kgkit -> DOT keeps every node and edge
           (skipped when ../shared/corpus/graphviz is absent).
"""
import html, json, os, re, struct, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

from hostile import dot_encode, dot_split, hostile_graph
from svg_measure import edges_through_legend, node_centres, overlapping_share, size as svg_size

KGKIT, DATA, CORPUS, TEST = sys.argv[1:5]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=kw.pop("text", True), **kw)


def kgkit(*args):
    r = run(KGKIT, "-q", *args)
    if r.returncode != 0:
        raise SystemExit(f"kgkit {' '.join(args)} failed: {r.stderr}")
    return r


# records end with \x1e and fields are separated by \x1f, so names and labels may hold anything
GVPR = r'N{printf("N\037%s\037%s\036", $.name, aget($, "label"))} ' \
       r'E{printf("E\037%s\037%s\037%s\036", $.tail.name, $.head.name, aget($, "predicate"))}'


def read_back(dot_file):
    """Nodes {name: label} and edges [(tail, head, predicate)] as Graphviz's parser sees them."""
    r = run("gvpr", GVPR, dot_file)
    if r.returncode != 0:
        raise SystemExit(f"gvpr cannot read {dot_file}: {r.stderr}")
    nodes, edges = {}, []
    for rec in r.stdout.split("\x1e"):
        parts = rec.split("\x1f")
        if parts[0] == "N":
            nodes[parts[1]] = parts[2] if len(parts) > 2 else ""
        elif parts[0] == "E":
            edges.append((parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
    return nodes, edges


def graphviz_label(raw, name):
    """What Graphviz draws for a label attribute: \\n \\l \\r break lines, \\\\ is a backslash."""
    out, i = [], 0
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw):
            n = raw[i + 1]
            out.append("\n" if n in "nlr" else name if n == "N" else n)
            i += 2
        else:
            out.append(c)
            i += 1
    # then character entities, as Graphviz draws them ("&amp;" is "&")
    return re.sub(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);", lambda m: html.unescape(m.group(0)), "".join(out))


def drawn(label):
    """A label as kgkit draws it: control characters (which SVG cannot hold) as U+FFFD, no carriage returns."""
    s = "".join("\ufffd" if (ord(c) < 0x20 and c not in "\n\r\t") else c for c in label if c != "\ufeff")
    return s.replace("\r", "")


def data_of(doc):
    """What a DOT round trip must keep: ids with kinds, and (subject, predicate, object) relations."""
    ents = {e["id"]: e.get("kind", "entity") for e in doc["entities"] if e.get("kind") != "source"}
    rels = sorted((s["subject"], s["predicate"], s["object"]) for s in doc["statements"] if "object" in s)
    return ents, rels


def test_hostile():
    """Every hostile string in every field: Graphviz reads the nodes kgkit meant (no injected node, edge or
    attribute, names as docs/diagrams.md encodes them), the SVG has no link, and kgkit reads the file back
    into the same ids, kinds and relations, also after Graphviz rewrote it (dot -Tcanon)."""
    doc = hostile_graph()
    want_ents, want_rels = data_of(doc)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "h.json")
        json.dump(doc, open(src, "w", encoding="utf-8"))
        dot = os.path.join(tmp, "h.dot")
        kgkit("export", "dot", src, "-o", dot)
        nodes, edges = read_back(dot)
        expect = {dot_encode(i) for i in want_ents}
        legend = set(nodes) - expect
        check(len(legend) == 1 and "kgkit_legend" in nodes and "kgkit_legend" not in legend,
              f"one legend node, named apart from the entity called kgkit_legend: {sorted(legend)[:3]}")
        names = set(nodes) - legend
        check(names == expect, f"Graphviz reads the entities' nodes, no more: extra {sorted(names - expect)[:3]}, "
                               f"missing {sorted(expect - names)[:3]}")
        pairs = {(dot_encode(a), dot_encode(b)) for a, _, b in want_rels}
        check({(t, h) for t, h, _ in edges} == pairs and len(edges) == len(pairs),
              f"one edge per related pair: {len(edges)} edges for {len(pairs)} pairs")
        for t, h, p in edges:
            want = {dot_encode(pr, True) for a, pr, b in want_rels if (dot_encode(a), dot_encode(b)) == (t, h)}
            got = dot_split(p)
            check(sorted(got) == sorted(want), f"predicate list on {t[:30]!r} -> {h[:30]!r}: {p[:60]!r}")
        # an invisible label (U+FEFF alone) is drawn as the id, as a missing one is
        labels = {dot_encode(e["id"]): drawn(e["label"]) or drawn(e["id"]) or "\ufffd"
                  for e in doc["entities"] if e.get("kind") != "source"}
        for name, label in labels.items():
            got = graphviz_label(nodes.get(name, ""), name)
            check(got == drawn(label), f"label of {name[:40]!r}: drawn as {got[:40]!r}")
        # tooltips carry the aliases, and the edges' the quotes and publishers: as written, seen by Graphviz
        r = run("gvpr", r'N{printf("%s\037%s\036", $.name, aget($, "tooltip"))} '
                        r'E{printf("%s\037%s\036", $.tail.name, aget($, "tooltip"))}', dot)
        tips = {}
        for rec in r.stdout.split("\x1e"):
            if "\x1f" in rec:
                k, v = rec.split("\x1f", 1)
                tips[k] = tips.get(k, "") + graphviz_label(v, k)
        for e in doc["entities"]:
            if e.get("kind") != "source":
                for alias in e["aliases"]:
                    check(drawn(alias).replace("\r", "") in tips.get(dot_encode(e["id"]), ""),
                          f"the alias {alias[:30]!r} in its entity's tooltip")
        for st in doc["statements"]:
            for c in st.get("sources", []):
                check(drawn(c["quote"]).replace("\r", "") in tips.get(dot_encode(st["subject"]), ""),
                      f"the quote {c['quote'][:30]!r} in its edge's tooltip")
        for path in (dot,):
            back = os.path.join(tmp, "back.json")
            kgkit("import", path, "-o", back)
            got_ents, got_rels = data_of(json.load(open(back, encoding="utf-8")))
            check(got_ents == want_ents, f"ids and kinds read back from {os.path.basename(path)}: "
                  f"{sorted(set(got_ents.items()) ^ set(want_ents.items()))[:3]}")
            check(got_rels == want_rels, f"relations read back from {os.path.basename(path)}: "
                  f"{sorted(set(got_rels) ^ set(want_rels))[:3]}")
            got_labels = {e["id"]: e.get("label") for e in json.load(open(back, encoding="utf-8"))["entities"]}
            for e in doc["entities"]:
                if e.get("kind") != "source":
                    check(got_labels.get(e["id"]) == (drawn(e["label"]) or drawn(e["id"]) or "\ufffd").replace("\r", ""),
                          f"label of {e['id'][:30]!r} read back: {str(got_labels.get(e['id']))[:40]!r}")
        canon = run("dot", "-Tcanon", dot)
        check(canon.returncode == 0, f"dot -Tcanon: {canon.stderr}")
        canon_file = os.path.join(tmp, "canon.dot")
        open(canon_file, "w", encoding="utf-8").write(canon.stdout)
        check(read_back(canon_file)[0] == nodes, "dot -Tcanon keeps nodes and labels")
        back = os.path.join(tmp, "canon.json")
        kgkit("import", canon_file, "-o", back)
        check(data_of(json.load(open(back, encoding="utf-8"))) == (want_ents, want_rels),
              "kgkit reads Graphviz's rewrite of the file into the same graph")
        svg_file = os.path.join(tmp, "h.svg")
        kgkit("export", "svg", src, "-o", svg_file)
        for what, text in (("dot -Tsvg", run("dot", "-Tsvg", dot).stdout), ("kgkit export svg", open(svg_file).read())):
            root = ET.fromstring(text)
            ns = "{http://www.w3.org/2000/svg}"
            links = [a for el in root.iter() for a in el.attrib if a.endswith("href")]
            check(not links, f"{what}: no links in the SVG (none was asked for): {links[:3]}")
            groups = [g for g in root.iter(ns + "g") if g.get("class") == "node"]
            check(len(groups) == len(want_ents) + 1, f"{what}: {len(groups)} nodes, {len(want_ents)} entities + legend")
            texts = [t.text or "" for t in root.iter(ns + "text")]
            for label in labels.values():
                for line in drawn(label).split("\n"):
                    line = line.strip()
                    if line and len(line) < 200:
                        check(any(line == t.strip() for t in texts), f"{what} shows {line[:40]!r}")


def svg_of(path):
    root = ET.parse(path).getroot()
    xlink = "{http://www.w3.org/1999/xlink}"
    titles = [a.get(xlink + "title") for a in root.iter("{http://www.w3.org/2000/svg}a") if a.get(xlink + "title")]
    return root, titles


def test_styles():
    with tempfile.TemporaryDirectory() as tmp:
        dot = os.path.join(tmp, "d.dot")
        kgkit("run", os.path.join(DATA, "disputed-relation.json"), "-a", "agreement=" + os.path.join(tmp, "a.json"),
              "-e", "dot=" + dot)
        text = open(dot, encoding="utf-8").read()
        nodes, edges = read_back(dot)
        attrs = {}
        r = run("gvpr", 'E{printf("%s\t%s\t%s\t%s\t%s\n", $.tail.name, $.head.name, $.color, $.style, $.penwidth)}', dot)
        for line in r.stdout.splitlines():
            t, h, color, style, width = line.split("\t")
            attrs[(t, h)] = (color, style, width)
        # two sources name different leaders of one group at the same time: disputed
        check(attrs.get(("group:g", "person:a"), ("",))[0] == "#c0392b", f"disputed edge red: {attrs}")
        check(attrs.get(("group:g", "person:b"), ("", ""))[1] == "dashed", "disputed edge dashed")
        # three independent outlets: corroborated, heavier
        check(attrs.get(("person:c", "group:g"), ("", "", ""))[2] == "2.5", f"corroborated edge heavier: {attrs}")
        # a disputed count: the group's border is red
        r = run("gvpr", 'N[$.name=="group:g"]{printf("%s\t%s\n", $.color, $.tooltip)}', dot)
        color, tooltip = r.stdout.rstrip("\n").split("\t", 1)
        check(color == "#c0392b", f"disputed figures give a red border (got {color})")
        check("members: 800" in tooltip and "[conflict, disputed]" in tooltip, f"claims in the tooltip: {tooltip!r}")
        check("legend" in nodes.get("kgkit_legend", ""), "a legend")
        # after the resolve analysis: the chosen value marked, and the most credible values listed
        dot3 = os.path.join(tmp, "r.dot")
        kgkit("run", os.path.join(DATA, "disputed-relation.json"), "-a", "resolve=" + os.path.join(tmp, "r.json"),
              "-e", "dot=" + dot3)
        resolved = json.load(open(os.path.join(tmp, "r.json"), encoding="utf-8"))["resolved"]
        members = [a for a in resolved if a["subject"] == "group:g" and a["predicate"] == "members"]
        r = run("gvpr", 'N[$.name=="group:g"]{printf("%s\n", $.tooltip)}', dot3)
        tip = r.stdout
        check(len(members) == 1 and "most credible values (kgkit analyze resolve):" in tip and
              f"(confidence {members[0]['confidence']:.2f})" in tip and tip.count("[chosen]") == 1,
              f"the resolved value in the tooltip: {tip!r}")
        # sources as nodes: who reported what
        dot2 = os.path.join(tmp, "s.dot")
        kgkit("export", "dot", os.path.join(DATA, "disputed-relation.json"), "-o", dot2, "-p", "source_nodes=true")
        nodes2, edges2 = read_back(dot2)
        check("src:a" in nodes2 and ("src:a", "person:a", "reports") in edges2, f"source nodes: {edges2}")
        check("src:a" not in nodes, "no source nodes by default")


def png_size(path):
    data = open(path, "rb").read(32)
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature")
    w, h = struct.unpack(">II", data[16:24])
    return w, h


def test_render():
    with tempfile.TemporaryDirectory() as tmp:
        graph = os.path.join(DATA, "seed-claims.json")
        out = {f: os.path.join(tmp, "d." + f) for f in ("svg", "png", "pdf")}
        kgkit("run", graph, "-a", "agreement=" + os.path.join(tmp, "a.json"), *sum((["-e", p] for p in out.values()), []))
        for f, p in out.items():
            check(os.path.getsize(p) > 1000, f"{f} not empty")
        root, titles = svg_of(out["svg"])
        check(root.tag.endswith("svg"), "SVG root")
        check(any("Nobel Peace Prize laureate Ales Bialiatski" in t for t in titles), "edge tooltips carry quotes")
        check(any("about 1,400 people" in t and "src:002" in t for t in titles), "node tooltips carry claims and sources")
        w, h = png_size(out["png"])
        check(100 <= w <= 20000 and 100 <= h <= 20000, f"PNG size {w}x{h}")
        pdf = open(out["pdf"], "rb").read()
        check(pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:], "PDF header and trailer")
        # an engine by name
        neato = os.path.join(tmp, "n.svg")
        kgkit("export", "svg", graph, "-o", neato, "-p", "engine=neato")
        check(ET.parse(neato).getroot().tag.endswith("svg"), "neato renders")
        bad = run(KGKIT, "export", "svg", graph, "-o", neato, "-p", "engine=spring")
        check(bad.returncode == 2 and "engine must be" in bad.stderr, f"unknown engine refused: {bad.stderr}")
        # past the size limits: sfdp, and the picture says so
        big = os.path.join(tmp, "big.svg")
        kgkit("export", "svg", graph, "-o", big, "-p", "dot_max_nodes=5")
        check("laid out with sfdp" in open(big, encoding="utf-8").read(), "the switch to sfdp is said")


def test_import():
    r = kgkit("import", os.path.join(DATA, "import-features.gv"))
    doc = json.loads(r.stdout)
    ents = {e["id"]: e for e in doc["entities"]}
    rels = {(s["subject"], s["predicate"], s["object"]): s for s in doc["statements"]}
    check(ents["ales"]["kind"] == "person" and ents["ales"]["label"] == "Ales\nBialiatski", f"kind and label: {ents['ales']}")
    check(ents["ales"].get("attrs") == {"color": "blue"}, "attributes that differ from the defaults")
    check(ents["viasna"]["label"] == "Viasna centre" and "label_html" in ents["viasna"]["attrs"], "HTML label as text")
    check(ents["minsk"]["kind"] == "entity" and "label" not in ents["minsk"], "a bare node")
    check(ents["subgraph:cluster_outer"]["label"] == "Outer", "a cluster is a group with its label")
    check(("viasna", "member_of", "subgraph:cluster_inner") in rels, "direct membership of the inner cluster")
    check(("viasna", "member_of", "subgraph:cluster_outer") not in rels, "not of the outer one too")
    check(("subgraph:cluster_inner", "member_of", "subgraph:cluster_outer") in rels, "nested clusters")
    check(not any(k[0] == "ales" and k[1] == "member_of" for k in rels), "anonymous { rank=same } is no group")
    check(rels[("ales", "lives_in", "minsk")].get("attrs", {}).get("tailport") == "ne", "ports kept")
    check(("ales", "visited", "minsk") in rels and ("ales", "founded", "viasna") in rels, "labels as predicates")
    check(rels[("x", "knows", "y")]["attrs"] == {"undirected": True}, "every graph of the file, undirected marked")
    check(doc["sources"][0]["id"].startswith("file:"), "the file is the source")


def test_corpus():
    if not os.path.isdir(CORPUS):
        print(f"skipped: no Graphviz corpus at {CORPUS} (it comes with ../shared)")
        sys.exit(77)
    files = sorted(f for f in os.listdir(CORPUS) if f.endswith((".gv", ".dot")))
    check(len(files) >= 10, f"corpus has {len(files)} files")
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            src = os.path.join(CORPUS, f)
            mid, back = os.path.join(tmp, f + ".json"), os.path.join(tmp, f + ".dot")
            r = run(KGKIT, "-q", "import", src, "-o", mid)
            if r.returncode != 0:
                check(False, f"{f}: import failed: {r.stderr.strip()}")
                continue
            r = run(KGKIT, "-q", "export", "dot", mid, "-o", back, "-p", "legend=false")
            if r.returncode != 0:
                check(False, f"{f}: export failed: {r.stderr.strip()}")
                continue
            n0, e0 = read_back(src)
            n1, e1 = read_back(back)
            undirected = re.search(r"^\s*(strict\s+)?graph\b", open(src, encoding="utf-8", errors="replace").read(),
                                   re.M | re.I) is not None
            missing = set(n0) - set(n1)
            extra = {n for n in set(n1) - set(n0) if not n.startswith("subgraph:")}
            check(not missing and not extra, f"{f}: nodes missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}")
            key = (lambda t, h: tuple(sorted((t, h)))) if undirected else (lambda t, h: (t, h))
            p0 = {key(t, h) for t, h, _ in e0}
            p1 = {key(t, h) for t, h, p in e1 if p != "member_of"}
            check(p0 == p1, f"{f}: edges differ: lost {sorted(p0 - p1)[:3]}, gained {sorted(p1 - p0)[:3]}")
            # as many edges as Graphviz sees: parallel ones kept as a relation's multiplicity
            gc = run("gc", "-e", src)
            if gc.returncode == 0:
                want = sum(int(l.split()[0]) for l in gc.stdout.splitlines() if l.strip())
                doc = json.load(open(mid, encoding="utf-8"))
                have = sum(st.get("attrs", {}).get("multiplicity", 1) for st in doc["statements"]
                           if st["predicate"] != "member_of")
                check(have == want, f"{f}: {have} edges, Graphviz's gc counts {want}")
        print(f"{len(files)} corpus files round-tripped")


def test_size():
    with tempfile.TemporaryDirectory() as tmp:
        graph, scored, dot = (os.path.join(tmp, f) for f in ("g.json", "scored.json", "d.dot"))
        # a star and a chain: the hub's PageRank is the highest; "lone" has no edge, an "x" attribute, no centrality
        json.dump({"kgkit": 1, "entities": [{"id": i, "kind": "person"} for i in ("hub", "a", "b", "c", "d")] +
                   [{"id": "lone", "kind": "group", "attrs": {"x": 5}}],
                   "statements": [{"subject": s, "predicate": "knows", "object": o}
                                  for s, o in (("a", "hub"), ("b", "hub"), ("c", "hub"), ("d", "c"))]},
                  open(graph, "w"))
        kgkit("run", graph, "-a", "centrality=" + os.path.join(tmp, "c.json"), "-e", scored)
        pr = {e["id"]: e["attrs"]["centrality"]["pagerank"] for e in json.load(open(scored))["entities"]
              if "centrality" in e.get("attrs", {})}
        kgkit("export", "dot", scored, "-o", dot, "-p", "size_by=pagerank")
        r = run("gvpr", r'N{printf("%s\t%s\t%s\t%s\n", $.name, aget($, "fontsize"), aget($, "width"), aget($, "tooltip"))}', dot)
        check(r.returncode == 0, f"gvpr reads the DOT: {r.stderr}")
        rows = {f[0]: f[1:] for f in (line.split("\t") for line in r.stdout.splitlines()) if len(f) == 4}
        drawn = [i for i in pr if i in rows]
        check(len(drawn) == len(pr), f"every scored entity drawn: {sorted(rows)}")
        by_rank = sorted(drawn, key=lambda i: pr[i])
        fonts = [float(rows[i][0]) for i in by_rank]
        widths = [float(rows[i][1]) for i in by_rank]
        check(fonts == sorted(fonts) and widths == sorted(widths) and fonts[0] < fonts[-1],
              f"sizes grow with PageRank: {list(zip(by_rank, fonts, widths))}")
        check(by_rank[-1] == "hub" and fonts[-1] == max(fonts), "the hub is the largest")
        check(all(f"pagerank {pr[i]:g}" in rows[i][2] for i in drawn), "the tooltip gives each entity's value")
        text = open(dot, encoding="utf-8").read()
        check(f"size: pagerank, {min(pr.values()):g} to {max(pr.values()):g}" in text, "the legend gives the range")
        svg = os.path.join(tmp, "d.svg")
        kgkit("export", "svg", scored, "-o", svg, "-p", "size_by=pagerank")
        check(ET.parse(svg).getroot().tag.endswith("svg"), "the sized diagram renders")
        # a number of the entity's own attributes
        kgkit("export", "dot", scored, "-o", dot, "-p", "size_by=x")
        r = run("gvpr", r'N[$.name!="kgkit_legend"]{printf("%s\t%s\n", $.name, aget($, "fontsize"))}', dot)
        sizes = dict(line.split("\t") for line in r.stdout.splitlines())
        check(sizes.get("lone") == "24.0", f"size_by reads a top-level number: {sizes}")
        check(all(v == "11" for k, v in sizes.items() if k != "lone"),
              f"an entity without the number keeps the default size: {sizes}")


def test_labels():
    with tempfile.TemporaryDirectory() as tmp:
        graph, dot = os.path.join(tmp, "g.json"), os.path.join(tmp, "d.dot")
        json.dump({"kgkit": 1, "entities": [{"id": i} for i in "abcd"],
                   "statements": [{"subject": "a", "predicate": "linked_to", "object": "b"},
                                  {"subject": "b", "predicate": "knows", "object": "c"},
                                  {"subject": "c", "predicate": "linked_to", "object": "d"},
                                  {"subject": "c", "predicate": "funds", "object": "d"}]}, open(graph, "w"))
        kgkit("export", "dot", graph, "-o", dot)
        r = run("gvpr", r'E{printf("%s>%s\t%s\t%s\n", $.tail.name, $.head.name, aget($, "label"), aget($, "predicate"))}', dot)
        check(r.returncode == 0, f"gvpr reads the DOT: {r.stderr}")
        edges = {f[0]: f[1:] for f in (line.split("\t") for line in r.stdout.splitlines())}
        check(edges.get("a>b", ["?"])[0] == "", f"an unnamed relation has no label: {edges}")
        check(edges.get("b>c", ["?"])[0] == "knows", f"a named one keeps its label: {edges}")
        check(edges.get("c>d", ["?"])[0] == "funds" and "linked_to" in edges.get("c>d", ["", ""])[1],
              f"a merged edge shows only the named predicate, and keeps both in its data: {edges}")


def test_focus():
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(os.path.join(DATA, "..", "..", "graphs", "belarus", "belarus.json"), "person:alexander-lukashenko",
                  "person:alexander-lukashenko", "2")]
        quakers = os.path.join(CORPUS, "..", "realfiles", "csv", "programminghistorian_quakers_edgelist.csv")
        if os.path.exists(quakers):
            cases.append((quakers, "George Fox", "entity:george-fox", "1"))
        else:
            print("skipping the Quakers edge list: ../shared/corpus/realfiles is absent")
        for graph, around, node, depth in cases:
            svg, dot = os.path.join(tmp, "f.svg"), os.path.join(tmp, "f.dot")
            kgkit("export", "svg", graph, "-o", svg, "-p", f"around={around}", "-p", f"depth={depth}")
            centres, w, h = node_centres(svg)
            check(node in centres, f"{os.path.basename(graph)}: the focus is drawn: {sorted(centres)[:5]}")
            if node in centres:
                x, y = centres[node]
                check(abs(x / w - 0.5) < 0.2 and abs(y / h - 0.5) < 0.2,
                      f"{os.path.basename(graph)}: the focus at the centre: ({x:.0f}, {y:.0f}) in {w:.0f} x {h:.0f}")
            check(1 / 3 <= w / h <= 3, f"{os.path.basename(graph)}: aspect ratio {w:.0f} x {h:.0f}")
            kgkit("export", "dot", graph, "-o", dot, "-p", f"around={around}")
            r = run("gvpr", r'BEG_G{printf("%s", aget($G, "root"))}', dot)
            check(r.stdout == node, f"the DOT names the focus as the root: {r.stdout!r}")
        # an engine asked for by name is kept: dot has no root and ranks left to right
        kgkit("export", "svg", cases[0][0], "-o", svg, "-p", f"around={cases[0][1]}", "-p", "engine=dot")
        check("laid out" not in open(svg, encoding="utf-8").read() and ET.parse(svg).getroot().tag.endswith("svg"),
              "engine=dot around= an entity renders with dot")


def test_aspect():
    with tempfile.TemporaryDirectory() as tmp:
        star, svg = os.path.join(tmp, "star.json"), os.path.join(tmp, "s.svg")
        json.dump({"kgkit": 1, "entities": [{"id": "hub", "kind": "person"}] +
                   [{"id": f"c{i}", "kind": "person", "label": f"Child number {i}"} for i in range(60)],
                   "statements": [{"subject": "hub", "predicate": "parent_of", "object": f"c{i}"} for i in range(60)]},
                  open(star, "w"))
        kgkit("export", "svg", star, "-o", svg, "-p", "engine=dot")
        w, h = svg_size(svg)
        check(h > 3 * w, f"dot, asked for, draws the strip: {w:.0f} x {h:.0f}")
        kgkit("export", "svg", star, "-o", svg)
        w, h = svg_size(svg)
        check(1 / 3 <= w / h <= 3, f"auto keeps the aspect ratio within 1:3 to 3:1: {w:.0f} x {h:.0f}")
        check("laid out with neato (dot drew a strip" in open(svg, encoding="utf-8").read(), "the caption says how")
        belarus = os.path.join(DATA, "..", "..", "graphs", "belarus", "belarus.json")
        kgkit("export", "svg", belarus, "-o", svg)
        w, h = svg_size(svg)
        check(1 / 3 <= w / h <= 3 and "laid out" not in open(svg, encoding="utf-8").read(),
              f"a diagram within the ratio stays with dot: {w:.0f} x {h:.0f}")


def test_culling():
    with tempfile.TemporaryDirectory() as tmp:
        graph, svg, scored = (os.path.join(tmp, f) for f in ("g.json", "g.svg", "s.json"))
        # two hubs of 30 and 10 leaves, a chain of four: the hubs are the most connected
        st = [("hub", f"a{i}") for i in range(30)] + [("second", f"b{i}") for i in range(10)] + \
             [("c0", "c1"), ("c1", "c2"), ("c2", "c3")]
        ids = sorted({x for pair in st for x in pair})
        json.dump({"kgkit": 1, "entities": [{"id": i, "label": f"name of {i}"} for i in ids],
                   "statements": [{"subject": s, "predicate": "knows", "object": o} for s, o in st]}, open(graph, "w"))
        ns = "{http://www.w3.org/2000/svg}"

        def named(path):
            root = ET.parse(path).getroot()
            out, tips = set(), {}
            for g in root.iter(ns + "g"):
                if g.get("class") == "node":
                    title = g.find(ns + "title").text
                    if any((x.text or "").strip() for x in g.iter(ns + "text")):
                        out.add(title)
                    tips[title] = " ".join(a.get("{http://www.w3.org/1999/xlink}title") or "" for a in g.iter(ns + "a"))
            return out, tips

        kgkit("export", "svg", graph, "-o", svg, "-p", "label_max=2", "-p", "legend=false")
        shown, tips = named(svg)
        check(shown == {"hub", "second"}, f"the two most connected keep their names: {sorted(shown)}")
        check("name of a7" in tips.get("a7", ""), f"an unnamed entity's name is in its tooltip: {tips.get('a7')!r}")
        check("names on the 2 most central" in open(svg, encoding="utf-8").read(), "the caption says so")
        kgkit("export", "svg", graph, "-o", svg, "-p", "legend=false")
        shown, _ = named(svg)
        check(len(shown) == len(ids), f"below label_max every entity is named: {len(shown)} of {len(ids)}")
        # by PageRank once the centrality analysis ran
        kgkit("run", graph, "-a", "centrality=" + os.path.join(tmp, "c.json"), "-e", scored)
        pr = {e["id"]: e["attrs"]["centrality"]["pagerank"] for e in json.load(open(scored))["entities"]}
        top = sorted(pr, key=lambda i: (-pr[i], i))[:3]
        kgkit("export", "svg", scored, "-o", svg, "-p", "label_max=3", "-p", "legend=false")
        shown, _ = named(svg)
        check(shown == set(top), f"by PageRank: {sorted(shown)} against {top}")
        bad = run(KGKIT, "export", "dot", graph, "-o", os.path.join(tmp, "g.dot"), "-p", "label_max=2")
        check(bad.returncode != 0 and 'has no parameter "label_max"' in bad.stderr,
              f"the DOT file keeps every name: {bad.stderr.strip()}")


def test_legend():
    with tempfile.TemporaryDirectory() as tmp:
        belarus = os.path.join(DATA, "..", "..", "graphs", "belarus", "belarus.json")
        star = os.path.join(tmp, "star.json")
        json.dump({"kgkit": 1, "entities": [{"id": "hub"}] + [{"id": f"c{i}"} for i in range(60)],
                   "statements": [{"subject": "hub", "predicate": "parent_of", "object": f"c{i}"} for i in range(60)]},
                  open(star, "w"))
        cases = [(belarus, []), (belarus, ["-p", "around=person:alexander-lukashenko", "-p", "depth=2"]), (star, [])]
        real = os.path.join(CORPUS, "..", "realfiles")
        if os.path.isdir(real):
            cases += [(os.path.join(real, "gml", "newman_football.gml"), []),
                      (os.path.join(real, "csv", "programminghistorian_quakers_edgelist.csv"), [])]
        else:
            print("skipping the real graphs: ../shared/corpus/realfiles is absent")
        for graph, extra in cases:
            svg = os.path.join(tmp, "l.svg")
            kgkit("export", "svg", graph, "-o", svg, *extra)
            n = edges_through_legend(svg)
            check(n == 0, f"{os.path.basename(graph)} {' '.join(extra)}: {n} edges cross the legend")


def test_colors():
    with tempfile.TemporaryDirectory() as tmp:
        graph, dot = os.path.join(tmp, "g.json"), os.path.join(tmp, "g.dot")
        # 13 countries: "BY" on five entities, "LT" on three, then eleven of one each; a score from 0.1 to 0.9
        countries = ["BY"] * 5 + ["LT"] * 3 + [f"C{i:02d}" for i in range(11)]
        ents = [{"id": f"e{i}", "attrs": {"country": c, "score": round(0.1 + 0.8 * i / (len(countries) - 1), 3)}}
                for i, c in enumerate(countries)]
        json.dump({"kgkit": 1, "entities": ents, "statements": []}, open(graph, "w"))

        def fills(attr):
            kgkit("export", "dot", graph, "-o", dot, "-p", f"color_by={attr}")
            r = run("gvpr", r'N[$.name!="kgkit_legend"]{printf("%s\t%s\n", $.name, aget($, "fillcolor"))}', dot)
            return dict(line.split("\t") for line in r.stdout.splitlines()), open(dot, encoding="utf-8").read()

        f, text = fills("country")
        by = {f[f"e{i}"] for i in range(5)}
        check(len(by) == 1 and by != {f["e5"]}, f"one value, one colour; another value, another: {f}")
        singles = [f[f"e{i}"] for i in range(8, len(countries))]
        check(len(set(singles)) == 10 and singles.count("#d9d9d9") == 2,
              f"eleven colours in all (BY, LT and nine more), the two rarest 'other' in grey: {singles}")
        check("BY" in text and "other (2 values)" in text, "the legend lists the values and the rest")
        f, text = fills("score")
        shades = [f[f"e{i}"] for i in range(len(countries))]
        order = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6"]
        check(shades[0] == order[0] and shades[-1] == order[-1] and
              [order.index(s) for s in shades] == sorted(order.index(s) for s in shades),
              f"a fractional number: a scale, darker with the value: {shades}")
        check("0.1" in text and "0.9" in text, "the legend gives the scale's ends")


def test_legible():
    with tempfile.TemporaryDirectory() as tmp:
        svg = os.path.join(tmp, "p.svg")
        # the measure: Graphviz's own SVG of two labelled nodes pinned one upon the other, then apart
        for pos_b, want in (("10,10", 1.0), ("400,10", 0.0)):
            r = run("neato", "-n", "-Tsvg", "-o", svg,
                    input=f'graph {{ a [label="a long label here" pos="10,10"]; b [label="another long one" pos="{pos_b}"] }}')
            check(r.returncode == 0 and overlapping_share(svg) == want, f"the measure at b={pos_b}: {overlapping_share(svg)}")
        belarus = os.path.join(DATA, "..", "..", "graphs", "belarus", "belarus.json")
        cases = [(belarus, []), (belarus, ["-p", "around=person:alexander-lukashenko", "-p", "depth=2"])]
        real = os.path.join(CORPUS, "..", "realfiles")
        if os.path.isdir(real):
            cases += [(os.path.join(real, *f), []) for f in (("gml", "newman_karate.gml"), ("gml", "newman_football.gml"),
                      ("csv", "programminghistorian_quakers_edgelist.csv"),
                      ("gexf", "gephi-0.8.1_rio_v1.2draft.gexf"))]
        else:
            print("skipping the real graphs: ../shared/corpus/realfiles is absent")
        for graph, extra in cases:
            kgkit("export", "svg", graph, "-o", svg, *extra)
            w, h = svg_size(svg)
            share = overlapping_share(svg)
            what = f"{os.path.basename(graph)} {' '.join(extra)}"
            check(share == 0, f"{what}: {100 * share:.1f} % of the labels overlap another")
            check(1 / 3 <= w / h <= 3, f"{what}: aspect ratio {w:.0f} x {h:.0f}")


{"hostile": test_hostile, "styles": test_styles, "render": test_render, "size": test_size, "labels": test_labels,
 "legible": test_legible,
 "colors": test_colors,
 "focus": test_focus, "aspect": test_aspect, "culling": test_culling, "legend": test_legend, "import": test_import,
 "corpus": test_corpus}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
