#!/usr/bin/python3
"""bench/duplicates.py [KGKIT] [SIZES...] - the duplicates analysis at scale: synthetic people (East Slavic given
names and surnames built from syllables), a tenth of them given a second entity spelled another way (a typo, a
Russian or Belarusian romanisation, initials, the words reordered, an accent), and the spouse of some with the
surname's other gendered form. For each size: time and peak memory of `kgkit analyze duplicates`, the pairs
compared, and the recall of the planted variants and the spouses wrongly suggested the same. Deterministic
(seeded). Prints a Markdown table (recorded in bench/results.md). Default sizes: 10000 100000 1000000."""
import json, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KGKIT = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].isdigit() else os.path.join(HERE, "..", "build", "bin", "kgkit")
SIZES = [int(a) for a in sys.argv[1:] if a.isdigit()] or [10_000, 100_000, 1_000_000]

GIVEN = ("Ales Siarhei Sviatlana Maria Viktar Ihar Natallia Pavel Yuras Alena Andrei Tatsiana Dzmitry Volha Mikalai "
         "Hanna Raman Iryna Uladzimir Katsiaryna Maksim Darya Anton Yulia Artsiom Nina Leanid Liudmila Kiryl Palina "
         "Aliaksandr Marfa Stsiapan Ksenia Vital Zhanna Yauhen Inna").split()
SYLL = "ba bia ka ko li lu ma mi na no pa po ra ro sa sia ta tsi va vo za zhu kha sha cha dzie ho hu la le".split()
ENDS = [("ski", "skaya"), ("ou", "ava"), ("in", "ina"), ("ich", "ich"), ("enka", "enka"), ("uk", "uk")]
FEMALE = set("Sviatlana Maria Natallia Alena Tatsiana Volha Hanna Iryna Katsiaryna Darya Yulia Nina Liudmila Palina "
             "Marfa Ksenia Zhanna Inna".split())


def variant(name, rnd):
    """Another way the press spells the name."""
    g, s = name.split(" ", 1)
    kind = rnd.randrange(6)
    if kind == 0:  # a typo: one letter doubled or dropped
        i = rnd.randrange(1, len(s) - 1)
        return f"{g} {s[:i] + s[i] + s[i:]}" if rnd.random() < 0.5 else f"{g} {s[:i] + s[i + 1:]}"
    if kind == 1:  # Russian romanisation of Belarusian forms
        t = s.replace("ou", "ov").replace("tsi", "ti").replace("dzie", "de").replace("ia", "e").replace("ava", "ova")
        return f"{g.replace('Siarhei', 'Sergei').replace('Sviatlana', 'Svetlana').replace('Aliaksandr', 'Aleksandr')} {t}"
    if kind == 2:  # initials
        return f"{g[0]}. {s}"
    if kind == 3:  # surname first, with a comma
        return f"{s.upper()}, {g.upper()}"
    if kind == 4:  # BGN-style y for i, w for u
        return f"{g.replace('ia', 'ya')} {s.replace('ia', 'ya').replace('ou', 'ow')}"
    return f"{g} {s.replace('a', 'á', 1)}"  # an accent


def make(n, path):
    rnd = random.Random(n)
    ents, planted, spouses, seen = [], [], [], set()
    while len(ents) < n:
        stem = "".join(rnd.choice(SYLL) for _ in range(rnd.choice((2, 3))))
        m, f = rnd.choice(ENDS)
        g = rnd.choice(GIVEN)
        s = (stem + (f if g in FEMALE else m)).capitalize()
        name = f"{g} {s}"
        if name in seen:
            continue
        seen.add(name)
        i = len(ents)
        ents.append({"id": f"p{i}", "kind": "person", "label": name})
        if rnd.random() < 0.1 and len(ents) < n:
            ents.append({"id": f"p{i}v", "kind": "person", "label": variant(name, rnd)})
            planted.append((f"p{i}", f"p{i}v"))
        elif rnd.random() < 0.03 and m != f and len(ents) < n:  # the spouse: the other given name and ending
            other = rnd.choice([x for x in GIVEN if (x in FEMALE) != (g in FEMALE)])
            ents.append({"id": f"p{i}s", "kind": "person",
                         "label": f"{other} {(stem + (m if g in FEMALE else f)).capitalize()}"})
            spouses.append((f"p{i}", f"p{i}s"))
    json.dump({"kgkit": 1, "entities": ents, "statements": []}, open(path, "w"), ensure_ascii=False)
    return planted, spouses


print("| entities | seconds | peak RSS (MB) | pairs compared | candidates | planted variants found | suggested same | "
      "other pairs suggested same | spouses suggested same |")
print("|---|---|---|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for n in SIZES:
        g, rep = os.path.join(tmp, f"d{n}.json"), os.path.join(tmp, f"d{n}.out.json")
        planted, spouses = make(n, g)
        r = subprocess.run(["/usr/bin/time", "-f", "%e %M", KGKIT, "-q", "analyze", "duplicates", g, "--format", "json",
                            "-o", rep], capture_output=True, text=True)
        if r.returncode:
            sys.exit(r.stderr)
        secs, kb = r.stderr.strip().splitlines()[-1].split()
        d = json.load(open(rep))
        got = {frozenset((c["a"], c["b"])): c for c in d["candidates"]}
        found = sum(frozenset(p) in got for p in planted)
        same = sum(got.get(frozenset(p), {}).get("suggested") == "same" for p in planted)
        wrong = sum(got.get(frozenset(p), {}).get("suggested") == "same" for p in spouses)
        plant = {frozenset(p) for p in planted}
        other = sum(c["suggested"] == "same" and k not in plant for k, c in got.items())
        print(f"| {n:,} | {float(secs):.1f} | {int(kb) / 1024:.0f} | {d['totals']['pairs_compared']:,} | "
              f"{len(d['candidates']):,} | {found / len(planted):.2f} ({found:,}/{len(planted):,}) | "
              f"{same / len(planted):.2f} | {other:,} | {wrong} of {len(spouses):,} |", flush=True)
