"""A per-call index of a doc's entities and sentences.

``doc.ents`` builds its spans anew on every access, which made the relation features and the
assembler quadratic in practice. A component wraps its work in ``with indexed(doc):`` and the
helpers below then read the cached lists; outside such a block they compute them directly.
"""
from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager
from typing import Iterator

from spacy.tokens import Doc, Span

_ABBREVIATIONS = {"u.s.", "u.k.", "no.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
                  "mr.", "ms.", "dr.", "st.", "co.", "ltd.", "inc.", "corp.", "u.s.a."}


class DocIndex:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.ents: list[Span] = list(doc.ents)
        self.starts: list[int] = _sentence_starts(doc, self.ents)
        self.inside: dict[tuple[int, int], list[Span]] = {}
        self.token_starts: list[int] = [e.start for e in self.ents]
        self.char_starts: list[int] = [e.start_char for e in self.ents]


_ACTIVE: dict[int, DocIndex] = {}


@contextmanager
def indexed(doc: Doc) -> Iterator[DocIndex]:
    """Index ``doc`` for the duration of the block (entities must not change inside it)."""
    index = DocIndex(doc)
    previous = _ACTIVE.get(id(doc))
    _ACTIVE[id(doc)] = index
    try:
        yield index
    finally:
        if previous is None:
            _ACTIVE.pop(id(doc), None)
        else:
            _ACTIVE[id(doc)] = previous


def _index(doc: Doc) -> DocIndex:
    index = _ACTIVE.get(id(doc))
    return index if index is not None and index.doc is doc else DocIndex(doc)


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins anew from the tokens on every access."""
    return _index(doc).text


def doc_ents(doc: Doc) -> list[Span]:
    return _index(doc).ents


def span_ents(span: Span) -> list[Span]:
    """Entities inside ``span`` (``span.ents`` without rebuilding the doc's entities); the
    lists are cached per span while the doc is indexed, so do not change them."""
    index = _index(span.doc)
    key = (span.start, span.end)
    found = index.inside.get(key)
    if found is None:
        lo = bisect_left(index.token_starts, span.start)
        hi = bisect_left(index.token_starts, span.end)
        found = [e for e in index.ents[lo:hi] if e.end <= span.end]
        index.inside[key] = found
    return found


def ents_before(doc: Doc, char: int, since: int = 0) -> list[Span]:
    """Entities that start in ``[since, char)``, in text order (a slice, not a scan)."""
    index = _index(doc)
    return index.ents[bisect_left(index.char_starts, since): bisect_left(index.char_starts, char)]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index where each token's sentence starts, from punctuation and blank lines."""
    return _index(doc).starts


def _sentence_starts(doc: Doc, ents: list[Span]) -> list[int]:
    starts, current = [], 0
    inside = {i for ent in ents for i in range(ent.start, ent.end - 1)}
    n = len(doc)
    for token in doc:
        starts.append(current)
        i = token.i
        if i in inside:
            continue
        text = token.text
        if text in (".", "!", "?") or (token.is_space and "\n" in text):
            current = i + 1
        elif text.endswith(".") and i + 1 < n and len(text) > 3 and doc[i + 1].is_title \
                and text.lower() not in _ABBREVIATIONS:
            current = i + 1
    return starts


def sentence_span(doc: Doc, head: Span) -> Span:
    starts = sentence_starts(doc)
    start = starts[head.start]
    end = head.end
    while end < len(doc) and starts[end] == start:
        end += 1
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]
