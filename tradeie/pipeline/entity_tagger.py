"""``tradeie_entity_tagger``: a statistical entity recogniser that tags every token at once.

spaCy's ``ner`` is transition-based: it takes one action per token, and before each action
it checks every action's validity, which in spaCy 3.8's compiled code takes a lock per check.
On this project's text that loop costs about as much as the encoder itself (1.85 s of the
benchmark's 9 s, whatever the width of its hidden layer). This component reads the same
encoder output and gives each token a probability for each BILUO tag (``B-FLOW``,
``I-FLOW``, ``L-FLOW``, ``U-FLOW``, ..., ``O``) with one softmax layer; the tags are decoded
into entities that respect the BILUO order (a Viterbi pass, only over the runs of tokens
whose best tag is not ``O``).

Entities already on the doc (those of ``tradeie_entity_patterns`` in front of it) are kept,
and a predicted entity that would overlap one of them is dropped: the same contract as
spaCy's ``ner`` with preset entities.
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Dict, Iterable, List, Optional, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_get_examples
from spacy.vocab import Vocab
from thinc.api import Model, SequenceCategoricalCrossentropy
from thinc.types import Floats2d

_NEG_INF = -1e9


class EntityTagger(TrainablePipe):
    """BILUO tags per token from a softmax over the encoder's vectors; labels in ``self.cfg``."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "ner", *,
                 scorer: Optional[Callable] = None) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: Dict[str, list] = {"labels": []}
        self._transitions: Optional[Tuple[Tuple[str, ...], numpy.ndarray]] = None

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> List[str]:
        return ["O"] + [f"{p}-{label}" for label in self.labels for p in "BILU"]

    def add_label(self, label: str) -> int:
        if label in self.labels:
            return 0
        self.cfg["labels"] = sorted([*self.labels, label])
        return 1

    # -- prediction --------------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> List[Floats2d]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.tags)) for doc in docs]
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: List[Floats2d]) -> None:
        tags = self.tags
        for doc, doc_scores in zip(docs, scores):
            if not len(doc):
                continue
            probs = self.model.ops.to_numpy(doc_scores)  # the softmax normalises its outputs
            preset = list(doc.ents)
            taken = numpy.zeros(len(doc), dtype=bool)
            for ent in preset:
                taken[ent.start: ent.end] = True
            found = []
            for start, end, label in self._decode(numpy.log(numpy.clip(probs, 1e-9, 1.0)), taken):
                found.append(Span(doc, start, end, label=tags[label].split("-", 1)[1]))
            if found:
                doc.set_ents(sorted(preset + found, key=lambda e: e.start), default="unmodified")

    def _decode(self, logp: numpy.ndarray, taken: numpy.ndarray):
        """(start, end, tag of the first token) of each entity: the best BILUO-valid tagging
        of every run of free tokens whose best tag is not O."""
        best = logp.argmax(axis=1)
        busy = (best != 0) & ~taken
        n = len(best)
        i = 0
        while i < n:
            if not busy[i]:
                i += 1
                continue
            j = i
            while j < n and busy[j]:
                j += 1
            yield from self._viterbi(logp[i:j], i)
            i = j

    def _allowed(self) -> numpy.ndarray:
        """Transition scores between tags: 0 where BILUO allows the step, else -inf; row
        ``len(tags)`` is the start of a run, column ``len(tags)`` its end."""
        if self._transitions is None or self._transitions[0] != self.labels:  # labels loaded or added
            tags = self.tags
            size = len(tags)
            allowed = numpy.full((size + 1, size + 1), _NEG_INF, dtype="float32")
            outside = [k for k, t in enumerate(tags) if t == "O" or t[0] in "LU"]
            opening = [k for k, t in enumerate(tags) if t == "O" or t[0] in "BU"]
            for prev in outside + [size]:
                for cur in opening + [size]:
                    allowed[prev, cur] = 0.0
            for k, t in enumerate(tags):
                if t[0] in "BI":
                    label = t[2:]
                    allowed[k, tags.index(f"I-{label}")] = 0.0
                    allowed[k, tags.index(f"L-{label}")] = 0.0
            self._transitions = (self.labels, allowed)
        return self._transitions[1]

    def _viterbi(self, logp: numpy.ndarray, offset: int):
        allowed = self._allowed()
        size = logp.shape[1]
        trans = allowed[:size, :size]
        score = allowed[size, :size] + logp[0]
        back = numpy.zeros(logp.shape, dtype="int32")
        for t in range(1, len(logp)):
            cand = score[:, None] + trans
            back[t] = cand.argmax(axis=0)
            score = cand.max(axis=0) + logp[t]
        score = score + allowed[:size, size]
        path = [int(score.argmax())]
        for t in range(len(logp) - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        path.reverse()
        tags = self.tags
        start = None
        for t, k in enumerate(path):
            tag = tags[k]
            if tag[0] in "BU":
                start = (t, k)
            if tag[0] in "LU" and start is not None:
                yield offset + start[0], offset + t + 1, start[1]
                start = None

    # -- training ----------------------------------------------------------------------------

    def get_loss(self, examples: Iterable[Example], scores: List[Floats2d]) -> Tuple[float, List[Floats2d]]:
        validate_get_examples(lambda: examples, "EntityTagger.get_loss")
        known = set(self.tags)
        loss_func = SequenceCategoricalCrossentropy(names=self.tags, normalize=False, missing_value="-")
        # a token the gold does not tag, or tags with a label this component lacks, is missing
        truths = [[tag if tag in known else "-" for tag in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError("EntityTagger: the loss is NaN")
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Optional[Language] = None, labels: Optional[List[str]] = None) -> None:
        validate_get_examples(get_examples, "EntityTagger.initialize")
        if labels is None:
            labels = sorted({ent.label_ for eg in get_examples() for ent in eg.reference.ents})
        for label in labels:
            self.add_label(label)
        sample = [eg.predicted for eg in islice(get_examples(), 10)]
        self.model.get_ref("softmax").set_dim("nO", len(self.tags))
        self.model.initialize(X=sample)


