"""Speed of tradeie's full extraction, as a ratio to spaCy's tokenizer in the same process.

usage: python benchmarks/speed.py [--model PATH] [--words 50000] [--repeats 3] [--json]

Machines here are noisy, so the number to compare across runs is the ratio: words/s of
extraction divided by words/s of ``spacy.blank("en")`` tokenizing the same texts, measured
back to back. Load time is measured in a fresh subprocess (imports included); peak memory is
this process's maximum resident set size.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def texts(min_words: int) -> list[str]:
    """Corpus dev texts and the samples, repeated until ``min_words`` words."""
    base = [json.loads(line)["text"] for line in
            (ROOT / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    base += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    out, words = [], 0
    while words < min_words:
        for text in base:
            out.append(text)
            words += len(text.split())
    return out


def words_per_second(process, docs: list[str], repeats: int) -> float:
    n_words = sum(len(t.split()) for t in docs)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        process(docs)
        best = min(best, time.perf_counter() - start)
    return n_words / best


_FIRST = ("Ningbo's exports rose 5.2% to 10.3 billion yuan in the first quarter of 2024, "
          "the customs office said on April 20, 2024.")


def load_seconds(model: str | None) -> tuple[float, float]:
    """(load, first facts): seconds from a fresh interpreter to ``tradeie.load()`` returning,
    and to the facts of a first short text (what is set up lazily on the first document
    counts there)."""
    code = ("import time; t = time.perf_counter(); import tradeie; "
            f"nlp = tradeie.load({model!r}); a = time.perf_counter() - t; "
            f"tradeie.extract({_FIRST!r}, nlp=nlp); print(a, time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    load, first = out.stdout.strip().splitlines()[-1].split()
    return float(load), float(first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy

    import tradeie
    from tradeie.api import extract_records

    nlp = tradeie.load(args.model)
    blank = spacy.blank("en")
    docs = texts(args.words)
    list(extract_records([{"text": t} for t in docs[:5]], nlp=nlp))  # warm up

    def run_tokenizer(batch):
        for _ in blank.pipe(batch):
            pass

    def run_tradeie(batch):
        for _ in extract_records(({"text": t} for t in batch), nlp=nlp, batch_size=32):
            pass

    tok_wps = words_per_second(run_tokenizer, docs, args.repeats)
    ie_wps = words_per_second(run_tradeie, docs, args.repeats)
    result = {
        "words": sum(len(t.split()) for t in docs), "docs": len(docs),
        "tradeie_words_per_s": round(ie_wps), "tokenizer_words_per_s": round(tok_wps),
        "ratio_to_tokenizer": round(ie_wps / tok_wps, 4),
        **dict(zip(("load_seconds", "first_facts_seconds"),
                   (round(x, 3) for x in load_seconds(args.model)))),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"tradeie extraction : {result['tradeie_words_per_s']:>9,} words/s "
          f"({result['words']:,} words, {result['docs']} docs, best of {args.repeats})")
    print(f"spaCy tokenizer    : {result['tokenizer_words_per_s']:>9,} words/s")
    print(f"ratio              : {result['ratio_to_tokenizer']:.4f} of the tokenizer's speed")
    print(f"load time          : {result['load_seconds']:.2f} s (fresh process, imports included)")
    print(f"first facts        : {result['first_facts_seconds']:.2f} s (load, then one short text)")
    print(f"peak memory        : {result['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
