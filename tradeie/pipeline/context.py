"""Document context for the fact assembler: the reporting place, the year, paragraphs.

Which place reports is weighed in :mod:`.places`; this module keeps the context object and
the periods: the year of the text, comparison bases, carry-over within a paragraph.

News states the place and year once (headline, dateline, first sentence) and then writes
"the city" and "in the first quarter". This module reads them once per document.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..normalize.period import MONTHS, _as_date, parse_date, parse_period
from ..normalize.place import lookup
from .docindex import cached, doc_ents, doc_text, ents_before
from .places import ANAPHOR_KINDS, LEAD_CHARS, main_partner, reporting_place

_DATELINE = re.compile(r"(?:release date|released on|updated|published|date)\s*[:：]?\s*"
                       r"[^\n]{6,40}", re.I)

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

_CALENDAR_DATE = re.compile(r"\b(?:\d{1,2}\s+" + _MONTHS + r",?\s+|" + _MONTHS
                            + r"\s+\d{1,2},?\s+)(?P<year>(?:19|20)\d\d)\b|\b(?P<iso>(?P<y2>(?:19|20)\d\d)-"
                            r"\d\d-\d\d)\b")

_LAST_YEAR = re.compile(r"\b(?:last|previous|past) year\b", re.I)

_BOILERPLATE = re.compile(r"copyright|all rights reserved|©", re.I)

_COMPARISON_BASE = re.compile(
    r"(?:\bfrom|\bthan|\bover|compared (?:with|to)|\bsince|\bversus|\bvs\.?|\bagainst|"
    r"same (?:period|month|quarter|time)(?:\s+(?:of|in))?|levels? (?:of|in)|\bbefore|\bas in|"
    r"\bcompar(?:ing|ed|e)\s+[^.;,]{1,30}?\s+(?:with|to|and)|\btimes(?:\s+that)?\s+of|\btimes\s+the|"
    r"\bon|\bbelow|\babove|"
    # "topping the previous peak set in 2022"
    r"\b(?:previous|prior|earlier|former|old)\s+(?:peak|record|high|low)"
    r"(?:\s+(?:set|reached|hit|seen|recorded))?|\b(?:peak|record|high)\s+(?:set|reached))"
    r"\s*(?:(?:in|on|at|for|with)\s+)?(?:the\s+)?(?:same (?:period|month|quarter)\s+(?:of|in)\s+)?"
    # "than in the coronavirus year 2020", "than in the record year of 2022"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?year\s+(?:of\s+)?)?$", re.I)

_CHANGE_BEFORE = re.compile(r"(?:%|percent|per cent|pct|points?|\d|\d\s*(?:m|bn|b|k|million|billion|"
                            r"trillion|yuan|dollars|euros|yen|won)|increase|decrease|rise|growth|"
                            r"gain|drop|decline|fall|up|down|higher|lower)\W*$", re.I)

_RANGE = re.compile(r"^\s*\w+\.?(?:\s+\d{4})?\s+(?:to|through|until)\s+\w+", re.I)  # "from X to Y"

# "from USD 196.33 billion in", "from a record $418.2 billion in": between the word and the
# figure only lower-case words and a currency ("from Japan to China jumped 43.8% in 2024" is none)
_EARLIER_FIGURE = re.compile(r"(?:\bfrom|\bthan|compared (?:with|to)|\bversus|\bvs\.?|\bagainst|"
                             r"\btimes|\b(?:after|following|reversing|extending)\s+(?:a|an|the)\b)\s+"
                             r"(?:(?-i:[a-z-]+)\s+){0,3}?(?:[A-Za-z]{1,4}\s?\$?\s?|[$€£¥₹₩]\s?)?\d[\d,.]*\s*"
                             r"(?:[^\s,;.()]+\s+){0,3}?(?:in|for|during|of)\s+(?:the\s+)?$", re.I)

_FIGURE_AFTER = re.compile(r":\s*\S{0,4}\d")

DOLLAR_OF_COUNTRY = {"HK": "HKD", "AU": "AUD", "SG": "SGD", "CA": "CAD", "TW": "TWD", "NZ": "NZD"}

# places the gazetteer keeps without a country code (regions, blocs)
DOLLAR_OF_PLACE = {"Hong Kong": "HKD", "Taiwan": "TWD", "Singapore": "SGD", "Australia": "AUD",
                   "New Zealand": "NZD", "Canada": "CAD"}


@dataclass
class DocContext:
    place: str | None = None
    place_country: str | None = None
    year: int | None = None
    published: dt.date | None = None
    main_period: str | None = None
    main_partner: str | None = None
    year_from_text: bool = False
    dollar: str = "USD"
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    by_kind: dict[str, str] = field(default_factory=dict)
    sections: list[tuple[int, str]] = field(default_factory=list)
    # the doc's PERIOD mentions that are no comparison base: their starts, resolved periods and
    # the index of the last one that resolved, at each, by what resolve_period reads of the
    # context (carried_period); a copy with a stand-in year shares the dict (period_and_shape)
    stated: dict = field(default_factory=dict, repr=False)
    # section headings after the headline, and the period each names (_heading_period)
    headings: tuple | None = field(default=None, repr=False)

    def place_at(self, char: int) -> str | None:
        """The reporting place at ``char``: the section's ("GUANGDONG" on a line of its own
        heads the paragraphs under it), else the article's."""
        k = bisect_right([start for start, _ in self.sections], char)
        return self.sections[k - 1][1] if k else self.place

    def place_for(self, anaphor: str, char: int | None = None) -> str | None:
        """The place "the province", "the city" or "the country" stands for."""
        if char is not None and self.sections and self.sections[0][0] <= char:
            return self.place_at(char)
        word = anaphor.lower()
        for group, kinds in ANAPHOR_KINDS.items():
            if group in word:
                return self.by_kind.get(group) or self.place
        return self.place

    def paragraph_of(self, char: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= char < end:
                return start, end
        return 0, 0


def build_context(doc: Doc, published: object = None) -> DocContext:
    ctx = DocContext(published=_as_date(published) if published else None)
    ctx.paragraphs = _paragraphs(doc_text(doc))
    ctx.place, ctx.place_country, ctx.by_kind = reporting_place(doc)
    ctx.dollar = DOLLAR_OF_COUNTRY.get(ctx.place_country or "", DOLLAR_OF_PLACE.get(ctx.place or "",
                                                                                  "USD"))
    ctx.year, ctx.year_from_text = _document_year(doc, ctx.published)
    ctx.main_period = _main_period(doc, ctx)
    ctx.main_partner = main_partner(doc, ctx.place)
    ctx.sections = section_places(doc_text(doc))
    return ctx


_SECTION_LINE = re.compile(r"^[\s*#=•·\-–—]*([A-Za-z][A-Za-z'’ .-]{1,38}?)[\s:*#=\-–—]*$")


# "GUANGDONG: LARGEST, BUT SLOWEST", "Zhejiang - exports lead": a place, then a short title
_SECTION_TITLE = re.compile(r"^[\s*#=•·]*([A-Za-z][A-Za-z'’ .-]{1,38}?)\s*(?::|\s[-–—]\s)"
                            r"\s*(?:[A-Za-z,'’&-]+\s*){1,6}$")


def section_places(text: str) -> list[tuple[int, str]]:
    """(line start, place) of the lines that are a place's name and nothing else, below the
    headline: the section heads of a round-up ("GUANGDONG", "Zhejiang:")."""
    out = []
    first = text.find("\n")
    if first < 0:
        return out
    for m in re.finditer(r"[^\n]+", text[first:]):
        line = _SECTION_LINE.match(m.group(0)) or _SECTION_TITLE.match(m.group(0))
        if line is None or len(line.group(1).split()) > 4:
            continue
        name = line.group(1).strip()
        place = lookup(name.title() if name.isupper() else name)
        if place is not None and place.kind not in ("bloc", "grouping", "region"):
            out.append((first + m.start(), place.name))
    return sorted(out + _roundup_items(text, first))


# "TAIWAN -- Exports rose 2.3% ...", "SOUTH KOREA -- Customs data ...": the items of a wire
# round-up, each a paragraph that opens with its place in capitals
_ROUNDUP_ITEM = re.compile(r"^([A-Z][A-Z'’ .-]{1,38}?)\s+(?:--|—|–)\s+\S", re.M)


def _roundup_items(text: str, first: int) -> list[tuple[int, str]]:
    """Round-up items; only where there are two or more places, since one such line is a
    dateline ("HANOI -- The Ministry ...")."""
    items = []
    for m in _ROUNDUP_ITEM.finditer(text, first):
        place = lookup(m.group(1).strip().title())
        if place is not None and place.kind not in ("bloc", "grouping"):  # "TAIWAN" is a region
            items.append((m.start(), place.name))
    return items if len({name for _, name in items}) >= 2 else []


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def explicit_year(span: Span) -> int | None:
    m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", span.text)
    return int(m.group(0)) if m else None


def is_comparison_base(span: Span) -> bool:
    """True for "2019" in "up 62.1% from 2019" and "2021" in "up from A$131.4 billion in
    2021": a base of comparison, not the period of the sentence's main figure."""
    return cached(span.doc, ("is_comparison_base", span.start_char, span.end_char),
                  lambda: _is_comparison_base(span))


def _is_comparison_base(span: Span) -> bool:
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 60): span.start_char]
    if _EARLIER_FIGURE.search(before) or (before.endswith("(") and _FIGURE_AFTER.match(
            text, span.end_char)):  # "(2022: $58.3bn)": an earlier period's figure
        return True
    m = _COMPARISON_BASE.search(before[-40:])
    if m is None:
        return False
    word = m.group(0).split()[0].lower() if m.group(0).split() else ""
    clause = re.split(r"[.!?;:\n]\s*", before[: len(before) - len(m.group(0))])[-1]
    if word in ("over", "on", "below", "above") and not _CHANGE_BEFORE.search(clause):
        return False  # "Over the first nine months, trade came to ...": a span of time;
        # "Statistical Bulletin of Dalian on the 2023 National Economic ...": a topic
    if word == "from" and _RANGE.match(span.text):
        return False  # "from January to November": the range itself
    return True


def _document_year(doc: Doc, published: dt.date | None) -> tuple[int | None, bool]:
    """The year of the text, and whether a period in the headline or lead stated it."""
    periods = [e for e in doc_ents(doc) if e.label_ == "PERIOD" and not is_comparison_base(e)
               and not _BOILERPLATE.search(doc_text(doc)[max(0, e.start_char - 30): e.start_char])]
    for ent in periods:
        if ent.start_char < LEAD_CHARS and explicit_year(ent) and not _DAY_DATE.match(ent.text) \
                and not _is_stamp(doc, ent) and _recent(explicit_year(ent), published):
            return explicit_year(ent), True
    for m in _DATELINE.finditer(doc_text(doc)[:2000]):
        date = parse_date(m.group(0))
        if date is not None:
            return date.year, False
    m = _CALENDAR_DATE.search(doc_text(doc)[:LEAD_CHARS])
    if m:  # a wire dateline: "CANBERRA, 2 November 2023 --"
        return int(m.group("year") or m.group("y2")), False
    if published is not None:
        # "already beats last year's total": a possessive year is a yardstick, not the period
        lead = [e for e in periods if e.start_char < LEAD_CHARS and not re.match(
            r"[’']s\b", doc_text(doc)[e.end_char: e.end_char + 3])]
        if lead and _LAST_YEAR.search(lead[0].text):
            return published.year - 1, False  # "posted a record surplus last year": a review
        return published.year, False
    for ent in periods:
        if explicit_year(ent):
            return explicit_year(ent), True
    return None, False


def _recent(year: int | None, published: dt.date | None) -> bool:
    """Whether a year can be the text's own: not one years before the publication date
    ("the highest since the series began in 1989"), nor years after it."""
    return published is None or year is None or published.year - 3 <= year <= published.year + 1


_STAMP_BEFORE = re.compile(r"(?:updated|published|release date|released|posted|date|time)\s*[:：]?"
                           r"[^\n]{0,14}$", re.I)


def _is_stamp(doc: Doc, ent: Span) -> bool:
    """"Updated: 2024-01-19", "Delivered at the Second Session ..., January 2024": the date
    of a page or a speech, not a statistics period."""
    text = doc_text(doc)
    lo = max(0, ent.start_char - 200)  # a bounded look back: a huge text may have no line break
    line = text[text.rfind("\n", lo, ent.start_char) + 1 or lo: ent.start_char]
    return bool(_STAMP_BEFORE.search(text[max(0, ent.start_char - 30): ent.start_char])
                or _STAMP_LINE.match(line)
                or re.match(r"[-/.]\d{1,2}[-/.]\d{1,2}", text[ent.end_char: ent.end_char + 6]))


_STAMP_LINE = re.compile(r"\W*(?:delivered|issued|dated|posted|published|updated|released)\b"
                         r"[^.\n]*$", re.I)


def resolve_period(span: Span, ctx: DocContext) -> str | None:
    """The canonical period of a PERIOD mention, or None for a calendar date ("January 3,
    2023" in a dateline): a day is when something was said, not a statistics period.

    Without a publication date, "last year" in an article whose headline or lead names the
    year means that year ("Hunan's trade with Africa hits record in 2022 ... last year")."""
    if _DAY_DATE.match(span.text):
        return _to_date(span, ctx)
    if _MONTH_NAME.fullmatch(span.text.strip()) and _DAY_AFTER.match(
            doc_text(span.doc), span.end_char):
        return _to_date(span, ctx)  # "HANOI, [January] 3, 2023 --": the month of a date
    unit = _BARE_UNIT.match(span.text)
    if unit is not None and not _THIS_YEAR.match(span.text):
        # "ended the quarter at", "for the month": the article's own period
        return containing(ctx.main_period, unit.group(1).lower()) if ctx.main_period else None
    year = ctx.year
    if ctx.published is None and ctx.year_from_text and _LAST_YEAR.search(span.text):
        year = ctx.year + 1
    elif ctx.published is not None and not ctx.year_from_text and ctx.year == ctx.published.year:
        year = None  # only the date gives the year: "December" in a January article is last year's
    text = _fiscal_head(span) + span.text + _fiscal_tail(span)
    period = parse_period(text, year=year, published=ctx.published, country=ctx.place_country)
    if period is not None and ctx.main_period and explicit_year(span) is None:
        return _within_main(period, ctx.main_period)
    return period


_MONTH_NAME = re.compile(_MONTHS)
# a day after the month: "3, 2023", "15 --", "3rd"; not "2023", "2.7 billion", "20%" or a
# table's next cell ("July\t3,312.4")
_DAY_AFTER = re.compile(r" \d{1,2}(?:st|nd|rd|th)?(?=\s*(?:,(?!\d)|--|—|–|\(|$|\n|\s(?:19|20)\d\d\b))")


_RANGE_OVER_YEARS = re.compile(r"(\d{4})-(\d\d)\.\.(\d{4})-(\d\d)")


def _within_main(period: str, main: str) -> str:
    """A month written without its year takes the year in which it falls inside the article's
    main period when that spans two years: "In January alone" in a July-January 2023-24
    release is January 2024, "In June alone" in a fiscal 2021-22 report June 2022.

    >>> _within_main("2023-01", "2023-07..2024-01"), _within_main("2023-09", "2023-07..2024-01")
    ('2024-01', '2023-09')
    """
    m = _RANGE_OVER_YEARS.fullmatch(main)
    month = re.fullmatch(r"\d{4}-(\d\d)", period)
    if m is None or month is None or m.group(1) == m.group(3):
        return period
    first, last = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
    for year in (first[0], last[0]):
        if first <= (year, int(month.group(1))) <= last:
            return f"{year}-{month.group(1)}"
    return period


# what an entity often leaves out of a fiscal period: "July-January 2023[-24]", "the first seven
# months[ of the current fiscal year]"
_TWO_YEARS = r"(?:19|20)\d\d\s*[-/\u2013]\s*\d\d(?:\d\d)?\b"
_FISCAL_TAIL = re.compile(r"[-/\u2013]\d\d\b(?![-/.,]?\d)|(?:\s+quarter)?\s+of\s+(?:the\s+)?(?:(?:current|this|"
                          r"present|ongoing)\s+)?(?:(?:fiscal|financial)(?:\s+year)?(?:\s+" + _TWO_YEARS
                          + r")?|" + _TWO_YEARS + r")", re.I)
# "[April-January of ]2023-24", "[the first seven months of ]fiscal 2023-24"
_FISCAL_HEAD = re.compile(r"(?:\b" + _MONTHS + r"\s*[-\u2013]\s*" + _MONTHS + r"(?:\s+quarter)?|\bfirst\s+"
                          r"\w+\s+months|\b(?:first|second|third|fourth)\s+(?:quarter|half))\s+of\s+"
                          r"(?:the\s+)?$", re.I)


def _fiscal_tail(span: Span) -> str:
    m = _FISCAL_TAIL.match(doc_text(span.doc), span.end_char)
    return m.group(0) if m else ""


def _fiscal_head(span: Span) -> str:
    if not re.match(r"\s*(?:(?:fiscal|financial|FY)\b|" + _TWO_YEARS + ")", span.text, re.I):
        return ""
    m = _FISCAL_HEAD.search(doc_text(span.doc)[max(0, span.start_char - 40): span.start_char])
    return m.group(0) if m else ""


_THIS_YEAR = re.compile(r"^\s*(?:(?:in|for|during)\s+)?this\s+year\s*$", re.I)

_UP_TO = re.compile(r"\b(?:as of|up to|until|by)\s+$", re.I)


def _to_date(span: Span, ctx: DocContext) -> str | None:
    """"As of November 20, trade this year had topped ...": the year to date, January to that
    month; any other day is when something was said, no period."""
    text = doc_text(span.doc)
    if not _UP_TO.search(text[max(0, span.start_char - 8): span.start_char]):
        return None
    number = next((MONTHS[w] for w in re.findall(r"[a-z]+", span.text.lower()) if w in MONTHS), None)
    year = explicit_year(span) or ctx.year
    if number is None or year is None:
        return None
    return f"{year}-01" if number == 1 else f"{year}-01..{year}-{number:02d}"


_DAY_DATE = re.compile(r"^\s*(?:on\s+)?(?:" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
                       r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"(?:,?\s+\d{4})?|"
                       r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\s*$", re.I)


_BARE_UNIT = re.compile(r"^\s*(?:(?:in|for|over|during)\s+)?(?:the|this|that)\s+(?:(?:whole|full|entire)\s+)?"
                        r"(month|quarter|half|year|period)\s*$", re.I)
_UNIT_SHAPE = {"month": r"\d{4}-\d\d", "quarter": r"\d{4}-Q\d", "half": r"\d{4}-H\d",
               "year": r"\d{4}", "period": r".+"}


def containing(period: str, unit: str) -> str | None:
    """The ``unit`` ("month", "quarter", "half", "year", "period") that holds ``period``:
    "the quarter" of a March release is the first quarter, "the year" of a fourth-quarter
    release the whole year; None when the unit is smaller than the period.

    >>> containing("2023-03", "quarter"), containing("2023-Q4", "year"), containing("2023-Q4", "month")
    ('2023-Q1', '2023', None)
    """
    if unit == "period" or re.fullmatch(_UNIT_SHAPE[unit], period):
        return period
    m = re.fullmatch(r"(\d{4})-(?:(\d\d)|Q(\d)|H(\d))", period)
    if m is None:
        return None
    year, month, quarter, half = m.groups()
    if unit == "year":
        return year
    if month is not None and unit == "quarter":
        return f"{year}-Q{(int(month) - 1) // 3 + 1}"
    if unit == "half" and (month or quarter):
        return f"{year}-H{1 if (int(month) if month else int(quarter) * 3) <= 6 else 2}"
    return None


def _main_period(doc: Doc, ctx: DocContext) -> str | None:
    """The first period the document states (not a base of comparison)."""
    for ent in doc_ents(doc):
        if ent.label_ == "PERIOD" and not is_comparison_base(ent) and not _is_stamp(doc, ent) \
                and _recent(explicit_year(ent), ctx.published):
            period = resolve_period(ent, ctx)
            if period is not None:
                return period
    return None


def carried_period(doc: Doc, ctx: DocContext, before_char: int) -> str | None:
    """The last period stated in the paragraph before ``before_char``, else the main period."""
    start, _ = ctx.paragraph_of(before_char)
    key = (ctx.main_period, ctx.year, ctx.published, ctx.year_from_text, ctx.place_country)
    found = ctx.stated.get(key)
    if found is None or found[0] is not doc:
        # once per doc: reading the paragraph back on every call was quadratic on long texts,
        # and so was resolving every period again when none resolves (no year known)
        starts, resolved, last = [], [], []
        for e in doc_ents(doc):
            if e.label_ == "PERIOD" and not is_comparison_base(e):
                starts.append(e.start_char)
                resolved.append(resolve_period(e, ctx))
                last.append(len(resolved) - 1 if resolved[-1] is not None else (last[-1] if last else -1))
        found = ctx.stated[key] = (doc, starts, resolved, last)
    _, starts, resolved, last = found
    k = bisect_left(starts, before_char) - 1
    if k >= 0 and last[k] >= bisect_left(starts, start):
        return resolved[last[k]]
    return _heading_period(doc, ctx, start) or ctx.main_period


# a line that heads a section: short, no sentence, no figure ("2. Month of June")
_HEADING_MAX = 120
_SENTENCE_END = re.compile(r"[.!?;,]\s*$")
_NUMBERED = re.compile(r"(?:\(?\d{1,2}[.)]|[IVX]{1,4}\.|[A-H][.)])\s+[A-Z]")


def _heading_period(doc: Doc, ctx: DocContext, paragraph_start: int) -> str | None:
    """The period named by the last numbered section heading above the paragraph ("2. Month
    of June" over "Exports were 1,812.6 billion yen, down 4.9%"), if that heading names one.
    Any short line was tried first: datelines and page furniture ("Updated: 2021-07-28")
    then passed for headings (train -71 / +74)."""
    if ctx.headings is None or ctx.headings[0] is not doc:
        text = doc_text(doc)
        found = []
        for start, end in ctx.paragraphs[1:]:  # the headline states the main period
            line = text[start:end].strip()
            if len(line) > _HEADING_MAX or _SENTENCE_END.search(line) or not _NUMBERED.match(line):
                continue
            ents = ents_before(doc, end, start)
            if any(e.label_ in ("MONEY", "PERCENT") for e in ents):
                continue
            period = next((p for p in (resolve_period(e, ctx) for e in ents if e.label_ == "PERIOD"
                                       and not is_comparison_base(e)) if p is not None), None)
            found.append((start, period))
        ctx.headings = (doc, [s for s, _ in found], [p for _, p in found])
    _, starts, periods = ctx.headings
    k = bisect_left(starts, paragraph_start)
    return periods[k - 1] if k else None
