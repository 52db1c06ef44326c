"""Candidate (head, argument) pairs for the relation component, and their features.

A head is a FLOW or RANK entity; its candidate arguments are the other entities of the same
sentence within ``max_distance`` tokens. Features are cues a pooled token vector does not
carry well: labels, distance, what lies between, lists and "respectively".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .docindex import doc_ents, doc_text, sentence_starts
from .flows import BREAKDOWN

HEAD_LABELS = ("FLOW", "RANK")
ARG_LABELS = {
    "FLOW": ("LOCATION", "PARTNER", "MONEY", "PERCENT", "PERIOD", "PRODUCT"),
    "RANK": ("LOCATION", "PERIOD"),
}
CHILD_LABELS = ("LOCATION", "PARTNER", "MONEY", "PERCENT", "PERIOD", "PRODUCT")
DISTANCE_BUCKETS = (2, 5, 10, 20, 40)
_NOT_GROWTH_AFTER = re.compile(
    r"^\W{0,3}(?:percentage points?|points?|pp\b|ppts?\b)|^[^.;]{0,40}?(?:from the previous month|"
    r"month[- ]on[- ]month|from a month earlier|compared with (?:the previous month|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)|from (?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"(?:than|from|over|compared with|on) (?:the same period (?:of|in) )?(?:19|20)\d\d\b|"
    r"two years (?:earlier|ago)|three years (?:earlier|ago)|seasonally adjusted)", re.I)

class Candidate(NamedTuple):
    head: Span
    child: Span


def get_candidates(doc: Doc, max_distance: int = 80) -> list[Candidate]:
    """Every (head, argument) pair the relation model scores, in a fixed order."""
    starts = sentence_starts(doc) if len(doc) else []
    ents = doc_ents(doc)
    ent_starts = [e.start for e in ents]  # in order: only the window around a head is read
    out = []
    for head in ents:
        if head.label_ not in HEAD_LABELS:
            continue
        allowed = ARG_LABELS[head.label_]
        window = ents[bisect_left(ent_starts, head.start - max_distance):
                      bisect_right(ent_starts, head.start + max_distance)]
        for child in window:
            if child.label_ not in allowed or child.start == head.start:
                continue
            if starts[child.start] != starts[head.start]:
                continue
            if abs(child.start - head.start) > max_distance:
                continue
            out.append(Candidate(head, child))
    return out


def _one_hot(index: int, size: int) -> list[float]:
    row = [0.0] * size
    if 0 <= index < size:
        row[index] = 1.0
    return row


def _bucket(distance: int) -> int:
    for i, edge in enumerate(DISTANCE_BUCKETS):
        if distance <= edge:
            return i
    return len(DISTANCE_BUCKETS)


N_FEATURES = len(HEAD_LABELS) + len(CHILD_LABELS) + 2 * (len(DISTANCE_BUCKETS) + 1) + 3 + 21


def pair_features(doc: Doc, candidates: list[Candidate]) -> numpy.ndarray:
    """One row of ``N_FEATURES`` floats per candidate."""
    if not candidates:
        return numpy.zeros((0, N_FEATURES), dtype="float32")
    starts = sentence_starts(doc)
    by_sentence: dict[int, list[Span]] = {}
    for ent in doc_ents(doc):
        by_sentence.setdefault(starts[ent.start], []).append(ent)
    cache = _FeatureCache(doc)
    rows = [_features(cache, c, by_sentence[starts[c.head.start]]) for c in candidates]
    return numpy.asarray(rows, dtype="float32")


class _FeatureCache:
    """What the features read of a doc, a sentence, a head or an argument, computed once:
    a document has thousands of candidate pairs but few heads, arguments and sentences."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        # running count of clause-breaking words (";", "while", ...) before each token
        orths = doc.to_array(ORTH)
        breaks = numpy.isin(orths, [doc.vocab.strings[w] for w in _CLAUSE_BREAKS])
        self.breaks = numpy.concatenate([[0], numpy.cumsum(breaks)]).tolist()
        self.sentences: dict[tuple, tuple] = {}
        self.heads: dict[int, float] = {}
        self.children: dict[int, tuple] = {}

    def sentence(self, sentence_ents: list[Span], head_label: str) -> tuple:
        key = (sentence_ents[0].start, head_label)
        if key not in self.sentences:
            heads = [e for e in sentence_ents if e.label_ == head_label]
            sent_text = _sentence_text(self.text, sentence_ents)
            self.sentences[key] = (heads, sorted(heads, key=lambda h: h.start),
                                   float("respectively" in sent_text or "respective" in sent_text),
                                   [e.start for e in sentence_ents if e.label_ in HEAD_LABELS])
        return self.sentences[key]

    def same(self, sentence_ents: list[Span], label: str) -> tuple[list[Span], dict[int, int]]:
        """The sentence's entities of ``label``, and the index of each by its start."""
        key = (sentence_ents[0].start, "same", label)
        if key not in self.sentences:
            same = [e for e in sentence_ents if e.label_ == label]
            self.sentences[key] = (same, {e.start: i for i, e in enumerate(same)})
        return self.sentences[key]

    def breakdown(self, head: Span) -> float:
        if head.start not in self.heads:
            lo = self.doc[max(0, head.start - 12)].idx
            self.heads[head.start] = float(bool(BREAKDOWN.search(self.text[lo: head.end_char])))
        return self.heads[head.start]

    def child(self, child: Span) -> tuple:
        if child.start not in self.children:
            text, label = self.text, child.label_
            after = text[child.end_char: child.end_char + 60]
            before30 = text[max(0, child.start_char - 30): child.start_char]
            left = text[max(0, child.start_char - 12): child.start_char]
            self.children[child.start] = (
                float(left.rstrip().endswith("(")),
                float(bool(_NOT_GROWTH_AFTER.search(after)) and label == "PERCENT"),
                float(label == "PERCENT" and "account" in before30.lower()),
                float(label == "PERCENT" and bool(_CHANGE_WORD.search(before30))),
                float(bool(_LIST_WORD.search(left.lower()))),
                float(bool(_YEAR.search(text[child.start_char: child.end_char]))),
            )
        return self.children[child.start]


_CLAUSE_BREAKS = frozenset((";", "while", "whereas", "but"))
_CHANGE_WORD = re.compile(r"\b(up|down|rose|fell|increase|decrease|grew|growth|decline|surged|"
                          r"dropped)\b", re.I)
_LIST_WORD = re.compile(r"\b(to|with|from|and)\s*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _features(cache: _FeatureCache, cand: Candidate, sentence_ents: list[Span]) -> list[float]:
    head, child = cand
    gap = child.start - head.end if child.start >= head.end else head.start - child.end
    before = child.start < head.start
    lo, hi = (child.end, head.start) if before else (head.end, child.start)
    heads, ordered, respectively, flow_starts = cache.sentence(sentence_ents, head.label_)
    same, same_index = cache.same(sentence_ents, child.label_)
    head_index = cache.same(sentence_ents, head.label_)[1]
    nearest_head = min(heads, key=lambda h: abs(h.start - child.start))
    flows_between = sum(1 for start in flow_starts if lo <= start < hi)
    clause_break = hi > lo and cache.breaks[hi] > cache.breaks[lo]
    in_parens, not_growth, account, change, list_word, year = cache.child(child)
    return [
        *_one_hot(HEAD_LABELS.index(head.label_), len(HEAD_LABELS)),
        *_one_hot(CHILD_LABELS.index(child.label_), len(CHILD_LABELS)),
        *_one_hot(_bucket(gap) if before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(_bucket(gap) if not before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(min(flows_between, 2), 3),
        float(nearest_head.start == head.start),
        respectively,
        in_parens,
        float(len(same) == 1), float(len(same) == 2), float(len(same) >= 3),
        float(len(heads) > 1),
        float(same_index[child.start] == head_index[head.start]),
        float(clause_break),
        not_growth,
        cache.breakdown(head),
        account,
        change,
        *_segment_features(head, child, ordered, same, list_word, year),
    ]


def _segment_features(head: Span, child: Span, heads: list[Span], same: list[Span],
                      list_word: float, year: float) -> list[float]:
    """Where the argument sits between this head and its neighbours (``heads`` in order)."""
    i = next(k for k, h in enumerate(heads) if h.start == head.start)
    nxt = heads[i + 1].start if i + 1 < len(heads) else 10**9
    prev = heads[i - 1].end if i > 0 else -1
    forward = head.end <= child.start < nxt
    backward = prev <= child.start < head.start
    after = [e for e in same if e.start >= head.end]
    before = [e for e in same if e.end <= head.start]
    first_after = bool(after) and after[0].start == child.start
    last_before = bool(before) and before[-1].start == child.start
    before_first_head = child.start < heads[0].start
    return [
        float(forward), float(backward), float(first_after), float(last_before),
        float(before_first_head), list_word, year, float(len(heads) == 1),
    ]


def _sentence_text(text: str, sentence_ents: list[Span]) -> str:
    first, last = sentence_ents[0], sentence_ents[-1]
    return text[max(0, first.start_char - 200): last.end_char + 200].lower()
