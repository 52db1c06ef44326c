"""Fiscal years and other twelve-month spans that cross a calendar year.

India, Pakistan, Bangladesh, Japan, Australia, New Zealand and others publish trade by a
fiscal year that starts in April or July. Its name depends on the country: "2023-24" and
"FY24" are April 2023 to March 2024 in India and July 2023 to June 2024 in Pakistan, and
Japan's "fiscal 2021" starts in April 2021. The country's first fiscal month comes from the
reporting place (``FISCAL_START``); where it is unknown, a fiscal year is left unread (None)
rather than guessed.

>>> parse_fiscal("fiscal year 2023-24", fiscal_start=7)
'2023-07..2024-06'
>>> parse_fiscal("FY24", fiscal_start=4)
'2023-04..2024-03'
>>> parse_fiscal("the first half of fiscal 2021", fiscal_start=4, japanese=True)
'2021-04..2021-09'
>>> parse_fiscal("the year ended September 2023")
'2022-10..2023-09'
>>> parse_fiscal("July-January", year=2024, fiscal_start=7)
'2023-07..2024-01'
>>> parse_fiscal("July-January 2023-24", fiscal_start=7)
'2023-07..2024-01'
>>> parse_fiscal("the first seven months of the current fiscal year", year=2024, fiscal_start=7)
'2023-07..2024-01'
>>> parse_fiscal("1QFY25", fiscal_start=7)
'2024-Q3'
>>> parse_fiscal("the first half of the current fiscal year", year=2024, fiscal_start=4)
'2024-04..2024-09'
>>> parse_fiscal("fiscal year 2023-24") is None  # the convention is unknown
True
"""
from __future__ import annotations

import re

# The first month of the government fiscal year, by ISO country code, where it is not January.
# Japan names a fiscal year by the calendar year it starts in; the others by the year it ends in.
FISCAL_START = {
    "IN": 4, "JP": 4, "GB": 4, "CA": 4, "HK": 4, "SG": 4, "ZA": 4, "MM": 4,
    "PK": 7, "BD": 7, "AU": 7, "NZ": 7, "EG": 7, "KE": 7, "UG": 7, "TZ": 7, "NP": 7,
    "ET": 7, "NG": 1, "US": 10, "TH": 10,
}
NAMED_BY_START = {"JP"}

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_FISCAL_WORD = r"(?:fiscal|financial)(?:\s+year)?"

# "the year ended September 2023", "12 months to March 2019", "the fiscal year ended March 31"
_YEAR_ENDED = re.compile(r"\b(?:(?:fiscal\s+|financial\s+)?year|twelve months|12 months)\s+"
                         r"(?:ended|ending|to|through)\s+(?:the\s+end\s+of\s+)?(?P<m>" + _MONTH
                         + r")(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?,?(?:\s+(?P<y>(?:19|20)\d\d))?", re.I)
# "2023-24", "2023/24", "2022-2023" (two consecutive years)
_TWO_YEARS = r"(?P<y1>(?:19|20)\d\d)\s*[-/\u2013]\s*(?P<y2>\d\d|(?:19|20)\d\d)(?![\d%])"
_NAMED_SPANS = (re.compile(r"\b(?:" + _FISCAL_WORD + r"|FY)\s*'?" + _TWO_YEARS, re.I),
                re.compile(_TWO_YEARS + r"\s+" + _FISCAL_WORD, re.I))
_BARE_SPAN = re.compile(r"(?<![\w.-])" + _TWO_YEARS, re.I)
# "FY24", "FY2024", "fiscal 2021", "fiscal year 2024"
_ONE_YEAR = re.compile(r"\bFY\s?'?(?P<a>\d\d|(?:19|20)\d\d)(?![\d-])|\b" + _FISCAL_WORD
                       + r"\s+(?P<b>(?:19|20)\d\d)(?![\d-])", re.I)
_PART = re.compile(r"\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<u>half|quarter)\b",
                   re.I)
_MONTH_RANGE = re.compile(r"\b(?P<m1>" + _MONTH + r")\s*(?:-|\u2013|to|through)\s*(?P<m2>" + _MONTH
                          + r")(?![a-z])", re.I)
# "1QFY25", "Q1 FY25", "H1FY2025", "2HFY24": a quarter or half of a named fiscal year
_COMPACT = re.compile(r"(?<![\w])(?:(?P<k1>[1-4])(?P<u1>[QH])|(?P<u2>[QH])(?P<k2>[1-4]))\s*[-/]?\s*FY\s?'?"
                      r"(?P<y>\d\d|(?:19|20)\d\d)(?![\d-])", re.I)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


# The surface forms :func:`period.find_periods` marks (before its calendar forms).
FISCAL_SPAN = (
    r"(?<![\w])(?:[1-4][QH]|[QH][1-4])\s*[-/]?\s*FY\s?'?(?:19|20)?\d\d(?![\d-])|"
    r"(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:half|quarter)|first\s+"
    r"(?:1[01]|[1-9]|" + "|".join(_COUNTS) + r")\s+months?)\s+of\s+"
    r"(?:the\s+)?(?:current|this|present|ongoing)\s+(?:fiscal|financial)(?:\s+year)?\b|"
    r"(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:half|quarter)\s+of\s+"
    r"(?:the\s+)?)?(?:(?:fiscal|financial)(?:\s+year)?\s+(?:19|20)\d\d(?:\s*[-/\u2013]\s*(?:\d\d|"
    r"(?:19|20)\d\d))?(?![\d%])|FY\s?'?(?:19|20)?\d\d(?:\s*[-/\u2013]\s*(?:\d\d|(?:19|20)\d\d))?\b|"
    r"(?<![\w.$-])(?:19|20)\d\d\s*[-/\u2013]\s*\d\d(?![\d%]|[.,]\d|\s*[-/]\s*\d)(?:\s+(?:fiscal|financial)\s+year)?)"
    r"|(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year|twelve months|12 months)\s+(?:ended|ending|to)\s+"
    + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?:19|20)\d\d)?"
)


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:3]]


def months_name(y1: int, m1: int, y2: int, m2: int) -> str:
    """A span of months in canonical form; within one year as :func:`period.canonical` writes it."""
    from .period import canonical

    if y1 == y2:
        return canonical(y1, m1, m2)
    return f"{y1}-{m1:02d}..{y2}-{m2:02d}"


def _full_year(two: str, first: int) -> int:
    return int(two) if len(two) == 4 else first // 100 * 100 + int(two)


def _part(m: re.Match | None) -> tuple[int, int] | None:
    """(which, months in it) of "the second half"; None for no match."""
    if m is None:
        return None
    return _ORDINAL[m.group("o").lower()], 6 if m.group("u").lower() == "half" else 3


def _compact_part(m: re.Match) -> tuple[int, int] | None:
    """(which, months in it) of "Q3" or "1H"; None past the last of its kind ("H3")."""
    k, unit = int(m.group("k1") or m.group("k2")), (m.group("u1") or m.group("u2")).upper()
    size = 6 if unit == "H" else 3
    return (k, size) if k * size <= 12 else None


def _fiscal_range(first_year: int, start: int, part: tuple[int, int] | None = None) -> str:
    """The fiscal year that starts in ``start`` of ``first_year``, or the half or quarter of it
    that ``part`` (which, months in it) names."""
    lo, hi = 0, 12
    if part is not None:
        k, size = part
        lo, hi = (k - 1) * size, k * size
    m1, m2 = start - 1 + lo, start - 1 + hi - 1  # 0-based month offsets from January of first_year
    return months_name(first_year + m1 // 12, m1 % 12 + 1, first_year + m2 // 12, m2 % 12 + 1)


_FIRST_MONTHS = re.compile(r"\bfirst\s+(?P<n>1[01]|[1-9]|" + "|".join(_COUNTS) + r")\s+months?\b",
                           re.I)
_CURRENT_FISCAL = re.compile(r"\b(?:current|this|present|ongoing)\s+(?:fiscal|financial)\b", re.I)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def _months_of_fiscal(text: str, first_year: int, start: int) -> str | None:
    """Months of the fiscal year that starts in ``start`` of ``first_year``: "July-January
    2023-24" (2023-07..2024-01), "the first seven months of fiscal year 2023-24"."""
    m = _MONTH_RANGE.search(text)
    if m:
        a, b = _month(m.group("m1")), _month(m.group("m2"))
        return months_name(first_year + (a < start), a, first_year + (b < start), b)
    first = _FIRST_MONTHS.search(text)
    return _first_months(first_year, start, _count(first.group("n"))) if first else None


def _first_months(first_year: int, start: int, n: int) -> str:
    """The first ``n`` months of the fiscal year that starts in ``start`` of ``first_year``."""
    end = start - 1 + n - 1  # 0-based month offset from January of first_year
    return months_name(first_year, start, first_year + end // 12, end % 12 + 1)


def parse_fiscal(text: str, *, year: int | None = None, fiscal_start: int | None = None,
                 japanese: bool = False) -> str | None:
    """The period of a fiscal-year or twelve-month expression in ``text``; None when there is
    none or its country's convention is unknown. ``year`` is the context year: the one a fiscal
    month range without a year ("July-January") ends in."""
    return read_fiscal(text, year=year, fiscal_start=fiscal_start, japanese=japanese)[1]


def read_fiscal(text: str, *, year: int | None = None, fiscal_start: int | None = None,
                japanese: bool = False) -> tuple[bool, str | None]:
    """(whether ``text`` names a fiscal year or a twelve-month span, its period or None), read
    in one pass: a fiscal form whose period is unknown is no calendar period either."""
    known = fiscal_start not in (None, 1)
    m = _YEAR_ENDED.search(text)
    if m:
        last, end_year = _month(m.group("m")), int(m.group("y")) if m.group("y") else year
        if end_year is None:
            return True, None
        return True, months_name(end_year - 1 if last < 12 else end_year, last % 12 + 1,
                                 end_year, last)
    compact = _COMPACT.search(text)
    if compact:
        quarter_or_half = _compact_part(compact)
        if not known or quarter_or_half is None:
            return True, None
        named_year = _full_year(compact.group("y"), 2000)
        return True, _fiscal_range(named_year if japanese else named_year - 1, fiscal_start,
                                   quarter_or_half)
    part = _part(_PART.search(text))
    named = _named_span(text)
    m = named or (_BARE_SPAN.search(text) if known else None)
    if m:
        y1 = int(m.group("y1"))
        if known and _full_year(m.group("y2"), y1) == y1 + 1:
            return True, (_months_of_fiscal(text, y1, fiscal_start)
                          or _fiscal_range(y1, fiscal_start, part))
        return bool(named or _ONE_YEAR.search(text)), None
    m = _ONE_YEAR.search(text)
    if m:
        if not known:
            return True, None
        named_year = _full_year(m.group("a") or m.group("b"), 2000)
        return True, _fiscal_range(named_year if japanese else named_year - 1, fiscal_start, part)
    if known and year is not None and _CURRENT_FISCAL.search(text):
        first = _FIRST_MONTHS.search(text)
        if first:  # "the first seven months of the current fiscal year": it ends in ``year``
            n = _count(first.group("n"))
            return True, _first_months(year - (fiscal_start - 1 + n - 1) // 12, fiscal_start, n)
        if part is not None:  # "the first quarter of the current fiscal year": it ends in ``year``
            k, size = part
            return True, _fiscal_range(year - (fiscal_start - 1 + k * size - 1) // 12, fiscal_start,
                                       part)
    m = _MONTH_RANGE.search(text)
    if m and known and year is not None:
        a, b = _month(m.group("m1")), _month(m.group("m2"))
        if a > b and a >= fiscal_start > b:  # "July-January": a fiscal year to date
            return False, months_name(year - 1, a, year, b)
    return False, None


def _named_span(text: str) -> re.Match | None:
    return next((m for m in (rx.search(text) for rx in _NAMED_SPANS) if m), None)
