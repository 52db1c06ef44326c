"""``tradeie_entity_patterns``: money, percentages, periods and ranks found by grammar.

These forms are closed classes that a grammar reads more reliably than a model trained on a
small corpus, so the component sets them as entities in front of the statistical NER, which
respects entities already set and fills in places, partners, flows and products.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize.money import find_money
from ..normalize.percent import find_percents
from ..normalize.period import find_periods

_ORDINAL = re.compile(
    r"(?<![\w.])(?:No\.\s?\d{1,3}\b|\d{1,3}(?:st|nd|rd|th)\b|(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"twentieth)\b)", re.I)
_RANK_CUE = re.compile(r"\b(?:rank(?:s|ed|ing|ings)?|position(?:s)?|place[ds]?|came|coming|"
                       r"list|No\.)", re.I)
LABELS = ("MONEY", "PERCENT", "PERIOD", "RANK")


def shadow(text: str) -> str:
    """``text`` with full-width forms folded and dashes made hyphens ("January–June"), one
    character for one, so offsets stay valid."""
    out = []
    for ch in text:
        if ord(ch) < 0x2000:
            out.append(ch)
            continue
        if ch in "\u2010\u2011\u2012\u2013\u2014\u2212":
            out.append("-")
            continue
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


class EntityPatterns:
    """Sets MONEY, PERCENT, PERIOD and RANK entities found by tradeie's grammars."""

    def __init__(self, nlp: Language, name: str = "tradeie_entity_patterns", *,
                 labels: Iterable[str] = LABELS, overwrite: bool = False) -> None:
        self.name = name
        self.labels = tuple(labels)
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        text = shadow(doc.text)
        found: list[Span] = []
        for label, offsets in self._find(text):
            for start, end in offsets:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None and span.text.strip():
                    found.append(span)
        kept = [] if self.overwrite else list(doc.ents)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        new = [s for s in filter_spans(found) if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = kept + new
        return doc

    def _find(self, text: str):
        if "MONEY" in self.labels:
            yield "MONEY", shared_unit([(s, e) for s, e, _ in find_money(text)], text)
        if "PERCENT" in self.labels:
            yield "PERCENT", shared_unit([(s, e) for s, e, _ in find_percents(text)], text)
        if "PERIOD" in self.labels:
            yield "PERIOD", list(find_periods(text))
        if "RANK" in self.labels:
            yield "RANK", list(_ranks(text))


_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_LIST_BEFORE = re.compile(r"(?:(?<![\w.,])" + _NUMBER + r"(?:,\s+|,?\s+(?:and|or)\s+))+$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def shared_unit(offsets: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Add the bare numbers of a list that writes its unit once, at the end: "12.6, 9.8 and
    8.1 billion yuan" and "up 12.4, 6.1 and 15.3 percent" are three amounts and three rates.
    A list with a year in it ("2022 and 8.1 billion") is left alone."""
    out = list(offsets)
    for start, _ in offsets:
        if not text[start: start + 1].isdigit():
            continue  # "RMB 8.1 billion": a prefixed amount writes its own unit
        m = _LIST_BEFORE.search(text, max(0, start - 80), start)
        if m is None:
            continue
        members = list(re.finditer(_NUMBER, m.group(0)))
        if any(_YEAR.fullmatch(n.group(0)) for n in members):
            continue
        out += [(m.start() + n.start(), m.start() + n.end()) for n in members]
    return sorted(set(out))


# "Press release No. 259 of 5 July 2023", "Official Statistics News No. 71/09/Th. XXVI": a
# document's number, not a rank
_DOCUMENT_BEFORE = re.compile(r"\b(?:release|news|bulletin|report|notice|circular|statement|document|"
                              r"issue|vol(?:ume)?|decree|resolution|announcement|order|letter|"
                              r"communiqu[eé]|publication)\W{0,3}$", re.I)
_DOCUMENT_AFTER = re.compile(r"\s?\d*\s*(?:/\s?\d|\s+of\s+\d{1,2}\s+[A-Z][a-z]+|\s+of\s+[A-Z][a-z]+\s+\d)")


def is_document_number(text: str, start: int, end: int) -> bool:
    """Whether the "No. N" at ``start``..``end`` of ``text`` numbers a document."""
    return text[start: start + 3].lower() == "no." and bool(
        _DOCUMENT_BEFORE.search(text[max(0, start - 30): start]) or _DOCUMENT_AFTER.match(text, end))


def _ranks(text: str):
    for m in _ORDINAL.finditer(text):
        if is_document_number(text, m.start(), m.end()):
            continue
        window = text[max(0, m.start() - 60): m.end() + 40]
        if _RANK_CUE.search(window):
            after = text[m.end(): m.end() + 12].lower()
            if re.match(r"[\s-]*(quarter|half|time|batch|day|months?|round|phase)\b", after):
                continue
            yield m.start(), m.end()
