import numpy
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

import tradeie.registrations  # noqa: F401
from tradeie.pipeline.candidates import N_FEATURES, get_candidates, pair_features
from tradeie.pipeline.relations import GOLD_KEY

from .conftest import annotate

TRAIN = [
    ("[Exports]{FLOW} rose [5%]{PERCENT} to [3 billion yuan]{MONEY} while [imports]{FLOW} fell "
     "[2%]{PERCENT} to [1 billion yuan]{MONEY}.",
     [("Exports", "5%", "GROWTH"), ("Exports", "3 billion yuan", "VALUE"),
      ("imports", "2%", "GROWTH"), ("imports", "1 billion yuan", "VALUE")]),
    ("[Trade]{FLOW} with [ASEAN]{PARTNER} reached [9 billion yuan]{MONEY}, accounting for "
     "[12%]{PERCENT} of the total.",
     [("Trade", "ASEAN", "PARTNER"), ("Trade", "9 billion yuan", "VALUE"),
      ("Trade", "12%", "SHARE")]),
]


def make_example(nlp, marked, relations):
    ref = annotate(nlp, marked)
    ents = {e.text: e for e in ref.ents}
    ref.user_data[GOLD_KEY] = [[ents[h].start, ents[h].end, ents[c].start, ents[c].end, label]
                               for h, c, label in relations]
    return Example(nlp.make_doc(ref.text), ref)


def predicted(nlp, marked):
    doc = annotate(nlp, marked)
    return nlp.get_pipe("trade_relations")(doc)


def strong(doc, threshold=0.5):
    ents = {e.start: e.text for e in doc.ents}
    return {(ents[h], ents[c], label) for (h, c), scores in doc._.trade_relations.items()
            for label, score in scores.items() if score >= threshold}


def test_relations_candidates_stay_in_sentence(blank):
    doc = annotate(blank, "[Exports]{FLOW} were [3 billion yuan]{MONEY}. [Imports]{FLOW} fell "
                          "[2%]{PERCENT}.")
    pairs = {(c.head.text, c.child.text) for c in get_candidates(doc)}
    assert pairs == {("Exports", "3 billion yuan"), ("Imports", "2%")}
    assert pair_features(doc, get_candidates(doc)).shape == (2, N_FEATURES)


def test_relations_overfit_and_io(tmp_path):
    fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_relations")
    examples = [make_example(nlp, m, r) for m, r in TRAIN]
    optimizer = nlp.initialize(get_examples=lambda: examples)
    assert nlp.get_pipe("trade_relations").labels[0] == "VALUE"
    for _ in range(150):
        losses = {}
        nlp.update(examples, sgd=optimizer, losses=losses)
    assert losses["trade_relations"] < 0.05
    want = {(h, c, label) for h, c, label in TRAIN[0][1]}
    doc = predicted(nlp, TRAIN[0][0])
    assert strong(doc) == want
    nlp.to_disk(tmp_path / "rel")
    nlp2 = spacy.load(tmp_path / "rel")
    doc2 = predicted(nlp2, TRAIN[0][0])
    assert strong(doc2) == want
    scores = [list(s.values()) for s in doc._.trade_relations.values()]
    scores2 = [list(s.values()) for s in doc2._.trade_relations.values()]
    numpy.testing.assert_allclose(scores, scores2, rtol=1e-5)


def test_relations_doc_without_entities(blank):
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_relations")
    nlp.initialize(get_examples=lambda: [make_example(nlp, *TRAIN[1])])
    doc = nlp("No figures here at all.")
    assert doc._.trade_relations == {}


def _naive_segment(head, child, heads, same):
    """The position features as first written: plain scans of the sentence."""
    i = next(k for k, h in enumerate(heads) if h.start == head.start)
    nxt = heads[i + 1].start if i + 1 < len(heads) else 10**9
    prev = heads[i - 1].end if i > 0 else -1
    after = [e for e in same if e.start >= head.end]
    before = [e for e in same if e.end <= head.start]
    return [head.end <= child.start < nxt, prev <= child.start < head.start,
            bool(after) and after[0].start == child.start,
            bool(before) and before[-1].start == child.start, child.start < heads[0].start]


def test_relation_features_bisect_as_the_plain_scans_did(blank):
    # several heads, ties in distance, and arguments on both sides of each head
    doc = annotate(blank, "[Exports]{FLOW} rose [5%]{PERCENT} to [3 billion yuan]{MONEY} and "
                          "[imports]{FLOW} [2%]{PERCENT}, [1 billion yuan]{MONEY} [trade]{FLOW} "
                          "with [ASEAN]{PARTNER} [4%]{PERCENT} [exports]{FLOW} [Japan]{PARTNER} "
                          "[imports]{FLOW}.")
    cands = get_candidates(doc)
    rows = pair_features(doc, cands)
    heads = [e for e in doc.ents if e.label_ == "FLOW"]
    for (head, child), row in zip(cands, rows):
        same = [e for e in doc.ents if e.label_ == child.label_]
        nearest = min(heads, key=lambda h: abs(h.start - child.start))
        assert row[23] == float(nearest.start == head.start)  # after labels, distances, flows
        assert list(row[-8:-3]) == [float(x) for x in _naive_segment(head, child, heads, same)]
