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
], ids=["missing-space", "full-width-percent-stop", "full-width-semicolon", "full-width-comma",
        "full-width-list-number", "abbreviations-kept"])
def test_tokenizer_splits_crawled_text(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize("raw,word", [
    ("Xiamen&#39;s exports", "'s"), ("63.18&nbsp;billion yuan", "billion"),
    ("Customs &amp; Trade", "&"),
], ids=["apostrophe", "nbsp", "ampersand"])
def test_html_entities_become_their_character_without_moving_offsets(nlp, raw, word):
    text = prepare_text(raw)
    assert len(text) == len(raw)
    assert word in [t.text for t in nlp(text)]
    assert "&" not in text.replace("& ", "").replace(" &", "") or word == "&"
