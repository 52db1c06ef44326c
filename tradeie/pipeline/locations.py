"""Which place a figure is of, when its flow word is the only guide.

In order: a place the relation scores link to the flow word; a place of its own sentence
linked more weakly ("In Wuhan alone, November foreign trade dipped 2.7%"); the place its
paragraph last linked to a figure ("Xinjiang's foreign trade rose ... Exports soared"); the
section's or the article's reporting place.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from .context import DocContext
from .docindex import doc_ents, memo, sentence_span, span_ents
from .docindex import relations as doc_relations
from .heads import Head
from .places import is_side_mention
from .slots import is_descriptive, is_partner_subject, place_name


def location_of(head: Head, ctx: DocContext) -> str | None:
    spans = [s for s in head.role("LOCATION") if not is_descriptive(s) and not is_partner_subject(s)]
    if not spans:
        spans = _weak_location(head)
    if spans:
        nearest = min(spans, key=lambda s: abs(s.start - head.span.start))
        return place_name(nearest, ctx)
    return _paragraph_place(head, ctx) or ctx.place_at(head.span.start_char)


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
    places = [e for e in doc_ents(doc) if e.label_ == "LOCATION" and e.start in linked
              and not is_descriptive(e) and not is_partner_subject(e)
              and not is_side_mention(doc, e)]
    return [e.start_char for e in places], places


WEAK_LOCATION = 0.3


def _weak_location(head: Head) -> list[Span]:
    """A place of the head's own sentence that the scores link to it below the threshold
    ("In Wuhan alone, November foreign trade dipped 2.7%"): the sentence's place, rather
    than the article's."""
    doc = head.span.doc
    relations = doc_relations(doc)
    scored = []
    for ent in span_ents(sentence_span(doc, head.span)):
        score = relations.get((head.span.start, ent.start), {}).get("LOCATION", 0.0)
        if ent.label_ == "LOCATION" and score >= WEAK_LOCATION and not is_descriptive(ent) \
                and not is_partner_subject(ent):
            scored.append((score, ent))
    return [max(scored, key=lambda p: p[0])[1]] if scored else []
