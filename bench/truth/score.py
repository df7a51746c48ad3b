#!/usr/bin/python3
"""bench/truth/score.py - scores resolutions against the truth: kgkit's resolve, majority vote, TruthFinder.

    bench/truth/score.py CLAIMS.jsonl GOLD.json [NAME=RESOLVE.json ...]

Prints one JSON line per method: its accuracy over every question, and over the contested ones (two
values or more claimed at one date). An answer is right when its amount is the true one exactly. The two
baselines are implemented here, on the same claims:

- majority vote: the amount claimed by the most sources at that date ("about" claims vote for their
  amount); ties go to the smaller amount, so that the vote is deterministic;
- TruthFinder (Yin, Han and Yu, KDD 2007), with the published parameters (initial trust 0.9, gamma 0.3,
  rho 0.5, dampening as in the paper's base similarity 0.5): facts are the amounts claimed for one
  (place, predicate, year); facts support each other by their numeric similarity, exp(-|a - b| / (0.01 b))
  minus the base 0.5; it stops when the trust vector's cosine change is below 0.001, or after 20 rounds.
"""
import json, math, sys
from collections import defaultdict


def amount(v):
    return v if isinstance(v, (int, float)) else v.get("amount")


def load(claims_path):
    q = defaultdict(list)  # (subject, predicate, as_of) -> [(source, amount)]
    with open(claims_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type") != "statement":
                continue
            for s in r["sources"]:
                q[(r["subject"], r["predicate"], r["as_of"])].append((s if isinstance(s, str) else s["id"], amount(r["value"])))
    return q


def majority(q):
    out = {}
    for k, claims in q.items():
        count = defaultdict(set)
        for s, a in claims:
            count[a].add(s)
        out[k] = min(count, key=lambda a: (-len(count[a]), a))
    return out


def truthfinder(q, t0=0.9, gamma=0.3, rho=0.5, base=0.5, rounds=20):
    facts = {k: sorted({a for _, a in claims}) for k, claims in q.items()}
    by_source = defaultdict(list)  # source -> [(question, fact index)]
    for k, claims in q.items():
        idx = {a: i for i, a in enumerate(facts[k])}
        for s, a in claims:
            by_source[s].append((k, idx[a]))
    imp = {}
    for k, fs in facts.items():
        if len(fs) > 1:
            imp[k] = [[(math.exp(-abs(a - b) / (0.01 * abs(b) or 1)) - base) if i != j else 0.0
                       for j, b in enumerate(fs)] for i, a in enumerate(fs)]
    trust = {s: t0 for s in by_source}
    conf = {}
    for _ in range(rounds):
        tau = {s: -math.log(1 - min(t, 0.999999)) for s, t in trust.items()}
        sigma = {k: [0.0] * len(fs) for k, fs in facts.items()}
        for s, items in by_source.items():
            for k, i in items:
                sigma[k][i] += tau[s]
        for k, fs in facts.items():
            sg = sigma[k]
            if k in imp:
                star = [sg[j] + rho * sum(sg[i] * imp[k][i][j] for i in range(len(fs)) if i != j) for j in range(len(fs))]
            else:
                star = sg
            conf[k] = [1 / (1 + math.exp(-gamma * x)) for x in star]
        new = {s: sum(conf[k][i] for k, i in items) / len(items) for s, items in by_source.items()}
        dot = sum(trust[s] * new[s] for s in trust)
        na = math.sqrt(sum(v * v for v in trust.values()))
        nb = math.sqrt(sum(v * v for v in new.values()))
        trust = new
        if 1 - dot / (na * nb) < 1e-3:
            break
    return {k: facts[k][max(range(len(facts[k])), key=lambda i: (conf[k][i], -facts[k][i]))] for k in facts}


def from_resolve(path):
    doc = json.load(open(path, encoding="utf-8"))
    return {(r["subject"], r["predicate"], r["as_of"]): amount(r["value"]) for r in doc["resolved"]}


def main():
    claims_path, gold_path = sys.argv[1:3]
    q = load(claims_path)
    gold = {tuple(k.split("\t")): v for k, v in json.load(open(gold_path))["truth"].items()}
    contested = {k for k, c in q.items() if len({a for _, a in c}) > 1}
    methods = [("majority vote", majority(q)), ("TruthFinder", truthfinder(q))]
    for arg in sys.argv[3:]:
        name, path = arg.split("=", 1)
        methods.append((name, from_resolve(path)))
    for name, answer in methods:
        right = sum(1 for k in q if answer.get(k) == gold[k])
        right_c = sum(1 for k in contested if answer.get(k) == gold[k])
        print(json.dumps({"method": name, "questions": len(q), "accuracy": round(right / len(q), 4),
                          "contested": len(contested), "accuracy_contested": round(right_c / max(1, len(contested)), 4)}))


if __name__ == "__main__":
    main()
