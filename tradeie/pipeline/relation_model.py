"""The thinc model of ``trade_relations``: pooled head and argument vectors plus pair features.

``tradeie.InstanceTensors.v1`` turns a batch of docs into one row per candidate pair: the
mean token vector of the head, of the argument, and the pair features of
:mod:`tradeie.pipeline.candidates`. ``tradeie.RelationModel.v1`` puts a small feed-forward
classifier with one sigmoid output per relation label on top.
"""
from __future__ import annotations

from typing import Callable, List, Tuple

import numpy
from spacy.tokens import Doc
from thinc.api import Dropout, Linear, Maxout, Model, chain
from thinc.types import Floats2d

from .candidates import N_FEATURES, get_candidates, pair_features
from .docindex import indexed


def build_relation_model(create_instance_tensor: Model[List[Doc], Floats2d],
                         hidden_width: int = 64, dropout: float = 0.1) -> Model[List[Doc], Floats2d]:
    """Instance tensor >> Maxout >> Dropout >> Linear >> sigmoid (labels set at init)."""
    output = Model("sigmoid_logits", _sigmoid_forward)
    linear = Linear()
    model = chain(create_instance_tensor, Maxout(nO=hidden_width, nP=2, dropout=0.0),
                  Dropout(dropout), linear, output)
    model.set_ref("output_layer", linear)
    model.set_ref("instances", create_instance_tensor)
    return model


def _gaps(spans: numpy.ndarray) -> numpy.ndarray:
    """Token range strictly between head and argument, per pair (empty when adjacent)."""
    start = numpy.minimum(spans[:, 1], spans[:, 3])
    end = numpy.maximum(spans[:, 0], spans[:, 2])
    end = numpy.maximum(end, start)
    return numpy.stack([start, end], axis=1)


def _sigmoid_forward(model: Model, X: Floats2d, is_train: bool) -> Tuple[Floats2d, Callable]:
    """Sigmoid whose backward pass takes the gradient w.r.t. the logits, as binary
    cross-entropy gives it (``scores - truths``): no vanishing gradient at saturation."""
    return model.ops.sigmoid(X, inplace=False), lambda dY: dY


def build_instance_tensors(tok2vec: Model[List[Doc], List[Floats2d]],
                           max_distance: int = 80) -> Model[List[Doc], Floats2d]:
    """Docs -> (n_candidates, 3 * width + N_FEATURES) rows: head, argument, the words between."""
    return Model("tradeie_instance_tensors", _forward, layers=[tok2vec],
                 refs={"tok2vec": tok2vec}, attrs={"max_distance": max_distance},
                 init=_init, dims={"nO": None})


def _init(model: Model, X=None, Y=None) -> None:
    tok2vec = model.get_ref("tok2vec")
    if X is not None:
        tok2vec.initialize(X=X)
    else:
        tok2vec.initialize()
    width = tok2vec.get_dim("nO")
    model.set_dim("nO", 3 * width + N_FEATURES)


def _candidates_and_features(doc: Doc, max_distance: int):
    with indexed(doc):
        cands = get_candidates(doc, max_distance)
        return cands, pair_features(doc, cands) if cands else None


def _forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[Floats2d, Callable]:
    tok2vec = model.get_ref("tok2vec")
    tokvecs, bp_tokvecs = tok2vec(docs, is_train)
    ops = model.ops
    width = tok2vec.get_dim("nO")
    rows, index = [], []
    for i, (doc, vecs) in enumerate(zip(docs, tokvecs)):
        cands, feats = _candidates_and_features(doc, model.attrs["max_distance"])
        if not cands:
            continue
        vecs = ops.to_numpy(vecs)
        cumsum = numpy.vstack([numpy.zeros((1, width), dtype="float32"), numpy.cumsum(vecs, 0)])
        spans = numpy.asarray([(c.head.start, c.head.end, c.child.start, c.child.end)
                               for c in cands], dtype="int64")
        head = (cumsum[spans[:, 1]] - cumsum[spans[:, 0]]) / (spans[:, 1:2] - spans[:, 0:1])
        child = (cumsum[spans[:, 3]] - cumsum[spans[:, 2]]) / (spans[:, 3:4] - spans[:, 2:3])
        gaps = _gaps(spans)
        size = numpy.maximum(gaps[:, 1:2] - gaps[:, 0:1], 1)
        between = (cumsum[gaps[:, 1]] - cumsum[gaps[:, 0]]) / size
        rows.append(numpy.hstack([head, child, between, feats]).astype("float32"))
        index.append((i, spans))
    if rows:
        output = ops.asarray2f(numpy.vstack(rows))
    else:
        output = ops.alloc2f(0, 3 * width + N_FEATURES)

    def backprop(d_output: Floats2d) -> List[Floats2d]:
        d_output = ops.to_numpy(d_output)
        grads = [numpy.zeros(ops.to_numpy(v).shape, dtype="float32") for v in tokvecs]
        offset = 0
        for i, spans in index:
            block = d_output[offset: offset + len(spans)]
            offset += len(spans)
            gaps = _gaps(spans)
            for row, ((hs, he, cs, ce), (gs, ge)) in enumerate(zip(spans, gaps)):
                grads[i][hs:he] += block[row, :width] / (he - hs)
                grads[i][cs:ce] += block[row, width:2 * width] / (ce - cs)
                if ge > gs:
                    grads[i][gs:ge] += block[row, 2 * width:3 * width] / (ge - gs)
        return bp_tokvecs([ops.asarray2f(g) for g in grads])

    return output, backprop
