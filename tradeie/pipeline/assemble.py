"""Turn scored relations into facts: one head (flow or rank trigger) at a time.

The relation component says which entities belong to which trigger; this module reads them
(normalizing each slot), distributes lists ("respectively"), splits conversions into facts of
their own and fills location and period from the document context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from spacy.tokens import Doc, Span

from ..facts import Evidence, RankFact, TradeFact
from ..normalize.money import Money, resolve_amount
from ..normalize.ordinal import parse_ordinal
from ..normalize.percent import resolve_percent, signed_growth
from ..normalize.place import canonical_place, lookup
from .candidates import _NOT_GROWTH_AFTER
from .docindex import doc_ents, doc_text, sentence_starts, span_ents
from .context import (DocContext, carried_period, gazetteer_mentions,
                      is_comparison_base, resolve_period)
from .flows import BREAKDOWN, classify_flow, is_deficit

SHARED_ROLES = ("LOCATION", "PERIOD")
_CONVERSION_GAP = re.compile(r"^\s*(?:\(|\[|,)?\s*(?:about|around|approximately|roughly|nearly|some|"
                             r"or|equivalent to|equal to|i\.e\.)?\s*$", re.I)
_THEM = re.compile(r"\b(?:with|to|from|between|among|of)\s+(?:them|those (?:countries|markets|"
                   r"economies|regions|nations)|these (?:countries|markets|economies|nations)|its "
                   r"members|their members|the continent|the island|the region|the bloc|the latter|"
                   r"(?:its|their) \w+ neighbou?rs?|the (?:two|three|four|five|six|seven|eight|nine|ten|"
                   r"\d+) (?:countries|economies|markets|nations|members|partners))\b", re.I)
_LIST_NAME = re.compile(r"\b(?:among|in|on|of)\s+(?:the\s+)?((?:[\w'’]+\s+){0,3}?(?:top\s+\d+|"
                        r"list)[^,.;()]{0,60})", re.I)


@dataclass
class Head:
    span: Span
    args: dict[str, list[tuple[Span, float]]] = field(default_factory=dict)

    def role(self, name: str) -> list[Span]:
        return [s for s, _ in sorted(self.args.get(name, []), key=lambda a: a[0].start)]

    def score(self, name: str) -> float:
        scores = [sc for _, sc in self.args.get(name, [])]
        return max(scores) if scores else 0.0


_GROWTH_CUE = re.compile(r"(?:\bup|\bdown|rose|rise|rising|fell|fall|grew|growth|increase[sd]?|"
                         r"decrease[sd]?|decline[sd]?|drop(?:ped)?|surged?|jump(?:ed)?|gain(?:ed)?|"
                         r"climb(?:ed)?|soar(?:ed)?|slump(?:ed)?|plunge[sd]?|dipped|shrank|"
                         r"contract(?:ed|ion)|expand(?:ed|ing)|hike|by|of)\W{0,3}$", re.I)
_SHARE_WORDS = re.compile(r"(?:accounting for|accounted for|making up|made up|taking up|took up|"
                          r"share of|proportion of|or|representing|equal to)\W{0,3}$", re.I)
_SHARE_AFTER = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,3}?(?:total|overall|"
                          r"aggregate|combined|national|nationwide)\b", re.I)
CUE_THRESHOLD = 0.1


_LIST_BEFORE = re.compile(r"(?:[-+]?\d[\d,.]*\s*(?:%|percent|per cent|pct)\s*(?:,|and|,\s*and)\s*)+$",
                          re.I)


def _cue(ent: Span) -> str | None:
    """GROWTH or SHARE when the words right before a percentage (or before the list it closes,
    "by 11.7% and 3.4%") say which it is."""
    before = doc_text(ent.doc)[max(0, ent.start_char - 90): ent.start_char]
    before = _LIST_BEFORE.sub("", before)[-30:]
    after = doc_text(ent.doc)[ent.end_char: ent.end_char + 20]
    if re.match(r"\s*(?:lower|higher|more|less|up|down|increase|decrease|rise|drop|"
                r"year[- ]on[- ]year|yoy)\b", after, re.I):
        return "GROWTH"
    if _SHARE_AFTER.match(doc_text(ent.doc)[ent.end_char: ent.end_char + 60]):
        return "SHARE"
    if _SHARE_WORDS.search(before):
        return "SHARE"
    if _GROWTH_CUE.search(before):
        return "GROWTH"
    return None


def collect_heads(doc: Doc, threshold: float) -> list[Head]:
    """Heads with their arguments.

    Each amount, percentage, partner or product goes to the single (head, role) that scores it
    highest; places and periods may serve several heads. A percentage whose own words say
    growth or share ("up 7.9%", "accounting for 12%") is accepted at a lower score, and, when
    the model links it nowhere, goes to the flow it follows in its clause.
    """
    ents = {e.start: e for e in doc_ents(doc)}
    heads: dict[int, Head] = {e.start: Head(e) for e in ents.values() if e.label_ in ("FLOW", "RANK")}
    best: dict[int, tuple[float, int, str]] = {}
    for (hs, cs), scores in (doc._.trade_relations or {}).items():
        if hs not in heads or cs not in ents:
            continue
        child = ents[cs]
        cue = _cue(child) if child.label_ == "PERCENT" else None
        if child.label_ == "MONEY" and _in_forward_segment(heads[hs].span, child, heads):
            cue = "VALUE"
        for label, score in scores.items():
            floor = CUE_THRESHOLD if label == cue else threshold
            if score < floor:
                continue
            if label in SHARED_ROLES:
                heads[hs].args.setdefault(label, []).append((child, score))
            elif cs not in best or score > best[cs][0]:
                best[cs] = (score, hs, label)
    for cs, (score, hs, label) in best.items():
        heads[hs].args.setdefault(label, []).append((ents[cs], score))
    _attach_cued_percents(doc, heads, set(best))
    _respective_heads(doc, heads)
    return [heads[k] for k in sorted(heads)]


def _respective_heads(doc: Doc, heads: dict[int, Head]) -> None:
    """"exports were 49.6 billion yuan and imports 51.6 billion yuan, up 18.9 percent and 3.7
    percent respectively": n flows with one amount each, then n rates, go in order."""
    by_sentence: dict[int, list[Head]] = {}
    starts = sentence_starts(doc)
    for head in heads.values():
        if head.span.label_ == "FLOW" and len(head.role("VALUE")) == 1:
            by_sentence.setdefault(starts[head.span.start], []).append(head)
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        sent = sentence_span(doc, group[0].span)
        if not _RESPECTIVELY.search(sent.text):
            continue
        group.sort(key=lambda h: h.span.start)
        last_value = max(h.role("VALUE")[0].end for h in group)
        for role in ("GROWTH", "SHARE"):
            rates = [e for e in span_ents(sent) if e.label_ == "PERCENT" and e.start >= last_value
                     and _cue(e) == role]
            if len(rates) == len(group):
                for head, rate in zip(group, rates):
                    head.args[role] = [(rate, CUE_THRESHOLD)]


def _in_forward_segment(head: Span, child: Span, heads: dict[int, Head]) -> bool:
    """The child follows the head with no other flow in between, in the same sentence."""
    if child.start < head.end:
        return False
    starts = sentence_starts(head.doc)
    if starts[child.start] != starts[head.start]:
        return False
    return not any(head.end <= h.span.start < child.start for h in heads.values()
                   if h.span.label_ == "FLOW")


def _attach_cued_percents(doc: Doc, heads: dict[int, Head], linked: set[int]) -> None:
    """Amounts and cued percentages linked nowhere go to the flow they follow in their sentence."""
    starts = sentence_starts(doc)
    flows = sorted((h for h in heads.values() if h.span.label_ == "FLOW"),
                   key=lambda h: h.span.start)
    for ent in doc_ents(doc):
        if ent.label_ not in ("PERCENT", "MONEY") or ent.start in linked:
            continue
        cue = _cue(ent) if ent.label_ == "PERCENT" else "VALUE"
        if cue is None:
            continue
        before = [h for h in flows if h.span.end <= ent.start
                  and starts[h.span.start] == starts[ent.start]]
        if not before:
            continue
        head = before[-1]
        if cue == "VALUE" and (head.role("VALUE") or head.role("GROWTH")):
            continue  # only a head that has found no figure at all
        if cue != "VALUE" and not head.role("VALUE"):
            continue
        head.args.setdefault(cue, []).append((ent, CUE_THRESHOLD))


def sentence_span(doc: Doc, head: Span) -> Span:
    starts = sentence_starts(doc)
    start = starts[head.start]
    end = head.end
    while end < len(doc) and starts[end] == start:
        end += 1
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def place_name(span: Span, ctx: DocContext) -> str | None:
    """Canonical name of a place mention; anaphors ("the city", "its") are the reporting place."""
    name = canonical_place(span.text)
    if name is not None:
        return name
    text = re.sub(r"^(?:the|its)\s+", "", span.text.strip(), flags=re.I)
    if not text or text.islower() or re.fullmatch(
            r"(?:city|province|municipality|country|region|port|nation|zone|island|its?|their|"
            r"this|that|here)(?:[’']s)?", text, re.I):
        return ctx.place_for(span.text)
    if not _PLACE_WORD.search(text):
        return ctx.place  # an unknown name without a place word is more likely a tagging slip
    return re.sub(r"[’']s$", "", text)


_PLACE_WORD = re.compile(r"\b(?:Port|Zone|Area|County|District|Province|City|Region|Prefecture|"
                         r"Island|Islands|Bay|Harbou?r|Pass|Crossing)\b")


def _is_breakdown(doc: Doc, head: Span, sent: Span) -> bool:
    lo = max(sent.start_char, head.start_char - 90)
    window = doc_text(doc)[lo: head.end_char + 40]
    return bool(BREAKDOWN.search(window))


def _money(span: Span, ctx: DocContext) -> Money | None:
    doc = span.doc
    return resolve_amount(span.text, doc_text(doc)[span.end_char: span.end_char + 200],
                          doc_text(doc)[max(0, span.start_char - 1500): span.start_char],
                          dollar=ctx.dollar)


def _growth(span: Span, sent: Span, year: int | None = None) -> float | None:
    """Year-on-year growth of a percentage, or None when it is not one: percentage points,
    month-on-month, a change against an older base, the change of a volume ("542 million
    tonnes, down 5.9%"). ``year`` is the fact's year: "over the same period in 2022" is
    year-on-year for a 2023 figure."""
    pct = resolve_percent(span.text)
    if pct is None or pct.kind == "points":
        return None
    doc = span.doc
    after = doc_text(doc)[span.end_char: span.end_char + 60]
    if _NOT_GROWTH_AFTER.search(after) and not _previous_year_base(after, year):
        return None
    if _MOM_AFTER.match(after):
        return None
    before = doc_text(doc)[max(sent.start_char, span.start_char - 60): span.start_char]
    if _VOLUME_BEFORE.search(before):
        return None
    return signed_growth(pct, before, after)


_MOM_AFTER = re.compile(r"^[^.;]{0,30}?(?:compared (?:to|with)|from|over|versus|against|than|on)\s+"
                        r"(?:the\s+)?(?:previous|prior|preceding|last) month", re.I)
_BASE_YEAR = re.compile(r"^[^.;]{0,40}?(?:than|from|over|compared (?:with|to)|against|versus|on)\s+"
                        r"(?:the same (?:period|month|quarter) (?:of|in)\s+)?(?:(?:January|February|"
                        r"March|April|May|June|July|August|September|October|November|December)\s+)?"
                        r"((?:19|20)\d\d)\b", re.I)
_VOLUME_BEFORE = re.compile(r"\d\s*(?:million|billion|thousand)?\s*(?:metric\s+)?(?:tonnes|tons|"
                            r"barrels|TEUs?|units|vehicles|cars|sets|pieces|head|cubic met(?:er|re)s|"
                            r"kilograms|kg)\b[^,;]{0,25},?\s*(?:an?\s+)?(?:up|down|rising|falling|"
                            r"increas\w*|decreas\w*|a (?:rise|fall|drop|decline|gain) of)\s*(?:by\s+)?$",
                            re.I)


def _previous_year_base(after: str, year: int | None) -> bool:
    """"compared with April 2022" / "over the same period in 2022" for a 2023 figure."""
    m = _BASE_YEAR.match(after)
    return bool(m and year is not None and int(m.group(1)) == year - 1)


def _share(span: Span) -> float | None:
    pct = resolve_percent(span.text)
    return None if pct is None or pct.kind == "points" else pct.value


_FORECAST_BEFORE = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|forecasts?|forecast(?:ed|ing)|projected|predict(?:s|ed|ing)?|"
    r"anticipated|polls?|consensus|targets?|targeted|goal|aims?|aimed|plans?|planned|will|would|"
    r"is set to|are set to|pencil+ed in|estimates? of|outlook)\b[^.;]*$", re.I)
_FORECAST_AFTER = re.compile(r"^[^.;,()]{0,25}?\b(?:goal|target|forecast|projection|estimate)\b",
                             re.I)


def _forecast(span: Span) -> bool:
    """"economists had expected a surplus of $9.3 billion", "the $200 billion goal": an amount
    somebody expects or aims at is not a statistic."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    before = text[max(sent.start_char, span.start_char - 40): span.start_char]
    return bool(_FORECAST_BEFORE.search(before) or _FORECAST_AFTER.match(text[span.end_char:
                                                                               span.end_char + 40]))


def _value_groups(moneys: list[Span], ctx: DocContext):
    """[(primary Money, primary span, [conversion Money, ...])] in text order."""
    groups: list[tuple[Money, Span, list[Money]]] = []
    for span in moneys:
        if _forecast(span):
            continue
        money = _money(span, ctx)
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
    return min(zip(items, spans), key=lambda p: abs(p[1].start_char - anchors[k]))[0]


def trade_facts_of(head: Head, ctx: DocContext,
                   prev_partners: list[Span]) -> list[tuple[TradeFact, str | None]]:
    """(fact, period shape) pairs of one flow head."""
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    flow = classify_flow(head.span.text)
    if flow is None or _is_breakdown(doc, head.span, sent):
        return []
    groups = _value_groups(head.role("VALUE"), ctx)
    period, shape = period_and_shape(head, ctx)
    year = int(period[:4]) if period else ctx.year
    growth_spans = [s for s in head.role("GROWTH") if _growth(s, sent, year) is not None]
    share_spans = [s for s in head.role("SHARE") if _share(s) is not None]
    partners = head.role("PARTNER")
    if not partners and _THEM.search(sent.text) and prev_partners:
        partners = prev_partners
        n_values = len(groups) or len(growth_spans)
        if 1 < n_values < len(partners):
            partners = partners[-n_values:]  # "Within ASEAN, A, B and C ..." -> A, B, C
    products = head.role("PRODUCT")
    n = len(groups) or max(len(growth_spans), len(share_spans))
    if n == 0:
        return []
    if n > 1 and _RESPECTIVELY.search(sent.text):
        partners, products, growth_spans = _respective_lists(head, sent, n, partners, products,
                                                             growth_spans, year)
    anchors = [g[1].start_char for g in groups] or [s.start_char for s in
                                                     (growth_spans if len(growth_spans) == n
                                                      else share_spans)]
    location = _location(head, ctx)
    evidence = Evidence(sent.start_char, sent.end_char, sent.text)
    confidence = round(min(1.0, 0.5 + 0.5 * max(head.score("VALUE"), head.score("GROWTH"),
                                                  head.score("SHARE"))), 3)
    facts = []
    for k in range(n):
        growth_span = _pick(growth_spans, k, n, anchors, growth_spans)
        share_span = _pick(share_spans, k, n, anchors, share_spans)
        if len(growth_spans) == 1 and n > 1 and not _nearest(growth_spans[0], anchors, k):
            growth_span = None
        if len(share_spans) == 1 and n > 1 and not _nearest(share_spans[0], anchors, k):
            share_span = None
        partner = _pick(partners, k, n, anchors, partners)
        if partner is None:
            partner = next((e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")
                            and _as_partner(e)), None) or _other_side(sent, location, ctx)
        product = _pick(products, k, n, anchors, products)
        partner_name = (canonical_place(partner.text) or place_name(partner, ctx)
                        if partner is not None else None)
        if partner_name == location:
            partner_name = None  # a place does not trade with itself: a mis-linked mention
        common = dict(location=location, flow=flow, partner=partner_name,
                      product=_product(product), period=period, evidence=evidence,
                      confidence=confidence, doc=None)
        growth = _growth(growth_span, sent, year) if growth_span is not None else None
        share = _share(share_span) if share_span is not None else None
        if not groups:
            facts.append((TradeFact(**common, growth_pct=growth, share_pct=share), shape))
            continue
        money, _, conversions = groups[k]
        for i, m in enumerate([money, *conversions]):
            value = _signed(m.value, flow, doc_text(doc)[max(sent.start_char, head.span.start_char):
                                                     groups[k][1].start_char])
            facts.append((TradeFact(**common, value=value, currency=m.currency,
                                    growth_pct=growth if i == 0 else None,
                                    share_pct=share if i == 0 else None), shape))
    return facts


_RESPECTIVELY = re.compile(r"\brespective(?:ly)?\b", re.I)


def _respective_lists(head: Head, sent: Span, n: int, partners: list[Span],
                      products: list[Span], growths: list[Span], year: int | None):
    """In a "respectively" sentence with ``n`` figures, a list of exactly ``n`` partners,
    products or growth rates in the sentence is the list that distributes, whatever the
    relation scores say of its single members."""
    ents = span_ents(sent)

    def exact(label: str, current: list[Span], keep=lambda e: True) -> list[Span]:
        found = [e for e in ents if e.label_ == label and keep(e)]
        return found if len(current) != n and len(found) == n else current

    partners = exact("PARTNER", partners)
    products = exact("PRODUCT", products)
    growths = exact("PERCENT", growths, lambda e: _cue(e) == "GROWTH" and _growth(e, sent, year) is not None)
    return partners, products, growths


def _nearest(span: Span, anchors: list[int], k: int) -> bool:
    return min(range(len(anchors)), key=lambda i: abs(anchors[i] - span.start_char)) == k


def _signed(value: Decimal, flow: str, text: str) -> Decimal:
    if flow == "balance" and value > 0 and is_deficit(text):
        return -value
    return value


_PRODUCT_TAIL = re.compile(r"(?:\s+(?:were|was|are|is|stood|rose|fell|grew|exports?|imports?|"
                           r"exported|imported|shipments|sales|worth))+$", re.I)


def _product(span: Span | None) -> str | None:
    """A product as written, lower-cased, without articles, appositions or a trailing verb:
    "laptops, the city's pillar product," -> "laptops"."""
    if span is None:
        return None
    text = re.split(r"\s*[,(;:]", span.text.strip(), maxsplit=1)[0]
    text = re.sub(r"^(?:the|its|of)\s+", "", text, flags=re.I)
    text = _PRODUCT_TAIL.sub("", text)
    return re.sub(r"\s+", " ", text).lower() or None


def _location(head: Head, ctx: DocContext) -> str | None:
    spans = [s for s in head.role("LOCATION") if not _descriptive(s) and not _as_partner(s)]
    if spans:
        nearest = min(spans, key=lambda s: abs(s.start - head.span.start))
        return place_name(nearest, ctx)
    return ctx.place


_COMPASS = re.compile(r"\b(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
                      r"south-?west|eastern|western|northern|southern)\s+$", re.I)
_APPOSITION = re.compile(r",\s*(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:capital|city|port|hub|"
                         r"town|county|seat|gateway)\s+(?:of|in)\s+[^,;()]*|,\s*(?:located\s+)?in\s+"
                         r"(?:[\w-]+\s+){0,2}China[’']s\s+[^,;()]*", re.I)


def _descriptive(span: Span) -> bool:
    """A place that only says where another is: "northwest China's Shaanxi Province",
    "Xi'an, capital of Shaanxi Province," (the second place describes the first)."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    before = text[max(sent.start_char, span.start_char - 25): span.start_char]
    if _COMPASS.search(before) and re.match(r"[’']s\b", text[span.end_char: span.end_char + 3]):
        return True
    return any(m.start() < span.start_char < m.end()
               for m in _APPOSITION.finditer(text, sent.start_char, sent.end_char))


_PARTNER_PREDICATE = re.compile(
    r"^[’']?\s*(?:was|is|remained|remains|became|stayed|has been|continued to be)\s+(?:still\s+)?"
    r"(?:the\s+|its\s+|their\s+|[\w]+[’']s\s+)?(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest)\s+|largest\s+|biggest\s+|top\s+|main\s+|"
    r"major\s+|leading\s+|key\s+)?(?:trading|trade|export|import)\s+(?:partner|market|destination|"
    r"source)", re.I)


_BETWEEN = re.compile(r"\b(?:between|of)\s+(?:the\s+)?$", re.I)


def _other_side(sent: Span, location: str | None, ctx: DocContext) -> Span | None:
    """"Trade between China and Russia" in a Chinese text: the other side is the partner."""
    places = [e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")]
    text = doc_text(sent.doc)
    for first, second in zip(places, places[1:]):
        if not _BETWEEN.search(text[max(0, first.start_char - 12): first.start_char]):
            continue
        if not re.fullmatch(r"\s*(?:and|&|-|–)\s*(?:the\s+)?", text[first.end_char: second.start_char]):
            continue
        names = [place_name(first, ctx), place_name(second, ctx)]
        if location in names and names[0] != names[1]:
            return second if names[0] == location else first
    return None


def _as_partner(span: Span) -> bool:
    """"The EU was the second largest trading partner": the subject is the partner."""
    return bool(_PARTNER_PREDICATE.match(doc_text(span.doc)[span.end_char: span.end_char + 80]))


def first_stated_period(heads: list[Head], ctx: DocContext) -> str | None:
    """The period of the article's first figure: the one later paragraphs fall back on."""
    for head in heads:
        if head.span.label_ != "FLOW" or not (head.role("VALUE") or head.role("GROWTH")):
            continue
        sent = sentence_span(head.span.doc, head.span)
        in_sentence = [e for e in span_ents(sent) if e.label_ == "PERIOD"]
        for span in head.role("PERIOD") + in_sentence:
            if not is_comparison_base(span):
                period = resolve_period(span, ctx)
                if period is not None:
                    return period
    return None


def period_and_shape(head: Head, ctx: DocContext) -> tuple[str | None, str | None]:
    """The fact's period, and its shape when the year is unknown ("?-01..?-05"), so that two
    periods of an undated text stay two identities."""
    period = _period(head, ctx)
    if period is not None:
        return period, period
    shape = _period(head, replace(ctx, year=1900, published=None))
    return None, shape.replace("1900", "?") if shape else None


def _period(head: Head, ctx: DocContext) -> str | None:
    spans = [s for s in head.role("PERIOD") if not is_comparison_base(s)]
    for span in sorted(spans, key=lambda s: abs(s.start - head.span.start)):
        period = resolve_period(span, ctx)
        if period is not None:
            return period
    return carried_period(head.span.doc, ctx, head.span.start_char)


def rank_facts_of(heads: list[Head], ctx: DocContext) -> list[RankFact]:
    """Rank facts; a sentence with several ranks and as many places zips them in order."""
    out: list[RankFact] = []
    by_sentence: dict[int, list[Head]] = {}
    for head in heads:
        sent = sentence_span(head.span.doc, head.span)
        by_sentence.setdefault(sent.start, []).append(head)
    for group in by_sentence.values():
        sent = sentence_span(group[0].span.doc, group[0].span)
        names = _listed_places(sent, len(group), ctx)
        for i, head in enumerate(group):
            rank = parse_ordinal(head.span.text)
            if rank is None:
                continue
            place = (head.role("LOCATION") or [None])[0]
            location = names[i] if names else (place_name(place, ctx) if place is not None
                                               else ctx.place)
            year = _rank_year(head, sent, ctx)
            m = _LIST_NAME.search(sent.text)
            out.append(RankFact(location=location, rank=rank, list=m.group(1).strip() if m else None,
                                year=year, evidence=Evidence(sent.start_char, sent.end_char, sent.text),
                                confidence=round(0.5 + 0.5 * head.score("LOCATION"), 3)))
    return out


def _listed_places(sent: Span, n: int, ctx: DocContext) -> list[str]:
    """Names of the n places a sentence lists next to n ranks ("Guangzhou, Dongguan and
    Zhuhai took the fifth, eighth and ninth places"), from the entities, else from the
    gazetteer (the NER may have missed or mislabelled some); [] when the counts differ."""
    if n < 2:
        return []
    tagged = [e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER") and lookup(e.text)]
    if len(tagged) == n:
        return [place_name(e, ctx) for e in tagged]
    found = [place.name for _, _, place in gazetteer_mentions(sent)]  # this sentence only
    return found if len(found) == n else []


def _rank_year(head: Head, sent: Span, ctx: DocContext) -> int | None:
    for span in head.role("PERIOD") + [e for e in span_ents(sent) if e.label_ == "PERIOD"]:
        if not is_comparison_base(span):
            period = resolve_period(span, ctx)
            if period:
                return int(period[:4])
    carried = carried_period(head.span.doc, ctx, head.span.start_char)
    return int(carried[:4]) if carried else ctx.year
