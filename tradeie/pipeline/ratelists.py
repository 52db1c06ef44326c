"""Rates listed apart from their figures.

Customs bulletins often give n amounts, then the n growth rates in a clause or sentence of
their own::

    By quarter, trade in Q1, Q2, Q3 and Q4 was 41.26, 44.87, 40.95 and 43.26 billion yuan
    respectively. The year-on-year changes were -15.3%, -8.2%, -12.4% and -2.1%.
    Crude oil made up $80.39 billion, natural gas $23.19 billion and coal $17.31 billion;
    the respective increases were 34.7 percent, 47.2 percent and 11.6 percent.

A list of n growth rates, joined by commas and "and" and introduced by words that point back
("respective", "the three", "the year-on-year changes were"), gives its rates in order to
the n facts without a rate of the same sentence, or else of the sentence before.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..facts import TradeFact
from .context import DocContext
from .docindex import doc_ents, doc_text, sentence_span, span_ents
from .heads import percent_cue
from .lists import joined
from .rates import growth_of
from .slots import money_of

# words before the list that point back at figures already given
_POINTING_BACK = re.compile(
    r"\b(?:respective(?:ly)?|(?:for|of) the (?:two|three|four|five|six|\d+)\b|(?:the\s+)?"
    r"(?:year-on-year|annual|corresponding)\s+(?:growth\s+rates?|changes?|increases?|rises?|"
    r"decreases?|declines?|falls?|rates?)|(?:the\s+)?(?:growth\s+rates?|changes|increases|"
    r"decreases|declines|rises|falls)\s+(?:were|being)\b)", re.I)


_RESPECTIVELY_AFTER = re.compile(r"[\s,]*(?:year[- ]on[- ]year[\s,]*)?respectively\b", re.I)


def late_rates(doc: Doc, pairs: list, ctx: DocContext) -> list:
    """``pairs`` with the rates of lists like the above given to their facts."""
    out = list(pairs)
    by_sentence: dict[int, list[int]] = {}
    for k, (fact, _) in enumerate(out):
        if isinstance(fact, TradeFact) and fact.evidence is not None:
            by_sentence.setdefault(fact.evidence.start_char, []).append(k)
    for run in _rate_runs(doc):
        sent = sentence_span(doc, run[0])
        lead = doc_text(doc)[sent.start_char: run[0].start_char]
        # "exports were A and imports B, up 18.9 percent and 3.7 percent respectively": the
        # rates' own word says they go one to each figure, whoever the model gave them to
        trailing = bool(_RESPECTIVELY_AFTER.match(doc_text(doc), run[-1].end_char))
        if not (trailing or _POINTING_BACK.search(re.split(r"[;:]", lead)[-1])) or \
                any(percent_cue(span) not in ("GROWTH", None) for span in run):
            continue
        year = ctx.year
        rates = [growth_of(span, sent, year) for span in run]
        if any(r is None for r in rates):
            continue
        targets = _unrated(out, by_sentence, sent, run[0].start_char, ctx,
                           set(rates) if trailing else set())
        if len(targets) != len(run) and not trailing:
            previous = _previous_sentence(doc, sent)
            targets = _unrated(out, by_sentence, previous, previous.end_char, ctx) if previous else []
        if len(targets) != len(run):
            continue
        for k, rate in zip(targets, rates):
            fact, shape = out[k]
            out[k] = (replace(fact, growth_pct=rate), shape)
    return out


def _previous_sentence(doc: Doc, sent: Span) -> Span | None:
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return sentence_span(doc, doc[i: i + 1]) if i >= 0 else None


def _rate_runs(doc: Doc) -> list[list[Span]]:
    """Runs of two or more percentages joined by commas and "and"."""
    text = doc_text(doc)
    runs: list[list[Span]] = []
    current: list[Span] = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERCENT":
            continue
        if current and joined(text[current[-1].end_char: ent.start_char]):
            current.append(ent)
            continue
        if len(current) > 1:
            runs.append(current)
        current = [ent]
    if len(current) > 1:
        runs.append(current)
    return runs


def _unrated(pairs: list, by_sentence: dict[int, list[int]], sent: Span, before: int,
             ctx: DocContext, listed: set = frozenset()) -> list[int]:
    """Indexes of the facts of ``sent`` with an amount and no rate (or a rate of ``listed``,
    the list being placed), in the order their amounts are written before ``before``; [] if
    an amount cannot be placed. Facts are found through ``by_sentence`` (evidence start ->
    indexes into ``pairs``)."""
    found = []
    amounts = [(e.start_char, money_of(e, ctx)) for e in span_ents(sent) if e.label_ == "MONEY"]
    for k in by_sentence.get(sent.start_char, []):
        fact = pairs[k][0]
        if fact.value is None:
            continue
        at = next((start for start, money in amounts
                   if money is not None and money.value == abs(fact.value)), None)
        if at is None:
            return []
        if at >= before:
            continue  # "..., resulting in a deficit of 2.0 billion yuan": after the list
        if fact.growth_pct is not None and fact.growth_pct not in listed:
            return []  # the sentence's figures have rates already: not this list's
        found.append((at, k))
    starts = [at for at, _ in found]
    return [k for _, k in sorted(found)] if len(set(starts)) == len(starts) else []
