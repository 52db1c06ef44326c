"""Pure normalizers: money, percentages, periods and places from short strings."""
from .money import Money, parse_money
from .percent import Percent, parse_percent, polarity, signed_growth
from .period import canonical, parse_date, parse_period
from .place import canonical_place

__all__ = ["Money", "Percent", "canonical", "canonical_place", "parse_date", "parse_money",
           "parse_percent", "parse_period", "polarity", "signed_growth"]
