"""Fiscal years and twelve-month spans: the reporting country's convention decides."""
import pytest

from tradeie.normalize import parse_period
from tradeie.normalize.fiscal import parse_fiscal
from tradeie.normalize.period import find_periods


@pytest.mark.parametrize("text,kw,expected", [
    ("fiscal year 2023-24", {"country": "PK"}, "2023-07..2024-06"),
    ("fiscal year 2023-24", {"country": "IN"}, "2023-04..2024-03"),
    ("in 2022-23", {"country": "BD"}, "2022-07..2023-06"),
    ("the 2023/24 financial year", {"country": "AU"}, "2023-07..2024-06"),
    ("FY24", {"country": "IN"}, "2023-04..2024-03"),
    ("FY2023-24", {"country": "IN"}, "2023-04..2024-03"),
    # Japan names a fiscal year by the year it starts in
    ("fiscal 2021", {"country": "JP"}, "2021-04..2022-03"),
    ("the first half of fiscal 2021", {"country": "JP"}, "2021-04..2021-09"),
    ("the first half of FY2021", {"country": "PK"}, "2020-H2"),
    ("the first quarter of FY24", {"country": "IN"}, "2023-Q2"),
    # a fiscal year to date crosses the calendar year
    ("July-January", {"country": "PK", "year": 2024}, "2023-07..2024-01"),
    # months of a named fiscal year, and the first months of the current one
    ("July-January 2023-24", {"country": "PK"}, "2023-07..2024-01"),
    ("April-January of 2023-24", {"country": "IN"}, "2023-04..2024-01"),
    ("the April-June quarter of 2022-23", {"country": "IN"}, "2022-Q2"),
    ("the first seven months of fiscal year 2023-24", {"country": "PK"}, "2023-07..2024-01"),
    ("the first seven months of the current fiscal year", {"country": "PK", "year": 2024},
     "2023-07..2024-01"),
    ("the first four months of the current fiscal year", {"country": "IN", "year": 2023},
     "2023-04..2023-07"),
    # twelve months to a month need no convention
    ("the year ended September 2023", {}, "2022-10..2023-09"),
    ("12 months to March 2019", {}, "2018-04..2019-03"),
    ("the year ended December 2022", {}, "2022"),
    ("the fiscal year ended March 31", {"year": 2024}, "2023-04..2024-03"),
    # a quarter or half of a fiscal year written short, as South Asian business papers do
    ("1QFY25", {"country": "PK"}, "2024-Q3"),
    ("Q1 FY25", {"country": "IN"}, "2024-Q2"),
    ("H1FY25", {"country": "IN"}, "2024-04..2024-09"),
    ("2HFY2024", {"country": "PK"}, "2024-H1"),
    ("Q4FY24", {"country": "IN"}, "2024-Q1"),
    ("Q2 FY2024", {"country": "JP"}, "2024-Q3"),
    # a quarter or half of the current fiscal year ends in the context year
    ("the first quarter of the current fiscal year", {"country": "PK", "year": 2024}, "2024-Q3"),
    ("the first half of this fiscal year", {"country": "IN", "year": 2024}, "2024-04..2024-09"),
    ("the fourth quarter of the current fiscal year", {"country": "IN", "year": 2024}, "2024-Q1"),
])
def test_fiscal_periods(text, kw, expected):
    assert parse_period(text, **kw) == expected


@pytest.mark.parametrize("text,kw", [
    ("fiscal year 2023-24", {}),  # whose fiscal year: unknown, so not guessed
    ("FY24", {"country": "CN"}),  # China's fiscal year is the calendar year: no FY names
    ("fiscal 2021", {"country": "NG"}),
    ("1QFY25", {}),
    ("H3FY24", {"country": "IN"}),  # no third half
])
def test_fiscal_year_of_unknown_convention_is_none(text, kw):
    assert parse_period(text, **kw) is None


def test_calendar_periods_are_untouched():
    assert parse_period("January to June", year=2020, country="IN") == "2020-H1"
    assert parse_period("in 2022", country="PK") == "2022"
    assert parse_period("June to January", year=2022) is None  # no fiscal country: two years
    assert parse_fiscal("2019-2023", fiscal_start=4) is None  # not consecutive years


@pytest.mark.parametrize("text,want", [
    ("Exports rose in fiscal year 2023-24, up from $2.22 billion in 2022-23.",
     ["fiscal year 2023-24", "2022-23"]),
    ("the first seven months of the 2023-24 fiscal year", ["the first seven months",
                                                           "the 2023-24 fiscal year"]),
    ("In FY24 exports rose", ["FY24"]),
    ("exports in 1QFY25 and Q2 FY2024 rose", ["1QFY25", "Q2 FY2024"]),
    ("in the first quarter of the current fiscal year, exports", [
        "the first quarter of the current fiscal year"]),
    ("in the first seven months of this fiscal year exports", [
        "the first seven months of this fiscal year"]),
    ("in the year ended September 2023, exports", ["the year ended September 2023"]),
    ("in the 12 months to March 2019", ["the 12 months to March 2019"]),
    ("grew 20.5% in 2023, to $1.5 billion", ["2023"]),
    ("Updated: 2024-01-19 10:00", ["2024"]),  # a date stamp, not a fiscal year
])
def test_find_periods_marks_whole_fiscal_spans(text, want):
    assert [text[s:e] for s, e in find_periods(text)] == want
