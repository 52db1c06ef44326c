"""Figures in clauses with no flow word of their own.

Trade news states a flow once and lists the rest elliptically::

    Exports to the United States rose 4% to $1.3 billion. Japan ranked next at $0.92
    billion, followed by China at $0.87 billion.
    Electronic products earned $3.48 billion. Within the group, semiconductors brought in
    $2.64 billion.

An amount that no flow trigger took, in a clause with no flow word, continues the last fact
stated before it: the names its own clause gives (a partner, a product, a place of the
reporting country, a period) replace that fact's, the rest carries over. Only a run of
adjacent sentences continues a fact, and an amount whose clause talks of something other
than trade (investment, revenue, a forecast, a price, a change) is left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

import numpy
from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc, Span

from ..facts import Evidence, TradeFact
from ..normalize.percent import polarity, resolve_percent
from ..normalize.place import canonical_place
from .context import DocContext, resolve_period
from .docindex import doc_ents, doc_text, sentence_span, sentence_starts, span_ents, span_text
from .locations import location_of
from .periods import period_and_shape
from .clauses import (NOT_TRADE, RATE_TO, domestic, flow_word, has_money, names, segment,
                      segment_period, without_products)
from .flows import BREAKDOWN, classify_flow
from .lists import coordinated, respective_periods
from .heads import CUE_THRESHOLD, RESPECTIVELY, Head, percent_cue
from .rates import growth_of, share_of
from .slots import (is_breakdown, is_not_a_figure, money_of, place_name, product_of,
                    signed_value)

# "down 3.0% from the $18.13 billion recorded a year before": a base, read only with its period.
_BASE_BEFORE = re.compile(r"\b(?:from|than|compared (?:with|to)|against|versus|over)\s+(?:the\s+)?"
                          r"(?:revised\s+|previous\s+|a\s+|an\s+)?$", re.I)
# Sentences (without an amount) that may stand between a fact and its continuation.
MAX_GAP = 1


def elliptical_facts(doc: Doc, ctx: DocContext, heads: list[Head],
                     head_facts: dict[int, list[tuple[TradeFact, str | None]]],
                     taken: list[TradeFact]) -> list[tuple[TradeFact, str | None]]:
    """(fact, period shape) pairs for amounts and growth rates that continue an earlier fact.

    ``head_facts`` maps each flow head's start token to the facts it gave; ``taken`` are the
    facts found so far (an amount one of them already states is not read twice).
    """
    flows = sorted((h for h in heads if h.span.label_ == "FLOW"), key=lambda h: h.span.start)
    if not flows:
        return []
    flow_ends = [h.span.end for h in flows]
    linked = {s.start for h in heads for spans in h.args.values() for s, _ in spans}
    starts = sentence_starts(doc)
    sentence_of = _sentence_numbers(doc, starts)
    with_money = sorted({sentence_of[starts[e.start]] for e in doc_ents(doc) if e.label_ == "MONEY"})
    out: list[tuple[TradeFact, str | None]] = []
    chain: dict[int, tuple] = {}  # head start -> (sentence number, fact, shape) last continued
    orphans = _orphans(doc, linked, taken, ctx)
    by_sentence: dict[int, list[Span]] = {}
    for ent in orphans:
        by_sentence.setdefault(starts[ent.start], []).append(ent)
    for sent_start, ents in by_sentence.items():
        sent = sentence_span(doc, ents[0])
        lead = _governing(flows, flow_ends, ents[0], head_facts, ctx)
        if lead is None:
            continue
        head, (fact, shape) = lead
        here = sentence_of[sent_start]
        last = sentence_of[starts[head.span.start]]
        if head.span.start in chain and chain[head.span.start][0] < here:
            last, fact, shape = chain[head.span.start]  # the list goes on from its last item
        between = bisect_right(with_money, last) < bisect_left(with_money, here)
        if here - last > MAX_GAP + 1 or between:  # an amount in between ends the list
            continue
        if fact.flow != "total" and _sub_periods(sent, fact, ctx):
            # "Of the total, exports were A. ... Q1, Q2 and Q3 came in at B, C and D
            # respectively": the quarters of the year continue the year's total, not its part
            whole = _whole_before(flows, head_facts, head, fact)
            if whole is not None:
                fact, shape = whole
        made = _continue(fact, shape, ents, sent, ctx, head)
        if made:
            chain[head.span.start] = (here, *made[-1])
            out += made
    return out


def _sub_periods(sent: Span, fact: TradeFact, ctx: DocContext) -> bool:
    """Whether the sentence lists two or more periods that lie inside the fact's."""
    if not fact.period or ".." in fact.period:
        return False
    inside = [p for p in (resolve_period(e, ctx) for e in span_ents(sent) if e.label_ == "PERIOD")
              if p and p != fact.period and p.startswith(fact.period)]
    return len(inside) >= 2


def _whole_before(flows: list[Head], head_facts, head: Head, fact: TradeFact):
    """The last total fact of the same place and period given by a head before ``head``."""
    for other in reversed([h for h in flows if h.span.start <= head.span.start]):
        for whole, shape in reversed(head_facts.get(other.span.start, [])):
            if whole.flow == "total" and whole.location == fact.location and \
                    whole.period == fact.period and whole.partner is None and whole.product is None:
                return whole, shape
    return None


def _sentence_numbers(doc: Doc, starts: list[int]) -> dict[int, int]:
    """Sentence start token -> number of the sentence, counting only sentences with words
    (a blank line is no sentence; a heading is one)."""
    alpha = doc.to_array([IS_ALPHA]).ravel().astype(bool)
    wordy = {starts[i] for i in numpy.flatnonzero(alpha).tolist()}
    numbers: dict[int, int] = {}
    count = 0
    for start in sorted(set(starts)):
        count += start in wordy
        numbers[start] = count
    return numbers


def _orphans(doc: Doc, linked: set[int], taken: list[TradeFact], ctx: DocContext) -> list[Span]:
    """Amounts, and growth rates with no amount in their clause, that no head took."""
    text = doc_text(doc)
    by_start: dict[int, list[TradeFact]] = {}
    for fact in taken:
        if isinstance(fact, TradeFact) and fact.evidence:
            by_start.setdefault(fact.evidence.start_char, []).append(fact)
    breaks = [m.start() for m in re.finditer("\n", text)]
    out = []
    for ent in doc_ents(doc):
        if ent.start in linked or ent.label_ not in ("MONEY", "PERCENT"):
            continue
        if ent.label_ == "PERCENT" and percent_cue(ent) not in ("GROWTH", None):
            continue
        if ent.label_ == "MONEY" and is_not_a_figure(ent):
            continue
        k = bisect_left(breaks, ent.start_char)
        line_start = breaks[k - 1] + 1 if k else 0
        line_end = breaks[k] if k < len(breaks) else len(text)
        stated = by_start.get(sentence_span(doc, ent).start_char, []) + by_start.get(line_start, [])
        if any(f.evidence.start_char <= ent.start_char < f.evidence.end_char and _states(f, ent, ctx)
               for f in stated):
            continue
        if _BASE_BEFORE.search(text[max(0, ent.start_char - 30): ent.start_char]):
            continue
        if "|" in text[line_start: line_end]:
            continue  # a table row: the table reader's
        out.append(ent)
    return out


def _states(fact: TradeFact, ent: Span, ctx: DocContext) -> bool:
    """Whether a fact of the figure's sentence already gives this amount (or rate)."""
    if ent.label_ == "PERCENT":
        pct = resolve_percent(ent.text)
        return pct is None or any(v is not None and abs(abs(v) - abs(pct.value)) < 1e-6
                                  for v in (fact.growth_pct, fact.share_pct))
    money = money_of(ent, ctx)
    return money is None or (fact.value is not None and abs(fact.value) == money.value)


def _governing(flows: list[Head], flow_ends: list[int], ent: Span, head_facts, ctx: DocContext):
    """The last flow head before ``ent`` and the last fact it gave; for a head that gave
    none ("Commodity breakdown of exports:"), a fact of its flow, place and period alone."""
    k = bisect_right(flow_ends, ent.start) - 1  # the last head ending before ``ent``
    if k < 0:
        return None
    head = flows[k]
    facts = head_facts.get(head.span.start, [])
    if facts:  # the last of the head's own period, not "against $20.8bn a year earlier"
        return head, [f for f in facts if f[0].period == facts[0][0].period][-1]
    doc = head.span.doc
    flow = classify_flow(head.span.text)
    sent = sentence_span(doc, head.span)
    if flow is None or is_breakdown(doc, head.span, sent, ctx):
        return None
    period, shape = period_and_shape(head, ctx)
    return head, (TradeFact(location=location_of(head, ctx), flow=flow, partner=None,
                            product=None, period=period, value=None, currency=None,
                            evidence=Evidence(sent.start_char, sent.end_char, span_text(sent)),
                            confidence=CUE_THRESHOLD * 5, doc=None), shape)


# "followed by transport equipment at $1.12 billion": the next item of a product list, which
# the NER did not tag
_UNTAGGED_ITEM = re.compile(r"\b(?:followed by|then|ahead of|and)\s+(?P<name>[a-z][a-z'-]+(?:,?\s+"
                            r"(?:and\s+)?[a-z][a-z'-]+){0,5}?)\s+(?:at|with|worth)\s*$")
_NOT_ITEM = frozenset({"the", "it", "its", "those", "them", "these", "that", "this", "a", "an",
                       "imports", "exports", "shipments", "sales", "trade", "others", "other"})


def _continue(fact: TradeFact, shape, ents: list[Span], sent: Span, ctx: DocContext,
              head: Head) -> list[tuple[TradeFact, str | None]]:
    doc = sent.doc
    text = doc_text(doc)
    sent_ents = span_ents(sent)
    moneys = [e for e in ents if e.label_ == "MONEY"]
    rates = [e for e in ents if e.label_ == "PERCENT"]
    year = int(fact.period[:4]) if fact.period else ctx.year
    items = moneys or [r for r in rates if not has_money(r, sent_ents)]
    segments = [segment(sent, sent_ents, e, head) for e in items]
    if len(items) > 1 and (RESPECTIVELY.search(span_text(sent)) or coordinated(items)):
        listed_names = names(sent_ents, segments[0][0], items[0].start_char, ctx)
        if len(listed_names) == len(items):
            segments = [(segments[0][0], seg[1]) for seg in segments]
            named = [[n] for n in listed_names]
        else:
            named = [names(sent_ents, a, e.start_char, ctx) for (a, _), e in zip(segments, items)]
        listed = [r for r in sent_ents if r.label_ == "PERCENT" and r.start_char > items[-1].end_char
                  and percent_cue(r) == "GROWTH"]
        # "Q1, Q2 and Q3 came in at 141.25, 148.93 and 153.30 billion yuan respectively"
        periods = [p for p in respective_periods(sent, len(items)) if p.end_char <= items[0].start_char]
    else:
        named = [names(sent_ents, a, e.start_char, ctx) for (a, _), e in zip(segments, items)]
        listed, periods = [], []
    out = []
    for k, (ent, (lo, hi)) in enumerate(zip(items, segments)):
        clause = text[lo: hi]
        if NOT_TRADE.search(without_products(clause, sent_ents, lo)) or BREAKDOWN.search(clause):
            continue
        if any(e.label_ == "FLOW" and lo <= e.start_char < ent.start_char for e in sent_ents):
            continue  # a flow word of its own: the relation model's call, not ours
        data = {"partner": fact.partner, "product": fact.product, "location": fact.location,
                "flow": flow_word(text[sent.start_char: ent.start_char]) or fact.flow}
        if data["flow"] != fact.flow:
            data.update(partner=None, product=None)  # another flow: nothing carries over
        changed = False
        for span in named[k]:
            if span.label_ == "PRODUCT":
                if fact.flow == "balance":
                    break  # a balance is rarely one product's: the amount is another flow's
                if fact.product is not None and fact.partner == data["partner"]:
                    data["partner"] = None  # "chips to China: $50.3bn" then "- steel: $36.5bn"
                data["product"] = product_of(span)
            elif span.label_ == "LOCATION" and fact.partner is None and domestic(span, ctx):
                data["location"] = place_name(span, ctx)
            else:
                data["partner"] = canonical_place(span.text) or place_name(span, ctx)
            changed = True
        if not changed and (fact.product or any(f.product for f, _ in out)) and \
                data["flow"] == fact.flow:
            untagged = _UNTAGGED_ITEM.search(text[lo: ent.start_char])
            if untagged and untagged.group("name").split()[0] not in _NOT_ITEM:
                data["product"], changed = untagged.group("name").lower(), True
        period, new_shape = fact.period, shape
        own = resolve_period(periods[k], ctx) if len(periods) == len(items) else \
            segment_period(sent_ents, lo, ent, ctx)
        if own is not None and own != fact.period:
            period, new_shape, changed = own, own, True
        if not changed or data["partner"] is not None and data["partner"] == data["location"]:
            continue
        growth = share = None
        if ent.label_ == "PERCENT":
            growth = growth_of(ent, sent, year)
            if growth is not None and not polarity(text[lo: ent.start_char][-40:]):
                if fact.growth_pct is None and fact.share_pct is not None and _same(fact, sent):
                    growth, share = None, share_of(ent)  # "25.3%, ahead of vehicles at 13.4%"
                else:
                    growth = _gapped(growth, fact, sent)
            if growth is None and share is None:
                continue  # a rate needs a direction word ("fell 36.8%"), or its clause's
        else:
            after = [e for e in sent_ents if e.label_ == "PERCENT" and lo <= e.start_char < hi]
            if len(listed) == len(items):
                after = [listed[k]]
            for pct in after:
                cue = percent_cue(pct)
                if cue is None and pct.end_char <= ent.start_char and \
                        RATE_TO.match(text[pct.end_char: ent.start_char]):
                    cue = "GROWTH"  # "(-7.3 per cent to RM9.9 billion)": the change to the amount
                if cue == "GROWTH" and growth is None:
                    growth = growth_of(pct, sent, year)
                elif cue == "SHARE" and share is None:
                    share = share_of(pct)
        value = currency = None
        if ent.label_ == "MONEY":
            money = money_of(ent, ctx)
            if money is None:
                continue
            value = signed_value(money.value, data["flow"], clause)
            currency = money.currency
        out.append((replace(fact, **data, period=period, value=value, currency=currency,
                            growth_pct=growth, share_pct=share,
                            evidence=Evidence(sent.start_char, sent.end_char, span_text(sent)),
                            confidence=round(0.8 * fact.confidence, 3)), new_shape))
    return out


def _gapped(growth: float, fact: TradeFact, sent: Span) -> float | None:
    """"exports to Taiwan rose 7.1%, to Vietnam 5.2%": a bare rate after a growth in its own
    sentence takes that growth's verb, and its direction."""
    if fact.growth_pct is None or not _same(fact, sent):
        return None
    return abs(growth) if fact.growth_pct >= 0 else -abs(growth)


def _same(fact: TradeFact, sent: Span) -> bool:
    return fact.evidence is not None and fact.evidence.start_char == sent.start_char
