"""What "the port", "the district" or "the county" stands for: the nearest place named before
it of that kind.

A customs release names "Gongbei Customs district" once and then writes "the district" a
dozen times; a port story writes "the port" after "Manzhouli Port", while the article's most
mentioned place may be the province around it. An anaphor with a noun takes the last place of
its kind named before it in its paragraph, else anywhere before it; "its" takes a place named
before it in its own sentence, and "Its" opening a sentence the first of the sentence before.
Names the NER missed count too: gazetteer names and names with a designator ("Deqing County",
"the Port of El Paso").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..normalize.place import canonical_place, lookup
from .docindex import doc_ents, doc_text, memo, sentence_starts

# the noun an anaphor ends in, and the kinds of place it can stand for
NOUN_KINDS = {
    "city": {"city", "municipality", "county"},
    "province": {"province", "autonomous region", "municipality", "subdivision"},
    "region": {"autonomous region", "province", "special administrative region", "economic region"},
    "country": {"country"}, "nation": {"country"},
    "state": {"subdivision"},
    "port": {"port"}, "district": {"district"}, "county": {"county"},
    "prefecture": {"prefecture"}, "zone": {"zone"}, "area": {"zone", "district"},
    "sar": {"special administrative region"},
}

_ANAPHOR = re.compile(r"(?:the|its|our|this|that)\s+(?:[a-z-]+\s+){0,2}?(city|province|region|"
                      r"country|nation|state|port|district|county|prefecture|zone|area|sar)"
                      r"(?:[’']s)?", re.I)

_POSSESSIVE = re.compile(r"(?:its|their)", re.I)

# a name the gazetteer may lack, written with what it is
_DESIGNATED = re.compile(r"\b(?:[Tt]he\s+)?(?:(?P<port_of>Port of (?:[A-Z][\w'’-]+\s?){1,3})|"
                         r"(?P<name>(?:[A-Z][\w'’-]+\s){1,3})(?P<noun>Customs [Dd]istrict|"
                         r"Customs [Aa]rea|Port(?!\s+(?:Area|Zone|Customs|Authority|Group|City|Office))|County|District|New Area|Prefecture|"
                         r"Free Trade Zone|Bonded Zone|Comprehensive Bonded Zone|SAR)\b)")

_DESIGNATOR_AFTER = re.compile(r"\s+(?:Customs [Dd]istrict|Customs [Aa]rea|Port|County|District|"
                               r"New Area|Prefecture)\b")

_NAME_KINDS = (("customs district", "district"), ("customs area", "district"),
               (" port", "port"), ("port of ", "port"), (" county", "county"),
               (" district", "district"), (" new area", "zone"), (" zone", "zone"),
               (" prefecture", "prefecture"), (" sar", "special administrative region"))


def kind_of_name(name: str, listed: str | None = None) -> str | None:
    """The kind a place's name says ("Manzhouli Port" is a port), else the gazetteer's."""
    low = f" {name.lower()}"
    for word, kind in _NAME_KINDS:
        if word in low:
            return kind
    return listed


def named_places(doc: Doc) -> list[tuple[int, str, str, bool]]:
    """(start char, name, kind, side) of the places the text names, in order: LOCATION
    mentions that are names, and designated names the NER missed. ``side`` marks a mention
    in some other role than the trade's owner ("capital of Shaanxi Province")."""
    return memo(doc, "named places", _named_places)


def _named_places(doc: Doc) -> list[tuple[int, str, str, bool]]:
    from .places import (gazetteer_mentions, is_side_mention, is_side_mention_at, port_text,
                         unlisted_place)  # places imports this module
    found: dict[int, tuple[int, str, str | None, bool]] = {}
    tagged = set()
    for ent in doc_ents(doc):
        if ent.label_ != "LOCATION":
            if ent.label_ == "PARTNER":
                tagged.update(range(ent.start_char, ent.end_char))
            continue
        tagged.update(range(ent.start_char, ent.end_char))
        text = port_text(doc, ent.text, ent.end_char)
        place = lookup(text)
        name = canonical_place(text) or unlisted_place(ent)
        if name is None:
            continue
        after = _DESIGNATOR_AFTER.match(doc_text(doc)[ent.end_char: ent.end_char + 30])
        kind = kind_of_name(name + (after.group(0) if after else ""), place.kind if place else None)
        found[ent.start_char] = (ent.start_char, name, kind, is_side_mention(doc, ent))
    for start, _, name, kind in designated_names(doc):
        found.setdefault(start, (start, name, kind, False))
    for start, end, place in gazetteer_mentions(doc):
        # names the NER missed ("Yangtze River Delta") may stand behind "the region"; not
        # behind "its", and not in the role of a partner or a source
        if start not in tagged and start not in found and not is_side_mention_at(doc, start, end):
            found[start] = (start, place.name, place.kind, True)
    return sorted(found.values())


def designated_names(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, name, kind) of names with a designator that the NER did not mark:
    "Gongbei Customs district", "the Port of El Paso", "Deqing County"."""
    return memo(doc, "designated names", _designated_names)


def _designated_names(doc: Doc) -> list[tuple[int, int, str, str]]:
    tagged = {i for ent in doc_ents(doc) if ent.label_ in ("LOCATION", "PARTNER")
              for i in range(ent.start_char, ent.end_char)}
    out = []
    for m in _DESIGNATED.finditer(doc_text(doc)):
        start = m.start("port_of") if m.group("port_of") else m.start("name")
        if any(i in tagged for i in range(start, m.end())):
            continue  # the NER marked the name, or a part of it
        if m.group("port_of"):
            name = f"{m.group('port_of')[8:].strip()} Port"
        else:
            head, noun = m.group("name").strip(), m.group("noun")
            place = lookup(head)
            if place is not None and place.kind == "country":
                continue  # "China Customs", "Korea Customs Service"
            name = f"{head} Customs district" if noun.lower().startswith("customs") else \
                f"{head} {noun}" if noun in ("Port", "Free Trade Zone", "Bonded Zone",
                                             "Comprehensive Bonded Zone") else head
        out.append((start, m.end(), name, kind_of_name(m.group(0))))
    return out


def _by_kind(doc: Doc) -> dict[str | None, tuple[list[int], list[str]]]:
    """The named places of each kind: (starts, names), in text order."""
    def build(d: Doc):
        out: dict[str | None, tuple[list[int], list[str]]] = {}
        for start, name, kind, _ in named_places(d):
            starts, names = out.setdefault(kind, ([], []))
            starts.append(start)
            names.append(name)
        return out
    return memo(doc, "named places by kind", build)


def _previous_owner(doc: Doc, places: list, k: int, token: int) -> str | None:
    """The place a sentence-initial "Its" stands for: the first place of the sentence before
    that is not named in some other role ("In Wuxi alone, exports reached ... Its shipments
    of modules ...", "Hefei, the provincial capital, contributed ... Its exports ...")."""
    starts = sentence_starts(doc)
    end = token
    while end > 0 and doc[starts[end - 1]: end].text.isspace():
        end = starts[end - 1]  # blank lines between the two sentences
    if end == 0:
        return None
    first = doc[starts[end - 1]].idx
    if doc[token].idx - first > _PREVIOUS_SENTENCE_CHARS:
        return None
    i = bisect_left(places, (first,))
    while i < k and places[i][0] < doc[token].idx:
        start, name, _, side = places[i]
        if not side or _TOPIC.fullmatch(doc_text(doc)[first: start]):
            return name
        i += 1
    return None


# words before a place that opens its sentence as its topic: "In Wuxi alone", "For Germany,"
_TOPIC = re.compile(r"\W*(?:(?:In|For|At|As for|Meanwhile,? in)\s+(?:the\s+)?)?")


_PREVIOUS_SENTENCE_CHARS = 600


# nouns that fall back on the article's place of their kind when their paragraph names none
_ARTICLE_NOUNS = {"city", "province", "region", "country", "nation", "state"}


def antecedent(doc: Doc, span: Span, paragraph_start: int) -> str | None:
    """The place an anaphor ("the port", "the northern province", "its") stands for, or None
    when nothing before it fits. A bisection per kind, not a scan: long pages write "the
    city" hundreds of times."""
    text = span.text.strip()
    if _POSSESSIVE.fullmatch(text):  # "Kunming, the provincial capital, saw its trade rise"
        places = named_places(doc)
        starts = sentence_starts(doc)
        sentence_start = doc[starts[span.start]].idx
        k = bisect_left(places, (span.start_char,))
        for i in range(k - 1, -1, -1):
            start, name, _, side = places[i]
            if start < sentence_start:
                break
            if not side:
                return name
        if starts[span.start] == span.start and text[0].isupper():
            return _previous_owner(doc, places, k, span.start)
        return None
    m = _ANAPHOR.fullmatch(text)
    if m is None:
        return None
    noun = m.group(1).lower()
    nearest = None  # (start, name) of the last place of a fitting kind before the anaphor
    for kind, (starts, names) in _by_kind(doc).items():
        if kind in NOUN_KINDS[noun]:
            k = bisect_left(starts, span.start_char)
            if k and (nearest is None or starts[k - 1] > nearest[0]):
                nearest = (starts[k - 1], names[k - 1])
    if nearest is None:
        return None
    return nearest[1] if nearest[0] >= paragraph_start or noun not in _ARTICLE_NOUNS else None
