"""Ordinal ranks: "8th", "eighth", "No.1", "No. 12" -> int.

>>> parse_ordinal("ranked 8th"), parse_ordinal("twelfth"), parse_ordinal("No.1")
(8, 12, 1)
"""
from __future__ import annotations

import re

from .text import clean

WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}
_NUMERIC = re.compile(r"\b(?:No\.?\s?|number\s|#)?(\d{1,3})(st|nd|rd|th)?\b", re.I)
_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)
MAX_RANK = 1000


def parse_ordinal(text: str) -> int | None:
    """The rank an ordinal states, or None ("top ten" states none)."""
    text = clean(text)
    if re.search(r"\btop\s+\w+\b", text, re.I) and not re.search(r"\bNo\.?\s?\d", text):
        return None
    for m in _NUMERIC.finditer(text):
        if m.group(2) or re.match(r"(No\.?\s?|number\s|#)", m.group(0), re.I):
            value = int(m.group(1))
            return value if 1 <= value <= MAX_RANK else None
    m = _WORD.search(text)
    return WORDS[m.group(1).lower()] if m else None
