"""Readers of a fact's slots: the amount, growth, share, product and place of a mention.

Each reader normalizes one entity with :mod:`tradeie.normalize` and applies the reading
rules of trade news around it: a percentage against the previous month or an older base is
not year-on-year growth, an amount somebody expects is not a statistic, "northwest China's"
only says where a province lies, "The EU was the second largest trading partner" names a
partner.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from spacy.tokens import Doc, Span

from ..normalize.money import Money, resolve_amount
from ..normalize.place import canonical_place, demonym_place, lookup
from ..normalize.text import BULLETS, FOLDS_TO_LATIN
from .anaphora import antecedent
from .context import DocContext
from .docindex import cached, doc_text, sentence_span, span_ents
from .flows import BREAKDOWN, CHANGE_WORDS, is_deficit
from .places import COMPASS_BEFORE, WHERE_AFTER, WHERE_BEFORE, bare_name, compass_region, port_text

def place_name(span: Span, ctx: DocContext) -> str | None:
    """Canonical name of a place mention; anaphors ("the city", "its") are the reporting place."""
    region = compass_region(span.doc, span.start_char, span.end_char)
    if region is not None:
        return region[1].name  # "[China]" of "trade in central China": the region
    name = canonical_place(port_text(span.doc, span.text, span.end_char))
    if name is not None:
        return name
    text = re.sub(r"^(?:the|its|our|this)\s+", "", span.text.strip(), flags=re.I)
    if not text or text.islower() or re.fullmatch(
            r"(?:city|province|municipality|country|region|port|nation|zone|island|its?|their|"
            r"this|that|here|county|district|state|prefecture|area|SAR)(?:[’']s)?", text, re.I):
        if not (ctx.sections and ctx.sections[0][0] <= span.start_char):
            named = antecedent(span.doc, span, ctx.paragraph_of(span.start_char)[0])
            if named is not None:
                return named
        return ctx.place_for(span.text, span.start_char)
    port = _LOWER_PORT.fullmatch(re.sub(r"[’']s$", "", text))
    if port is not None:
        return f"{port.group(1)} Port"  # "the Alashankou port handled ...": a port of its own
    if not _PLACE_WORD.search(text):
        return ctx.place_at(span.start_char)  # an unknown name: more likely a tagging slip
    return bare_name(re.sub(r"[’']s$", "", text))


_LOWER_PORT = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:land\s+|railway\s+)?port")


_PLACE_WORD = re.compile(r"\b(?:Port|Zone|Area|County|District|Customs district|Province|City|Region|Prefecture|"
                         r"Island|Islands|Bay|Harbou?r|Pass|Crossing|Airport)\b")


def is_breakdown(doc: Doc, head: Span, sent: Span, ctx: DocContext | None = None) -> bool:
    """True for a head that is not the place's foreign trade: an ownership or trade-mode
    breakdown, a sub-area, sales at home ("car sales climbed 9%"), services alone, or the
    word of a price ("import prices"). A sub-area that is
    itself the reporting place ("the Zhengzhou Airport Comprehensive Bonded Zone achieved
    an import and export value of ...") reports its own trade."""
    lo = max(sent.start_char, head.start_char - 90)
    hi = head.end_char + 40
    window = doc_text(doc)[lo: hi] if _breakdown_starts_in(doc, lo, hi) else ""
    if ctx is not None and ctx.place and BREAKDOWN.search(window):
        for ent in span_ents(sent):
            if ent.label_ == "LOCATION" and ent.end_char > lo and ent.start_char < hi and \
                    place_name(ent, ctx) == ctx.place:
                a, b = max(ent.start_char, lo) - lo, min(ent.end_char, hi) - lo
                window = window[:a] + " " * (b - a) + window[b:]
    return bool(BREAKDOWN.search(window)) or _home_sales(doc, head, sent) or _services(doc, head) or \
        bool(_PRICE_NOUN_AFTER.match(doc_text(doc), head.end_char))


# BREAKDOWN without its word boundaries matches wherever BREAKDOWN can match in a window
# cut from the text, so a window holding none of its starts needs no search. It is run
# without IGNORECASE on the lower-cased text, six times faster, unless the text holds a
# character that lower() lengthens or that IGNORECASE folds onto a Latin letter.
_BREAKDOWN_ANYWHERE = re.compile(BREAKDOWN.pattern.replace(r"\b", ""), BREAKDOWN.flags)
_BREAKDOWN_LOWER = re.compile(_BREAKDOWN_ANYWHERE.pattern.lower())


def _breakdown_starts_in(doc: Doc, lo: int, hi: int) -> bool:
    starts = cached(doc, ("breakdown_starts",), lambda: _breakdown_starts(doc_text(doc)))
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _breakdown_starts(text: str) -> list[int]:
    """Every position where BREAKDOWN could match, overlapping matches included."""
    lower = text.lower()
    if len(lower) == len(text) and not FOLDS_TO_LATIN.search(text):
        pattern, text = _BREAKDOWN_LOWER, lower
    else:
        pattern = _BREAKDOWN_ANYWHERE
    starts, m = [], pattern.search(text)
    while m is not None:
        starts.append(m.start())
        m = pattern.search(text, m.start() + 1)
    return starts


# "the average import price of bulk commodities fell 7.2%": a price, not a flow
_PRICE_NOUN_AFTER = re.compile(r"\s+(?:prices?|price\s+index|price\s+indices|unit\s+values?|volume\s+index)\b",
                               re.I)


# "services exports", "trade in services": figures for services alone give no fact;
# "goods and services exports" do
_SERVICES = re.compile(r"(?<!goods and )(?<!goods & )\bservices?\s+(?:trade|exports?|imports?)\b|"
                       r"\b(?:trade|exports?|imports?)\s+(?:in|of)\s+services\b", re.I)


def _services(doc: Doc, head: Span) -> bool:
    text = doc_text(doc)
    return any(m.start() <= head.start_char and m.end() >= head.end_char for m in
               _SERVICES.finditer(text, max(0, head.start_char - 12), head.end_char + 14))


# "sales", "sold" and "sells" name exports only with a word of abroad or a buyer:
# "overseas sales", "sales abroad", "sold to Japan", "its sales to the EU"
_SALES_ONLY = re.compile(r"(?:\w+\s+)*?(?:sales|sells?|sold)", re.I)
_ABROAD = re.compile(r"overseas|abroad|foreign|export|international|outbound|"
                     r"external|cross-border|\bthere\b|\bto\s+(?:the\b|(?-i:[A-Z]))", re.I)
_CLAUSE_END = re.compile(r",\s+(?:and|while|but)\b|;|\bwhile\b")


def _home_sales(doc: Doc, head: Span, sent: Span) -> bool:
    trigger = head.text.strip()
    if not _SALES_ONLY.fullmatch(trigger) or _ABROAD.search(trigger):
        return False
    text = doc_text(doc)
    before = text[max(sent.start_char, head.start_char - 30): head.start_char]
    after = _CLAUSE_END.split(text[head.end_char: min(sent.end_char, head.end_char + 100)])[0]
    return not (_ABROAD.search(before) or _ABROAD.search(after))


def money_of(span: Span, ctx: DocContext) -> Money | None:
    doc = span.doc
    if _YEAR_LINE_END.match(span.text):
        return None  # "... Leading Destinations, 2022\n(KES million)": a heading's year
    text = span.text
    line = doc_text(doc)[max(0, span.start_char - 80): span.start_char].rsplit("\n", 1)[-1]
    if _BULLET.match(text) and not line.strip():
        text = _BULLET.sub("", text)  # "- 382.61 billion yuan: ...": a list's dash, no minus
    money = resolve_amount(text, doc_text(doc)[span.end_char: span.end_char + 200],
                           doc_text(doc)[max(0, span.start_char - 1500): span.start_char],
                           dollar=ctx.dollar, country=ctx.place_country)
    if money is not None and abs(money.value) < MIN_TRADE_VALUE:
        return None  # "a tonne of imported beans cost about $502": a price, not a trade figure
    return money


# No figure of a place's trade is this small: an amount under it is a price, a fee, a wage
MIN_TRADE_VALUE = 100_000


_BULLET = re.compile(r"^[-–—•*]\s+")
_YEAR_LINE_END = re.compile(r"\s*(?:19|20)\d\d\s*\n")


_FORECAST_BEFORE = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|forecasts?|forecast(?:ed|ing)|projected|predict(?:s|ed|ing)?|"
    r"anticipated|polls?|consensus|targets?|targeted|targeting|goal|aims?|aimed|aiming|plans?|planned|"
    r"planning|will|would|"
    r"could|might|wants?|wanted|hopes?|hoped|seeks?|sought|strives?|striving|"
    r"is set to|are set to|pencil+ed in|estimates? of|outlook)\b[^.;]*$", re.I)

_FORECAST_AFTER = re.compile(r"^[^.;,()]{0,25}?\b(?:goal|target|forecast|projection|estimate)\b|"
                             # "below the $92 billion analysts had pencilled in"
                             r"^\s+(?:that\s+|which\s+)?(?:analysts|economists|forecasters|markets|"
                             r"a\s+Reuters\s+poll|a\s+poll)\b", re.I)
# "could end close to the $451.07 billion achieved in 2022-23": a past figure after all
_ACHIEVED_AFTER = re.compile(r"^\s*(?:achieved|recorded|posted|registered|reached|seen|logged)\s+"
                             r"(?:in|during|for|last)\b", re.I)


_PRICE_AFTER = re.compile(r"^\s*(?:per|a|an|each)\s+(?:metric\s+)?(?:tonnes?|tons?|barrels?|kilograms?|"
                          r"kg|pounds?|lbs?|units?|head|ounces?|oz|mmbtu|bushels?|vehicles?|cars?|"
                          r"bottles?|pieces?|cubic met(?:er|re)s?)\b", re.I)


_CHANGE_BEFORE_AMOUNT = re.compile(rf"\b(?:{CHANGE_WORDS})\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+)?$",
                                   re.I)


def is_absolute_change(span: Span) -> bool:
    """"down $2.85 billion from August", "widened by $7.1 billion": a change, not a value."""
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 40): span.start_char]
    after = text[span.end_char: span.end_char + 40]
    if _DIFFERENCE_AFTER.match(after):
        return True  # "$1.0 billion less than in November"
    return bool(_CHANGE_BEFORE_AMOUNT.search(before)) and bool(
        re.match(r"\s*(?:from|over|compared|on|than|year|month|,|\.|;|$|"
                 r"or\s+[\d.,]+\s*(?:%|per ?cent|pct))", after, re.I)  # "rose by RM1.03 billion or 11.5%"
        or _TO_NEW_AMOUNT.match(after))


# "fell $10.9 billion to $616.8 billion", "rose $229 million (21 percent) to $1.3 billion": the
# change, then the new amount
_TO_NEW_AMOUNT = re.compile(r"\s*(?:\(\s*[+-]?[\d.,]+\s*(?:%|per ?cent|pct)\s*\)\s*)?to\s+(?:a\s+)?"
                            r"(?:record\s+|about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?"
                            r"(?:[A-Z]{0,3}[$€£¥₹]|RMB|Rs\.?|R\s?(?=\d))?\s?\d|"
                            # "exports were up R9.88 billion (8.5%) and imports ...": the change and its rate
                            r"\s*\(\s*[+-]?[\d.,]+\s*(?:%|per ?cent|pct)\s*\)\s*(?:,|;|\.|and\b|$)", re.I)


# an amount that is a difference: "$1.0 billion less than in November", "2 billion yuan more
# than a year earlier"; not "more than doubled"
_DIFFERENCE_AFTER = re.compile(r"\s*(?:less|lower|smaller|more|higher|larger|bigger)\s+than\s+"
                               r"(?:in|the|a|that|last|its|their|at|on|for|(?:19|20)\d\d)\b", re.I)


_UNIT_BEFORE = re.compile(r"(?:\bunits?\s*[:：]|\bin\s+units\s+of|\bunit\s+is)\s*$", re.I)


def is_unit(span: Span) -> bool:
    """"(unit: 100 million yuan)": the unit a table's numbers are in, not an amount."""
    return bool(_UNIT_BEFORE.search(doc_text(span.doc)[max(0, span.start_char - 20): span.start_char]))


def is_price(span: Span) -> bool:
    """"US$522 per tonne": a price, not a trade value."""
    return bool(_PRICE_AFTER.match(doc_text(span.doc)[span.end_char: span.end_char + 30]))


# "Thirty-six items each earned more than US$1 billion": a bar that a count of things passed
_EACH_BAR = re.compile(r"\beach\b[^.;,]{0,40}?\b(?:more than|over|above|at least|in excess of|exceeding|"
                       r"topping|upwards of)\s*$", re.I)


def is_bar(span: Span) -> bool:
    """"Twelve localities each shipped more than $10 billion worth of goods": an amount that
    each of several things exceeded is no figure of any of them."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    return bool(_EACH_BAR.search(text[max(sent.start_char, span.start_char - 80): span.start_char]))


# "duties of up to 25% on some $370 billion of Chinese products": the goods a measure covers
_COVERED_BEFORE = re.compile(r"\b(?:duties|tariffs?|levies|sanctions|curbs|restrictions|quotas?)\b[^.;]{0,40}?"
                             r"\bon\s+(?:some\s+|about\s+|around\s+|nearly\s+|roughly\s+|more than\s+|"
                             r"over\s+|up to\s+)?$", re.I)


def is_covered(span: Span) -> bool:
    """The value of goods a tariff or other measure covers: no trade figure of a period."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    return bool(_COVERED_BEFORE.search(text[max(sent.start_char, span.start_char - 80): span.start_char]))


# "The February deficit, originally reported at $4.25 billion, now stands at $3.84 billion"
_SUPERSEDED_BEFORE = re.compile(r"\b(?:originally|previously|initially|first)\s+(?:reported|estimated|published|"
                                r"put|given|announced)\s+(?:at|as)\s+(?:about\s+|around\s+)?$", re.I)


def is_superseded(span: Span) -> bool:
    """A figure a revision replaced: the value stands in the revised figure."""
    text = doc_text(span.doc)
    return bool(_SUPERSEDED_BEFORE.search(text[max(0, span.start_char - 50): span.start_char]))


def is_not_a_figure(span: Span) -> bool:
    """An amount that states no trade figure: expected or aimed at, a price, a change of an
    amount, a count of units, a bar that each of several things passed, the goods a tariff
    covers, a figure a revision replaced."""
    return is_forecast(span) or is_price(span) or is_absolute_change(span) or is_unit(span) or \
        is_bar(span) or is_covered(span) or is_superseded(span)


def is_forecast(span: Span) -> bool:
    """"economists had expected a surplus of $9.3 billion", "the $200 billion goal": an amount
    somebody expects or aims at is not a statistic."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    before = text[max(sent.start_char, span.start_char - 80): span.start_char]
    after = text[span.end_char: span.end_char + 40]
    if _ACHIEVED_AFTER.match(after):
        return False
    return bool(_FORECAST_BEFORE.search(before) or _FORECAST_AFTER.match(after))


def signed_value(value: Decimal, flow: str, text: str, earlier: str = "") -> Decimal:
    """A balance is negative when the words say deficit; a neutral "gap" or "balance" takes
    the side the paragraph named last ("a deficit of ... A year earlier, the gap was ..."),
    and a "gap" with no side named is a deficit, as trade news uses the word."""
    if flow != "balance" or value <= 0:
        return value
    if is_deficit(text):
        return -value
    if not re.search(r"surplus", text, re.I):
        sides = re.findall(r"deficit|shortfall|surplus", earlier, re.I)
        if sides:
            return -value if sides[-1].lower() != "surplus" else value
        if re.search(r"\bgap\b", text, re.I):
            return -value  # "the trade gap widened to $152.4 billion": a gap is a deficit
    return value


_PRODUCT_TAIL = re.compile(r"(?:\s+(?:were|was|are|is|stood|rose|fell|grew|exports?|imports?|"
                           r"exported|imported|shipments|sales|worth))+$", re.I)


def product_of(span: Span | None) -> str | None:
    """A product as written, lower-cased, without articles, appositions or a trailing verb:
    "laptops, the city's pillar product," -> "laptops"; a name that is itself a list keeps
    its commas ("Machinery, equipment, tools and spare parts"). A bare "goods" is no product."""
    if span is None:
        return None
    text = span.text.strip().lstrip(BULLETS + "•-*–—").strip()  # "・motor vehicles"
    if not _LISTED_NAME.fullmatch(text):
        text = re.split(r"\s*[,(;:]", text, maxsplit=1)[0]
    text = re.sub(r"^(?:the|its|of)\s+", "", text, flags=re.I)
    text = _PRODUCT_TAIL.sub("", text).strip("\"“”‘’'")  # 'the "new three"'
    text = re.sub(r"^(?:the|its|of)\s+", "", text, flags=re.I)
    text = re.sub(r"\s+", " ", text).lower()
    if not text or text in _GENERIC_GOODS or canonical_place(text) is not None or \
            not re.search(r"[a-z]", text) or text.endswith("-"):
        return None  # "goods"; a place the NER took for a product ("Viet Nam shipped ..."); the
        # "Re-" of "Re-exports"
    return text


_LISTED_NAME = re.compile(r"[\w&'’ -]+(?:,\s*[\w&'’ -]+)*,?\s+(?:and|&)\s+[\w&'’ -]+")
_GENERIC_GOODS = {"goods", "products", "commodities", "merchandise", "items", "cargo", "trade"}
# examples ("such as garments"), drivers ("lifted by cars, trucks and household appliances",
# "inflated by the cost of energy") and descriptions ("a heavy user of Australian coal")
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|including|like|e\.g\.|led by|mainly|mostly|notably|"
                             r"especially|chiefly|primarily|thanks to|on the back of|(?:driven|"
                             r"lifted|boosted|helped|inflated|fuell?ed|supported|pushed up|propped "
                             r"up|dragged down|weighed down|held back) by|(?:user|buyer|consumer|"
                             r"importer|producer)s? of)\s+(?:(?:the\s+)?(?:higher\s+|rising\s+|"
                             r"lower\s+|falling\s+)?(?:cost|price|prices|value)\s+of\s+)?"
                             r"(?:[A-Z][a-z]+\s+)?(?:[\w&'’ -]+?(?:,\s*|\s+and\s+|\s+or\s+))*$",
                             re.I)


_OWN_FIGURE_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,2}(?:worth|valued at|totall?ing|of)\s+(?:about\s+|"
                               r"some\s+|nearly\s+)?(?:[A-Z]{0,3}[$€£¥₹]|RM|Rs\.?|RMB|USD|US\$)?\s?\d")


def is_example(span: Span) -> bool:
    """"labor-intensive products such as garments, footwear and toys": garments is an example
    of the product the figure is about, not that product."""
    text = doc_text(span.doc)
    if re.match(r"\s*,?\s*(?:whose|which|with)\b", text[span.end_char: span.end_char + 12]) or \
            _OWN_FIGURE_AFTER.match(text[span.end_char: span.end_char + 40]):
        # "led by rice, whose exports surged 41.2%", "on the back of record rice shipments
        # worth $2.15 billion": the product has a figure of its own
        return False
    return bool(_EXAMPLE_BEFORE.search(text[max(0, span.start_char - 80): span.start_char]))


_APPOSITION = re.compile(r",\s*(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:capital|city|port|hub|"
                         r"town|county|seat|gateway)\s+(?:of|in|under)\s+[^,;()]*|,\s*(?:located\s+)?in\s+"
                         r"(?:[\w-]+\s+){0,2}China[’']s\s+[^,;()]*|"
                         # "Suzhou, the province's biggest trading city,", "Erenhot Port, the
                         # region's gateway to Mongolia,", "the Yangtze River Delta, China's
                         # biggest regional manufacturing and shipping cluster,"
                         r",\s*(?:the\s+|a\s+|an\s+)?[\w -]{0,30}?[’']s\s+(?:[\w-]+\s+){0,5}?"
                         r"(?:capital|city|port|hub|town|county|seat|gateway|cities|ports|cluster|"
                         r"region|zone|base|centre|center|powerhouse|engine)\b[^,;()]*(?=,)",
                         re.I)


def is_descriptive(span: Span) -> bool:
    """A place that only says where another is: "northwest China's Shaanxi Province",
    "Xi'an, capital of Shaanxi Province," (the second place describes the first)."""
    text = doc_text(span.doc)
    sent = sentence_span(span.doc, span)
    before = text[max(sent.start_char, span.start_char - 25): span.start_char]
    if COMPASS_BEFORE.search(before) and re.match(r"[’']s\b", text[span.end_char: span.end_char + 3]):
        return True
    if WHERE_BEFORE.search(before) and WHERE_AFTER.match(text, span.end_char):
        return True  # "The largest port on Vietnam's northern coast saw its exports climb"
    if _RELATIVE_BEFORE.search(text, max(sent.start_char, span.start_char - 50), span.start_char):
        return True  # "Trade with Pakistan, which runs mostly through the Khunjerab Pass, grew"
    # the apposition describes the place right before its comma ("In the north, the port city
    # of Lianyungang imported ..." describes nothing)
    return any(m.start() < span.start_char < m.end() and _place_ends_at(sent, m.start())
               for m in _APPOSITION.finditer(text, sent.start_char, sent.end_char))


# a relative clause that says which way goods go or what another place holds: "which runs
# mostly through the Khunjerab Pass", "which spans Osaka and five prefectures"
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+(?:[a-z]+\s+){0,2}?(?:through|via|across|spans|covers|"
                              r"includes|comprises|encompasses|administers|oversees)\s+(?:the\s+)?$", re.I)


def _place_ends_at(sent: Span, char: int) -> bool:
    """Whether a place ends at ``char``: one the NER tagged, or a gazetteer name it missed
    ("the Yangtze River Delta, China's biggest ... cluster,")."""
    if any(e.label_ in ("LOCATION", "PARTNER") and e.end_char == char for e in span_ents(sent)):
        return True
    m = _NAME_BEFORE.search(doc_text(sent.doc), max(sent.start_char, char - 60), char)
    words = m.group(0).split() if m else []
    return any(lookup(" ".join(words[i:])) is not None for i in range(len(words)))


_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}$")


_PARTNER_PREDICATE = re.compile(
    r"^[’']?\s*(?:was|is|remained|remains|became|stayed|has been|continued to be)\s+(?:still\s+)?"
    r"(?:the\s+|its\s+|their\s+|[\w]+[’']s\s+)?(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest)\s+|largest\s+|biggest\s+|top\s+|main\s+|"
    r"major\s+|leading\s+|key\s+)?(?:trading|trade|export|import)\s+(?:partner|market|destination|"
    r"source)", re.I)

_BETWEEN = re.compile(r"\b(?:between|of)\s+(?:the\s+)?$", re.I)


def other_side(sent: Span, location: str | None, ctx: DocContext) -> Span | None:
    """"Trade between China and Russia" in a Chinese text: the other side is the partner."""
    places = [e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")]
    text = doc_text(sent.doc)
    for first in places:  # "between China and the CEEC" with the second name untagged
        second = _name_after_and(first, sent)
        if second is not None and place_name(first, ctx) == location and \
                _BETWEEN.search(text[max(0, first.start_char - 12): first.start_char]):
            return second
    for first, second in zip(places, places[1:]):
        if not _BETWEEN.search(text[max(0, first.start_char - 12): first.start_char]):
            continue
        if not re.fullmatch(r"\s*(?:and|&|-|–)\s*(?:the\s+)?", text[first.end_char: second.start_char]):
            continue
        names = [place_name(first, ctx), place_name(second, ctx)]
        if location in names and names[0] != names[1]:
            return second if names[0] == location else first
    return None


def _name_after_and(first: Span, sent: Span) -> Span | None:
    """The known place named right after "<first> and (the)" when the NER left it untagged."""
    doc = sent.doc
    i = first.end
    if i >= sent.end or doc[i].lower_ not in ("and", "&"):
        return None
    i += 1
    if i < sent.end and doc[i].lower_ == "the":
        i += 1
    if i < sent.end and doc[i].ent_type_:
        return None  # tagged: the pairwise rule reads it
    for n in (4, 3, 2, 1):
        if i + n <= sent.end and canonical_place(doc[i:i + n].text) is not None:
            return Span(doc, i, i + n, label="PARTNER")
    return None


# "purchases of German goods", "brought in Kazakh wheat": a nationality on the goods
_ORIGIN_BEFORE = re.compile(r"\b(?:of|in)\s+(?:[a-z][\w-]*\s+){0,2}$")
# currency words a nationality may qualify ("in Japanese yen"), and "in Chinese terms"
NOT_GOODS_AFTER_NATIONALITY = (r"(?:yen|yuan|renminbi|dollars?|euros?|won|rupees?|rupiah|ringgit|baht|"
                               r"pesos?|reais|real|rand|lira|dong|pounds?|francs?|terms)\b")
_ORIGIN_AFTER = re.compile(r"\s+(?!" + NOT_GOODS_AFTER_NATIONALITY + r")[a-z]")


def is_origin_of_goods(span: Span) -> bool:
    """A nationality adjective on the goods ("purchases of German goods" tagged LOCATION) says
    where they come from, not whose trade the figure is."""
    text = doc_text(span.doc)
    return bool(_ORIGIN_AFTER.match(text, span.end_char)) and \
        bool(_ORIGIN_BEFORE.search(text, max(0, span.start_char - 40), span.start_char)) and \
        lookup(span.text) is None and demonym_place(span.text) is not None


def is_partner_subject(span: Span) -> bool:
    """"The EU was the second largest trading partner": the subject is the partner."""
    return bool(_PARTNER_PREDICATE.match(doc_text(span.doc)[span.end_char: span.end_char + 80]))


def split_places(spans: list[Span]) -> list[Span]:
    """Place spans with lists the NER tagged as one ("Thailand and Indonesia") split into
    their places, when every part is a known place; other spans as they are."""
    out: list[Span] = []
    for span in spans:
        parts, start = [], span.start
        for i in range(span.start, span.end + 1):
            if i == span.end or span.doc[i].lower_ in (",", "and", "&", "as well as"):
                if i > start:
                    parts.append(span.doc[start:i])
                start = i + 1
        if len(parts) > 1 and all(canonical_place(p.text) for p in parts):
            out += [Span(span.doc, p.start, p.end, label=span.label_) for p in parts]
        else:
            out.append(span)
    return out

