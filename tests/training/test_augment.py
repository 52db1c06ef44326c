"""``tradeie.PlaceSwap.v1``: places renamed in a training copy, annotation carried along."""
import random

import pytest
from spacy.training import Example
from spacy.util import registry

from tradeie.normalize.place import lookup
from tradeie.pipeline.relations import GOLD_KEY
from tradeie.training.augment import KIND_GROUPS, place_swap, plan_renames, swap_places
from tradeie.training.convert import blank_nlp, record_to_doc

TEXT = ("Jiangsu's exports to the EU rose 5.1% to 20 billion yuan. "
        "Exports from Jiangsu Province to the European Union made up 12% of the total, "
        "Jiangsu Customs said.")


def _record():
    spans, relations = [], []

    def add(surface, label, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(surface, start + 1)
        spans.append({"id": len(spans), "start": start, "end": start + len(surface),
                      "text": surface, "label": label})
        return len(spans) - 1

    place, exports, partner = add("Jiangsu", "LOCATION"), add("exports", "FLOW"), add("EU", "PARTNER")
    growth, money = add("5.1%", "PERCENT"), add("20 billion yuan", "MONEY")
    place2, partner2 = add("Jiangsu Province", "LOCATION"), add("European Union", "PARTNER")
    for child, label in ((place, "location"), (partner, "partner"), (growth, "growth"),
                         (money, "value")):
        relations.append({"head": exports, "child": child, "label": label})
    relations.append({"head": exports, "child": place2, "label": "location"})
    relations.append({"head": exports, "child": partner2, "label": "partner"})
    return {"doc": "swap-test", "text": TEXT, "spans": spans, "relations": relations, "facts": []}


@pytest.fixture(scope="module")
def nlp():
    return blank_nlp()


@pytest.fixture(scope="module")
def reference(nlp):
    return record_to_doc(nlp, _record())


POOLS = {"city": ("Kaunas", "Ulsan"), "province": ("Lombardy", "Nueva Esparta"),
         "country": ("Peru", "Chile"), "bloc": ("Mercosur", "GCC")}


def _relations_as_text(doc):
    return sorted((doc[hs:he].text, doc[cs:ce].text, label)
                  for hs, he, cs, ce, label in doc.user_data[GOLD_KEY])


def test_swap_renames_every_mention_of_a_place_alike(nlp, reference):
    doc = swap_places(nlp, reference, random.Random(0), POOLS)
    province = plan_renames(reference, random.Random(0), POOLS)["Jiangsu"]
    bloc = plan_renames(reference, random.Random(0), POOLS)["EU"]
    assert province in POOLS["province"] and bloc in POOLS["bloc"]
    assert "Jiangsu" not in doc.text and "EU" not in doc.text and "European" not in doc.text
    assert f"{province} Customs said" in doc.text  # an unlabelled mention too
    assert f"from {province} Province to the {bloc} made" in doc.text


def test_swap_moves_entities_and_relations_with_the_text(nlp, reference):
    doc = swap_places(nlp, reference, random.Random(0), POOLS)
    renames = plan_renames(reference, random.Random(0), POOLS)
    before = [(e.text, e.label_) for e in reference.ents]
    after = [(e.text, e.label_) for e in doc.ents]
    assert [label for _, label in after] == [label for _, label in before]
    expected = []
    for text, label in before:
        for old, new in renames.items():
            text = text.replace(old, new) if text.split()[0] == old else text
        expected.append((text, label))
    assert after == [(t.replace("European Union", renames["European Union"]), lab)
                     for t, lab in expected]
    assert len(doc.user_data[GOLD_KEY]) == len(reference.user_data[GOLD_KEY]) == 6
    labels = [r[-1] for r in _relations_as_text(doc)]
    assert labels == [r[-1] for r in _relations_as_text(reference)]
    assert ("exports", "20 billion yuan", "value") in _relations_as_text(doc)
    assert doc.user_data["tradeie_doc"] == "swap-test"


def test_swap_keeps_the_kind_of_each_place(nlp, reference):
    for seed in range(5):
        doc = swap_places(nlp, reference, random.Random(seed))
        for old, new in zip(reference.ents, doc.ents):
            if old.label_ in ("LOCATION", "PARTNER"):
                core = new.text.removesuffix(" Province")
                assert KIND_GROUPS[lookup(core).kind] == KIND_GROUPS[lookup(old.text).kind]


def test_swap_is_repeatable_with_a_seed(nlp, reference):
    one = swap_places(nlp, reference, random.Random(7))
    two = swap_places(nlp, reference, random.Random(7))
    assert one.text == two.text


def test_an_entity_edge_inside_a_renamed_name_leaves_the_example_alone(nlp):
    text = "Exports of New York rose, New York said."
    doc = nlp.make_doc(text)
    first, second = text.index("New York"), text.rindex("York")
    doc.ents = [doc.char_span(first, first + 8, "LOCATION"), doc.char_span(second, second + 4,
                                                                            "PARTNER")]
    doc.user_data[GOLD_KEY] = []
    pools = {"city": ("Kaunas", "Ulsan"), "province": ("Lombardy", "Ohio")}
    assert swap_places(nlp, doc, random.Random(0), pools) is None


def test_nothing_to_rename_gives_none(nlp):
    doc = nlp.make_doc("Exports rose 5%.")
    assert swap_places(nlp, doc, random.Random(0), POOLS) is None


def test_hong_kong_keeps_its_name(nlp):
    doc = nlp.make_doc("Exports to Hong Kong rose.")
    doc.ents = [doc.char_span(11, 20, "PARTNER")]
    assert plan_renames(doc, random.Random(0), POOLS) == {}


def test_augmenter_yields_the_original_and_sometimes_a_copy(nlp, reference):
    example = Example(nlp.make_doc(reference.text), reference)
    assert [eg.reference.text for eg in place_swap(0.0)(nlp, example)] == [reference.text]
    random.seed(0)
    out = list(place_swap(1.0)(nlp, example))
    assert len(out) == 2 and out[0] is example
    assert out[1].reference.text != reference.text
    assert out[1].predicted.text == out[1].reference.text
    assert not out[1].predicted.ents


def test_augmenter_is_registered_and_checks_its_level():
    make = registry.augmenters.get("tradeie.PlaceSwap.v1")
    assert callable(make(level=0.3))
    with pytest.raises(ValueError, match="between 0 and 1"):
        make(level=1.5)
    with pytest.raises(ValueError, match="min_population"):
        make(level=0.5, min_population=-1)


def test_min_population_keeps_small_cities_out_of_the_pool():
    from tradeie.normalize.place import gazetteer
    from tradeie.training.augment import replacement_pools

    everyone, big = replacement_pools(0)["city"], replacement_pools(1_000_000)["city"]
    assert set(big) < set(everyone)
    population = {}
    for place in gazetteer().values():
        if place.kind == "city":
            population[place.name] = max(population.get(place.name, 0), place.population)
    assert min(population[name] for name in big) >= 1_000_000
    assert replacement_pools(0)["country"] == replacement_pools(1_000_000)["country"]
