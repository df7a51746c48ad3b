#!/usr/bin/python3
"""bench/truth/gen.py - claims with a known truth, for scoring `kgkit analyze resolve` (docs/resolve.md).

    bench/truth/gen.py --claims N [--seed S] -o CLAIMS.jsonl --gold GOLD.json

Writes a kgkit graph (JSON Lines) of numeric claims about places, by year, and the true value of every
(place, predicate, year) that has a claim. What real reports do to the truth, and what it is built from:

- two predicates: "population" (changes every year, by a few per cent) and "area_km2" (never changes);
- sources of varied reliability (a fifth good, half middling, the rest poor), and a few prolific ones;
- rounding: a right value given as "about" its first three digits;
- errors: the value of a neighbouring year (a mislabelled year), a value off by 5 to 30 %, a slip of
  a digit (ten times too many or too few);
- copies: some sources repeat most of what one other source says, errors included.

The same seed gives the same bytes. Needs only Python 3.
"""
import argparse, json, math, random, sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, required=True, help="about how many claims to write")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--gold", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    n = max(100, a.claims)

    # places and their true series
    n_places = max(5, n // 35)
    truth = {}       # (place, predicate, year) -> value
    questions = []   # keys of truth, in order
    for p in range(n_places):
        place = f"place:p{p:07d}"
        first = rnd.randint(1990, 2015)
        years = list(range(first, first + rnd.randint(2, 8)))
        v = int(math.exp(rnd.uniform(math.log(2_000), math.log(2_000_000))))
        for y in years:
            truth[(place, "population", y)] = v
            questions.append((place, "population", y))
            v = max(10, int(round(v * (1 + rnd.gauss(0.01, 0.025)))))
        if rnd.random() < 0.3:  # a constant series
            area = rnd.randint(5, 5000)
            for y in years[: rnd.randint(2, len(years))]:
                truth[(place, "area_km2", y)] = area
                questions.append((place, "area_km2", y))

    # sources: reliability and how much each writes (a few prolific ones)
    n_sources = max(10, n // 20)
    sources = []
    for s in range(n_sources):
        r = rnd.random()
        acc = 0.93 if r < 0.2 else 0.75 if r < 0.7 else 0.45
        sources.append({"id": f"src:s{s:06d}", "accuracy": acc, "weight": 1.0 / (1 + s % 97) ** 0.8})
    copiers = rnd.sample(range(n_sources), max(1, n_sources // 12))
    originals = [s for s in range(n_sources) if s not in set(copiers)]
    total_w = sum(sources[s]["weight"] for s in originals)
    cum, acc_w = [], 0.0
    for s in originals:
        acc_w += sources[s]["weight"] / total_w
        cum.append(acc_w)

    def pick_source():
        x = rnd.random()
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return originals[lo]

    def claim_value(q, acc):
        place, pred, year = q
        true = truth[q]
        if rnd.random() < acc:
            if true >= 1000 and rnd.random() < 0.15:  # rounded: "about" its first three digits
                digits = int(math.floor(math.log10(true))) - 2
                return {"amount": int(round(true, -digits)), "qualifier": "about"}
            return true
        r = rnd.random()
        near = [truth.get((place, pred, year + d)) for d in (-1, 1)]
        near = [x for x in near if x is not None and x != true]
        if r < 0.4 and near:
            return rnd.choice(near)  # the value of a neighbouring year
        if r < 0.85:
            f = rnd.uniform(0.05, 0.3) * rnd.choice((-1, 1))
            wrong = max(1, int(round(true * (1 + f))))
            return wrong if wrong != true else true + 1
        return true * 10 if rnd.random() < 0.5 else max(1, true // 10)  # a slipped digit

    claims = []  # (question, source index, value)
    by_source = {}
    for q in questions:  # every question is asked at least once
        s = pick_source()
        claims.append((q, s, claim_value(q, sources[s]["accuracy"])))
    while len(claims) < n * 0.88:
        q = questions[rnd.randrange(len(questions))]
        s = pick_source()
        claims.append((q, s, claim_value(q, sources[s]["accuracy"])))
    for q, s, v in claims:
        by_source.setdefault(s, []).append((q, v))
    # copiers repeat most of one other source, errors included, and add a little of their own
    for c in copiers:
        target = rnd.choice(originals)
        for q, v in by_source.get(target, []):
            if rnd.random() < 0.8:
                claims.append((q, c, v))
        for _ in range(3):
            q = questions[rnd.randrange(len(questions))]
            claims.append((q, c, claim_value(q, 0.75)))

    # one claim per (question, source, value); a source repeating itself is one report
    seen, out = set(), []
    for q, s, v in claims:
        key = (q, s, json.dumps(v, sort_keys=True))
        if key not in seen:
            seen.add(key)
            out.append((q, s, v))
    with open(a.out, "w", encoding="utf-8") as f:
        w = lambda rec: f.write(json.dumps(rec, separators=(",", ":")) + "\n")
        w({"type": "predicate", "name": "population", "kind": "claim", "value_type": "number", "functional": True,
           "unit": "people", "tolerance": 0.005, "description": "inhabitants in a year"})
        w({"type": "predicate", "name": "area_km2", "kind": "claim", "value_type": "number", "functional": True,
           "unit": "km2", "tolerance": 0.005, "description": "area (never changes)"})
        for s in sources:
            w({"type": "source", "id": s["id"], "title": f"contributor {s['id'][5:]}"})
        for p in range(n_places):
            w({"type": "entity", "id": f"place:p{p:07d}", "kind": "place"})
        for (place, pred, year), s, v in out:
            if isinstance(v, dict):
                v = dict(v, unit="people" if pred == "population" else "km2")
            else:
                v = {"amount": v, "qualifier": "exact", "unit": "people" if pred == "population" else "km2"}
            w({"type": "statement", "subject": place, "predicate": pred, "value": v, "as_of": str(year),
               "sources": [sources[s]["id"]]})
    gold = {f"{p}\t{pr}\t{y}": v for (p, pr, y), v in truth.items()}
    with open(a.gold, "w", encoding="utf-8") as f:
        json.dump({"questions": len(gold), "claims": len(out), "sources": n_sources, "copiers": len(copiers),
                   "truth": gold}, f)
    print(json.dumps({"claims": len(out), "questions": len(gold), "sources": n_sources, "copiers": len(copiers)}))


if __name__ == "__main__":
    main()
