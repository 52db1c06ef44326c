import re

import pytest
from spacy.tokens import Doc

from tradeie.extensions import register_extensions


@pytest.fixture(scope="session")
def blank():
    from tradeie.training.convert import blank_nlp

    register_extensions()
    return blank_nlp()


def annotate(nlp, marked: str):
    """A doc from ``[surface]{LABEL}`` markup, its entities set; returns (doc, spans by text)."""
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\[([^\]]+)\]\{([A-Z]+)\}", marked):
        text += marked[pos:m.start()]
        spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in spans]
    return doc


def link(doc: Doc, relations):
    """Set doc._.trade_relations from (head text, child text, label) triples (first matches)."""
    ents = {}
    for ent in doc.ents:
        ents.setdefault(ent.text, ent)
    found = {}
    for head, child, label in relations:
        found[(ents[head].start, ents[child].start)] = {label: 0.9}
    doc._.trade_relations = found
    return doc
