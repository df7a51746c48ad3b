#!/usr/bin/python3
"""test_belarus.py KGKIT SOURCE_DIR - the main job on the Belarus graph, and the findings its README documents.

Runs scripts/main-job (what scripts/demo runs) into a scratch folder and checks: the report
comes conflicts first; every output exists and is read by its consumer (the JSON report and
the annotated graph by Python's json and kgkit, the DOT by Graphviz's gvpr, the SVG as XML);
the expected findings hold; and graphs/belarus/README.md quotes the report as it is now.
"""
import json, os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

KGKIT, SRC = sys.argv[1:3]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def slot(report, subject, predicate):
    for s in report["slots"]:
        if s["subject"] == subject and s["predicate"] == predicate:
            return s
    raise SystemExit(f"no slot {subject} {predicate}")


def clashes(s, kind, why):
    """The pairs of sources in the slot's conflicts or changes with this reason."""
    return {tuple(sorted((s["reports"][a]["source"], s["reports"][b]["source"])))
            for a, b in (c["reports"] for c in s[kind] if c["why"] == why)}


with tempfile.TemporaryDirectory() as out:
    r = subprocess.run([os.path.join(SRC, "scripts", "main-job"), KGKIT, out], capture_output=True, text=True)
    check(r.returncode == 0, f"main job exit {r.returncode}: {r.stderr}")
    text = r.stdout
    check(text.startswith("Source agreement: "), "the report comes first")
    pos = [text.find(h) for h in ("\nCONFLICTS", "\nCHANGES OVER TIME", "\nCORROBORATED", "\nSOURCES")]
    check(all(p >= 0 for p in pos) and pos == sorted(pos), f"conflicts first, then changes, corroborations, sources: {pos}")
    for f in ("agreement.json", "belarus-annotated.json", "belarus.dot", "belarus.svg"):
        check(f"wrote {os.path.join(out, f)}" in r.stderr, f"says where {f} went")

    report = json.load(open(os.path.join(out, "agreement.json"), encoding="utf-8"))
    annotated = json.load(open(os.path.join(out, "belarus-annotated.json"), encoding="utf-8"))
    check(all("agreement" in s.get("attrs", {}) for s in annotated["statements"]), "every statement carries its verdict")
    info = subprocess.run([KGKIT, "info", os.path.join(out, "belarus-annotated.json")], capture_output=True, text=True)
    check(info.returncode == 0 and "83 (44 relations, 39 claims" in info.stdout, f"the annotated graph reads back: {info.stdout[:200]}")
    gv = subprocess.run(["gvpr", 'N{printf("%s\\n", $.name)}', os.path.join(out, "belarus.dot")], capture_output=True, text=True)
    names = set(gv.stdout.split("\n")) - {""}
    check(gv.returncode == 0 and "person:ales-bialiatski" in names and len(names) == 44, f"DOT read by Graphviz: {len(names)} nodes")
    svg = ET.parse(os.path.join(out, "belarus.svg")).getroot()
    check(svg.tag.endswith("svg"), "SVG is XML")
    check(b"#c0392b" in open(os.path.join(out, "belarus.svg"), "rb").read(), "disputed figures drawn red")

    # the findings
    pp = slot(report, "place:belarus", "political_prisoners_held")
    check(pp["status"] == "conflict", "political prisoners: conflict")
    # only where the dates cannot separate them: src:002's "2024" holds src:001's December; and
    # Tsikhanouskaya's "thousands" against src:002's own "about 1,400"
    check(clashes(pp, "conflicts", "same_time") == {("src:001", "src:002"), ("src:002", "src:002")},
          f"conflicts only where dates cannot separate them: {clashes(pp, 'conflicts', 'same_time')}")
    check(("src:001", "src:003") in clashes(pp, "changes", "change") and ("src:002", "src:003") in clashes(pp, "changes", "change"),
          "the fall to 1,174 is a change over time")
    check(pp["reports"][-1]["value"]["amount"] == 1174, "the series ends at 1,174")
    deaths = slot(report, "place:belarus", "deaths_in_custody")
    check(deaths["status"] == "agreed" and deaths["origins"] == 2 and len(deaths["reports"]) == 4, f"deaths: compatible lower bounds {deaths['status']}")
    arrests = slot(report, "place:belarus", "arrests_since_2020")
    check(arrests["status"] == "conflict" and clashes(arrests, "conflicts", "same_time") == {("src:000", "src:004"), ("src:002", "src:004")},
          "arrests: 65,000 against some 30,000")
    check(slot(report, "place:belarus", "released_since_2024_07")["status"] == "changed", "releases: a growing total")
    check(slot(report, "person:siarhei-tsikhanouski", "custody_status")["status"] == "changed", "Tsikhanouski: imprisoned, then released")
    check(slot(report, "event:pardon-round-6", "people_pardoned")["status"] == "agreed", "32 pardoned: two origins")

    # the README quotes the report as it is
    readme = open(os.path.join(SRC, "graphs", "belarus", "README.md"), encoding="utf-8").read()
    for line in text.split("\n")[:2]:
        check(line in readme, f"README quotes the report's head: {line!r}")
    quoted = [l.strip() for l in readme.split("\n") if l.strip().startswith("- ") and "cannot both be true" in l]
    check(len(quoted) >= 2, "README quotes the conflicts' reasons")
    for line in quoted:
        check(line in text, f"README's quote is what the tool prints: {line[:80]}...")

if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
