"""A per-call index of a doc's entities and sentences.

``doc.ents`` builds its spans anew on every access, which made the relation features and the
assembler quadratic in practice. A component wraps its work in ``with indexed(doc):`` and the
helpers below then read the cached lists; outside such a block they compute them directly.

The index of a recently indexed doc is used again while its entities are unchanged: the
relation component indexes each doc twice (to score its pairs and to set them) and the
assembler once more, and building the index was a third of the relation component's time.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from contextlib import contextmanager
from typing import Iterator

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, IS_TITLE, ORTH
from spacy.tokens import Doc, Span

_ABBREVIATIONS = {"u.s.", "u.k.", "no.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
                  "mr.", "ms.", "dr.", "st.", "co.", "ltd.", "inc.", "corp.", "u.s.a."}


class DocIndex:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.entity_array = _entity_array(doc)
        self.ents: list[Span] = _entities(doc, self.entity_array)
        self.starts, self.sentence_ends = _sentences(doc, self.ents)
        self.inside: dict[tuple[int, int], list[Span]] = {}
        self.token_starts: list[int] = [e.start for e in self.ents]
        self.char_starts: list[int] = [e.start_char for e in self.ents]
        # per-document results of slower scans: functions of the text and the entities only,
        # so they hold as long as the index does
        self.memo: dict[object, object] = {}
        self.sentence_spans: dict[tuple[int, int], Span] = {}
        self.relations: dict | None = None  # doc._.trade_relations, read once per block

    def holds_for(self, doc: Doc) -> bool:
        """True while ``doc`` is the indexed doc and its entities are the indexed ones."""
        return self.doc is doc and len(doc) == len(self.entity_array) and \
            numpy.array_equal(_entity_array(doc), self.entity_array)


_ACTIVE: dict[int, DocIndex] = {}

_RECENT: OrderedDict[int, DocIndex] = OrderedDict()
_RECENT_SIZE = 128
"""Indexes kept for use by the next component: a batch of ``nlp.pipe`` (64 docs in the
shipped configs); a larger batch only costs some indexes built again."""


@contextmanager
def indexed(doc: Doc) -> Iterator[DocIndex]:
    """Index ``doc`` for the duration of the block (entities must not change inside it)."""
    index = _RECENT.get(id(doc))
    if index is None or not index.holds_for(doc):
        index = DocIndex(doc)
    _RECENT[id(doc)] = index
    _RECENT.move_to_end(id(doc))
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)
    previous = _ACTIVE.get(id(doc))
    _ACTIVE[id(doc)] = index
    index.relations = None
    try:
        yield index
    finally:
        index.relations = None
        if previous is None:
            _ACTIVE.pop(id(doc), None)
        else:
            _ACTIVE[id(doc)] = previous


def release(doc: Doc) -> None:
    """Drop the kept index of ``doc``: the last component that reads it calls this, so that
    the memo of a batch is not kept past it."""
    if id(doc) not in _ACTIVE:
        _RECENT.pop(id(doc), None)


def _index(doc: Doc) -> DocIndex:
    index = _ACTIVE.get(id(doc))
    return index if index is not None and index.doc is doc else DocIndex(doc)


def memo(doc: Doc, key: str, compute):
    """``compute(doc)``, computed once while ``doc`` is indexed."""
    cache = _index(doc).memo
    if key not in cache:
        cache[key] = compute(doc)
    return cache[key]


def cached(doc: Doc, key: tuple, compute):
    """``compute()``, kept for ``key`` while ``doc`` is indexed (and computed afresh when it
    is not, rather than indexing the doc for one call)."""
    index = _ACTIVE.get(id(doc))
    if index is None or index.doc is not doc:
        return compute()
    if key not in index.memo:
        index.memo[key] = compute()
    return index.memo[key]


def relations(doc: Doc) -> dict:
    """``doc._.trade_relations`` (or ``{}``), which the getter rebuilds on every access."""
    index = _ACTIVE.get(id(doc))
    if index is None or index.doc is not doc:
        return doc._.trade_relations or {}
    if index.relations is None:
        index.relations = doc._.trade_relations or {}
    return index.relations


def span_text(span: Span) -> str:
    """``span.text``, sliced from the cached text instead of joined from the tokens."""
    return _index(span.doc).text[span.start_char: span.end_char]


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


def ents_back_from(doc: Doc, char: int, since: int = 0):
    """Entities that start in ``[since, char)``, last first, one at a time: a search that
    stops at its first hit costs what it reads, not the length of a long paragraph."""
    index = _index(doc)
    lo = bisect_left(index.char_starts, since)
    for i in range(bisect_left(index.char_starts, char) - 1, lo - 1, -1):
        yield index.ents[i]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index where each token's sentence starts, from punctuation and blank lines."""
    return _index(doc).starts


def entities(doc: Doc) -> list[Span]:
    """``list(doc.ents)``, read from the token attributes as arrays: ``doc.ents`` makes a
    Python token object per token, which was a sixth of the pipeline's time."""
    return _entities(doc, _entity_array(doc))


def _entity_array(doc: Doc) -> numpy.ndarray:
    if len(doc) == 0:
        return numpy.zeros((0, 2), dtype="uint64")
    return doc.to_array([ENT_IOB, ENT_TYPE])  # uint64: the type is a string hash


def _entities(doc: Doc, arr: numpy.ndarray) -> list[Span]:
    if len(doc) == 0:
        return []
    iob, kind = arr[:, 0].astype("int64"), arr[:, 1].tolist()
    out: list[Span] = []
    start = end = -1
    for i in numpy.flatnonzero((iob == 3) | (iob == 1)).tolist():
        if start >= 0 and iob[i] == 1 and end == i and kind[i] == kind[start]:
            end = i + 1
            continue
        if start >= 0:
            out.append(Span(doc, start, end, label=kind[start]))
        start, end = i, i + 1
    if start >= 0:
        out.append(Span(doc, start, end, label=kind[start]))
    return out


def _sentences(doc: Doc, ents: list[Span]) -> tuple[list[int], dict[int, int]]:
    """Token index where each token's sentence starts (from punctuation and line breaks,
    never inside an entity), and each sentence's end without its trailing white space."""
    n = len(doc)
    if n == 0:
        return [], {}
    arr = doc.to_array([ORTH, IS_SPACE, IS_TITLE]).astype("uint64")
    orth, space, title = arr[:, 0], arr[:, 1].astype(bool), arr[:, 2].astype(bool)
    kinds, inverse = numpy.unique(orth, return_inverse=True)
    strings = doc.vocab.strings
    texts = [strings[int(k)] for k in kinds]
    stop = numpy.array([t in (".", "!", "?") or (t.isspace() and "\n" in t) for t in texts])[inverse]
    dotted = numpy.array([t.endswith(".") and len(t) > 3 and t.lower() not in _ABBREVIATIONS
                          for t in texts])[inverse]
    next_title = numpy.append(title[1:], False)
    boundary = stop | (dotted & next_title)
    inside = numpy.zeros(n, dtype=bool)  # a break after these tokens would cut an entity
    for ent in ents:
        inside[ent.start: ent.end - 1] = True
    boundary &= ~inside
    flags = numpy.zeros(n, dtype=bool)
    flags[0] = True
    flags[1:] = boundary[:-1]
    _cap_sentences(flags, inside, texts, inverse)
    positions = numpy.arange(n)
    starts = numpy.maximum.accumulate(numpy.where(flags, positions, 0))
    ends: dict[int, int] = {}
    firsts = numpy.flatnonzero(flags).tolist()
    for k, first in enumerate(firsts):
        end = firsts[k + 1] if k + 1 < len(firsts) else n
        while end > first + 1 and space[end - 1]:
            end -= 1
        ends[first] = end
    return starts.tolist(), ends


MAX_SENTENCE_TOKENS = 300
"""Longer runs without a full stop (a table flattened into one line, a page of text with
its punctuation stripped) are cut into pieces of at most this many tokens. The slowest
rules read a head's whole sentence for each head, and one sentence of 30,000 words made
them quadratic; a news sentence is rarely a quarter this long."""


def _cap_sentences(flags: numpy.ndarray, inside: numpy.ndarray, texts: list[str],
                   inverse: numpy.ndarray) -> None:
    """Set extra sentence starts in ``flags`` so that no sentence is longer than
    ``MAX_SENTENCE_TOKENS``: after the last ";" or "," of the piece's second half, else
    after its last token outside an entity."""
    firsts = numpy.flatnonzero(flags)
    lengths = numpy.diff(numpy.append(firsts, len(flags)))
    if lengths.max() <= MAX_SENTENCE_TOKENS:
        return
    soft = numpy.array([t in (";", ",") for t in texts], dtype=bool)[inverse] & ~inside
    for first, length in zip(firsts.tolist(), lengths.tolist()):
        end, pos = first + length, first
        while end - pos > MAX_SENTENCE_TOKENS:
            lo, hi = pos + MAX_SENTENCE_TOKENS // 2, pos + MAX_SENTENCE_TOKENS - 1
            cut = next((i for i in range(hi, lo - 1, -1) if soft[i]), None)
            if cut is None:
                cut = next((i for i in range(hi, lo - 1, -1) if not inside[i]), hi)
            flags[cut + 1] = True
            pos = cut + 1


def sentence_span(doc: Doc, head: Span) -> Span:
    index = _index(doc)
    start = index.starts[head.start]
    key = (start, max(index.sentence_ends[start], head.end))
    span = index.sentence_spans.get(key)
    if span is None:
        span = index.sentence_spans[key] = doc[key[0]: key[1]]
    return span
