"""Canonical forms of the fields of a fact, as scoring compares them.

Implements the canonicalisation of "Scoring a prediction against gold" in ``fact-schema.md``:
location and partner names (case, white space, a leading "the", administrative suffixes and
the alias table ``NAME_ALIASES``), periods (whole quarters, halves and years of month ranges
collapsed) and product token sets. A null, empty or all-blank name or period is ``None``; a
fact without a ``type`` is a trade fact. Standard library only.
"""
from __future__ import annotations

import re

NAME_ALIASES: dict[str, str] = {
    **dict.fromkeys(["eu", "the eu", "the european union"], "european union"),
    **dict.fromkeys(
        ["us", "u.s.", "usa", "u.s.a.", "the us", "the u.s.", "the united states",
         "america", "united states of america"],
        "united states",
    ),
    **dict.fromkeys(["uk", "u.k.", "the uk", "britain", "great britain"], "united kingdom"),
    **dict.fromkeys(
        ["asean countries", "asean members", "asean member states",
         "association of southeast asian nations"],
        "asean",
    ),
    **dict.fromkeys(["rok", "korea", "republic of korea"], "south korea"),
    **dict.fromkeys(
        ["belt and road", "countries along the belt and road",
         "belt and road countries and regions",
         "countries and regions along the belt and road"],
        "belt and road countries",
    ),
    **dict.fromkeys(["rcep", "rcep countries", "rcep member countries"], "rcep members"),
    "central and eastern european countries": "ceec",
    **dict.fromkeys(["prc", "mainland china", "chinese mainland"], "china"),
    **dict.fromkeys(["hong kong sar", "hksar"], "hong kong"),
    **dict.fromkeys(["brics", "brics nations", "brics members"], "brics countries"),
}

NAME_SUFFIXES = (" city", " municipality", " province", " prefecture", " special economic zone")
PRODUCT_STOP_WORDS = frozenset({"and", "of", "the", "products"})

_MONTH_RANGE = re.compile(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})")
_SPANS = {(1, 12): "", (1, 6): "-H1", (7, 12): "-H2", (1, 3): "-Q1", (4, 6): "-Q2",
          (7, 9): "-Q3", (10, 12): "-Q4"}


def canonical_name(name: str | None) -> str | None:
    """Canonical form of a location or partner name; None for null or blank.

    >>> canonical_name("  The  U.S. ")
    'united states'
    >>> canonical_name("Guangdong Province")
    'guangdong'
    """
    if name is None:
        return None
    text = " ".join(str(name).split()).lower().replace("\u2019", "'")
    if not text:
        return None
    if text in NAME_ALIASES:
        return NAME_ALIASES[text]
    if text.startswith("the "):
        text = text[len("the "):]
    for suffix in NAME_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return NAME_ALIASES.get(text, text)


def canonical_period(period: str | None) -> str | None:
    """Canonical period: upper-case, whole quarter/half/year month ranges collapsed.

    >>> canonical_period("2020-01..2020-06")
    '2020-H1'
    >>> canonical_period("2021-q1")
    '2021-Q1'
    """
    if period is None:
        return None
    text = str(period).strip().upper()
    if not text:
        return None
    match = _MONTH_RANGE.fullmatch(text)
    if match is None or match[1] != match[3]:
        return text
    start, end = int(match[2]), int(match[4])
    if start == end:
        return f"{match[1]}-{match[2]}"
    if (start, end) in _SPANS:
        return match[1] + _SPANS[start, end]
    return text


def product_tokens(product: str | None) -> frozenset[str]:
    """Lower-cased letter/digit runs of a product, without stop words.

    >>> sorted(product_tokens("Mechanical and Electrical Products"))
    ['electrical', 'mechanical']
    """
    if product is None:
        return frozenset()
    words = re.findall(r"[^\W_]+", str(product).lower())
    return frozenset(words) - PRODUCT_STOP_WORDS


def _fact_type(fact: dict) -> str:
    return fact.get("type") or "trade"
