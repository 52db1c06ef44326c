"""Corpus counts for the annotation report: documents, facts, phenomena, reviews."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .corpus import find_ann, read_ann, split_records


def corpus_stats(src: Path) -> str:
    records = []
    reviewed = 0
    for path in find_ann([src]):
        records.append(read_ann(path))
        reviewed += "@reviewed" in path.read_text(encoding="utf-8")
    train, dev = split_records(records)
    facts = [f for r in records for f in r["facts"]]
    kinds = Counter(f.get("type", "trade") for f in facts)
    styles = Counter(r.get("style") for r in records)
    phen = Counter(tag for r in records for tag in r.get("phenomena", []))
    labels = Counter(s["label"] for r in records for s in r["spans"])
    lines = [f"documents {len(records)} (train {len(train)}, dev {len(dev)}), reviewed {reviewed}",
             f"gold facts {len(facts)} (trade {kinds['trade']}, rank {kinds['rank']}); "
             f"train {sum(len(r['facts']) for r in train)}, dev {sum(len(r['facts']) for r in dev)}",
             f"relations {sum(len(r['relations']) for r in records)}",
             "styles: " + ", ".join(f"{k} {v}" for k, v in styles.most_common()),
             "entity spans: " + ", ".join(f"{k} {v}" for k, v in labels.most_common()),
             "phenomena (documents):"]
    lines += [f"  {tag:<24} {n}" for tag, n in sorted(phen.items())]
    return "\n".join(lines)
