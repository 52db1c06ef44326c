"""Turn scored relations into facts: one head (flow or rank trigger) at a time.

The relation component says which entities belong to which trigger (:mod:`.heads`); this
module reads them (:mod:`.slots` normalizes each slot), distributes lists (:mod:`.lists`),
resolves partners the scores leave open (:mod:`.partners`), splits conversions into facts of
their own and fills location and period from the document context.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..facts import Evidence, TradeFact
from ..normalize.money import Money
from ..normalize.place import canonical_place, capital_country
from .context import DocContext, resolve_period
from .clauses import domestic
from .docindex import doc_text, sentence_span, span_ents, span_text
from .flows import classify_flow
from .heads import CUE_THRESHOLD, RESPECTIVELY, Head, percent_cue
from .lists import (adjacent_names, coordinated, interleaved, interleaved_places, respective_lists,
                    respective_periods, respective_places)
from .partners import (BILATERAL, TWO_WAY, RANKED_AGAINST, RANKED_NEXT, balance_partner, demonym_partner,
                       described_partner, is_bloc, is_description, names_a_bloc, pair_partner,
                       partner_named_before, partner_rate_list, pronoun_partner,
                       resulting_balance_partner, unlabelled_partner)
from .periods import own_period, period_and_shape, same_period_of, year_earlier
from .locations import location_of
from .products import adjacent_product, group_product
from .rates import growth_of, share_of
from .slots import (is_bar, is_breakdown, is_example, is_not_a_figure, is_partner_subject, split_places,
                    money_of, other_side, place_name, product_of, signed_value)

_CONVERSION_GAP = re.compile(r"^\s*(?:\(|\[|,)?\s*(?:about|around|approximately|roughly|nearly|some|"
                             r"or|equivalent to|equal to|i\.e\.)?\s*$", re.I)

# "imports from abroad", "exports of fresh fruit to the rest of the world"
_WORLD_AFTER = re.compile(r"(?:\s+(?:of|in)\s+[^,.;]{0,40}?)?\s+(?:from|to)\s+(?:abroad|overseas|"
                          r"(?:the\s+)?rest\s+of\s+the\s+world|around\s+the\s+world|all\s+over\s+the\s+world)\b",
                          re.I)
# "among them" and "of them" are left out: "Among them, exports of mobile phones were ...",
# "Exports of them fell 2.4%" break down a total or name a product again
_THEM = re.compile(r"\b(?:with|to|from|between)\s+them\b|\b(?:with|to|from|between|among|of)\s+(?:those (?:countries|markets|"
                   r"economies|regions|nations)|these (?:countries|markets|economies|nations)|its "
                   r"members|their members|the continent|the island|the region|the bloc|the latter|"
                   r"(?:its|their) \w+ neighbou?rs?|the (?:two|three|four|five|six|seven|eight|nine|ten|"
                   r"\d+) (?:countries|economies|markets|nations|members|partners))\b", re.I)


def _value_groups(moneys: list[Span], ctx: DocContext):
    """[(primary Money, primary span, [conversion Money, ...])] in text order."""
    groups: list[tuple[Money, Span, list[Money]]] = []
    for span in moneys:
        if is_not_a_figure(span):
            continue
        money = money_of(span, ctx)
        if money is None:
            continue
        if groups:
            prev_money, prev_span, convs = groups[-1]
            gap = doc_text(span.doc)[prev_span.end_char: span.start_char]
            if money.currency != prev_money.currency and _CONVERSION_GAP.match(gap):
                convs.append(money)
                continue
        groups.append((money, span, []))
    return groups


def _pick(items: list, k: int, n: int, anchors: list[int], spans: list[Span]):
    """Item for group ``k`` of ``n``: zip equal lists, share a single item, else nearest."""
    if not items:
        return None
    if len(items) == n:
        return items[k]
    if len(items) == 1:
        return items[0]
    firsts: dict = {}
    for item, span in zip(items, spans):
        firsts.setdefault(span.text.lower(), item)
    if len(firsts) == n:  # "Steel and aluminium ... 5.06 and 2.31 billion yuan, with steel down 4.1%"
        return list(firsts.values())[k]
    pairs = list(zip(items, spans))
    # an item nearer another group's anchor is that group's ("The EU remained the top partner,
    # with trade worth 96.5 billion yuan; ASEAN second with 84.1 billion yuan")
    own = [p for p in pairs if min(range(n), key=lambda j: abs(p[1].start_char - anchors[j])) == k]
    return min(own or pairs, key=lambda p: abs(p[1].start_char - anchors[k]))[0]


# "123.7 hundred million yuan, up 45.3%": a rate written right after its amount
_RATE_RIGHT_AFTER = re.compile(r"[,，]?\s*(?:\(\s*)?(?:(?:up|down|rising|falling|increasing|decreasing|growing|"
                               r"declining|dropping|climbing|an? (?:increase|decrease|rise|drop|fall|decline|"
                               r"growth) of)\s+(?:by\s+)?)?$", re.I)


def _pick_rate(rates: list[Span], k: int, n: int, anchors: list[int], values: list[Span]):
    """The rate of amount ``k``. Fewer rates than amounts, each written right after its own
    amount ("lithium-ion batteries 123.7, up 45.3%; solar cells 98.4, up 38.6%; vehicles
    30.6, up 2.7 times"): a rate goes to the amount it follows, and an amount none follows
    has none; else as :func:`_pick`."""
    if values and 1 < len(rates) < n:
        text = doc_text(rates[0].doc)
        owners = {}
        for rate in rates:
            before = [i for i, v in enumerate(values) if v.end_char <= rate.start_char]
            if before and _RATE_RIGHT_AFTER.fullmatch(text[values[before[-1]].end_char: rate.start_char]):
                owners[before[-1]] = rate
        if len(owners) == len(rates):
            return owners.get(k)
    return _pick(rates, k, n, anchors, rates)


# "..., with Kashgar contributing 15.9 percent of the regional figure", "..., Deqing accounted
# for 20.5% of the total": another subject's share, after the figure of the whole
_OTHER_SUBJECT_SHARE = re.compile(r"[,;]\s*(?:with\s+|and\s+|while\s+)?(?P<subject>(?-i:[A-Z])[^,;()]{1,39}?|"
                                  r"the\s+[^,;()]{2,36}?)\s+"
                                  r"(?:contributing|contributed|accounting\s+for|accounted\s+for|making\s+up|"
                                  r"made\s+up|taking|took|representing|represented)\s+(?:about\s+|around\s+|"
                                  r"nearly\s+|some\s+|roughly\s+)?$", re.I)
_FIGURE_PRONOUN = re.compile(r"(?:which|it|this|that|they|these|the\s+(?:figure|total|value|amount|sum))$",
                             re.I)


def _share_of_another(share: Span, head: Head) -> bool:
    """A share that a new subject after the head's figure owns: the head's figure is then
    the whole ("Xinjiang's trade rose 47.5% to 259.6 billion yuan, with Kashgar contributing
    15.9 percent of the regional figure")."""
    if share.end_char <= head.span.start_char:
        return False
    m = _OTHER_SUBJECT_SHARE.search(doc_text(share.doc), head.span.end_char, share.start_char)
    return m is not None and not _FIGURE_PRONOUN.fullmatch(m.group("subject").strip())


def _anaphor_after_flow_word(head: Head, sent: Span):
    """A description right after the flow word ("with the bloc", "to them", "there"), as a
    match on the sentence's text (as ``_THEM.search`` gives it), or None."""
    text = span_text(sent)
    pos = head.span.end_char - sent.start_char
    pos += len(text[pos:]) - len(text[pos:].lstrip())
    return _THEM.match(text, pos) or _THERE.match(text, pos)


# "The United States remained the biggest customer. Exports there climbed 17.9%"
_THERE = re.compile(r"there\b(?!\s+(?:is|are|was|were|has|have|had)\b)", re.I)


def trade_facts_of(head: Head, ctx: DocContext,
                   prev_partners: list[Span]) -> list[tuple[TradeFact, str | None]]:
    """(fact, period shape) pairs of one flow head."""
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    flow = buyers_side(head, sent, classify_flow(head.span.text), ctx)
    if flow is None or is_breakdown(doc, head.span, sent, ctx):
        return []
    values = head.role("VALUE")
    if values and all(is_bar(v) for v in values):
        return []  # "Thirty-six items each earned more than US$1 billion, together making up 94%"
    groups = _value_groups(values, ctx)
    period, shape = period_and_shape(head, ctx)
    year = int(period[:4]) if period else ctx.year
    growth_spans = [s for s in head.role("GROWTH") if growth_of(s, sent, year) is not None]
    share_spans = [s for s in head.role("SHARE") if share_of(s) is not None and not _share_of_another(s, head)]
    # "taking $1.06 billion worth of exports, a 17.4% share": its words say share
    worded = [s for s in growth_spans if percent_cue(s) == "SHARE"]
    if worded:
        growth_spans = [s for s in growth_spans if s not in worded]
        share_spans = sorted(share_spans + [s for s in worded if s not in share_spans and
                                            share_of(s) is not None], key=lambda s: s.start)
    if share_spans and not groups:
        # "accounting for 25.6% of imports; the United States followed with 8.1% and the UAE
        # with 5.9%": rates with no word of change after a share continue the share list
        listed = [s for s in growth_spans if percent_cue(s) is None and s.start > share_spans[0].start]
        share_spans = sorted(share_spans + listed, key=lambda s: s.start)
        growth_spans = [s for s in growth_spans if s not in listed]
    # a city or province of the reporting place's own country is no trading partner
    partners = [p for p in split_places(head.role("PARTNER")) if not domestic(p, ctx)]
    linked = partners
    if linked:
        # "Trade with the bloc grew 6.3% to A; with ASEAN, B": a description right after the
        # flow word is its partner, whatever partners of later list items the scores linked
        them = _anaphor_after_flow_word(head, sent)
        if them is not None and any(p.start_char < sent.start_char + them.end() for p in linked):
            them = None
    else:
        them = _THEM.search(span_text(sent)) or _anaphor_after_flow_word(head, sent)
    if them is not None:
        # the partners named before it in its own sentence ("Imports from the European
        # Union hit ...; exports to the bloc rose ..."), else those of the sentence before;
        # only a bloc stands behind "the bloc"
        before = [e for e in span_ents(sent) if e.label_ == "PARTNER"
                  and e.end_char <= sent.start_char + them.start()]
        candidates = split_places(before) or prev_partners
        if names_a_bloc(them.group(0)):
            candidates = [p for p in candidates if is_bloc(p)]
        if not linked:
            partners = candidates
        else:  # the one partner it stands for heads the list the scores linked
            partners = candidates[-1:] + linked if len({p.text for p in candidates}) == 1 else linked
            them = None
    if them is not None and partners:
        n_values = len(groups) or len(growth_spans)
        blocs = [p for p in partners if is_bloc(p)]
        if 1 < n_values < len(partners):
            partners = partners[-n_values:]  # "Within ASEAN, A, B and C ..." -> A, B, C
        elif n_values <= 1 and len(partners) > 1 and len(blocs) == 1:
            # "trade with its BRICS partners Brazil, Russia, India and South Africa ...
            # exports to the four countries": one figure for the group is the bloc's
            partners = blocs
    products = [p for p in head.role("PRODUCT") if not is_example(p)] or adjacent_product(head)
    products = _grouped(products)
    n = len(groups) or max(len(growth_spans), len(share_spans))
    if len(partners) > max(n, 1):
        # "China remained the main destination, taking 14.2% of exports, ahead of India":
        # a partner it is ranked against is not the figure's
        kept = [p for p in partners if not RANKED_AGAINST.search(
            doc_text(doc)[max(0, p.start_char - 20): p.start_char])
            and not RANKED_NEXT.match(doc_text(doc)[p.end_char: p.end_char + 40])]
        partners = kept if len(kept) >= max(n, 1) else partners
    if n == 0:
        return []
    slots = dict(enumerate(groups))
    listed = None
    respectively = bool(RESPECTIVELY.search(span_text(sent))) or coordinated([g[1] for g in groups])
    if not respectively:
        # "imports of agricultural products fell 4.3% to 9.6 billion yuan, and those of
        # integrated circuits rose 23.7%": products, like partners, each with their own rate
        listed = partner_rate_list(partners, growth_spans, groups) or (
            partner_rate_list(products, growth_spans, groups) if len(partners) < 2 else None)
    if listed is not None:
        n, slots = len(growth_spans), listed
        groups = []  # anchors and pairing below follow the rates
    if n > 1 and respectively:
        partners, products, growth_spans = respective_lists(head, sent, n, partners, products,
                                                             growth_spans, year, ctx)
    if n > 1 and groups:
        products = adjacent_names(sent, "PRODUCT", [g[1] for g in groups], products)
    listed_periods: list[Span] = []
    if n > 1 and groups and respectively:
        listed_periods = respective_periods(sent, n)
    if n > 1 and groups and not respectively:
        values = [g[1] for g in groups]
        partners = interleaved(sent, "PARTNER", values, partners, ctx)
        products = interleaved(sent, "PRODUCT", values, products)
        # "The first quarter saw A, up 4.2%; the second quarter, B": a period per amount
        listed_periods = interleaved(sent, "PERIOD", values, [])
    anchors = [g[1].start_char for g in groups] or [s.start_char for s in
                                                     (growth_spans if len(growth_spans) == n
                                                      else share_spans)]
    location = location_of(head, ctx)
    places = respective_places(sent, n, ctx) if n > 1 and respectively else (
        interleaved_places(sent, [g[1] for g in groups], ctx) if n > 1 and groups else [])
    evidence = Evidence(sent.start_char, sent.end_char, span_text(sent))
    para_start, _ = ctx.paragraph_of(sent.start_char)
    earlier = doc_text(doc)[max(0, min(para_start, sent.start_char - 400), sent.start_char - 2000):
                            sent.start_char]  # the paragraph before: 400 to 2,000 characters
    facts = []
    # "down 11.9% from USD 196.33 billion in April-August 2022": the base has no rate of its
    # own, and does not take the rate from the amount it is compared with
    bases = {k for k, g in slots.items() if _is_base(g[1], period, ctx)} if n > 1 else set()
    rate_anchors = [10**12 if k in bases else a for k, a in enumerate(anchors)]
    rated: set[int] = set()
    values = [g[1] for g in groups] if len(groups) == n else []
    for k in range(n):
        growth_span = _pick_rate(growth_spans, k, n, rate_anchors, values)
        share_span = _pick_rate(share_spans, k, n, rate_anchors, values)
        if len(growth_spans) == 1 and n > 1 and _owner(growth_spans[0], rate_anchors) != k:
            growth_span = None
        if len(share_spans) == 1 and n > 1 and _owner(share_spans[0], rate_anchors) != k:
            share_span = None
        if k in bases:
            growth_span = share_span = None
        partner = _pick(partners, k, n, anchors, partners)
        if partner is None:
            partner = next((e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")
                            and is_partner_subject(e)), None) or other_side(sent, location, ctx)
            if partner is not None and domestic(partner, ctx):
                partner = None  # "the district, which covers the cities of Zhuhai and Zhongshan"
        product = _pick(products, k, n, anchors, products)
        partner_name = partner_name_of(partner, ctx)
        if not partners:  # "traded between Germany and China": no partner linked, a pair named
            partner_name = pair_partner(sent, location) or partner_name
        if partner_name is None and BILATERAL.search(span_text(sent)):
            # "bilateral trade was 1.69 trillion yuan": the article's partner, else the one
            # just named ("China was the biggest supplier ... a bilateral deficit of $1.7bn")
            partner_name = ctx.main_partner or partner_named_before(
                sent, sent.start_char + BILATERAL.search(span_text(sent)).start(), location, ctx)
        if partner_name is None:
            partner_name = described_partner(sent, location, ctx)
        if partner_name is None and not partners:
            partner_name = pronoun_partner(sent, head.span, location, ctx) or \
                unlabelled_partner(sent, head.span, location, ctx)
        if partner_name is None and flow == "balance" and not partners:
            partner_name = resulting_balance_partner(sent, head.span, location, ctx) or \
                balance_partner(sent, head.span, location, ctx)
        if partner_name is None and flow == "import" and not partners:
            partner_name = demonym_partner(sent, head.span, location)
        if partner_name is None and ctx.main_partner and TWO_WAY.search(span_text(sent)) and \
                not partners and not any(e.label_ == "LOCATION" for e in span_ents(sent)):
            partner_name = ctx.main_partner  # not "The city's two-way trade came in at ..."
        if partner_name is not None and _WORLD_AFTER.match(doc_text(doc), head.span.end_char) and \
                (partner is None or groups and partner.start_char > groups[k][1].end_char):
            # "Purchases of fresh fruit from abroad climbed 35.1 percent to 24.7 billion yuan,
            # with Thai durians alone worth 9.6 billion yuan": the first figure is with the
            # world; the country named after it is the second's
            partner_name = None
        fact_location = places[k] if places else location
        if partner_name is not None and partner_name == fact_location:
            # a place does not trade with itself: one of the two is a mis-linked mention.
            # A partner the head links ("Shipments to the United States ...; America stayed
            # among the district's biggest customers") outranks a place linked by the way.
            home = ctx.place_at(head.span.start_char)
            if partner in head.role("PARTNER") and home not in (None, partner_name) and not places:
                fact_location = home
            else:
                partner_name = None
        group = slots.get(k)
        used = [head.score_of("VALUE", group[1] if group else None),
                head.score_of("GROWTH", growth_span), head.score_of("SHARE", share_span),
                head.score_of("PARTNER", partner), head.score_of("PRODUCT", product)]
        used = [sc for sc in used if sc is not None]
        common = dict(location=fact_location, flow=flow, partner=partner_name,
                      product=product_of(product), period=period, evidence=evidence,
                      confidence=round(min(used), 3) if used else CUE_THRESHOLD, doc=None)
        growth = growth_of(growth_span, sent, year) if growth_span is not None else None
        share = share_of(share_span) if share_span is not None else None
        if growth_span is not None:
            rated.add(growth_span.start)
        if group is None:
            # "rose 1.2% in the first quarter, and ... 0.4% for the first half": a rate
            # with its own period written after it is that period's
            own = own_period(growth_span, ctx) if growth_span is not None and growth is not None else None
            if own is not None and own != period:
                common.update(period=own)
            facts.append((TradeFact(**common, growth_pct=growth, share_pct=share), own or shape))
            continue
        money, money_span, conversions = group
        same = same_period_of(money_span, period)  # "in the same stretch of 2018"
        base = same or year_earlier(money_span, period)
        own = same or own_period(money_span, ctx) or base or (
            resolve_period(listed_periods[k], ctx) if listed_periods else None)
        fact_shape = shape
        if base is not None and own == base:
            growth = share = None  # the comparison base carries no rate of its own
        if own is not None and own != period:
            common.update(period=own)  # "down from $78.8 billion in May last year"
            fact_shape = own
        for i, m in enumerate([money, *conversions]):
            # the words from the flow word to its amount, either way round: "the $29.6 billion
            # shortfall recorded in October" is a deficit
            lo = max(sent.start_char, min(head.span.start_char, money_span.start_char))
            hi = max(head.span.end_char, money_span.start_char) if money_span.start_char < head.span.start_char \
                else money_span.start_char
            value = signed_value(m.value, flow, doc_text(doc)[lo: hi], earlier)
            facts.append((TradeFact(**common, value=value, currency=m.currency,
                                    growth_pct=growth if i == 0 else None,
                                    share_pct=share if i == 0 else None), fact_shape))
    return facts + _earlier_rates(growth_spans, rated, facts, sent, year, period, ctx)


def _earlier_rates(growth_spans, rated, facts, sent, year, period, ctx) -> list:
    """A rate no figure took, written with a period of its own ("decreased 13.4% to $367.9
    billion in June 2023, after a year-on-year decrease of 15.6% in May 2023"): a rate-only
    fact of that period, for the first fact's flow, place, partner and product."""
    out = []
    for span in growth_spans:
        if span.start in rated or not facts:
            continue
        own = own_period(span, ctx)
        growth = growth_of(span, sent, year)
        if own is None or own == period or growth is None:
            continue
        first = facts[0][0]
        out.append((TradeFact(location=first.location, flow=first.flow, partner=first.partner,
                              product=first.product, period=own, value=None, currency=None,
                              growth_pct=growth, share_pct=None, evidence=first.evidence,
                              confidence=first.confidence, doc=None), own))
    return out


_BASE_CUE = re.compile(r"(?:\bfrom|\bover|\bthan|\bagainst|\bcompared (?:with|to)|\bversus|\bvs\.?)"
                       r"\s+(?:the\s+)?(?:(?:19|20)\d\d[’']s\s+|(?:[\w’'-]+\s+){0,2})$", re.I)


_BUYING = re.compile(r"(?:bought|buying|buys?|purchased|purchasing|purchases?|took|taking|takes|"
                     r"absorbed|absorbing)", re.I)
_EARNING = re.compile(r"(?:brought in|bringing in|brings in|earned|earning|earns|fetched|fetching|"
                      r"raked in|generated)", re.I)
_EARNED = re.compile(r"\s*(?:(?:about|around|nearly|some|over|more than|almost|a record|an?|"
                     r"export)\s+)*(?:revenues?|earnings|receipts|income|(?:[A-Z]{2,3}\s?|R)?[$€£¥₹]?\s?\d)")
_CLAUSE_START = re.compile(r"[;:]|,?\s\b(?:while|whereas|but)\b", re.I)


def buyers_side(head: Head, sent: Span, flow: str | None, ctx: DocContext) -> str | None:
    """The flow from the reporting place's side: "The European Union bought US$8.9 billion of
    Argentine goods" and "African purchases of them jumped" are the place's exports; "Solar
    cells brought in 38.16 billion yuan" is export income."""
    text = doc_text(head.span.doc)
    words = head.span.text
    if not (_BUYING.fullmatch(words) or _EARNING.fullmatch(words)):
        return flow
    lo = max(sent.start_char, head.span.start_char - 300)  # the clause, read 300 characters back
    starts = [m.end() for m in _CLAUSE_START.finditer(text, lo, head.span.start_char)]
    lo = starts[-1] if starts else lo
    subject = next((e for e in span_ents(sent) if lo <= e.start_char and e.end <= head.span.start
                    and e.label_ in ("PARTNER", "LOCATION", "PRODUCT")), None)
    if subject is None:
        return flow
    if _BUYING.fullmatch(words) and subject.label_ == "PARTNER" and \
            canonical_place(subject.text) != ctx.place:
        return "export"
    if _EARNING.fullmatch(words) and subject.label_ == "PRODUCT" and \
            _EARNED.match(text, head.span.end_char):  # not "iron ore brought in through ports"
        return "export"
    return flow


def _grouped(products: list[Span]) -> list[Span]:
    """Members listed after their group's name stand for the group, once."""
    out: list[Span] = []
    for span in products:
        group = group_product(span) or span
        if all(group.start_char != o.start_char for o in out):
            out.append(group)
    return out


def _is_base(money: Span, period: str | None, ctx: DocContext) -> bool:
    """An amount a figure is compared with, of another period: "from USD 196.33 billion in
    April-August 2022", "over 2020's 485.33 billion yuan"."""
    before = doc_text(money.doc)[max(0, money.start_char - 40): money.start_char]
    if not _BASE_CUE.search(before):
        return False
    own = same_period_of(money, period) or own_period(money, ctx) or year_earlier(money, period)
    return own is not None and own != period


def _owner(rate: Span, anchors: list[int]) -> int:
    """The figure a lone rate belongs to: the last one written before it in its clause ("A,
    up 9.4%, or 19.1% of the total; the EU: B"), else the nearest ("rose 5.1% to A")."""
    text = doc_text(rate.doc)
    before = [i for i, a in enumerate(anchors) if a < rate.start_char and ";" not in text[a: rate.start_char]]
    if before:
        return max(before, key=lambda i: anchors[i])
    return min(range(len(anchors)), key=lambda i: abs(anchors[i] - rate.start_char))


def partner_name_of(partner: Span | None, ctx: DocContext) -> str | None:
    """The partner's canonical name; None for a description the gazetteer does not know
    ("the 10-member bloc"), whose name described_partner finds in the sentences before."""
    if partner is None:
        return None
    name = canonical_place(partner.text)
    if name is None and is_description(partner.text):
        return None
    return capital_country(partner.text) or name or place_name(partner, ctx)
