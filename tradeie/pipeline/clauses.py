"""The clause of a figure with no flow word of its own: where it starts and ends, what it
names (partners, products, places, a period), and whether it talks of trade at all.
Helpers of :mod:`tradeie.pipeline.ellipsis`."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..normalize.place import canonical_place, lookup
from .context import DocContext, is_comparison_base, resolve_period
from .docindex import doc_text
from .flows import classify_flow
from .heads import Head
from .slots import is_descriptive, is_example, split_places

# Words that make an amount something other than a flow of goods.
NOT_TRADE = re.compile(
    r"\b(?:invest\w*|FDI|GDP|gross domestic|revenues?|profits?|output|retail|consumption|"
    r"spending|budget|loans?|credit|capital|funds?|funding|tax(?:es)?|tariffs?|subsid\w*|deals?|"
    r"contracts?|valuation|market (?:cap\w*|value)|salar\w*|wages?|income|deposits?|reserves?|"
    r"bonds?|stakes?|acquisition|worth of (?:orders|contracts)|orders|turnover of \w+ companies|"
    r"per capita|remittances?|tourism|services|dut(?:y|ies)|anti-dumping|levy|levies)\b", re.I)
_CLAUSE_BREAK = re.compile(r";|\n")


_FLOW_WORD = re.compile(r"\b(?:(?:imports?|exports?)\s+and\s+(?:imports?|exports?)|exports?|imports?|"
                        r"sales abroad|purchases|(?P<import>suppliers?|sources? of imports)|"
                        r"(?P<export>destinations?|buyers?))\b", re.I)


def flow_word(before: str) -> str | None:
    """"the top export earner at $3.48 billion", "the biggest supplier with $2.57 billion":
    the last flow word the NER did not tag."""
    found = list(_FLOW_WORD.finditer(before))
    if not found:
        return None
    m = found[-1]
    if m.group("import") or m.group("export"):
        return "import" if m.group("import") else "export"
    return classify_flow(m.group(0))


def has_money(rate: Span, sent_ents: list[Span]) -> bool:
    """A growth rate whose clause holds an amount belongs with that amount."""
    text = doc_text(rate.doc)
    for ent in sent_ents:
        if ent.label_ == "MONEY":
            lo, hi = ((ent.end_char, rate.start_char) if ent.end_char <= rate.start_char
                      else (rate.end_char, ent.start_char))  # the text between the two
            if not _CLAUSE_BREAK.search(text[lo:hi]) and not re.search(r",\s*(?:and|while|but)\b",
                                                                        text[lo:hi]):
                return True
    return False


RATE_TO = re.compile(r"^\s*,?\s*(?:(?:year[- ]on[- ]year|y-o-y|yoy)\s+)?(?:to|at)\s+$", re.I)


def segment(sent: Span, sent_ents: list[Span], ent: Span, head: Head) -> tuple[int, int]:
    """Characters of ``ent``'s own clause: from the previous figure (or the flow head, or a
    semicolon) to the next figure or clause break."""
    text = doc_text(sent.doc)
    lo = sent.start_char
    if head.span.end_char <= ent.start_char and head.span.start_char >= sent.start_char:
        lo = head.span.end_char
    for other in sent_ents:
        if other.label_ in ("MONEY", "PERCENT") and lo <= other.start_char and other.end_char <= ent.start_char \
                and not (other.label_ == "PERCENT" and RATE_TO.match(text[other.end_char: ent.start_char])):
            lo = other.end_char  # "integrated circuits increased 25.6% to 542.7 billion yuan": one item
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, ent.start_char)]
    lo = breaks[-1] if breaks else lo
    hi = sent.end_char
    nxt = [o.start_char for o in sent_ents if o.label_ == "MONEY" and o.start_char > ent.end_char]
    brk = _CLAUSE_BREAK.search(text, ent.end_char, hi)
    hi = min([hi] + nxt[:1] + ([brk.start()] if brk else []))
    return lo, hi


def names(sent_ents: list[Span], lo: int, hi: int, ctx: DocContext) -> list[Span]:
    """Partners, places and products named in ``[lo, hi)``."""
    found = [e for e in sent_ents if lo <= e.start_char and e.end_char <= hi and (
        e.label_ == "PRODUCT" and not is_example(e)
        or e.label_ in ("PARTNER", "LOCATION") and not is_descriptive(e) and known(e)
        and canonical_place(e.text) != ctx.place)]
    places = split_places([e for e in found if e.label_ != "PRODUCT"])
    products = [e for e in found if e.label_ == "PRODUCT"]
    return sorted(places + products, key=lambda e: e.start)


def known(span: Span) -> bool:
    """A gazetteer place, not a small town that shares its name with a word ("Green")."""
    place = lookup(span.text)
    return place is not None and (place.kind != "city" or place.population >= 100_000)


def domestic(span: Span, ctx: DocContext) -> bool:
    """A city or province of the reporting place's own country: a place with its own figures."""
    place = lookup(span.text)
    home = lookup(ctx.place) if ctx.place else None
    return bool(place and home and place.kind != "country" and place.country is not None
                and place.country == home.country)


def segment_period(sent_ents: list[Span], lo: int, ent: Span, ctx: DocContext) -> str | None:
    for other in sent_ents:
        if other.label_ == "PERIOD" and lo <= other.start_char < ent.start_char \
                and not is_comparison_base(other):
            return resolve_period(other, ctx)
    return None


def without_products(clause: str, sent_ents: list[Span], lo: int) -> str:
    for ent in sent_ents:
        if ent.label_ == "PRODUCT" and lo <= ent.start_char and ent.end_char - lo <= len(clause):
            a, b = ent.start_char - lo, ent.end_char - lo
            clause = clause[:a] + " " * (b - a) + clause[b:]
    return clause
