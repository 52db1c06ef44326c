"""``trade_facts``: assembles scored relations into ``TradeFact``/``RankFact`` objects.

It reads the document context (reporting place, year, paragraphs), builds facts head by
head (:mod:`tradeie.pipeline.assemble`) and merges statements of one identity into one fact,
as the fact schema asks. The result is on ``doc._.trade_facts``.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..facts import RankFact, TradeFact
import re

from .ratelists import late_rates
from .docindex import (doc_ents, doc_text, ents_back_from, indexed, release, sentence_span,
                       span_ents, span_text)
from .assemble import trade_facts_of
from .partners import foreign_place, line_label_partner, other_way_partner
from .places import extend_zone_names
from .periods import first_stated_period
from .ranks import ordered_ranks, rank_facts_of
from .heads import Head, collect_heads, is_whole, percent_cue
from .shares import headed_partner_lists, owned_shares
from .rates import growth_of, share_of
from .slots import split_places
from .context import DocContext, build_context
from .ellipsis import elliptical_facts
from .tables import table_facts
from .boilerplate import doc_link_lists
from .breakdowns import with_whole_subject
from .sectors import with_sector
from .wholes import fit_parts_to_wholes


LEAD_PERIOD_CHARS = 800


class TradeFactAssembler:
    """Sets ``doc._.trade_facts`` from ``doc._.trade_relations`` and the entities."""

    def __init__(self, nlp: Language, name: str = "trade_facts", *, threshold: float = 0.5,
                 merge: bool = True) -> None:
        register_extensions()
        self.name = name
        self.threshold = threshold
        self.merge = merge

    def __call__(self, doc: Doc) -> Doc:
        try:
            with indexed(doc):  # the relation component's index, as a rule
                extend_zone_names(doc)
            with indexed(doc):  # built again if the zones changed an entity
                return self._assemble(doc)
        finally:
            release(doc)

    def _assemble(self, doc: Doc) -> Doc:
        ctx = build_context(doc, doc._.published)
        heads = collect_heads(doc, self.threshold)
        ctx.main_period = first_stated_period(heads, ctx, LEAD_PERIOD_CHARS) or ctx.main_period
        pairs: list[tuple] = []
        by_head: dict[int, list[tuple]] = {}
        for head in heads:
            if head.span.label_ == "FLOW":
                by_head[head.span.start] = trade_facts_of(head, ctx, _partners_before(doc, head, ctx))
                pairs += by_head[head.span.start]
        ordered, spanned = ordered_ranks(doc, ctx)
        pairs += [(f, None) for f in rank_facts_of([h for h in heads if h.span.label_ == "RANK"], ctx)
                  if f.evidence.start_char not in spanned]  # "the first to fifth places went to"
        pairs += [(f, None) for f in ordered]
        used = {s.start for h in heads for s in h.role("VALUE")}
        pairs += table_facts(doc, ctx, used)
        pairs += elliptical_facts(doc, ctx, heads, by_head, [f for f, _ in pairs])
        pairs += headed_partner_lists(doc, heads, ctx)
        pairs = attach_orphans(doc, pairs, heads, self.threshold, ctx)
        pairs = late_rates(doc, pairs, ctx)
        pairs = fit_parts_to_wholes(_outside(pairs, doc_link_lists(doc)))
        pairs = other_way_partner(with_whole_subject(with_sector(pairs, doc)), ctx)
        pairs = _headline_restated(_no_share_of_a_balance(line_label_partner(pairs, ctx)), doc_text(doc))
        facts = [f for f, _ in pairs]
        if self.merge:
            facts = merge_facts(facts, [shape for _, shape in pairs])
        doc_id = doc._.doc_id
        doc._.trade_facts = [_with_doc(f, doc_id) for f in facts]
        return doc


_HEADLINE_CHARS = 200


def _headline_restated(pairs: list, text: str) -> list:
    """Drop a headline's fact that a body fact of the same place and flow states again ("Korea's
    exports top $600 bln for first time on chip boom" over "exports rose 5.4% to $604.9
    billion"): a headline rounds and compresses, and its partner or product is often the
    story's angle ("on chip boom"), not the figure's. A headline figure the body does not
    restate stays."""
    end = text.find("\n")
    if not 0 < end <= _HEADLINE_CHARS:
        return pairs
    body = [f for f, _ in pairs if isinstance(f, TradeFact) and f.evidence and f.evidence.start_char > end]
    out = []
    for fact, shape in pairs:
        if isinstance(fact, TradeFact) and fact.evidence and fact.evidence.start_char < end and any(
                b.location == fact.location and b.flow == fact.flow and _same_figure(b, fact) for b in body):
            continue
        out.append((fact, shape))
    return out


def _same_figure(a: TradeFact, b: TradeFact) -> bool:
    if a.value is not None and b.value is not None:
        return not _apart(a.value, b.value)
    if (a.value is None or b.value is None) and a.growth_pct is not None and b.growth_pct is not None:
        return abs(a.growth_pct - b.growth_pct) <= 0.5  # "soar 44%" over "jumped 43.8%"
    return False


def _no_share_of_a_balance(pairs: list) -> list:
    """A balance is no part of a total: "a visible trade deficit of HK$38 billion, equal to
    8.9 per cent of the value of imports" relates two figures and gives no share. Such a
    rate leaves the balance; a balance with nothing else stated goes."""
    out = []
    for fact, shape in pairs:
        if isinstance(fact, TradeFact) and fact.flow == "balance" and fact.share_pct is not None:
            if fact.value is None and fact.growth_pct is None:
                continue
            fact = replace(fact, share_pct=None)
        out.append((fact, shape))
    return out


def _outside(pairs: list, ranges: list[tuple[int, int]]) -> list:
    """Pairs whose evidence lies outside ``ranges`` (links to other articles)."""
    if not ranges:
        return pairs
    return [(f, shape) for f, shape in pairs
            if not any(a <= f.evidence.start_char < b for a, b in ranges)]


def _partners_before(doc: Doc, head: Head, ctx) -> list:
    """Partners of the nearest earlier sentence that has some (for "to them"): its PARTNER
    entities, and the places other than the reporting one that the NER called LOCATION
    ("Vietnam, Thailand and Indonesia were the top three markets")."""
    sent = sentence_span(doc, head.span)
    reach = sent.start_char - 600
    last = None
    # read back only as far as a sentence can reach: a long text without partners was read
    # whole for every flow (quadratic)
    for e in ents_back_from(doc, sent.start_char):
        if e.label_ == "PARTNER" and e.end <= sent.start:
            last = e
            break
        if e.end_char < reach and sentence_span(doc, e).end_char < reach:
            return []
    if last is None:
        return []
    last_sent = sentence_span(doc, last)
    if last_sent.end_char < reach:
        return []
    return split_places([e for e in span_ents(last_sent)
                         if e.label_ == "PARTNER" or foreign_place(e, ctx)])


def _with_doc(fact, doc_id):
    if doc_id is None:
        return fact
    data = fact.to_dict()
    data["doc"] = doc_id
    return type(fact).from_dict(data)


def merge_facts(facts: list, shapes: list | None = None) -> list:
    """One fact per identity: later statements fill gaps of the first, duplicates go.

    A growth- or share-only statement merges into the fact of the same location, flow,
    partner, product and period in the document's main currency. ``shapes`` tell apart
    periods whose year is unknown (both null): "?-05" is not "?-01..?-05".
    """
    shapes = shapes or [None] * len(facts)
    currencies = Counter(f.currency for f in facts if isinstance(f, TradeFact) and f.currency)
    main = currencies.most_common(1)[0][0] if currencies else None
    out: list = []
    index: dict[tuple, int] = {}
    ranks: dict[tuple, list[tuple]] = {}  # (place, rank, year) -> keys of ranks stated so far
    for fact, shape in zip(facts, shapes):
        if isinstance(fact, RankFact):
            key = _rank_key(fact, ranks.setdefault((fact.location, fact.rank, fact.year), []))
        elif fact.value is None:
            key = ("trade",) + fact.identity[:4] + (fact.period or shape, main)
        else:
            key = ("trade",) + fact.identity[:4] + (fact.period or shape, fact.currency)
        if key in index and _conflicting(out[index[key]], fact):
            key = key + (len(out),)  # two different amounts: two statements, keep both
        if key not in index:
            index[key] = len(out)
            out.append(fact)
            continue
        out[index[key]] = _fill(out[index[key]], fact)
    return out


_LIST_WORD = re.compile(r"[a-z]{3,}")
_NOT_LIST_WORDS = frozenset({"the", "and", "list", "released", "ranking", "rankings", "among", "for",
                             "with", "top", "its", "china", "chinese"})


def _rank_key(fact: RankFact, stated: list[tuple]) -> tuple:
    """A rank stated twice ("Ningbo ranks 8th among China's top 100 foreign trade cities" and
    "ranked eighth on the 2019 list of China's top 100 foreign trade cities released by ..."):
    the same place, rank and year in another sentence, in a list whose words hold the
    other's, is one fact; "first in the province and No.1 in central China" stays two."""
    words = set(_LIST_WORD.findall((fact.list or "").lower())) - _NOT_LIST_WORDS
    where = fact.evidence.start_char if fact.evidence else None
    for key in stated:  # keys of the same place, rank and year
        if key[5] != where:  # another sentence's: a restatement
            other = set(key[4])
            if words <= other or other <= words:
                return key
    key = ("rank", fact.location, fact.rank, fact.year, tuple(sorted(words)), where)
    stated.append(key)
    return key


def _conflicting(first, later) -> bool:
    """Amounts more than 5% apart are not one statement said twice, unless one of them is
    seasonally adjusted and the other not (the same month, measured two ways)."""
    if isinstance(first, RankFact) or first.value is None or later.value is None:
        return False
    if _adjusted(first) != _adjusted(later):
        return False
    return _apart(first.value, later.value)


def _apart(a: Decimal, b: Decimal) -> bool:
    """Two amounts more than 5% apart: not one figure said twice (rounded in a headline,
    converted, restated)."""
    big = max(abs(a), abs(b))
    return big > 0 and abs(a - b) / big > Decimal("0.05")


# "seasonally adjusted", "after seasonal adjustment", "adjusted for seasonal swings"
_SEASONALLY_ADJUSTED = re.compile(r"\bseasonally[- ]adjusted\b|\bseasonal(?:ly)?\s+adjust(?:ment|ed)\b|"
                                  r"\badjusted\s+for\s+season", re.I)


def _adjusted(fact) -> bool:
    """Whether the fact's clause calls its figure seasonally adjusted."""
    return bool(fact.evidence and _SEASONALLY_ADJUSTED.search(fact.evidence.text))


def _precision(value) -> int:
    """Significant digits of an amount: 911.7 billion is more precise than 900 billion."""
    digits = str(abs(value)).replace(".", "").strip("0")
    return len(digits)


def _fill(first, later):
    if isinstance(first, RankFact):
        return first
    data = first.to_dict()
    if later.value is not None and (first.value is None or _adjusted(first) > _adjusted(later) or
                                    _precision(later.value) > _precision(first.value)
                                    and _adjusted(later) <= _adjusted(first)):
        # the more precise figure stands, and an unadjusted one over a seasonally adjusted one
        data.update(value=later.to_dict()["value"], currency=later.currency,
                    evidence=later.to_dict()["evidence"])
    # a rate stated with the amount outranks one stated without ("'new three' exports grow
    # 21.6%" in a headline that did not read the product, then "Exports were 1,613.5 hundred
    # million yuan, up 5.8%")
    with_amount = first.value is None and later.value is not None
    for key in ("growth_pct", "share_pct"):
        if (data[key] is None or with_amount) and getattr(later, key) is not None and (
                later.currency in (data["currency"], None)):  # the currency after the fill
            data[key] = getattr(later, key)
    return TradeFact.from_dict(data)


_ANAPHORIC_SUBJECT = re.compile(r"^\W*(?:the (?:figures?|amount|total|value|number|sum)|this|"
                                r"that|it|these|which|their|its|the (?:sector|industry)|"
                                # "The Asian giant thus absorbed 34.9% of everything the country
                                # shipped abroad": the partner of the figure before, by description
                                r"the (?:[A-Z][a-z]+(?: [A-Z][a-z]+)? )?giant|"
                                r"the [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:country|nation|economy|neighbou?r)|"
                                r"(?P<place>(?:the|this) (?:port|city|county|"
                                r"district|province|provincial capital|region|municipality|state)"
                                r"(?:[’']s)?(?! (?:exports?|imports?|trade|foreign)\b)))\b", re.I)
_SHARE_CUE = re.compile(r"(?:made? up|making up|accounting for|accounted for|account for|"
                        r"share of|proportion of|took up)\s*$", re.I)


_EARLIER_YEAR = re.compile(r"\b(?:the|a) (?:year|period) (?:before|earlier)|\b(?:previous|prior) year\b", re.I)


def _stated_figure(out: list, before: list[int], sentence: str) -> int:
    """The fact "The figure" stands for: the last one before, unless that is only a
    conversion of its amount ("50.1 billion yuan (about 7.45 billion U.S. dollars)") or,
    when the sentence names no earlier year ("That compares with growth of 26.3% the year
    before"), a base it was compared with ("up from 661.4 billion yuan in 2021")."""
    bases = not _EARLIER_YEAR.search(sentence)
    k = len(before) - 1
    while k > 0:
        last, prior = out[before[k]][0], out[before[k - 1]][0]
        same = (last.evidence.start_char == prior.evidence.start_char and
                (last.location, last.flow, last.partner, last.product) ==
                (prior.location, prior.flow, prior.partner, prior.product) and
                last.growth_pct is None and last.share_pct is None)
        conversion = last.currency != prior.currency and last.period == prior.period
        base = bases and last.currency == prior.currency and last.period != prior.period
        if not (same and (conversion or base)):
            break
        k -= 1
    return before[k]


def attach_orphans(doc: Doc, pairs: list, heads: list[Head], threshold: float,
                   ctx: DocContext | None = None) -> list:
    """"Exports to Africa reached 20.1 billion yuan. The figure represents a 12.4 percent rise."

    A percentage in a sentence that opens with "The figure", "This" or "It" and holds no flow
    or amount of its own belongs to the last fact of the sentence before. A share whose
    sentence opens with the place's own noun ("The port handled 26.4 percent of the foreign
    trade of Inner Mongolia", "The provincial capital thus contributed 16.8%") belongs to the
    last fact of the reporting place in that sentence. A share whose clause opens with its
    owner is read by :func:`tradeie.pipeline.shares.owned_shares`.
    """
    linked = {s.start for h in heads for spans in h.args.values() for s, _ in spans}
    flows = sorted((h.span.start, h) for h in heads if h.span.label_ == "FLOW")
    flow_starts = [start for start, _ in flows]
    out = list(pairs)
    text = doc_text(doc)
    chain: dict[int, int] = {}  # fact index -> end of the last anaphoric sentence read into it
    read: set[int] = set()  # shares read with the list they open
    for ent in doc_ents(doc):
        if ent.label_ != "PERCENT" or ent.start in linked or ent.start in read:
            continue
        sent = sentence_span(doc, ent)
        if ctx is not None:
            got = owned_shares(doc, out, ent, sent, ctx, linked)
            if got:
                read |= got
                continue
        subject = _ANAPHORIC_SUBJECT.match(span_text(sent))
        if not subject or any(not is_whole(text, h, ent) for _, h in flows[
                bisect_left(flow_starts, sent.start): bisect_left(flow_starts, ent.start)]):
            continue  # "Their share of total exports slid to 70.4%": no flow of its own
        if any(e.label_ == "MONEY" for e in ents_back_from(doc, ent.start_char, sent.start_char)):
            continue  # "The city also used 5.3 billion U.S. dollars of FDI, up 11 percent"
        share_cued = bool(_SHARE_CUE.search(text[max(sent.start_char, ent.start_char - 25): ent.start_char])
                          or re.match(r"\s*of\b", text[ent.end_char: ent.end_char + 5])
                          or percent_cue(ent) == "SHARE")
        before = [i for i, (f, _) in enumerate(out) if isinstance(f, TradeFact) and f.evidence
                  and f.value is not None and f.evidence.end_char <= sent.start_char]
        if subject.group("place"):
            if not share_cued or ctx is None or ctx.place is None:
                continue
            before = [i for i in before if out[i][0].location == ctx.place
                      and sent.start_char - out[i][0].evidence.end_char <= 3]
        if not before:
            continue
        i = _stated_figure(out, before, span_text(sent))
        fact, shape = out[i]
        last_end = max(fact.evidence.end_char, chain.get(i, 0))
        if sent.start_char - last_end > 3:
            continue  # only the sentences right after the fact's own
        chain[i] = sent.end_char
        data = fact.to_dict()
        # "That was roughly 15.3 percent of Zhejiang's total": "of" after the rate says share
        if share_cued:
            if data["share_pct"] is None and share_of(ent) is not None:
                data["share_pct"] = share_of(ent)
        elif data["growth_pct"] is None:
            data["growth_pct"] = growth_of(ent, sent)
        out[i] = (TradeFact.from_dict(data), shape)
    return out

