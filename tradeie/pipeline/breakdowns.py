"""A breakdown keeps what its whole was of: "Imports and exports of rare earths came to 7.35
billion yuan. Of this, exports were 2.48 billion yuan" are rare-earth exports.

A sentence that opens with "Of this", "Of which", "Among them" or "Thereinto" splits the
figure of the sentence just before it. When its own figures name no product and no partner,
they take the product and the partner of that figure.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..facts import TradeFact

_OPENER = re.compile(r"^\W*(?:of\s+(?:this|that|these|them|which|it)|among\s+(?:them|these)|"
                     r"thereinto|in\s+breakdown)\b", re.I)

MAX_GAP = 3  # characters between the whole's sentence and the breakdown's
_LOOK_BACK = 40  # facts before a breakdown that may be of the sentence right before it


def with_whole_subject(pairs: list[tuple]) -> list[tuple]:
    """``pairs`` with breakdown facts given the product and partner of their whole."""
    trade = sorted(((f.evidence.start_char, f.evidence.end_char, f) for f, _ in pairs
                    if isinstance(f, TradeFact)), key=lambda t: t[:2])
    updates: dict[int, TradeFact] = {}
    for i, (start, _, fact) in enumerate(trade):
        if fact.product is not None or fact.partner is not None or \
                not _OPENER.match(fact.evidence.text):
            continue
        whole = None
        for s, e, f in reversed(trade[max(0, i - _LOOK_BACK): i]):  # the sentence before
            if e <= start and start - e <= MAX_GAP and f.location == fact.location and \
                    (f.product or f.partner):
                whole = f
                break
        if whole is not None:
            updates[id(fact)] = replace(fact, product=whole.product, partner=whole.partner)
    if not updates:
        return pairs
    return [(updates.get(id(f), f), shape) for f, shape in pairs]
