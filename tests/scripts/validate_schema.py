#!/usr/bin/env python3
"""validate_schema.py - validates kgkit graphs against docs/kgkit.schema.json with a real JSON Schema validator.

Usage: validate_schema.py SCHEMA KGKIT DIR...
Every .json and .jsonl file under the DIRs (graphs, test cases) is validated; each
graph is also exported by kgkit as a document and as JSON Lines and the output
validated, so the exporter and the schema are held to each other. A deliberately
invalid document must fail. Exits 77 (skipped) when python3-jsonschema is missing.
"""
import json, os, subprocess, sys, tempfile

try:
    import jsonschema
except ImportError:
    print("skipped: python3-jsonschema is not installed")
    sys.exit(77)

schema_path, kgkit, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
doc_validator = jsonschema.Draft202012Validator(schema)
defs = schema["$defs"]


def record_validator(kind):
    sub = dict(defs[kind])
    sub["$defs"] = defs
    return jsonschema.Draft202012Validator(sub)


line_validators = {k: record_validator(k) for k in ("source", "entity", "statement", "predicate")}
failures = 0
checked = 0


def report(path, where, errors):
    global failures
    for e in errors:
        failures += 1
        print(f"{path}{where}: {e.message} (at {'/'.join(map(str, e.absolute_path))})")


def validate_doc(path):
    with open(path, encoding="utf-8") as f:
        report(path, "", doc_validator.iter_errors(json.load(f)))


def validate_lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if "type" not in rec:
                if rec != {"kgkit": 1}:
                    report(path, f":{n}", [jsonschema.ValidationError("record without type")])
                continue
            kind = rec.pop("type")
            if kind == "predicate":
                rec.pop("name", None)
            if kind not in line_validators:
                report(path, f":{n}", [jsonschema.ValidationError(f"unknown type {kind}")])
                continue
            report(path, f":{n}", line_validators[kind].iter_errors(rec))


def not_a_graph(path):
    """The text importer's own files beside a graph: a gazetteer ("kgkit_gazetteer") and a list of articles
    ("kgkit_articles"), each declaring what it is."""
    if not path.endswith(".json"):
        return False
    doc = json.load(open(path, encoding="utf-8"))
    return isinstance(doc, dict) and ("kgkit_gazetteer" in doc or "kgkit_articles" in doc)


with tempfile.TemporaryDirectory() as tmp:
    for d in dirs:
        for root, _, files in sorted(os.walk(d)):
            for name in sorted(files):
                path = os.path.join(root, name)
                if not (name.endswith(".json") or name.endswith(".jsonl")) or not_a_graph(path):
                    continue
                checked += 1
                (validate_lines if name.endswith(".jsonl") else validate_doc)(path)
                for ext, check in ((".json", validate_doc), (".jsonl", validate_lines)):
                    out = os.path.join(tmp, "export" + ext)
                    subprocess.run([kgkit, "-q", "import", path, "-o", out], check=True)
                    check(out)

    # the validator must reject what kgkit rejects
    bad = {"kgkit": 1, "statements": [{"subject": "a", "predicate": "p", "value": {"amount": 1, "qualifier": "roughly"}}]}
    if not list(doc_validator.iter_errors(bad)):
        print("the schema accepts an unknown qualifier")
        failures += 1
    bad = {"kgkit": 1, "statements": [{"subject": "a", "predicate": "p", "object": "b", "value": 1}]}
    if not list(doc_validator.iter_errors(bad)):
        print("the schema accepts a statement with both object and value")
        failures += 1

print(f"{checked} files validated, {failures} problems")
if checked == 0:
    print("no graph found to validate")
    sys.exit(1)
sys.exit(1 if failures else 0)
