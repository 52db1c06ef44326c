"""Read fact files (JSONL, one fact a line) and check each fact against the fact schema.

:func:`read_facts` reads the gold and predicted facts that :mod:`.scoring` compares. A line
that is not JSON, a fact of unknown ``type``, an unknown field, a ``flow`` outside ``FLOWS``
or a period not in canonical syntax raises :class:`~tradeie.errors.AnnotationError` naming
the file, the line and the fix.
"""
from __future__ import annotations

import json
import re
import sys
from contextlib import nullcontext
from pathlib import Path

from ..errors import AnnotationError
from .canonical import _fact_type, canonical_period

FLOWS = ("total", "export", "import", "balance")
OPTIONAL_KEYS = frozenset(
    {"conversion", "value_qualifier", "growth_qualifier", "context", "notes", "id"}
)
ALLOWED_KEYS = {
    "trade": frozenset(
        {"doc", "type", "sentence", "location", "flow", "partner", "product", "period",
         "value", "currency", "growth_pct", "share_pct", "evidence", "confidence"}
    ) | OPTIONAL_KEYS,
    "rank": frozenset(
        {"doc", "type", "sentence", "location", "rank", "list", "year", "evidence",
         "confidence"}
    ) | OPTIONAL_KEYS,
}
_PERIOD_SYNTAX = re.compile(
    r"\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])(\.\.\d{4}-(0[1-9]|1[0-2]))?)?"
)


def _check_fact(fact: object) -> str | None:
    """The problem with one parsed line and its fix, or None if it is a valid fact."""
    if not isinstance(fact, dict):
        return f"expected a JSON object (one fact a line), got {type(fact).__name__}"
    kind = _fact_type(fact)
    if not isinstance(kind, str) or kind not in ALLOWED_KEYS:
        return f"unknown type {kind!r}; expected 'trade' or 'rank' (or leave it out for 'trade')"
    unknown = sorted(set(fact) - ALLOWED_KEYS[kind])
    if unknown:
        return (f"unknown field {unknown[0]!r}; expected one of "
                + ", ".join(sorted(ALLOWED_KEYS[kind])) + f" (the fields of a {kind} fact)")
    if kind == "trade":
        return _check_trade(fact)
    return None


def _check_trade(fact: dict) -> str | None:
    flow = fact.get("flow")
    if flow not in FLOWS:
        return f"unknown flow {flow!r}; expected one of " + ", ".join(map(repr, FLOWS))
    period = fact.get("period")
    if period is not None and not (isinstance(period, str) and _PERIOD_SYNTAX.fullmatch(period)):
        hint = canonical_period(period) if isinstance(period, str) else None
        example = hint if hint and _PERIOD_SYNTAX.fullmatch(hint) else "2021-Q1"
        return (f"period {period!r} is not in canonical syntax; expected YYYY, YYYY-QN, "
                f"YYYY-HN, YYYY-MM or YYYY-MM..YYYY-MM (e.g. {example!r}) or null")
    return None


def read_facts(path: str | Path) -> list[dict]:
    """Read facts from a JSONL file (``-``: standard input), one object a line; blank lines
    are skipped.

    Raises AnnotationError naming ``path`` and the line for a malformed fact.
    """
    facts = []
    with (nullcontext(sys.stdin) if str(path) == "-" else open(path, encoding="utf-8")) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as error:
                raise AnnotationError(
                    f"not valid JSON ({error.msg}, column {error.colno}); "
                    "write one JSON object a line", path=path, line=number,
                ) from None
            problem = _check_fact(fact)
            if problem is not None:
                raise AnnotationError(problem, path=path, line=number)
            facts.append(fact)
    return facts
