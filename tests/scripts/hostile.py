"""hostile.py - strings built to break out of the formats kgkit writes, and a graph that puts each of them in
every field: ids, kinds, labels, aliases, predicates, source ids, publishers, quotes, attribute names and values.
The exporters' tests write this graph and read it back with the consumer tool and with kgkit."""

STRINGS = [
    'x\\" PWNED [label=<click me> URL=<javascript:alert(document.domain)>] /*',  # the reported DOT injection
    'a\\"b', 'end\\', '\\', '\\\\', '"', '\\"', '\\\\"', '\\\\\\"', 'a"b', '""', "'",
    'line one\nline two', 'crlf\r\nend', 'bell\x07 esc\x1b[31m del\x7f', 'tab\there',
    '<b>not html</b> & <i>', '&amp; &lt; ]]> <!-- x -->', '\\N \\G \\E \\n \\l, literally', '\\x41 is not A',
    'a;b{c}[d] -> e -- f = \'g\'', 'edge', 'node', 'graph', 'digraph', 'subgraph', 'strict',
    '/* open comment', '// line comment', '# hash', '-- ->', 'kgkit_legend', 'comma, space', 'a\\,b', ', ',
    'x:LABEL', ':ID', ':START_ID', 'person;Admin', '`backtick`', '${x} $(id)', '%s %n',
    'Мінск 🕊 “curly” ‘quotes’ — dash', ' leading and trailing ', '\ufeff', '\ufeffstarts with a BOM',
    '\u2028line separator', '\u00a0nbsp', '\u200bzero width',
    # long strings: writers that fold lines must not fold inside an escape
    ('a\\"' * 120), ('\\' * 301) + '"', ('q' * 4000) + '\\"',
]


def hostile_graph():
    """A kgkit document with each hostile string as an id, a kind, a label, an alias, a predicate, a source
    id, a publisher, a quote and an attribute key and value."""
    entities, statements = [], []
    for i, s in enumerate(STRINGS):
        entities.append({"id": s, "kind": s if s else "entity", "label": s, "aliases": [s + " (alias)"],
                         "attrs": {s: s, "n": i}})
        entities.append({"id": "src:" + s, "kind": "source", "publisher": s})
    for i, s in enumerate(STRINGS):
        t = STRINGS[(i + 1) % len(STRINGS)]
        statements.append({"subject": s, "predicate": s, "object": t,
                           "sources": [{"id": "src:" + s, "quote": s}], "attrs": {s: s}})
        # a second relation on the same pair: exporters that merge parallel edges must keep both
        statements.append({"subject": s, "predicate": "also " + t, "object": t})
    return {"kgkit": 1, "entities": entities, "statements": statements}


def dot_encode(s, in_list=False):
    """What docs/diagrams.md says kgkit's DOT writes for a data string (plugins/graphviz/literal.c)."""
    out = []
    if s.startswith("%"):
        out.append("\\x25")
        s = s[1:]
    for c in s:
        o = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "," and in_list:
            out.append("\\,")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif c == "\ufeff":
            out.append("\\xef\\xbb\\xbf")
        else:
            out.append(c)
    return "".join(out)


def dot_split(listed):
    """The items of an encoded DOT list: they end at a ", " whose comma is not escaped."""
    items, cur, i = [], [], 0
    while i < len(listed):
        if listed[i] == "\\" and i + 1 < len(listed):
            cur.append(listed[i:i + 2])
            i += 2
        elif listed.startswith(", ", i):
            items.append("".join(cur))
            cur, i = [], i + 2
        else:
            cur.append(listed[i])
            i += 1
    items.append("".join(cur))
    return items
