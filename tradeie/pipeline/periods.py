"""The period of a head's facts: its own PERIOD arguments, an amount's own period ("$307.7
billion in 2020"), the period carried from its paragraph, the article's main period, and the
period to date of a figure called cumulative."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..normalize.period import canonical
from .context import DocContext, carried_period, is_comparison_base, resolve_period
from .docindex import doc_ents, doc_text, ents_before, sentence_span, span_ents
from .heads import Head

_PERIOD_AFTER_AMOUNT = re.compile(r"^\s*\)?\s*(?:(?:rise|gain|increase|jump|surge|growth|drop|fall|"
                                  r"decline|decrease|slump|contraction|shortfall|deficit|surplus)\s+)?"
                                  r"(?:(?:recorded|registered|posted|reported|imported|earned|achieved|logged|"
                                  r"exported|shipped|seen)\s+)?(?:in|for|during|of)\s+$", re.I)
# "2020's 485.6 billion yuan"; "a decrease of 2.6% compared with April 2022 (€229.3 bn)"
_PERIOD_OWNS_AMOUNT = re.compile(r"^\s*(?:[’']s\s+|\(\s*)$")


_YEAR_EARLIER = re.compile(r"^\s*(?:recorded\s+|registered\s+|posted\s+)?(?:a year (?:earlier|before|"
                           r"ago)|in the same (?:period|month|quarter) (?:of |a year earlier|last year)|"
                           r"(?:in|for) the previous (?:year|fiscal(?: year)?)|"
                           # "fell 5.5% to $3.09 trillion from $3.27 trillion the year before"
                           r"the (?:year|fiscal year) before|the (?:previous|prior) year)\b", re.I)


def year_earlier(money: Span, period: str | None) -> str | None:
    """"against US$20.8 billion a year earlier", "slid 11.4 percent to $31.14 billion from
    $35.16 billion": the same period one year back. (A year named, "in the same stretch of
    2018", is :func:`same_period_of`'s.)"""
    text = doc_text(money.doc)
    if period is None or not (_YEAR_EARLIER.match(text[money.end_char: money.end_char + 50]) or
                              _base_of_change(money, text)):
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), period)


# "in the same stretch of 2018", "posted in the same seven months of 2022-23"
_SAME_OF_YEAR = re.compile(r"\s*(?:(?:recorded|registered|posted|reported|seen)\s+)?(?:in|for|during|over)\s+"
                           r"the\s+same\s+(?:[\w-]+\s+){0,2}?(?:period|stretch|months?|quarters?|half|"
                           r"time|span|days)\s+(?:of|in)\s+(?:FY\s?)?(?P<year>(?:19|20)\d\d)\b(?!-\d\d-)",
                           re.I)


def same_period_of(money: Span, period: str | None) -> str | None:
    """The fact's period moved to the year that "in the same stretch of 2018" names after an
    amount (the first year of a period that spans two)."""
    if period is None:
        return None
    m = _SAME_OF_YEAR.match(doc_text(money.doc), money.end_char)
    first = re.search(r"\d{4}", period)
    if m is None or first is None:
        return None
    shift = int(m.group("year")) - int(first.group())
    if shift == 0:
        return None
    return re.sub(r"\d{4}", lambda y: str(int(y.group(0)) + shift), period)


def _base_of_change(money: Span, text: str) -> bool:
    """"... to $31.14 billion from $35.16 billion.": a bare "from" amount closing a change to
    a new amount, unless the change is a revision of an earlier estimate."""
    before = text[max(0, money.start_char - 80): money.start_char]
    return bool(_FROM_AFTER_NEW_AMOUNT.search(before[-60:]) and
                _ENDS_CLAUSE.match(text[money.end_char: money.end_char + 3]) and not _REVISED.search(before))


# "to $31.14 billion from ": the base a change to a new amount was measured from
_FROM_AFTER_NEW_AMOUNT = re.compile(r"\bto\s+\S{0,4}\d[\d.,]*\s*(?:[A-Za-z$€£¥]+\s+){0,2}from\s+$")
_ENDS_CLAUSE = re.compile(r"\s*(?:[.;,)]|$)")
_REVISED = re.compile(r"\brevis(?:ed|ion)\b", re.I)  # "revised up to $48.02 billion from $47.64 billion"

_ORDINAL_AFTER = re.compile(r"^\s*in the (second|third|fourth|2nd|3rd|4th)\b(?!\s*(?:-|quarter|half|month|year))",
                            re.I)
_ORDINAL_NUMBER = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_PART_PERIOD = re.compile(r"^(\d{4})-([QH])\d$")


def _elided_part(money: Span, ctx: DocContext) -> str | None:
    """"70.12 billion yuan in the first quarter, 78.95 billion yuan in the second and 77.77
    billion yuan in the third": a quarter or half named by its ordinal alone, after one named
    in full earlier in the sentence."""
    text = doc_text(money.doc)
    m = _ORDINAL_AFTER.match(text[money.end_char: money.end_char + 30])
    if m is None:
        return None
    for ent in reversed(ents_before(money.doc, money.start_char, sentence_span(money.doc, money).start_char)):
        period = resolve_period(ent, ctx) if ent.label_ == "PERIOD" else None
        if period is not None:  # "the second" before "the third" reads as no period
            part = _PART_PERIOD.match(period)
            if part is None:
                return None
            n = _ORDINAL_NUMBER[m.group(1).lower()]
            return f"{part.group(1)}-{part.group(2)}{n}" if part.group(2) == "Q" or n <= 2 else None
    return None


def own_period(money: Span, ctx: DocContext) -> str | None:
    """The period written right after an amount ("$307.7 billion in 2020", "from $61.1
    billion in March"): that amount's own period, whatever the sentence's other periods."""
    elided = _elided_part(money, ctx)
    if elided is not None:
        return elided
    text = doc_text(money.doc)
    for ent in span_ents(sentence_span(money.doc, money)):
        if ent.label_ == "PERIOD" and ent.end_char <= money.start_char and \
                _PERIOD_OWNS_AMOUNT.match(text[ent.end_char: money.start_char]):
            return resolve_period(ent, ctx)
        if ent.label_ == "PERIOD" and ent.start_char >= money.end_char:
            if _PERIOD_AFTER_AMOUNT.match(text[money.end_char: ent.start_char]):
                return resolve_period(ent, ctx)
            return None
    return None


def _modifier(head: Head) -> list[Span]:
    """A period written against the flow word ("Q1 2023 foreign trade", "March's exports"):
    the flow's own, whatever other period the relation scores linked."""
    doc = head.span.doc
    before = ents_before(doc, head.span.start_char, max(0, head.span.start_char - 40))
    if before and before[-1].label_ == "PERIOD" and _PERIOD_OWNS_FLOW.fullmatch(
            doc_text(doc)[before[-1].end_char: head.span.start_char]) and not is_comparison_base(before[-1]):
        return [before[-1]]
    after = [e for e in span_ents(sentence_span(doc, head.span))
             if head.span.end_char <= e.start_char <= head.span.end_char + 12]
    if after and after[0].label_ == "PERIOD" and _FLOW_IN_PERIOD.fullmatch(
            doc_text(doc)[head.span.end_char: after[0].start_char]) and not is_comparison_base(after[0]):
        return [after[0]]  # "the city's foreign trade in the first quarter totalled ..."
    return []


_PERIOD_OWNS_FLOW = re.compile(r"\s*(?:[’']s\s*)?")
_FLOW_IN_PERIOD = re.compile(r"\s+(?:in|for|during)\s+")


def first_stated_period(heads: list[Head], ctx: DocContext, lead: int = 0) -> str | None:
    """The period of the article's first figure: the one later paragraphs fall back on.

    A figure whose flow word the NER missed gives no head; when the first head with a
    period starts ``lead`` characters or more into the text, the first period the lead
    states (``ctx.main_period``) stands instead."""
    for head in heads:
        if lead and head.span.start_char >= lead and ctx.main_period:
            return None
        if head.span.label_ != "FLOW" or not (head.role("VALUE") or head.role("GROWTH")):
            continue
        sent = sentence_span(head.span.doc, head.span)
        in_sentence = [e for e in span_ents(sent) if e.label_ == "PERIOD"]
        for span in _modifier(head) + head.role("PERIOD") + in_sentence:
            if not is_comparison_base(span) and not _on_later_line(span, head):
                period = resolve_period(span, ctx)
                if period is not None:
                    return period
        if ctx.main_period:
            return None  # the first figure states no period: it is the lead's
    return None


def _on_later_line(period: Span, head: Head) -> bool:
    """A period on a line below its head's ("• Exports: $73.6bn" ... "• December exports:
    $5.9bn"): a later bullet's or row's, even where the lines parse as one sentence."""
    return "\n" in doc_text(period.doc)[head.span.end_char: period.start_char]


def period_and_shape(head: Head, ctx: DocContext) -> tuple[str | None, str | None]:
    """The fact's period, and its shape when the year is unknown ("?-01..?-05"), so that two
    periods of an undated text stay two identities."""
    period = _period(head, ctx)
    if period is not None:
        return period, period
    shape = _period(head, replace(ctx, year=1900, published=None))
    return None, shape.replace("1900", "?") if shape else None


def _period(head: Head, ctx: DocContext) -> str | None:
    spans = [s for s in head.role("PERIOD") if not is_comparison_base(s) and
             not _on_later_line(s, head)]
    for span in _modifier(head) + sorted(spans, key=lambda s: abs(s.start - head.span.start)):
        period = resolve_period(span, ctx)
        if period is not None:
            return period
    carried = carried_period(head.span.doc, ctx, head.span.start_char)
    return _cumulative(head, ctx, carried) or carried


# "The cumulative trade surplus stood at US$16.31 billion": the running total to date
_CUMULATIVE = re.compile(r"\bcumulative(?:ly)?\b", re.I)
_MONTH_PERIOD = re.compile(r"^\d{4}-\d\d$")


def _cumulative(head: Head, ctx: DocContext, carried: str | None) -> str | None:
    """The period of a figure its words call cumulative, in a month's release: the stated
    period that runs to that month from an earlier one ("January-May", "April-August")."""
    if carried is None or not _MONTH_PERIOD.match(carried):
        return None
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    if not _CUMULATIVE.search(doc_text(doc)[max(sent.start_char, head.span.start_char - 40):
                                            head.span.end_char]):
        return None
    year, month = int(carried[:4]), int(carried[5:])
    if month == 1:
        return None
    to_date = canonical(year, 1, month)
    for ent in doc_ents(doc):
        if ent.label_ == "PERIOD" and not is_comparison_base(ent):
            period = resolve_period(ent, ctx)
            # a fiscal year to date ("April-August") or the calendar one ("January-May", "Q1")
            if period and (period == to_date or ".." in period and period.endswith(".." + carried)):
                return period
    return None
