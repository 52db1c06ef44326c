"""Does the grammar in front of the NER help? Scores with and without ``tradeie_entity_patterns``.

usage: python benchmarks/entities.py [--model PATH] [--data corpus/dev.jsonl]

The same trained pipeline is scored twice on the same records: once as shipped (patterns set
MONEY, PERCENT, PERIOD and RANK, the NER fills in the rest) and once with the patterns switched
off (the NER alone, which was trained on all labels). Prints entity F per label and fact F.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tradeie.training.evaluate import evaluate_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=Path("corpus/dev.jsonl"))
    args = parser.parse_args()
    runs = {"patterns + NER": (), "NER alone": ("tradeie_entity_patterns",)}
    results = {name: evaluate_pipeline(args.model, args.data, disable=off)
               for name, off in runs.items()}
    labels = sorted(next(iter(results.values()))["ents"]["per_type"])
    print(f"{'':<16}" + "".join(f"{label:>10}" for label in labels) + f"{'all ents':>10}"
          f"{'strict':>9}{'core':>9}")
    for name, r in results.items():
        per = r["ents"]["per_type"]
        print(f"{name:<16}" + "".join(f"{per.get(label, {}).get('f', 0):>10.3f}" for label in labels)
              + f"{r['ents']['f']:>10.3f}{r['strict']['f']:>9.3f}{r['core']['f']:>9.3f}")


if __name__ == "__main__":
    main()
