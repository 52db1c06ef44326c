"""``tradeie_entity_tagger``: BILUO tags per token, decoded into valid entities."""
import random

import numpy
import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from tradeie.training.convert import blank_nlp

TRAIN = [("Exports to Japan rose 5% in 2023.", [(0, 7, "FLOW"), (11, 16, "PARTNER")]),
         ("Imports from South Korea fell sharply.", [(0, 7, "FLOW"), (13, 24, "PARTNER")]),
         ("Trade with the United States grew.", [(0, 5, "FLOW"), (11, 28, "PARTNER")])]


@pytest.fixture(scope="module")
def trained():
    random.seed(0)
    nlp = blank_nlp()
    nlp.add_pipe("tradeie_entity_tagger", name="ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer)
    return nlp


def test_it_learns_multi_token_entities(trained):
    doc = trained("Exports to South Korea rose.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Exports", "FLOW"), ("South Korea", "PARTNER")]


def test_entities_set_in_front_are_kept(trained):
    doc = trained.make_doc("Exports to Japan rose 5% in 2023.")
    doc.ents = [Span(doc, 2, 3, "LOCATION"), Span(doc, 4, 6, "PERCENT")]
    doc = trained.get_pipe("ner")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Exports", "FLOW"), ("Japan", "LOCATION"),
                                                      ("5%", "PERCENT")]


def test_the_decoding_repairs_an_invalid_best_tagging(trained):
    tagger = trained.get_pipe("ner")
    tags = tagger.tags
    logp = numpy.full((4, len(tags)), -9.0, dtype="float32")
    # token 0: O; tokens 1-2 say I-PARTNER, L-PARTNER (no B); token 3: U-FLOW
    for t, tag in enumerate(["O", "I-PARTNER", "L-PARTNER", "U-FLOW"]):
        logp[t, tags.index(tag)] = -0.1
    logp[1, tags.index("B-PARTNER")] = -0.5
    found = [(s, e, tags[k]) for s, e, k in tagger._decode(logp, numpy.zeros(4, dtype=bool))]
    assert found == [(1, 3, "B-PARTNER"), (3, 4, "U-FLOW")]


def test_it_saves_and_loads(trained, tmp_path):
    trained.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    text = "Imports from South Korea fell sharply."
    assert [(e.text, e.label_) for e in again(text).ents] == [(e.text, e.label_) for e in trained(text).ents]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "５％"])
def test_empty_and_odd_text(trained, text):
    assert isinstance(list(trained(text).ents), list)
