import datetime as dt

import pytest
from hypothesis import given, strategies as st

from tradeie.normalize import canonical, parse_date, parse_period


def case(text, expected, xfail=None, **kw):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    label = text[:36] + ("|" + ",".join(f"{k}={v}" for k, v in kw.items()) if kw else "")
    return pytest.param(text, kw, expected, id=label, marks=marks)


# Period forms listed in phenomena.md ("Periods").
PHENOMENA = [
    case("In the first quarter", "2021-Q1", year=2021),
    case("Q1", "2021-Q1", year=2021),
    case("1Q 2023", "2023-Q1"),
    case("the first half", "2022-H1", year=2022),
    case("H1", "2022-H1", year=2022),
    case("January to June", "2020-H1", year=2020),
    case("January-June", "2020-H1", year=2020),
    case("Jan-Oct", "2022-01..2022-10", year=2022),
    case("the first five months", "2023-01..2023-05", year=2023),
    case("the first 11 months", "2022-01..2022-11", year=2022),
    case("the first three quarters", "2021-01..2021-09", year=2021),
    case("in June alone", "2022-06", year=2022),
    case("in 2022", "2022"),
    case("last year", "2022", published="2023-03-01"),
    case("this year", "2023", published="2023-03-01"),
    case("so far this year", "2023-01..2023-04", published="2023-05-20"),
    case("during the 14th Five-Year Plan period", None, year=2022),
    case("In March", "2021-03", year=2021),
    case("in the first 20 days of March", None, year=2023),
    case("as of October 15", None, year=2023),
    case("year to date", "2023-01..2023-08", published="2023-09-07"),
]
# Years in the text, in the context, or in the publication date.
YEARS = [
    case("the first quarter of 2021", "2021-Q1"),
    case("the first quarter of 2021", "2021-Q1", year=2019),
    case("the first quarter", "2022-Q1", published="2022-07-13"),
    case("the first quarter", "2021-Q1", year=2021, published="2022-07-13"),
    case("the first quarter", "2022-Q1", published=dt.date(2022, 7, 13)),
    case("the first quarter", "2022-Q1", published=dt.datetime(2022, 7, 13, 9, 30)),
    case("the first quarter", None),
    case("this year", None),
    case("last year", "2020", year=2021),
    case("the previous year", "2022", published="2023-01-15"),
    case("in 2019", "2019", published="2023-01-15"),
    case("2022", "2022"),
    case("the whole year", "2020", year=2020),
    case("over the year", "2021", year=2021),
    case("the year as a whole", "2021", year=2021),
    case("full-year 2022", "2022"),
    case("the first quarter", "2022-Q1", published="Updated: Aug 11, 2022"),
    case("January to May 2021", "2021-01..2021-05"),
    case("from January to May 2021", "2021-01..2021-05", year=2019),
    case("October 2022", "2022-10"),
    case("September last year", "2022-09", published="2023-11-02"),
    case("the first quarter of this year", "2023-Q1", published="2023-05-01"),
    case("2020%", None),
    case("the year 1066", None),
]
# Quarters, halves and month ranges in their many spellings.
FORMS = [
    case("the second quarter", "2022-Q2", year=2022),
    case("the third quarter", "2022-Q3", year=2022),
    case("the fourth quarter", "2022-Q4", year=2022),
    case("the last quarter of 2022", "2022-Q4"),
    case("Q4 2022", "2022-Q4"),
    case("4Q22", "2022-Q4", xfail="two-digit years are not read"),
    case("the 1st quarter", "2022-Q1", year=2022),
    case("first-quarter", "2022-Q1", year=2022),
    case("the second half of 2021", "2021-H2"),
    case("H2 2021", "2021-H2"),
    case("1H 2021", "2021-H1"),
    case("the first two months", "2023-01..2023-02", year=2023),
    case("January and February", "2023-01..2023-02", year=2023),
    case("January-February 2023", "2023-01..2023-02"),
    case("Jan.-Nov. 2022", "2022-01..2022-11"),
    case("January through September", "2022-01..2022-09", year=2022),
    case("January to March", "2022-Q1", year=2022),
    case("April to June", "2022-Q2", year=2022),
    case("July-December", "2022-H2", year=2022),
    case("January to December", "2022", year=2022),
    case("the first 12 months", "2022", year=2022),
    case("the first six months", "2022-H1", year=2022),
    case("the first nine months of 2021", "2021-01..2021-09"),
    case("the first two quarters", "2021-H1", year=2021),
    case("May", "2022-05", year=2022),
    case("exports may rise", None, year=2022),
    case("in Sept", "2022-09", year=2022),
    case("December", "2022-12", year=2022),
    case("June to January", None, year=2022),
    case("the three months to June 2023", "2023-Q2"),
    case("12 months ending December", "2022", year=2022),
    case("1-5月", None, year=2022),
]
# Australian and New Zealand usage: "the March quarter" is the quarter ending in March.
MONTH_QUARTERS = [
    case("the March quarter", "2024-Q1", year=2024),
    case("the June quarter 2024", "2024-Q2"),
    case("the June quarter of 2024", "2024-Q2", year=2019),
    case("the September quarter", "2023-Q3", year=2023),
    case("the December quarter", "2023-Q4", year=2023),
    case("the December 2023 quarter", "2023-Q4", year=2025),  # the year between month and word
    case("the Dec quarter", "2023-Q4", year=2023),
    case("June-quarter", "2023-Q2", year=2023),
    case("the December quarter last year", "2023-Q4", published="2024-05-02"),
    case("the April quarter", "2024-02..2024-04", year=2024),
    case("the January quarter", None, year=2024),
    case("the first quarter", "2024-Q1", year=2024),
]
# Ranges of quarters.
QUARTER_RANGES = [
    case("Q1-Q3", "2023-01..2023-09", year=2023),
    case("Q1\u2013Q3 2023", "2023-01..2023-09"),
    case("Q1 to Q3 2023", "2023-01..2023-09"),
    case("1Q-3Q 2023", "2023-01..2023-09"),
    case("Q1-Q2 2023", "2023-H1"),
    case("Q1-Q4 2023", "2023"),
    case("Q2-Q3", "2023-04..2023-09", year=2023),
    case("Q3-Q1 2023", None),
    case("Q1 and Q3 2023", "2023-Q1"),
    case("Q4 2022", "2022-Q4"),
]
# A period that ends after the publication month, with no year in the text or the context, is
# last year's.
PUBLISHED_MONTHS = [
    case("December", "2023-12", published=dt.date(2024, 1, 12)),
    case("in August", "2023-08", published="2024-07-02"),
    case("in June", "2024-06", published="2024-07-02"),
    case("January", "2024-01", published=dt.date(2024, 1, 12)),
    case("the December quarter", "2023-Q4", published=dt.date(2024, 1, 25)),
    case("the March quarter", "2024-Q1", published=dt.date(2024, 4, 30)),
    case("December", "2024-12", year=2024, published=dt.date(2024, 1, 12)),
    case("December 2024", "2024-12", published=dt.date(2024, 1, 12)),
    case("December last year", "2023-12", published=dt.date(2024, 1, 12)),
    case("December this year", "2024-12", published=dt.date(2024, 1, 12)),
    case("the fourth quarter", "2023-Q4", published=dt.date(2024, 1, 12)),
    case("October to December", "2023-Q4", published=dt.date(2024, 1, 12)),
    case("the first half", "2023-H1", published=dt.date(2024, 2, 15)),
    case("the first five months", "2024-01..2024-05", published=dt.date(2024, 6, 9)),
]


@pytest.mark.parametrize("text,kw,expected", PHENOMENA + YEARS + FORMS + MONTH_QUARTERS
                         + QUARTER_RANGES + PUBLISHED_MONTHS)
def test_period_parse_examples(text, kw, expected):
    assert parse_period(text, **kw) == expected


def test_period_table_is_large_enough():
    assert len(PHENOMENA + YEARS + FORMS) >= 60


@pytest.mark.parametrize("months,expected", [
    ((2021, 1, 3), "2021-Q1"), ((2021, 4, 6), "2021-Q2"), ((2020, 1, 6), "2020-H1"),
    ((2020, 7, 12), "2020-H2"), ((2022, 1, 12), "2022"), ((2021, 3, 3), "2021-03"),
    ((2022, 1, 10), "2022-01..2022-10"), ((2022, 2, 4), "2022-02..2022-04"),
    ((2022, 5, 4), None), ((2022, 0, 4), None), ((3000, 1, 3), None),
], ids=lambda v: str(v))
def test_period_canonical_names_whole_spans(months, expected):
    assert canonical(*months) == expected


@pytest.mark.parametrize("text,expected", [
    ("Release date:2022-07-13", dt.date(2022, 7, 13)),
    ("Updated: Aug 11, 2020", dt.date(2020, 8, 11)),
    ("Published 3 March 2021", dt.date(2021, 3, 3)),
    ("XIAMEN, July 22 (Xinhua) --", None),
    ("no date here", None),
    ("2022-12-20 16:02:11 Share:", dt.date(2022, 12, 20)),
    ("Updated: 2023-02-30 09:00", None),
], ids=["iso", "updated", "published", "no-year", "none", "stamp-then-words", "no-such-day"])
def test_period_parse_date_datelines(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,spans", [
    ("Exports rose in the March quarter of 2024.", ["the March quarter of 2024"]),
    ("In Q1\u2013Q3 2023, trade grew.", ["Q1\u2013Q3 2023"]),
    ("In Q1-Q3, trade grew.", ["Q1-Q3"]),
    ("Imports fell in Q1 and Q3.", ["Q1", "Q3"]),
    ("Over the year, Germany remained the main market.", ["Over the year"]),
    ("For the year as a whole, exports climbed.", ["the year as a whole"]),
    ("Over the year to March, exports fell.", ["the year to March"]),
    ("Trade grew in the first half year of 2021.", ["the first half year of 2021"]),
    ("In the first half, year on year, trade grew.", ["the first half"]),
], ids=["month-quarter", "en-dash-range", "range", "two-quarters", "over-the-year",
        "year-as-a-whole", "year-to-march", "half-year-of", "half-then-year-on-year"])
def test_period_find_periods_spans(text, spans):
    from tradeie.normalize.period import find_periods

    assert [text[s:e] for s, e in find_periods(text)] == spans


def test_period_rejects_non_str_naming_type():
    with pytest.raises(TypeError, match="int"):
        parse_period(2022)


def test_period_rejects_bad_published_type():
    with pytest.raises(TypeError, match="published"):
        parse_period("the first quarter", published=2022)


@given(st.text(max_size=80), st.one_of(st.none(), st.integers(-10**6, 10**6)))
def test_period_never_raises_on_text(text, year):
    result = parse_period(text, year=year)
    assert result is None or result[:4].isdigit()
