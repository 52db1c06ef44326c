"""Read the annotation exports of Label Studio, doccano and Prodigy as tradeie records.

Every importer returns tradeie records (:mod:`.records`, labels in ``docs/annotation.md``).
Imported span ids are renumbered ``s0, s1, ...`` in text order. Gold facts do not travel
through the annotation tools, so imported records have ``facts == []``. Malformed input
raises :class:`~tradeie.errors.AnnotationError`; its message starts with ``path:line`` and
names the problem and the fix. :func:`load_annotations` reads any of ``FORMATS``, telling
the format from the content when it is not given.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import AnnotationError
from .records import (
    _META_KEYS,
    RELATION_LABELS,
    PathLike,
    _checked,
    _Invalid,
    _is_int,
    _jsonl,
    _list,
    read_records,
)

logger = logging.getLogger("tradeie")

FORMATS = ("tradeie", "label-studio", "doccano", "prodigy")


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
