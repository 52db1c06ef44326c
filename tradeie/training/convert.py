"""Records -> spaCy training data: ``Doc`` objects with entities and gold relations.

``tradeie convert`` writes ``train.spacy`` and ``dev.spacy`` (``DocBin`` with user data) for
``spacy train``; the registered reader ``tradeie.CorpusReader.v1`` reads records directly.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from ..api import prepare_text
from spacy.util import filter_spans

from ..pipeline.relations import GOLD_KEY
from .corpus import clean_fact, find_ann, read_ann, split_records
from .records import read_records, write_records

logger = logging.getLogger("tradeie")


def blank_nlp() -> Language:
    """An empty English pipeline with tradeie's tokenizer, for building training docs."""
    import spacy

    from .. import registrations  # noqa: F401

    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "tradeie.Tokenizer.v1"}}})


def record_to_doc(nlp: Language, record: dict) -> Doc:
    """A Doc with the record's entities and ``user_data["tradeie_relations"]``.

    The text goes through :func:`tradeie.api.prepare_text` first, as it does at extraction
    time, so that training sees what the pipeline will see ("&nbsp;" as a space); offsets
    do not move."""
    text = prepare_text(record["text"])
    doc = nlp.make_doc(text)
    by_id = {}
    spans = []
    for s in record["spans"]:
        start, end = s["start"], s["end"]
        while start < end and text[start].isspace():
            start += 1  # an entity's edge that was an HTML entity is now a blank
        while end > start and text[end - 1].isspace():
            end -= 1
        span = doc.char_span(start, end, label=s["label"], alignment_mode="expand")
        if span is None:
            logger.warning("%s: span %r does not fall on tokens; skipped", record["doc"], s["text"])
            continue
        by_id[s["id"]] = span
        spans.append(span)
    kept = filter_spans(spans)
    if len(kept) < len(spans):
        logger.warning("%s: %d spans overlap after tokenization; kept the longest",
                       record["doc"], len(spans) - len(kept))
    doc.ents = kept
    kept_keys = {(s.start, s.end) for s in kept}
    gold = []
    for rel in record["relations"]:
        head, child = by_id.get(rel["head"]), by_id.get(rel["child"])
        if head is None or child is None:
            continue
        if (head.start, head.end) in kept_keys and (child.start, child.end) in kept_keys:
            gold.append([head.start, head.end, child.start, child.end, rel["label"]])
    doc.user_data[GOLD_KEY] = gold
    doc.user_data["tradeie_doc"] = record["doc"]
    return doc


def is_valid(doc_id: str) -> bool:
    """About one training document in four, shown to ``spacy train`` as its dev corpus so it
    can print progress. It is part of the training data; the real dev split stays unseen."""
    return int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


def record_examples(nlp: Language, path: Path, limit: int = 0) -> Iterator[Example]:
    records = read_records(path)
    for record in records[: limit or None]:
        ref = record_to_doc(nlp, record)
        yield Example(nlp.make_doc(ref.text), ref)


def write_docbin(nlp: Language, records: Iterable[dict], path: Path) -> int:
    db = DocBin(store_user_data=True)
    n = 0
    for record in records:
        db.add(record_to_doc(nlp, record))
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def convert_corpus(src: Path, out: Path, nlp: Language) -> dict:
    """``corpus/src/**/*.ann`` -> ``{train,dev}.jsonl``, ``{train,dev}.gold.jsonl``,
    ``{train,dev}.spacy`` under ``out``. Returns counts."""
    out.mkdir(parents=True, exist_ok=True)
    records = [read_ann(p) for p in find_ann([src])]
    train, dev = split_records(records)
    counts = {}
    for name, part in (("train", train), ("dev", dev)):
        part = sorted(part, key=lambda r: r["doc"])
        plain = [{**r, "facts": [clean_fact(f) for f in r["facts"]]} for r in part]
        write_records(plain, out / f"{name}.jsonl")
        with open(out / f"{name}.gold.jsonl", "w", encoding="utf-8") as fh:
            for r in plain:
                for fact in r["facts"]:
                    fh.write(json.dumps(fact, ensure_ascii=False) + "\n")
        write_docbin(nlp, plain, out / f"{name}.spacy")
        if name == "train":  # progress monitoring during training; dev is never looked at
            write_docbin(nlp, [r for r in plain if is_valid(r["doc"])], out / "valid.spacy")
        counts[name] = {"docs": len(part), "facts": sum(len(r["facts"]) for r in part),
                        "relations": sum(len(r["relations"]) for r in part)}
    return counts
