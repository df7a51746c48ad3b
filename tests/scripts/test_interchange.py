#!/usr/bin/python3
"""test_interchange.py KGKIT SOURCE_DIR TEST - each export read back by the tool it is for.

Tests: graphml (NetworkX and python-igraph), graphml_import (kgkit's own and NetworkX's files back in), gexf (NetworkX for 1.2draft; the 1.3 structure),
nodelink and cyjs (NetworkX), nquads (rdflib: one named graph per source), neo4j (the CSV
header grammar of neo4j-admin import, rows, references), cypher (one statement per element).
Each runs on the Belarus graph after the agreement and communities analyses, and on the
hostile-labels fixture. Skipped (77) when the consumer is not installed.
"""
import csv, io, json, os, re, subprocess, sys, tempfile

from hostile import hostile_graph
import xml.etree.ElementTree as ET

KGKIT, SRC, TEST = sys.argv[1:4]
BELARUS = os.path.join(SRC, "graphs", "belarus", "belarus.json")
HOSTILE = os.path.join(SRC, "tests", "data", "hostile-labels.json")
INTERVALS = os.path.join(SRC, "tests", "cases", "json-valid", "intervals-and-vague", "input.json")
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


def export(graph, fmt, tmp, *params):
    out = os.path.join(tmp, os.path.basename(graph) + "." + fmt)
    args = [KGKIT, "-q", "run", graph, "-a", "agreement=" + os.path.join(tmp, "a.json"),
            "-a", "communities=" + os.path.join(tmp, "c.json"), "-e", f"{fmt}={out}"]
    for p in params:
        args += ["-p", f"{fmt}.{p}"]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"export {fmt} of {graph}: {r.stderr}")
    return out


def expected(graph):
    """Nodes {id: entity} (not sources) and edges [(subject, object, predicate)] between them."""
    doc = json.load(open(graph, encoding="utf-8"))
    nodes = {e["id"]: e for e in doc.get("entities", []) if e.get("kind") != "source"}
    edges = [(s["subject"], s["object"], s["predicate"]) for s in doc["statements"]
             if "object" in s and s["subject"] in nodes and s["object"] in nodes]
    return nodes, edges


def xml_clean(s):
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in s)


def name_of(e):
    return e.get("label") or e["id"]


def check_networkx(G, graph, label_key="label", clean=xml_clean):
    nodes, edges = expected(graph)
    check(set(G.nodes) == {clean(n) for n in nodes}, f"{graph}: node ids ({len(G.nodes)} vs {len(nodes)})")
    check(G.number_of_edges() == len(edges), f"{graph}: {G.number_of_edges()} edges, expected {len(edges)}")
    for n, e in nodes.items():
        got = G.nodes.get(clean(n), {})
        check(got.get(label_key) == clean(name_of(e)), f"label of {n!r}: {got.get(label_key)!r}")
        check(got.get("kind") == e.get("kind", "entity"), f"kind of {n!r}")
    preds = sorted(d.get("predicate") for _, _, d in G.edges(data=True))
    check(preds == sorted(clean(p) for _, _, p in edges), f"{graph}: predicates on edges")


def test_graphml():
    nx = need("networkx")
    with tempfile.TemporaryDirectory() as tmp:
        for graph in (BELARUS, HOSTILE):
            path = export(graph, "graphml", tmp)
            G = nx.read_graphml(path)
            check_networkx(G, graph)
            if graph == BELARUS:
                lk = G.nodes["person:alexander-lukashenko"]
                check(isinstance(lk.get("community"), int), f"typed keys: community is {type(lk.get('community'))}")
                check(json.loads(lk["aliases"]) == ["Lukashenko"], "lists as JSON text")
                text = open(path, encoding="utf-8").read()
                contents = re.findall(r'<data key="[^"]*">([^<]*)</data>', text)
                check(any('"' in c for c in contents) and not any("&quot;" in c for c in contents),
                      "a <data> element's JSON keeps its double quotes as they are (&quot; only in attribute values)")
                statuses = {d.get("agreement.status") for _, _, d in G.edges(data=True)}
                check({"agreed", "single"} <= statuses, f"verdicts on edges: {statuses}")
                check(any(json.loads(d["sources"]) == ["src:001", "src:003"] for _, _, d in G.edges(data=True)),
                      "sources on edges")
                ig = need("igraph")
                g = ig.Graph.Read_GraphML(path)
                check(g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges(),
                      f"python-igraph reads {g.vcount()} vertices, {g.ecount()} edges")
                check("Alexander Lukashenko" in g.vs["label"], "python-igraph sees the labels")


def test_graphml_import():
    nx = need("networkx")
    with tempfile.TemporaryDirectory() as tmp:
        # kgkit -> GraphML -> kgkit keeps entities, relations, citations and verdicts
        path = export(BELARUS, "graphml", tmp)
        back = json.loads(subprocess.run([KGKIT, "import", path], capture_output=True, text=True, check=True).stdout)
        nodes, edges = expected(BELARUS)
        ents = {e["id"]: e for e in back["entities"]}
        check(set(nodes) <= set(ents), "every entity back")
        for n, e in nodes.items():
            check(ents[n].get("label") == e.get("label") and ents[n].get("kind") == e.get("kind"), f"{n}: label, kind")
            check(ents[n].get("aliases", []) == e.get("aliases", []), f"{n}: aliases")
        rels = {(s["subject"], s["object"], s["predicate"]): s for s in back["statements"]}
        check(set(rels) == set(edges), "every relation back")
        founded = rels[("person:ales-bialiatski", "group:viasna", "founded")]
        check({"id": "src:003", "quote": "the group's founder, Ales Bialiatski"} in founded["sources"], "quotes back")
        check(founded["attrs"]["agreement"]["status"] == "agreed", "verdicts back, nested again")
        # a file NetworkX wrote, with its own typed attributes
        G = nx.karate_club_graph()
        nx.set_node_attributes(G, {n: f"member {n}" for n in G}, "label")
        ext = os.path.join(tmp, "karate.graphml")
        nx.write_graphml(G, ext)
        doc = json.loads(subprocess.run([KGKIT, "import", ext], capture_output=True, text=True, check=True).stdout)
        check(len([e for e in doc["entities"] if e.get("kind") != "source"]) == 34, "34 members")
        check(len(doc["statements"]) == 78, "78 ties")
        one = next(e for e in doc["entities"] if e["id"] == "0")
        check(one.get("label") == "member 0" and one["attrs"].get("club") == "Mr. Hi", f"attributes: {one}")
        w = doc["statements"][0]["attrs"].get("weight")
        check(isinstance(w, int), f"typed data: weight {w!r}")
        check(doc["statements"][0]["attrs"].get("undirected") is True, "undirected graphs marked")
        # malformed XML names the place
        bad = os.path.join(tmp, "bad.graphml")
        open(bad, "w").write('<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>\n')
        r = subprocess.run([KGKIT, "import", bad], capture_output=True, text=True)
        check(r.returncode == 1 and "bad.graphml:4:3: GraphML: mismatched tag" in r.stderr, f"malformed: {r.stderr}")
        open(bad, "w").write('<graphml><graph><node id="a"/><edge source="a" target="b"/></graph></graphml>')
        r = subprocess.run([KGKIT, "import", bad], capture_output=True, text=True)
        check(r.returncode == 1 and 'names no node "b"' in r.stderr, f"unknown node: {r.stderr}")
        for content, message in (('<graphml><graph><node/></graph></graphml>', "<node> needs an id"),
                                  ('<graphml><graph><node id="a"><data key="d9">x</data></node></graph></graphml>',
                                   '<data key="d9">: no <key> with that id'),
                                  ('<graphml><graph><node id="a"/><edge source="a"/></graph></graphml>',
                                   "<edge> needs a source and a target")):
            open(bad, "w").write(content)
            r = subprocess.run([KGKIT, "import", bad], capture_output=True, text=True)
            check(r.returncode == 1 and "bad.graphml:1:" in r.stderr and message in r.stderr, f"{message}: {r.stderr}")


def test_gexf():
    nx = need("networkx")
    with tempfile.TemporaryDirectory() as tmp:
        for graph in (BELARUS, HOSTILE):
            path = export(graph, "gexf", tmp, "version=1.2draft")
            G = nx.read_gexf(path, node_type=str, version="1.2draft")
            check_networkx(G, graph)
        path = export(BELARUS, "gexf", tmp)
        root = ET.parse(path).getroot()
        ns = "{http://gexf.net/1.3}"
        check(root.tag == ns + "gexf" and root.get("version") == "1.3", "GEXF 1.3 by default")
        spells = root.findall(f".//{ns}edge/{ns}spells/{ns}spell")
        dated = [s for s in json.load(open(BELARUS))["statements"] if "object" in s and "as_of" in s]
        check(len(spells) == len(dated), f"as_of dates as spells: {len(spells)} of {len(dated)}")
        check(any(s.get("start") == "2025-07-01" and s.get("end") == "2025-07-31" for s in spells),
              "a month's spell covers the month")
        G = nx.read_gexf(export(BELARUS, "gexf", tmp, "version=1.2draft"), node_type=str, version="1.2draft")
        check(any("spells" in d for _, _, d in G.edges(data=True)), "NetworkX reads the spells")
        # intervals: a spell from the start of the first date to the end of the second, an open end left out
        root = ET.parse(export(INTERVALS, "gexf", tmp)).getroot()
        edge_spells = sorted(((s.get("start"), s.get("end")) for s in root.findall(f".//{ns}edge/{ns}spells/{ns}spell")), key=str)
        check(edge_spells == [("2020-01-01", None), (None, "2024-12-31")], f"open intervals as spells: {edge_spells}")
        node_spells = [(s.get("start"), s.get("end")) for s in root.findall(f".//{ns}node/{ns}spells/{ns}spell")]
        check(node_spells == [("2020-08-01", "2021-03-31")], f"an event's interval as its spell: {node_spells}")
        G = nx.read_gexf(export(INTERVALS, "gexf", tmp, "version=1.2draft"), node_type=str, version="1.2draft")
        check(G.number_of_edges() == 2 and all("spells" in d for _, _, d in G.edges(data=True)),
              "NetworkX reads the open spells")


def test_nodelink():
    nx = need("networkx")
    from networkx.readwrite import json_graph
    with tempfile.TemporaryDirectory() as tmp:
        for graph in (BELARUS, HOSTILE):
            data = json.load(open(export(graph, "nodelink", tmp), encoding="utf-8"))
            G = json_graph.node_link_graph(data)
            check_networkx(G, graph, clean=lambda s: s)
            data = json.load(open(export(graph, "cyjs", tmp), encoding="utf-8"))
            G = json_graph.cytoscape_graph(data)
            check_networkx(G, graph, clean=lambda s: s)
        G = json_graph.node_link_graph(json.load(open(export(BELARUS, "nodelink", tmp), encoding="utf-8")))
        check(G.nodes["person:alexander-lukashenko"]["aliases"] == ["Lukashenko"], "lists stay lists in JSON")
        check(G.nodes["place:belarus"]["claims"][0]["predicate"] == "political_prisoners_held", "claims on the node")


def test_nquads():
    rdflib = need("rdflib")
    with tempfile.TemporaryDirectory() as tmp:
        ds = rdflib.Dataset()
        ds.parse(export(BELARUS, "nquads", tmp), format="nquads")
        graphs = {str(c.identifier) for c in ds.contexts() if len(c)}
        sources = {f"urn:kgkit:source:{s['id']}" for s in json.load(open(BELARUS))["sources"]}
        named = {g for g in graphs if g.startswith("urn:kgkit:")}
        check(named == sources, f"one named graph per source: {sorted(named)}")
        # the rest (entity descriptions) is the default graph, which rdflib names after the file
        check(len(graphs - named) == 1, f"and the default graph: {sorted(graphs - named)}")
        ap = ds.graph(rdflib.URIRef("urn:kgkit:source:src:003"))
        founded = (rdflib.URIRef("urn:kgkit:entity:person:ales-bialiatski"), rdflib.URIRef("urn:kgkit:predicate:founded"),
                   rdflib.URIRef("urn:kgkit:entity:group:viasna"))
        check(founded in ap, "the AP's graph holds what the AP reports")
        values = [o for s, p, o in ap.triples((rdflib.URIRef("urn:kgkit:entity:place:belarus"),
                                               rdflib.URIRef("urn:kgkit:predicate:political_prisoners_held"), None))]
        check(values and values[0].toPython() == 1174, f"typed literals: {values}")
        quotes = [str(o) for o in ap.objects(None, rdflib.URIRef("urn:kgkit:vocab:quote"))]
        check("Viasna has recorded 1,174 people behind bars as political prisoners" in quotes, "quotes reified")
        # an interval has no XML Schema type: an EDTF literal (ISO 8601-2), as the Library of Congress defines it
        iv = rdflib.Dataset()
        iv.parse(export(INTERVALS, "nquads", tmp), format="nquads")
        edtf = rdflib.URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
        as_of = {(str(o), o.datatype) for _, _, o, _ in iv.quads((None, rdflib.URIRef("urn:kgkit:vocab:asOf"), None, None))}
        check(("../2024-12", edtf) in as_of and ("2020/..", edtf) in as_of and
              ("2020", rdflib.XSD.gYear) in as_of, f"as_of literals: {sorted(map(str, as_of))}")
        hostile = export(HOSTILE, "nquads", tmp)
        h = rdflib.Dataset()
        h.parse(hostile, format="nquads")
        labels = {str(o) for _, _, o, _ in h.quads((None, rdflib.RDFS.label, None, None))}
        # the literals decoded as RDF 1.1 N-Quads says (ECHAR, UCHAR): every label exactly
        echar = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
        decode = lambda lit: re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                                    lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else echar[m.group(1)], lit)
        spec = {decode(m.group(1)) for m in re.finditer(r'rdf-schema#label> "((?:[^"\\]|\\.)*)"', open(hostile, encoding="utf-8").read())}
        for e in json.load(open(HOSTILE, encoding="utf-8"))["entities"]:
            check(name_of(e) in spec, f"hostile label survives: {name_of(e)!r}")
            # rdflib 6.1.1 unescapes twice ("\\n" comes out as a backslash and a line break): compare the others
            if not re.search(r"\\[ntrbf\"'\\]", name_of(e)):
                check(name_of(e) in labels, f"rdflib reads the hostile label {name_of(e)!r}")


HEADER = re.compile(r"^(:(ID|LABEL|START_ID|END_ID|TYPE)|[^:]+(:(ID|long|double|boolean|string|string\[\]))?)$")


def test_neo4j():
    """neo4j-admin's header grammar holds whatever the attribute names (x:LABEL, :ID, :END_ID are the hostile
    set's): one column of each kind, no two properties of one name, labels Entity and the kind only."""
    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, "generated-hostile.json")
        json.dump(hostile_graph(), open(generated, "w", encoding="utf-8"))
        for graph in (BELARUS, HOSTILE, generated):
            nodes, edges = expected(graph)
            rows = list(csv.reader(io.open(export(graph, "neo4j-nodes", tmp), encoding="utf-8", newline="")))
            head = rows[0]
            check(all(HEADER.match(h) for h in head), f"node header grammar: {[h for h in head if not HEADER.match(h)][:3]}")
            check(sum(h.endswith(":ID") for h in head) == 1 and head.count(":LABEL") == 1, "one :ID column and :LABEL")
            props = [h.rsplit(":", 1)[0] if ":" in h and not h.startswith(":") else h for h in head]
            props = [p for p in props if not p.startswith(":")]
            check(len(props) == len(set(props)), f"no two node columns of one property: "
                  f"{sorted({p for p in props if props.count(p) > 1})[:3]}")
            check(all(len(r[head.index(":LABEL")].split(";")) == 2 for r in rows[1:]),
                  "two labels per node, Entity and the kind, whatever the kind holds")
            if "kind" in head:  # the kind, as written, is a property: nothing of it lost to the label rule
                got = {r[head.index("id:ID")]: r[head.index("kind")] for r in rows[1:]}
                check(all(got.get(i) == e.get("kind", "entity") for i, e in nodes.items()), "the kind kept as a property")
            check(all(len(r) == len(head) for r in rows[1:]), "every node row as long as the header")
            ids = {r[head.index("id:ID")] for r in rows[1:]}
            check(ids == set(nodes), "every entity a node")
            check(all(r[head.index(":LABEL")].split(";")[0] == "Entity" for r in rows[1:]), "labels Entity;kind")
            rel = list(csv.reader(io.open(export(graph, "neo4j-relationships", tmp), encoding="utf-8", newline="")))
            rh = rel[0]
            check(rh[:3] == [":START_ID", ":END_ID", ":TYPE"] and all(HEADER.match(h) for h in rh),
                  f"relationship header grammar: {rh[:8]}")
            check(sum(h.startswith(":") for h in rh) == 3, f"one :START_ID, :END_ID and :TYPE: {[h for h in rh if h.startswith(':')]}")
            rprops = [h.rsplit(":", 1)[0] if ":" in h else h for h in rh[3:]]
            check(len(rprops) == len(set(rprops)), "no two relationship columns of one property")
            check(all(len(r) == len(rh) for r in rel[1:]) and len(rel) - 1 == len(edges), "one row per relation")
            check(all(r[0] in ids and r[1] in ids for r in rel[1:]), "relationships name existing nodes")
            if graph == BELARUS:
                src = rh.index("sources:string[]")
                check(any(r[src] == "src:001;src:003" for r in rel[1:]), "sources as a property array")
            cy = open(export(graph, "cypher", tmp), encoding="utf-8").read().split("\n")[:-1]  # not splitlines: U+2028 is no line end here
            check(sum(l.startswith("CREATE (:Entity:") for l in cy) == len(nodes), "a CREATE per entity")
            check(sum(l.startswith("MATCH (a:Entity") for l in cy) == len(edges), "a MATCH ... CREATE per relation")
            check(all(l.endswith(";") for l in cy if not l.startswith("//")), "statements end with ;")


def test_symmetric():
    """A symmetric predicate: undirected in every exporter, no arrowhead in the diagram, kept in JSON and CSV."""
    nx = need("networkx")
    doc = {"kgkit": 1, "predicates": {"married_to": {"kind": "relation", "symmetric": True}},
           "sources": [{"id": "s"}],
           "entities": [{"id": "a", "kind": "person"}, {"id": "b", "kind": "person"}, {"id": "c", "kind": "person"}],
           "statements": [{"subject": "a", "predicate": "married_to", "object": "b", "sources": ["s"]},
                          {"subject": "a", "predicate": "knows", "object": "c", "sources": ["s"]}]}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.json")
        json.dump(doc, open(path, "w"))
        def out(fmt):
            o = os.path.join(tmp, "g." + fmt)
            subprocess.run([KGKIT, "-q", "export", fmt, path, "-o", o], check=True)
            return o
        root = ET.parse(out("graphml")).getroot()
        edges = {e.get("target"): e.get("directed") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")}
        check(edges == {"b": "false", "c": None}, f"GraphML: the symmetric edge directed=false: {edges}")
        root = ET.parse(out("gexf")).getroot()
        edges = {e.get("target"): e.get("type") for e in root.iter("{http://gexf.net/1.3}edge")}
        check(edges == {"b": "undirected", "c": None}, f"GEXF: type=undirected: {edges}")
        links = json.load(open(out("nodelink")))["links"]
        check([l.get("undirected") for l in links] == [True, None], f"node-link: {links}")
        dot = open(out("dot")).read()
        check(re.search(r'"?a"?\s*->\s*"?b"?[^;]*dir=none', dot) and not re.search(r'"?a"?\s*->\s*"?c"?[^;]*dir=none', dot),
              "the diagram draws the symmetric relation without an arrowhead")
        back = json.loads(subprocess.run([KGKIT, "import", path], capture_output=True, text=True).stdout)
        check(back["predicates"]["married_to"].get("symmetric") is True, "kept in the native format")
        tables = os.path.join(tmp, "t") + "/"
        subprocess.run([KGKIT, "-q", "export", "csv", path, "-o", tables], check=True)
        back = json.loads(subprocess.run([KGKIT, "import", tables], capture_output=True, text=True).stdout)
        check(back["predicates"]["married_to"].get("symmetric") is True, "kept in the CSV tables")
        doc["predicates"]["married_to"] = {"kind": "claim", "symmetric": True}
        json.dump(doc, open(path, "w"))
        r = subprocess.run([KGKIT, "import", path], capture_output=True, text=True)
        check(r.returncode == 1 and "only a relation can be symmetric" in r.stderr, f"a symmetric claim: {r.stderr}")


def test_numbers():
    """Numbers as every writer puts them: shortest and exact (0.1, not 0.10000000000000001, whatever else the element
    holds), a whole real kept a real (10.0 in JSON and Cypher, 10 as a GraphML double, never 1e1); and an own
    attribute whose "attr." name another own attribute has is renamed again, not lost."""
    doc = {"kgkit": 1, "sources": [{"id": "s"}],
           "entities": [{"id": "a", "kind": "person", "label": "A",
                         "attrs": {"score": 10.0, "pagerank": 1.2901139428694502e-06, "label": "own label",
                                   "attr.label": "own attr.label", "big": 1e20}}],
           "statements": [{"subject": "a", "predicate": "share", "value": 0.1, "sources": ["s"]},
                          {"subject": "a", "predicate": "share2", "value": {"amount": 0.3, "qualifier": "about"},
                           "sources": ["s"]}]}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.json")
        json.dump(doc, open(path, "w"))
        def out(fmt):
            o = os.path.join(tmp, "g." + fmt)
            r = subprocess.run([KGKIT, "-q", "export", fmt, path, "-o", o], capture_output=True, text=True)
            check(r.returncode == 0, f"export {fmt}: {r.stderr}")
            return open(o, encoding="utf-8").read()
        nl = out("nodelink")
        node = json.loads(nl)["nodes"][0]
        check('"score":10.0' in nl and isinstance(node["score"], float), f"node-link: a whole real stays 10.0: {nl}")
        check('"value":0.1,' in nl and '"amount":0.3,' in nl, f"node-link: claims shortest beside a 17-digit real: {nl}")
        check('"pagerank":1.2901139428694502e-6' in nl and '"big":1e20' in nl, f"node-link: other reals exact: {nl}")
        check(node.get("attr.label") == "own attr.label" and node.get("attr.attr.label") == "own label",
              f"node-link: both own labels kept: {node}")
        gm = out("graphml")
        root = ET.fromstring(gm)
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        keys = {k.get("id"): (k.get("attr.name"), k.get("attr.type")) for k in root.iter(ns + "key")}
        data = {keys[d.get("key")][0]: (d.text, keys[d.get("key")][1]) for d in root.iter(ns + "data")}
        check(data.get("score") == ("10", "double"), f"GraphML: a whole real: {data.get('score')}")
        check('"value":0.1,' in data["claims"][0] and '"amount":0.3,' in data["claims"][0], f"GraphML claims: {data['claims']}")
        check(data.get("attr.label", ("",))[0] == "own attr.label" and data.get("attr.attr.label", ("",))[0] == "own label",
              f"GraphML: both own labels kept: {data}")
        check(len(root.findall(f".//{ns}node/{ns}data")) == len(set(d.get("key") for d in root.iter(ns + "data"))),
              "GraphML: no key twice on the node")
        cy = out("cypher")
        check("`score`: 10.0" in cy and "`big`: 1e+20" in cy, f"Cypher: reals stay Floats: {cy}")
        js = out("json")
        check('"score": 10.0' in js, f"native JSON: 10.0, not 1e1: {js}")


{"graphml": test_graphml, "symmetric": test_symmetric, "numbers": test_numbers, "graphml_import": test_graphml_import, "gexf": test_gexf, "nodelink": test_nodelink, "nquads": test_nquads,
 "neo4j": test_neo4j}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
