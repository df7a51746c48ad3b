#!/usr/bin/python3
"""test_import_realfiles.py KGKIT SOURCE_DIR REALFILES_DIR TEST - files other tools wrote, read as those tools read them.

Tests:
  graphml   every GraphML file of the corpus (Gephi, graph-tool, igraph, NetworkX, yEd 3.14 and 3.17, yFiles for
            HTML) as NetworkX reads it; yEd's labels, groups as group entities with members, geometry kept, no
            white space taken for values; a newsroom's NetworkX file with its connection and sources; mapping errors.
  gexf      every GEXF file of the corpus (Gephi 0.8-0.9.3, NetworkX 3.2.1, the GEXF spec's dynamic example):
            node and edge counts, labels, weights and attributes as NetworkX 2.8 reads them (the raw <node> and
            <edge> elements for GEXF 1.3, which NetworkX 2.8 cannot read); direction, spells as dates, viz kept;
            kgkit's own GEXF back in; errors with line and column.
  nodelink  NetworkX's and D3's node-link JSON of the corpus (D3 links by index), kgkit's own back in, errors.
  gml       every GML file of the corpus (Newman's, NetworkX's, Cytoscape's, yEd's) as NetworkX reads it by id.
  ftm       FollowTheMoney entities (nomenklatura's donations fixture): things, payments as relations, properties
            as relations and claims against the FtM model; datasets as sources; errors.
  ftm_statements  the same fixture as FtM's statement table (nomenklatura's CSV columns, one row per value) reads
            into the same graph, each value citing its dataset with the statement behind it; canonical ids that
            merge entities, a value from two datasets, a schema and the one it extends; errors with row and column.
  looks     a file given to the wrong importer gets a message that names the right one.
The corpus is ../shared/corpus/realfiles (its README names each file's origin); without it the tests skip (77).
"""
import csv, hashlib, io, json, os, subprocess, sys, tempfile, warnings
import xml.etree.ElementTree as ET

warnings.simplefilter("ignore")  # NetworkX's notes on yEd's keys without types

KGKIT, SRC, REAL, TEST = sys.argv[1:5]
BELARUS = os.path.join(SRC, "graphs", "belarus", "belarus.json")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def need(module):
    try:
        return __import__(module)
    except ImportError:
        print(f"skipped: python3 module {module} is not installed")
        sys.exit(77)


def corpus(*parts):
    path = os.path.join(REAL, *parts)
    if not os.path.exists(path):
        print(f"skipped: {path} is not here (the shared corpus of real files)")
        sys.exit(77)
    return path


def kg_import(path, *args):
    r = subprocess.run([KGKIT, "import", path, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"kgkit import {path}: {r.stderr}")
    doc = json.loads(r.stdout)
    ents = {e["id"]: e for e in doc.get("entities", []) if e.get("kind") != "source"}
    return ents, doc["statements"], r.stderr


def raw_counts(path):
    root = ET.parse(path).getroot()
    local = lambda t: t.rsplit("}", 1)[-1]
    nodes = [el for el in root.iter() if local(el.tag) == "node"]
    edges = [el for el in root.iter() if local(el.tag) == "edge"]
    return nodes, edges


def fails(path, args, message):
    r = subprocess.run([KGKIT, "import", path, *args], capture_output=True, text=True)
    check(r.returncode != 0 and message in r.stderr, f"{os.path.basename(path)}: expected {message!r}, got {r.stderr!r}")


def test_graphml():
    nx = need("networkx")
    folder = corpus("graphml")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        ents, stmts, _ = kg_import(path)
        G = nx.read_graphml(path)
        members = [s for s in stmts if s["predicate"] == "member_of"]
        edges = sum(s.get("attrs", {}).get("multiplicity", 1) for s in stmts if s["predicate"] != "member_of")
        check(len(ents) == G.number_of_nodes(), f"{name}: {len(ents)} entities, NetworkX {G.number_of_nodes()}")
        check(edges == G.number_of_edges(), f"{name}: {edges} edges (parallel ones counted), NetworkX {G.number_of_edges()}")
        for e in ents.values():  # nothing is the white space that indents nested XML
            for k, v in e.get("attrs", {}).items():
                check(not (isinstance(v, str) and v and not v.strip()), f"{name}: {e['id']}.{k} is only white space")
        root = ET.parse(path).getroot()
        y = "{http://www.yworks.com/xml/graphml}"
        for el in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
            label = next(el.iter(y + "NodeLabel"), None)
            if label is not None and (label.text or "").strip():
                check(ents[el.get("id")].get("label") == label.text.strip(), f"{name}: yEd's label of {el.get('id')}")
            if el.get("yfiles.foldertype") == "group":
                check(ents[el.get("id")]["kind"] == "group", f"{name}: {el.get('id')} is a group")
                inner = [n.get("id") for n in el.findall("{http://graphml.graphdrawing.org/xmlns}graph/"
                                                         "{http://graphml.graphdrawing.org/xmlns}node")]
                check(all(any(m["subject"] == i and m["object"] == el.get("id") for m in members) for i in inner),
                      f"{name}: the members of {el.get('id')}")
            if el.find(".//" + y + "Geometry") is not None:
                check("x" in ents[el.get("id")].get("attrs", {}).get("yed", {}), f"{name}: yEd's geometry kept")
    fails(os.path.join(folder, "yfiles-html-2.6_igraph-fuzz-yfiles.graphml"), ["-p", "strict=true"],
          "GraphML: 16 <data> elements of nested XML with no value of their own not read")
    # parallel edges: kept as a multiplicity, written back as that many edges, read back the same
    with tempfile.TemporaryDirectory() as tmp:
        dot = os.path.join(tmp, "p.gv")
        open(dot, "w").write("digraph { a -> b; a -> b; a -> b; b -> c }\n")
        _, st, _ = kg_import(dot)
        ab = [s for s in st if s["subject"] == "a"]
        check(len(ab) == 1 and ab[0]["attrs"].get("multiplicity") == 3, f"three parallel edges, one relation: {ab}")
        for fmt, reader in (("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
                            ("gexf", None), ("nodelink", None)):
            out = os.path.join(tmp, "p." + fmt)
            subprocess.run([KGKIT, "-q", "export", fmt, dot, "-o", out], check=True)
            if reader:
                M = reader(out)
                check(M.number_of_edges("a", "b") == 3, f"{fmt}: NetworkX reads 3 edges a-b, not {M.number_of_edges('a', 'b')}")
            _, back, _ = kg_import(out)
            ab = [s for s in back if s["subject"] == "a" and s["object"] == "b"]
            check(len(ab) == 1 and ab[0]["attrs"].get("multiplicity") == 3, f"{fmt}: back as one relation of three: {ab}")
    # kgkit's own files keep who each source is: title, url, published date, publisher
    belarus = json.load(open(BELARUS, encoding="utf-8"))
    want = {x["id"]: {k: x.get(k) for k in ("title", "url", "published", "publisher")} for x in belarus["sources"]}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("graphml", "gexf", "nodelink"):
            out = os.path.join(tmp, "b." + fmt)
            subprocess.run([KGKIT, "-q", "export", fmt, BELARUS, "-o", out], check=True)
            back = json.loads(subprocess.run([KGKIT, "-q", "import", out], capture_output=True, text=True).stdout)
            got = {x["id"]: {k: x.get(k) for k in ("title", "url", "published", "publisher")} for x in back.get("sources", [])}
            check(got == want, f"{fmt}: the sources back with their titles and dates: {got}")
    # a newsroom's NetworkX GraphML: the connection as the predicate, sources as URLs and titles, said so
    path = os.path.join(SRC, "tests", "data", "graphml", "trumpworld-excerpt.graphml")
    r = subprocess.run([KGKIT, "import", path], capture_output=True, text=True)
    doc = json.loads(r.stdout)
    srcs = {s["id"]: s for s in doc.get("sources", [])}
    rel = {(s["subject"], s["object"]): s for s in doc["statements"]}
    s = rel[("IVANKA TRUMP", "JARED KUSHNER")]
    check(s["predicate"] == "Married" and [srcs[x].get("title") for x in s["sources"]] == ["General knowledge"],
          f"connection and a title source: {s}")
    s = rel[("IVANKA TRUMP", "SLC TURNBERRY LIMITED")]
    check(srcs[s["sources"][0]].get("url") == "https://beta.companieshouse.gov.uk/company/SC177810/officers",
          f"a URL source: {s}")
    check(all(x["attrs"].get("undirected") for x in doc["statements"]), "edgedefault=undirected kept")
    check('GraphML: read predicate from "connection"' in r.stderr, f"what was read as what is said: {r.stderr}")
    fails(path, ["-p", "predicate=conection"], 'predicate="conection": no node or edge has that attribute '
                                               '(did you mean "connection"?)')
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "w.graphml")
        open(bad, "w").write('<graphml><key id="w" for="edge" attr.name="cost"/><graph><node id="a"/><node id="b"/>'
                             '<edge source="a" target="b"><data key="w">high</data></edge></graph></graphml>')
        fails(bad, ["-p", "weight=cost"], 'the weight "high" is not a number')
        # another tool's own attributes under kgkit's names are kept when they cannot be what kgkit means
        odd = os.path.join(tmp, "odd.graphml")
        open(odd, "w").write('<graphml><key id="t" for="node" attr.name="type" attr.type="int"/>'
                             '<key id="l" for="node" attr.name="label" attr.type="int"/>'
                             '<key id="n" for="node" attr.name="date"/><key id="d" for="edge" attr.name="date"/>'
                             '<graph><node id="a"><data key="t">3</data><data key="l">7</data>'
                             '<data key="n">1999-2001</data></node><node id="b"/><edge source="a" target="b">'
                             '<data key="d">sometime in 2019</data></edge></graph></graphml>')
        ents, st, _ = kg_import(odd)
        check(ents["a"].get("label") == "7" and ents["a"]["attrs"] == {"type": 3, "date": "1999-2001"},
              f"a numeric label as text, a numeric type and a non-date kept: {ents['a']}")
        check(st[0]["attrs"].get("date") == "sometime in 2019" and "as_of" not in st[0], f"an edge's non-date kept: {st[0]}")


def test_gexf():
    nx = need("networkx")
    folder = corpus("gexf")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        ents, stmts, _ = kg_import(path)
        nodes, edges = raw_counts(path)
        check(len(ents) == len(nodes), f"{name}: {len(ents)} entities, {len(nodes)} <node> elements")
        check(len(stmts) == len(edges), f"{name}: {len(stmts)} relations, {len(edges)} <edge> elements")
        for el in nodes:  # every label, as written
            if el.get("label") is not None:
                check(ents[el.get("id")].get("label") == el.get("label"), f"{name}: label of {el.get('id')}")
        try:
            G = nx.read_gexf(path, node_type=str, version="1.2draft")
        except Exception:
            G = None  # NetworkX 2.8 reads no GEXF 1.3
        if G is None:
            continue
        check(G.number_of_nodes() == len(ents) and G.number_of_edges() == len(stmts), f"{name}: NetworkX's counts")
        undirected = not G.is_directed()
        check(all(bool(s.get("attrs", {}).get("undirected")) == undirected for s in stmts), f"{name}: direction")
        by_ends = {}
        for s in stmts:
            by_ends.setdefault((s["subject"], s["object"]), []).append(s)
        for u, v, data in G.edges(data=True):
            ss = by_ends.get((u, v)) or by_ends.get((v, u)) or []
            check(ss, f"{name}: edge {u}-{v}")
            if ss and "weight" in data:
                check(any(abs(s["attrs"].get("weight", -1) - float(data["weight"])) < 1e-9 for s in ss),
                      f"{name}: weight of {u}-{v}")
        for n, data in list(G.nodes(data=True))[:50]:
            attrs = ents[n].get("attrs", {})
            for k, v in data.items():
                if k in ("label", "viz"):
                    continue
                check(attrs.get(k) == v or str(attrs.get(k)) == str(v), f"{name}: {n}.{k} {attrs.get(k)!r} vs {v!r}")
            if "viz" in data:
                check("viz" in attrs, f"{name}: {n} keeps its viz")
    # a mixed graph: each edge's own type
    ents, stmts, _ = kg_import(corpus("gexf", "gephi-0.9_mixed-sample_v1.3.gexf"))
    kinds = sorted(bool(s.get("attrs", {}).get("undirected")) for s in stmts)
    check(kinds == [False, False, True, True], f"mixed graph: two undirected edges of four {kinds}")
    # the GEXF spec's dynamic example: spells and start/end as dates, several spells kept
    ents, stmts, _ = kg_import(corpus("gexf", "gexfnet_dynamics-spells_v1.3.gexf"))
    check(ents["0"].get("date") == "2009-03-01/..", f"a node's start as an open interval: {ents['0'].get('date')}")
    check(ents["0"]["attrs"].get("url") == "http://gephi.org", "a static attvalue")
    check(ents["1"]["attrs"].get("frog") is True, "a declared default")
    check(isinstance(ents["1"]["attrs"].get("indegree"), list) and len(ents["1"]["attrs"]["indegree"]) == 3,
          f"a dynamic attvalue as its values over time: {ents['1']['attrs'].get('indegree')}")
    check(len(ents["2"]["attrs"].get("spells", [])) == 2 and "date" not in ents["2"], "two spells kept as they are")
    spans = sorted(s.get("as_of", "") for s in stmts)
    check("2009-03-01/2009-03-10" in spans and "../2009-03-10" in spans, f"edge spells as as_of: {spans}")
    # kgkit's own GEXF back in: labels, kinds, predicates, dates, citations
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "b.gexf")
        subprocess.run([KGKIT, "-q", "export", "gexf", BELARUS, "-o", out], check=True)
        ents, stmts, _ = kg_import(out)
        doc = json.load(open(BELARUS, encoding="utf-8"))
        orig = {e["id"]: e for e in doc["entities"] if e.get("kind") != "source"}
        check(set(orig) == set(ents), "every entity back")
        check(all(ents[i].get("label") == e.get("label", ents[i].get("label")) and ents[i].get("kind") == e.get("kind")
                  for i, e in orig.items()), "labels and kinds back")
        rels = {(s["subject"], s["predicate"], s["object"]): s for s in stmts}
        want = [(s["subject"], s["predicate"], s["object"], s.get("as_of")) for s in doc["statements"] if "object" in s]
        check(all(k[:3] in rels for k in want), "every relation back, with its predicate")
        check(all(rels[k[:3]].get("as_of") == k[3] for k in want if k[3]), "as_of back from spells, as written")
        check(all(rels[k[:3]].get("sources") for k in want), "citations back")
        # errors name the place
        bad = os.path.join(tmp, "bad.gexf")
        for content, message in (
                ('<gexf>\n<graph>\n<nodes><node id="a">\n</nodes></graph></gexf>', "bad.gexf:4:3: GEXF: mismatched tag"),
                ('<gexf><graph><nodes><node id="a"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>',
                 'bad.gexf:1:50: GEXF: <edge> names no node "b"'),
                ('<gexf><graph><nodes><node id="a"><attvalues><attvalue for="7" value="x"/></attvalues></node></nodes>'
                 '</graph></gexf>', '<attvalue for="7">: no node attribute with that id is declared'),
                ('<gexf><graph><nodes><node id="a"/></nodes><edges><edge source="a" target="a" weight="heavy"/>'
                 '</edges></graph></gexf>', '<edge weight="heavy">: the weight is not a number'),
                ('<gexf><graph><nodes><node label="x"/></nodes></graph></gexf>', "bad.gexf:1:21: GEXF: <node> needs an id")):
            open(bad, "w").write(content)
            fails(bad, [], message)
        # what is not read is said
        open(bad, "w").write('<gexf><graph><nodes><node id="a"><foo:bar/></node></nodes></graph></gexf>')
        _, _, warn = kg_import(bad)
        check("GEXF: 1 element not read (the first: <foo:bar>)" in warn, f"unread elements said: {warn}")
        fails(bad, ["-p", "strict=true"], "GEXF: 1 element not read (the first: <foo:bar>) (with strict=true this is an error)")


def test_nodelink():
    nx = need("networkx")
    from networkx.readwrite import json_graph
    for name in ("networkx_florentine-force.json", "d3-sankey_energy.json"):
        path = corpus("nodelink-json", name)
        ents, stmts, _ = kg_import(path)
        data = json.load(open(path, encoding="utf-8"))
        if name.startswith("d3"):  # D3: nodes without ids, links by index; NetworkX needs the ids made up
            for i, n in enumerate(data["nodes"]):
                n["id"] = i
        G = json_graph.node_link_graph(data)  # undirected unless the file says "directed": true, as NetworkX
        check(G.number_of_nodes() == len(ents), f"{name}: {len(ents)} entities, NetworkX {G.number_of_nodes()}")
        check(G.number_of_edges() == len(stmts), f"{name}: {len(stmts)} relations, NetworkX {G.number_of_edges()}")
        for n, d in G.nodes(data=True):
            e = ents[str(n)]
            if "name" in d:
                check(e.get("label") == d["name"], f"{name}: {n} named {d['name']}")
            for k, v in d.items():
                if k not in ("name", "label", "id"):
                    check(e.get("attrs", {}).get(k) == v, f"{name}: {n}.{k}")
        check(all(bool(s.get("attrs", {}).get("undirected")) == (not G.is_directed()) for s in stmts),
              f"{name}: direction")
        if name.startswith("d3"):
            values = sorted(round(s["attrs"]["value"], 6) for s in stmts)
            check(values == sorted(round(d["value"], 6) for _, _, d in G.edges(data=True)), "D3 link values")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "b.nodelink.json")
        subprocess.run([KGKIT, "-q", "export", "nodelink", BELARUS, "-o", out], check=True)
        ents, stmts, warn = kg_import(out)
        doc = json.load(open(BELARUS, encoding="utf-8"))
        orig = {e["id"]: e for e in doc["entities"] if e.get("kind") != "source"}
        check(set(orig) == set(ents) and all(ents[i].get("kind") == e.get("kind") for i, e in orig.items()),
              "kgkit's node-link back: entities and kinds")
        check(all(ents[i].get("aliases", []) == e.get("aliases", []) for i, e in orig.items()), "aliases back")
        rels = {(s["subject"], s["predicate"], s["object"]): s for s in stmts}
        want = [s for s in doc["statements"] if "object" in s]
        check(len(rels) == len(want) and all((s["subject"], s["predicate"], s["object"]) in rels for s in want),
              "every relation back")
        check(all(rels[(s["subject"], s["predicate"], s["object"])].get("as_of") == s.get("as_of") for s in want),
              "as_of back")
        check(warn == "", f"kgkit's own file reads without warnings: {warn!r}")
        # copy the same file through the generic name: the content, not ".json", decides
        generic = os.path.join(tmp, "b.json")
        os.rename(out, generic)
        ents2, _, _ = kg_import(generic)
        check(set(ents2) == set(ents), "node-link in a .json file is read as node-link")
        bad = os.path.join(tmp, "bad.nodelink.json")
        for content, message in (('{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}',
                                  'links[0]: target names no node: b'),
                                 ('{"nodes": [{}], "links": [{"source": 0, "target": 3}]}',
                                  'links[0]: "target" must be the index of a node (0 to 0)'),
                                 ('{"nodes": [{"id": [1]}]}', 'nodes[0]: "id" must be a string or an integer'),
                                 ('{"links": []}', 'expected an object with a list "nodes"'),
                                 ('{"nodes": [\n{"id": "a",}]}', "bad.nodelink.json:2:12: node-link JSON:")):
            open(bad, "w").write(content)
            fails(bad, [], message)
        open(bad, "w").write('{"directed": true, "graph": {"name": "g"}, "nodes": [{"id": "a"}], "links": [], "extra": 1}')
        _, _, warn = kg_import(bad)
        check("the graph's own attributes are not read (name)" in warn and 'the key "extra" is not read' in warn,
              f"what is not read is said: {warn!r}")
        fails(bad, ["-p", "strict=true"], "not read (name) (with strict=true this is an error)")


def test_gml():
    nx = need("networkx")
    folder = corpus("gml")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        ents, stmts, _ = kg_import(path)
        G = nx.read_gml(path, label="id")  # nodes by their GML id, as kgkit names them
        check(G.number_of_nodes() == len(ents), f"{name}: {len(ents)} entities, NetworkX {G.number_of_nodes()}")
        check(G.number_of_edges() == len(stmts), f"{name}: {len(stmts)} relations, NetworkX {G.number_of_edges()}")
        for n, d in G.nodes(data=True):
            e = ents[str(n)]
            if d.get("label"):
                check(e.get("label") == d["label"], f"{name}: label of {n}")
            for k, v in d.items():
                if k not in ("label", "graphics", "LabelGraphics", "pos") and not isinstance(v, (dict, list)):
                    check(e.get("attrs", {}).get(k) == v, f"{name}: {n}.{k} {e.get('attrs', {}).get(k)!r} vs {v!r}")
        check(all(bool(s.get("attrs", {}).get("undirected")) == (not G.is_directed()) for s in stmts),
              f"{name}: direction")
    ents, _, warn = kg_import(os.path.join(folder, "yfiles-2.10_yed_arrows.gml"))
    check("GML: the graph's own attributes are not read (hierarchic, label)" in warn, f"said: {warn!r}")
    check("Composite vertex attribute 'graphics' ignored" in warn, f"igraph's omissions said: {warn!r}")
    fails(os.path.join(folder, "yfiles-2.10_yed_arrows.gml"), ["-p", "strict=true"], "(with strict=true this is an error)")
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.gml")
        for content, message in (('graph [\n  node [ id 1 ]\n  edge [ source 1 target 2 ]\n]\n',
                                  "bad.gml:3: GML: Unknown target node id"),
                                 ('graph [\n  node [ id 1\n', "bad.gml:3: GML: Parse error in GML file, line 3"),
                                 ('graph [\n  node [ id 1 ]\n  node [ id 1 ]\n]\n', "bad.gml:3: GML: Duplicate node id")):
            open(bad, "w").write(content)
            fails(bad, [], message)


def test_ftm():
    path = corpus("ftm", "nomenklatura_donations.ijson")
    recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    ents, stmts, warn = kg_import(path)
    things = [r for r in recs if r["schema"] != "Payment"]
    payments = [r for r in recs if r["schema"] == "Payment"]
    check(len(ents) == len(things), f"{len(ents)} entities for {len(things)} things")
    kinds = {"Organization": "organization", "Company": "company", "Person": "person", "Address": "address"}
    for r in things:
        e = ents.get(r["id"], {})
        check(e.get("kind") == kinds[r["schema"]], f"{r['id']}: kind {e.get('kind')}")
        names = r["properties"].get("name") or r["properties"].get("full")
        check(e.get("label") == names[0], f"{r['id']}: label from the caption")
        for a in r["properties"].get("addressEntity", []):
            check(any(s["subject"] == r["id"] and s.get("object") == a and s["predicate"] == "address_entity"
                      for s in stmts), f"{r['id']}: its address as a relation")
        for c in r["properties"].get("country", []):
            check(any(s["subject"] == r["id"] and s["predicate"] == "country" and s.get("value") == c
                      for s in stmts), f"{r['id']}: country as a claim")
    paid = [s for s in stmts if s["predicate"] == "paid"]
    check(len(paid) == len(payments), f"{len(paid)} payments as relations of {len(payments)}")
    by_id = {s["attrs"]["ftm_id"]: s for s in paid}
    for p in payments:
        s = by_id.get(p["id"])
        check(s and s["subject"] == p["properties"]["payer"][0] and s["object"] == p["properties"]["beneficiary"][0]
              and s.get("as_of") == p["properties"]["date"][0] and s["attrs"].get("amountEur") == p["properties"]["amountEur"][0],
              f"payment {p['id']}: payer, beneficiary, date, amount")
    check(warn == "", f"nothing dangles in this file: {warn!r}")
    # datasets as sources; a reference outside the file stands in, and is said
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "x.ijson")
        open(f, "w").write(json.dumps({"id": "p1", "schema": "Person", "datasets": ["us_ofac_sdn"],
                                       "properties": {"name": ["Ivan Petrov", "I. Petrov"], "birthDate": ["1960-02-01"],
                                                      "nationality": ["ru"]}}) + "\n" +
                           json.dumps({"id": "o1", "schema": "Ownership", "datasets": ["us_ofac_sdn"],
                                       "properties": {"owner": ["p1"], "asset": ["c9"], "percentage": ["51"],
                                                      "startDate": ["2019-05"]}}) + "\n")
        ents, stmts, warn = kg_import(f)
        check(ents["p1"].get("aliases") == ["I. Petrov"], f"other names as aliases: {ents['p1']}")
        birth = [s for s in stmts if s["predicate"] == "birth_date"]
        check(birth and birth[0]["value"] == {"date": "1960-02-01"} and birth[0]["sources"] == ["dataset:us_ofac_sdn"],
              f"a date claim citing its dataset: {birth}")
        owns = [s for s in stmts if s["predicate"] == "owns"]
        check(owns and owns[0]["object"] == "c9" and owns[0].get("as_of") == "2019-05/.." and
              owns[0]["attrs"]["percentage"] == "51", f"a link with its interval and attributes: {owns}")
        check(ents.get("c9", {}).get("kind") == "asset" and "1 entity named by a property is not in the file (the first: c9)" in warn,
              f"a reference outside the file stands in, said: {warn!r}")
        many = [f"ds{i}" for i in range(40)]
        open(f, "w").write(json.dumps({"id": "p2", "schema": "Person", "datasets": many,
                                       "properties": {"name": ["Many Lists"], "country": ["ru"]}}) + "\n")
        _, stmts, _ = kg_import(f)
        check(sorted(stmts[0]["sources"]) == sorted("dataset:" + d for d in many), "every one of 40 datasets cited")
        for content, message in (
                ('{"id": "a", "schema": "Persn", "properties": {}}', 'x.ijson:1: FtM: entity "a": no schema "Persn" in FollowTheMoney (did you mean "Person"?)'),
                ('{"id": "a", "schema": "Person", "properties": {"nam": ["x"]}}', 'the schema Person has no property "nam" (did you mean "name"?)'),
                ('{"id": "a", "schema": "Person", "properties": {"name": "x"}}', 'property "name" must be a list of values'),
                ('{"id": "p", "schema": "Payment", "properties": {"payer": ["a"]}}', 'the Payment "p" has no beneficiary'),
                ('{"id": "a", "schema": "Person"}\n{"id": "a", "schema": "Person"}', 'x.ijson:2: FtM: entity "a" appears twice (first on line 1)'),
                ('{"id": "a", "schema": "Person", "properties": {}}\n{"id": ', "x.ijson:2:")):
            open(f, "w").write(content)
            fails(f, [], message)


# nomenklatura's statement table (nomenklatura/statement/serialize.py, CSV_COLUMNS), and the FtM model's type of each
# property the donations fixture uses (followthemoney's schema YAML).
STATEMENT_COLUMNS = ["canonical_id", "entity_id", "prop", "prop_type", "schema", "value", "dataset", "lang",
                     "original_value", "external", "first_seen", "last_seen", "id"]
DONATION_TYPES = {"city": "string", "country": "country", "full": "address", "street": "string",
                  "addressEntity": "entity", "name": "name", "amountEur": "number", "beneficiary": "entity",
                  "date": "date", "namesMentioned": "name", "payer": "entity"}


def statement_table(recs, dataset, seen):
    """The entities as FtM writes their statements: a row saying each exists (prop "id"), then one per value."""
    out = io.StringIO()
    w = csv.writer(out, dialect=csv.unix_dialect)
    w.writerow(STATEMENT_COLUMNS)
    for r in recs:
        rows = [("id", "id", r["id"])] + [(k, DONATION_TYPES[k], v) for k, vs in r["properties"].items() for v in vs]
        for prop, ptype, value in rows:
            sid = hashlib.sha1(f"{dataset}.{r['id']}.{prop}.{value}".encode()).hexdigest()
            w.writerow([r["id"], r["id"], prop, ptype, r["schema"], value, dataset, "", "", "", seen, seen, sid])
    return out.getvalue()


def test_ftm_statements():
    path = corpus("ftm", "nomenklatura_donations.ijson")
    recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    want_ents, want_stmts, _ = kg_import(path)
    key = lambda s: (s["subject"], s["predicate"], s.get("object"), json.dumps(s.get("value")), s.get("as_of"))
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "donations.statements.csv")
        open(f, "w", encoding="utf-8").write(statement_table(recs, "donations", "2023-01-05T10:00:00"))
        ents, stmts, warn = kg_import(f)  # no --from: the header says what it is
        check(warn == "", f"nothing to say of a clean table: {warn!r}")
        check(sorted(ents) == sorted(want_ents), f"{len(ents)} entities from the statements, {len(want_ents)} from the JSON")
        for i, e in ents.items():
            w = want_ents.get(i, {})
            check((e.get("kind"), e.get("label"), e.get("aliases")) == (w.get("kind"), w.get("label"), w.get("aliases")),
                  f"{i}: kind, label and aliases as from the JSON: {e} / {w}")
            check(e.get("attrs", {}).get("first_seen") == "2023-01-05T10:00:00", f"{i}: first seen kept: {e.get('attrs')}")
        check(sorted(map(key, stmts)) == sorted(map(key, want_stmts)),
              f"the same {len(want_stmts)} relations and claims as from the JSON, not {len(stmts)}")
        check(all(s.get("sources") == ["dataset:donations"] for s in stmts), "each cites the dataset its statement names")
        claims = [s for s in stmts if "value" in s]
        for s in claims:
            behind = s.get("attrs", {}).get("ftm_statements", [])
            check(len(behind) == 1 and behind[0].get("dataset") == "donations" and len(behind[0].get("id", "")) == 40
                  and behind[0].get("last_seen") == "2023-01-05T10:00:00",
                  f"{s['subject']} {s['predicate']}: the statement behind it: {behind}")
    # what FtM's own tables hold beyond one file: merged ids, one value from two datasets, a schema and its parent
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "merged.csv")
        rows = [STATEMENT_COLUMNS[:-1] + ["id", "origin"],
                ["NK-1", "ofac-123", "id", "id", "LegalEntity", "ofac-123", "us_ofac_sdn", "", "", "", "2022-03-01T00:00:00", "2024-06-01T00:00:00", "s1", ""],
                ["NK-1", "ofac-123", "name", "name", "LegalEntity", "Ivan Petrov", "us_ofac_sdn", "", "", "", "2022-03-01T00:00:00", "2024-06-01T00:00:00", "s2", "sdn.xml"],
                ["NK-1", "eu-77", "name", "name", "Person", "Ivan Petrov", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s3", ""],
                ["NK-1", "eu-77", "name", "name", "Person", "Иван Петров", "eu_fsf", "rus", "Иван ПЕТРОВ", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s4", ""],
                ["NK-1", "eu-77", "birthDate", "date", "Person", "1960-02-01", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s5", "fsf.xml"],
                ["NK-1", "ofac-123", "country", "country", "LegalEntity", "ru", "us_ofac_sdn", "", "", "", "2022-03-01T00:00:00", "2024-06-01T00:00:00", "s10", ""],
                ["NK-1", "eu-77", "country", "country", "Person", "ru", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s11", ""],
                ["NK-1", "wd-Q1", "nationality", "text", "Person", "ru", "wikidata", "", "", "t", "2023-01-01T00:00:00", "2023-01-01T00:00:00", "s6", ""],
                ["OWN-1", "OWN-1", "owner", "entity", "Ownership", "NK-1", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s7", ""],
                ["OWN-1", "OWN-1", "asset", "entity", "Ownership", "C-9", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s8", ""],
                ["OWN-1", "OWN-1", "startDate", "date", "Ownership", "2019-05", "eu_fsf", "", "", "", "2021-11-02T00:00:00", "2024-05-30T00:00:00", "s9", ""]]
        out = io.StringIO()
        csv.writer(out, dialect=csv.unix_dialect).writerows(rows)
        open(f, "w", encoding="utf-8").write(out.getvalue())
        ents, stmts, warn = kg_import(f)
        p = ents.get("NK-1", {})
        check(p.get("kind") == "person" and p.get("label") == "Ivan Petrov" and p.get("aliases") == ["Иван Петров"],
              f"one person under the canonical id, the more specific schema, the other name an alias: {p}")
        check(sorted(p.get("attrs", {}).get("referents", [])) == ["eu-77", "ofac-123", "wd-Q1"] and
              p["attrs"].get("first_seen") == "2021-11-02T00:00:00" and p["attrs"].get("last_seen") == "2024-06-01T00:00:00",
              f"the merged ids and the earliest and latest sightings: {p.get('attrs')}")
        birth = [s for s in stmts if s["predicate"] == "birth_date"]
        check(birth and birth[0]["sources"] == ["dataset:eu_fsf"] and birth[0]["attrs"]["ftm_statements"][0]["id"] == "s5"
              and birth[0]["attrs"]["ftm_statements"][0]["origin"] == "fsf.xml",
              f"a value cites the dataset of its own statement, not every dataset of the entity: {birth}")
        country = [s for s in stmts if s["predicate"] == "country"]
        check(len(country) == 1 and sorted(country[0]["sources"]) == ["dataset:eu_fsf", "dataset:us_ofac_sdn"] and
              sorted(x["id"] for x in country[0]["attrs"]["ftm_statements"]) == ["s10", "s11"],
              f"one value from two datasets is one claim citing both, with both statements: {country}")
        nat = [s for s in stmts if s["predicate"] == "nationality"]
        check(nat and nat[0]["value"] == "ru" and nat[0]["attrs"]["ftm_statements"][0].get("external") == "t",
              f"an external statement kept and marked: {nat}")
        own = [s for s in stmts if s["predicate"] == "owns"]
        check(own and own[0]["subject"] == "NK-1" and own[0]["object"] == "C-9" and own[0].get("as_of") == "2019-05/.."
              and own[0]["sources"] == ["dataset:eu_fsf"], f"a link from its statements: {own}")
        check("1 statement is external" in warn and "1 value has a prop_type other than the FtM model's (the first: "
              "Person:nationality is \"text\" here, \"country\" in the model)" in warn, f"said: {warn!r}")
        head = ",".join(STATEMENT_COLUMNS) + "\n"
        for content, message in (
                (head + "a,a,name,name,Persn,X,d,,,,,,s\n", 'merged.csv:2:5: FtM statements: no schema "Persn" in FollowTheMoney (did you mean "Person"?)'),
                (head + "a,a,nam,name,Person,X,d,,,,,,s\n", 'merged.csv:2:3: FtM statements: entity "a": the schema Person has no property "nam" (did you mean "name"?)'),
                (head + "a,a,name,name,Person,,d,,,,,,s\n", 'merged.csv:2:6: FtM statements: entity "a": an empty value of name'),
                (head + "a,a,name,name,Person,X,d,,,,,,s\na,a,name,name,Company,Y,d,,,,,,t\n",
                 'merged.csv:3:5: FtM statements: entity "a" is a Company here and a Person on line 2, and neither schema extends the other'),
                (head + "a,a,name,name,Person,X,d\n", "merged.csv:2: FtM statements: this row has 7 fields, the header 13"),
                (head + ",,name,name,Person,X,d,,,,,,s\n", "merged.csv:2:1: FtM statements: a statement needs the id of its entity"),
                (head + 'a,a,name,name,Person,"X,d\n', "merged.csv:2:6: a quoted field opened on line 2 is never closed"),
                (head.replace("lang", "prop") + "a,a,name,name,Person,X,d,,,,,,s\n", 'merged.csv:1:8: FtM statements: column "prop" appears twice')):
            open(f, "w", encoding="utf-8").write(content)
            fails(f, [], message)
        fails(f, ["--from", "csv"], "it looks like ftm")


def test_looks():
    gexf = corpus("gexf", "gephi-0.9_mixed-sample_v1.3.gexf")
    fails(gexf, ["--from", "graphml"], "this is not graphml: it looks like gexf (GEXF 1.1-1.3 (Gephi, NetworkX)); "
                                       "read it with --from gexf")
    nodelink = corpus("nodelink-json", "networkx_florentine-force.json")
    fails(nodelink, ["--from", "json"], "it looks like nodelink")


    gml = corpus("gml", "newman_karate.gml")
    fails(gml, ["--from", "dot"], "this is not dot: it looks like gml")


    fails(corpus("ftm", "nomenklatura_donations.ijson"), ["--from", "jsonl"], "it looks like ftm")


{"graphml": test_graphml, "gexf": test_gexf, "nodelink": test_nodelink, "gml": test_gml, "ftm": test_ftm, "ftm_statements": test_ftm_statements, "looks": test_looks}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
