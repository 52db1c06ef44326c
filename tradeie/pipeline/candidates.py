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
    ents = doc_ents(doc)
    by_sentence: dict[int, list[Span]] = {}
    for ent in ents:
        by_sentence.setdefault(starts[ent.start], []).append(ent)
    rows = [_features(doc, c, by_sentence[starts[c.head.start]]) for c in candidates]
    return numpy.asarray(rows, dtype="float32")


def _features(doc: Doc, cand: Candidate, sentence_ents: list[Span]) -> list[float]:
    head, child = cand
    gap = child.start - head.end if child.start >= head.end else head.start - child.end
    before = child.start < head.start
    lo, hi = (child.end, head.start) if before else (head.end, child.start)
    between = doc[lo:hi] if hi > lo else doc[0:0]
    heads = [e for e in sentence_ents if e.label_ == head.label_]
    same = [e for e in sentence_ents if e.label_ == child.label_]
    nearest_head = min(heads, key=lambda h: abs(h.start - child.start))
    flows_between = sum(1 for e in sentence_ents if e.label_ in HEAD_LABELS and lo <= e.start < hi)
    sent_text = _sentence_text(doc, sentence_ents)
    after = doc_text(doc)[child.end_char: child.end_char + 60]
    clause_break = any(t.text in (";", "while", "whereas", "but") for t in between)
    in_parens = doc_text(doc)[max(0, child.start_char - 12): child.start_char].rstrip().endswith("(")
    return [
        *_one_hot(HEAD_LABELS.index(head.label_), len(HEAD_LABELS)),
        *_one_hot(CHILD_LABELS.index(child.label_), len(CHILD_LABELS)),
        *_one_hot(_bucket(gap) if before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(_bucket(gap) if not before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(min(flows_between, 2), 3),
        float(nearest_head.start == head.start),
        float("respectively" in sent_text or "respective" in sent_text),
        float(in_parens),
        float(len(same) == 1), float(len(same) == 2), float(len(same) >= 3),
        float(len(heads) > 1),
        float(same.index(child) == heads.index(head)) if child in same and head in heads else 0.0,
        float(clause_break),
        float(bool(_NOT_GROWTH_AFTER.search(after)) and child.label_ == "PERCENT"),
        float(bool(BREAKDOWN.search(doc_text(doc)[doc[max(0, head.start - 12)].idx: head.end_char]))),
        float(child.label_ == "PERCENT" and "account" in doc_text(doc)[max(0, child.start_char - 30):
                                                                  child.start_char].lower()),
        float(child.label_ == "PERCENT" and bool(re.search(r"\b(up|down|rose|fell|increase|decrease|"
              r"grew|growth|decline|surged|dropped)\b", doc_text(doc)[max(0, child.start_char - 30):
                                                               child.start_char], re.I))),
        *_segment_features(head, child, heads, same, sentence_ents),
    ]


def _segment_features(head: Span, child: Span, heads: list[Span], same: list[Span],
                      sentence_ents: list[Span]) -> list[float]:
    """Where the argument sits between this head and its neighbours."""
    heads = sorted(heads, key=lambda h: h.start)
    i = next(k for k, h in enumerate(heads) if h.start == head.start)
    nxt = heads[i + 1].start if i + 1 < len(heads) else 10**9
    prev = heads[i - 1].end if i > 0 else -1
    forward = head.end <= child.start < nxt
    backward = prev <= child.start < head.start
    after = [e for e in same if e.start >= head.end]
    before = [e for e in same if e.end <= head.start]
    first_after = bool(after) and after[0].start == child.start
    last_before = bool(before) and before[-1].start == child.start
    doc = child.doc
    left = doc_text(doc)[max(0, child.start_char - 12): child.start_char].lower()
    before_first_head = child.start < heads[0].start
    return [
        float(forward), float(backward), float(first_after), float(last_before),
        float(before_first_head),
        float(bool(re.search(r"\b(to|with|from|and)\s*$", left))),
        float(bool(re.search(r"\b(?:19|20)\d\d\b", child.text))),
        float(len(heads) == 1),
    ]


def _sentence_text(doc: Doc, sentence_ents: list[Span]) -> str:
    first, last = sentence_ents[0], sentence_ents[-1]
    return doc_text(doc)[max(0, first.start_char - 200): last.end_char + 200].lower()
