"""Every factory, architecture and reader tradeie registers with spaCy, and nothing else.

spaCy finds these through the entry points in pyproject.toml, so ``spacy.load()`` of a
tradeie pipeline works without importing tradeie first.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, List

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Config, Model
from thinc.types import Floats2d

# the encoder a component builds for itself when no shared tok2vec is configured
_OWN_TOK2VEC = """@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""

DEFAULT_REL_MODEL = """
[model]
@architectures = "tradeie.RelationModel.v1"
hidden_width = 64
dropout = 0.1

[model.create_instance_tensor]
@architectures = "tradeie.InstanceTensors.v1"
max_distance = 80

[model.create_instance_tensor.tok2vec]
""" + _OWN_TOK2VEC


@Language.factory("tradeie_entity_patterns", default_config={
    "labels": ["MONEY", "PERCENT", "PERIOD", "RANK"], "overwrite": False})
def make_entity_patterns(nlp: Language, name: str, labels: List[str], overwrite: bool):
    from .pipeline.patterns import EntityPatterns

    return EntityPatterns(nlp, name, labels=labels, overwrite=overwrite)


DEFAULT_TAGGER_MODEL = """
[model]
@architectures = "spacy.Tagger.v2"
normalize = true

[model.tok2vec]
""" + _OWN_TOK2VEC


@Language.factory("tradeie_entity_tagger", assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
                  default_config={"model": Config().from_str(DEFAULT_TAGGER_MODEL)["model"],
                                  "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
                  default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0,
                                         "ents_per_type": None})
def make_entity_tagger(nlp: Language, name: str, model: Model, scorer: Callable | None):
    from .pipeline.entity_tagger import EntityTagger

    return EntityTagger(nlp.vocab, model, name, scorer=scorer)


@Language.factory("trade_relations", assigns=["doc._.trade_relations"],
                  default_config={"model": Config().from_str(DEFAULT_REL_MODEL)["model"],
                                  "threshold": 0.5, "max_distance": 80},
                  default_score_weights={"rel_micro_f": 1.0, "rel_micro_p": 0.0,
                                         "rel_micro_r": 0.0})
def make_trade_relations(nlp: Language, name: str, model: Model[List[Doc], Floats2d],
                         threshold: float, max_distance: int):
    from .pipeline.relations import TradeRelations

    return TradeRelations(nlp.vocab, model, name, threshold=threshold, max_distance=max_distance)


@Language.factory("trade_facts", assigns=["doc._.trade_facts"],
                  default_config={"threshold": 0.5, "merge": True})
def make_trade_facts(nlp: Language, name: str, threshold: float, merge: bool):
    from .pipeline.facts import TradeFactAssembler

    return TradeFactAssembler(nlp, name, threshold=threshold, merge=merge)


@registry.architectures("tradeie.RelationModel.v1")
def build_relation_model(create_instance_tensor: Model[List[Doc], Floats2d],
                         hidden_width: int = 64, dropout: float = 0.1) -> Model[List[Doc], Floats2d]:
    from .pipeline.relation_model import build_relation_model as build

    return build(create_instance_tensor, hidden_width, dropout)


@registry.architectures("tradeie.InstanceTensors.v1")
def build_instance_tensors(tok2vec: Model[List[Doc], List[Floats2d]],
                           max_distance: int = 80) -> Model[List[Doc], Floats2d]:
    from .pipeline.relation_model import build_instance_tensors as build

    return build(tok2vec, max_distance)


@registry.architectures("tradeie.PlaceEmbed.v1")
def build_place_embed(width: int, attrs: List[str],
                      rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` plus gazetteer features: which tokens spell a known country,
    bloc, province or city (``pipeline/place_embed.py``)."""
    from .pipeline.place_embed import build_place_embed as build

    return build(width, attrs, rows)


@registry.architectures("tradeie.GazetteerEmbed.v1")
def build_gazetteer_embed(width: int, attrs: List[str],
                          rows: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """``tradeie.PlaceEmbed.v1`` plus product features: which tokens spell a name of the
    shipped product lexicon, ``data/products.txt`` (``pipeline/place_embed.py``)."""
    from .pipeline.place_embed import build_gazetteer_embed as build

    return build(width, attrs, rows)


@registry.architectures("tradeie.PlaceFeatures.v1")
def build_with_place_features(
        tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """``tok2vec`` (a transformer listener, say) with the gazetteer place features of
    ``tradeie.PlaceEmbed.v1`` appended to every token's vector."""
    from .pipeline.place_embed import with_place_features

    return with_place_features(tok2vec)


@registry.architectures("tradeie.GazetteerFeatures.v1")
def build_with_gazetteer_features(
        tok2vec: Model[List[Doc], List[Floats2d]]) -> Model[List[Doc], List[Floats2d]]:
    """``tradeie.PlaceFeatures.v1`` plus the product-name columns of
    ``tradeie.GazetteerEmbed.v1``: what the efficient pipeline's embedding knows, for a
    transformer listener."""
    from .pipeline.place_embed import with_gazetteer_features

    return with_gazetteer_features(tok2vec)


@registry.readers("tradeie.CorpusReader.v1")
def create_corpus_reader(path: Path, limit: int = 0) -> Callable[[Language], Iterable[Example]]:
    """Examples straight from tradeie JSONL records (``corpus/train.jsonl``), no DocBin needed."""
    from .training.convert import record_examples

    def read(nlp: Language) -> Iterable[Example]:
        return record_examples(nlp, Path(path), limit=limit)

    return read


@registry.augmenters("tradeie.PlaceSwap.v1")
def create_place_swap(level: float = 0.5, min_population: int = 100_000
                      ) -> Callable[[Language, Example], Iterable[Example]]:
    """Each training example, and with probability ``level`` a copy whose places are renamed
    to other gazetteer places of the same kind, cities of ``min_population`` people or more
    (``training/augment.py``)."""
    from .training.augment import place_swap

    return place_swap(level, min_population)


@registry.tokenizers("tradeie.Tokenizer.v1")
def make_tokenizer() -> Callable[[Language], "Tokenizer"]:
    from .pipeline.tokenizer import create_tokenizer

    return create_tokenizer
