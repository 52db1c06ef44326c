"""``trade_facts``: assembles scored relations into ``TradeFact``/``RankFact`` objects.

It reads the document context (reporting place, year, paragraphs), builds facts head by
head (:mod:`tradeie.pipeline.assemble`) and merges statements of one identity into one fact,
as the fact schema asks. The result is on ``doc._.trade_facts``.
"""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..facts import RankFact, TradeFact
from .assemble import Head, collect_heads, rank_facts_of, sentence_span, trade_facts_of
from .context import build_context


class TradeFactAssembler:
    """Sets ``doc._.trade_facts`` from ``doc._.trade_relations`` and the entities."""

    def __init__(self, nlp: Language, name: str = "trade_facts", *, threshold: float = 0.5,
                 merge: bool = True) -> None:
        register_extensions()
        self.name = name
        self.threshold = threshold
        self.merge = merge

    def __call__(self, doc: Doc) -> Doc:
        ctx = build_context(doc, doc._.published)
        heads = collect_heads(doc, self.threshold)
        facts: list[TradeFact | RankFact] = []
        for head in heads:
            if head.span.label_ == "FLOW":
                facts += trade_facts_of(head, ctx, _partners_before(doc, head))
        facts += rank_facts_of([h for h in heads if h.span.label_ == "RANK"], ctx)
        if self.merge:
            facts = merge_facts(facts)
        doc_id = doc._.doc_id
        doc._.trade_facts = [_with_doc(f, doc_id) for f in facts]
        return doc


def _partners_before(doc: Doc, head: Head) -> list:
    """PARTNER entities of the nearest earlier sentence that has some (for "to them")."""
    sent = sentence_span(doc, head.span)
    earlier = [e for e in doc.ents if e.label_ == "PARTNER" and e.end <= sent.start]
    if not earlier:
        return []
    last_sent = sentence_span(doc, earlier[-1])
    if sent.start_char - last_sent.end_char > 600:
        return []
    return [e for e in earlier if e.start >= last_sent.start]


def _with_doc(fact, doc_id):
    if doc_id is None:
        return fact
    data = fact.to_dict()
    data["doc"] = doc_id
    return type(fact).from_dict(data)


def merge_facts(facts: list) -> list:
    """One fact per identity: later statements fill gaps of the first, duplicates go.

    A growth- or share-only statement merges into the fact of the same location, flow,
    partner, product and period in the document's main currency.
    """
    currencies = Counter(f.currency for f in facts if isinstance(f, TradeFact) and f.currency)
    main = currencies.most_common(1)[0][0] if currencies else None
    out: list = []
    index: dict[tuple, int] = {}
    for fact in facts:
        if isinstance(fact, RankFact):
            key = ("rank", fact.location, fact.rank, fact.year, (fact.list or "").lower())
        elif fact.value is None:
            key = ("trade",) + fact.identity[:5] + (main,)
        else:
            key = ("trade",) + fact.identity
        if key not in index:
            index[key] = len(out)
            out.append(fact)
            continue
        out[index[key]] = _fill(out[index[key]], fact)
    return out


def _fill(first, later):
    if isinstance(first, RankFact):
        return first
    data = first.to_dict()
    if first.value is None and later.value is not None:
        data.update(value=later.to_dict()["value"], currency=later.currency)
    for key in ("growth_pct", "share_pct"):
        if data[key] is None and getattr(later, key) is not None and (
                later.currency == first.currency or later.currency is None):
            data[key] = getattr(later, key)
    return TradeFact.from_dict(data)
