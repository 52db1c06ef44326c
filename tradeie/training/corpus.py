"""The corpus authoring format (``corpus/src/**/*.ann``) and its conversion to records.

An ``.ann`` file holds one document with inline entity markup and its gold facts (see
``docs/annotation.md``). :func:`read_ann` strips the markup, computes character offsets,
validates the gold facts and derives the relations from them: every argument of a fact is
linked to the fact's FLOW span (RANK span for rank facts) with the role it plays.

Run ``python -m tradeie.training.corpus check corpus/src`` to validate files.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterable

from ..errors import AnnotationError
from .canonical import canonical_name, canonical_period
from .derive import derive_relations
from .records import ENTITY_LABELS, validate_record

HEADERS = ("doc", "style", "published", "phenomena", "reviewed", "split", "text", "gold")
SPLITS = ("train", "dev")
TRADE_KEYS = ("type", "sentence", "location", "flow", "partner", "product", "period", "value",
              "currency", "growth_pct", "share_pct")
RANK_KEYS = ("type", "sentence", "location", "rank", "list", "year")
OPTIONAL_KEYS = ("conversion", "value_qualifier", "growth_qualifier", "context", "notes")
_SPAN = re.compile(r"\[((?:[^\[\]\\]|\\.)+?)\]\{([A-Z]+)\}", re.S)
_ESCAPE = re.compile(r"\\([\[\]{}])")


def parse_markup(raw: str, *, path: object, first_line: int) -> tuple[str, list[dict]]:
    """Plain text and spans from text with ``[surface]{LABEL}`` markup."""
    out: list[str] = []
    spans: list[dict] = []
    pos = length = 0
    for m in _SPAN.finditer(raw):
        length += _append(out, raw[pos:m.start()], path, first_line + raw.count("\n", 0, pos))
        surface = _ESCAPE.sub(r"\1", m.group(1))
        label = m.group(2)
        line = first_line + raw.count("\n", 0, m.start())
        if label not in ENTITY_LABELS:
            raise AnnotationError(f"unknown label {label!r} on {surface!r}; expected one of "
                                  f"{', '.join(ENTITY_LABELS)}", path=path, line=line)
        if surface != surface.strip():
            raise AnnotationError(f"span {surface!r} starts or ends with white space; move the "
                                  f"brackets onto the word", path=path, line=line)
        spans.append({"id": f"s{len(spans)}", "start": length, "end": length + len(surface),
                      "label": label, "text": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    _append(out, raw[pos:], path, first_line + raw.count("\n", 0, pos))
    return "".join(out), spans


def _append(out: list[str], chunk: str, path: object, line: int) -> int:
    bad = re.search(r"(?<!\\)[\[\]]|(?<!\\)\{[A-Z]+\}", chunk)
    if bad:
        line += chunk.count("\n", 0, bad.start())
        raise AnnotationError(f"unbalanced markup near {chunk[max(0, bad.start() - 20):bad.end() + 20]!r}"
                              f"; write entities as [surface]{{LABEL}} and literal brackets as "
                              f"\\[ \\]", path=path, line=line)
    plain = _ESCAPE.sub(r"\1", chunk)
    out.append(plain)
    return len(plain)


def read_ann(path: str | Path) -> dict:
    """One tradeie record (text, spans, relations, gold facts) from an ``.ann`` file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise AnnotationError(f"not UTF-8 ({err.reason}); re-save the file as UTF-8",
                              path=path) from None
    lines = raw.split("\n")
    meta: dict = {"phenomena": []}
    text_start = gold_start = None
    for i, line in enumerate(lines):
        if line.startswith("@text"):
            text_start = i + 1
        elif line.startswith("@gold"):
            gold_start = i + 1
            break
        elif text_start is None and line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            if key not in HEADERS:
                raise AnnotationError(f"unknown header @{key}; expected one of "
                                      f"{', '.join('@' + h for h in HEADERS)}", path=path,
                                      line=i + 1)
            meta[key] = value.split() if key == "phenomena" else value.strip()
    if text_start is None or gold_start is None:
        raise AnnotationError("missing @text or @gold line; see docs/annotation.md", path=path)
    if not meta.get("doc"):
        raise AnnotationError("missing @doc header", path=path, line=1)
    if meta.get("split", "train") not in SPLITS:
        raise AnnotationError(f"@split must be one of {', '.join(SPLITS)}, got {meta['split']!r}",
                              path=path)
    body = "\n".join(lines[text_start:gold_start - 1]).strip("\n")
    offset_line = text_start + 1 + _leading_newlines(lines, text_start)
    text, spans = parse_markup(body, path=path, first_line=offset_line)
    record = {"doc": meta["doc"], "text": text, "published": meta.get("published") or None,
              "style": meta.get("style"), "phenomena": meta["phenomena"], "spans": spans,
              "relations": [], "facts": []}
    if meta.get("split"):
        record["split"] = meta["split"]
    validate_record(record, path=path)
    for n, line in enumerate(lines[gold_start:], gold_start + 1):
        if line.strip():
            record["facts"].append(_gold_fact(line, record, path, n))
    _check_duplicates(record["facts"], path)
    record["relations"] = derive_relations(record, path=path)
    return record


def _leading_newlines(lines: list[str], start: int) -> int:
    n = 0
    while start + n < len(lines) and not lines[start + n].strip():
        n += 1
    return n


def _gold_fact(line: str, record: dict, path: Path, n: int) -> dict:
    try:
        fact = json.loads(line)
    except json.JSONDecodeError as err:
        raise AnnotationError(f"gold line is not JSON ({err.msg}); write one fact object a "
                              f"line", path=path, line=n) from None
    if not isinstance(fact, dict):
        raise AnnotationError("gold line is not a JSON object", path=path, line=n)
    kind = fact.get("type", "trade")
    keys = TRADE_KEYS if kind == "trade" else RANK_KEYS if kind == "rank" else None
    if keys is None:
        raise AnnotationError(f"type must be 'trade' or 'rank', got {kind!r}", path=path, line=n)
    missing = [k for k in keys if k not in fact]
    unknown = [k for k in fact if k not in keys + OPTIONAL_KEYS and k != "doc"]
    if missing or unknown:
        raise AnnotationError(f"{kind} fact has missing fields {missing} / fields outside the "
                              f"schema {unknown}; expected {list(keys)} + optional "
                              f"{list(OPTIONAL_KEYS)}", path=path, line=n)
    if kind == "trade":
        _check_trade_values(fact, path, n)
    for piece in [fact["sentence"], *fact.get("context", [])]:
        if not isinstance(piece, str) or piece not in record["text"]:
            raise AnnotationError(f"sentence/context is not a verbatim piece of the text "
                                  f"(markup removed): {str(piece)[:70]!r}", path=path, line=n)
    fact = {"doc": record["doc"], **{k: v for k, v in fact.items() if k != "doc"}}
    fact["_line"] = n
    return fact


def _check_trade_values(fact: dict, path: Path, n: int) -> None:
    if fact["flow"] not in ("total", "export", "import", "balance"):
        raise AnnotationError(f"flow {fact['flow']!r} is not total/export/import/balance",
                              path=path, line=n)
    if (fact["value"] is None) != (fact["currency"] is None):
        raise AnnotationError("value and currency are given together or both null",
                              path=path, line=n)
    period = fact["period"]
    if period is not None and canonical_period(period) != period:
        raise AnnotationError(f"period {period!r} is not canonical; write "
                              f"{canonical_period(period)!r}", path=path, line=n)
    if period is not None and not re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|\d\d(\.\.\d{4}-\d\d)?))?",
                                               period):
        raise AnnotationError(f"period {period!r} is not in the schema's syntax, e.g. "
                              f"'2021-Q1', '2022-01..2022-10'", path=path, line=n)
    if fact["product"] is not None and fact["product"] != fact["product"].lower():
        raise AnnotationError(f"product {fact['product']!r} must be lower-cased",
                              path=path, line=n)


def _check_duplicates(facts: list[dict], path: Path) -> None:
    seen: dict[tuple, int] = {}
    for fact in facts:
        if fact.get("type", "trade") == "trade":
            key = ("trade", canonical_name(fact["location"]), fact["flow"],
                   canonical_name(fact["partner"]), fact["product"],
                   canonical_period(fact["period"]), fact["currency"])
        else:
            key = ("rank", canonical_name(fact["location"]), fact["list"], fact["year"],
                   fact["sentence"])
        if key in seen:
            raise AnnotationError(f"two gold facts with the same identity {key} (the other on "
                                  f"line {seen[key]}); merge them: one fact per identity",
                                  path=path, line=fact["_line"])
        seen[key] = fact["_line"]


# ---------------------------------------------------------------------------- relations


def find_ann(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.ann")) if p.is_dir() else [p]
    return files


def is_dev(doc: str, index_in_batch: int | None = None) -> bool:
    """Dev split membership, fixed by the document id alone (about one document in four)."""
    return int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % 4 == 0


def split_records(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(train, dev): stratified by the id prefix (batch), every fourth doc by hash to dev.

    A record's ``split`` (the ``@split`` header) overrides the hash: documents that were read
    to write rules are ``train``, so that dev stays unseen."""
    train, dev = [], []
    batches: dict[str, list[dict]] = {}
    for r in records:
        if r.get("split") in SPLITS:
            (dev if r["split"] == "dev" else train).append(r)
            continue
        batches.setdefault(r["doc"].split("-")[0], []).append(r)
    for docs in batches.values():
        ordered = sorted(docs, key=lambda r: hashlib.sha1(r["doc"].encode()).hexdigest())
        for i, r in enumerate(ordered):
            (dev if i % 4 == 0 else train).append(r)
    return train, dev


def clean_fact(fact: dict) -> dict:
    return {k: v for k, v in fact.items() if not k.startswith("_")}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2 or argv[0] != "check":
        print("usage: python -m tradeie.training.corpus check PATH...", file=sys.stderr)
        return 2
    errors = n_docs = n_facts = 0
    for path in find_ann(argv[1:]):
        try:
            record = read_ann(path)
        except AnnotationError as err:
            print(f"ERROR {err}")
            errors += 1
            continue
        n_docs += 1
        n_facts += len(record["facts"])
    print(f"{n_docs} documents OK, {n_facts} gold facts, {errors} with errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
