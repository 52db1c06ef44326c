"""``trade_relations``: a trainable component that links arguments to the flow they describe.

For every candidate pair (a FLOW or RANK head and another entity of its sentence) it predicts
one probability per relation label: VALUE, GROWTH, SHARE, PARTNER, LOCATION, PERIOD, PRODUCT.
Predictions go to ``doc._.trade_relations``: ``{(head.start, child.start): {label: score}}``.
Gold relations travel in ``doc.user_data["tradeie_relations"]`` as token offsets
``[head_start, head_end, child_start, child_end, label]`` (see ``tradeie convert``).
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Dict, Iterable, List, Optional, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, validate_get_examples
from spacy.vocab import Vocab
from thinc.api import Model, Optimizer
from thinc.types import Floats2d

from ..extensions import register_extensions
from .candidates import get_candidates
from .docindex import indexed

GOLD_KEY = "tradeie_relations"
RELATION_LABELS = ("VALUE", "GROWTH", "SHARE", "PARTNER", "LOCATION", "PERIOD", "PRODUCT")


class TradeRelations(TrainablePipe):
    """Scores (head, argument) pairs with a thinc model; labels live in ``self.cfg``."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "trade_relations", *,
                 threshold: float = 0.5, max_distance: int = 80) -> None:
        register_extensions()
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"labels": [], "threshold": threshold, "max_distance": max_distance}

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def threshold(self) -> float:
        return self.cfg["threshold"]

    def add_label(self, label: str) -> int:
        if label in self.labels:
            return 0
        self.cfg["labels"] = [*self.labels, label]
        return 1

    def predict(self, docs: Iterable[Doc]) -> Floats2d:
        docs = list(docs)
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: Floats2d) -> None:
        scores = self.model.ops.to_numpy(scores)
        row = 0
        for doc in docs:
            found: Dict[Tuple[int, int], Dict[str, float]] = {}
            with indexed(doc):
                cands = get_candidates(doc, self.cfg["max_distance"])
            for cand in cands:
                found[(cand.head.start, cand.child.start)] = {
                    label: float(scores[row, j]) for j, label in enumerate(self.labels)}
                row += 1
            doc._.trade_relations = found

    def _targets(self, examples: Iterable[Example]) -> numpy.ndarray:
        rows = []
        for eg in examples:
            gold = _gold_relations(eg.reference)
            for cand in get_candidates(eg.predicted, self.cfg["max_distance"]):
                key = (cand.head.start, cand.head.end, cand.child.start, cand.child.end)
                labels = gold.get(key, set())
                rows.append([1.0 if label in labels else 0.0 for label in self.labels])
        return numpy.asarray(rows, dtype="float32").reshape((-1, len(self.labels)))

    def update(self, examples: Iterable[Example], *, drop: float = 0.0,
               sgd: Optional[Optimizer] = None,
               losses: Optional[Dict[str, float]] = None) -> Dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_get_examples(lambda: examples, "TradeRelations.update")
        for eg in examples:
            _copy_gold_entities(eg)
        docs = [eg.predicted for eg in examples]
        if not any(get_candidates(d, self.cfg["max_distance"]) for d in docs):
            return losses
        set_dropout_rate(self.model, drop)
        scores, backprop = self.model.begin_update(docs)
        loss, d_scores = self.get_loss(examples, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> Tuple[float, Floats2d]:
        """Binary cross-entropy; its gradient w.r.t. the logits is ``scores - truths``."""
        truths = self.model.ops.asarray2f(self._targets(examples))
        xp = self.model.ops.xp
        # Positives are rare (most pairs are not related): weight them up, and average over
        # pairs so the gradient reaching the shared tok2vec does not grow with the pair count.
        weights = 1.0 + (self.cfg.get("positive_weight", 3.0) - 1.0) * truths
        n = max(1, truths.shape[0])
        d_scores = weights * (scores - truths) / n
        clipped = xp.clip(scores, 1e-7, 1 - 1e-7)
        loss = -(weights * (truths * xp.log(clipped) + (1 - truths) * xp.log(1 - clipped))).sum() / n
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Optional[Language] = None, labels: Optional[List[str]] = None) -> None:
        validate_get_examples(get_examples, "TradeRelations.initialize")
        for label in labels or RELATION_LABELS:
            self.add_label(label)
        sample = []
        for eg in islice(get_examples(), 10):
            _copy_gold_entities(eg)
            sample.append(eg.predicted)
        self.model.get_ref("output_layer").set_dim("nO", len(self.labels))
        self.model.initialize(X=sample, Y=None)

    def score(self, examples: Iterable[Example], **kwargs) -> Dict[str, float]:
        return score_relations(examples, self.threshold)


def score_relations(examples: Iterable[Example], threshold: float = 0.5) -> Dict[str, float]:
    """Micro P/R/F of relations, matched by head and argument token offsets and label."""
    tp = fp = fn = 0
    for eg in examples:
        gold = {(k, label) for k, labels in _gold_relations(eg.reference).items() for label in labels}
        pred = set()
        found = eg.predicted._.trade_relations or {}
        ents = {e.start: e for e in eg.predicted.ents}
        for (hs, cs), scores in found.items():
            head, child = ents.get(hs), ents.get(cs)
            if head is None or child is None:
                continue
            for label, value in scores.items():
                if value >= threshold:
                    pred.add(((head.start, head.end, child.start, child.end), label))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"rel_micro_p": p, "rel_micro_r": r, "rel_micro_f": f}


def _gold_relations(doc: Doc) -> Dict[Tuple[int, int, int, int], set]:
    gold: Dict[Tuple[int, int, int, int], set] = {}
    for hs, he, cs, ce, label in doc.user_data.get(GOLD_KEY, []):
        gold.setdefault((hs, he, cs, ce), set()).add(label)
    return gold


def _copy_gold_entities(eg: Example) -> None:
    """Train relations on the gold entities: the NER is trained separately."""
    pred = eg.predicted
    spans = [pred.char_span(e.start_char, e.end_char, label=e.label_) for e in eg.reference.ents]
    pred.ents = [s for s in spans if s is not None]


def set_dropout_rate(model: Model, drop: float) -> None:
    for node in model.walk():
        if node.name == "dropout":
            node.attrs["dropout_rate"] = drop
