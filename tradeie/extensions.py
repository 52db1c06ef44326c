"""Every custom ``Doc._`` attribute tradeie sets, registered once and guarded.

Values are kept in ``doc.user_data`` as plain JSON-able data, so docs cross process
boundaries (``nlp.pipe(n_process=2)``) and ``DocBin`` files; the getters hand out objects.
"""
from __future__ import annotations

from spacy.tokens import Doc

RELATIONS_KEY = "tradeie_rel"
FACTS_KEY = "tradeie_facts"


def _get_relations(doc: Doc):
    rows = doc.user_data.get(RELATIONS_KEY)
    if rows is None:
        return None
    return {(int(hs), int(cs)): dict(scores) for hs, cs, scores in rows}


def _set_relations(doc: Doc, value) -> None:
    doc.user_data[RELATIONS_KEY] = None if value is None else [
        [hs, cs, {k: float(v) for k, v in scores.items()}] for (hs, cs), scores in value.items()]


def _get_facts(doc: Doc):
    from .facts import fact_from_dict

    rows = doc.user_data.get(FACTS_KEY)
    return None if rows is None else [fact_from_dict(row) for row in rows]


def _set_facts(doc: Doc, value) -> None:
    doc.user_data[FACTS_KEY] = None if value is None else [fact.to_dict() for fact in value]


def register_extensions() -> None:
    """Register ``doc._.trade_relations``, ``doc._.trade_facts``, ``doc._.published`` and
    ``doc._.doc_id``."""
    if not Doc.has_extension("trade_relations"):
        Doc.set_extension("trade_relations", getter=_get_relations, setter=_set_relations)
    if not Doc.has_extension("trade_facts"):
        Doc.set_extension("trade_facts", getter=_get_facts, setter=_set_facts)
    for name in ("published", "doc_id"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
