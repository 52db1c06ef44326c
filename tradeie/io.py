"""Reading inputs for ``tradeie extract``: text files, JSONL records, folders, stdin.

Bad files are reported by name and skipped or read as well as they can be; the run goes on
and no readable file is dropped.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

_HTML = re.compile(r"<(?:html|body|p|div|br|span|table|!doctype)\b", re.I)
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".json", ""}


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_text_file(path: Path, warn: Callable[[str], None]) -> Optional[str]:
    """The text of ``path``; None (with a warning) when it is missing, empty or binary."""
    try:
        data = path.read_bytes()
    except OSError as err:
        warn(f"{path}: cannot read ({err.strerror}); skipped")
        return None
    if not data.strip():
        warn(f"{path}: empty; skipped")
        return None
    if b"\x00" in data[:8192]:
        warn(f"{path}: binary data, not text; skipped")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warn(f"{path}: not UTF-8; read as Windows-1252, check the characters of its facts")
    if _HTML.search(text[:5000]):
        warn(f"{path}: looks like HTML; tags are ignored and offsets refer to the raw file")
    return text


def iter_inputs(paths: Iterable[str], *, published: Optional[str] = None,
                warn: Callable[[str], None]) -> Iterator[dict]:
    """Records ``{"doc", "text", "published"}`` from every input, in order."""
    paths = list(paths)
    files = [p for p in _files(paths) if str(p) != "-"]
    if "-" in paths:
        yield {"doc": "-", "text": sys.stdin.read(), "published": published}
    import typer

    with typer.progressbar(files, label="extracting", file=sys.stderr,
                           hidden=len(files) < 5) as bar:
        for path in bar:
            if path.suffix.lower() == ".jsonl":
                yield from _jsonl_records(path, published, warn)
                continue
            text = read_text_file(path, warn)
            if text is not None:
                yield {"doc": path.name, "text": text, "published": published}


def _jsonl_records(path: Path, published: Optional[str], warn) -> Iterator[dict]:
    text = read_text_file(path, warn)
    if text is None:
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            warn(f"{path}:{n}: not JSON ({err.msg}); line skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            warn(f"{path}:{n}: a record needs a string 'text'; line skipped")
            continue
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        yield {"doc": str(obj.get("doc") or meta.get("doc") or f"{path.name}:{n}"),
               "text": obj["text"],
               "published": obj.get("published") or meta.get("published") or published}
