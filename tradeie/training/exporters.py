"""Write tradeie records in the formats of Label Studio, doccano and Prodigy.

Each exporter validates the records first (:func:`~tradeie.training.records.validate_record`)
and returns plain JSON-ready objects; :mod:`.importers` reads them back to the same records.
:func:`label_studio_config` is the Label Studio labeling config for the labels of
``docs/annotation.md``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import AnnotationError
from .records import _META_KEYS, ENTITY_LABELS, RELATION_LABELS, _validated


def _meta_out(record: dict) -> dict:
    return {key: record[key] for key in ("doc",) + _META_KEYS if record.get(key) not in (None, [])}


def to_label_studio(records: Iterable[dict]) -> list:
    """Records as Label Studio tasks with a pre-filled annotation; save with json.dump.
    The labeling config to use is :func:`label_studio_config`."""
    tasks = []
    for number, record in enumerate(_validated(records), 1):
        text = record["text"]
        result = [{"id": s["id"], "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": s["start"], "end": s["end"],
                             "text": text[s["start"]:s["end"]], "labels": [s["label"]]}}
                  for s in record["spans"]]
        result += [{"type": "relation", "from_id": r["head"], "to_id": r["child"],
                    "direction": "right", "labels": [r["label"]]} for r in record["relations"]]
        tasks.append({"id": number, "data": {"text": text, **_meta_out(record)},
                      "annotations": [{"result": result}]})
    return tasks


def label_studio_config() -> str:
    """The Label Studio labeling config that matches to_label_studio and from_label_studio."""
    labels = "".join(f'    <Label value="{label}"/>\n' for label in ENTITY_LABELS)
    relations = "".join(f'    <Relation value="{label}"/>\n' for label in RELATION_LABELS)
    return (f'<View>\n  <Relations>\n{relations}  </Relations>\n'
            f'  <Labels name="label" toName="text">\n{labels}  </Labels>\n'
            f'  <Text name="text" value="$text"/>\n</View>\n')


def to_doccano(records: Iterable[dict]) -> list[dict]:
    """Records as doccano JSONL objects (entities and relations); write one per line."""
    out = []
    for number, record in enumerate(_validated(records), 1):
        numbers = {span["id"]: i for i, span in enumerate(record["spans"])}
        out.append({
            "id": number, "text": record["text"],
            "entities": [{"id": numbers[s["id"]], "label": s["label"], "start_offset": s["start"],
                          "end_offset": s["end"]} for s in record["spans"]],
            "relations": [{"id": i, "from_id": numbers[r["head"]], "to_id": numbers[r["child"]],
                           "type": r["label"]} for i, r in enumerate(record["relations"])],
            **_meta_out(record),
        })
    return out


def to_prodigy(records: Iterable[dict], nlp_or_tokenizer: Callable | None = None) -> list[dict]:
    """Records as accepted Prodigy ``rel.manual`` examples; write one per line.

    Prodigy marks whole tokens, so tokens come from ``nlp_or_tokenizer`` (a Language or a
    Tokenizer; default ``spacy.blank("en")``). A span whose offsets do not fall on token
    boundaries raises AnnotationError naming it: it is not widened to the tokens around it,
    which would change the annotation.
    """
    if nlp_or_tokenizer is None:
        import spacy

        nlp_or_tokenizer = spacy.blank("en")
    make_doc = getattr(nlp_or_tokenizer, "make_doc", nlp_or_tokenizer)
    out = []
    for record in _validated(records):
        doc = make_doc(record["text"])
        spans = {}
        for s in record["spans"]:
            span = doc.char_span(s["start"], s["end"])
            if span is None:
                raise AnnotationError(
                    f"doc {record.get('doc')!r}: span {s['id']} "
                    f"{record['text'][s['start']:s['end']]!r} ({s['start']}-{s['end']}, "
                    f"{s['label']}) does not fall on token boundaries; "
                    f"fix the offsets or pass a tokenizer that splits there")
            spans[s["id"]] = {"start": s["start"], "end": s["end"], "token_start": span.start,
                              "token_end": span.end - 1, "label": s["label"]}
        out.append({
            "text": record["text"],
            "tokens": [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i,
                        "ws": bool(t.whitespace_)} for t in doc],
            "spans": list(spans.values()),
            "relations": [_prodigy_relation(spans[r["head"]], spans[r["child"]], r["label"])
                          for r in record["relations"]],
            "meta": _meta_out(record), "_view_id": "relations", "answer": "accept",
        })
    return out


def _prodigy_relation(head: dict, child: dict, label: str) -> dict:
    # "head" and "child" are the last token of each span, as rel.manual writes them
    return {"head": head["token_end"], "child": child["token_end"], "head_span": dict(head),
            "child_span": dict(child), "label": label}
