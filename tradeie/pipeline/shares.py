"""Share statements: a share whose clause names its owner, not a flow.

"China nonetheless took 40.2% of the country's total exports", "Xiamen alone accounted for
46.3 percent of the province's foreign trade", "On the import side, China supplied 20.6 per
cent, India 10.9 per cent and the United Arab Emirates 9.8 per cent", "Ferrous metals and
copper made up 41.6% and 22.9% of exports respectively". The owner is a partner, a product
or a place at the start of the clause; the flow is the one the whole names ("of exports"),
else that of the figure before. The share goes to the owner's fact stated before, or makes a
fact of its own, without an amount, in the period carried to that point.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..facts import Evidence, TradeFact
from .assemble import partner_name_of
from .context import DocContext, carried_period
from .docindex import doc_text, ents_before, sentence_span, span_ents
from .flows import classify_flow
from ..normalize.place import lookup
from .rates import growth_of, share_of
from .slots import money_of, place_name, product_of

_CLAUSE_START = re.compile(r".*(?:[,;:]|\bmeaning\b|\bwhile\b|\bwhereas\b|\bside\b)\s*", re.S)
_HEDGE = r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more than\s+|some\s+)?"
# what lies between the owner and its share: "China nonetheless took", "Mexico's share of U.S.
# goods imports climbed to", "Uganda remained the largest destination, taking"
_OWNER_TOOK = re.compile(r"(?:[’']s\s+share\b[^,;%]{0,60}\b(?:to|at|was)\s+|(?:\s+[\w-]+){0,2}?\s+"
                         r"(?:took|takes|taking|accounted for|accounts for|accounting for|made up|"
                         r"makes up|making up|represented|contributed|absorbed|bought|supplied|"
                         r"supplies|held|comprised)\s+(?:the largest slice,?\s+)?)" + _HEDGE + "$", re.I)
# between two items of a list of shares: ", India 10.9 per cent and the UAE 9.8 per cent",
# "ahead of the Netherlands (8.1 per cent)", "followed by plastics and rubber at 22.5%"
_NEXT_ITEM = re.compile(r"\s*(?:,|;)?\s*(?:and\s+|then\s+|ahead of\s+|followed by\s+|while\s+)?(?:then\s+)?$", re.I)
_OF_WHOLE_LEAD = re.compile(r"^\s*(?:\)|of\s+[^,;()]*)")  # "... of the turnover, the Russian Federation 24.2%"
_ITEM_RATE = re.compile(r"\s*(?:at\s+|with\s+|followed with\s+|\(|,\s*)?" + _HEDGE + "$", re.I)
_OF_NP = re.compile(r"\s*of\s+([^,;.%\d]{0,60})")
_NOT_VALUE = re.compile(r"\b(?:volume|tonnage|tonnes|tons|barrels|investment|capital|"
                        r"population|output|production|market)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_REACH = 2000
_READ = 300
_OWNERS = ("PARTNER", "PRODUCT", "LOCATION")


def owned_shares(doc: Doc, out: list, ent: Span, sent: Span, ctx: DocContext,
                 linked: set[int]) -> set[int]:
    """Read the share ``ent`` and the shares listed after it when its clause opens with an
    owner; ``out`` (fact, shape) pairs are changed in place. Returns the starts of the
    percentages read (empty when ``ent`` is no such share)."""
    text = doc_text(doc)
    lo = max(sent.start_char, ent.start_char - _READ)  # bounded: a long text may be one sentence
    m = _CLAUSE_START.match(text[lo: ent.start_char])
    clause = lo + (m.end() if m else 0)
    hi = min(sent.end_char, ent.end_char + _READ)
    ents = [e for e in ents_before(doc, hi, since=lo) if e.end_char <= hi]  # a slice, not a scan
    owners = [e for e in ents if e.label_ in _OWNERS and clause <= e.start_char < ent.start_char]
    if not owners or not re.fullmatch(r"\s*(?:the\s+)?", text[clause: owners[0].start_char], re.I):
        return set()
    owner = owners[-1]
    if not _OWNER_TOOK.match(text[owner.end_char: ent.start_char]) or \
            any(e.label_ in ("FLOW", "MONEY", "PERCENT") and owners[0].start_char < e.start_char < ent.start_char
                for e in ents):
        return set()
    whole = _OF_NP.match(text, ent.end_char)
    if whole and _NOT_VALUE.search(whole.group(1)):
        return set()
    # "Ferrous metals and copper made up 41.6% and 22.9% of exports respectively"
    subjects = [e for e in owners if e.label_ == owner.label_]
    rates = [e for e in ents if e.label_ == "PERCENT" and e.start >= ent.start and e.start not in linked]
    if len(subjects) > 1 and _RESPECTIVELY.search(text[ent.end_char: sent.end_char]) and \
            len(rates) >= len(subjects) and _coordinated(text, subjects):
        items = list(zip(subjects, rates))
    else:
        items = [(owner, ent)] + _listed_after(text, ents, owner, ent, linked)
    # "of the total" names no flow; "of total exports" does
    flow = classify_flow(re.sub(r"\btotal\b", "", whole.group(1))) if whole else None
    # "China now supplies 41% of the electric cars the bloc imports": the whole's product
    of_product = next((product_of(e) for e in ents if e.label_ == "PRODUCT" and whole
                       and ent.end_char < e.start_char < whole.end()), None)
    read = set()
    for subject, rate in items:
        if _give(doc, out, subject, rate, sent, flow, ctx, of_product):
            read.add(rate.start)
    return read


def _coordinated(text: str, spans: list[Span]) -> bool:
    return all(re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?", text[a.end_char: b.start_char], re.I)
               for a, b in zip(spans, spans[1:]))


def _listed_after(text: str, ents: list[Span], owner: Span, rate: Span, linked: set[int]) -> list:
    """(owner, share) pairs listed after the first: ", India 10.9 per cent and the UAE 9.8 per cent"."""
    items, last = [], rate
    later = [e for e in ents if e.start >= rate.end]
    for a, b in zip(later, later[1:]):
        if a.start_char - last.end_char > 120:
            break
        if a.label_ == owner.label_ and b.label_ == "PERCENT" and b.start not in linked and \
                _NEXT_ITEM.fullmatch(_OF_WHOLE_LEAD.sub("", text[last.end_char: a.start_char])) and \
                _ITEM_RATE.fullmatch(text[a.end_char: b.start_char]):
            items.append((a, b))
            last = b
    return items


def _give(doc: Doc, out: list, subject: Span, rate: Span, sent: Span, flow: str | None,
          ctx: DocContext, of_product: str | None = None) -> bool:
    share = share_of(rate)
    if share is None:
        return False
    location = ctx.place_at(rate.start_char)
    partner, product = None, of_product
    if subject.label_ == "PARTNER":
        partner = partner_name_of(subject, ctx)
        if partner is None:
            return False
    elif subject.label_ == "PRODUCT":
        product = product_of(subject)
        if product is None:
            return False
    elif _foreign_country(subject, ctx):  # a partner the NER called a place
        partner = place_name(subject, ctx)
    else:
        location = place_name(subject, ctx)
        if location is None:
            return False
    found = [i for i, (f, _) in enumerate(out)
             if isinstance(f, TradeFact) and f.value is not None and f.evidence
             and rate.start_char - _REACH < f.evidence.end_char <= rate.start_char
             and f.partner == partner and _same_product(f.product, product) and flow in (None, f.flow)
             and (partner is not None or product is not None or f.location == location)]
    if found:
        # the place of the statement just before: "In Chile, shipments to China ..." after Brazil's
        last = max(found, key=lambda i: out[i][0].evidence.end_char)
        i = next(i for i in found if out[i][0].location == out[last][0].location)
        fact, shape = out[i]
        if fact.share_pct is None:
            out[i] = (replace(fact, share_pct=share), shape)
        return True
    before = [f for f, _ in out if isinstance(f, TradeFact) and f.evidence
              and f.evidence.end_char <= rate.start_char]
    if flow is None:
        flow = max(before, key=lambda f: f.evidence.end_char).flow if before else "total"
    if location is None:
        return False
    fact = TradeFact(location=location, flow=flow, partner=partner, product=product,
                     period=carried_period(doc, ctx, rate.start_char), share_pct=share,
                     evidence=Evidence(sent.start_char, sent.end_char, sent.text), confidence=0.5)
    out.append((fact, None))
    return True


def _same_product(stated: str | None, named: str | None) -> bool:
    """"battery-electric cars" stated before, "the electric cars" in the share's whole."""
    if stated is None or named is None:
        return stated == named
    return named in stated or stated in named


def _foreign_country(span: Span, ctx: DocContext) -> bool:
    """A country or bloc other than the reporting place's ("China took 31.5%"), not a city
    of it ("Xiamen alone accounted for 46.3 percent")."""
    place = lookup(span.text)
    return place is not None and place.name != ctx.place and \
        place.kind in ("country", "bloc", "grouping") and place.country != ctx.place_country


# "By destination in October: the mainland -8.7%; the USA -13.4%; Vietnam +11.6%": a list of
# partners with their rates and no flow word; the heading says which way
_BY_SIDE = re.compile(r"\bby\s+(?P<side>destinations?|markets?|export markets?|buyers?|origins?|sources?|"
                      r"suppliers?|(?:major\s+)?(?:trading\s+)?partners?)\b[^:;]{0,40}:", re.I)
_SIDE_FLOW = {"destination": "export", "market": "export", "export market": "export", "buyer": "export",
              "origin": "import", "source": "import", "supplier": "import", "partner": "total",
              "trading partner": "total"}
_ITEM_GAP = re.compile(r"\s*(?:[:,]\s*)?(?:\(\s*)?(?:at\s+|with\s+|up\s+|down\s+)?$", re.I)


def headed_partner_lists(doc: Doc, heads: list, ctx: DocContext) -> list:
    """Facts of the partner lists a "By destination:" heading opens, in sentences with no
    flow word: each partner with the amount and rate written right after it."""
    text = doc_text(doc)
    flows = {h.span.start for h in heads if h.span.label_ == "FLOW"}
    out = []
    for m in _BY_SIDE.finditer(text):
        span = doc.char_span(m.start("side"), m.end("side"), alignment_mode="expand")
        if span is None:
            continue
        sent = sentence_span(doc, span)
        if text[sent.start_char: m.start("side")].strip().lower() != "by" or m.end() > sent.end_char \
                or any(sent.start <= f < sent.end for f in flows):
            continue  # the heading opens the sentence, which has no flow word
        side = re.sub(r"s$", "", re.sub(r"^major\s+", "", m.group("side").lower()))
        flow = _SIDE_FLOW.get(side, "total")
        ents = [e for e in span_ents(sent) if e.start_char >= m.end()]
        for i, ent in enumerate(ents):
            if ent.label_ not in ("PARTNER", "LOCATION"):
                continue
            partner = partner_name_of(ent, ctx) if ent.label_ == "PARTNER" else (
                place_name(ent, ctx) if _foreign_country(ent, ctx) else None)
            if partner is None:
                continue
            money = rate = None
            last = ent.end_char
            for nxt in ents[i + 1: i + 3]:
                if not _ITEM_GAP.fullmatch(text[last: nxt.start_char]):
                    break
                if nxt.label_ == "MONEY" and money is None and rate is None:
                    money = nxt
                elif nxt.label_ == "PERCENT" and rate is None:
                    rate = nxt
                else:
                    break
                last = nxt.end_char
            if rate is None and money is None:
                continue
            amount = money_of(money, ctx) if money is not None else None
            growth = growth_of(rate, sent) if rate is not None else None
            if (money is not None and amount is None) or (amount is None and growth is None):
                continue
            fact = TradeFact(location=ctx.place_at(ent.start_char), flow=flow, partner=partner,
                             period=carried_period(doc, ctx, ent.start_char),
                             value=amount.value if amount else None,
                             currency=amount.currency if amount else None, growth_pct=growth,
                             evidence=Evidence(sent.start_char, sent.end_char, sent.text),
                             confidence=0.5)
            if fact.location is not None:
                out.append((fact, None))
    return out
