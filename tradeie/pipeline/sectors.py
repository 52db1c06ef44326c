"""The sector a whole article reports on: "Swiss watch exports slip 16.1% in March".

A sector's release (a watch federation, a garment association, a chip exporters' body)
states its markets and months without naming the product again: "Shipments to Hong Kong sank
27.5%". Those figures are the sector's, so their product is the sector (docs/annotation.md,
"Sector articles"). The sector is a product that is the subject of the trade both in the
headline and in the lead; the facts that name no product of their own take it, unless their
sentence speaks of the whole trade ("total exports").
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..facts import TradeFact
from .docindex import doc_ents, doc_text
from .slots import product_of

LEAD_CHARS = 600

# what follows a product that is the subject of the trade: "watch exports", "the textile and
# garment industry", "garment shipments"
_SUBJECT_AFTER = re.compile(r"^[’']?s?\s*(?:industry|sector|exports?|imports?|shipments?|"
                            r"export\s+(?:turnover|value|earnings|receipts|revenue))\b", re.I)

_WHOLE_TRADE = re.compile(r"\b(?:total|overall|all\s+goods|merchandise|nationwide|"
                          r"the\s+country[’']s|whole\s+economy)\b", re.I)


def sector_product(doc: Doc) -> str | None:
    """The product that the headline and the lead both report the trade of, or None."""
    text = doc_text(doc)
    headline_end = text.find("\n")
    if headline_end <= 0:
        return None
    headline = _subjects(doc, 0, headline_end)
    if not headline:
        return None
    lead = _subjects(doc, headline_end, headline_end + LEAD_CHARS)
    common = {a for a in headline for b in lead if a == b or a in b.split() or b in a.split()}
    return common.pop() if len(common) == 1 else None


def _subjects(doc: Doc, start: int, end: int) -> set[str]:
    text = doc_text(doc)
    found = set()
    for ent in doc_ents(doc):
        if ent.label_ == "PRODUCT" and start <= ent.start_char < end and \
                _SUBJECT_AFTER.match(text[ent.end_char: ent.end_char + 30]):
            name = product_of(ent)
            if name and not name.startswith("non"):  # "non-oil exports": a scope, no sector
                found.add(name)
    return found


def with_sector(pairs: list[tuple], doc: Doc) -> list[tuple]:
    """``pairs`` with the sector as the product of the trade facts that name none."""
    sector = sector_product(doc)
    if sector is None:
        return pairs
    out = []
    for fact, shape in pairs:
        if isinstance(fact, TradeFact) and fact.product is None and \
                not _WHOLE_TRADE.search(fact.evidence.text):
            fact = replace(fact, product=sector)
        out.append((fact, shape))
    return out
