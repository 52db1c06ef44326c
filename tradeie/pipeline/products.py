"""The product of a figure that the relation scores did not link: one written against the
flow word ("watch exports", "exports of lighters"), or the subject of the sentence
("Cameras and camcorders earned export income of $3.11 billion")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from .docindex import doc_text, ents_back_from, sentence_span, span_ents
from .heads import Head
from .slots import is_example


def adjacent_product(head: Head) -> list[Span]:
    """A product written against the flow word ("watch exports", "exports of lighters",
    "valves exported") belongs to it even when the relation scores missed it."""
    doc = head.span.doc
    for ent in span_ents(sentence_span(doc, head.span)):
        if ent.label_ != "PRODUCT" or is_example(ent):
            continue
        between = doc_text(doc)[ent.end_char: head.span.start_char] if ent.end <= head.span.start \
            else doc_text(doc)[head.span.end_char: ent.start_char]
        if ent.end <= head.span.start and re.fullmatch(r"\s*(?:[’']s\s*)?", between):
            return [ent]
        if ent.start >= head.span.end and re.fullmatch(r"\s*(?:of|in)\s+(?:the\s+)?", between):
            return [ent]
        if ent.start >= head.span.end and _QUANTITY_OF.fullmatch(between) and any(
                e.label_ == "MONEY" and e.start >= ent.end for e in span_ents(sentence_span(doc, head.span))):
            return [ent]  # with its value: a rate with only the tonnes is the volume's
        if ent.end <= head.span.start and _WHOSE.fullmatch(between):
            return [ent]
        if ent.end <= head.span.start and _LABEL.fullmatch(between) and _starts_its_line(ent):
            return [ent]
    return _subject_product(head) or _heading_product(head) or _anaphor_product(head)


# "brought in 8.9 million tonnes of coal worth ...", "exports of 1.2 million barrels of crude":
# the goods counted right after the flow word
_QUANTITY_OF = re.compile(r"\s+(?:of\s+)?(?:(?:a\s+record|some|about|around|nearly|almost|over|more\s+than|"
                          r"roughly|approximately)\s+)?\d[\d,.]*\s*(?:(?:thousand|million|billion|mn|m|bn)\s+)?"
                          r"(?:metric\s+)?(?:tonnes|tons|t|mt|barrels|cubic\s+metres|cubic\s+meters|units|"
                          r"pieces|sets|head|TEUs?)\s+of\s+(?:the\s+)?", re.I)

# "- Ceramics, mainly from Liling: exports 3.02 billion yuan": a line labelled with its product
_LABEL = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?(?:,[^,:;\n]{0,40})?:\s*")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•*·]|\(?(?:\d{1,2}|[a-h])[.)])?[ \t]*$")


def _starts_its_line(ent: Span) -> bool:
    text = doc_text(ent.doc)
    return bool(_LINE_START.search(text, max(0, ent.start_char - 12), ent.start_char))


# "led by rice, whose exports surged 41.2%": the product the clause is about
_WHOSE = re.compile(r"\s*,\s*whose\s+(?:(?:overseas|foreign|total|combined)\s+)?", re.I)


# "Mechanical and electrical products remained the mainstay of exports, with shipments worth
# 66.3 billion yuan", "Cameras and camcorders earned export income of $3.11 billion": the
# product is the subject of the sentence that states the flow's figure
_SUBJECT_VERB = re.compile(r"\s*(?:remained|remain|were|was|are|is|made up|make up|earned|brought in|"
                           r"generated|led|accounted for|account for|contributed|took|fetched|posted|"
                           r"recorded|registered|topped|headed)\b", re.I)


def _subject_product(head: Head) -> list[Span]:
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    ents = span_ents(sent)
    products = [e for e in ents if e.label_ == "PRODUCT"]
    if len(products) != 1 or ents[0].start != products[0].start:
        return []  # one product, and it is the sentence's first entity
    subject = products[0]
    if subject.start - sent.start > 1 or subject.end > head.span.start or is_example(subject) or any(
            e.label_ in ("PARTNER", "LOCATION", "MONEY", "PERCENT") and subject.end <= e.start < head.span.start
            for e in ents):
        return []
    return [subject] if _SUBJECT_VERB.match(doc_text(doc)[subject.end_char: subject.end_char + 20]) else []


# how far from a head or a member its words are read: a sentence can run a page unpunctuated
_NEAR = 300

# "1. Mechanical and electrical products. Exports reached 7.14 trillion yuan": a numbered
# heading that names only a product is the product of the sentence after it
_HEADING = re.compile(r"\s*(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s*)?[\"“]?\s*$", re.I)
_HEADING_END = re.compile(r"[\"”]?\s*[.:]?\s*$")


def _heading_product(head: Head) -> list[Span]:
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    if any(e.label_ == "PRODUCT" for e in span_ents(sent)) or sent.start == 0:
        return []
    previous = sentence_span(doc, doc[sent.start - 1: sent.start])
    ents = span_ents(previous)
    if len(ents) != 1 or ents[0].label_ != "PRODUCT" or is_example(ents[0]):
        return []
    text = doc_text(doc)
    if _HEADING.fullmatch(text[previous.start_char: ents[0].start_char]) and \
            _HEADING_END.fullmatch(text[ents[0].end_char: previous.end_char]):
        return [ents[0]]
    return []


# 'the "new three" -- electric vehicles, lithium-ion batteries and solar cells --', 'the "new
# three items" (electric vehicles, lithium batteries and solar cells)': the members listed
# after a group's name are its contents, the figure is the group's
_MEMBERS_BEFORE = re.compile(r"(?P<group>[\"“](?P<name>[^\"”\n]{2,40})[\"”]|(?P<bare>\w[\w -]{1,40}?))\s*"
                             r"(?:\(|\s[-–—]{1,2}\s|—)\s*(?:[\w'’ -]+?(?:,\s*|,?\s+and\s+))*$")


def group_product(span: Span) -> Span | None:
    """The group a listed member belongs to, as a span of its name, or None."""
    doc = span.doc
    sent = sentence_span(doc, span)
    text = doc_text(doc)
    m = _MEMBERS_BEFORE.search(text, max(sent.start_char, span.start_char - _NEAR), span.start_char)
    if m is None:
        return None
    if m.group("name"):
        return doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    tagged = [e for e in span_ents(sent) if e.label_ == "PRODUCT" and e.end_char == m.end("bare")]
    return tagged[0] if tagged else None


# "Shipments of the ore more than doubled", "Imports of the steelmaking ingredient climbed",
# "Shipments of the same goods to ASEAN": a product named again by a common noun
_PRODUCT_ANAPHOR = re.compile(r"\b(?:the|these|those|such|this)\s+(?:same\s+)?(?:(?P<noun>ore|fruit|metal|"
                              r"fuel|grain|crop|beans?)|goods|products|items?|commodit(?:y|ies)|"
                              r"(?:steelmaking\s+)?ingredient|machinery)\b|"
                              # "Their exports reached 3.26 trillion yuan", "Imports of them",
                              # "exports of the three" (the "new three" named before)
                              r"\btheir\s+(?:combined\s+|total\s+|overall\s+)?(?:exports|imports|shipments|"
                              r"sales|purchases)\b|\b(?:exports|imports|shipments|sales|purchases)\s+of\s+"
                              r"(?:them|the\s+(?P<count>two|three|four|five))\b|"
                              # "The sector's surplus reached EUR 15.2 billion"
                              r"\bthe\s+(?P<sector>sector|industry)\b", re.I)


_SECTOR_BACK = 600


def _anaphor_product(head: Head) -> list[Span]:
    """The one product of the sentence before, for a figure whose sentence names its product
    only by a common noun ("the ore", "the same goods"); with a noun that a product name
    contains ("the ore" for "nickel ore"), the last such product of the two sentences before."""
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    m = _PRODUCT_ANAPHOR.search(doc_text(doc), max(sent.start_char, head.span.start_char - _NEAR),
                                min(sent.end_char, head.span.end_char + _NEAR))
    if m is None or sent.start == 0:
        return []
    if m.group("sector"):
        # the sector the text is about: the last product named before, a few sentences back
        for ent in ents_back_from(doc, head.span.start_char, max(0, head.span.start_char - _SECTOR_BACK)):
            if ent.label_ == "PRODUCT" and not is_example(ent):
                return [ent]
        return []
    previous = sentence_span(doc, doc[sent.start - 1: sent.start])
    products = [e for e in span_ents(previous) if e.label_ == "PRODUCT" and not is_example(e)]
    noun = m.group("noun") or m.group("count")
    if noun:
        earlier = products
        if previous.start > 0:
            before = sentence_span(doc, doc[previous.start - 1: previous.start])
            earlier = [e for e in span_ents(before) if e.label_ == "PRODUCT"] + products
        named = [e for e in earlier if noun.lower().rstrip("s") in e.text.lower()]
        return named[-1:]
    return products if len({e.text.lower() for e in products}) == 1 else []
