#!/usr/bin/python3
"""test_network.py KGKIT SOURCE_DIR TEST - the network analyses against known results and a second implementation.

Tests:
  karate   Zachary's karate club (as NetworkX ships it): PageRank, betweenness and closeness
           equal NetworkX's; Leiden and Louvain reach the published best modularity (0.4198)
           within tolerance, and NetworkX computes the same modularity for the partition;
           a seed gives the same communities every time. Skipped without python3-networkx.
  belarus  on the Belarus graph, results a reader expects: Belarus and Lukashenko most
           central; Tsikhanouskaya reaches Bialiatski through her husband's imprisonment, with
           the sources of each hop; the entities only named as attributions are cut off.
  errors   an unknown entity is named with close matches; an empty graph is said so.
"""
import json, os, subprocess, sys, tempfile

KGKIT, SRC, TEST = sys.argv[1:4]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kgkit(*args, ok=True):
    r = subprocess.run([KGKIT, "-q", *args], capture_output=True, text=True, timeout=60)
    if ok and r.returncode != 0:
        raise SystemExit(f"kgkit {' '.join(args)}: {r.stderr}")
    return r


def analyze(graph, name, *params):
    args = ["analyze", name, graph, "--format", "json"]
    for p in params:
        args += ["-p", p]
    return json.loads(kgkit(*args).stdout)


def test_karate():
    try:
        import networkx as nx
    except ImportError:
        print("skipped: python3-networkx is not installed")
        sys.exit(77)
    G = nx.karate_club_graph()
    doc = {"kgkit": 1, "entities": [{"id": f"k:{n}", "kind": "person"} for n in G.nodes],
           "statements": [{"subject": f"k:{a}", "predicate": "knows", "object": f"k:{b}"} for a, b in G.edges]}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "karate.json")
        json.dump(doc, open(path, "w"))
        c = analyze(path, "centrality", "weighted=false")
        check(c["vertices"] == 34 and c["edges"] == 78, f"34 members, 78 ties: {c['vertices']}, {c['edges']}")
        ours = {e["id"]: e for e in c["entities"]}
        pr = nx.pagerank(G, alpha=0.85, weight=None, tol=1e-12)
        bt = nx.betweenness_centrality(G, normalized=False)
        cl = nx.closeness_centrality(G)
        for n in G.nodes:
            e = ours[f"k:{n}"]
            check(abs(e["pagerank"] - pr[n]) < 1e-8, f"PageRank of {n}: {e['pagerank']} vs NetworkX {pr[n]}")
            check(abs(e["betweenness"] - bt[n]) < 1e-9, f"betweenness of {n}: {e['betweenness']} vs {bt[n]}")
            check(abs(e["closeness"] - cl[n]) < 1e-9, f"closeness of {n}: {e['closeness']} vs {cl[n]}")
            check(e["degree"] == G.degree(n), f"degree of {n}")
        check(c["entities"][0]["id"] == "k:33" and c["entities"][1]["id"] == "k:0", "the instructor and the president lead")
        for method in ("leiden", "multilevel"):
            m = analyze(path, "communities", f"method={method}", "weighted=false", "seed=7")
            q = m["modularity"]
            # the best partition's modularity is 0.4197896 (Brandes et al. 2008); heuristics reach 0.4188-0.4198
            check(0.4150 <= q <= 0.41979 + 1e-6, f"{method} modularity {q:.5f} near the published 0.4198")
            parts = [set(int(x[2:]) for x in c_["members"]) for c_ in m["communities"]]
            check(abs(nx.community.modularity(G, parts, weight=None) - q) < 1e-9, f"{method}: NetworkX agrees on Q")
            check(sorted(len(p) for p in parts) == sorted(c_["size"] for c_ in m["communities"]), "sizes")
            again = analyze(path, "communities", f"method={method}", "weighted=false", "seed=7")
            check(again == m, f"{method}: the same seed, the same communities")
        comp = analyze(path, "components")
        check(comp["count"] == 1 and comp["cut_off"] == 0, "the club is one component")
        p = analyze(path, "paths", "from=k:16", "to=k:33")
        check(p["length"] == nx.shortest_path_length(G, 16, 33), f"path length {p['length']}")
        check(p["shortest_paths"] == len(list(nx.all_shortest_paths(G, 16, 33))), "every shortest path counted")


def test_weights():
    """A tie's weight from a relation attribute (-p weight=ATTR): Les Misérables, as NetworkX weighs it."""
    try:
        import networkx as nx
    except ImportError:
        print("skipped: python3-networkx is not installed")
        sys.exit(77)
    G = nx.les_miserables_graph()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lesmis.graphml")
        nx.write_graphml(G, path)
        rep = analyze(path, "centrality", "weight=weight", "top=0")
        pr = {e["id"]: e["pagerank"] for e in rep["entities"]}
        want, unweighted = nx.pagerank(G, weight="weight"), nx.pagerank(G, weight=None)
        check(rep["weight"] == "weight", f"the report names the weight: {rep.get('weight')}")
        check(max(abs(pr[k] - want[k]) for k in want) < 1e-4, "PageRank weighted as NetworkX's")
        check(max(abs(pr[k] - unweighted[k]) for k in want) > 1e-2, "and not as the unweighted one")
        plain = {e["id"]: e["pagerank"] for e in analyze(path, "centrality", "top=0")["entities"]}
        check(max(abs(plain[k] - unweighted[k]) for k in want) < 1e-4, "without weight=, ties weigh by their origins")
        com = analyze(path, "communities", "weight=weight")
        check(com["weight"] == "weight" and com["modularity"] > 0.5, f"communities on the weights: {com['modularity']}")
        r = kgkit("analyze", "centrality", path, "-p", "weight=wieght", ok=False)
        check(r.returncode == 2 and 'no relation has the attribute "wieght" (did you mean "weight"?)' in r.stderr,
              f"a misspelt weight: {r.stderr}")
        dot = os.path.join(tmp, "w.gv")
        open(dot, "w").write('digraph { a -> b [w="2"]; a -> c [w="0.5"]; b -> c }\n')
        rep = analyze(dot, "centrality", "weight=w")
        check(rep["weight"] == "w", "DOT's text weights are read as numbers")
        bad = os.path.join(tmp, "bad.gv")
        open(bad, "w").write('digraph { a -> b [w="heavy"] }\n')
        r = kgkit("analyze", "centrality", bad, "-p", "weight=w", ok=False)
        check(r.returncode == 1 and 'the relation' in r.stderr and '"heavy" that is no weight' in r.stderr,
              f"a weight that is not a number: {r.stderr}")


def test_measures():
    """Only the measures asked for (measures=), and betweenness (as python-igraph computes it) and closeness (by
    its definition) with a cutoff."""
    try:
        import networkx as nx
        import igraph as ig
    except ImportError:
        print("skipped: python3-networkx or python3-igraph is not installed")
        sys.exit(77)
    G = nx.karate_club_graph()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "karate.graphml")
        nx.write_graphml(G, path)
        rep = analyze(path, "centrality", "measures=pagerank", "top=0")
        check(rep["measures"] == ["pagerank"] and all(set(e) >= {"pagerank"} and "betweenness" not in e and
                                                       "degree" not in e for e in rep["entities"]),
              "measures=pagerank computes PageRank alone")
        rep = analyze(path, "centrality", "measures=betweenness,closeness", "cutoff=2", "top=0")
        H = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()))
        want_b = H.betweenness(cutoff=2)
        # closeness over the vertices within 2 hops: how many, over the sum of their distances (igraph's
        # normalized closeness with a cutoff; python-igraph's wrapper returns other numbers here)
        dist = {i: nx.single_source_shortest_path_length(G, i, cutoff=2) for i in G}
        want_c = {i: (len(d) - 1) / sum(d.values()) for i, d in dist.items()}
        got = {int(e["id"]): e for e in rep["entities"]}
        check(rep["cutoff"] == 2, "the report names the cutoff")
        check(all(abs(got[i]["betweenness"] - want_b[i]) < 1e-9 for i in got), "betweenness with cutoff 2 as igraph's")
        check(all(abs(got[i]["closeness"] - want_c[i]) < 1e-9 for i in got), "closeness with cutoff 2 as igraph's")
        for param, message in (("measures=,", "measures names none to compute"),
                               ("cutoff=-2", "cutoff must be -1 (every path) or 0 or more, not -2")):
            r = kgkit("analyze", "centrality", path, "-p", param, ok=False)
            check(r.returncode == 2 and message in r.stderr, f"{param}: {r.stderr}")
        r = kgkit("analyze", "centrality", path, "-p", "measures=pagrank", ok=False)
        check(r.returncode == 2 and 'no measure "pagrank"' in r.stderr and 'did you mean "pagerank"?' in r.stderr,
              f"a misspelt measure: {r.stderr}")


def test_belarus():
    graph = os.path.join(SRC, "graphs", "belarus", "belarus.json")
    c = analyze(graph, "centrality")
    top = [e["id"] for e in c["entities"][:2]]
    check(top == ["place:belarus", "person:alexander-lukashenko"], f"most central: {top}")
    p = analyze(graph, "paths", "from=Tsikhanouskaya", "to=Ales Bialiatski")
    check(p["length"] == 3, f"three hops: {p['length']}")
    hops = p["paths"][0]["hops"]
    check(hops[0]["statements"][0]["predicate"] == "spouse_of", "through her husband")
    check(any(s["id"] == "src:002" for st in hops[1]["statements"] for s in st["sources"]), "each hop with its sources")
    comp = analyze(graph, "components")
    cut = {m for c_ in comp["components"][1:] for m in c_["members"]}
    check("group:presidential-administration" in cut and "group:human-rights-groups" in cut,
          f"attribution-only entities cut off: {sorted(cut)}")
    check("person:alexander-lukashenko" in comp["components"][0]["members"], "Lukashenko in the largest")
    m = analyze(graph, "communities")
    by = {x: c_["id"] for c_ in m["communities"] for x in c_["members"]}
    check(by["person:ales-bialiatski"] == by["group:viasna"], "Bialiatski with the group he founded")
    # results flow back: the annotated graph carries them
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "g.json")
        kgkit("run", graph, "-a", "centrality=" + os.path.join(tmp, "c.txt"), "-a", "communities=" + os.path.join(tmp, "m.txt"), "-e", out)
        ents = {e["id"]: e for e in json.load(open(out))["entities"]}
        lk = ents["person:alexander-lukashenko"]["attrs"]
        check("pagerank" in lk.get("centrality", {}) and isinstance(lk.get("community"), int), f"written back: {lk}")
        # the diagram colours by community
        dot = os.path.join(tmp, "g.dot")
        kgkit("export", "dot", out, "-o", dot, "-p", "color_by=community")
        r = subprocess.run(["gvpr", 'N{printf("%s %s\\n", $.name, $.fillcolor)}', dot], capture_output=True, text=True)
        fill = dict(line.split(" ", 1) for line in r.stdout.splitlines() if " " in line)
        check(fill.get("person:ales-bialiatski") == fill.get("group:viasna") != fill.get("person:donald-trump"),
              f"one community, one fill: {fill.get('person:ales-bialiatski')}, {fill.get('group:viasna')}")


def test_errors():
    graph = os.path.join(SRC, "graphs", "belarus", "belarus.json")
    r = kgkit("analyze", "paths", graph, "-p", "from=Lukashemko", "-p", "to=Viasna", ok=False)
    check(r.returncode == 1 and 'no entity with id or alias "Lukashemko"' in r.stderr and "Lukashenko" in r.stderr,
          f"unknown entity with a suggestion: {r.stderr}")
    r = kgkit("analyze", "paths", graph, "-p", "from=Viasna", ok=False)
    check(r.returncode == 2 and "to=ENTITY" in r.stderr, f"both ends needed: {r.stderr}")
    for name in ("centrality", "communities", "components"):
        r = kgkit("analyze", name, graph, "-p", "predicates=member_off", ok=False)
        check(r.returncode == 1 and 'no statement with the predicate "member_off" (did you mean "member_of"?)' in r.stderr,
              f"{name}: a misspelt predicate is an error, not an empty network: {r.stderr}")
    r = kgkit("analyze", "methods", graph, ok=False)
    check(r.returncode == 2, "an unknown analysis")
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "e.json")
        open(empty, "w").write('{"kgkit": 1}')
        for name in ("centrality", "communities", "components"):
            r = kgkit("analyze", name, empty)
            check("has no entities" in r.stdout, f"{name} on an empty graph says so: {r.stdout}")
        # entities but no ties: Leiden "until stable" never ended here; each entity is its own community
        lonely = os.path.join(tmp, "l.json")
        open(lonely, "w").write('{"kgkit": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}')
        for method in ("leiden", "multilevel"):
            try:
                c = analyze(lonely, "communities", "method=" + method)
                check(len(c["communities"]) == 3 and all(x["size"] == 1 for x in c["communities"]),
                      f"{method} without ties: three singletons: {c['communities']}")
            except subprocess.TimeoutExpired:
                check(False, f"{method} on a graph without ties did not finish in 60 s")


{"karate": test_karate, "weights": test_weights, "measures": test_measures, "belarus": test_belarus, "errors": test_errors}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
