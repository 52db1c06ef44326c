"""tradeie's own annotation records: validation and the JSONL corpus format.

A record (labels in ``docs/annotation.md``)::

    {"doc": "xiamen-2023-h1", "text": "...", "published": "2023-07-20", "style": None,
     "phenomena": [], "spans": [{"id": "s0", "start": 0, "end": 6, "label": "LOCATION",
     "text": "XIAMEN"}], "relations": [{"head": "s1", "child": "s2", "label": "VALUE"}],
     "facts": []}

:func:`validate_record` checks one record; :func:`read_records` and :func:`write_records`
read and write a JSONL file of them. Malformed input raises
:class:`~tradeie.errors.AnnotationError`; its message starts with ``path:line`` and names the
problem and the fix. The annotation tools' formats are in :mod:`.importers` and
:mod:`.exporters`, which build on the checks here.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import AnnotationError

ENTITY_LABELS = ("LOCATION", "PARTNER", "MONEY", "PERCENT", "PERIOD", "FLOW", "PRODUCT", "RANK")
RELATION_LABELS = ("VALUE", "GROWTH", "SHARE", "PARTNER", "LOCATION", "PERIOD", "PRODUCT")

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


def _validated(records: Iterable[dict]) -> list[dict]:
    out = []
    for index, record in enumerate(records):
        try:
            out.append(_checked(record))
        except _Invalid as err:
            doc = record.get("doc") if isinstance(record, dict) else None
            raise AnnotationError(f"record {index} (doc {doc!r}): {err}") from None
    return out


# ---------------------------------------------------------------------- reading, writing


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
