"""A held-out slice of the training documents, to measure what a model never saw.

usage: python benchmarks/heldout.py --slice 1 --out /tmp/slice1

The shipped model is trained on every training document, so on them it rarely makes the
errors a new article brings. This script holds out the documents whose id's SHA-1 is
``slice`` mod ``parts`` and writes, under ``--out``:

- ``train.spacy``: the other training documents (a DocBin, as ``corpus/train.spacy``);
- ``valid.spacy``: every fourth of those, for spaCy's progress lines only;
- ``tune.jsonl`` and ``tune.gold.jsonl``: the held-out documents and their gold facts.

Then train and read them::

    tradeie train --config efficient --output /tmp/slice1/model --corpus /tmp/slice1 --seed 0
    tradeie extract --model /tmp/slice1/model/tradeie_efficient /tmp/slice1/tune.jsonl -o p.jsonl
    tradeie evaluate /tmp/slice1/tune.gold.jsonl p.jsonl

Rules found on one slice should be checked on another: in the release of 2026-11-27, rules
that gained 0.03 strict on slice 0 changed one fact on slice 1 (docs/pipeline.md).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def held_out(doc_id: str, part: int, parts: int) -> bool:
    """Whether ``doc_id`` falls in slice ``part`` of ``parts``."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % parts == part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", type=int, default=0, help="which slice to hold out")
    parser.add_argument("--parts", type=int, default=4, help="how many slices")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not 0 <= args.slice < args.parts:
        parser.error(f"--slice must be between 0 and {args.parts - 1}")

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(args.corpus / "train.spacy").get_docs(nlp.vocab))
    train = [d for d in docs if not held_out(d.user_data["tradeie_doc"], args.slice, args.parts)]
    ids = {d.user_data["tradeie_doc"] for d in docs} - {d.user_data["tradeie_doc"] for d in train}
    args.out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train, store_user_data=True).to_disk(args.out / "train.spacy")
    DocBin(docs=train[::4], store_user_data=True).to_disk(args.out / "valid.spacy")
    for name, target in (("train.jsonl", "tune.jsonl"), ("train.gold.jsonl", "tune.gold.jsonl")):
        lines = (args.corpus / name).read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if line.strip() and json.loads(line)["doc"] in ids]
        (args.out / target).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    print(f"held out {len(ids)} documents (slice {args.slice} of {args.parts}); "
          f"training on {len(train)}; written to {args.out}")


if __name__ == "__main__":
    main()
