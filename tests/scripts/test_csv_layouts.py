#!/usr/bin/python3
"""test_csv_layouts.py KGKIT SOURCE_DIR REALFILES_DIR - the CSV tables people keep, read as they mean them.

- A newsroom's entity pairs (BuzzFeed News' TrumpWorld, an excerpt in tests/data/csv/people): every row a
  relation between the two named entities, with its kinds, its connection as the predicate, and a source
  entity for each URL or title; ids made from kind and name, the same whichever file comes first.
- The shared corpus's CSV files (../shared/corpus/realfiles/csv; skipped when absent): Gephi's edge and node
  tables, the Programming Historian's edge list (against NetworkX), the Bundestag donations with a mapping
  given as parameters and as a file, FollowTheMoney's hand-written example with spaces after its commas.
- Delimiters (; and tab), Windows-1252, other columns as attributes, and the mistakes a newcomer makes: a
  mapping naming a missing column, a misspelt mapping key, a weight or date that is not one, a header kgkit
  does not know. `export csv -o DIR/` and `import DIR/` round trip.
"""
import csv, io, json, os, subprocess, sys, tempfile

KGKIT, SRC, REAL = sys.argv[1:4]
PEOPLE = os.path.join(SRC, "tests", "data", "csv", "people")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([KGKIT, *args], capture_output=True, text=True)


def load(*args):
    r = run("import", *args)
    if r.returncode != 0:
        raise SystemExit(f"kgkit import {args}: {r.stderr}")
    doc = json.loads(r.stdout)
    ents = {e["id"]: e for e in doc.get("entities", [])}
    srcs = {e["id"]: e for e in doc.get("sources", [])}
    return ents, srcs, doc["statements"], r.stderr


def fails(args, message):
    r = run("import", *args)
    check(r.returncode != 0 and message in r.stderr, f"{args}: expected {message!r}, got {r.stderr!r}")


def by_label(ents):
    return {e.get("label"): e for e in ents.values()}


def test_entity_pairs(tmp):
    path = os.path.join(PEOPLE, "trumpworld-excerpt.csv")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    ents, srcs, stmts, note = load(path)
    check('read 19 rows as entity pairs: subject "Entity A", object "Entity B"' in note, f"the layout is said: {note}")
    names = {(r["Entity A Type"], r["Entity A"]) for r in rows} | {(r["Entity B Type"], r["Entity B"]) for r in rows}
    labels = by_label(ents)
    check(set(labels) == {n for _, n in names}, "one entity per name")
    check(all(labels[n]["kind"] == t.lower() for t, n in names), "kinds from the type columns")
    check(len(stmts) == len(rows), f"{len(stmts)} relations for {len(rows)} rows")
    for r in rows:
        want = [x.strip() for x in r["Source(s)"].split("|")]
        found = [s for s in stmts if ents[s["subject"]]["label"] == r["Entity A"]
                 and ents[s["object"]]["label"] == r["Entity B"] and s["predicate"] == r["Connection"]]
        check(len(found) == 1, f"the row {r['Entity A']} - {r['Entity B']}")
        if found:
            cited = [srcs[c if isinstance(c, str) else c["id"]] for c in found[0]["sources"]]
            check([c.get("url") or c.get("title") for c in cited] == want, f"its sources {want}")
    # the same ids whichever file comes first, and from a second file naming the same people
    half = os.path.join(tmp, "second.csv")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    open(half, "w", encoding="utf-8").write("\n".join([lines[0]] + lines[10:]) + "\n")
    a, _, _, _ = load(path, half)
    b, _, _, _ = load(half, path)
    check(set(a) == set(b) == set(ents), "ids do not depend on the order of the files")


def test_corpus(tmp):
    nx = None
    try:
        import networkx as nx
    except ImportError:
        print("note: python3-networkx is not installed; the edge list is counted with csv")
    folder = os.path.join(REAL, "csv")
    if not os.path.isdir(folder):
        print(f"skipped the shared corpus: {folder} is not here")
        return
    # the Programming Historian's edge list of names
    path = os.path.join(folder, "programminghistorian_quakers_edgelist.csv")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    ents, _, stmts, note = load(path)
    check('read 174 rows as an edge list: subject "Source", object "Target"' in note, f"said: {note}")
    if nx:
        G = nx.DiGraph()
        G.add_edges_from((r["Source"], r["Target"]) for r in rows)
        check(len(ents) == G.number_of_nodes() and len(stmts) == G.number_of_edges(),
              f"{len(ents)}/{len(stmts)} as NetworkX's {G.number_of_nodes()}/{G.number_of_edges()}")
    check(set(by_label(ents)) == {r["Source"] for r in rows} | {r["Target"] for r in rows}, "names as labels")
    # Gephi's tables: ids as written, the edge's label as its predicate, its weight, Type
    ents, _, stmts, note = load(os.path.join(folder, "gephi-export_edges_quotes.csv"))
    s = stmts[0]
    check(s["subject"] == "1" and s["object"] == "2" and s["predicate"] == 'str with, and "quotes"', f"edge: {s}")
    check(s["attrs"].get("weight") == 1 and "undirected" not in s["attrs"] and s["attrs"].get("Id") == "1",
          f"weight, direction, the other column: {s['attrs']}")
    ents, _, _, _ = load(os.path.join(folder, "gephi-export_nodes_utf8.csv"))
    check(ents["1"].get("label") == "Säännöt" and "label" not in ents["2"], f"node table: {ents}")
    # the donations: a mapping, as parameters and as a file
    path = os.path.join(folder, "nomenklatura_bundestag-donations.csv")
    fails([path], 'is no layout kgkit knows: give the columns\' roles, e.g. -p subject=COLUMN')
    mapping = {"subject": "Donor", "subject_kind": "DonorType", "object": "Party", "kind": "organization",
               "predicate_value": "donated_to", "date": "DonationDate", "weight": "DonationEUR",
               "subject_attrs": ["Street", "City", "Country"]}
    params = []
    for k, v in mapping.items():
        params += ["-p", f"{k}={','.join(v) if isinstance(v, list) else v}"]
    ents, _, stmts, note = load(path, *params)
    mfile = os.path.join(tmp, "donations.json")
    json.dump(mapping, open(mfile, "w"))
    ents2, _, stmts2, _ = load(path, "-p", f"mapping={mfile}")
    check(ents == ents2 and stmts == stmts2, "a mapping file reads as the same parameters")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    labels = by_label(ents)
    for r in rows[:40]:
        donor, party = labels.get(r["Donor"].strip()), labels.get(r["Party"].strip())
        check(donor and party, f"{r['Donor']} and {r['Party']}")
        if not (donor and party):
            continue
        check(donor["kind"] == r["DonorType"].lower() and party["kind"] == "organization", "kinds")
        check(donor.get("attrs", {}).get("City") == r["City"].strip(), "the donor's own attributes")
        hit = [s for s in stmts if s["subject"] == donor["id"] and s["object"] == party["id"] and
               s.get("as_of") == r["DonationDate"] and s["predicate"] == "donated_to"]
        check(hit and any(abs(s["attrs"]["weight"] - float(r["DonationEUR"])) < 1e-6 for s in hit),
              f"the donation of {r['Donor']} on {r['DonationDate']}")
        check(hit and "ReportingDate" in hit[0]["attrs"], "the other columns as the statement's attributes")
    check("as the mapping" in note and '"Street", "City", "Country" the subject\'s attributes' in note, f"said: {note}")
    # a newcomer's mistakes
    fails([path, "-p", "subject=Donr", "-p", "object=Party"], 'subject="Donr": the header has no such column; '
                                                             'did you mean "Donor"?')
    json.dump({"subjct": "Donor"}, open(mfile, "w"))
    fails([path, "-p", f"mapping={mfile}"], 'mapping: unknown key "subjct" (did you mean "subject"?)')
    fails([path, "-p", "subject=Donor"], "neither an object (-p object=COLUMN: relations) nor a value")
    fails([path, "-p", "subject=Donor", "-p", "object=Party", "-p", "weight=Street"],
          'nomenklatura_bundestag-donations.csv:2:5: column "Street" (the weight): "Schillerstraße 19" is not a number')
    fails([path, "-p", "subject=Donor", "-p", "object=Party", "-p", "date=City"],
          ':2:6: column "City": "76135 Karlsruhe" is not an ISO 8601 date')
    # FollowTheMoney's example: spaces after the commas, a quoted cell after one
    path = os.path.join(folder, "followthemoney_links.csv")
    ents, _, stmts, _ = load(path, "-p", "subject=name", "-p", "object=comp_name", "-p", "predicate=role",
                             "-p", "subject_kind=", "-p", "kind=organization", "-p", "object_attrs=house_number,town,zip")
    s = stmts[0]
    check(ents[s["subject"]]["label"] == "Wile E. Coyote" and ents[s["object"]]["label"] == "ACME Inc." and
          s["predicate"] == "founder", f"a relation from the mapped columns: {s}")
    check(s["attrs"].get("fave_colours") == "brown; black; blue", f"a quoted cell after a space: {s['attrs']}")
    check(ents[s["object"]]["attrs"].get("zip") == "01234", "cells are text (a zip code keeps its zero)")


def test_encodings_and_delimiters(tmp):
    semi = os.path.join(tmp, "excel.csv")
    open(semi, "w", encoding="utf-8").write("Source;Target;Weight\nAnna Frank;Otto Frank;2\nOtto Frank;Miep Gies;1\n")
    ents, _, stmts, _ = load(semi)
    check(len(stmts) == 2 and stmts[0]["attrs"]["weight"] == 2, "a ; separated file")
    tab = os.path.join(tmp, "tabs.csv")
    open(tab, "w", encoding="utf-8").write("Source\tTarget\nq1\tq2\n")
    _, _, stmts, _ = load(tab)
    check(stmts[0]["subject"] == "q1" and stmts[0]["object"] == "q2", "a tab separated file, ids as written")
    win = os.path.join(tmp, "windows.csv")
    open(win, "wb").write("Id,Label\n1,Säännöt – “quoted”\n".encode("cp1252"))
    ents, _, _, note = load(win)
    check(ents["1"]["label"] == "Säännöt – “quoted”", f"Windows-1252 read right: {ents['1']}")
    check("not UTF-8 (byte 0xe4): read as Windows-1252" in note, f"and said: {note}")
    fails([win, "-p", "encoding=utf-8"], "not UTF-8 text")
    fails([semi, "-p", "delimiter=|"], "is no layout kgkit knows")
    # the other mistakes a mapping or a row can hold, each named with its row and column
    rows = os.path.join(tmp, "rows.csv")
    open(rows, "w", encoding="utf-8").write("who,whom,amount,said,src,id\nAnna,Otto,3,hello,,\n,Otto,,,,\n")
    fails([rows, "-p", "subject=who", "-p", "object=whom", "-p", "ends=maybe"], 'ends must be "auto", "id" or "name", not "maybe"')
    fails([rows, "-p", "subject=who", "-p", "object=whom", "-p", "value=amount"],
          "rows.csv:2:3: a row has an object (a relation) or a value (a claim), not both")
    fails([rows, "-p", "subject=who", "-p", "object=whom", "-p", "quote=said", "-p", "source=src"],
          "rows.csv:2:4: a quote without a source")
    fails([rows, "-p", "subject=who", "-p", "object=whom"], 'rows.csv:3:1: column "who" (the subject) is empty')
    fails([rows, "-p", "id=id"], 'rows.csv:2:6: column "id" (the id) is empty')
    mfile = os.path.join(tmp, "m.json")
    open(mfile, "w").write("[1, 2]")
    fails([rows, "-p", f"mapping={mfile}"], "mapping: a JSON object of roles and columns expected")
    json.dump({"subject": "who", "object": "whom", "subject_attrs": [1]}, open(mfile, "w"))
    fails([rows, "-p", f"mapping={mfile}"], 'mapping: "subject_attrs" must list column names')
    json.dump({"subject": "who", "object": "whom", "subject_attrs": 5}, open(mfile, "w"))
    fails([rows, "-p", f"mapping={mfile}"], 'mapping: "subject_attrs" must be a list of column names')
    json.dump({"subject": 7}, open(mfile, "w"))
    fails([rows, "-p", f"mapping={mfile}"], 'mapping: "subject" must be a column name (a string)')
    # kgkit's own tables take other columns as attributes, and name a misspelt one
    own = os.path.join(tmp, "own.csv")
    open(own, "w", encoding="utf-8").write("subject,predicate,object,notes\na,knows,b,met in 1999\n")
    open(os.path.join(tmp, "e.csv"), "w").write("id,label\na,A\nb,B\n")
    _, _, stmts, _ = load(os.path.join(tmp, "e.csv"), own)
    check(stmts[0]["attrs"] == {"notes": "met in 1999"}, f"an extra column as an attribute: {stmts[0]}")


def test_directory(tmp):
    belarus = os.path.join(SRC, "graphs", "belarus", "belarus.json")
    out = os.path.join(tmp, "tables") + "/"
    r = run("export", "csv", belarus, "-o", out)
    check(r.returncode == 0 and sorted(os.listdir(out)) == ["entities.csv", "predicates.csv", "statements.csv"],
          f"three tables in the directory: {r.stderr}")
    a = json.loads(run("import", belarus).stdout)
    b = json.loads(run("import", out).stdout)
    check(a == b, "import DIR/ reads them back as they were")
    c = json.loads(run("import", *(os.path.join(out, f) for f in ("statements.csv", "entities.csv", "predicates.csv"))).stdout)
    check(a == c, "the tables in any order: a file naming entities another one holds waits for it")
    r = run("import", os.path.join(out, "statements.csv"), os.path.join(out, "predicates.csv"))
    check(r.returncode == 1 and "unknown" in r.stderr and "entity" in r.stderr, f"still unknown at the end: named ({r.stderr.strip()})")


with tempfile.TemporaryDirectory() as tmp:
    for t in (test_entity_pairs, test_corpus, test_encodings_and_delimiters, test_directory):
        t(tmp)
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
