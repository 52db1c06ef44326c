"""Lists in one sentence: "respectively" lists of partners, products, rates and places,
and names each written before their own amount ("Trade with ASEAN was RMB10.12 billion; the
EU: RMB3.86 billion")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..normalize.place import canonical_place, lookup
from .context import DocContext, is_comparison_base
from .docindex import doc_text, span_ents, span_text
from .heads import RESPECTIVELY, Head, percent_cue
from .partners import TO_PARTNER, coordinated_partners, coordinated_runs, foreign_place
from .places import gazetteer_mentions
from .rates import growth_of
from .slots import is_descriptive, split_places


_COORDINATION = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s*$")


def coordinated(figures: list[Span]) -> bool:
    """"Japan and the ROK were fourth and fifth, with 9.14 and 8.63 billion yuan": figures
    joined only by "and" or commas pair with the names before them as if "respectively"
    were written."""
    if len(figures) < 2:
        return False
    text = doc_text(figures[0].doc)
    return all(joined(text[a.end_char: b.start_char]) for a, b in zip(figures, figures[1:]))


def joined(between: str) -> bool:
    """Whether the text between two figures only joins them: a comma, "and", "or"."""
    return _COORDINATION.match(between) is not None


def interleaved(sent: Span, label: str, values: list[Span], current: list[Span],
                 ctx: DocContext | None = None) -> list[Span]:
    """"Trade with ASEAN was RMB10.12 billion, up 9.4%; the EU: RMB3.86 billion": n names,
    each written before its own amount, pair with the n amounts in order. A known place the
    NER called LOCATION after "to", "from" or "with" ("and those from Singapore") is a
    partner name here, unless it is the reporting place."""
    if len(current) == len(values):
        return current
    names = [e for e in span_ents(sent) if e.label_ == label or (
        label == "PARTNER" and ctx is not None and foreign_place(e, ctx)
        and TO_PARTNER.search(doc_text(sent.doc)[max(0, e.start_char - 12): e.start_char]))]
    names = split_places(names) if label == "PARTNER" else names
    if label == "PERIOD":
        names = [e for e in names if not is_comparison_base(e)]
    if len(names) != len(values):
        return current
    for k, (name, value) in enumerate(zip(names, values)):
        if name.start >= value.start or (k + 1 < len(values) and value.start >= names[k + 1].start):
            return current
    return names


def adjacent_names(sent: Span, label: str, values: list[Span], current: list[Span]) -> list[Span]:
    """"of which, laptops 13.26 billion yuan and mobile phones 9.71 billion yuan": n names of
    ``label`` each written right before its own amount (nothing but a colon, a dash or white
    space between) pair with the n amounts, whatever else the sentence names."""
    if len(current) == len(values):
        return current
    text = doc_text(sent.doc)
    by_end = {e.end_char: e for e in span_ents(sent) if e.label_ == label}
    found = []
    for value in values:
        before = text[max(0, value.start_char - 8): value.start_char]
        name = by_end.get(value.start_char - (len(before) - len(before.rstrip(" \t:：-–—"))))
        if name is None:
            return current
        found.append(name)
    return found if len({e.start for e in found}) == len(found) else current


def respective_lists(head: Head, sent: Span, n: int, partners: list[Span],
                      products: list[Span], growths: list[Span], year: int | None,
                      ctx: DocContext):
    """In a "respectively" sentence with ``n`` figures, a list of exactly ``n`` partners,
    products or growth rates in the sentence is the list that distributes, whatever the
    relation scores say of its single members."""
    ents = span_ents(sent)

    def exact(label: str, current: list[Span], keep=lambda e: True) -> list[Span]:
        found = [e for e in ents if e.label_ == label and keep(e)]
        if label == "PARTNER":
            found = split_places(found)
            if len(found) != n:
                found = coordinated_partners(sent, found, ctx)
            if len(found) > n:  # "Among ASEAN members, trade with A, B and C stood at ..."
                runs = [run for run in coordinated_runs(found) if len(run) == n]
                found = runs[0] if len(runs) == 1 else found
        if len(found) != n and label != "PERCENT" and until is not None:
            # "Ferrous metals and copper made up 41.6% and 22.9% of exports respectively,
            # while coal ...": the list is the one written before "respectively"
            found = [e for e in found if e.end_char <= until]
        return found if len(current) != n and len(found) == n else current

    m = RESPECTIVELY.search(span_text(sent))
    until = sent.start_char + m.start() if m is not None else None
    partners = exact("PARTNER", partners)
    products = exact("PRODUCT", products)
    growths = exact("PERCENT", growths, lambda e: percent_cue(e) == "GROWTH"
                    and growth_of(e, sent, year) is not None)
    return partners, products, growths


def respective_places(sent: Span, n: int, ctx: DocContext) -> list[str]:
    """"Rui'an City and Yueqing City ... shipped goods worth 42.6 billion yuan and 38.9
    billion yuan respectively": n reporting places of the home country for n figures. The
    places written before "respectively" are tried first ("..., with Lishui the fastest"
    names a listed place again), then all of the sentence's."""
    m = RESPECTIVELY.search(span_text(sent))
    if m is not None:
        names = _respective_places(sent, n, ctx, sent.start_char + m.end())
        if names:
            return names
    return _respective_places(sent, n, ctx, sent.end_char)


def _respective_places(sent: Span, n: int, ctx: DocContext, end: int) -> list[str]:
    home = lookup(ctx.place) if ctx.place else None
    names = []
    ents = [e for e in span_ents(sent) if e.start_char < end]
    for ent in ents:
        place = lookup(ent.text) if ent.label_ == "LOCATION" and not is_descriptive(ent) else None
        if place and home and place.kind != "country" and place.country == home.country:
            names.append(place.name)
    if len(names) != n:  # the NER may have missed some: the gazetteer's, of this sentence
        names = [place.name for start, _, place in gazetteer_mentions(sent)
                 if home and place.kind != "country" and place.country == home.country and start < end]
    if len(names) != n:  # "Yueqing City": a county-level city the gazetteer may lack
        names = [canonical_place(m.group(0)) or m.group(1)
                 for m in _ADMIN_NAME.finditer(doc_text(sent.doc), sent.start_char, end)]
    if len(names) != n and home is not None:
        # "Wenling, Linhai and Yuhuan posted exports of ...": places the NER found, of the
        # home country or unknown to the gazetteer (county-level cities, districts)
        names = [canonical_place(e.text) or e.text for e in ents
                 if e.label_ == "LOCATION" and e.text[:1].isupper() and not is_descriptive(e)
                 and _home_or_unknown(lookup(e.text), home)]
        if len(names) == n + 1 and ctx.place in names:  # "Taizhou's counties A, B and C"
            names.remove(ctx.place)
    return names if len(names) == n and len(set(names)) == n else []


def interleaved_places(sent: Span, values: list[Span], ctx: DocContext) -> list[str]:
    """"Tangshan ranked first with foreign trade of A; Shijiazhuang, second, reached B; and
    Baoding came third at C": n places of the home country (tagged, or gazetteer names the
    NER missed), each written before its own amount, are the places of the n amounts."""
    home = lookup(ctx.place) if ctx.place else None
    if home is None:
        return []
    found = []
    for e in span_ents(sent):
        if e.label_ == "LOCATION" and not is_descriptive(e):
            name = canonical_place(e.text) or (e.text if e.text[:1].isupper() else None)
            if name is None or not _home_or_unknown(lookup(e.text), home):
                return []
            found.append((e.start_char, name))
    tagged = {start for start, _ in found}
    found += [(start, place.name) for start, _, place in gazetteer_mentions(sent)
              if start not in tagged and place.kind != "country" and place.country == home.country]
    found.sort()
    if len(found) != len(values) or len({name for _, name in found}) != len(found):
        return []
    for k, ((start, _), value) in enumerate(zip(found, values)):
        if start >= value.start_char or (k + 1 < len(found) and value.start_char >= found[k + 1][0]):
            return []
    return [name for _, name in found]


def _home_or_unknown(place, home) -> bool:
    return place is None or (place.kind not in ("country", "bloc", "grouping")
                             and place.country == home.country)


def respective_periods(sent: Span, n: int) -> list[Span]:
    """"By quarter, trade in Q1, Q2, Q3 and Q4 was A, B, C and D respectively": n periods
    in a "respectively" sentence with n figures, one each."""
    found = [e for e in span_ents(sent) if e.label_ == "PERIOD" and not is_comparison_base(e)]
    if len(found) != n:  # "in Q1, Q2 and Q3 of 2023": the year is the list's, not a member
        found = [e for e in found if not _YEAR.fullmatch(e.text.strip())]
    return found if len(found) == n and len({e.text.lower() for e in found}) == n else []


_YEAR = re.compile(r"(?:19|20)\d\d")
_ADMIN_NAME = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:City|County|District)\b")
