"""Rank facts: ordinals ("ranked 8th", "No.1", "fifth ... twelfth respectively") and the
places and lists they belong to."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..facts import Evidence, RankFact
from ..normalize.ordinal import parse_ordinal
from ..normalize.place import lookup
from .context import DocContext, carried_period, is_comparison_base, resolve_period
from .docindex import doc_text, sentence_span, span_ents, span_text
from .heads import Head
from .patterns import is_document_number
from .places import gazetteer_mentions
from .slots import is_descriptive, place_name

_LIST_NAME = re.compile(r"\b(?:among|in|on|of)\s+(?:the\s+)?((?:[\w'’]+\s+){0,3}?(?:top\s+\d+|"
                        r"list)[^,.;()]{0,60})", re.I)


def rank_facts_of(heads: list[Head], ctx: DocContext) -> list[RankFact]:
    """Rank facts; a sentence with several ranks and as many places zips them in order."""
    out: list[RankFact] = []
    by_sentence: dict[int, list[Head]] = {}
    for head in heads:
        sent = sentence_span(head.span.doc, head.span)
        by_sentence.setdefault(sent.start, []).append(head)
    for group in by_sentence.values():
        sent = sentence_span(group[0].span.doc, group[0].span)
        group = [h for h in group if not _not_a_rank(h.span)]
        names = _listed_places(sent, len(group), ctx,
                               min((h.span.start_char for h in group), default=None))
        for i, head in enumerate(group):
            rank = parse_ordinal(head.span.text)
            if rank is None:
                continue
            place = _named_after(head, sent) or _rank_subject(head, sent)
            label = _line_place(head) if place is None else None
            place = place or next((e for e in head.role("LOCATION") if not _scoped(e)), None)
            if not names and label is None and place is None and _product_ranked(head, sent):
                continue  # "Semiconductors, the No. 1 export item": a product's rank, not a place's
            location = names[i] if names else label or (
                place_name(place, ctx) if place is not None else ctx.place)
            if location is None or _ranks_a_partner(location, ctx):
                continue  # a rank of no known place says nothing
            year = _rank_year(head, sent, ctx)
            m = _LIST_NAME.search(sent.text)
            out.append(RankFact(location=location, rank=rank, list=m.group(1).strip() if m else None,
                                year=year, evidence=Evidence(sent.start_char, sent.end_char, sent.text),
                                confidence=round(0.5 + 0.5 * head.score("LOCATION"), 3)))
    return out


_NOT_RANK_AFTER = re.compile(
    r"^(?:\s*(?:consecutive|straight|successive)\b|\s+(?:years?|months?|quarters?|time|half|"
    r"quarter)\b|\s+(?:(?:year|month)\s+)?in\s+a\s+row\b|\s+member\s+of\b|"
    # "the country's second- and third-largest trading partners"
    r"-?\s+and\s+(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest)\b|"
    r"[- ](?:largest|biggest|most important)\s+(?:trading\s+|"
    r"trade\s+|export\s+|import\s+)?(?:partner|market|source|supplier|destination|buyer|customer|"
    r"economy|economie|producer|consumer)s?)",
    re.I)


def _not_a_rank(span: Span) -> bool:
    """"for the 32nd consecutive year", "the second half", "the second-biggest partner": an
    ordinal that counts years or ranks a partner, not the place's position in a list; nor a
    document's number ("Press release No. 259"); nor the ends of a range ("the first to fifth places went to ...", read by ordered_ranks)."""
    text = doc_text(span.doc)
    return bool(is_document_number(text, span.start_char, span.end_char)
                or _NOT_RANK_AFTER.match(text[span.end_char: span.end_char + 60])
                or _NOT_TRADE_RANK.match(text, span.end_char)
                or _RANGE_AFTER.match(text, span.end_char)
                or _RANGE_BEFORE.search(text[max(0, span.start_char - 20): span.start_char])
                or _is_day_or_fraction(span, text))


# "released the data on the 15th": a day of the month; "jump by a fifth", "a third of the
# total", "one-fifth": a fraction
_DAY_BEFORE = re.compile(r"\bon\s+the\s+$", re.I)
_DAY = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)", re.I)
_FRACTION_BEFORE = re.compile(r"\b(?:a|one|two|three|four)[\s-]+$", re.I)
_FRACTION = re.compile(r"(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?", re.I)
_PLACE_AFTER = re.compile(r"[\s-]+(?:place|position|spot|rank|largest|biggest|highest|lowest|"
                          r"most|fastest|among|in\s+the\b|of\s+the\s+\d)", re.I)


def _is_day_or_fraction(span: Span, text: str) -> bool:
    before = text[max(0, span.start_char - 12): span.start_char]
    word = span.text.strip()
    if _PLACE_AFTER.match(text, span.end_char):
        return False
    return bool(_DAY_BEFORE.search(before) and _DAY.fullmatch(word)
                or _FRACTION_BEFORE.search(before) and _FRACTION.fullmatch(word))


# "its port ranked first in the world by cargo throughput", "the world's 14th busiest container
# port": a rank, but not of trade value
_NOT_TRADE_RANK = re.compile(r"[^,.;]{0,40}?\b(?:by|in)\s+(?:(?:cargo|container|freight|port)\s+)?"
                             r"(?:throughput|tonnage|TEUs?|passengers?|traffic)\b|"
                             r"[- ](?:busiest|largest|biggest)\s+(?:container|cargo|bulk|freight)\s+"
                             r"(?:ports?|terminals?|hubs?)\b|[- ]busiest\s+(?:ports?|airports?|harbou?rs?)\b", re.I)
_RANGE_AFTER = re.compile(r"\s+(?:to|through)\s+(?:the\s+)?(?:[a-z]+|\d+(?:st|nd|rd|th))\s+"
                          r"(?:places|spots|positions)\b", re.I)
_RANGE_BEFORE = re.compile(r"\b(?:first|second|third|1st|2nd|3rd)\s+(?:to|through)\s+(?:the\s+)?$", re.I)


def _named_after(head: Head, sent: Span) -> Span | None:
    """"No.2 Jiangsu 5.25 trillion yuan": a "No." rank is the place written right after it."""
    if not head.span.text.lower().startswith("no"):
        return None
    return next((e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")
                 and 0 <= e.start_char - head.span.end_char <= 2), None)


def _ranks_a_partner(location: str | None, ctx: DocContext) -> bool:
    """"The EU came second" in a Shanxi bulletin ranks a trading partner, not a reporting
    place: a foreign country or bloc of another country's article is not ranked."""
    place = lookup(location) if location else None
    if place is None or ctx.place is None or location == ctx.place:
        return False
    return place.kind in ("country", "bloc", "grouping") and place.country != ctx.place_country


def _rank_subject(head: Head, sent: Span) -> Span | None:
    """The place a rank belongs to: the nearest place before the ordinal in its sentence
    ("while Shanghai, in third place"; "the city came in third, behind Shenzhen"). Places
    after it are the ones it is compared with."""
    text = doc_text(sent.doc)
    before = [e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER")
              and e.end <= head.span.start and not is_descriptive(e) and not _list_owner(e)
              and not _in_scope(text, e.start_char, sent.start_char)]
    return before[-1] if before else None


def _product_ranked(head: Head, sent: Span) -> bool:
    """A product named before the ordinal in its sentence, and no place after that product:
    "Among imports, mineral fuels and oils came first", "Semiconductors, which have been the
    No. 1 export item"."""
    before = [e for e in span_ents(sent) if e.end <= head.span.start
              and e.label_ in ("PRODUCT", "LOCATION", "PARTNER")]
    return bool(before) and before[-1].label_ == "PRODUCT"


def _scoped(ent: Span) -> bool:
    return _in_scope(doc_text(ent.doc), ent.start_char, sentence_span(ent.doc, ent).start_char)


def _in_scope(text: str, start: int, sent_start: int) -> bool:
    """True for a place that names the list or the places compared with, not the ranked
    one: "second in Jiangxi", "among Guangxi's 14 cities", "behind Shenzhen, Dongguan and
    Guangzhou", "Qingdao in east China's Shandong Province"; not "the city of Qingdao"."""
    before = text[max(sent_start, start - 40): start]
    if _NAMED_AS.search(before):
        return False
    return bool(_SCOPE_BEFORE.search(before[-20:])) or _in_list_scope(text, start, sent_start)


def _in_list_scope(text: str, start: int, sent_start: int) -> bool:
    """As :func:`_in_scope`, but "of" and "in" alone do not make a scope: in "import and
    export of Nanchang ranked first" Nanchang is ranked."""
    if _LIST_SCOPE.search(text[max(sent_start, start - 40): start]):
        return True
    # later members of a list after "behind", "ahead of", "among"
    m = None
    for m in _COMPARED.finditer(text, max(sent_start, start - 120), start):
        pass
    return m is not None and bool(_LIST_TAIL.fullmatch(text, m.end(), start)) and \
        not _RANKED_AFTER.match(text, start)


# "..., behind Guangdong, and Zhejiang ranked third": a new subject, not the list's last
_RANKED_AFTER = re.compile(r"[\w'’ -]*?\s+(?:ranked|came|was|stood|placed|took|held|remained|"
                           r"finished|moved|rose|climbed|slipped|fell|dropped)\b")

_NAMED_AS = re.compile(r"\b(?:city|province|port|county|district|town|municipality|region)\s+of\s+"
                       r"(?:the\s+)?$", re.I)
_COMPARED = re.compile(r"\b(?:among|behind|ahead of|after|than|past|trailing)\s+", re.I)
_LIST_TAIL = re.compile(r"(?:(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*(?:,\s*|\s+and\s+|,\s*and\s+))+",
                        re.I)


def _line_place(head: Head) -> str | None:
    """A known place the NER missed at the start of the ordinal's line: the label of a
    table row ("Wuhu | 1,103.5 | 12.1 | 2nd")."""
    doc = head.span.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, head.span.start_char) + 1
    for start, end, place in gazetteer_mentions(doc):
        if line_start <= start and end <= head.span.start_char:
            return place.name if re.fullmatch(r"[\W\d]*", text[line_start: start]) else None
    return None


# "accounting for 16.8% of Guangdong's total", "second in Jiangxi", "behind Shenzhen"
_SCOPE_BEFORE = re.compile(r"\b(?:of|in|among|across|than|behind|after|ahead of|with|to|from|past)\s+"
                           r"(?:the\s+)?$", re.I)


# the list a rank is in, or a place that locates another: "among Guangxi's 14 cities", "the
# cities of Zhejiang", "behind Shenzhen", "Qingdao in east China's Shandong Province"
_LIST_SCOPE = re.compile(r"(?:\b(?:among|across|behind|after|ahead of|than|past)\s+(?:the\s+)?|"
                         r"\b(?:cities|provinces|regions|counties|districts|ports|countries|economies|"
                         r"municipalities|prefectures|members)\s+(?:in|of)\s+(?:the\s+)?(?-i:[a-z-]+\s+){0,2}|"
                         r"\bin\s+(?:[a-z-]+\s+)?\w+[’']s\s+)$", re.I)


# "China's top 100 foreign trade cities", "Guangxi's 14 cities": the owner of the list
_LIST_OWNER_AFTER = re.compile(r"[’']s\s+(?:top\s+\d+|\d+|list|ranking|rankings|(?:[\w-]+\s+){0,2}?"
                               r"(?:cities|provinces|ports|regions|counties|municipalities))\b", re.I)


def _list_owner(ent: Span) -> bool:
    return bool(_LIST_OWNER_AFTER.match(doc_text(ent.doc), ent.end_char))


def _listed_places(sent: Span, n: int, ctx: DocContext, first_rank: int | None = None) -> list[str]:
    """Names of the n places a sentence lists next to n ranks ("Guangzhou, Dongguan and
    Zhuhai took the fifth, eighth and ninth places"), from the entities, else from the
    gazetteer (the NER may have missed or mislabelled some); [] when the counts differ. The
    places written before the first rank are tried first ("Nanchang and Ganzhou ranked first
    and second respectively, and only Pingxiang and Jingdezhen grew")."""
    if n < 2:
        return []
    if first_rank is not None:
        names = _places_listed(sent, n, ctx, first_rank)
        if names:
            return names
    return _places_listed(sent, n, ctx, sent.end_char)


def _places_listed(sent: Span, n: int, ctx: DocContext, end: int) -> list[str]:
    text = doc_text(sent.doc)
    tagged = [e for e in span_ents(sent) if e.label_ in ("LOCATION", "PARTNER") and lookup(e.text)
              and e.end_char <= end and not _in_list_scope(text, e.start_char, sent.start_char)
              and not is_descriptive(e) and not _list_owner(e)]
    if len(tagged) == n:
        return [place_name(e, ctx) for e in tagged]
    found = [place.name for start, stop, place in gazetteer_mentions(sent)  # this sentence only
             if stop <= end and not _in_list_scope(text, start, sent.start_char)
             and not _LIST_OWNER_AFTER.match(text, stop)]
    return found if len(found) == n else []


def _rank_year(head: Head, sent: Span, ctx: DocContext) -> int | None:
    # the nearest period: "ranked No. 9 in 2021, slipped to No. 12 this year"
    periods = sorted(set(head.role("PERIOD") + _periods(sent)), key=lambda p: (
        abs(p.start_char - head.span.start_char), p.start_char))
    return _year_of(sent.doc, periods, head.span.start_char, ctx)


def _periods(sent: Span) -> list[Span]:
    return [e for e in span_ents(sent) if e.label_ == "PERIOD"]


def _year_of(doc, periods: list[Span], at: int, ctx: DocContext) -> int | None:
    """The year of the first of ``periods`` that is no comparison base, else that of the
    period carried to ``at``, else the document's."""
    for span in periods:
        if not is_comparison_base(span):
            period = resolve_period(span, ctx)
            if period:
                return int(period[:4])
    carried = carried_period(doc, ctx, at)
    return int(carried[:4]) if carried else ctx.year


# Rankings written as an order of names rather than with an ordinal per name.
_NAME = r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?"
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
# "Shenzhen topped the list of China's top 100 foreign trade cities, followed by Shanghai,
# Suzhou and Dongguan"
_TOPPED = re.compile(rf"(?P<first>{_NAME})\s+(?:(?:has|have|had)\s+)?(?:(?:again|once again|still)\s+)?"
                     rf"(?:topped|headed|led)\s+"
                     rf"(?:the\s+)?[^,.;]{{0,80}}?\b(?:list|ranking|rankings|league table)\b"
                     rf"(?:[^.;]*?,\s*followed\s+by\s+(?P<rest>{_NAMES}))?")
# "Shenzhen retained the top spot for the third year, followed by Shanghai, Suzhou and Dongguan"
_TOP_SPOT = re.compile(rf"(?P<first>{_NAME})\s+(?:(?:has|have|had)\s+)?(?:(?:again|once again|still)\s+)?"
                       rf"(?:retained|kept|held|took|claimed|maintained|won|secured|took\s+over)\s+"
                       rf"(?:the\s+)?(?:top|first|No\.?\s?1)\s+(?:spot|place|position)\b"
                       rf"[^.;]*?,\s*followed\s+by\s+(?P<rest>{_NAMES})")
# "the first to fifth places went to Shenzhen, Shanghai, Suzhou, Dongguan and Beijing"
_SPAN_OF_PLACES = re.compile(rf"\b(?P<a>first|second|third|1st|2nd|3rd)\s+(?:to|through)\s+"
                             rf"(?P<b>[a-z]+|\d+(?:st|nd|rd|th))\s+(?:places|spots|positions)\s+"
                             rf"(?:went\s+to|were\s+taken\s+by|were\s+held\s+by|belonged\s+to|were)\s+"
                             rf"(?P<names>{_NAMES})")
# "The top five were Shenzhen, Shanghai, Suzhou, Dongguan and Beijing, in that order"
_TOP_IN_ORDER = re.compile(rf"\btop\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                           rf"(?:\w+\s+){{0,3}}?(?:were|was|are)\s+(?P<names>{_NAMES}),?\s+"
                           rf"(?:in\s+(?:that|this|descending)\s+order|respectively)\b")


def ordered_ranks(doc, ctx: DocContext) -> tuple[list[RankFact], set[int]]:
    """Rank facts of places ranked by their order in the sentence, not by an ordinal each:
    "X topped the list ..., followed by A, B and C" (X first, A second, ...), "the first to
    fifth places went to A, B, C, D and E", "the top five were A, ..., E, in that order".
    Only names the gazetteer knows count, and only when their number fits the ranks. Also
    returns the starts of sentences whose ordinals ("first to fifth") these facts replace."""
    out: list[RankFact] = []
    seen, spanned = set(), set()
    for cue in _ANY_ORDER.finditer(doc_text(doc)):
        span = doc.char_span(cue.start(), cue.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent = sentence_span(doc, span)
        if sent.start in seen:
            continue
        seen.add(sent.start)
        text = span_text(sent)
        for m in list(_TOPPED.finditer(text)) + list(_TOP_SPOT.finditer(text)):
            first = _names_in(sent, m.start("first"), m.end("first"))
            if len(first) != 1:
                continue
            rest = _names_in(sent, m.start("rest"), m.end("rest")) if m.group("rest") else []
            out += _ranked(sent, first + rest, 1, ctx)
        for m in _SPAN_OF_PLACES.finditer(text):
            a, b = parse_ordinal(m.group("a")), parse_ordinal(m.group("b"))
            names = _names_in(sent, m.start("names"), m.end("names"))
            if a and b and b > a and len(names) == b - a + 1:
                out += _ranked(sent, names, a, ctx)
                spanned.add(sent.start_char)
        for m in _TOP_IN_ORDER.finditer(text):
            n = int(m.group("n")) if m.group("n").isdigit() else _COUNT.get(m.group("n").lower())
            names = _names_in(sent, m.start("names"), m.end("names"))
            if n and len(names) == n:
                out += _ranked(sent, names, 1, ctx)
    return out, spanned


_ANY_ORDER = re.compile(r"\b(?:topped|headed|led|places|spots|positions|top spot|top place|top position|"
                        r"first place|in that order|in this order|"
                        r"in descending order|respectively)\b")


def _names_in(sent: Span, lo: int, hi: int) -> list[str]:
    """Gazetteer places named in the sentence's text ``[lo:hi]``, in order."""
    a, b = sent.start_char + lo, sent.start_char + hi
    return [place.name for start, end, place in gazetteer_mentions(sent) if a <= start and end <= b]


def _ranked(sent: Span, names: list[str], first_rank: int, ctx: DocContext) -> list[RankFact]:
    text = span_text(sent)
    m = _LIST_NAME.search(text)
    year = _year_of(sent.doc, _periods(sent), sent.start_char, ctx)
    return [RankFact(location=name, rank=first_rank + i, list=m.group(1).strip() if m else None,
                     year=year, evidence=Evidence(sent.start_char, sent.end_char, text),
                     confidence=0.6)
            for i, name in enumerate(names) if not _ranks_a_partner(name, ctx)]
