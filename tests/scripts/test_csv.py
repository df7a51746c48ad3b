#!/usr/bin/python3
"""test_csv.py KGKIT SOURCE_DIR - the CSV tables: lossless round trips, a spreadsheet's file, Python's csv reader, errors.

- Round trips: predicates, entities and statements tables written and read back give the
  same graph, byte for byte in the native format (the Belarus graph, the seed claims, the
  hostile labels, the full valid case).
- tests/data/csv/: what a spreadsheet writes (BOM, CRLF, quoted line breaks, "1,174",
  a list of aliases, a JSON attrs cell) reads as meant; the value type comes from the
  predicates table, not from a guess.
- Python's csv module reads the exported tables with one row per citation.
- Bad input names the file, row and column and what was expected.
"""
import csv, io, json, os, subprocess, sys, tempfile

KGKIT, SRC = sys.argv[1:3]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([KGKIT, "-q", *args], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    graphs = [os.path.join(SRC, p) for p in ("graphs/belarus/belarus.json", "tests/data/seed-claims.json",
                                             "tests/data/hostile-labels.json", "tests/cases/json-valid/full/input.json")]
    for g in graphs:
        name = os.path.basename(g)
        tables = [os.path.join(tmp, f"{name}.{t}.csv") for t in ("predicates", "entities", "statements")]
        for fmt, path in zip(("csv-predicates", "csv-entities", "csv"), tables):
            r = run("export", fmt, g, "-o", path)
            check(r.returncode == 0, f"{name}: export {fmt}: {r.stderr}")
        back, orig = os.path.join(tmp, name + ".back.json"), os.path.join(tmp, name + ".orig.json")
        r = run("import", *tables, "-o", back)
        check(r.returncode == 0, f"{name}: import the tables: {r.stderr}")
        run("export", "json", g, "-o", orig)
        check(open(back, "rb").read() == open(orig, "rb").read(), f"{name}: the round trip is lossless")
        check(open(tables[2], "rb").read(3) == b"\xef\xbb\xbf", f"{name}: a UTF-8 byte order mark for Excel")
        rows = list(csv.DictReader(io.open(tables[2], encoding="utf-8-sig", newline="")))
        doc = json.load(open(g, encoding="utf-8"))
        cites = sum(max(1, len(s.get("sources", []))) for s in doc["statements"])
        check(len(rows) == cites, f"{name}: Python's csv reads one row per citation ({len(rows)} vs {cites})")

    # what a spreadsheet writes
    data = os.path.join(SRC, "tests", "data", "csv")
    r = run("import", *(os.path.join(data, f) for f in ("predicates.csv", "entities.csv", "statements.csv")))
    check(r.returncode == 0, f"spreadsheet tables: {r.stderr}")
    doc = json.loads(r.stdout or "{}")
    st = {(s["subject"], s["predicate"]): s for s in doc.get("statements", [])}
    pp = st.get(("place:belarus", "political_prisoners_held"), {})
    check(pp.get("value") == 1174, f'"1,174" is a number because the predicate says so: {pp.get("value")!r}')
    check(pp.get("sources", [{}])[0].get("quote") == "Viasna has recorded 1,174 people\r\nbehind bars",
          "a quoted line break kept")
    check(st.get(("person:ales", "status"), {}).get("value") == "in prison, still", "an undeclared value is text")
    ents = {e["id"]: e for e in doc.get("entities", []) + doc.get("sources", [])}
    check(ents.get("group:viasna", {}).get("aliases") == ["Viasna human rights center", "Viasna Human Rights Centre"],
          "aliases split on ;")
    check(ents.get("group:viasna", {}).get("attrs") == {"founded": 1996}, "a JSON attrs cell")
    check(ents.get("src:ap", {}).get("publisher") == "Associated Press", "sources are entities of kind source")

    # errors: file, row, column, what was expected
    cases = [
        ("subject,predicate,object,value,value_type,qualifier\np,q,,12,number,approx\n",
         ":2:6: column \"qualifier\": unknown qualifier \"approx\""),
        ("subject,predicate,object,value,value_type\np,q,,\"1,17\",number\n", ':2:4: column "value": "1,17" is not a number'),
        ("subject,predicat,object\n", ':1:2: unknown column "predicat" (did you mean "predicate"?'),
        ("subject,predicate,object,value\np,q,r,5\n", ":2:4: a row has an object (a relation) or a value"),
        ("subject,predicate,object\np,q,\"never closed\n", ":2:3: a quoted field opened on line 2 is never closed"),
        ("id,kind,label\nx,person,a \"quoted\" word\n", ':2:3: a quote inside an unquoted field'),
        ("subject,predicate,object\nnobody,knows,somebody\n", ':2: '),
        ("id,attrs\nx,not json\n", ':2:2: column "attrs": a JSON object expected'),
        ("colour\nred\n", ':1:1: the header ("colour") is no layout kgkit knows: give the columns\' roles'),
    ]
    for i, (content, expected) in enumerate(cases):
        path = os.path.join(tmp, f"bad{i}.csv")
        open(path, "w", encoding="utf-8").write(content)
        r = run("import", path)
        check(r.returncode == 1 and f"bad{i}.csv{expected}" in r.stderr, f"bad{i}: {r.stderr.strip()!r} lacks {expected!r}")
    r = run("import", os.path.join(tmp, "bad6.csv"))
    check('"nobody"' in r.stderr, f"an unknown reference names the id: {r.stderr.strip()}")

if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
