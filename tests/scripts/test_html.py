#!/usr/bin/python3
"""test_html.py KGKIT SOURCE_DIR OUT_DIR TEST - the interactive page (kgkit export html) in a real browser:
headless Chromium driven by Selenium, the page loaded from a file: URL.

Tests:
  belarus  the main job's page (scripts/main-job: the Belarus graph after agreement and resolve): the nodes drawn are the entities exported; search finds
           an alias; clicking an edge shows its quotes; unticking a kind and choosing a source hide what they
           should (checked against the graph itself); Viasna's panel lists what Viasna says; the finding for the
           prisoners' count shows each report with its source and quote. A screenshot is kept in OUT_DIR.
  hostile  labels, quotes and URLs written to break out (</script>, <img onerror>, javascript:) show as text and
           run nothing.
  refused  a graph past the page's limit gets the message with what to do, and no file; a missing d3 or one that
           cannot be inlined is named (usage errors: exit 2).
Without python3-selenium or chromium-driver the browser tests skip (77).
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import browser  # noqa: E402

KGKIT, SRC, OUT, TEST = sys.argv[1:5]
BELARUS = os.path.join(SRC, "graphs", "belarus", "belarus.json")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kgkit(*args):
    return subprocess.run([KGKIT, *args], capture_output=True, text=True)


def open_page(d, path):
    from selenium.webdriver.support.ui import WebDriverWait
    d.get("file://" + os.path.abspath(path))
    WebDriverWait(d, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1' && "
                                                          "document.body.dataset.settled === '1'"))


def settle(d):
    """The numbers of the page once its next full frame is drawn and the view rests."""
    from selenium.webdriver.support.ui import WebDriverWait
    d.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    WebDriverWait(d, 20).until(lambda d: d.execute_script("return document.body.dataset.settled === '1'"))
    return d.execute_script("return Object.assign({}, document.body.dataset)")


def steady(d, script):
    """What script returns once the view has stopped moving (a search centres on what it found, animated)."""
    import time
    last = None
    for _ in range(50):
        now = d.execute_script(script)
        if now is not None and now == last:
            return now
        last = now
        time.sleep(0.1)
    return last


def errors(d):
    return [l for l in d.get_log("browser") if l["level"] == "SEVERE"]


def click_at(d, xy):
    from selenium.webdriver.common.action_chains import ActionChains
    canvas = d.find_element("css selector", "#kg-graph canvas")
    rect = d.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", canvas)
    ActionChains(d).move_to_element_with_offset(canvas, int(xy[0] - rect[0] / 2), int(xy[1] - rect[1] / 2)).click().perform()


def detail(d):
    return d.find_element("id", "kg-detail")


def test_belarus():
    with tempfile.TemporaryDirectory() as tmp:
        page, graph = os.path.join(tmp, "belarus.html"), os.path.join(tmp, "belarus-annotated.json")
        r = subprocess.run([os.path.join(SRC, "scripts", "main-job"), KGKIT, tmp], capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(r.stderr)
        doc = json.load(open(graph, encoding="utf-8"))
        sources = {s["id"] for s in doc["sources"]}
        ents = [e for e in doc["entities"] if e["id"] not in sources]
        by_id = {e["id"]: e for e in ents}
        pairs = {tuple(sorted((s["subject"], s["object"]))) for s in doc["statements"] if "object" in s}
        d = browser()
        try:
            open_page(d, page)
            n = settle(d)
            check(n["nodesDrawn"] == str(len(ents)) and n["edgesDrawn"] == str(len(pairs)),
                  f"drawn {n['nodesDrawn']} nodes and {n['edgesDrawn']} edges of {len(ents)} entities and {len(pairs)} related pairs")
            # search finds an alias that is not in the label
            box = d.find_element("id", "kg-search")
            box.send_keys("Tikhanovskaya")
            hits = d.find_element("css selector", ".kg-hits").text
            check("Sviatlana Tsikhanouskaya" in hits, f"the alias Tikhanovskaya finds her: {hits!r}")
            box.send_keys("\n")
            check(detail(d).find_element("tag name", "h2").text == "Sviatlana Tsikhanouskaya", "Enter opens her panel")
            # a click on an edge shows its quotes
            lk = [s for s in doc["statements"] if s["subject"] == "person:alexander-lukashenko" and s.get("object") == "place:belarus"]
            d.find_element("id", "kg-whole").click()
            xy = steady(d, "return window.kgkitPage.edgeMiddle('person:alexander-lukashenko', 'place:belarus')")
            click_at(d, xy)
            text = detail(d).text
            quotes = [c["quote"] for s in lk for c in s["sources"] if c.get("quote")]
            check(quotes and all(q in text for q in quotes) and "president_of" in text,
                  f"the edge's panel shows every quote of its {len(lk)} statement(s): {text[:300]!r}")
            # unticking a kind hides its entities and their edges
            d.find_element("css selector", "input[data-value='event']").click()
            n = settle(d)
            kept = {e["id"] for e in ents if e.get("kind") != "event"}
            want_edges = sum(1 for a, b in pairs if a in kept and b in kept)
            check(n["nodesShown"] == str(len(kept)) and n["edgesShown"] == str(want_edges),
                  f"without events: {n['nodesShown']} entities, {n['edgesShown']} edges; want {len(kept)}, {want_edges}")
            d.find_element("css selector", "input[data-value='event']").click()
            # one source: the entities with a statement it cites
            from selenium.webdriver.support.ui import Select
            Select(d.find_element("id", "kg-source")).select_by_value(
                str([s["id"] for s in doc["sources"]].index("src:003")))
            n = settle(d)
            cited = set()
            for s in doc["statements"]:
                if any(c["id"] == "src:003" for c in s["sources"]):
                    cited |= {s["subject"], s.get("object", s["subject"])}
            check(n["nodesShown"] == str(len(cited)), f"src:003 alone: {n['nodesShown']} entities shown, {len(cited)} it speaks of")
            Select(d.find_element("id", "kg-source")).select_by_value("-1")
            # Viasna: what it says, with the prisoners' count
            box.clear()
            box.send_keys("Viasna\n")
            text = detail(d).text
            check("According to Viasna" in text and "1,174 people" in text, f"Viasna's panel lists what it says: {text[:400]!r}")
            # the finding for the prisoners' count: every report, with source and quote
            rows = [r for r in d.find_elements("css selector", ".kg-finding") if "political_prisoners_held" in r.text]
            check(len(rows) == 1 and rows[0].get_attribute("data-status") == "changed",
                  f"one finding for the prisoners' count, a change over time: {[r.text for r in rows]}")
            if rows:
                check(rows[0].find_elements("tag name", "circle"), "the finding is drawn as a series")
                rows[0].click()
                text = detail(d).text
                held = [s for s in doc["statements"] if s["predicate"] == "political_prisoners_held"]
                check(all(c["quote"] in text for s in held for c in s["sources"] if c.get("quote")),
                      "the finding opens every report of the count with its quote")
                check(detail(d).find_elements("css selector", ".kg-fact.kg-chosen"), "the chosen value is marked")
            check(not errors(d), f"no errors in the console: {errors(d)}")
            os.makedirs(OUT, exist_ok=True)
            d.save_screenshot(os.path.join(OUT, "belarus-page.png"))
            print("screenshot:", os.path.join(OUT, "belarus-page.png"))
        finally:
            d.quit()


HOSTILE = {
    "kgkit": 1,
    "sources": [{"id": "s1", "title": "</script><script>window.__pwned = 1</script>", "url": "javascript:window.__pwned = 3",
                 "publisher": "<img src=x onerror=\"window.__pwned = 4\">", "published": "2024-05"}],
    "entities": [{"id": "a", "kind": "person", "label": "</script><script>window.__pwned = 1</script>"},
                 {"id": "b", "kind": "group", "label": "<img src=x onerror=\"window.__pwned = 2\">",
                  "aliases": ["\"quoted\" 'single' & <b>bold</b>"]}],
    "statements": [{"subject": "a", "predicate": "member_of", "object": "b",
                    "sources": [{"id": "s1", "quote": "<!-- a comment --> </SCRIPT> <svg onload=\"window.__pwned = 5\">"}]}],
}


def test_hostile():
    with tempfile.TemporaryDirectory() as tmp:
        g, page = os.path.join(tmp, "hostile.json"), os.path.join(tmp, "hostile.html")
        json.dump(HOSTILE, open(g, "w"))
        r = kgkit("export", "html", g, "-o", page)
        check(r.returncode == 0, r.stderr)
        html = open(page, encoding="utf-8").read()
        check("</script><script>window" not in html and "<img src=x" not in html, "nothing hostile is in the page as markup")
        d = browser()
        try:
            open_page(d, page)
            n = settle(d)
            check(n["nodesDrawn"] == "2", f"both entities drawn: {n}")
            box = d.find_element("id", "kg-search")
            box.send_keys("img src\n")
            h2 = detail(d).find_element("tag name", "h2").text
            check(h2 == HOSTILE["entities"][1]["label"], f"the label shown as text: {h2!r}")
            d.find_element("id", "kg-whole").click()  # the search zoomed in on one end
            xy = steady(d, "return window.kgkitPage.edgeMiddle('a', 'b')")
            click_at(d, xy)
            text = detail(d).text
            check(HOSTILE["statements"][0]["sources"][0]["quote"] in text and HOSTILE["sources"][0]["title"] in text,
                  f"the quote and the source's title as text: {text!r}")
            check(not d.find_elements("css selector", "#kg-detail a"), "a javascript: URL is no link")
            check(d.execute_script("return window.__pwned === undefined"), "nothing ran")
            check(d.title == "kgkit: 2 entities, 1 relations", f"title: {d.title!r}")
        finally:
            d.quit()


def test_refused():
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "p.html")
        r = kgkit("export", "html", BELARUS, "-o", page, "-p", "max_entities=10")
        check(r.returncode == 2 and "the page would draw 43 entities and 44 relations; it stays smooth up to 10" in r.stderr
              and "-p around=ID" in r.stderr and not os.path.exists(page), f"too big: {r.returncode} {r.stderr!r}")
        r = kgkit("export", "html", BELARUS, "-o", page, "-p", "around=person:ales-bialiatski", "-p", "max_entities=10")
        check(r.returncode == 0 and os.path.exists(page), f"around= draws a part within the limit: {r.stderr!r}")
        os.unlink(page)
        r = kgkit("export", "html", BELARUS, "-o", page, "-p", "d3=" + os.path.join(tmp, "none.js"))
        check(r.returncode == 2 and "none.js: the page needs d3" in r.stderr and "apt install node-d3" in r.stderr
              and not os.path.exists(page), f"no d3: {r.stderr!r}")
        bad = os.path.join(tmp, "bad.js")
        open(bad, "w").write("var s = '</script>'; d3.forceSimulation; d3.zoomIdentity; d3.quadtree;")
        r = kgkit("export", "html", BELARUS, "-o", page, "-p", "d3=" + bad)
        check(r.returncode == 2 and "this d3 cannot be inlined: it holds \"</script\"" in r.stderr, f"bad d3: {r.stderr!r}")
        open(bad, "w").write("window.d3 = {};")
        r = kgkit("export", "html", BELARUS, "-o", page, "-p", "d3=" + bad)
        check(r.returncode == 2 and "not a bundle of d3 5 or later" in r.stderr, f"not d3: {r.stderr!r}")


{"belarus": test_belarus, "hostile": test_hostile, "refused": test_refused}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
