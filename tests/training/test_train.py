"""`tradeie train` end to end on a tiny corpus: it overfits, writes a loadable pipeline."""
import json

import pytest

from tradeie.errors import TradeieError
from tradeie.training.convert import blank_nlp, write_docbin
from tradeie.training.corpus import read_ann
from tradeie.training.train import check_transformer_folder, config_path, train_pipeline

DOC = """@doc tiny-{n}
@style wire
@text
In [2022]{{PERIOD}}, [{place}]{{LOCATION}}'s [exports]{{FLOW}} rose [{g}%]{{PERCENT}} to [{v} billion yuan]{{MONEY}}, while [imports]{{FLOW}} fell [2.5%]{{PERCENT}} to [{w} billion yuan]{{MONEY}}.
@gold
{{"type": "trade", "sentence": "In 2022, {place}'s exports rose {g}% to {v} billion yuan", "location": "{place}", "flow": "export", "partner": null, "product": null, "period": "2022", "value": {vv}, "currency": "CNY", "growth_pct": {g}, "share_pct": null}}
{{"type": "trade", "sentence": "while imports fell 2.5% to {w} billion yuan", "location": "{place}", "flow": "import", "partner": null, "product": null, "period": "2022", "value": {ww}, "currency": "CNY", "growth_pct": -2.5, "share_pct": null, "context": ["In 2022, {place}'s exports rose {g}% to {v} billion yuan"]}}
"""
PLACES = [("Xiamen", 5.1, 20, 12), ("Suzhou", 7.3, 31, 18), ("Hefei", 3.8, 15, 9)]


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    records = []
    for n, (place, g, v, w) in enumerate(PLACES):
        path = root / f"tiny-{n}.ann"
        path.write_text(DOC.format(n=n, place=place, g=g, v=v, w=w, vv=v * 10**9, ww=w * 10**9),
                        encoding="utf-8")
        records.append(read_ann(path))
    nlp = blank_nlp()
    for name in ("train", "valid"):
        write_docbin(nlp, records, root / f"{name}.spacy")
    return root


def test_train_overfits_tiny_corpus(tiny_corpus, tmp_path):
    import tradeie

    path = train_pipeline("efficient", tmp_path / "models", tiny_corpus, seed=1, max_steps=60,
                          workdir=tmp_path / "work")
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "tradeie_efficient"
    nlp = tradeie.load(path)
    text = "In 2022, Suzhou's exports rose 7.3% to 31 billion yuan, while imports fell 2.5% to 18 billion yuan."
    facts = {(f.flow, int(f.value), f.growth_pct) for f in tradeie.extract(text, nlp=nlp)}
    assert ("export", 31_000_000_000, 7.3) in facts
    assert ("import", 18_000_000_000, -2.5) in facts


def test_train_missing_corpus_names_the_file(tmp_path):
    with pytest.raises(TradeieError, match="train.spacy"):
        train_pipeline("efficient", tmp_path / "m", tmp_path, max_steps=1)


def test_train_unknown_config_is_an_error():
    with pytest.raises(TradeieError, match="no config 'fast'"):
        config_path("fast")


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "nope", "does not exist"),
    (lambda p: p, "config.json is missing"),
], ids=["missing", "no-config"])
def test_train_transformer_folder_errors_name_it(tmp_path, make, message):
    folder = make(tmp_path)
    with pytest.raises(TradeieError, match=message) as err:
        check_transformer_folder(folder)
    assert str(folder) in str(err.value)
