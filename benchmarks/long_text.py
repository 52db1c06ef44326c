"""How extraction time grows with the length of text that has no full stop.

usage: python benchmarks/long_text.py [--model PATH] [--clauses 400] [--undated] [--json]

A flattened table or a page whose punctuation was stripped reaches the pipeline as one
sentence. Rules that read a head's whole sentence once per head made such text quadratic:
138,000 characters took 460 s. The text here is ``--clauses`` trade clauses joined by commas
(one sentence), then four times as many. The number to read is the ratio of the two times:
about 4 when the cost is linear in the length, about 16 when it is quadratic. Both sizes are
timed back to back in one process, so the ratio holds on a noisy machine.

``--undated`` times one long paragraph of full sentences instead, with no year and no
partner anywhere: every flow's search for a period and a partner to carry then finds none,
and a search that read the paragraph back whole made such text quadratic (one sentence
pair 1,600 times took 175 s).
"""
from __future__ import annotations

import argparse
import json
import time

# the base of a comparison ("after a 2% fall in 2022") is a period no figure carries on: a
# reader that walks back over such periods for every head was quadratic here as well
CLAUSE = ("In 2023 Xiamen's exports to ASEAN rose 5% to 3 billion yuan, after a 2% fall in 2022, "
          "imports 3% and machinery 2.1%, ")
# no year to resolve a period with, no partner to carry
UNDATED = ("In the first quarter, Chongqing's exports surged 75.7% to 112.32 billion yuan. "
           "The province's imports rose 3%. ")


def seconds(extract, text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--clauses", type=int, default=400)
    parser.add_argument("--undated", action="store_true",
                        help="one paragraph of sentences with no year and no partner")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import tradeie

    nlp = tradeie.load(args.model)
    extract = lambda text: tradeie.extract(text, nlp=nlp)  # noqa: E731
    clause = UNDATED if args.undated else CLAUSE
    extract(clause * 10)  # warm up
    small, large = clause * args.clauses, clause * (4 * args.clauses)
    t_small, t_large = seconds(extract, small), seconds(extract, large)
    result = {
        "chars": [len(small), len(large)],
        "seconds": [round(t_small, 2), round(t_large, 2)],
        "ratio": round(t_large / t_small, 2),
        "chars_per_second": [round(len(small) / t_small), round(len(large) / t_large)],
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['chars'][0]:>9,} chars  {t_small:8.2f} s")
    print(f"{result['chars'][1]:>9,} chars  {t_large:8.2f} s")
    print(f"ratio {result['ratio']} (4 is linear, 16 quadratic)")


if __name__ == "__main__":
    main()
