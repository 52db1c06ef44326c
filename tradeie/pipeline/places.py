"""Which place an article reports on: weighing the place mentions of a document.

A mention counts by where it stands and what the words around it say: in the headline, as
the owner of the trade ("Viet Nam's exports"), as the other side ("exports to China"), as
the base of a share, a source ("Hangzhou Customs") or a dateline, or only describing another
place ("East China's Zhejiang"). Names the NER missed come from the gazetteer at half weight.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, LENGTH
from spacy.tokens import Doc, Span

from ..normalize.place import Place, canonical_place, demonym_place, lookup, may_start_a_name
from .anaphora import designated_names
from .boilerplate import doc_link_lists
from .docindex import doc_ents, doc_text, memo

LEAD_CHARS = 400

ANAPHOR_KINDS = {
    "province": {"province", "autonomous region", "municipality", "subdivision"},
    "state": {"subdivision"},
    "region": {"autonomous region", "province", "special administrative region", "economic region"},
    "city": {"city", "municipality"},
    "country": {"country"}, "nation": {"country"},
}


def main_partner(doc: Doc, place: str | None) -> str | None:
    """The partner a bilateral article is about ("China-Russia trade ... bilateral trade was"):
    the partner named in at least two of every five partner mentions, and at least twice."""
    names = Counter(canonical_place(e.text) for e in doc_ents(doc) if e.label_ == "PARTNER")
    names.pop(None, None)
    names.pop(place, None)
    if not names:
        return None
    name, count = names.most_common(1)[0]
    return name if count >= 2 and count >= 0.4 * sum(names.values()) else None


def reporting_place(doc: Doc) -> tuple[str | None, str | None, dict[str, str]]:
    """The most mentioned place (headline counting double), its country, and the most
    mentioned place of each kind ("the province" in a city article)."""
    counts, penalty, first, country, kinds = place_votes(doc)
    if not counts:
        return None, None, {}
    # at equal votes a place the gazetteer knows outranks a name only the NER vouches for,
    # once ("Values in US$ million" tagged as a place, level with the country named after it)
    once = Counter(unlisted_place(e) for e in doc_ents(doc) if e.label_ == "LOCATION" and
                   lookup(e.text) is None)
    ranked = sorted(counts, key=lambda n: (-(counts[n] - penalty[n]),
                                           once.get(n) == 1 and lookup(n) is None, first[n]))
    by_kind = {group: name for group in ANAPHOR_KINDS
               if (name := _best_of_kind(ranked, kinds, group)) is not None}
    # a place the gazetteer lacks ("Osaka Customs district") is in the country of the next
    # place that has one: "¥" there is yen
    home = next((country[n] for n in ranked if country.get(n)), None)
    return ranked[0], country[ranked[0]] or home, by_kind


def place_votes(doc: Doc) -> tuple[Counter, Counter, dict[str, int], dict[str, str | None],
                                   dict[str, str]]:
    """The weighed mentions of each place: (votes, votes against, first mention's offset,
    country, kind). ``reporting_place`` ranks them; kept apart so a vote can be inspected."""
    counts: Counter = Counter()
    penalty: Counter = Counter()
    first: dict[str, int] = {}
    country: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    doubtful = doubtful_names(doc)
    links = doc_link_lists(doc)
    elsewhere = (lambda start: any(a <= start < b for a, b in links)) if links else \
        (lambda start: False)  # "Related: Guangdong's exports climb 9.1%": another story
    text = doc_text(doc)
    speakers = [m.span() for m in _SPEAKER.finditer(text)] if ":" in text else []
    for ent in doc_ents(doc):
        if ent.label_ not in ("LOCATION", "PARTNER") or elsewhere(ent.start_char):
            continue
        if (speakers and _inside(speakers, ent.start_char)) or \
                _PERSON_BEFORE.search(text, max(0, ent.start_char - 80), ent.start_char):
            continue  # "LE VAN KHANH:", "Deputy Minister Le Van Khanh": a person, not Van
        place = lookup(ent.text) or demonym_place(ent.text)
        if place is None and ent.label_ == "LOCATION":
            place = _first_of_pair(ent.text)  # "China-U.S. trade": the first is the reporter
        if place is None:
            name = unlisted_place(ent) if ent.label_ == "LOCATION" else None
            if name is not None and name not in doubtful:  # "the Yangtze River Delta", a county
                counts[name] += _weight(doc, ent.start_char, ent.end_char)
                first.setdefault(name, ent.start_char)
                country.setdefault(name, None)
                kinds.setdefault(name, _designated_kind(doc, ent) or "region")
            continue
        start = ent.start_char
        region = compass_region(doc, start, ent.end_char)
        if region is not None:  # "the six provinces of central [China]"
            start, place = region
        name = place.name if region is not None else \
            canonical_place(port_text(doc, ent.text, ent.end_char)) or place.name
        if name in doubtful:
            continue
        owner = bool(_OWNER_AFTER.match(doc_text(doc)[ent.end_char: ent.end_char + 60]))
        if ent.label_ == "PARTNER" and not owner and region is None:  # a name the text trades
            # with is less likely the reporter; a compass region of the country is never a partner
            penalty[name] += 0.5 * _weight(doc, start, ent.end_char)
            continue  # ("Saudi Arabia's exports" is an owner, whatever the NER called it)
        counts[name] += _weight(doc, start, ent.end_char)
        first.setdefault(name, start)
        country[name] = place.country
        kinds[name] = _designated_kind(doc, ent) or kinds.get(name) or place.kind
    tagged = {i for ent in doc_ents(doc) for i in range(ent.start_char, ent.end_char)}
    for ent_start, ent_end, place in gazetteer_mentions(doc):
        if ent_start in tagged or elsewhere(ent_start):
            continue  # the NER saw it: counted above, or it is a partner
        # names the NER missed count half: the gazetteer does not know who trades with whom,
        # and a name the NER tagged only as a partner elsewhere is a partner here too
        text = port_text(doc, doc_text(doc)[ent_start: ent_end], ent_end)
        name = (canonical_place(text) if text.endswith("Port") else None) or place.name
        if penalty[name] and name not in counts:
            continue  # the NER called it the other side wherever it tagged it ("The U.S. share")
        weight = _weight(doc, ent_start, ent_end)
        owner = weight > (2.0 if ent_start < LEAD_CHARS else 1.0)  # "Yangtze River Delta trade"
        counts[name] += weight / (2 if counts and not owner else 1)
        first.setdefault(name, ent_start)
        country[name] = place.country
        kinds[name] = place.kind
    for ent_start, ent_end, place in _small_owners(doc, tagged):
        if elsewhere(ent_start):
            continue
        # "Deqing recorded a total import and export value of ...": a town too small for the
        # gazetteer fallback, named as the owner of the trade
        counts[place.name] += _weight(doc, ent_start, ent_end)
        first.setdefault(place.name, ent_start)
        country[place.name] = place.country
        kinds[place.name] = place.kind
    for ent_start, ent_end, name, kind in designated_names(doc):
        # "Huangpu Customs district": the designator says it is a place
        if elsewhere(ent_start):
            continue
        counts[name] += _weight(doc, ent_start, ent_end)
        first.setdefault(name, ent_start)
        country.setdefault(name, None)
        kinds.setdefault(name, kind)
    if counts:
        _anaphor_votes(doc, counts, penalty, first, kinds)
    return counts, penalty, first, country, kinds


# "the province", "this northern city": an anaphor that may stand for the article's place
_ARTICLE_ANAPHOR = re.compile(r"(?:the|this)\s+(?:[a-z-]+\s+){0,2}?(city|province|region|country|"
                              r"nation|state|municipality)(?:[’']s)?", re.I)

# "the region" of a regional round-up is the economic or autonomous region before a province
_FIRST_KINDS = {"region": {"autonomous region", "economic region", "special administrative region"}}


def _best_of_kind(ranked: list[str], kinds: dict[str, str], group: str) -> str | None:
    for allowed in (_FIRST_KINDS.get(group), ANAPHOR_KINDS[group]):
        match = next((n for n in ranked if allowed and kinds.get(n) in allowed), None)
        if match is not None:
            return match
    return None


def _anaphor_votes(doc: Doc, counts: Counter, penalty: Counter, first: dict[str, int],
                   kinds: dict[str, str]) -> None:
    """"The province's imports and exports", "the region's exports rose": an anaphor owning
    the trade presupposes the place the article is about. It votes for the leading place of
    its kind, so that "the province" makes Fujian outweigh a free trade zone named twice.
    Not for the place named before it in its line: one "the city" after "Chengdu" is too
    little to outweigh the city the article is about."""
    ranked = sorted(counts, key=lambda n: (-(counts[n] - penalty[n]), first[n]))
    votes: Counter = Counter()
    for ent in doc_ents(doc):
        if ent.label_ != "LOCATION":
            continue
        m = _ARTICLE_ANAPHOR.fullmatch(ent.text.strip())
        if m is None:
            continue
        noun = m.group(1).lower()
        name = _best_of_kind(ranked, kinds, "city" if noun == "municipality" else noun)
        weight = _weight(doc, ent.start_char, ent.end_char)
        if name is not None and weight > (2.0 if ent.start_char < LEAD_CHARS else 1.0):
            votes[name] += weight  # only as the owner: not "Erenhot, the region's gateway"
    counts.update(votes)


_DESIGNATOR = re.compile(r"\b(province|city|state|county|prefecture)\b", re.I)
_DESIGNATED = {"province": "province", "city": "city", "state": "subdivision",
               "county": "city", "prefecture": "city"}


def _designated_kind(doc: Doc, ent: Span) -> str | None:
    """The kind the text writes with the name: "Bac Ninh province" is a province, whatever
    else the gazetteer knows by that name."""
    m = _DESIGNATOR.search(ent.text) or _DESIGNATOR.match(doc_text(doc)[ent.end_char: ent.end_char + 12].lstrip())
    return _DESIGNATED[m.group(1).lower()] if m else None


_ANAPHOR_WORDS = {"city", "province", "region", "country", "nation", "port", "municipality",
                  "state", "island", "zone", "its", "this", "that", "here"}


def doubtful_names(doc: Doc) -> set[str]:
    """One-word names the gazetteer lacks (or knows only as a small town) that the text never
    uses as a place would: a common noun it also writes in lower case ("Manufacturing
    accounted for 94.1%" beside "manufacturing"), the end of a person's name ("Hu Kai:", Kai
    being a town in Japan) or a transcript's label ("Speaker: Zhou Lingyun") at every
    mention. The NER's LOCATION on them is a slip."""
    return memo(doc, "doubtful names", _doubtful_names)


def _doubtful_names(doc: Doc) -> set[str]:
    text = doc_text(doc)
    lower_words = set(re.findall(r"\b[a-z][a-z-]*\b", text))  # once, not a search per mention
    seen: dict[str, bool] = {}
    for ent in doc_ents(doc):
        if ent.label_ != "LOCATION" or len(ent) != 1:
            continue
        listed = lookup(ent.text)
        name = unlisted_place(ent) if listed is None else listed.name
        if name is None or listed is not None and (listed.kind != "city" or
                                                   listed.population >= MIN_FALLBACK_CITY):
            continue  # a country, a province, a large city: no slip
        before = text[max(0, ent.start_char - 30): ent.start_char]
        # a common noun the text also writes in lower case ("manufacturing"), or the end of a
        # person's name ("Hu Kai"; not "The Horgos port")
        common = listed is None and not lower_words.isdisjoint(_word_forms(name.lower()))
        person = re.search(r"\b(?!(?:The|In|At|From|To|And|But|For|On|By|With|As|Of)\s)[A-Z][a-z]+\s$",
                           before) is not None
        # a line's label ("Speaker: Zhou Lingyun", "Host:") in a transcript
        label = (ent.start_char == 0 or text[ent.start_char - 1] == "\n") and \
            text[ent.end_char: ent.end_char + 1] == ":"
        slip = common or person or label
        seen[name] = seen.get(name, True) and slip
    return {name for name, slip in seen.items() if slip}


def _first_of_pair(text: str):
    """The first of two known places joined by a hyphen ("China-U.S.", "China-Russia"), or
    None: news names the reporting side of a pair first ("China-U.S. trade came to ...")."""
    parts = text.split("-")
    if len(parts) != 2:
        return None
    first, second = (lookup(part.strip()) for part in parts)
    return first if first is not None and second is not None and first.name != second.name \
        else None


def _word_forms(word: str) -> set[str]:
    """The word, its plural and its singular: "Values" is a slip beside "value" too."""
    forms = {word, word + "s", word + "es"}
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def unlisted_place(ent: Span) -> str | None:
    """A LOCATION the gazetteer does not know, as a name: "Yangtze River Delta" from "the
    Yangtze River Delta's"; None for anaphors ("the northern province") and lower-case text."""
    text = re.sub(r"[’']s$", "", re.sub(r"^(?:the|our|this)\s+", "", ent.text.strip(), flags=re.I)).strip()
    if not text or not text[0].isupper() or len(text.split()) > 5 or \
            text.lower() in _ANAPHOR_WORDS or not any(c.islower() for c in text):
        return None
    return bare_name(text)


def bare_name(text: str) -> str:
    """A place name without the administrative word the schema drops: "Karaganda Region" ->
    "Karaganda", "Deqing County" -> "Deqing" (districts and zones keep theirs)."""
    return re.sub(r"(?<=[a-z])\s+(?:Region|Oblast|Province|County|Prefecture)$", "", text)


_PORT_AFTER = re.compile(r"^\s+(?:Railway\s+|Land\s+)?Port\b(?!\s+(?:Customs|Area|Zone|Authority|"
                         r"Group|Office|City|Bureau))")


_CUSTOMS_AFTER = re.compile(r"^\s+Customs\s+(?:[Dd]istrict|[Aa]rea)\b")
_PORT_BEFORE = re.compile(r"Port (?:of )?$")


def port_text(doc: Doc, text: str, end: int) -> str:
    """The mention with the "Port" or "Customs district" written after it, which the NER may
    leave out ("Qinzhou" of "Qinzhou Port", "Osaka" of "Osaka Customs district", "Laredo" of
    "Port Laredo"): a port's or a customs district's trade is not its city's."""
    after = doc_text(doc)[end: end + 30]
    if _PORT_AFTER.match(after):
        return f"{text} Port"
    start = end - len(text)
    before = _PORT_BEFORE.search(doc_text(doc), max(0, start - 8), start)
    if before is not None and text[:1].isupper() and \
            canonical_place(f"{before.group(0)}{text}") == f"{text} Port":
        return f"{text} Port"  # "Port Laredo", "the Port of El Paso" with only the city tagged
    return f"{text} Customs district" if _CUSTOMS_AFTER.match(after) else text


# What a zone, park or new area is called after its city's name, with up to four capitalised
# words between ("Chengdu Hi-tech Comprehensive Bonded Zone", "Suzhou Industrial Park").
_ZONE_AFTER = re.compile(
    r"(?:\s+(?:[A-Z][\w'’-]*|and)){0,4}?\s+(?:Comprehensive\s+Bonded\s+Zone|Bonded\s+(?:Zone|Port\s+Area)|"
    r"(?:Pilot\s+)?Free\s+Trade\s+(?:Zone|Port)|Export\s+Processing\s+Zone|Industrial\s+Park|"
    r"Development\s+Zone|New\s+Area|Hi-?[Tt]ech\s+Zone|High-[Tt]ech\s+Zone|Comprehensive\s+Pilot\s+Zone)"
    r"(?![\w-])(?!\s+(?:Customs|Administrative\s+Committee|Authority|Office|Bureau|Management))")


# a LOCATION that is only the designator of the name before it
_DESIGNATOR_ONLY = re.compile(r"Customs\s+(?:[Dd]istrict|[Aa]rea)|Port|County|District|Prefecture|"
                              r"New\s+Area|(?:International\s+)?Airport")


def _name_word(token) -> bool:
    return (token.is_title or token.is_upper) and token.is_alpha and not token.is_stop


def extend_zone_names(doc: Doc) -> None:
    """Stretch a LOCATION over the zone named after it: the NER often stops at the city
    ("Chengdu" of "Chengdu Hi-tech Comprehensive Bonded Zone") or inside the name ("Zhengzhou
    Airport Comprehensive" of "... Bonded Zone"). A zone's trade is a part of its city's, so
    the short span gives the zone's figures to the city, or drops the zone's own article as a
    sub-area breakdown of itself. A LOCATION that is only a designator joins the one before
    it ("Osaka" + "Customs district") or takes in the capitalised words the NER left before
    it ("Huangpu", "Kansai International" of "Airport"); in that last case the relations keyed
    by the designator's first token move to the name's."""
    text = doc_text(doc)
    ents = list(doc_ents(doc))
    changed = False
    for i in range(len(ents) - 2, -1, -1):  # "Osaka" + "Customs district": one name
        ent, nxt = ents[i], ents[i + 1]
        if ent.label_ == nxt.label_ == "LOCATION" and _DESIGNATOR_ONLY.fullmatch(nxt.text) and \
                not text[ent.end_char: nxt.start_char].strip():
            span = doc.char_span(ent.start_char, nxt.end_char, label="LOCATION")
            if span is not None:
                ents[i: i + 2] = [span]
                changed = True
    moved: dict[int, int] = {}
    for i, ent in enumerate(ents):  # "Huangpu" untagged before "Customs district": its name
        if ent.label_ == "LOCATION" and _DESIGNATOR_ONLY.fullmatch(ent.text):
            start = ent.start
            floor = ents[i - 1].end if i else 0
            while start > max(floor, ent.start - 3) and _name_word(doc[start - 1]):
                start -= 1
            if start < ent.start:
                ents[i] = Span(doc, start, ent.end, label="LOCATION")
                moved[ent.start] = start
                changed = True
    if moved and doc.has_extension("trade_relations") and doc._.trade_relations:
        # the relations to "Airport" are those of "Kansai International Airport" now
        doc._.trade_relations = {(moved.get(h, h), moved.get(c, c)): scores
                                 for (h, c), scores in doc._.trade_relations.items()}
    for i, ent in enumerate(ents):
        if ent.label_ != "LOCATION":
            continue
        m = _ZONE_AFTER.match(text, ent.end_char)
        if m is None:
            continue
        limit = ents[i + 1].start_char if i + 1 < len(ents) else len(text)
        span = doc.char_span(ent.start_char, m.end(), label=ent.label_)
        if span is None or m.end() > limit:
            continue  # a token or another entity inside the name: leave it
        ents[i] = span
        changed = True
    if changed:
        doc.ents = ents


# "central China", "northwestern China": regions whose provinces report together
_COMPASS = r"(?:[Cc]entral|[Ww]estern|[Nn]orth-?(?:east|west)(?:ern)?|[Ss]outh-?west(?:ern)?)"
_COMPASS_WORD = re.compile(_COMPASS + r"\s+$")
_COMPASS_REGION = re.compile(_COMPASS + r"\s+China")
# the lower-case words that begin a compass region's name, for the gazetteer scan
COMPASS_STARTS = {"central", "western", "northeast", "northeastern", "northwest", "northwestern",
                  "southwest", "southwestern"}


def compass_region(doc: Doc, start: int, end: int) -> tuple[int, Place] | None:
    """(start, Place) of the compass region a mention of a country ends ("central China"),
    when the word before it makes one the gazetteer knows; else None."""
    text = doc_text(doc)
    m = _COMPASS_WORD.search(text, max(0, start - 16), start)
    if m is None:
        return None
    place = lookup(text[m.start(): end])
    return (m.start(), place) if place is not None and place.kind == "economic region" else None


def _weight(doc: Doc, start: int, end: int) -> float:
    """How much a mention says "this is the place whose trade it is".

    A mention counts 1, twice in the headline. The words around it change that: the owner of
    the trade ("Viet Nam's exports", "Zhejiang posted foreign trade of") counts double; the
    other side ("exports to China", "trade with the US") and a source ("Hangzhou Customs
    said") count less; a dateline ("SEOUL, June 1 --", "HANOI —") names where the reporter
    sits, so it counts half."""
    text = doc_text(doc)
    weight = 2.0 if start < LEAD_CHARS else 1.0
    before, after = text[max(0, start - 25): start], text[end: end + 60]
    line_start = text.rfind("\n", 0, start) + 1
    if _DATELINE_HEAD.fullmatch(text[line_start:start]) and _DATELINE_TAIL.match(after):
        weight /= 2  # "HANOI —", and the province of "MANZHOULI, Inner Mongolia, April 18 --"
    if COMPASS_BEFORE.search(before) and re.match(r"[’']s\b", after):
        return 0.0  # "East China's Zhejiang Province": only says where Zhejiang lies
    if _COMPASS_REGION.fullmatch(text, start, end) and re.match(r"[’']s\s+[A-Z]", after):
        return 0.0  # the same, found whole: "central China's Hubei"
    if WHERE_BEFORE.search(before) and WHERE_AFTER.match(text, end):
        return 0.0  # "the busiest crossing on China's northern frontier saw its exports"
    if _PARTNER_AFTER.match(after):
        weight *= 0.3  # "China stays Viet Nam's biggest trading partner"
    elif _OWNER_BEFORE.search(before) and not _SHARE_CUE.search(text[max(0, start - 70): start]):
        # "foreign trade of the Yangtze River Delta" in the lead says whose the article is;
        # later, "by city, import and export of Nanchang" is one of its parts
        weight *= 2 if start < LEAD_CHARS else 1
    elif _SHARE_BASE_BEFORE.search(before):
        weight *= 0.5  # "10.6 percent of Zhejiang's total": the base of a share
    elif _OWNER_AFTER.match(after):
        weight *= 2
    elif _OTHER_SIDE_BEFORE.search(before):
        weight *= 0.3
    elif _SOURCE_AFTER.match(after):
        weight *= 0.5
    return weight


def is_side_mention(doc: Doc, ent: Span) -> bool:
    """True for a mention that names some other role than the trade's owner: the base of a
    share ("26.1% of the total of Shandong Province"), the other side, a source, a dateline,
    a place only locating another ("East China's Zhejiang")."""
    return is_side_mention_at(doc, ent.start_char, ent.end_char)


def is_side_mention_at(doc: Doc, start: int, end: int) -> bool:
    plain = 2.0 if start < LEAD_CHARS else 1.0
    return _weight(doc, start, end) < plain or \
        bool(_ROLE_OF.match(doc_text(doc)[end: end + 50]))


# "exports to China, Seoul's top trading partner": the place whose partner China is
_ROLE_OF = re.compile(r"^[’']s\s+(?:[\w-]+\s+){0,3}?(?:trading\s+)?(?:partner|market|supplier|"
                      r"buyer|destination|customer|source)s?\b", re.I)


_DATELINE_HEAD = re.compile(r"\s*(?:[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*,\s*)?")
_DATELINE_TAIL = re.compile(r"^\s*(?:[,|]\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)|[—–]|-{1,2}\s|\((?:Xinhua|"
                            r"Reuters|AFP|AP|Bernama|VNA|Yonhap|Kyodo|PTI|IANS|ANI|dpa|Bloomberg)\b)")

_OWNER_AFTER = re.compile(r"^(?:[’']s\s+(?:[\w-]+\s+){0,3}?(?:foreign\s+trade|trade|trading|exports?|imports?|"
                          r"total|surplus|deficit|merchandise|goods|two-way|overall|import|export)\b|"
                          r"\s+(?:SAR\s+)?(?:goods|merchandise|foreign|external)\s+trade\b|"
                          r"\s+(?:exported|imported|shipped|sold)\b|"
                          r"\s+(?:posted|reported|recorded|saw|registered|logged|achieved|realized|"
                          r"realised|posts|reports|records|sees|registers|logs|achieves|realizes|"
                          r"realises)\b)", re.I)  # headlines write the present: "Mexico registers"

COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|central|north-?east|north-?west|"
                             r"south-?east|south-?west|eastern|western|northern|southern)\s+$", re.I)

# "on China's northern frontier", "along Vietnam's coast", "at Russia's border": where a place
# lies, written with the country it lies in
WHERE_BEFORE = re.compile(r"\b(?:on|along|at|off|near)\s+(?:the\s+)?$", re.I)
WHERE_AFTER = re.compile(r"[’']s\s+(?:(?:far\s+)?(?:north|south|east|west|central|(?:north|south)-?"
                          r"(?:east|west)(?:ern)?|eastern|western|northern|southern)\s+)?(?:frontier|"
                          r"borders?|coast|coastline|seaboard|edge|tip|flank)\b", re.I)

_PARTNER_AFTER = re.compile(r"^\s+(?:was|is|remained|remains|stays|stayed|became|held on to its "
                            r"place as|continued to be)\s+(?:the\s+|its\s+|[\w\s]+?[’']s\s+)?(?:[\w-]+\s+)?"
                            r"(?:largest|biggest|top|main|major|leading|second-largest|"
                            r"second-biggest)\s+(?:trading|trade|export|import)", re.I)

_OWNER_BEFORE = re.compile(r"\b(?:trade|exports?|imports?|turnover|surplus|deficit|volume)\s+"
                           r"(?:value\s+)?of\s+(?:the\s+)?$", re.I)

_SHARE_CUE = re.compile(r"(?:%|\bper\s*cent|\bpercent|\baccount\w*|\bmak\w+\s+up|\bshare|"
                        r"\bproportion)[^.;%]*$", re.I)

_SHARE_BASE_BEFORE = re.compile(r"\b(?:of|in)\s+(?:the\s+)?$", re.I)

_OTHER_SIDE_BEFORE = re.compile(r"\b(?:to|from|with|into|toward|towards|against)\s+(?:the\s+)?$",
                                re.I)

_SOURCE_AFTER = re.compile(r"^\s+(?:Customs|Municipal|Provincial|Bureau|Department|Statistics|"
                           r"Commerce|Administration|University|Daily|Times|News|Port Authority|"
                           r"Government)\b")

_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}

FALLBACK_KINDS = {"country", "province", "municipality", "autonomous region",
                  "special administrative region", "economic region"}

MIN_FALLBACK_CITY = 300_000

_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|yuan|won|yen|rupees?|pesos?)\b", re.I)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}(?:[ -][A-Z][a-z]+)?\b")


def _small_owners(doc: Doc, tagged: set[int]):
    """(start, end, Place) of gazetteer towns below the fallback size that the NER missed and
    the text names as the owner of the trade ("Deqing's exports", "Deqing recorded")."""
    text = doc_text(doc)
    doubtful = doubtful_names(doc)
    for m in _CAPITALISED.finditer(text):
        if m.start() in tagged or not _OWNER_AFTER.match(text[m.end(): m.end() + 60]):
            continue
        place = lookup(m.group(0))
        if place is not None and place.kind == "city" and place.population < MIN_FALLBACK_CITY \
                and place.name not in doubtful:
            yield m.start(), m.end(), place


# "LE VAN KHANH: Vietnam exported ...": a speaker's name in a transcript, not a place
_SPEAKER = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}?(?:\s*\([^)\n]{0,60}\))?:", re.M)


# a person's title, then the start of the name: "Deputy Minister Le Van Khanh" names no town Van
_PERSON_BEFORE = re.compile(
    r"\b(?:Minister|Premier|Deputy|Vice|Director|Director-General|Chairman|Chairwoman|President|"
    r"Secretary|Governor|Mayor|Ambassador|Consul|Counsellor|Spokesman|Spokeswoman|Spokesperson|"
    r"spokesman|spokeswoman|spokesperson|Mr|Mrs|Ms|Dr|Prof|economist|analyst|CEO|chief)\.?"
    r"(?:\s+[A-Z][\w'’-]*){0,3}\s+$")


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    k = bisect_right(spans, (char, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def gazetteer_mentions(doc: Doc | Span):
    """(start char, end char, Place) of capitalised gazetteer names the NER did not mark.

    Used only when the NER found no reporting place: a fallback for place names the
    corpus never showed it ("SEOUL, June 1 -- South Korea's exports ..."). The document is
    scanned once; a span gets the mentions inside it.
    """
    if isinstance(doc, Doc):
        return memo(doc, "gazetteer", lambda d: list(_scan(d)))
    found = memo(doc.doc, "gazetteer", lambda d: list(_scan(d)))
    return [m for m in found if doc.start_char <= m[0] and m[1] <= doc.end_char]


def _scan(doc: Doc):
    n_tokens = len(doc)
    if n_tokens == 0:
        return
    arr = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE, IS_STOP]).tolist()
    text = doc_text(doc)
    speakers = [m.span() for m in _SPEAKER.finditer(text)] if ":" in text else []
    # capitalised words that are no stop words: the only places a name can start
    firsts = [i for i, (start, length, _, _, stop) in enumerate(arr) if not stop and (
        text[start: start + 1].isupper() or text[start: start + length] in COMPASS_STARTS)]
    covered = 0
    for i in firsts:
        if i < covered:
            continue  # inside the name found before
        start, length, _, _, _ = arr[i]
        word = text[start: start + length]
        if word.lower() in _MONTH_WORDS or (speakers and _inside(speakers, start)) or \
                not may_start_a_name(word):
            continue
        # "Guangdong-Hong Kong-Macao Greater Bay Area": hyphenated names run longer
        hyphen = "-" in text[start: start + 40] and any(
            text[arr[j][0]: arr[j][0] + arr[j][1]] == "-" for j in range(i, min(i + 6, n_tokens)))
        for n in ((9, 8, 7, 6, 5, 4, 3, 2, 1) if hyphen else (3, 2, 1)):
            if i + n > n_tokens or arr[i + n - 1][2] or any(
                    arr[j][3] or arr[j][2] and text[arr[j][0]: arr[j][0] + arr[j][1]] != "-"
                    for j in range(i, i + n)):
                continue
            end = arr[i + n - 1][0] + arr[i + n - 1][1]
            place = lookup(text[start: end])
            if place and _CURRENCY_AFTER.match(text, end):
                break  # "U.S. dollars", "Hong Kong dollars": a currency, not a place
            if place and (place.kind in FALLBACK_KINDS or (
                    place.kind == "city" and place.population >= MIN_FALLBACK_CITY)) and \
                    not _PERSON_BEFORE.search(text, max(0, start - 80), start):
                yield start, end, place
                covered = i + n
                break
