#!/usr/bin/env python3
"""A lexicon folder for `athar bench --lexicon`: the built-in files plus N synthetic gazetteer
entries (two-word organisation names of random Arabic letters, an alias each), so that the
benchmark runs with a world-scale number of names. Benchmark only: these entries are not facts
and never go into ontology/lexicon/.

    scripts/gen_bench_lexicon.py OUT_DIR [--entries 5000] [--seed 1]
"""
import argparse
import random
import shutil
from pathlib import Path

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def word(rng):
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 7)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    src = Path(__file__).resolve().parent.parent / "ontology" / "lexicon"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in src.glob("*.tsv"):
        shutil.copy(f, out / f.name)
    rng = random.Random(a.seed)
    rows = []
    for i in range(a.entries):
        name = f"{word(rng)} {word(rng)}"
        alias = f"{word(rng)} {word(rng)}"
        rows.append(
            f"zz_bench_{i:05d}\tArmedGroup\t{name}\t{alias}\tBench {i}\t\t\t\t\t\t\t\t"
            f"synthetic: benchmark only\t\n"
        )
    with open(out / "gazetteer.tsv", "a", encoding="utf-8") as g:
        g.writelines(rows)
    print(f"{out}: built-in lexicon + {a.entries} synthetic entries ({2 * a.entries} names)")


if __name__ == "__main__":
    main()
