"""Which partner a figure is with, where the relation scores alone do not say: partners
named by description ("the neighbouring country"), "bilateral" trade, places the NER called
LOCATION that stand in a list of partners, partners a figure is ranked against, and partners
each followed by their own rate."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..facts import TradeFact
from ..normalize.place import canonical_place, demonym_place, lookup
from .context import DocContext
from .docindex import doc_text, ents_before, sentence_span, span_ents, span_text
from .slots import NOT_GOODS_AFTER_NATIONALITY, place_name


def foreign_place(ent: Span, ctx: DocContext) -> bool:
    """A mention the NER called LOCATION that names a known place other than the reporting
    one: in a list of partners ("Vietnam, Thailand and Indonesia were the top markets"), it
    stands for a partner."""
    return ent.label_ == "LOCATION" and lookup(ent.text) is not None \
        and canonical_place(ent.text) not in (None, ctx.place)


def partner_rate_list(partners: list[Span], rates: list[Span], groups: list) -> dict | None:
    """"exports to Taiwan rose 7.1%, to Vietnam 5.2% and to Macao 8.9%, the latter reaching
    HK$47.3 billion": partners each followed by their own rate, and fewer amounts, make one
    fact per partner; an amount goes to the partner last named before it. Returns
    {partner index: value group}, or None when the sentence is not such a list."""
    n = len(rates)
    if not groups or n < 2 or len(partners) != n or len(groups) >= n:
        return None
    for k in range(n):
        if not partners[k].end <= rates[k].start or (k + 1 < n and rates[k].end > partners[k + 1].start):
            return None
    slots = {}
    for group in groups:
        k = max((i for i in range(n) if partners[i].end <= group[1].start), default=None)
        if k is None or k in slots:
            return None
        slots[k] = group
    return slots


BILATERAL = re.compile(r"\b(?:bilateral|(?:the|our) two (?:countries|sides|nations|economies|"
                        r"neighbou?rs)|both (?:sides|countries))\b", re.I)
# "Two-way trade reached $244.8 billion" in an article on China-Russia trade
TWO_WAY = re.compile(r"\btwo-way\b", re.I)
# the largest economy of a region, in the years the corpus covers (2019-2025)
_REGIONAL_ECONOMIES = {"Europe": "Germany", "Latin America": "Brazil", "Southeast Asia": "Indonesia"}
_REGIONAL_ECONOMY = r"(?:" + "|".join(_REGIONAL_ECONOMIES) + r")'s (?:largest|biggest) economy"

# The partner of a bilateral article named by description: "exports to the Asian country",
# "a deficit with the neighbouring country", "imports from the bloc", "to Europe's largest
# economy". A bare "the country" or "the region" is more often the reporting place, and is left
# alone. "exports to the Kingdom": a title, written with a capital.
_PARTNER_ANAPHOR = re.compile(
    r"\b(?:to|from|with)\s+(?:the|this|that)\s+(?:(?:(?:Asian|European|African|Gulf|Arab|Latin "
    r"American|South American|North American|Southeast Asian|Central Asian|East Asian|Nordic|Baltic|"
    r"Balkan|Caribbean|Pacific|neighbou?ring|northern|southern|eastern|western|island|landlocked)\s+"
    r"(?:country|nation|economy|state|kingdom|republic|neighbou?r|giant|powerhouse))|"
    r"(?:\d+|\w+)-(?:member|nation|country)\s+(?:bloc|grouping|union|group)|bloc|grouping|"
    r"People's Republic|[Kk]ingdom|[Ee]mirates?|[Ss]ultanate|world's (?:second|third)?-?largest "
    r"economy)\b|\b(?:to|from|with)\s+" + _REGIONAL_ECONOMY + r"\b")


# descriptions that name one economy in the years the corpus covers (2019-2025)
_ECONOMY_BY_SIZE = [(re.compile(r"world's (?:second|No\.?\s?2)[- ]?largest economy", re.I), "China"),
                    (re.compile(r"world's (?:largest|biggest) economy", re.I), "United States")] + [
    (re.compile(rf"{region}'s (?:largest|biggest) economy", re.I), name)
    for region, name in _REGIONAL_ECONOMIES.items()]


# "a surplus of US$40.3 billion with its largest trading partner"
_TOP_PARTNER = re.compile(
    r"\b(?:to|from|with)\s+(?:its|their|the (?:country|city|province|nation|region)[’']s)\s+"
    r"(?:(?:largest|biggest|main|top|leading|number-one|No\.\s?1|single largest|most important)\s+)"
    r"(?:(?:trading|trade|export|import)\s+)?(?:partner|market|supplier|customer|buyer|destination|source)\b",
    re.I)


# the same descriptions when the NER tagged them as PARTNER: "the 10-member bloc", "its
# largest partner"
_DESCRIPTION = re.compile(r"(?:the|its|their|this|that)\s+(?:(?-i:[a-z0-9][\w-]*)\s+){0,3}(?:bloc|union|"
                          r"grouping|group|countr(?:y|ies)|nations?|kingdom|republic|neighbou?rs?|"
                          r"econom(?:y|ies)|partners?|markets?|continent|giant)", re.I)


# "trade between Germany and China", "China-Africa trade", "Sino-US trade"
_NAME = r"(?:the\s+)?(?-i:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})"
_PAIR = re.compile(r"\bbetween\s+(?P<a>" + _NAME + r")\s+and\s+(?P<b>" + _NAME + r")|"
                   r"\b(?P<c>(?-i:[A-Z][a-z]+|Sino|US|EU|UK))-(?P<d>(?-i:[A-Z][A-Za-z]+|US|EU|UK))\s+"
                   r"(?:(?:bilateral|economic|and\s+economic|goods)\s+)?(?:trade|commerce)\b", re.I)
_SINO = {"sino": "China"}


def pair_partner(sent: Span, location: str | None) -> str | None:
    """The other member of a named pair that holds the fact's place: "traded between Germany
    and China" in an article about Germany is with China."""
    if location is None:
        return None
    for m in _PAIR.finditer(span_text(sent)):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        names = [_SINO.get(x.lower()) or canonical_place(x) for x in (a, b)]
        if None not in names and location in names and names[0] != names[1]:
            return names[1] if names[0] == location else names[0]
    return None


def is_description(text: str) -> bool:
    return bool(_DESCRIPTION.fullmatch(text.strip()))


# "a deficit with the Chinese side", "sales to the Chinese market", "to African buyers"
_NATIONAL_SIDE = re.compile(r"\b(?:to|from|with)\s+(?:the\s+)?(?P<adj>[A-Z][a-z]+)\s+(?:side|market|"
                            r"buyers|customers|consumers|importers)\b")


def described_partner(sent: Span, location: str | None, ctx: DocContext) -> str | None:
    """The partner behind "the neighbouring country" or "its largest trading partner": the
    last partner named before it, in its sentence or the one before, else the article's main
    partner. "The Chinese side", "the Chinese market" and "African buyers" are China's and
    Africa's."""
    for side in _NATIONAL_SIDE.finditer(span_text(sent)):
        place = demonym_place(side.group("adj"))
        if place is not None and place.name != location:
            return place.name
    m = _PARTNER_ANAPHOR.search(span_text(sent)) or _TOP_PARTNER.search(span_text(sent))
    if m is None:
        return None
    for pattern, name in _ECONOMY_BY_SIZE:
        if pattern.search(m.group(0)) and name != location:
            return name  # "sales to the world's second-largest economy": China, named or not
    kinds = BLOC_KINDS if names_a_bloc(m.group(0)) else None
    return partner_named_before(sent, sent.start_char + m.start(), location, ctx, kinds) or \
        ctx.main_partner


# "exports to the bloc", "the 27-member union": only a bloc or grouping can stand behind it
_BLOC_NOUN = re.compile(r"\b(?:bloc|grouping|union)$", re.I)
BLOC_KINDS = frozenset({"bloc", "grouping"})


def names_a_bloc(description: str) -> bool:
    """Whether a partner description ends in a bloc noun ("to the bloc")."""
    return bool(_BLOC_NOUN.search(description))


def is_bloc(span: Span) -> bool:
    """Whether ``span`` names a bloc or grouping of the gazetteer ("ASEAN", "the EU")."""
    place = lookup(span.text)
    return place is not None and place.kind in BLOC_KINDS


# "purchases of German goods", "imported 60.9 million tonnes of Brazilian soybeans", "brought
# in Kazakh wheat" (not "in Japanese yen")
_OF_DEMONYM = re.compile(r"\b(?:of|in)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
                         r"\s+(?=[a-z])(?!" + NOT_GOODS_AFTER_NATIONALITY + ")")


def demonym_partner(sent: Span, head: Span, location: str | None) -> str | None:
    """The seller of imports named by a nationality adjective on the goods ("purchases of
    German goods slipped 3.8%"), when no partner is written; None if the adjective is the
    reporting place's own ("imports of Chinese-made parts" in a Chinese release)."""
    text = doc_text(sent.doc)[head.start_char: sent.end_char]
    home = lookup(location) if location else None
    for m in _OF_DEMONYM.finditer(text):
        place = demonym_place(m.group("adj"))
        if place is not None and place.kind == "country" and place.name != location and \
                (home is None or place.country != home.country):
            return place.name
    return None


def previous_sentence_start(sent: Span) -> int:
    """Where the sentence before ``sent`` starts (0 for the first): the window in which a
    figure's partner may have been named."""
    doc = sent.doc
    return sentence_span(doc, doc[sent.start - 1: sent.start]).start_char if sent.start else 0


def other_place(ent: Span, location: str | None, ctx: DocContext) -> str | None:
    """The canonical name of the place ``ent`` names, unless it is ``location`` itself."""
    name = canonical_place(ent.text) or place_name(ent, ctx)
    return name if name and name != location else None


def partner_named_before(sent: Span, at: int, location: str | None, ctx: DocContext,
                         kinds: frozenset | None = None) -> str | None:
    """The last known place other than ``location`` named before ``at``, in the sentence
    or the one before; only places of ``kinds`` when given."""
    doc = sent.doc
    since = previous_sentence_start(sent)
    for ent in reversed(ents_before(doc, at, since)):
        place = lookup(ent.text) if ent.label_ in ("PARTNER", "LOCATION") else None
        if place is not None and (kinds is None or place.kind in kinds):
            name = other_place(ent, location, ctx)
            if name:
                return name
    return None


# "exports to it rose 2.3%": "it" right after the flow word ("them" is the lists' reading)
_IT_AFTER = re.compile(r"^\s+(?:to|from|with)\s+it\b(?![’']s)")


def pronoun_partner(sent: Span, head: Span, location: str | None,
                    ctx: DocContext) -> str | None:
    """The partner behind "it" written right after the flow word ("imports from South Korea
    fell 8.1%, and exports to it rose 2.3%"): the last place other than the fact's own named
    before, in the sentence or the one before."""
    if not _IT_AFTER.match(doc_text(sent.doc)[head.end_char: head.end_char + 20]):
        return None
    return partner_named_before(sent, head.start_char, location, ctx)


# "trade with the five Central Asian countries", "exports to the 10-member Association of
# Southeast Asian Nations": a name right after the flow word's preposition, up to its verb
_NAMED_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:with|to|from)\s+(?P<name>(?:the\s+)?(?:[\w-]+\s+)?"
                          r"(?:(?-i:[A-Z])|non-)[\w'’.-]*(?:\s+(?:of\s+|and\s+)?(?-i:[A-Z]?)[\w'’.-]+){0,5})")
_GROUP_KINDS = frozenset({"bloc", "grouping", "region"})


def unlabelled_partner(sent: Span, head: Span, location: str | None, ctx: DocContext) -> str | None:
    """A partner named right after the flow word that no relation links to it. A PARTNER
    the NER found there ("The trade balance with non-EU countries showed a deficit") is that
    partner. Else a bloc, grouping or region the NER left unlabelled ("Trade with the five
    Central Asian countries jumped 30.5 percent"): the longest run of the words after "with",
    "to" or "from" that the gazetteer knows as one. Unlabelled countries are left alone: their
    names are also reporting places and people's names."""
    doc = sent.doc
    m = _NAMED_AFTER.match(doc_text(doc)[head.end_char: min(sent.end_char, head.end_char + 100)])
    if m is None:
        return None
    start = head.end_char + m.start("name")
    named = [e for e in span_ents(sent) if e.label_ in ("PARTNER", "LOCATION")
             and e.start_char < head.end_char + m.end() and e.end_char > start]
    if named:
        first = named[0]
        return other_place(first, location, ctx) if first.label_ == "PARTNER" and \
            first.start_char == start else None
    words = m.group("name").split()
    for n in range(len(words), 0, -1):
        place = lookup(" ".join(words[:n]))
        if place is not None and place.kind in _GROUP_KINDS and place.name != location:
            return place.name
    return None


# "The trade balance with non-EU countries showed a deficit of €3.5 billion": the partner of
# the balance the deficit is
_BALANCE_WITH = re.compile(r"\b(?:trade\s+)?(?:balance|gap|position)\s+with\s+$", re.I)
_BALANCE_VERB = re.compile(r"^\s+(?:showed|shows|was|is|recorded|records|posted|registered|stood at|came to|"
                           r"turned into|swung to|moved to|ended (?:in|with))\s+(?:a\s+|an\s+)?"
                           r"(?:\w+\s+){0,2}$", re.I)


def balance_partner(sent: Span, head: Span, location: str | None, ctx: DocContext) -> str | None:
    """The partner of "the trade balance with X" whose surplus or deficit ``head`` names."""
    doc = sent.doc
    text = doc_text(doc)
    for ent in reversed(ents_before(doc, head.start_char, sent.start_char)):
        if ent.label_ != "PARTNER":
            continue
        if _BALANCE_WITH.search(text[max(sent.start_char, ent.start_char - 30): ent.start_char]) and \
                _BALANCE_VERB.match(text[ent.end_char: head.start_char]):
            return other_place(ent, location, ctx)
        return None
    return None


# "The resulting deficit of $8.2 billion", "..., leaving a surplus of $13.4 billion": a balance
# worked out from the exports and imports just stated
_RESULTING = re.compile(r"\b(?:resulting|leaving|left|leaves|result(?:ed)?\s+in|giving|gave)\s+"
                        r"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?$", re.I)


def resulting_balance_partner(sent: Span, head: Span, location: str | None,
                              ctx: DocContext) -> str | None:
    """The partner of a balance worked out from the figures just before it ("Exports to China
    rose 12% ... imports from China grew 4%. The resulting surplus of $13.4 billion"): the one
    partner those figures name, in the sentence or the one before; None when they name two."""
    doc = sent.doc
    if not _RESULTING.search(doc_text(doc)[max(sent.start_char, head.start_char - 60): head.start_char]):
        return None
    since = previous_sentence_start(sent)
    names = set()
    for ent in ents_before(doc, head.start_char, since):
        if ent.label_ == "PARTNER" and lookup(ent.text) is not None:
            name = other_place(ent, location, ctx)
            if name:
                names.add(name)
    return names.pop() if len(names) == 1 else None


# "with India and Japan next", "Japan came second"
RANKED_NEXT = re.compile(r"^(?:\s*(?:,|and)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*\s+(?:next|close "
                         r"behind|(?:came|ranked|were|was)\s+(?:next|second|third))\b")
RANKED_AGAINST = re.compile(r"\b(?:ahead of|followed by|behind|trailed by|than|after|"
                             r"overtaking|surpassing)\s+(?:the\s+)?$", re.I)
TO_PARTNER = re.compile(r"\b(?:to|from|with)\s+(?:the\s+)?$", re.I)


_COORDINATION = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def coordinated_partners(sent: Span, partners: list[Span], ctx: DocContext) -> list[Span]:
    """The partners with the known places the NER called LOCATION written in one list with
    them: "Shipments to [India]{PARTNER} and [Japan]{LOCATION} fell, by 2.5% and 3.8%
    respectively"."""
    text = doc_text(sent.doc)
    ents = [e for e in span_ents(sent) if e.label_ in ("PARTNER", "LOCATION")]
    listed = {e.start for e in partners}
    grown = True
    while grown:
        grown = False
        for a, b in zip(ents, ents[1:]):
            if (a.start in listed) != (b.start in listed) and \
                    _COORDINATION.match(text[a.end_char: b.start_char]):
                other = b if a.start in listed else a
                if foreign_place(other, ctx):
                    listed.add(other.start)
                    grown = True
    return [e for e in ents if e.start in listed]


def coordinated_runs(spans: list[Span]) -> list[list[Span]]:
    """``spans`` cut into runs written as one list ("A, B and C"), in text order."""
    text = doc_text(spans[0].doc) if spans else ""
    runs: list[list[Span]] = []
    for span in spans:
        if runs and _COORDINATION.match(text[runs[-1][-1].end_char: span.start_char]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


_WORLD_WORDS = re.compile(r"\b(?:total|overall|worldwide|global|all\s+(?:destinations|markets|sources))\b",
                          re.I)


def other_way_partner(pairs: list[tuple], ctx: DocContext) -> list[tuple]:
    """"The EU's imports of goods from China fell 17.7% to €514.4bn last year and exports
    slipped 3.1% to €223.5bn": in an article about one partner, the other way's figure in the
    same sentence is with that partner too, when the sentence names no other partner and no
    whole ("total exports")."""
    if ctx.main_partner is None:
        return pairs
    out = list(pairs)
    # the facts of each sentence with the main partner, as read so far: one look-up per fact
    with_partner: dict[int, list[TradeFact]] = {}
    for i, (fact, shape) in enumerate(out):
        if not isinstance(fact, TradeFact) or fact.evidence is None:
            continue
        if fact.partner is None and fact.flow in ("export", "import") \
                and not _WORLD_WORDS.search(fact.evidence.text) and any(
                f.flow in ("export", "import") and f.flow != fact.flow and f.location == fact.location
                and f.product == fact.product for f in with_partner.get(fact.evidence.start_char, ())):
            fact = replace(fact, partner=ctx.main_partner)
            out[i] = (fact, shape)
        if fact.partner == ctx.main_partner:
            with_partner.setdefault(fact.evidence.start_char, []).append(fact)
    return out


# "• Africa: exports R34.82 billion (27.5% of the total), imports R11.47 billion": a line
# labelled with a partner
# (a list of figures after the colon, not a sentence: "Taiwan: Exports rose 2.3%" in a round-up
# is Taiwan's own)
_LINE_LABEL = re.compile(r"^[\W\d]*(?:the\s+)?([A-Z][\w .'’&-]{1,40}?)\s*:\s*(?:total\s+|two-way\s+)?"
                         r"(?:exports?|imports?|trade|turnover)\s*(?:of\s+)?[^\s\w]{0,4}\s?[A-Z]{0,3}\$?\d",
                         re.I)


def line_label_partner(pairs: list[tuple], ctx: DocContext) -> list[tuple]:
    """Facts with no partner on a line labelled with a foreign country, region or bloc take it
    as their partner."""
    out = list(pairs)
    for i, (fact, shape) in enumerate(out):
        if not isinstance(fact, TradeFact) or fact.partner is not None or fact.evidence is None:
            continue
        m = _LINE_LABEL.match(fact.evidence.text)
        place = lookup(m.group(1)) if m else None
        if place is None or place.name in (fact.location, ctx.place) or \
                place.kind not in ("country", "region", "bloc", "grouping") or \
                (place.country is not None and place.country == ctx.place_country):
            continue
        out[i] = (replace(fact, partner=place.name), shape)
    return out
