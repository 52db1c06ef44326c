"""Rates: whether a percentage is a year-on-year growth or a share, and its value.

"up 8.3 percent year on year" is growth; "up 0.8% from the previous month", "6.9 percentage
points", "13.7 per cent in volume" and "an average annual rate of 8.1 percent" are not;
"12.4% and a month-on-month increase of 6.9%" qualifies only the second rate.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..normalize.percent import polarity, resolve_percent, signed_growth
from .candidates import _NOT_GROWTH_AFTER
from .docindex import cached, doc_text, memo, span_text
from .slots import is_forecast


CLAUSE_CHARS = 400


def growth_of(span: Span, sent: Span, year: int | None = None) -> float | None:
    """Year-on-year growth of a percentage, or None when it is not one: percentage points,
    month-on-month, a change against an older base, the change of a volume ("542 million
    tonnes, down 5.9%"). ``year`` is the fact's year: "over the same period in 2022" is
    year-on-year for a 2023 figure."""
    return cached(span.doc, ("growth_of", span.start, span.end, sent.start, sent.end, year),
                  lambda: _growth_of(span, sent, year))


def _growth_of(span: Span, sent: Span, year: int | None) -> float | None:
    pct = resolve_percent(span_text(span))
    if pct is None or pct.kind == "points":
        return None
    doc = span.doc
    if re.match(r"[\s(]*\+", doc_text(doc)[max(0, span.start_char - 1): span.end_char]):
        return pct.value  # "(+31.3%)": the sign is written
    after = doc_text(doc)[span.end_char: span.end_char + 60]
    # "12.4% and a month-on-month increase of 6.9%": what follows the next conjunction
    # qualifies the next rate, not this one
    own = _NEXT_RATE.split(after, maxsplit=1)[0]
    if _NOT_GROWTH_AFTER.search(own) and not _previous_year_base(after, year):
        return None
    if _MOM_AFTER.match(own) or _other_base_year(own, year):
        return None
    before = doc_text(doc)[max(sent.start_char, span.start_char - 60): span.start_char]
    if is_forecast(span):
        return None  # "The chamber expects exports to grow by around 2 percent in 2023"
    if memo(doc, "month_on_month", _month_on_month_release) and \
            not _says_year_on_year(span, sent, year):
        return None  # a release whose changes are against the month before, unless it says
    rest = doc_text(doc)[span.end_char: min(sent.end_char, span.end_char + CLAUSE_CHARS)]
    every = _ALL_AGAINST.search(rest)
    if every and (every.group("prev") or _other_base_year(every.group("base"), year)):
        return None  # "... rose by 1.4% to 6.6 billion euros (all seasonally adjusted, compared with April 2023)"
    if _THRESHOLD_BEFORE.search(before):
        return None  # "The remaining five cities all grew faster than 9%": a bar, not a figure
    if _PRICE_RATE_BEFORE.search(before):
        return None  # "BYD, which has cut prices by as much as 15% at home": a price's change
    # the clause, read at most CLAUSE_CHARS back: a sentence can run a whole page unpunctuated
    reach = doc_text(doc)[max(sent.start_char, span.start_char - CLAUSE_CHARS): span.start_char]
    clause = re.split(r"[;:]", reach)[-1]
    if _NOT_YOY_BEFORE.search(clause):
        return None  # "On a seasonally adjusted basis, exports were 0.4% higher"
    if _VALUE_AFTER.match(after):
        return signed_growth(pct, before, after)  # "13.7 per cent in volume and 4.8 per cent in value"
    if _VOLUME_BEFORE.search(before) or _AVERAGE_RATE.search(before) or _VOLUME_AFTER.match(after) \
            or _VOLUME_WORD_BEFORE.search(before) or (_QUANTITY_THEN.search(before) and
                                                     _MORE_OR_LESS.match(after)):
        return None  # a volume's change; "an average annual rate of 8.1 percent" since 2012
    # a rate that shares its verb with the rates before it ("natural gas 2.9% and coal
    # 21.6%"): the clause back to a contrast ("while", "but", ";") says which way
    gapped = _CONTRAST.split(reach)[-1]
    if ":" in reach and not polarity(gapped):
        # "Energy imports fell across the board: crude oil 2.4 percent, gas 12.8 percent": the
        # verb before the colon gives the list its direction
        gapped = _CONTRAST_WORD.split(reach)[-1]
    return signed_growth(pct, before, after, gapped)


_PRICE_RATE_BEFORE = re.compile(r"\bprices?\s+(?:[a-z]+\s+){0,2}?(?:by\s+)?(?:as\s+much\s+as\s+|about\s+|"
                                r"around\s+|nearly\s+|some\s+|up\s+to\s+|roughly\s+)?$", re.I)

_THRESHOLD_BEFORE = re.compile(r"\b(?:faster|slower|quicker|more|less|higher|lower)\s+than\s+(?:the\s+)?"
                               r"(?:\w+\s+)?$|\b(?:at least|at most|no less than|no more than|in excess of|"
                               r"exceeding|double-digit)\s+$", re.I)
_CONTRAST = re.compile(r"\b(?:while|whereas|but|although|though|meanwhile)\b|[;:]", re.I)
_CONTRAST_WORD = re.compile(r"\b(?:while|whereas|but|although|though|meanwhile)\b|;", re.I)
_NEXT_RATE = re.compile(r"\s*(?:,\s*)?\b(?:and|while|but|whereas)\s+(?:an?\s+|the\s+)?(?=[^.;]{0,40}?"
                        r"\d[\d.,]*\s*(?:%|per ?cent|pct))", re.I)
_AVERAGE_RATE = re.compile(r"\b(?:average annual|annual average|annuali[sz]ed|compound(?:ed)? "
                           r"annual|on average|average)\b[^.;]{0,30}$", re.I)


_NOT_YOY_BEFORE = re.compile(r"seasonally[- ]adjusted|\bon a (?:monthly|quarterly) basis\b|"
                             r"^\s*(?:month|quarter)[- ](?:on|over)[- ](?:month|quarter),|"
                             r"^\s*(?:compared\s+(?:with|to)|against|versus)\s+(?:the\s+(?:previous|preceding|prior)\s+"
                             r"(?:month|quarter)|(?:January|February|March|April|May|June|July|August|September|"
                             r"October|November|December))\s*,|(?:month|quarter)[- ]on[- ](?:month|quarter)\b"
                             r"[^,]{0,25}$|\b(?:m-o-m|q-o-q|mom|qoq)\b[^,]{0,25}$", re.I)
# "up 0.8% from the previous month", "compared with May", "declined 12.3% month over month",
# "38.65 percent month-to-month", "rose 2.8% on the month", "7.5% more than in the previous half"
_MOM_AFTER = re.compile(r"^[^.;]{0,30}?(?:(?:compared (?:to|with)|from|over|versus|against|than|on)\s+"
                        r"(?:in\s+)?(?:(?:the|a)\s+)?(?:previous|prior|preceding|last) (?:month|quarter|half)|"
                        r"(?:compared (?:to|with)|over|versus|against|on|than(?:\s+(?:in|that of|that in|for))?)\s+"
                        r"(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b(?![\s,]+(?:\d|last|a year|of))|"
                        r"\b(?:month|quarter)[- ](?:over|to)[- ](?:month|quarter)\b|\bquarter[- ]on[- ]quarter\b|"
                        r"\b(?:on|over) the (?:month|quarter)\b)", re.I)
_VALUE_AFTER = re.compile(r"^\s*(?:in value|by value|in (?:value|dollar|money|nominal) terms|in terms of "
                          r"value)\b", re.I)

_BASE_YEAR = re.compile(r"^[^.;]{0,40}?(?:than|from|over|compared (?:with|to)|against|versus|on)\s+(?:in\s+)?"
                        r"(?:the same (?:period|month|quarter) (?:of|in)\s+)?(?:(?:January|February|"
                        r"March|April|May|June|July|August|September|October|November|December)\s+)?"
                        r"((?:19|20)\d\d)\b", re.I)

# "542 million tonnes", "97,000 vehicles": a quantity, not a value
_QUANTITY = (r"\d\s*(?:million|billion|thousand)?\s*(?:metric\s+)?(?:tonnes|tons|barrels|TEUs?|units|"
             r"vehicles|cars|sets|pieces|head|cubic met(?:er|re)s|kilograms|kg)\b")
_VOLUME_BEFORE = re.compile(_QUANTITY + r"[^,;]{0,25},?\s*(?:an?\s+)?(?:up|down|rising|falling|"
                            r"increas\w*|decreas\w*|a (?:rise|fall|drop|decline|gain) of)\s*(?:by\s+)?$",
                            re.I)
# "shipped 53.4 million tonnes of steel abroad, 24.0% more than a year earlier": the rate
# right after a quantity, compared by "more" or "less"
_QUANTITY_THEN = re.compile(_QUANTITY + r"(?:(?!worth|valued|value|yuan|dollar|euro|yen\b|won\b|"
                            r"rupee)[^,;%$€¥£]){0,60},\s*(?:or\s+)?$", re.I)
_MORE_OR_LESS = re.compile(r"^\s*(?:more|less|higher|lower|fewer)\b", re.I)


# "up 13.7 per cent in volume", "rose 7.8 percent to 454.5 million tonnes"
_VOLUME_AFTER = re.compile(r"^\s*(?:(?:gain|rise|increase|growth|drop|decline|fall|more|less|higher|"
                           r"lower)\s+)?(?:in (?:volume|tonnage|quantity|quantities|terms of volume)\b|by "
                           r"(?:volume|quantity|weight|tonnage)\b|to [\d.,]+\s*(?:million|billion|thousand)?\s*(?:metric\s+)?"
                           r"(?:tonnes|tons|barrels|TEUs?|units|vehicles|cars|head|cubic)\b)", re.I)
# "coal export volume nevertheless rose 7.8 percent"
_VOLUME_WORD_BEFORE = re.compile(r"\b(?:volumes?|tonnage|quantit(?:y|ies))\b[^,;.%]{0,30}$", re.I)


# "Figures in this release are seasonally adjusted ..., and changes are month over month,
# except where noted"
_MOM_DECLARED = re.compile(r"\bchanges?\s+(?:are|is|refers?\s+to)\s+(?:calculated\s+|expressed\s+|reported\s+)?"
                           r"(?:on\s+a\s+)?(?:month[- ](?:over|on|to)[- ]month|"
                           r"(?:compared|relative)\s+(?:with|to)\s+the\s+(?:previous|preceding|prior)\s+month)",
                           re.I)
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:on|over|to)[- ]year\b|\by/y\b|\byoy\b|\by-o-y\b|\b(?:a|one)\s+year\s+"
                           r"(?:earlier|ago|before)\b|\b(?:same|corresponding)\s+(?:period|month|quarter)\b|"
                           r"\b(?:last|previous|prior|a)\s+year\b|\b(?:annual|yearly)\s+basis\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# a sentence's closing words that give every rate in it one base: "(all calendar and seasonally
# adjusted, compared with April 2023)"
_ALL_AGAINST = re.compile(r"\(\s*all\b[^()]{0,60}?(?P<base>(?:compared (?:with|to)|on|against|versus)\s+(?:"
                          r"(?P<prev>the (?:previous|preceding|prior) month)|[A-Z][a-z]+\s+(?:19|20)\d\d))\s*\)\W*$")


def _month_on_month_release(doc) -> bool:
    """True for a release that says its changes are against the month before unless noted
    (Statistics Canada: "changes are month over month, except where noted"). A first rate
    against the month before does not make one: Istat and BPS lead with it, then report
    year-on-year changes without saying so again."""
    return bool(_MOM_DECLARED.search(doc_text(doc)))


def _says_year_on_year(span: Span, sent: Span, year: int | None) -> bool:
    """Whether the words of a rate's clause name a base a year back ("Year over year, exports
    were 4.6% higher than in March 2018"; "exports decreased by 0.7% and imports by 11.4%
    compared with May 2022"): a year-on-year phrase, or the year before the figure's."""
    text = doc_text(span.doc)
    clause_start = max(sent.start_char, span.start_char - CLAUSE_CHARS)
    before = re.split(r"[;:]", text[clause_start: span.start_char])[-1]
    after = re.split(r"[;:]", text[span.end_char: min(sent.end_char, span.end_char + 120)])[0]
    words = before + " " + after  # (a base a month back after the rate was read by the caller)
    return bool(_YEAR_ON_YEAR.search(words)) or \
        year is not None and any(int(y) == year - 1 for y in _YEAR.findall(words))


def _other_base_year(after: str, year: int | None) -> bool:
    """"up 12.61 percent compared to April 2023" for a May 2023 figure: a base in the
    figure's own year (or an older one than the year before) is no year-on-year change."""
    m = _BASE_YEAR.match(after)
    return bool(m and year is not None and int(m.group(1)) != year - 1)


def _previous_year_base(after: str, year: int | None) -> bool:
    """"compared with April 2022" / "over the same period in 2022" for a 2023 figure."""
    m = _BASE_YEAR.match(after)
    return bool(m and year is not None and int(m.group(1)) == year - 1)


def share_of(span: Span) -> float | None:
    """A share in percent, or None: percentage points, and rates whose words say they are
    changes ("+12.1% on November", "up 3.0% year on year", a signed number)."""
    pct = resolve_percent(span_text(span))
    if pct is None or pct.kind == "points":
        return None
    text = doc_text(span.doc)
    after = text[span.end_char: span.end_char + 60]
    signed = re.search(r"[+\-\u2212]\s*$", text[max(0, span.start_char - 2): span.start_char]) or \
        span.text.lstrip()[:1] in ("+", "-", "\u2212")
    if signed or _MOM_AFTER.match(after) or _CHANGE_AFTER.match(after):
        return None
    return pct.value


_CHANGE_AFTER = re.compile(r"^\s*(?:year[- ]on[- ]year|y-?o-?y|from a year|on a year|over the same "
                           r"period|compared with the same|month[- ]on[- ]month)", re.I)
