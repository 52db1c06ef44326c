"""End-to-end evaluation of a pipeline on annotated records: facts, entities, relations."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.scorer import Scorer
from spacy.training import Example

from ..api import load, make_docs
from ..pipeline.relations import score_relations
from .convert import record_to_doc
from .records import read_records
from .scoring import score


def _records_path(data: Optional[Path]) -> Path:
    if data is None:
        return Path("corpus/dev.jsonl")
    if data.is_dir():
        for name in ("dev.jsonl", "records.jsonl"):
            if (data / name).is_file():
                return data / name
        return data.with_suffix(".jsonl")
    return data


def evaluate_pipeline(model: Optional[Path], data: Optional[Path], *,
                      disable: tuple[str, ...] = ()) -> dict:
    """Fact, entity (per label) and relation scores of ``model`` on the records in ``data``.

    ``disable`` names components to switch off (e.g. the entity patterns, to measure them).
    """
    nlp = load(model)
    for name in disable:
        nlp.disable_pipe(name)
    records = read_records(_records_path(data))
    gold_facts, pred_facts, examples = [], [], []
    docs = list(nlp.pipe(make_docs(nlp, records)))
    for record, doc in zip(records, docs):
        gold_facts += [{**f, "doc": record["doc"]} for f in record.get("facts", [])]
        pred_facts += [{**f.to_dict(), "doc": record["doc"]} for f in doc._.trade_facts or []]
        examples.append(Example(doc, record_to_doc(nlp, record)))
    facts = score(gold_facts, pred_facts)
    ents = Scorer.score_spans(examples, "ents")
    rels = score_relations(examples)
    lines = [facts.format(), "", "entities  P {:.3f}  R {:.3f}  F {:.3f}".format(
        ents["ents_p"] or 0, ents["ents_r"] or 0, ents["ents_f"] or 0)]
    for label, prf in sorted((ents.get("ents_per_type") or {}).items()):
        lines.append(f"  {label:<9} P {prf['p']:.3f}  R {prf['r']:.3f}  F {prf['f']:.3f}")
    lines.append("relations P {:.3f}  R {:.3f}  F {:.3f}".format(
        rels["rel_micro_p"], rels["rel_micro_r"], rels["rel_micro_f"]))
    return {**facts.to_dict(), "ents": {"p": ents["ents_p"], "r": ents["ents_r"],
                                        "f": ents["ents_f"], "per_type": ents["ents_per_type"]},
            "relations": {"p": rels["rel_micro_p"], "r": rels["rel_micro_r"],
                          "f": rels["rel_micro_f"]}, "text": "\n".join(lines)}
