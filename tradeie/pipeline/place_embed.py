"""Gazetteer features for the token embedding: which tokens spell a known place, and of what kind.

The NER learns place names from the corpus, and a city it never saw in training has only its
shape, affixes and context to go on. ``tradeie.PlaceEmbed.v1`` is spaCy's ``MultiHashEmbed``
with one more input: for every token, whether it begins or continues a name of the shipped
gazetteer (``data/gazetteer.tsv.gz``), and whether that name is a country, a bloc or region,
a province or state, or a city. The kind is a strong prior for LOCATION against PARTNER in
trade news, where a city or province usually reports and a country is usually traded with.

Only names whose first word is capitalised count ("Nice", not "nice"); the longest name
starting at a token wins. The features are computed from the text alone, so they cost a
dictionary lookup per capitalised token and carry no weights of their own.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Tuple

import numpy
from spacy.attrs import IDX, IS_TITLE, IS_UPPER, LENGTH, LOWER
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from thinc.api import (HashEmbed, Maxout, Model, Ragged, chain, concatenate, list2ragged,
                       ragged2list, with_array)
from thinc.types import Floats2d

from ..normalize.place import _fold, gazetteer

KINDS = {"country": 0, "bloc": 1, "grouping": 1, "region": 1, "economic region": 1,
         "subdivision": 2, "province": 2, "autonomous region": 2, "municipality": 2, "city": 3}
N_KINDS = 4
N_PLACE_FEATURES = 2 * N_KINDS + 1  # begin or inside a name of each kind, or neither
MAX_NAME_TOKENS = 6
_FIRST_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _names() -> Tuple[dict, frozenset]:
    """Folded lower-case name -> kind index, and the first words names start with."""
    names, firsts = {}, set()
    for key, place in gazetteer().items():
        kind = KINDS.get(place.kind)
        m = _FIRST_WORD.match(key)
        if kind is None or m is None:
            continue
        names[key] = kind
        firsts.add(m.group())
    return names, frozenset(firsts)


def place_ids(doc: Doc) -> numpy.ndarray:
    """One int per token: 0 outside a known name, ``1 + kind`` at its first token and
    ``1 + N_KINDS + kind`` inside it."""
    n = len(doc)
    out = numpy.zeros(n, dtype="int32")
    if n == 0:
        return out
    names, firsts = _names()
    strings = doc.vocab.strings
    lowers = doc.to_array(LOWER)  # uint64 string hashes
    arr = doc.to_array([IS_TITLE, IS_UPPER, IDX, LENGTH]).astype("int64")
    capital = numpy.flatnonzero(arr[:, 0] | arr[:, 1]).tolist()
    text = doc.text
    end_of_last = -1
    for i in capital:
        if i < end_of_last:
            continue
        m = _FIRST_WORD.match(strings[int(lowers[i])])
        if m is None or m.group() not in firsts:
            continue
        start = int(arr[i, 2])
        for j in range(min(n, i + MAX_NAME_TOKENS), i, -1):  # the longest name first
            key = text[start: int(arr[j - 1, 2] + arr[j - 1, 3])].lower()
            if not key.isascii():
                key = _fold(key)
            kind = names.get(" ".join(key.split()))
            if kind is not None:
                out[i] = 1 + kind
                out[i + 1: j] = 1 + N_KINDS + kind
                end_of_last = j
                break
    return out


def place_features() -> Model[List[Doc], Ragged]:
    """The one-hot place features of every token, as a Ragged like ``list2ragged`` gives."""
    return Model("place_features", _features_forward)


def _features_forward(model: Model, docs: List[Doc], is_train: bool):
    ids = [place_ids(doc) for doc in docs]
    lengths = model.ops.asarray1i([len(x) for x in ids])
    flat = numpy.concatenate(ids) if ids else numpy.zeros(0, dtype="int32")
    onehot = numpy.zeros((len(flat), N_PLACE_FEATURES), dtype="float32")
    onehot[numpy.arange(len(flat)), flat] = 1.0
    output = Ragged(model.ops.asarray2f(onehot), lengths)
    return output, lambda d_output: []


def with_place_features(
        tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """Each token's vector from ``tok2vec`` with the one-hot place features appended: the same
    features for a listener of a shared transformer, whose embedding tradeie cannot change.
    The width is the listener's plus ``N_PLACE_FEATURES``; the layer reading it mixes them.

    Not thinc's ``concatenate``: its backward pass adds up what each branch returns for the
    input, and a listener returns nothing (its gradient goes to the upstream component)."""
    return Model("with_place_features", _with_features_forward, layers=[tok2vec],
                 init=_with_features_init, dims={"nO": None})


def _with_features_init(model: Model, X=None, Y=None) -> None:
    tok2vec = model.layers[0]
    tok2vec.initialize(X=X)
    if tok2vec.has_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + N_PLACE_FEATURES)


def _with_features_forward(model: Model, docs: List[Doc], is_train: bool):
    vectors, backprop_vectors = model.layers[0](docs, is_train)
    ops = model.ops
    output = []
    for doc, vecs in zip(docs, vectors):
        onehot = numpy.zeros((len(doc), N_PLACE_FEATURES), dtype="float32")
        onehot[numpy.arange(len(doc)), place_ids(doc)] = 1.0
        output.append(ops.xp.hstack([vecs, ops.asarray2f(onehot)]))

    def backprop(d_output: List[Floats2d]):
        return backprop_vectors([ops.as_contig(d[:, :-N_PLACE_FEATURES]) for d in d_output])

    return output, backprop


def build_place_embed(width: int, attrs: List[str],
                      rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` without static vectors, plus the place features, mixed
    by one Maxout layer to ``width``."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows for {len(attrs)} attrs")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0)
                  for i in range(len(attrs))]
    hashed: Model[List[Doc], Ragged] = chain(FeatureExtractor(attrs), list2ragged(),
                                             with_array(concatenate(*embeddings)))
    mix = with_array(Maxout(width, width * len(embeddings) + N_PLACE_FEATURES, nP=3,
                            dropout=0.0, normalize=True))
    return chain(concatenate(hashed, place_features()), mix, ragged2list())
