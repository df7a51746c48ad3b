#!/usr/bin/python3
"""test_entities.py KGKIT SOURCE_DIR TEST - one person, one entity: the duplicates analysis.

Tests:
  variants  the labelled real spellings of tests/data/entities/variants.json (the press's, Wikipedia's, in Latin
            and Cyrillic), each name an entity: candidate recall at the default threshold at least 0.9, and no
            "same" suggested for a hard negative (spouses, father and son, namesakes). Prints the figures
            docs/entities.md records.
  evidence  each kind of evidence, in a graph made for it: names across case, order, punctuation and initials;
            kinds that cannot be one; shared neighbours and sources; a relation between the two; dates that agree
            or differ; gendered surnames; numbers in names; the JSON shape and the parameters.
  judgements  two sources that spell two people differently: duplicates, judged, imported again with the
            judgements: one entity per person, every citation kept, and the agreement analysis corroborates across
            both; "same" transitive, the canonical id and merged_from; a merge a "different" judgement contradicts
            refused with the chain; undo by merging without the line; unknown ids, malformed lines, a judgement of
            an entity with itself, kinds that cannot be one.
  review    kgkit review driven through a terminal (a pty): each key appends its judgement at once, a closed
            terminal keeps what was judged, judged pairs are not asked again.
  lookup    names given to around=, from= and to= found across case, word order and script; an ambiguous one
            lists the entities with their kinds.
"""
import json, os, pty, select, subprocess, sys, tempfile, time

KGKIT, SRC, TEST = sys.argv[1:4]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def duplicates(graph, *params):
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "g.json")
        json.dump(graph, open(f, "w", encoding="utf-8"), ensure_ascii=False)
        r = subprocess.run([KGKIT, "analyze", "duplicates", f, "--format", "json", *params], capture_output=True, text=True)
        if r.returncode:
            return None, r
        return json.loads(r.stdout), r


def people(*names, kind="person"):
    return [{"id": f"p{i}", "kind": kind, "label": n} for i, n in enumerate(names)]


def pair(report, a, b):
    for c in report["candidates"]:
        if {c["a"], c["b"]} == {a, b}:
            return c
    return None


def reasons(c):
    return {r["evidence"] for r in c["reasons"]} if c else set()


def test_variants():
    d = json.load(open(os.path.join(SRC, "tests", "data", "entities", "variants.json"), encoding="utf-8"))
    names = []
    for p in d["pairs"]:
        for n in (p["a"], p["b"]):
            if n not in names:
                names.append(n)
    ids = {n: f"n{i}" for i, n in enumerate(names)}
    report, r = duplicates({"kgkit": 1, "entities": [{"id": ids[n], "kind": "person", "label": n} for n in names],
                            "statements": []})
    check(report is not None, f"the analysis runs: {r.stderr}")
    pos = [p for p in d["pairs"] if p["same"]]
    neg = [p for p in d["pairs"] if not p["same"]]
    found = [p for p in pos if pair(report, ids[p["a"]], ids[p["b"]])]
    same = [p for p in pos if (pair(report, ids[p["a"]], ids[p["b"]]) or {}).get("suggested") == "same"]
    false_same = [p for p in neg if (pair(report, ids[p["a"]], ids[p["b"]]) or {}).get("suggested") == "same"]
    false_any = [p for p in neg if pair(report, ids[p["a"]], ids[p["b"]])]
    print(f"real variants: {len(pos)} same-person pairs, {len(neg)} hard negatives")
    print(f"candidates (score >= threshold): recall {len(found) / len(pos):.2f} ({len(found)}/{len(pos)})")
    print(f"suggested same: recall {len(same) / len(pos):.2f} ({len(same)}/{len(pos)})")
    print(f"hard negatives: {len(false_same)} suggested same, {len(false_any)} candidates at all")
    for p in pos:
        if p not in found:
            print(f"  missed: {p['a']} / {p['b']}")
    check(len(found) / len(pos) >= 0.9, f"recall {len(found)}/{len(pos)} below 0.9")
    check(not false_same, f"hard negatives suggested same: {false_same}")


def test_evidence():
    # names: case, order, punctuation are set aside; the notes file against a public dataset
    rep, _ = duplicates({"kgkit": 1, "entities": [
        {"id": "person:manafort", "kind": "person", "label": "Paul Manafort", "aliases": ["PAUL MANAFORT"]},
        {"id": "PAUL MANAFORT", "kind": "entity"},
        {"id": "x1", "kind": "person", "label": "Manafort, Paul"}], "statements": []})
    for other in ("PAUL MANAFORT", "x1"):
        c = pair(rep, "person:manafort", other)
        check(c and c["suggested"] == "same" and any("the same name" in r["detail"] for r in c["reasons"]),
              f"Paul Manafort ~ {other}: the same name: {c}")
    check(all(0 <= c["score"] <= 1 and c["suggested"] in ("same", "unsure") and
              {"a", "b", "a_name", "b_name", "score", "suggested", "reasons"} <= set(c) for c in rep["candidates"]),
          f"each candidate as documented: {rep['candidates']}")
    check([c["score"] for c in rep["candidates"]] == sorted((c["score"] for c in rep["candidates"]), reverse=True),
          "candidates by score, best first")
    # initials, and a name that is part of another
    rep, _ = duplicates({"kgkit": 1, "entities": people("Alexander Lukashenko", "A. Lukashenko", "Lukashenko"),
                         "statements": []})
    c = pair(rep, "p0", "p1")
    check(c and c["suggested"] == "unsure" and any("initials" in r["detail"] for r in c["reasons"]), f"initials: {c}")
    c = pair(rep, "p0", "p2")
    check(c and any("part of the other" in r["detail"] for r in c["reasons"]), f"a surname alone: {c}")
    # kinds: a person and a place of one name are never one; a generic kind may be anything
    rep, _ = duplicates({"kgkit": 1, "entities": [{"id": "a", "kind": "person", "label": "Minsk"},
                                                   {"id": "b", "kind": "place", "label": "Minsk"}], "statements": []})
    check(not rep["candidates"], f"a person and a place: {rep['candidates']}")
    # shared neighbours and sources raise a surname-alone pair; a relation between the two lowers it
    base = people("Lukashenko", "Alexander Lukashenko") + [{"id": "m", "kind": "place", "label": "Minsk"},
                                                            {"id": "b", "kind": "place", "label": "Belarus"}]
    src = [{"id": "s1", "title": "an article"}]
    alone, _ = duplicates({"kgkit": 1, "entities": base, "statements": []})
    shared, _ = duplicates({"kgkit": 1, "sources": src, "entities": base, "statements": [
        {"subject": "p0", "predicate": "visited", "object": "m", "sources": ["s1"]},
        {"subject": "p1", "predicate": "visited", "object": "m", "sources": ["s1"]},
        {"subject": "p1", "predicate": "president_of", "object": "b"}]})
    a, s = pair(alone, "p0", "p1"), pair(shared, "p0", "p1")
    check(a and s and s["score"] > a["score"] and {"neighbours", "sources"} <= reasons(s),
          f"shared neighbours and sources count for: {a} / {s}")
    related, _ = duplicates({"kgkit": 1, "entities": base, "statements": [
        {"subject": "p0", "predicate": "met_with", "object": "p1"}]}, "-p", "threshold=0")
    c = pair(related, "p0", "p1")
    check(c and "related" in reasons(c) and c["score"] < a["score"], f"a relation between them counts against: {c}")
    # dates: a birth date that differs counts against, one that agrees for
    two = people("Ivan Petrov", "Ivan Petrov")
    differ, _ = duplicates({"kgkit": 1, "entities": two, "statements": [
        {"subject": "p0", "predicate": "birth_date", "value": {"date": "1960-02-01"}},
        {"subject": "p1", "predicate": "birth_date", "value": {"date": "1971-05-03"}}]}, "-p", "threshold=0")
    agree, _ = duplicates({"kgkit": 1, "entities": two, "statements": [
        {"subject": "p0", "predicate": "birth_date", "value": {"date": "1960-02-01"}},
        {"subject": "p1", "predicate": "birth_date", "value": {"date": "1960"}}]})
    cd, ca = pair(differ, "p0", "p1"), pair(agree, "p0", "p1")
    check(cd and ca and "dates" in reasons(cd) and cd["score"] < 0.9 <= ca["score"],
          f"birth dates that differ / agree: {cd} / {ca}")
    # attributes: another value counts against, the same for
    two_attrs = [{"id": "p0", "kind": "person", "label": "Ivan Petrov", "attrs": {"nationality": "ru", "ftm_schema": "Person"}},
                 {"id": "p1", "kind": "person", "label": "Ivan Petrov", "attrs": {"nationality": "ua", "ftm_schema": "Person"}}]
    rep, _ = duplicates({"kgkit": 1, "entities": two_attrs, "statements": []})
    c = pair(rep, "p0", "p1")
    check(c and any(r["evidence"] == "attributes" and r["weight"] < 0 and "nationality" in r["detail"] for r in c["reasons"])
          and not any("ftm_schema" in r["detail"] for r in c["reasons"]), f"an attribute that differs: {c}")
    # gendered surnames: spouses, in Latin and Cyrillic; the reason is given when asked to show everything
    rep, _ = duplicates({"kgkit": 1, "entities": people("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski",
                                                        "Святлана Ціханоўская"), "statements": []}, "-p", "threshold=0")
    c = pair(rep, "p0", "p1")
    check(c and "gender" in reasons(c) and c["score"] < 0.01, f"spouses: {c}")
    c = pair(rep, "p0", "p2")
    check(c and c["suggested"] == "same", f"her name in Cyrillic: {c}")
    # numbers in names
    rep, _ = duplicates({"kgkit": 1, "entities": people("2020 presidential election", "2025 presidential election",
                                                        kind="event"), "statements": []}, "-p", "threshold=0")
    c = pair(rep, "p0", "p1")
    check(c and any("different numbers" in r["detail"] for r in c["reasons"]) and c["score"] < 0.4, f"numbers: {c}")
    # parameters
    _, r = duplicates({"kgkit": 1, "entities": two, "statements": []}, "-p", "threshold=2")
    check(r.returncode == 2 and "0 <= threshold <= same <= 1" in r.stderr, f"a bad threshold: {r.stderr!r}")
    _, r = duplicates({"kgkit": 1, "entities": two, "statements": []}, "-p", "window=0")
    check(r.returncode == 2 and "window 1 or more" in r.stderr, f"a bad window: {r.stderr!r}")
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "g.json")
        json.dump({"kgkit": 1, "entities": people("Maria Kalesnikava", "Maryia Kalesnikava", "Tsikhanouskaya",
                                                  "Tsikhanouski"), "statements": []}, open(f, "w"))
        r = subprocess.run([KGKIT, "analyze", "duplicates", f, "-p", "threshold=0"], capture_output=True, text=True)
        check(r.returncode == 0 and "Maria Kalesnikava (p0, person) ~ Maryia Kalesnikava (p1, person)" in r.stdout
              and "0.92 same" in r.stdout and "gender:" in r.stdout, f"the text report: {r.stdout}")


AP = {"kgkit": 1, "sources": [{"id": "src:ap", "title": "AP, 2024-09", "published": "2024-09-20"}],
      "entities": [{"id": "person:tsikhanouskaya", "kind": "person", "label": "Sviatlana Tsikhanouskaya"},
                   {"id": "person:tsikhanouski", "kind": "person", "label": "Siarhei Tsikhanouski"},
                   {"id": "place:lithuania", "kind": "place", "label": "Lithuania"}],
      "statements": [{"subject": "person:tsikhanouskaya", "predicate": "lives_in", "object": "place:lithuania",
                      "sources": [{"id": "src:ap", "quote": "in exile in Lithuania"}]},
                     {"subject": "person:tsikhanouski", "predicate": "married_to", "object": "person:tsikhanouskaya",
                      "sources": ["src:ap"]}]}
AFP = {"kgkit": 1, "sources": [{"id": "src:afp", "title": "AFP, 2023-01", "published": "2023-01-17"}],
       "entities": [{"id": "afp:tikhanovskaya", "kind": "person", "label": "Svetlana Tikhanovskaya"},
                    {"id": "afp:tikhanovsky", "kind": "person", "label": "Sergei Tikhanovsky"},
                    {"id": "place:lithuania", "kind": "place", "label": "Lithuania"}],
       "statements": [{"subject": "afp:tikhanovskaya", "predicate": "lives_in", "object": "place:lithuania",
                       "sources": [{"id": "src:afp", "quote": "forced to exile to Lithuania"}]},
                      {"subject": "afp:tikhanovsky", "predicate": "married_to", "object": "afp:tikhanovskaya",
                       "sources": ["src:afp"]}]}


def kg(*args, stdin=None):
    return subprocess.run([KGKIT, *args], capture_output=True, text=True, input=stdin)


def lines(path, *judgements):
    open(path, "w").write("".join(json.dumps(j) + "\n" for j in judgements))


def test_judgements():
    with tempfile.TemporaryDirectory() as tmp:
        a, b, ab, jf, merged = (os.path.join(tmp, f) for f in ("ap.json", "afp.json", "ab.json", "j.jsonl", "m.json"))
        json.dump(AP, open(a, "w"))
        json.dump(AFP, open(b, "w"))
        check(kg("import", a, b, "-o", ab).returncode == 0, "the two sources merge by id")
        rep = json.loads(kg("analyze", "duplicates", ab, "--format", "json").stdout)
        pairs = {frozenset((c["a"], c["b"])): c for c in rep["candidates"]}
        check(set(pairs) == {frozenset(("person:tsikhanouskaya", "afp:tikhanovskaya")),
                             frozenset(("person:tsikhanouski", "afp:tikhanovsky"))},
              f"each person and their other spelling, not the spouses: {list(pairs)}")
        lines(jf, *({"a": c["a"], "b": c["b"], "judgement": "same", "by": "test", "at": "2026-12-02"}
                    for c in rep["candidates"]))
        r = kg("import", a, b, "--judgements", jf, "-o", merged)
        check(r.returncode == 0 and "2 judgements, 2 entities merged into others" in r.stderr, f"merged: {r.stderr}")
        doc = json.load(open(merged))
        people = [e for e in doc["entities"] if e.get("kind") == "person"]
        check(len(people) == 2, f"one entity per person: {[e['id'] for e in people]}")
        her = [e for e in people if "Svetlana Tikhanovskaya" in ([e.get("label")] + e.get("aliases", []))]
        check(her and {"Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"} <= {her[0].get("label")} | set(her[0].get("aliases", [])),
              f"her spellings on one entity: {her}")
        lives = [s for s in doc["statements"] if s["predicate"] == "lives_in"]
        check(len(lives) == 1 and {c["id"] for c in lives[0]["sources"]} == {"src:ap", "src:afp"} and
              {c.get("quote") for c in lives[0]["sources"]} == {"in exile in Lithuania", "forced to exile to Lithuania"},
              f"one statement citing both sources with their quotes: {lives}")
        ag = json.loads(kg("analyze", "agreement", merged, "--format", "json").stdout)
        check(ag["totals"]["agreed"] == 2 and ag["totals"]["single"] == 0, f"corroborated across both: {ag['totals']}")
        check(kg("analyze", "duplicates", ab, "-p", f"judgements={jf}", "--format", "json").stdout.count('"a":') == 0,
              "judged pairs are no longer candidates")
        # undo: the judgement of the spouses' husbands removed, he is two again
        lines(jf, {"a": "person:tsikhanouskaya", "b": "afp:tikhanovskaya", "judgement": "same"})
        doc = json.loads(kg("import", a, b, "--judgements", jf).stdout)
        check(len([e for e in doc["entities"] if e.get("kind") == "person"]) == 3, "a removed judgement undone by re-running")
        # transitivity, the canonical id (the most statements), merged_from
        g = {"kgkit": 1, "entities": [{"id": "x", "kind": "person", "label": "A. Lukashenko"},
                                      {"id": "y", "kind": "person", "label": "Alexander Lukashenko"},
                                      {"id": "z", "kind": "entity", "label": "Lukashenka"},
                                      {"id": "m", "kind": "place", "label": "Minsk"}],
             "statements": [{"subject": "y", "predicate": "visited", "object": "m"},
                            {"subject": "y", "predicate": "born", "value": {"date": "1954-08-30"}},
                            {"subject": "z", "predicate": "visited", "object": "m"}]}
        gf = os.path.join(tmp, "g.json")
        json.dump(g, open(gf, "w"))
        lines(jf, {"a": "x", "b": "y", "judgement": "same"}, {"a": "y", "b": "z", "judgement": "same"})
        doc = json.loads(kg("import", gf, "--judgements", jf).stdout)
        ents = {e["id"]: e for e in doc["entities"]}
        check(set(ents) == {"y", "m"} and sorted(ents["y"]["attrs"]["merged_from"]) == ["x", "z"] and
              {"x", "z", "A. Lukashenko", "Lukashenka"} <= set(ents["y"].get("aliases", [])) and ents["y"]["kind"] == "person",
              f"x ~ y ~ z: one entity under y, the others its aliases: {ents.get('y')}")
        check(len([s for s in doc["statements"] if s["predicate"] == "visited"]) == 1, "identical statements united")
        # a contradicted merge is refused with the chain
        lines(jf, {"a": "x", "b": "y", "judgement": "same"}, {"a": "y", "b": "z", "judgement": "same"},
              {"a": "x", "b": "z", "judgement": "different", "why": "his son"})
        out = os.path.join(tmp, "never.json")
        r = kg("import", gf, "--judgements", jf, "-o", out)
        check(r.returncode == 1 and 'line 3 judges "x" and "z" different, but "same" judgements join them' in r.stderr
              and "(line 1)" in r.stderr and "(line 2)" in r.stderr and not os.path.exists(out), f"refused: {r.stderr!r}")
        # kinds that cannot be one
        lines(jf, {"a": "y", "b": "m", "judgement": "same"})
        r = kg("import", gf, "--judgements", jf)
        check(r.returncode == 1 and "one entity cannot be of two kinds" in r.stderr, f"a person and a place: {r.stderr!r}")
        # bad input
        lines(jf, {"a": "x", "b": "nobody", "judgement": "same"}, {"a": "x", "b": "y", "judgement": "same", "note": 1})
        r = kg("import", gf, "--judgements", jf)
        check(r.returncode == 0 and 'no entity "nobody" in the graph: the judgement of line 1 is skipped' in r.stderr
              and '"note" (first on line 2)' in r.stderr, f"an unknown id and an unknown member are said: {r.stderr!r}")
        for content, message in (('{"a": "x", "b": "y", "judgement": "same"}\n{"a": "x", "b":\n', "j.jsonl:2:"),
                                 ('{"a": "x", "b": "x", "judgement": "same"}\n', 'j.jsonl:1: "x" is judged against itself'),
                                 ('{"a": "x", "b": "y", "judgement": "maybe"}\n', 'j.jsonl:1: "judgement" is "same", "different" or "unsure", not "maybe"'),
                                 ('{"a": "x", "judgement": "same"}\n', 'j.jsonl:1: a judgement needs "a", "b" and "judgement"; this line lacks "b"'),
                                 ('[1, 2]\n', "j.jsonl:1:1: a judgement is a JSON object"),
                                 ('{"a": 7, "b": "y", "judgement": "same"}\n', 'j.jsonl:1: "a" must be an entity id (a non-empty string)'),
                                 ('{"a": "x", "b": "y", "judgement": "same", "why": 3}\n', 'j.jsonl:1: "why" must be a string'),
                                 ('{"a": "x", "b": "y", "judgement": 1}\n', 'j.jsonl:1: "judgement" must be a string: "same", "different" or "unsure"')):
            open(jf, "w").write(content)
            r = kg("import", gf, "--judgements", jf)
            check(r.returncode == 1 and message in r.stderr, f"expected {message!r}: {r.stderr!r}")
        r = kg("import", gf, "--judgements", os.path.join(tmp, "missing.jsonl"))
        check(r.returncode == 1 and "missing.jsonl: cannot read the judgements" in r.stderr, f"a missing file: {r.stderr!r}")


def test_review():
    with tempfile.TemporaryDirectory() as tmp:
        ab, jf = os.path.join(tmp, "ab.json"), os.path.join(tmp, "j.jsonl")
        a, b = os.path.join(tmp, "ap.json"), os.path.join(tmp, "afp.json")
        json.dump(AP, open(a, "w"))
        json.dump(AFP, open(b, "w"))
        kg("import", a, b, "-o", ab)

        def session():
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(KGKIT, [KGKIT, "review", ab, "--judgements", jf, "--by", "tester"])
            return pid, fd

        def read_until(fd, text, timeout=20):
            got, end = b"", time.time() + timeout
            while text.encode() not in got and time.time() < end:
                if select.select([fd], [], [], 0.2)[0]:
                    try:
                        got += os.read(fd, 4096)
                    except OSError:
                        break
            return got.decode(errors="replace")

        pid, fd = session()
        screen = read_until(fd, "quit (q)")
        check("[1/2]" in screen and "Sviatlana Tsikhanouskaya" in screen and "sources: AP, 2024-09" in screen,
              f"the first pair with its sources: {screen!r}")
        os.write(fd, b"s the AFP spelling\n")
        screen = read_until(fd, "[2/2]")
        judged = [json.loads(l) for l in open(jf)]
        check(len(judged) == 1 and judged[0]["judgement"] == "same" and judged[0]["why"] == "the AFP spelling" and
              judged[0]["by"] == "tester", f"written at once: {judged}")
        os.kill(pid, 9)  # the terminal closed mid-review
        os.waitpid(pid, 0)
        os.close(fd)
        check(len(open(jf).readlines()) == 1, "what was judged is kept")
        pid, fd = session()
        screen = read_until(fd, "quit (q)")
        check("[1/1]" in screen and "A  Siarhei Tsikhanouski" in screen and "A  Sviatlana" not in screen,
              f"the judged pair is not asked again: {screen!r}")
        os.write(fd, b"x\n")
        screen = read_until(fd, "(one of s, d, u, k, q)")
        check("(one of s, d, u, k, q)" in screen, "another key is asked again")
        os.write(fd, b"d\n")
        screen = read_until(fd, "left open")
        os.waitpid(pid, 0)
        os.close(fd)
        judged = [json.loads(l) for l in open(jf)]
        check([j["judgement"] for j in judged] == ["same", "different"], f"the second judgement appended: {judged}")
        r = kg("review", ab, "--judgements", jf, stdin="")
        check(r.returncode == 0 and "No open candidates" in r.stdout, f"nothing left: {r.stdout!r}")
        r = kg("review", ab)
        check(r.returncode == 2 and "--judgements FILE" in r.stderr, f"the file is asked for: {r.stderr!r}")
        # a label that would drive the terminal is shown with its control characters as "?"
        hostile = os.path.join(tmp, "hostile.json")
        json.dump({"kgkit": 1, "entities": [{"id": "a", "kind": "person", "label": "Ivan Petrov\u001b[2J"},
                                            {"id": "b", "kind": "person", "label": "Ivan Petrov"}], "statements": []},
                  open(hostile, "w"))
        r = kg("review", hostile, "--judgements", os.path.join(tmp, "h.jsonl"), stdin="q\n")
        check(r.returncode == 0 and "Ivan Petrov?[2J" in r.stdout and "\x1b" not in r.stdout,
              f"control characters shown as ?: {r.stdout!r}")


def test_lookup():
    belarus = os.path.join(SRC, "graphs", "belarus", "belarus.json")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "x.dot")
        for name in ("ales bialiatski", "BIALIATSKI, ALES", "Алесь Бяляцкі", "Ales Bialiatski"):
            r = kg("export", "dot", belarus, "-o", out, "-p", f"around={name}")
            check(r.returncode == 0 and "person:ales-bialiatski" in open(out).read(), f"around={name}: {r.stderr!r}")
        r = kg("analyze", "paths", belarus, "-p", "from=lukashenko", "-p", "to=VIASNA")
        check(r.returncode == 0 and "Alexander Lukashenko to Viasna" in r.stdout, f"from= and to= by name: {r.stderr!r}")
        g = os.path.join(tmp, "g.json")
        json.dump({"kgkit": 1, "entities": [{"id": "p", "kind": "person", "label": "Minsk"},
                                            {"id": "c", "kind": "place", "label": "minsk"}], "statements": [
            {"subject": "p", "predicate": "lives_in", "object": "c"}]}, open(g, "w"))
        r = kg("export", "dot", g, "-o", out, "-p", "around=MINSK")
        check(r.returncode == 1 and '"MINSK" names several entities: Minsk (p, person), minsk (c, place)' in r.stderr,
              f"an ambiguous name lists the kinds: {r.stderr!r}")


{"variants": test_variants, "evidence": test_evidence, "judgements": test_judgements, "review": test_review,
 "lookup": test_lookup}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
