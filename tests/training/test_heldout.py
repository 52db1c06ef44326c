"""benchmarks/heldout.py: a held-out slice of the training documents."""
import importlib.util
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[2]


def _heldout():
    spec = importlib.util.spec_from_file_location("heldout", ROOT / "benchmarks" / "heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_slice_is_held_out_whole_and_apart_from_the_training_documents(tmp_path, monkeypatch):
    heldout = _heldout()
    monkeypatch.setattr(sys, "argv", ["heldout.py", "--slice", "1", "--out", str(tmp_path)])
    heldout.main()
    nlp = spacy.blank("en")
    train = {d.user_data["tradeie_doc"] for d in
             DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab)}
    tune = {json.loads(line)["doc"] for line in (tmp_path / "tune.jsonl").read_text().splitlines()}
    gold = {json.loads(line)["doc"] for line in (tmp_path / "tune.gold.jsonl").read_text().splitlines()}
    everything = {json.loads(line)["doc"] for line in
                  (ROOT / "corpus" / "train.jsonl").read_text().splitlines() if line.strip()}
    assert tune and not tune & train and train | tune == everything
    assert gold <= tune
    assert all(heldout.held_out(doc, 1, 4) for doc in tune)
    assert not any(heldout.held_out(doc, 1, 4) for doc in train)
