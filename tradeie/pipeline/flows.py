"""Reading the flow a trigger names, and the clauses that are not a place's trade."""
from __future__ import annotations

import re

_BALANCE = re.compile(r"surplus|deficit|balance|gap|shortfall", re.I)
_TOTAL = re.compile(r"import(?:s|ed)?\s*(?:and|&|/)\s*export|export(?:s|ed)?\s*(?:and|&|/)\s*import|"
                    r"\btraded?\b|trading|two-way|turnover|total|volume|foreign trade|commerce", re.I)
# A trigger the NER marks is a flow word already: "sales to Japan", "China brought in".
_EXPORT = re.compile(r"export|outbound|shipments?|shipped|\bsales\b|\bsells?\b|sold|\bNODX\b", re.I)
# "Inbound shipments", "incoming cargo": the direction word says which way the goods went
_INWARD = re.compile(r"\b(?:inbound|incoming|inward)\b", re.I)
_OUTWARD_WORD = re.compile(r"export|outbound|outgoing|outward|\bsales\b|\bsells?\b|sold", re.I)
_IMPORT = re.compile(r"import|inbound|purchas|bought|\bbuy(?:s|ing)\b|brought in|took in|arrivals", re.I)
# Words of a change, before its size: "rose by $2 billion", "widening by 15.48 billion yuan",
# "an increase of 4.9%" (slots.is_absolute_change, heads.percent_cue)
CHANGE_WORDS = (r"up|down|rose|fell|increased|decreased|widened|narrowed|grew|dropped|shrank|"
                r"expanded|swelled|jumped|declined|climbed|gained|lost|widening|narrowing|expanding|"
                r"shrinking|increasing|decreasing|rising|falling|growing|"
                r"an? (?:increase|decrease|rise|drop|fall|decline|gain) of")
BREAKDOWN = re.compile(
    r"\b(?:private|state-owned|foreign-(?:funded|invested)|collective|non-state)\s+(?:enterprises|"
    r"firms|companies|businesses|sector)|\b(?:general|processing|border|barter|bonded)\s+trade\b|"
    r"bonded (?:zone|logistics|area|port)|market procurement|(?:free|pilot free)\s+trade\s+zone|"
    r"\bFTZ\b|\bFDI\b|foreign direct investment|(?:two-way|bilateral|mutual|direct|outbound|"
    r"inbound|foreign)\s+investment|retail sales|\bby (?:private|state)|"
    r"demonstration (?:area|zone)|development zone|industrial park|comprehensive pilot zone|"
    r"border (?:small-amount|residents)|small-amount trade|cross-border e-commerce pilot|"
    r"processing (?:with|of) (?:imported|supplied)", re.I)


def classify_flow(trigger: str, context: str = "") -> str | None:
    """``total``, ``export``, ``import`` or ``balance`` for a flow trigger; None if unclear.

    >>> classify_flow("import and export value"), classify_flow("outbound shipments")
    ('total', 'export')
    >>> classify_flow("trade deficit"), classify_flow("purchases")
    ('balance', 'import')
    """
    text = trigger.lower()
    if _BALANCE.search(text):
        return "balance"
    inward = bool(_INWARD.search(text))
    has_import = inward or bool(_IMPORT.search(text))
    has_export = bool((_OUTWARD_WORD if inward else _EXPORT).search(text))
    if _TOTAL.search(text) or (has_export and has_import):
        if not (has_export ^ has_import) or re.search(r"trade|total|volume", text):
            return "total" if not (has_export ^ has_import) else ("export" if has_export else "import")
    if has_export:
        return "export"
    if has_import:
        return "import"
    return None


def is_deficit(text: str) -> bool:
    return bool(re.search(r"deficit|negative balance|shortfall", text, re.I))
