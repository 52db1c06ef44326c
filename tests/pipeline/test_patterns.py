import pytest

import tradeie.registrations  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    from tradeie.training.convert import blank_nlp

    nlp = blank_nlp()
    nlp.add_pipe("tradeie_entity_patterns")
    return nlp


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text,expected", [
    ("In the first quarter of 2021, exports surged 75.7% to 112.32 billion yuan.",
     [("the first quarter of 2021", "PERIOD"), ("75.7%", "PERCENT"),
      ("112.32 billion yuan", "MONEY")]),
    ("Exports rose 8.3 percent to RMB43.1bn from January to June.",
     [("8.3 percent", "PERCENT"), ("RMB43.1bn", "MONEY"), ("January to June", "PERIOD")]),
    ("Trade hit １２．５ billion yuan, up ５％.",
     [("１２．５ billion yuan", "MONEY"), ("５％", "PERCENT")]),
    ("Ningbo ranked 8th among China's top 100 foreign trade cities.", [("8th", "RANK")]),
    ("It was the first time exports topped 1 trillion yuan.", [("1 trillion yuan", "MONEY")]),
    ("The value was 36.\n\n26 billion yuan.", [("36.\n\n26 billion yuan", "MONEY")]),
    ("Exports may rise, the ministry said.", []),
], ids=["chongqing", "range", "full-width", "rank", "first-time", "broken-number", "may-verb"])
def test_patterns_find_closed_class_entities(nlp, text, expected):
    assert ents(nlp(text)) == expected


def test_patterns_keep_entities_already_set(nlp):
    doc = nlp.make_doc("Exports rose 5% in 2022.")
    doc.ents = [doc.char_span(0, 7, label="FLOW"), doc.char_span(13, 15, label="MONEY")]
    doc = nlp.get_pipe("tradeie_entity_patterns")(doc)
    assert ents(doc) == [("Exports", "FLOW"), ("5%", "MONEY"), ("2022", "PERIOD")]


@pytest.mark.parametrize("text", ["", "\x00\x01\x02", "<html><p>5%</p></html>", "进出口总值1.2万亿元",
                                  "a" * 5000], ids=["empty", "control", "html", "chinese", "long"])
def test_patterns_never_crash(nlp, text):
    assert isinstance(ents(nlp(text)), list)


def test_a_month_range_with_an_en_dash_is_one_period():
    from tradeie.pipeline.patterns import shadow
    from tradeie.normalize.period import find_periods

    text = "Trade from January–June rose."
    assert [text[s:e] for s, e in find_periods(shadow(text))] == ["January–June"]


@pytest.mark.parametrize("text,expected", [
    ("Wenling, Linhai and Yuhuan posted exports of 12.6, 9.8 and 8.1 billion yuan respectively.",
     [("12.6", "MONEY"), ("9.8", "MONEY"), ("8.1 billion yuan", "MONEY")]),
    ("They grew 12.4, 6.1 and 15.3 percent.",
     [("12.4", "PERCENT"), ("6.1", "PERCENT"), ("15.3 percent", "PERCENT")]),
    ("Sales were 1,234 or 5,678 million dollars.",
     [("1,234", "MONEY"), ("5,678 million dollars", "MONEY")]),
    # a year is no list member; a prefixed amount writes its own unit
    ("From 2019 to 2023, 5.6 and 7.8 percent.", [("7.8 percent", "PERCENT")]),
    ("In 2023, 12 and RMB 8.1 billion.", [("RMB 8.1 billion", "MONEY")]),
    # numbers that are not a list of the unit's figures
    ("Of the 40 firms, 8.1 billion yuan came from exports.", [("8.1 billion yuan", "MONEY")]),
], ids=["amounts", "rates", "or", "year", "prefixed", "not-a-list"])
def test_patterns_give_a_shared_unit_to_every_number_of_its_list(nlp, text, expected):
    assert [e for e in ents(nlp(text)) if e[1] in ("MONEY", "PERCENT")] == expected


@pytest.mark.parametrize("text,expected", [
    ("Press release No. 259 of 5 July 2023", []),
    ("Official Statistics News No. 71/09/Th. XXVI, 1 September 2023", []),
    ("Bulletin No. 12: Ningbo ranked No. 8 on the list.", [("No. 8", "RANK")]),
], ids=["release", "slash-numbered", "rank-after-a-numbered-bulletin"])
def test_a_document_s_number_is_no_rank(nlp, text, expected):
    assert [(t, label) for t, label in ents(nlp(text)) if label == "RANK"] == expected
