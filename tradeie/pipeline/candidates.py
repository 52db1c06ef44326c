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

from .docindex import cached, doc_ents, doc_text, sentence_starts
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
    """Every (head, argument) pair the relation model scores, in a fixed order (kept while
    the doc is indexed: the component reads them to score and again to set the scores)."""
    return list(cached(doc, ("candidates", max_distance), lambda: _candidates(doc, max_distance)))


def _candidates(doc: Doc, max_distance: int) -> list[Candidate]:
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
            heads = sorted((e for e in sentence_ents if e.label_ == head_label),
                           key=lambda h: h.start)
            sent_text = _sentence_text(self.text, sentence_ents)
            self.sentences[key] = (heads, [h.start for h in heads],
                                   float("respectively" in sent_text or "respective" in sent_text),
                                   [e.start for e in sentence_ents if e.label_ in HEAD_LABELS])
        return self.sentences[key]

    def same(self, sentence_ents: list[Span], label: str) -> tuple[list[Span], dict[int, int],
                                                                   list[int], list[int]]:
        """The sentence's entities of ``label``, the index of each by its start, and their
        starts and ends in order (entities do not overlap, so both lists are sorted)."""
        key = (sentence_ents[0].start, "same", label)
        if key not in self.sentences:
            same = [e for e in sentence_ents if e.label_ == label]
            self.sentences[key] = (same, {e.start: i for i, e in enumerate(same)},
                                   [e.start for e in same], [e.end for e in same])
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
    heads, head_starts, respectively, flow_starts = cache.sentence(sentence_ents, head.label_)
    same, same_index, same_starts, same_ends = cache.same(sentence_ents, child.label_)
    head_index = cache.same(sentence_ents, head.label_)[1]
    # Every scan below is a bisection: a sentence that runs a page has thousands of heads.
    nearest_head = _nearest(head_starts, child.start)
    flows_between = bisect_left(flow_starts, hi) - bisect_left(flow_starts, lo) if hi > lo else 0
    clause_break = hi > lo and cache.breaks[hi] > cache.breaks[lo]
    in_parens, not_growth, account, change, list_word, year = cache.child(child)
    return [
        *_one_hot(HEAD_LABELS.index(head.label_), len(HEAD_LABELS)),
        *_one_hot(CHILD_LABELS.index(child.label_), len(CHILD_LABELS)),
        *_one_hot(_bucket(gap) if before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(_bucket(gap) if not before else -1, len(DISTANCE_BUCKETS) + 1),
        *_one_hot(min(flows_between, 2), 3),
        float(nearest_head == head.start),
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
        *_segment_features(head, child, heads, head_starts, same_starts, same_ends, list_word,
                          year),
    ]


def _nearest(starts: list[int], position: int) -> int:
    """The start in ``starts`` (sorted) nearest ``position``; the earlier one on a tie."""
    i = bisect_left(starts, position)
    if i == len(starts) or (i > 0 and position - starts[i - 1] <= starts[i] - position):
        return starts[i - 1]
    return starts[i]


def _segment_features(head: Span, child: Span, heads: list[Span], head_starts: list[int],
                      same_starts: list[int], same_ends: list[int], list_word: float,
                      year: float) -> list[float]:
    """Where the argument sits between this head and its neighbours (``heads`` in order)
    and among the entities of its own label (``same_starts``, ``same_ends``)."""
    i = bisect_left(head_starts, head.start)
    nxt = head_starts[i + 1] if i + 1 < len(head_starts) else 10**9
    prev = heads[i - 1].end if i > 0 else -1
    forward = head.end <= child.start < nxt
    backward = prev <= child.start < head.start
    k = bisect_left(same_starts, head.end)  # first of its label at or after the head's end
    first_after = k < len(same_starts) and same_starts[k] == child.start
    j = bisect_right(same_ends, head.start)  # those ending at or before the head's start
    last_before = j > 0 and same_starts[j - 1] == child.start
    before_first_head = child.start < head_starts[0]
    return [
        float(forward), float(backward), float(first_after), float(last_before),
        float(before_first_head), list_word, year, float(len(head_starts) == 1),
    ]


def _sentence_text(text: str, sentence_ents: list[Span]) -> str:
    first, last = sentence_ents[0], sentence_ents[-1]
    return text[max(0, first.start_char - 200): last.end_char + 200].lower()
