"""``tradeie.Tokenizer.v1`` and the text preparation in front of it."""
import pytest

from tradeie.api import prepare_text
from tradeie.training.convert import blank_nlp


@pytest.fixture(scope="module")
def nlp():
    return blank_nlp()


@pytest.mark.parametrize("text,tokens", [
    ("year on year.The imports", ["year", "on", "year", ".", "The", "imports"]),
    ("decrease of ７．８％.Among them", ["decrease", "of", "７．８", "％", ".", "Among", "them"]),
    ("up ３．５％；the city", ["up", "３．５", "％", "；", "the", "city"]),
    ("185.3 billion yuan，a rise", ["185.3", "billion", "yuan", "，", "a", "rise"]),
    ("（１）ASEAN 1,453.6", ["（", "１", "）", "ASEAN", "1,453.6"]),
    ("the U.S. and No.1", ["the", "U.S.", "and", "No.1"]),
    ("・United States: ５１２．７", ["・", "United", "States", ":", "５１２．７"]),
    ("■Plastics and ▶China", ["■", "Plastics", "and", "▶", "China"]),
], ids=["missing-space", "full-width-percent-stop", "full-width-semicolon", "full-width-comma",
        "full-width-list-number", "abbreviations-kept", "japanese-bullet", "shape-bullets"])
def test_tokenizer_splits_crawled_text(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_saved_tokenizer_state_is_read_unless_it_is_the_built_one(nlp, tmp_path):
    import pickle

    from spacy.attrs import ORTH
    nlp.to_disk(tmp_path / "a")
    saved = blank_nlp()
    saved.tokenizer.add_special_case("tradeie-x", [{ORTH: "tradeie"}, {ORTH: "-x"}])
    saved.to_disk(tmp_path / "b")
    unchanged = blank_nlp().from_disk(tmp_path / "a")
    assert [t.text for t in unchanged("year on year.The")] == ["year", "on", "year", ".", "The"]
    changed = blank_nlp().from_disk(tmp_path / "b")
    assert [t.text for t in changed("tradeie-x")] == ["tradeie", "-x"]
    again = pickle.loads(pickle.dumps(changed.tokenizer))
    assert [t.text for t in again("tradeie-x up ３．５％；")] == ["tradeie", "-x", "up", "３．５", "％", "；"]


def test_the_shipped_tokenizer_is_the_built_one(nlp):
    """The shipped pipeline's saved tokenizer equals the one its factory builds, so loading
    skips reading it again (a copy saved with the vocab, or with old prefixes, cost 0.2 s)."""
    from tradeie.api import default_model_path
    from tradeie.pipeline.tokenizer import create_tokenizer

    saved = (default_model_path() / "tokenizer").read_bytes()
    assert saved == create_tokenizer(nlp).to_bytes(exclude=["vocab"])


@pytest.mark.parametrize("raw,word", [
    ("Xiamen&#39;s exports", "'s"), ("63.18&nbsp;billion yuan", "billion"),
    ("Customs &amp; Trade", "&"),
], ids=["apostrophe", "nbsp", "ampersand"])
def test_html_entities_become_their_character_without_moving_offsets(nlp, raw, word):
    text = prepare_text(raw)
    assert len(text) == len(raw)
    assert word in [t.text for t in nlp(text)]
    assert "&" not in text.replace("& ", "").replace(" &", "") or word == "&"
