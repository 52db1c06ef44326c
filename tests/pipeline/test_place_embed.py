import pytest
import numpy
import spacy
from thinc.api import Config

import tradeie.registrations  # noqa: F401
from tradeie.pipeline.place_embed import N_KINDS, N_PLACE_FEATURES, KINDS, place_ids

CONFIG = """
[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "tradeie.PlaceEmbed.v1"
width = 32
attrs = ["NORM","SHAPE"]
rows = [500,100]

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 32
depth = 1
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
"""


def ids_of(blank, text):
    doc = blank.make_doc(text)
    return {t.text: int(i) for t, i in zip(doc, place_ids(doc))}


def test_known_names_are_marked_with_their_kind(blank):
    ids = ids_of(blank, "Exports of Jiaxing to the United States and ASEAN rose; Jiangsu led.")
    assert ids["Jiaxing"] == 1 + KINDS["city"]
    assert ids["United"] == 1 + KINDS["country"] and ids["States"] == 1 + N_KINDS + KINDS["country"]
    assert ids["ASEAN"] == 1 + KINDS["bloc"]
    assert ids["Jiangsu"] == 1 + KINDS["province"]
    assert ids["Exports"] == ids["rose"] == ids["the"] == 0


def test_lower_case_words_are_no_places(blank):
    # "nice" and "reading" are towns too, but only a capitalised first word counts
    assert set(ids_of(blank, "a nice reading of trade").values()) == {0}
    assert ids_of(blank, "Nice")["Nice"] == 1 + KINDS["city"]


def test_place_features_on_empty_and_odd_text(blank):
    for text in ["", "   ", "今年前5个月", "ＡＳＥＡＮ", "São Paulo"]:
        doc = blank.make_doc(text)
        assert place_ids(doc).shape == (len(doc),)


def test_place_embed_trains_and_round_trips(tmp_path):
    nlp = spacy.blank("en").from_config(Config().from_str(CONFIG))
    nlp.initialize()
    doc = nlp.make_doc("Trade of Ningbo with Germany rose.")
    width = nlp.get_pipe("tok2vec").model.get_dim("nO")
    vectors = nlp.get_pipe("tok2vec").model.predict([doc])[0]
    assert vectors.shape == (len(doc), width)
    nlp.to_disk(tmp_path)
    again = spacy.load(tmp_path)
    numpy.testing.assert_allclose(again.get_pipe("tok2vec").model.predict([doc])[0], vectors,
                                  rtol=1e-5)
    assert N_PLACE_FEATURES == 2 * N_KINDS + 1


@pytest.mark.parametrize("products", [False, True], ids=["places", "places-and-products"])
def test_features_appended_to_a_listener_pass_its_gradient_through(blank, products):
    from thinc.api import Model

    from tradeie.pipeline.place_embed import (N_PRODUCT_FEATURES, product_ids,
                                              with_gazetteer_features, with_place_features)

    width, seen = 5, []
    n_features = N_PLACE_FEATURES + (N_PRODUCT_FEATURES if products else 0)

    def listener_forward(model, docs, is_train):
        def backprop(d_vectors):
            seen.extend(d_vectors)  # a listener sends its gradient upstream, returns nothing

        return [model.ops.alloc2f(len(doc), width) + 1 for doc in docs], backprop

    listener = Model("listener", listener_forward, dims={"nO": width})
    model = (with_gazetteer_features if products else with_place_features)(listener)
    model.initialize()
    assert model.get_dim("nO") == width + n_features
    docs = [blank.make_doc("Exports of crude oil from Jiaxing rose."), blank.make_doc("")]
    vectors, backprop = model(docs, is_train=True)
    assert [v.shape for v in vectors] == [(8, width + n_features), (0, width + n_features)]
    assert (vectors[0][:, :width] == 1).all()
    places = vectors[0][:, width:width + N_PLACE_FEATURES]
    assert places.argmax(axis=1).tolist() == place_ids(docs[0]).tolist()
    if products:
        marks = vectors[0][:, width + N_PLACE_FEATURES:].argmax(axis=1).tolist()
        assert marks == product_ids(docs[0]).tolist() and marks[2:4] == [1, 2]
    assert backprop([v + 2 for v in vectors]) is None
    assert [d.shape for d in seen] == [(8, width), (0, width)] and (seen[0] == 3).all()


def product_marks(blank, text):
    from tradeie.pipeline.place_embed import product_ids

    doc = blank.make_doc(text)
    ids = product_ids(doc).tolist()
    names, current = [], None
    for token, mark in zip(doc, ids):
        if mark == 1:
            current = [token.text]
            names.append(current)
        elif mark == 2:
            current.append(token.text_with_ws.strip() if token.text == "-" else token.text)
    return [" ".join(name).replace(" - ", "-") for name in names]


def test_listed_products_are_marked_longest_first_in_either_number_and_case(blank):
    text = ("Exports of lighters slipped, while Cameras and camcorders and crude oil rose; "
            "Non-oil and gas shipments and Lithium-ion batteries grew, and a battery too.")
    assert product_marks(blank, text) == ["lighters", "Cameras", "camcorders", "crude oil",
                                          "Non-oil and gas", "Lithium-ion batteries", "battery"]


def test_words_that_are_no_goods_are_not_marked(blank):
    assert product_marks(blank, "Exports of goods and products rose in the city.") == []


@pytest.mark.parametrize("name, other", [("valve", "valves"), ("battery", "batteries"),
                                         ("watch", "watches"), ("cotton yarn", "cotton yarns"),
                                         ("gas", None)])
def test_the_lexicon_lists_one_number_and_the_code_makes_the_other(name, other):
    from tradeie.pipeline.place_embed import number_forms

    assert number_forms(name) == ({name, other} if other else {name})
    if other:
        assert name in number_forms(other)


def test_product_features_on_empty_and_odd_text(blank):
    from tradeie.pipeline.place_embed import product_ids

    for text in ["", "   ", "今年前5个月", "ＣＯＦＦＥＥ", "Café exports", "-" * 50]:
        doc = blank.make_doc(text)
        assert product_ids(doc).shape == (len(doc),)


def test_gazetteer_embed_trains_and_round_trips(tmp_path):
    from tradeie.pipeline.place_embed import N_PRODUCT_FEATURES

    nlp = spacy.blank("en").from_config(Config().from_str(
        CONFIG.replace("tradeie.PlaceEmbed.v1", "tradeie.GazetteerEmbed.v1")))
    nlp.initialize()
    doc = nlp.make_doc("Exports of crude oil from Ningbo to Germany rose.")
    vectors = nlp.get_pipe("tok2vec").model.predict([doc])[0]
    assert vectors.shape == (len(doc), 32)
    mix = [node for node in nlp.get_pipe("tok2vec").model.walk() if node.name == "maxout"][0]
    assert mix.get_dim("nI") == 2 * 32 + N_PLACE_FEATURES + N_PRODUCT_FEATURES
    nlp.to_disk(tmp_path)
    again = spacy.load(tmp_path)
    numpy.testing.assert_allclose(again.get_pipe("tok2vec").model.predict([doc])[0], vectors,
                                  rtol=1e-5)
