#!/usr/bin/python3
"""test_hostile_inputs.py KGKIT - inputs built to hurt an importer, each with the clear error or the documented
behaviour it must get, in bounded time and memory: deep nesting, numbers beyond doubles, broken UTF-8 and NUL
bytes, XML entity expansion and external entities, a million nested DOT subgraphs, a CSV of a million columns.
(The gazetteer pattern built to make the matcher explode is in test_text.py errors; the fuzzers add random ones.)
"""
import os, resource, subprocess, sys, tempfile

KGKIT = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kgkit(tmp, name, content, *args):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = os.path.join(tmp, "out.json")
    if os.path.exists(out):
        os.unlink(out)

    def limits():  # a hostile input must not need more than this
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    r = subprocess.run([KGKIT, "import", path, "-o", out, *args], capture_output=True, text=True, timeout=120,
                       preexec_fn=limits)
    return r, out


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
""" + "".join(f' <!ENTITY {n} "{("&" + p + ";") * 24}">\n' for p, n in zip("abcdef", "bcdefg")) + """]>
<graphml><key id="l" for="node" attr.name="label"/><graph><node id="n"><data key="l">&g;</data></node></graph></graphml>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE graphml [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<graphml><key id="l" for="node" attr.name="label"/><graph><node id="n"><data key="l">[&x;]</data></node></graph></graphml>
"""

CASES = [
    # (what, file name, content, exit status, text that stderr must hold)
    ("100,000 nested arrays", "nest.json",
     '{"kgkit":1,"entities":[{"id":"a","attrs":{"x":' + "[" * 100000 + "]" * 100000 + "}}]}", 1,
     "maximum parsing depth reached"),
    ("a number beyond a double", "big.json",
     '{"kgkit":1,"entities":[{"id":"a"}],"statements":[{"subject":"a","predicate":"p","value":1e999}]}', 1,
     "real number overflow"),
    ("an overlong UTF-8 form", "overlong.json", b'{"kgkit":1,"entities":[{"id":"\xc0\xaf"}]}', 1,
     "unable to decode byte 0xc0"),
    ("a UTF-16 surrogate in UTF-8", "surrogate.json", b'{"kgkit":1,"entities":[{"id":"\xed\xa0\x80"}]}', 1,
     "unable to decode byte 0xed"),
    ("an escaped NUL", "nul.json", '{"kgkit":1,"entities":[{"id":"a\\u0000b"}]}', 1, "\\u0000 is not allowed"),
    ("a raw NUL in JSON Lines", "nul.jsonl", b'{"kgkit":1}\n{"type":"entity","id":"a\x00b"}\n', 1, "nul.jsonl:2:"),
    ("XML entity expansion (a billion laughs)", "laughs.graphml", LAUGHS, 1,
     "limit on input amplification factor"),
    ("an external entity", "xxe.graphml", XXE, 0,
     "the external entity x (file:///etc/passwd) is not read"),
    ("a million nested DOT subgraphs", "deep.gv", "digraph {" + "{" * 1000000 + "a" + "}" * 1000000 + "}", 1,
     "deep.gv:1: DOT: syntax error"),
    ("a CSV header of a million columns", "cols.csv", ",".join(f"c{i}" for i in range(1000000)) + "\n", 1,
     "is no layout kgkit knows"),
    ("a CSV row of a million fields", "fields.csv", "id,label\n" + "," * 1000000 + "\n", 1,
     "this row has 1000001 fields, the header 2"),
]


with tempfile.TemporaryDirectory() as tmp:
    for what, name, content, status, expected in CASES:
        try:
            r, out = kgkit(tmp, name, content)
        except subprocess.TimeoutExpired:
            check(False, f"{what}: did not finish in 120 s")
            continue
        check(r.returncode == status, f"{what}: exit {r.returncode} (negative: a signal), expected {status}: "
                                      f"{r.stderr.strip()[-200:]!r}")
        check(expected in r.stderr, f"{what}: the message says {expected!r}: {r.stderr.strip()[-200:]!r}")
        check(status == 0 or not os.path.exists(out), f"{what}: nothing written")
    # the external entity's file was not read into the graph
    r, out = kgkit(tmp, "xxe.graphml", XXE)
    check(r.returncode == 0 and "root:" not in open(out).read(), "an external entity's file is never read")
    # "-0" is the number 0, read and written as such
    r, out = kgkit(tmp, "zero.json", '{"kgkit":1,"entities":[{"id":"a"}],"statements":'
                   '[{"subject":"a","predicate":"p","value":-0}]}')
    text = open(out).read() if r.returncode == 0 else ""
    check('"value": 0' in text and '"value": -0' not in text, f"-0 reads and is written as 0: {r.stderr.strip()}")

if failures:
    print(f"{len(failures)} checks failed")
    sys.exit(1)
print("ok")
