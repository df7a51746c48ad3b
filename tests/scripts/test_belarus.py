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
    pos = [text.find(h) for h in ("\nCHANGES OVER TIME", "\nCORROBORATED", "\nSOURCES")]
    check(all(p >= 0 for p in pos) and pos == sorted(pos), f"changes over time, then corroborations, sources: {pos}")
    # read well, the five articles contradict each other nowhere
    check("\nCONTRADICTIONS" not in text and "\nCANNOT TELL" not in text, "no contradiction, nothing the dates cannot settle")
    check("No source contradicts another: where they differ, their dates show a change over time." in text,
          "the summary says it in words")
    for f in ("agreement.json", "resolve.json", "belarus-annotated.json", "belarus.dot", "belarus.svg", "belarus.html"):
        check(f"wrote {os.path.join(out, f)}" in r.stderr, f"says where {f} went")

    report = json.load(open(os.path.join(out, "agreement.json"), encoding="utf-8"))
    annotated = json.load(open(os.path.join(out, "belarus-annotated.json"), encoding="utf-8"))
    check(all("agreement" in s.get("attrs", {}) for s in annotated["statements"]), "every statement carries its verdict")
    info = subprocess.run([KGKIT, "info", os.path.join(out, "belarus-annotated.json")], capture_output=True, text=True)
    check(info.returncode == 0 and "85 (44 relations, 41 claims" in info.stdout, f"the annotated graph reads back: {info.stdout[:200]}")
    gv = subprocess.run(["gvpr", 'N{printf("%s\\n", $.name)}', os.path.join(out, "belarus.dot")], capture_output=True, text=True)
    names = set(gv.stdout.split("\n")) - {""}
    check(gv.returncode == 0 and "person:ales-bialiatski" in names and len(names) == 44, f"DOT read by Graphviz: {len(names)} nodes")
    svg = ET.parse(os.path.join(out, "belarus.svg")).getroot()
    check(svg.tag.endswith("svg"), "SVG is XML")
    check(b"#c0392b" not in open(os.path.join(out, "belarus.svg"), "rb").read(), "nothing drawn as disputed")
    check("[changed]" in open(os.path.join(out, "belarus.svg"), encoding="utf-8").read(),
          "the tooltips say which figures changed over time")

    # the findings (graphs/belarus/README.md argues each)
    check(report["totals"]["conflict"] == 0 and report["totals"]["undetermined"] == 0,
          f"no contradiction: {report['totals']}")
    pp = slot(report, "place:belarus", "political_prisoners_held")
    check(pp["status"] == "changed", f"political prisoners: a change over time, not {pp['status']}")
    series = [(d["as_of"], d["status"]) for d in pp["series"]]
    check([d for d, _ in series] == ["2024-09", "2024-09/2024-11", "2024-10/2024-12", "2024-12", "2025-07"],
          f"the count's series, by date: {series}")
    check(all(st in ("single", "agreed") for _, st in series), f"no date of the series disputed: {series}")
    amounts = [r["value"].get("amount") if isinstance(r["value"], dict) else r["value"] for r in pp["reports"]]
    check(amounts[-1] == 1174, f"the series ends at 1,174: {amounts}")
    check(("src:001", "src:003") in clashes(pp, "changes", "change") and ("src:002", "src:003") in clashes(pp, "changes", "change"),
          "the fall to 1,174 is a change over time")
    check(("src:001", "src:002") in clashes(pp, "changes", "change"), "about 1,400 (September) to about 1,250 (December): a fall")
    vague = [r for r in pp["reports"] if isinstance(r["value"], dict) and r["value"].get("qualifier") == "thousands"]
    check(len(vague) == 1 and vague[0]["according_to"] == "person:sviatlana-tsikhanouskaya" and "amount" not in vague[0]["value"],
          "Tsikhanouskaya's thousands: a vague quantity")
    vi = pp["reports"].index(vague[0]) if vague else -1
    check(not any(vi in c["reports"] for k in ("conflicts", "undetermined", "changes") for c in pp[k]),
          "thousands fits every count of the series")
    deaths = slot(report, "place:belarus", "deaths_in_custody")
    check(deaths["status"] == "single" and deaths["origins"] == 1 and len(deaths["reports"]) == 4 and not deaths["changes"],
          f"deaths: compatible lower bounds, all Viasna's {deaths['status']}")
    arrests = slot(report, "place:belarus", "arrests_since_2020")
    check(arrests["status"] == "changed" and clashes(arrests, "changes", "change") == {("src:000", "src:004"), ("src:002", "src:004")},
          f"arrests: one running total, some 30,000 in 2020 and 65,000 in 2024: {arrests['status']}")
    check(arrests["reports"][0]["as_of"] == "2020" and arrests["reports"][0]["dated_by"] == "statement", "the 30,000 dated 2020")
    check(slot(report, "place:belarus", "released_since_2024_07")["status"] == "changed", "releases: a growing total")
    check(slot(report, "person:siarhei-tsikhanouski", "custody_status")["status"] == "changed", "Tsikhanouski: imprisoned, then released")
    check(slot(report, "event:pardon-round-6", "people_pardoned")["status"] == "agreed", "32 pardoned: two origins")
    dates = {s["id"]: s.get("published") for s in annotated["sources"]}
    check(dates == {"src:000": "2024-09/2024-11", "src:001": "2024-12", "src:002": "2024-09", "src:003": "2025-07",
                    "src:004": "2024-10/2024-12"}, f"the sources dated from their texts: {dates}")

    # the README quotes the report as it is
    readme = open(os.path.join(SRC, "graphs", "belarus", "README.md"), encoding="utf-8").read()
    for line in text.split("\n")[:2]:
        check(line in readme, f"README quotes the report's head: {line!r}")
    quoted = [l.strip() for l in readme.split("\n") if l.strip().startswith("- changed from ")]
    check(len(quoted) >= 2, "README quotes what changed")
    for line in quoted:
        check(line in text, f"README's quote is what the tool prints: {line[:80]}...")

if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
