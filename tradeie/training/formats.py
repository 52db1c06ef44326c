"""Read and write annotations: tradeie's own JSONL records and the formats annotators export
from Label Studio, doccano and Prodigy.

Every importer returns tradeie records (labels in ``docs/annotation.md``)::

    {"doc": "xiamen-2023-h1", "text": "...", "published": "2023-07-20", "style": None,
     "phenomena": [], "spans": [{"id": "s0", "start": 0, "end": 6, "label": "LOCATION",
     "text": "XIAMEN"}], "relations": [{"head": "s1", "child": "s2", "label": "VALUE"}],
     "facts": []}

Imported span ids are renumbered ``s0, s1, ...`` in text order. Gold facts do not travel
through the annotation tools, so imported records have ``facts == []``. Malformed input
raises :class:`~tradeie.errors.AnnotationError`; its message starts with ``path:line`` and
names the problem and the fix.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import AnnotationError

logger = logging.getLogger("tradeie")

ENTITY_LABELS = ("LOCATION", "PARTNER", "MONEY", "PERCENT", "PERIOD", "FLOW", "PRODUCT", "RANK")
RELATION_LABELS = ("VALUE", "GROWTH", "SHARE", "PARTNER", "LOCATION", "PERIOD", "PRODUCT")
FORMATS = ("tradeie", "label-studio", "doccano", "prodigy")

PathLike = str | Path
_META_KEYS = ("published", "style", "phenomena")


class _Invalid(Exception):
    """A problem found in one record; the caller adds where the record came from."""


# ---------------------------------------------------------------------------- validation


def validate_record(record: dict, *, path: object = None, line: int | None = None) -> dict:
    """Check one tradeie record and return it with its spans sorted by start.

    Raises AnnotationError (prefixed ``path:line``) for a missing or non-str text, offsets
    that are negative, past the end of the text or empty, a span text that differs from the
    text at its offsets, overlapping spans, duplicate span ids, unknown entity or relation
    labels and relations to missing spans. The input record is not modified.
    """
    try:
        return _checked(record)
    except _Invalid as err:
        raise AnnotationError(str(err), path=path, line=line) from None


def _checked(record: Any) -> dict:
    if not isinstance(record, dict):
        raise _Invalid(f"expected a JSON object, got {type(record).__name__}; "
                       f"write one record per line")
    text = record.get("text")
    if text is None:
        raise _Invalid("record has no 'text'; add the article text as a string")
    if not isinstance(text, str):
        raise _Invalid(f"'text' must be a string, got {type(text).__name__}; "
                       f"put the article text there")
    spans, relations = _list(record, "spans"), _list(record, "relations")
    ids: set = set()
    for index, span in enumerate(spans):
        sid = _check_span(span, index, text)
        if sid in ids:
            raise _Invalid(f"span id {sid} is used twice; give every span its own id")
        ids.add(sid)
    ordered = sorted(spans, key=lambda span: (span["start"], span["end"]))
    for prev, cur in pairwise(ordered):
        if cur["start"] < prev["end"]:
            raise _Invalid(
                f"spans {prev['id']} ({prev['start']}-{prev['end']}) and {cur['id']} "
                f"({cur['start']}-{cur['end']}) overlap; spans must not nest or overlap, "
                f"shorten or remove one of them"
            )
    for relation in relations:
        _check_relation(relation, ids)
    return {**record, "spans": ordered, "relations": list(relations)}


def _list(record: dict, key: str) -> list:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _Invalid(f"'{key}' must be a list of objects, got {value!r:.60}; fix the record")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_span(span: dict, index: int, text: str) -> str:
    sid = span.get("id")
    if not isinstance(sid, str):
        raise _Invalid(f"span {index} has id {sid!r}; give every span a string id "
                       f"such as 's{index}'")
    start, end = span.get("start"), span.get("end")
    for key, value in (("start", start), ("end", end)):
        if not _is_int(value):
            raise _Invalid(f"span {sid} has {key} {value!r}; offsets must be whole "
                           f"character positions")
    if start < 0:
        raise _Invalid(f"span {sid} starts at {start}; offsets cannot be negative, fix the offsets")
    if end > len(text):
        raise _Invalid(
            f"span {sid} ends at {end}, past the end of the text ({len(text)} characters); "
            f"fix the offsets or the text"
        )
    if start >= end:
        raise _Invalid(f"span {sid} starts at {start} and ends at {end}; a span needs start < end")
    label = span.get("label")
    if label not in ENTITY_LABELS:
        raise _Invalid(
            f"span {sid} has unknown label {label!r}; expected one of {', '.join(ENTITY_LABELS)} "
            f"(docs/annotation.md)"
        )
    given = span.get("text")
    if given is not None and given != text[start:end]:
        raise _Invalid(
            f"span {sid} has text {given!r} but the text at {start}-{end} is "
            f"{text[start:end]!r}; fix the offsets or the span text"
        )
    return sid


def _check_relation(relation: dict, ids: set) -> None:
    head, child, label = relation.get("head"), relation.get("child"), relation.get("label")
    name = f"relation {head} -> {child}"
    if label not in RELATION_LABELS:
        raise _Invalid(
            f"{name} has unknown label {label!r}; expected one of {', '.join(RELATION_LABELS)} "
            f"(docs/annotation.md)"
        )
    for end in (head, child):
        if not isinstance(end, str) or end not in ids:
            raise _Invalid(
                f"{name} ({label}) points to span {end}, which does not exist; "
                f"add the span or remove the relation"
            )


def _record(doc: str, text: Any, spans: list, relations: list, *sources: Any) -> dict:
    """Build, check and renumber an imported record; metadata comes from the first source
    (a dict) that has it."""
    sources = tuple(source for source in sources if isinstance(source, dict))
    meta = {key: next((s[key] for s in sources if s.get(key) is not None), None)
            for key in ("doc",) + _META_KEYS}
    phenomena = meta["phenomena"] or []
    if not isinstance(phenomena, (list, str)):
        raise _Invalid(f"'phenomena' must be a list of tags, got {phenomena!r:.60}")
    record = _checked({
        "doc": str(meta["doc"]) if meta["doc"] is not None else doc, "text": text,
        "published": meta["published"], "style": meta["style"],
        "phenomena": phenomena.split() if isinstance(phenomena, str) else list(phenomena),
        "spans": spans, "relations": relations, "facts": [],
    })
    new_ids = {span["id"]: f"s{i}" for i, span in enumerate(record["spans"])}
    record["spans"] = [
        {"id": new_ids[s["id"]], "start": s["start"], "end": s["end"], "label": s["label"],
         "text": text[s["start"]:s["end"]]}
        for s in record["spans"]
    ]
    record["relations"] = [
        {"head": new_ids[r["head"]], "child": new_ids[r["child"]], "label": r["label"]}
        for r in record["relations"]
    ]
    return record


def _validated(records: Iterable[dict]) -> list[dict]:
    out = []
    for index, record in enumerate(records):
        try:
            out.append(_checked(record))
        except _Invalid as err:
            doc = record.get("doc") if isinstance(record, dict) else None
            raise AnnotationError(f"record {index} (doc {doc!r}): {err}") from None
    return out


def _meta_out(record: dict) -> dict:
    return {key: record[key] for key in ("doc",) + _META_KEYS if record.get(key) not in (None, [])}


# ------------------------------------------------------------------------------- reading


def _jsonl(path: PathLike) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for each non-blank line of a JSONL file."""
    line_no = 0
    with open(path, encoding="utf-8-sig") as lines:  # iterating splits on newlines only
        try:
            for line_no, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise AnnotationError(
                        f"line is not JSON ({err.msg}, column {err.colno}); "
                        f"each line must hold one JSON object", path=path, line=line_no,
                    ) from None
                if not isinstance(obj, dict):
                    raise AnnotationError(
                        f"expected a JSON object, got {type(obj).__name__}; "
                        f"each line must hold one JSON object", path=path, line=line_no,
                    )
                yield line_no, obj
        except UnicodeDecodeError as err:
            raise AnnotationError(f"not UTF-8 ({err.reason}); save the file as UTF-8",
                                  path=path, line=line_no + 1) from None


def _json_array(path: PathLike) -> Iterator[tuple[int, int, Any]]:
    """Yield (index, line number, item) for each item of a file holding one JSON list."""
    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise AnnotationError(f"not valid JSON ({err.msg}, column {err.colno}); fix the file "
                              f"or export it again", path=path, line=err.lineno) from None
    if not isinstance(data, list):
        raise AnnotationError(f"expected a JSON list of tasks, got a JSON {type(data).__name__}; "
                              f"use Label Studio's 'JSON' export", path=path, line=1)
    decoder, pos = json.JSONDecoder(), text.index("[") + 1
    line, counted = 1, 0
    for index in range(len(data)):
        while text[pos] in " \t\r\n,":
            pos += 1
        line, counted = line + text.count("\n", counted, pos), pos
        item, pos = decoder.raw_decode(text, pos)
        yield index, line, item


def read_records(path: PathLike) -> list[dict]:
    """Read tradeie's JSONL corpus format, validating each line (see validate_record)."""
    records, seen = [], {}
    for line, obj in _jsonl(path):
        record = validate_record(obj, path=path, line=line)
        doc = record.get("doc")
        if isinstance(doc, str) and doc in seen:
            raise AnnotationError(f"doc id {doc!r} is used again (first on line {seen[doc]}); "
                                  f"give every document its own id", path=path, line=line)
        seen[doc] = line
        records.append(record)
    return records


def write_records(records: Iterable[dict], path: PathLike) -> None:
    """Validate all records, then write them as JSONL (UTF-8, one record a line)."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in _validated(records)]
    Path(path).write_text("".join(lines), encoding="utf-8")


def from_label_studio(path: PathLike) -> list[dict]:
    """Read a Label Studio JSON export (a list of tasks with text in ``data.text``).

    The first annotation that was not cancelled is used (``completions`` in old exports).
    Tasks without one are skipped and counted in a warning; so are result items other than
    ``labels`` and ``relation``. Errors name the file, the line and the task index.
    """
    records, unannotated, ignored = [], 0, Counter()
    for index, line, task in _json_array(path):
        task_id = task.get("id") if isinstance(task, dict) else None
        try:
            record = _ls_record(task, f"{Path(path).stem}-{task_id or index}", ignored)
        except _Invalid as err:
            where = f"task {index}" + (f" (id {task_id})" if task_id is not None else "")
            raise AnnotationError(f"{where}: {err}", path=path, line=line) from None
        if record is None:
            unannotated += 1
        else:
            records.append(record)
    if unannotated:
        logger.warning("%s: skipped %d task(s) without an annotation", path, unannotated)
    if ignored:
        logger.warning("%s: ignored result items of types %s; tradeie reads 'labels' and "
                       "'relation' only", path, dict(ignored))
    return records


def _ls_record(task: Any, doc: str, ignored: Counter) -> dict | None:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise _Invalid("a task needs a 'data' object holding 'text'; export the project as JSON")
    annotations = task.get("annotations") or task.get("completions") or []
    chosen = next((a for a in annotations
                   if isinstance(a, dict) and not a.get("was_cancelled")), None)
    if chosen is None:
        return None
    text, spans, relations = task["data"].get("text"), [], []
    for item in _list(chosen, "result"):
        if item.get("type") == "labels":
            spans.append(_ls_span(item, text))
        elif item.get("type") == "relation":
            relations.append(_ls_relation(item))
        else:
            ignored[str(item.get("type"))] += 1
    return _record(doc, text, spans, relations, task["data"], task.get("meta"))


def _ls_span(item: dict, text: Any) -> dict:
    value = item.get("value") if isinstance(item.get("value"), dict) else {}
    labels = value.get("labels") or []
    if item.get("id") is None or len(labels) != 1:
        raise _Invalid(f"region {item.get('id')} has labels {labels} and id {item.get('id')!r}; "
                       f"each region needs an id and exactly one label")
    span = {"id": str(item["id"]), "start": value.get("start"), "end": value.get("end"),
            "label": labels[0]}
    if isinstance(value.get("text"), str):
        span["text"] = value["text"]
        if isinstance(text, str) and _is_int(span["start"]) and _is_int(span["end"]):
            span["start"], span["end"] = _from_utf16(text, span["start"], span["end"],
                                                     value["text"])
    return span


def _from_utf16(text: str, start: int, end: int, expected: str) -> tuple[int, int]:
    """Map offsets counted in UTF-16 code units (a browser's count, off by one per emoji
    or other astral character before them) to str indices, if that is what they are."""
    if text[start:end] == expected or all(ord(char) <= 0xFFFF for char in text):
        return start, end
    index, units = {}, 0
    for position, char in enumerate(text):
        index[units] = position
        units += 2 if ord(char) > 0xFFFF else 1
    index[units] = len(text)
    mapped = index.get(start, start), index.get(end, end)
    return mapped if text[mapped[0]:mapped[1]] == expected else (start, end)


def _ls_relation(item: dict) -> dict:
    head, child, labels = item.get("from_id"), item.get("to_id"), item.get("labels") or []
    if len(labels) != 1:
        raise _Invalid(f"relation {head} -> {child} has labels {labels}; give each relation "
                       f"exactly one of {', '.join(RELATION_LABELS)}")
    if item.get("direction") == "bi":
        raise _Invalid(f"relation {head} -> {child} is bidirectional; point it from the FLOW "
                       f"or RANK span to its argument")
    if item.get("direction") == "left":
        head, child = child, head
    return {"head": str(head), "child": str(child), "label": labels[0]}


def from_doccano(path: PathLike) -> list[dict]:
    """Read doccano's JSONL export with relations (``entities`` and ``relations``)."""
    records = []
    for line, obj in _jsonl(path):
        try:
            if not isinstance(obj.get("entities"), list):
                raise _Invalid("no 'entities' list; export the doccano project as JSONL from a "
                               "relation-extraction project")
            spans = [{"id": str(e.get("id", f"#{i}")), "start": e.get("start_offset"),
                      "end": e.get("end_offset"), "label": e.get("label")}
                     for i, e in enumerate(_list(obj, "entities"))]
            relations = [{"head": str(r.get("from_id")), "child": str(r.get("to_id")),
                          "label": r.get("type")} for r in _list(obj, "relations")]
            doc = f"{Path(path).stem}-{obj.get('id', line)}"
            records.append(_record(doc, obj.get("text"), spans, relations, obj, obj.get("meta")))
        except _Invalid as err:
            raise AnnotationError(str(err), path=path, line=line) from None
    return records


def from_prodigy(path: PathLike) -> list[dict]:
    """Read Prodigy ``rel.manual`` JSONL (``prodigy db-out``).

    Only answers ``accept`` are read; the others (reject, ignore, none) are counted and
    logged as a warning. Relations are matched to spans by the offsets of ``head_span`` and
    ``child_span``.
    """
    records, skipped = [], Counter()
    for line, obj in _jsonl(path):
        if obj.get("answer") != "accept":
            skipped[str(obj.get("answer"))] += 1
            continue
        try:
            records.append(_prodigy_record(obj, f"{Path(path).stem}-{line}"))
        except _Invalid as err:
            raise AnnotationError(str(err), path=path, line=line) from None
    if skipped:
        logger.warning("%s: skipped %d Prodigy example(s) not accepted (%s); only answer "
                       "'accept' is imported", path, sum(skipped.values()),
                       ", ".join(f"{n} {answer}" for answer, n in sorted(skipped.items())))
    return records


def _prodigy_record(obj: dict, doc: str) -> dict:
    spans = [{"id": f"s{i}", "start": s.get("start"), "end": s.get("end"), "label": s.get("label")}
             for i, s in enumerate(_list(obj, "spans"))]
    by_offsets = {(s["start"], s["end"]): s["id"] for s in spans
                  if _is_int(s["start"]) and _is_int(s["end"])}
    relations = []
    for rel in _list(obj, "relations"):
        ends = []
        for role in ("head_span", "child_span"):
            ref = rel.get(role) if isinstance(rel.get(role), dict) else {}
            key = (ref.get("start"), ref.get("end"))
            if not (_is_int(key[0]) and _is_int(key[1])) or key not in by_offsets:
                raise _Invalid(f"relation {rel.get('label')!r} has a {role} at characters "
                               f"{key[0]}-{key[1]}, which is not a marked span; mark it as a "
                               f"span or remove the relation")
            ends.append(by_offsets[key])
        relations.append({"head": ends[0], "child": ends[1], "label": rel.get("label")})
    return _record(doc, obj.get("text"), spans, relations, obj.get("meta"), obj)


# ------------------------------------------------------------------------------- writing


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


# ----------------------------------------------------------------------------- dispatch


def load_annotations(path: PathLike, fmt: str | None = None) -> list[dict]:
    """Read annotations in one of FORMATS; with ``fmt=None`` the format is told from the
    content (a JSON list is Label Studio; JSONL is told by the keys of its first object)."""
    importer = _IMPORTERS.get(fmt if fmt is not None else _sniff_format(path))
    if importer is None:
        raise AnnotationError(f"unknown annotation format {fmt!r}; expected one of "
                              f"{', '.join(FORMATS)}", path=path)
    return importer(path)


def _sniff_format(path: PathLike) -> str:
    with open(path, encoding="utf-8-sig") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if line.lstrip().startswith("["):
                return "label-studio"
            try:
                first = json.loads(line)
            except json.JSONDecodeError as err:
                raise AnnotationError(f"line is not JSON ({err.msg}), so the format cannot be "
                                      f"told; fix the line or pass fmt",
                                      path=path, line=line_no) from None
            keys = set(first) if isinstance(first, dict) else set()
            for fmt, marks in (("prodigy", {"answer", "tokens"}), ("doccano", {"entities"}),
                               ("tradeie", {"spans"})):
                if keys & marks:
                    return fmt
            raise AnnotationError(f"cannot tell the format from keys {sorted(keys)}; pass fmt, "
                                  f"one of {', '.join(FORMATS)}", path=path, line=line_no)
    raise AnnotationError("file is empty; there are no annotations to read", path=path)


_IMPORTERS: dict[str, Callable[[PathLike], list[dict]]] = {
    "tradeie": read_records, "label-studio": from_label_studio,
    "doccano": from_doccano, "prodigy": from_prodigy,
}
