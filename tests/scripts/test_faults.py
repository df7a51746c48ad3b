#!/usr/bin/python3
"""test_faults.py KGKIT SOURCE_DIR TEST_PLUGINS SANITIZED TEST - faults, with nothing lost.

Tests (one per CTest entry):
  full_disk     every exporter under a file size limit too small for its output (the kernel's EFBIG, as a
                full disk gives ENOSPC): a clear error, exit 1, the old file intact, no temporary file left.
  kill9         kill -9 during a large export: the old output is intact.
  oom           an import under an address-space limit too small for the graph: a clear out-of-memory
                error and exit 1, not a crash. (Skipped under AddressSanitizer, which needs terabytes of
                address space for its shadow memory.)
  pipe          a closed stdout: kgkit run still writes the files named with -e and exits 0; an export to
                the closed stdout ends quietly with 141, as a program killed by SIGPIPE would.
  crash         a plugin that crashes inside an analysis or an exporter is named, and leaves no half output
                (the report files and exports of the run are as they were, no temporary file).
  side_by_side  kgkit run writes its exports in several threads (KGKIT_THREADS): the same files, byte for byte,
                as one after the other; an export that fails, or crashes, beside others is named, and every
                output of the run is as it was, no temporary file left.
  plugin_files  a world-writable plugin, one in a world-writable directory, a symbolic link loop, a
                directory, a named pipe and an ELF file for another architecture on the plugin path: each
                reported, and the rest still load (a FIFO used to hang the loader).
"""
import json, os, resource, signal, subprocess, sys, tempfile, time

KGKIT, SRC, TEST_PLUGINS, SANITIZED, TEST = sys.argv[1:6]
SANITIZED = SANITIZED.upper() in ("1", "ON", "TRUE", "YES")
BELARUS = os.path.join(SRC, "graphs", "belarus", "belarus.json")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kgkit(*args, limit=None, **kw):
    def pre():
        if limit:
            resource.setrlimit(limit[0], (limit[1], limit[1]))
    return subprocess.run([KGKIT, "-q", *args], capture_output=True, text=True, preexec_fn=pre, timeout=120, **kw)


def leftovers(d):
    return [n for n in os.listdir(d) if ".tmp-" in n]


def big_graph(path, n_entities=20000, n_statements=120000):
    """A generated graph (JSON Lines) large enough that its exports take a while."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"kgkit": 1}\n')
        f.write('{"type": "source", "id": "src:gen", "title": "generated"}\n')
        for i in range(n_entities):
            f.write(json.dumps({"type": "entity", "id": f"e:{i}", "kind": "person", "label": f"Person {i}"}) + "\n")
        for i in range(n_statements):
            f.write(json.dumps({"type": "statement", "subject": f"e:{i % n_entities}", "predicate": "knows",
                                "object": f"e:{(i * 7919 + 1) % n_entities}", "sources": ["src:gen"]}) + "\n")


def test_full_disk():
    formats = ["json", "jsonl", "dot", "svg", "png", "pdf", "graphml", "gexf", "nodelink", "cyjs", "nquads",
               "neo4j-nodes", "neo4j-relationships", "cypher", "csv"]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            out = os.path.join(tmp, "out." + fmt)
            with open(out, "w") as f:
                f.write("the old file\n")
            r = kgkit("export", fmt, BELARUS, "-o", out, limit=(resource.RLIMIT_FSIZE, 2048))
            check(r.returncode == 1 and "cannot write" in r.stderr, f"{fmt} on a full disk: exit {r.returncode}, {r.stderr.strip()!r}")
            check(open(out).read() == "the old file\n", f"{fmt} on a full disk: the old file intact")
            check(not leftovers(tmp), f"{fmt} on a full disk: no temporary file left: {leftovers(tmp)}")
        # kgkit run: the report and every export, or none
        a, e = os.path.join(tmp, "a.json"), os.path.join(tmp, "e.graphml")
        for p in (a, e):
            open(p, "w").write("old\n")
        r = kgkit("run", BELARUS, "-a", "agreement=" + a, "-e", e, limit=(resource.RLIMIT_FSIZE, 2048))
        check(r.returncode == 1 and open(a).read() == "old\n" and open(e).read() == "old\n" and not leftovers(tmp),
              f"run on a full disk leaves every file as it was: {r.stderr.strip()!r}")
        # and with its exports written side by side, each synced by its own thread
        es = [os.path.join(tmp, "side." + x) for x in ("graphml", "json", "gv", "csv")]
        for p in es:
            open(p, "w").write("old\n")
        r = kgkit("run", BELARUS, *[x for p in es for x in ("-e", p)], limit=(resource.RLIMIT_FSIZE, 2048),
                  env=dict(os.environ, KGKIT_THREADS="4"))
        check(r.returncode == 1 and "cannot write" in r.stderr and all(open(p).read() == "old\n" for p in es)
              and not leftovers(tmp), f"exports side by side on a full disk: every file as it was: {r.stderr.strip()!r}")


def test_kill9():
    with tempfile.TemporaryDirectory() as tmp:
        graph = os.path.join(tmp, "big.jsonl")
        big_graph(graph, 8000, 40000)
        for fmt in ("json", "graphml"):
            out = os.path.join(tmp, "out." + fmt)
            open(out, "w").write("the old file\n")
            p = subprocess.Popen([KGKIT, "-q", "export", fmt, graph, "-o", out], stderr=subprocess.DEVNULL)
            deadline = time.time() + 120
            while time.time() < deadline and not leftovers(tmp) and p.poll() is None:
                time.sleep(0.005)
            killed_while_writing = p.poll() is None
            p.kill()
            p.wait()
            check(killed_while_writing, f"{fmt}: the export was still being written when killed")
            check(open(out).read() == "the old file\n", f"kill -9 during a {fmt} export: the old file intact")


def test_oom():
    if SANITIZED:
        print("skipped: AddressSanitizer cannot run under an address-space limit")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        graph = os.path.join(tmp, "big.jsonl")
        big_graph(graph, 30000, 100000)
        out = os.path.join(tmp, "out.json")
        r = kgkit("import", graph, "-o", out)
        check(r.returncode == 0, f"the import without a limit works: {r.stderr.strip()}")
        # From plenty down to too little for the plugins' libraries: every run either works or fails cleanly
        # (exit 1, a message), never by a signal; some limit between is hit inside the import itself.
        ooms = 0
        for mb in range(150, 24, -6):
            if os.path.exists(out):
                os.unlink(out)
            try:
                r = kgkit("import", graph, "-o", out, limit=(resource.RLIMIT_AS, mb << 20))
            except subprocess.TimeoutExpired:
                check(False, f"at {mb} MB: the import hung (OpenBLAS's threads retry a failing allocation forever)")
                continue
            ooms += r.returncode == 1 and "out of memory" in r.stderr
            check(r.returncode in (0, 1), f"at {mb} MB: exit {r.returncode} (negative: killed by a signal) "
                                          f"{r.stderr.strip()[-200:]!r}")
            check(r.returncode == 0 or ("kgkit: error:" in r.stderr and not os.path.exists(out)),
                  f"at {mb} MB: a failure says why and writes nothing: {r.stderr.strip()[-200:]!r}")
            if r.returncode == 0:
                check(json.load(open(out)).get("kgkit") == 1, f"at {mb} MB: what was written is whole")
        check(ooms > 0, "some limit ran out of memory inside the import, and said so")


def test_pipe():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        rd, wr = os.pipe()
        os.close(rd)  # nobody will read: every write to stdout fails with EPIPE
        r = subprocess.run([KGKIT, "run", BELARUS, "-a", "agreement", "-e", out], stdout=wr, stderr=subprocess.PIPE,
                           text=True, timeout=120)
        check(r.returncode == 0, f"run with a closed stdout: exit {r.returncode}, {r.stderr.strip()!r}")
        check(os.path.exists(out) and json.load(open(out)).get("kgkit") == 1, "run's -e file written all the same")
        r = subprocess.run([KGKIT, "export", "json", BELARUS, "-o", "-"], stdout=wr, stderr=subprocess.PIPE, text=True,
                           timeout=120)
        os.close(wr)
        check(r.returncode == 141 and r.stderr == "", f"export to a closed stdout: exit {r.returncode}, {r.stderr!r}")


def test_crash():
    crasher = os.path.join(TEST_PLUGINS, "crasher.so")
    # AddressSanitizer keeps SIGSEGV to itself unless told to let the program's handler run first
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":allow_user_segv_handler=1")
    with tempfile.TemporaryDirectory() as tmp:
        a, e = os.path.join(tmp, "a.json"), os.path.join(tmp, "e.json")
        open(a, "w").write("old\n")
        r = subprocess.run([KGKIT, "--plugin", crasher, "run", BELARUS, "-a", "summary=" + a, "-e", e, "-a", "crash"],
                           capture_output=True, text=True, timeout=120, env=env)
        check(r.returncode != 0, "a crash is not a success")
        check('the plugin "crasher" crashed in the analysis "crash"' in r.stderr, f"the plugin named: {r.stderr[-300:]!r}")
        check(open(a).read() == "old\n" and not os.path.exists(e) and not leftovers(tmp),
              f"no half output after a crash in an analysis: {os.listdir(tmp)}")
        x = os.path.join(tmp, "x.crash")
        open(x, "w").write("old\n")
        r = subprocess.run([KGKIT, "--plugin", crasher, "export", "crash", BELARUS, "-o", x], capture_output=True,
                           text=True, timeout=120, env=env)
        check('the plugin "crasher" crashed in the exporter "crash"' in r.stderr, f"the exporter named: {r.stderr[-300:]!r}")
        check(open(x).read() == "old\n" and not leftovers(tmp), "no half output after a crash in an exporter")


def test_side_by_side():
    halfway, crasher = os.path.join(TEST_PLUGINS, "halfway.so"), os.path.join(TEST_PLUGINS, "crasher.so")
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":allow_user_segv_handler=1")
    formats = ["json", "jsonl", "graphml", "gexf", "nodelink", "cyjs", "nquads", "csv", "dot", "svg", "neo4j-nodes"]
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.jsonl")
        big_graph(big, 3000, 20000)
        for graph in (BELARUS, big):
            outs = {}
            for threads in ("1", "4"):
                d = os.path.join(tmp, "t" + threads)
                os.makedirs(d, exist_ok=True)
                args = [a for f in formats for a in ("-e", f"{f}={os.path.join(d, 'out.' + f)}")]
                r = subprocess.run([KGKIT, "-q", "run", graph, "-a", "agreement", *args, "--timings"],
                                   capture_output=True, text=True, timeout=300,
                                   env=dict(os.environ, KGKIT_THREADS=threads))
                check(r.returncode == 0, f"{threads} threads: {r.stderr[-300:]!r}")
                outs[threads] = {f: open(os.path.join(d, "out." + f), "rb").read() for f in formats}
                if threads == "4":
                    check("exports=" in r.stderr, f"the exports' wall time is said: {r.stderr[-300:]!r}")
            for f in formats:
                check(outs["1"][f] == outs["4"][f] and outs["1"][f], f"{os.path.basename(graph)}: {f} the same "
                      "written side by side as in turn")
        # exports to stdout come out one after the other, as asked, whatever the threads
        said = [subprocess.run([KGKIT, "-q", "run", BELARUS, "-e", "jsonl=-", "-e", "csv=-", "-e", "dot=-"],
                               capture_output=True, timeout=120, env=dict(os.environ, KGKIT_THREADS=threads)).stdout
                for threads in ("1", "4")]
        check(said[0] == said[1] and said[0].startswith(b"{"), "exports to stdout: the same bytes, in order")
        # a failure and a crash beside other exports: named, nothing of the run written
        for plugin, fmt, said in ((halfway, "halfway", "disk on fire"),
                                  (crasher, "crash", 'the plugin "crasher" crashed in the exporter "crash"')):
            d = os.path.join(tmp, fmt)
            os.mkdir(d)
            olds = {f: os.path.join(d, "out." + f) for f in ("jsonl", "graphml", "nodelink", fmt)}
            for path in olds.values():
                open(path, "w").write("old\n")
            args = [a for f, path in olds.items() for a in ("-e", f"{f}={path}")]
            r = subprocess.run([KGKIT, "-q", "--plugin", plugin, "run", big, *args], capture_output=True, text=True,
                               timeout=300, env=dict(env, KGKIT_THREADS="3"))
            check(r.returncode != 0 and said in r.stderr, f"{fmt} beside others: named ({r.stderr[-300:]!r})")
            check(all(open(p).read() == "old\n" for p in olds.values()) and not leftovers(d),
                  f"{fmt} beside others: every output as it was, no temporary file: {os.listdir(d)}")


def test_plugin_files():
    good = os.path.join(TEST_PLUGINS, "halfway.so")
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        d = os.path.join(tmp, "plugins")
        os.mkdir(d)
        os.chmod(d, 0o755)
        data = open(good, "rb").read()
        open(os.path.join(d, "a_good.so"), "wb").write(data)
        ww = os.path.join(d, "world_writable.so")
        open(ww, "wb").write(data)
        os.chmod(ww, 0o666)
        os.symlink("loop_b.so", os.path.join(d, "loop_a.so"))
        os.symlink("loop_a.so", os.path.join(d, "loop_b.so"))
        os.mkdir(os.path.join(d, "directory.so"))
        os.mkfifo(os.path.join(d, "fifo.so"))
        # the ELF header of a 32-bit ARM shared object
        open(os.path.join(d, "arm.so"), "wb").write(b"\x7fELF\x01\x01\x01" + b"\0" * 9 + b"\x03\x00\x28\x00" + b"\0" * 4096)
        open_dir = os.path.join(tmp, "open")
        os.mkdir(open_dir)
        os.chmod(open_dir, 0o777)
        open(os.path.join(open_dir, "in_open_dir.so"), "wb").write(data)
        env = dict(os.environ, KGKIT_PLUGIN_PATH=f"{d}:{open_dir}:.:relative/dir")
        try:
            r = subprocess.run([KGKIT, "plugins", "--json"], capture_output=True, text=True, env=env, timeout=30)
        except subprocess.TimeoutExpired:
            check(False, "the loader hung on the plugin path (a named pipe?)")
            return
        check(r.returncode == 0, f"kgkit plugins still works: {r.stderr}")
        expect = {"world_writable.so": "writable by every user", "loop_a.so": "loop of symbolic links",
                  "directory.so": "a directory", "fifo.so": "a named pipe", "arm.so": "wrong ELF class",
                  "in_open_dir.so": "directory", ": .": "relative entry", "relative/dir": "relative entry"}
        for name, why in expect.items():
            lines = [l for l in r.stderr.splitlines() if name.lstrip(": ") in l]
            check(any(why in l for l in lines), f"{name} reported ({why}): {lines}")
        listed = json.loads(r.stdout)
        names = {p["name"] for p in listed["plugins"]} if isinstance(listed, dict) else {p["name"] for p in listed}
        check("halfway" in names and "json" in names, f"the good plugin and the bundled ones load: {sorted(names)}")


{"full_disk": test_full_disk, "kill9": test_kill9, "oom": test_oom, "pipe": test_pipe, "crash": test_crash,
 "side_by_side": test_side_by_side, "plugin_files": test_plugin_files}[TEST]()
if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
