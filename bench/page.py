#!/usr/bin/python3
"""bench/page.py [KGKIT] - how the interactive page (kgkit export html) copes with size: for graphs made by
../shared/bench/gen.py (up to 10,000 entities and 55,000 relations, the size docs/html.md promises to keep smooth),
the export's time, the page's size, and in headless Chromium (Selenium) the time until the page is drawn, the
frame rate while zooming and panning, and how long a click on an entity takes to open its panel.

Headless Chromium draws in software, without a GPU: a desktop browser does better. Prints a Markdown table
(recorded in bench/results.md). Needs a build (scripts/demo) and scripts/deps' browser packages."""
import os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KGKIT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "bin", "kgkit")
GEN = os.path.join(HERE, "..", "..", "shared", "bench", "gen.py")
SIZES = [8_000, 40_000, 80_000]  # statements: about 1,000, 5,000 and 10,000 entities

sys.path.insert(0, os.path.join(HERE, "..", "tests", "scripts"))
from browser import browser  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


# zoom in and out and pan for two seconds, one step per animation frame; the page counts the frames it draws
ANIMATE = """
const done = arguments[arguments.length - 1], canvas = document.querySelector('#kg-graph canvas');
const start = performance.now(), before = window.kgkitPage.frames();
let step = 0;
function tick(now) {
  if (now - start > 2000) { done([window.kgkitPage.frames() - before, (now - start) / 1000]); return; }
  const r = canvas.getBoundingClientRect();
  canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: step++ % 40 < 20 ? -30 : 30, clientX: r.width / 2 + (step % 7) * 5,
                                                clientY: r.height / 2, bubbles: true, cancelable: true}));
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);
"""

CLICK = """
const done = arguments[arguments.length - 1];
const e = document.querySelector('.kg-hits button');
const t0 = performance.now();
e.click();
requestAnimationFrame(() => done(performance.now() - t0));
"""

print("| statements | entities | relations | export (s) | page (MB) | drawn after (s) | a full frame (ms) | frames per second, zooming | search + panel (ms) |")
print("|---|---|---|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for n in SIZES:
        subprocess.run([sys.executable, GEN, "--statements", str(n), "--name", f"p{n}", "--out-dir", tmp],
                       check=True, capture_output=True)
        graph, page = os.path.join(tmp, f"p{n}.json"), os.path.join(tmp, f"p{n}.html")
        t = time.perf_counter()
        subprocess.run([KGKIT, "export", "html", graph, "-o", page, "-q"], check=True)
        export = time.perf_counter() - t
        d = browser()
        try:
            t = time.perf_counter()
            d.get("file://" + page)
            WebDriverWait(d, 120).until(lambda d: d.execute_script("return document.body.dataset.settled === '1'"))
            drawn = time.perf_counter() - t
            ents = int(d.execute_script("return document.body.dataset.nodesShown"))
            full_ms = int(d.execute_script("return document.body.dataset.renderMs"))
            rels = d.execute_script("return JSON.parse(document.getElementById('kg-data').textContent).statements"
                                    ".filter(s => s.o !== undefined).length")
            d.set_script_timeout(60)
            frames, secs = d.execute_async_script(ANIMATE)
            box = d.find_element("id", "kg-search")
            box.send_keys("a")
            WebDriverWait(d, 10).until(lambda d: d.find_elements("css selector", ".kg-hits button"))
            click_ms = d.execute_async_script(CLICK)
            print(f"| {n:,} | {ents:,} | {rels:,} | {export:.2f} | {os.path.getsize(page) / 1e6:.1f} | {drawn:.2f} | {full_ms} | "
                  f"{frames / secs:.0f} | {click_ms:.0f} |", flush=True)
        finally:
            d.quit()
