"""Which place a figure is of, when its flow word is the only guide.

In order: a place the relation scores link to the flow word; a place of its own sentence
linked more weakly ("In Wuhan alone, November foreign trade dipped 2.7%"); the place its
paragraph last linked to a figure ("Xinjiang's foreign trade rose ... Exports soared"); the
section's or the article's reporting place.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..normalize.place import country_name, lookup
from .context import DocContext
from .docindex import doc_ents, doc_text, memo, sentence_span, span_ents
from .docindex import relations as doc_relations
from .heads import Head
from .places import is_side_mention
from .slots import is_descriptive, is_origin_of_goods, is_partner_subject, place_name


def location_of(head: Head, ctx: DocContext) -> str | None:
    spans = [s for s in head.role("LOCATION") if not is_descriptive(s) and not is_partner_subject(s)
             and not _base_of_another_share(s, head, ctx) and not is_origin_of_goods(s)
             and not is_other_side(s) and not _is_source(s)]
    if not spans:
        spans = _weak_location(head, ctx)
    if spans:
        nearest = min(spans, key=lambda s: abs(s.start - head.span.start))
        return place_name(nearest, ctx)
    subject = _untagged_subject(head)
    if subject is not None:
        return subject
    sent = sentence_span(head.span.doc, head.span)
    text = doc_text(head.span.doc)
    if ctx.place_country and (_NATIONWIDE.search(text[max(sent.start_char, head.span.start_char - 60):
                                                      head.span.start_char])
                              or _NATIONWIDE_FRAME.match(text, sent.start_char)):
        country = country_name(ctx.place_country)
        if country is not None:
            return country  # "Nationwide, outbound shipments grew 22.1 percent" in an Osaka release
    return _paragraph_place(head, ctx) or ctx.place_at(head.span.start_char)


# "imports from the country", "a deficit with the neighbouring country": an anaphor written
# as the other side of the trade is its partner, never the place whose trade it is
_SIDE_ANAPHOR = re.compile(r"(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?(?:country|nation|kingdom|"
                           r"republic|economy|island|state)", re.I)
_OTHER_SIDE_OF = re.compile(r"\b(?:(?:imports?|imported|purchases?|purchased|bought|buys|inflows?|"
                            r"deliveries|supplies)\s+(?:[\w-]+\s+){0,3}?from|(?:exports?|exported|"
                            r"shipments?|shipped|sales|sold|outflows?)\s+(?:[\w-]+\s+){0,3}?to|"
                            r"(?:trade|deficit|surplus|gap|commerce|shortfall)\s+(?:[\w-]+\s+){0,2}?with)"
                            r"\s+$", re.I)


def is_other_side(span: Span) -> bool:
    """Whether an anaphoric place is written as the other side of the trade."""
    if not _SIDE_ANAPHOR.fullmatch(span.text.strip()):
        return False
    text = doc_text(span.doc)
    return bool(_OTHER_SIDE_OF.search(text, max(0, span.start_char - 60), span.start_char))


# "preliminary figures from Osaka Customs showed": the office that publishes the figures,
# not their place ("Osaka Customs district" is one)
_SOURCE_AFTER = re.compile(r"\s+(?:Customs|Bureau|Statistics|Commission)\b(?!\s+(?:[Dd]istrict|[Aa]rea|"
                           r"[Zz]one)\b)")


def _is_source(span: Span) -> bool:
    return bool(_SOURCE_AFTER.match(doc_text(span.doc), span.end_char))


# "Nationwide, outbound shipments grew 22.1 percent ... and imports surged 49.9 percent":
# a frame at the start of the sentence holds for all its figures
_NATIONWIDE_FRAME = re.compile(r"(?:nationwide|nationally|across the country|for the (?:whole|entire) "
                               r"country|for the country as a whole)\s*,", re.I)
_NATIONWIDE = re.compile(r"\b(?:nationwide|nationally|across the country|for the (?:whole|entire) "
                         r"country|for the country as a whole|(?:the|its) national)\b", re.I)


# "equal to 13.2% of all exports from Zhejiang", "10.6 percent of Zhejiang's total"
_SHARE_BASE = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+)?(?:(?:all|total|overall)\s+)?"
                         r"(?:(?:[\w-]+\s+){0,3}?(?:from|of|in)\s+(?:the\s+)?)?$", re.I)


def _base_of_another_share(span: Span, head: Head, ctx: DocContext) -> bool:
    """A larger place that is the base of a share ("while imports grew faster" after "...
    equal to 13.2% of all exports from Zhejiang" in a Yiwu article) is not the place of the
    figures around it; it is of the figure its own flow word names ("13.2% of Zhejiang's
    exports of 3.43 trillion yuan"). A base written as an anaphor ("82.7% of the country's
    overall exports"), or the reporting place, is the figure's own."""
    text = doc_text(span.doc)
    if not span.text[:1].isupper() or span.text.split()[0].lower() in ("the", "its", "this", "their"):
        return False  # "82.7% of the country's overall export earnings": the figure's own
    if span.end_char <= head.span.start_char and _OWNER_OF_HEAD.fullmatch(
            text, span.end_char, head.span.start_char):
        return False  # "36.2 percent of Anhui's total foreign trade, which rose 9.7 percent"
    if head.span.end_char <= span.start_char and _HEAD_OF_OWNER.fullmatch(
            text, head.span.end_char, span.start_char):
        return False  # "26.4 percent of the foreign trade of Inner Mongolia, which totaled"
    return bool(_SHARE_BASE.search(text[max(0, span.start_char - 60): span.start_char])) and \
        place_name(span, ctx) != ctx.place_at(span.start_char)


_OWNER_OF_HEAD = re.compile(r"(?:[’']s)?\s+(?:[\w-]+\s+){0,3}")
_HEAD_OF_OWNER = re.compile(r"\s+(?:of|from|in)\s+(?:the\s+)?")


def _paragraph_place(head: Head, ctx: DocContext) -> str | None:
    """The place named last before the head in its paragraph: "Xinjiang's foreign trade rose
    51.8% ... Exports soared 61.9%" are Xinjiang's in an article about a port in it."""
    doc = head.span.doc
    start, _ = ctx.paragraph_of(head.span.start_char)
    starts, places = memo(doc, "paragraph places", _linked_places)
    i = bisect_left(starts, head.span.start_char) - 1
    return place_name(places[i], ctx) if i >= 0 and starts[i] >= start else None


def _linked_places(doc: Doc) -> tuple[list[int], list[Span]]:
    """The places linked as LOCATION to some figure that may stand for a paragraph, in order
    (read once: walking back through a long paragraph for every head was quadratic)."""
    linked = {child for (_, child), scores in doc_relations(doc).items()
              if scores.get("LOCATION", 0.0) >= 0.5}
    places = [e for e in doc_ents(doc) if e.label_ == "LOCATION"
              and (e.start in linked and not is_side_mention(doc, e) or _frames(e))
              and not is_descriptive(e) and not is_partner_subject(e) and not is_origin_of_goods(e)
              and not is_other_side(e) and not _is_source(e)]
    return [e.start_char for e in places], places


# "In Jiangsu, ASEAN overtook the European Union ... Trade with the 10-member bloc grew":
# a place that opens its sentence as a frame is the place of the figures after it
_FRAME_BEFORE = re.compile(r"(?:In|For|At)\s+(?:the\s+)?")
_FRAME_AFTER = re.compile(r"\s*,")


def _frames(ent: Span) -> bool:
    doc = ent.doc
    sent = sentence_span(doc, ent)
    text = doc_text(doc)
    return bool(_FRAME_BEFORE.fullmatch(text, sent.start_char, ent.start_char)
                and _FRAME_AFTER.match(text, ent.end_char))


# "Urumqi, the regional capital, handled foreign trade of 128.9 billion yuan": a known place
# the NER missed, opening the sentence as the owner of its trade
_SUBJECT_AFTER = re.compile(r"(?:,[^,.;\n]{2,60},)?\s+(?:handled|posted|reported|recorded|registered|"
                            r"logged|achieved|exported|imported|shipped)\b|[’']s\s+(?:foreign\s+|total\s+)?"
                            r"(?:trade|exports|imports)\b")
_OPENING_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")


def _untagged_subject(head: Head) -> str | None:
    doc = head.span.doc
    sent = sentence_span(doc, head.span)
    if any(e.label_ in ("LOCATION", "PARTNER") and e.end <= head.span.start for e in span_ents(sent)):
        return None
    text = doc_text(doc)
    m = _OPENING_NAME.match(text, sent.start_char, head.span.start_char)
    if m is None or not _SUBJECT_AFTER.match(text, m.end()):
        return None
    place = lookup(m.group(0))
    return place.name if place is not None and place.kind != "bloc" else None


WEAK_LOCATION = 0.3


def _weak_location(head: Head, ctx: DocContext) -> list[Span]:
    """A place of the head's own sentence that the scores link to it below the threshold
    ("In Wuhan alone, November foreign trade dipped 2.7%"): the sentence's place, rather
    than the article's."""
    doc = head.span.doc
    relations = doc_relations(doc)
    scored = []
    for ent in span_ents(sentence_span(doc, head.span)):
        score = relations.get((head.span.start, ent.start), {}).get("LOCATION", 0.0)
        if ent.label_ == "LOCATION" and score >= WEAK_LOCATION and not is_descriptive(ent) \
                and not is_partner_subject(ent) and not _base_of_another_share(ent, head, ctx) \
                and not is_origin_of_goods(ent) and not is_other_side(ent) and not _is_source(ent):
            scored.append((score, ent))
    return [max(scored, key=lambda p: p[0])[1]] if scored else []
