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
from importlib import resources
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


# Product names: whether a token begins or continues a name of ``data/products.txt``
N_PRODUCT_FEATURES = 3  # outside, first word, inside
MAX_PRODUCT_TOKENS = 12


def number_forms(name: str) -> set[str]:
    """``name`` with its last word in singular and plural ("valve" <-> "valves",
    "battery" <-> "batteries"): the lexicon lists one form of each name."""
    head, last = name[: len(name) - len(name.split()[-1])], name.split()[-1]
    forms = {name}
    if len(last) <= 3 or not last.isalpha():
        return forms
    if last.endswith("ies"):
        forms.add(head + last[:-3] + "y")
    elif last.endswith(("ches", "shes", "sses", "xes")):
        forms.add(head + last[:-2])
    elif last.endswith("s") and not last.endswith("ss"):
        forms.add(head + last[:-1])
    elif last.endswith("y") and last[-2] not in "aeiou":
        forms.add(head + last[:-1] + "ies")
    elif last.endswith(("ch", "sh", "ss", "x")):
        forms.add(head + last + "es")
    else:
        forms.add(head + last + "s")
    return forms


@lru_cache(maxsize=1)
def _product_names() -> Tuple[frozenset, dict]:
    """Folded lower-case product names (both numbers), and for each first word the length in
    characters of the longest name it starts."""
    raw = resources.files("tradeie.data").joinpath("products.txt").read_text(encoding="utf-8")
    names, longest = set(), {}
    for line in raw.splitlines():
        line = " ".join(_fold(line.strip().lower()).split())
        if not line or line.startswith("#"):
            continue
        for form in number_forms(line):
            names.add(form)
            m = _FIRST_WORD.match(form)
            if m is not None:
                longest[m.group()] = max(longest.get(m.group(), 0), len(form))
    return frozenset(names), longest


_LONGEST_BY_HASH: dict = {}  # LOWER hash -> longest name its word starts (0: none)


def _longest_from(strings, lowers: list) -> list:
    """For each token, the length of the longest product name its word may start (0: none)."""
    cache = _LONGEST_BY_HASH
    if len(cache) > 500_000:
        cache.clear()
    out = [cache.get(h) for h in lowers]
    if None in out:
        longest = _product_names()[1]
        for k, value in enumerate(out):
            if value is None:
                m = _FIRST_WORD.match(strings[lowers[k]])
                out[k] = cache[lowers[k]] = longest.get(m.group(), 0) if m else 0
    return out


def product_ids(doc: Doc) -> numpy.ndarray:
    """One int per token: 0 outside a listed product name, 1 at its first token, 2 inside
    it. Case does not matter ("Coffee", "coffee"); the longest name starting at a token wins."""
    n = len(doc)
    out = numpy.zeros(n, dtype="int32")
    if n == 0:
        return out
    longest = _longest_from(doc.vocab.strings, doc.to_array(LOWER).tolist())
    starts = [i for i, value in enumerate(longest) if value]
    if not starts:
        return out
    names = _product_names()[0]
    arr = doc.to_array([IDX, LENGTH]).tolist()
    text = doc.text
    covered = -1
    for i in starts:
        if i < covered:
            continue  # inside the name found before
        start = arr[i][0]
        for j in range(min(n, i + MAX_PRODUCT_TOKENS), i, -1):  # the longest name first
            end = arr[j - 1][0] + arr[j - 1][1]
            if end - start > longest[i] + 8:  # longer than any name it may start (+ spaces)
                continue
            key = text[start: end].lower()
            if not key.isascii():
                key = _fold(key)
            if " ".join(key.split()) in names:
                out[i] = 1
                out[i + 1: j] = 2
                covered = j
                break
    return out


def place_features() -> Model[List[Doc], Ragged]:
    """The one-hot place features of every token, as a Ragged like ``list2ragged`` gives."""
    return Model("place_features", _features_forward)


def _features_forward(model: Model, docs: List[Doc], is_train: bool):
    return _ragged_onehot(model, docs, _place_onehot, N_PLACE_FEATURES)


def gazetteer_features() -> Model[List[Doc], Ragged]:
    """The one-hot place and product features of every token, as a Ragged."""
    return Model("gazetteer_features", _gazetteer_forward)


def _gazetteer_forward(model: Model, docs: List[Doc], is_train: bool):
    return _ragged_onehot(model, docs, _gazetteer_onehot, N_PLACE_FEATURES + N_PRODUCT_FEATURES)


def _ragged_onehot(model: Model, docs: List[Doc], onehot, n_features: int):
    """``onehot`` of every doc as one Ragged, and a backward pass with nothing to learn."""
    rows = [onehot(doc) for doc in docs]
    flat = numpy.concatenate(rows) if rows else numpy.zeros((0, n_features), dtype="float32")
    lengths = model.ops.asarray1i([len(x) for x in rows])
    return Ragged(model.ops.asarray2f(flat), lengths), lambda d_output: []


def with_place_features(
        tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """Each token's vector from ``tok2vec`` with the one-hot place features appended: the same
    features for a listener of a shared transformer, whose embedding tradeie cannot change.
    The width is the listener's plus ``N_PLACE_FEATURES``; the layer reading it mixes them.

    Not thinc's ``concatenate``: its backward pass adds up what each branch returns for the
    input, and a listener returns nothing (its gradient goes to the upstream component)."""
    return _with_features("with_place_features", tok2vec, _place_onehot, N_PLACE_FEATURES)


def with_gazetteer_features(
        tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """``with_place_features`` with the product-name columns of ``tradeie.GazetteerEmbed.v1``
    appended too: ``N_PLACE_FEATURES + N_PRODUCT_FEATURES`` more columns."""
    return _with_features("with_gazetteer_features", tok2vec, _gazetteer_onehot,
                          N_PLACE_FEATURES + N_PRODUCT_FEATURES)


def _place_onehot(doc: Doc) -> numpy.ndarray:
    onehot = numpy.zeros((len(doc), N_PLACE_FEATURES), dtype="float32")
    onehot[numpy.arange(len(doc)), place_ids(doc)] = 1.0
    return onehot


def _gazetteer_onehot(doc: Doc) -> numpy.ndarray:
    onehot = numpy.zeros((len(doc), N_PLACE_FEATURES + N_PRODUCT_FEATURES), dtype="float32")
    rows = numpy.arange(len(doc))
    onehot[rows, place_ids(doc)] = 1.0
    onehot[rows, N_PLACE_FEATURES + product_ids(doc)] = 1.0
    return onehot


def _with_features(name: str, tok2vec: Model[List[Doc], List[Floats2d]], onehot, n_features: int
                   ) -> Model[List[Doc], List[Floats2d]]:
    return Model(name, _with_features_forward, layers=[tok2vec], init=_with_features_init,
                 dims={"nO": None}, attrs={"onehot": onehot, "n_features": n_features})


def _with_features_init(model: Model, X=None, Y=None) -> None:
    tok2vec = model.layers[0]
    tok2vec.initialize(X=X)
    if tok2vec.has_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + model.attrs["n_features"])


def _with_features_forward(model: Model, docs: List[Doc], is_train: bool):
    vectors, backprop_vectors = model.layers[0](docs, is_train)
    ops = model.ops
    onehot, n_features = model.attrs["onehot"], model.attrs["n_features"]
    output = [ops.xp.hstack([vecs, ops.asarray2f(onehot(doc))]) for doc, vecs in zip(docs, vectors)]

    def backprop(d_output: List[Floats2d]):
        return backprop_vectors([ops.as_contig(d[:, :-n_features]) for d in d_output])

    return output, backprop


def build_place_embed(width: int, attrs: List[str],
                      rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` without static vectors, plus the place features, mixed
    by one Maxout layer to ``width``."""
    return _hash_embed_with(width, attrs, rows, place_features(), N_PLACE_FEATURES)


def build_gazetteer_embed(width: int, attrs: List[str],
                          rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """``build_place_embed`` with the product-name features beside the place features."""
    return _hash_embed_with(width, attrs, rows, gazetteer_features(),
                            N_PLACE_FEATURES + N_PRODUCT_FEATURES)


def _hash_embed_with(width: int, attrs: List[str], rows: List[int],
                     features: Model[List[Doc], Ragged], n_features: int) -> Model[List[Doc], List[Floats2d]]:
    """Hash embeddings of ``attrs`` concatenated with ``features`` (``n_features`` columns),
    mixed by one Maxout layer to ``width``."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows for {len(attrs)} attrs")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0)
                  for i in range(len(attrs))]
    hashed: Model[List[Doc], Ragged] = chain(FeatureExtractor(attrs), list2ragged(),
                                             with_array(concatenate(*embeddings)))
    mix = with_array(Maxout(width, width * len(embeddings) + n_features, nP=3,
                            dropout=0.0, normalize=True))
    return chain(concatenate(hashed, features), mix, ragged2list())
