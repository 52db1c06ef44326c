"""A part is not larger than its whole: periods of partner and product figures checked
against the document's own totals.

A figure whose sentence states no period takes the one carried from its paragraph or the
article's main period. After a year-to-date paragraph that is often wrong: "In September,
exports were US$42.1 billion ... Over the first nine months, exports amounted to US$348.9
billion ... The United States stayed the biggest market, absorbing US$112.7 billion": a
market cannot take more than all September exports, so the figure is of the nine months, the
period of the nearest total before it that is large enough and contains the first.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..facts import TradeFact

_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})))?$")
_RANGE = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")


def month_span(period: str | None) -> tuple[int, int] | None:
    """(first, last) month of a canonical period, counted from year 0.

    >>> month_span("2025-Q3"), month_span("2025-01..2025-09") == (2025 * 12, 2025 * 12 + 8)
    ((24308, 24310), True)
    """
    if not period:
        return None
    m = _RANGE.match(period)
    if m:
        y1, m1, y2, m2 = map(int, m.groups())
        return y1 * 12 + m1 - 1, y2 * 12 + m2 - 1
    m = _PERIOD.match(period)
    if m is None:
        return None
    base = int(m.group(1)) * 12
    if m.group(2):
        q = int(m.group(2))
        return base + 3 * q - 3, base + 3 * q - 1
    if m.group(3):
        h = int(m.group(3))
        return base + 6 * h - 6, base + 6 * h - 1
    if m.group(4):
        return base + int(m.group(4)) - 1, base + int(m.group(4)) - 1
    return base, base + 11


def fit_parts_to_wholes(pairs: list[tuple]) -> list[tuple]:
    """(fact, shape) pairs with the period of each part larger than its period's total moved
    to the nearest earlier total's period that holds it (see the module docstring)."""
    wholes: dict[tuple, list[TradeFact]] = {}
    for fact, _ in pairs:
        if _is_whole(fact):
            wholes.setdefault((fact.location, fact.flow, fact.currency), []).append(fact)
    if not wholes:
        return pairs
    out = []
    for fact, shape in pairs:
        period = _better_period(fact, wholes) if _is_part(fact) else None
        if period is not None:
            fact, shape = replace(fact, period=period), period
        out.append((fact, shape))
    return out


def _is_whole(fact) -> bool:
    return isinstance(fact, TradeFact) and fact.value is not None and fact.partner is None \
        and fact.product is None and fact.period is not None and fact.flow != "balance"


def _is_part(fact) -> bool:
    return isinstance(fact, TradeFact) and fact.value is not None and fact.period is not None \
        and (fact.partner is not None or fact.product is not None) and fact.evidence is not None


def _limits(fact: TradeFact, wholes: dict[tuple, list[TradeFact]]) -> list[TradeFact]:
    """The totals a part of ``fact``'s flow cannot exceed: its own flow's; for a balance with
    one partner, all exports (a surplus) or all imports (a deficit) and all trade."""
    if fact.flow == "balance":
        flows = ("total", "export") if fact.value > 0 else ("total", "import")
    else:
        flows = (fact.flow,)
    return [w for f in flows for w in wholes.get((fact.location, f, fact.currency), [])]


def _better_period(fact: TradeFact, wholes: dict[tuple, list[TradeFact]]) -> str | None:
    limits = _limits(fact, wholes)
    own = month_span(fact.period)
    size = abs(fact.value)
    same = [w for w in limits if w.period == fact.period]
    if own is None or not same or size <= max(abs(w.value) for w in same) * Decimal("1.001"):
        return None
    before = [w for w in limits if w.evidence is not None
              and w.evidence.start_char < fact.evidence.start_char]
    for whole in sorted(before, key=lambda w: -w.evidence.start_char):
        span = month_span(whole.period)
        if span and span[0] <= own[0] and own[1] <= span[1] and span != own \
                and size <= abs(whole.value):
            return whole.period
    return None
