"""Partners named as the other member of a pair."""
import pytest

from tradeie.pipeline.partners import pair_partner


@pytest.mark.parametrize("text,location,partner", [
    ("Goods worth €253.1bn were traded between Germany and China last year.", "Germany", "China"),
    ("China-Africa trade reached a record high of 282 billion U.S. dollars.", "China", "Africa"),
    ("Sino-US trade fell 4 percent.", "China", "United States"),
    ("Trade between the EU and the United Kingdom fell.", "European Union", "United Kingdom"),
    ("Trade between Japan and Korea fell.", "China", None),
    ("The talks ran between Monday and Tuesday.", "China", None),
], ids=["between", "hyphen", "sino", "the-names", "pair-without-the-place", "no-places"])
def test_the_other_member_of_a_pair_is_the_partner(blank, text, location, partner):
    assert pair_partner(blank(text)[:], location) == partner


@pytest.mark.parametrize("second,partner", [
    ("and [exports]{FLOW} slipped [3.1%]{PERCENT} to [€223.5bn]{MONEY}.", "China"),
    # a whole is with the world
    ("and total [exports]{FLOW} slipped [3.1%]{PERCENT} to [€2,500bn]{MONEY}.", None),
], ids=["other-way", "total"])
def test_the_other_way_s_figure_of_a_bilateral_sentence_is_with_the_partner(blank, second, partner):
    from tradeie.pipeline.facts import TradeFactAssembler

    from .conftest import annotate, link

    marked = ("EU trade with [China]{PARTNER}\n\nThe [EU]{LOCATION}'s [imports]{FLOW} of goods from "
              "[China]{PARTNER} fell [17.7%]{PERCENT} to [€514.4bn]{MONEY} in [2023]{PERIOD} " + second
              + " Trade with [China]{PARTNER} fell.")
    doc = annotate(blank, marked)
    link(doc, [("imports", "China", "PARTNER"), ("imports", "€514.4bn", "VALUE"),
               ("exports", [e.text for e in doc.ents if e.label_ == "MONEY"][1], "VALUE")])
    doc._.published = "2024-03-01"
    facts = [f for f in TradeFactAssembler(blank)(doc)._.trade_facts if f.flow == "export"]
    assert [f.partner for f in facts] == [partner]


@pytest.mark.parametrize("line,partner", [
    ("• [Africa]{PARTNER}: [exports]{FLOW} [R34.82 billion]{MONEY}.", "Africa"),
    # a round-up item is the place's own figure
    ("[Taiwan]{LOCATION}: [Exports]{FLOW} rose to [R34.82 billion]{MONEY}.", None),
], ids=["partner-line", "round-up-item"])
def test_a_line_labelled_with_a_partner_gives_its_figures_that_partner(blank, line, partner):
    from tradeie.pipeline.facts import TradeFactAssembler

    from .conftest import annotate, link

    doc = annotate(blank, "[South Africa]{LOCATION} trade in [October 2019]{PERIOD}\n\n" + line)
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    link(doc, [(flow, "R34.82 billion", "VALUE")])
    doc._.published = "2019-11-29"
    [fact] = TradeFactAssembler(blank)(doc)._.trade_facts
    assert fact.partner == partner


@pytest.mark.parametrize("marked,partner", [
    ("[Trade]{FLOW} with the five Central Asian countries jumped [30.5 percent]{PERCENT} to "
     "[498.6 billion yuan]{MONEY}.", "Central Asia"),
    ("[Exports]{FLOW} to the 10-member Association of Southeast Asian Nations rose to "
     "[$12.4 billion]{MONEY}.", "ASEAN"),
    # a country is the NER's to find; a place the NER did find is not read twice
    ("[Exports]{FLOW} to Brazil rose to [$12.4 billion]{MONEY}.", None),
    ("[Exports]{FLOW} to [Africa]{PARTNER} rose to [$12.4 billion]{MONEY}.", "Africa"),
    ("[Trade]{FLOW} with Central Asian ports rose to [$12.4 billion]{MONEY}.", None),
], ids=["region", "bloc-by-size", "country", "labelled", "not-a-name"])
def test_a_group_the_ner_missed_after_the_flow_word_is_the_partner(blank, marked, partner):
    from tradeie.pipeline.facts import TradeFactAssembler

    from .conftest import annotate, link

    doc = annotate(blank, "[Xinjiang]{LOCATION} in [2023]{PERIOD}\n\n" + marked)
    money = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    link(doc, [(e.text, money, "VALUE") for e in doc.ents if e.label_ == "FLOW"]
         + [(e.text, e2.text, "PARTNER") for e in doc.ents if e.label_ == "FLOW"
            for e2 in doc.ents if e2.label_ == "PARTNER"])
    doc._.published = "2024-03-01"
    facts = TradeFactAssembler(blank)(doc)._.trade_facts
    assert [f.partner for f in facts] == [partner]


@pytest.mark.parametrize("marked,partner", [
    # the model links the partner to "trade balance", the amount to "deficit"
    ("The [trade balance]{FLOW} with [non-EU countries]{PARTNER} showed a [deficit]{FLOW} of "
     "[€3.5 billion]{MONEY}.", "Non-EU"),
    ("The [trade balance]{FLOW} with [China]{PARTNER} widened, and a [deficit]{FLOW} of "
     "[€3.5 billion]{MONEY} followed.", None),
], ids=["showed-a-deficit", "other-clause"])
def test_a_surplus_or_deficit_is_the_balance_with_the_partner_before_it(blank, marked, partner):
    from tradeie.pipeline.facts import TradeFactAssembler

    from .conftest import annotate, link

    doc = annotate(blank, "[Italy]{LOCATION} in [September 2022]{PERIOD}\n\n" + marked)
    link(doc, [("trade balance", [e.text for e in doc.ents if e.label_ == "PARTNER"][0], "PARTNER"),
               ("deficit", "€3.5 billion", "VALUE")])
    doc._.published = "2022-10-25"
    facts = TradeFactAssembler(blank)(doc)._.trade_facts
    assert [(f.flow, f.partner) for f in facts] == [("balance", partner)]


def test_a_partner_the_ner_found_after_the_flow_word_but_no_relation_links(blank):
    from tradeie.pipeline.facts import TradeFactAssembler

    from .conftest import annotate, link

    doc = annotate(blank, "[Italy]{LOCATION} in [September 2022]{PERIOD}\n\n[Exports]{FLOW} to "
                          "[non-EU countries]{PARTNER} rose to [€25.1 billion]{MONEY}.")
    link(doc, [("Exports", "€25.1 billion", "VALUE")])
    doc._.published = "2022-10-25"
    facts = TradeFactAssembler(blank)(doc)._.trade_facts
    assert [f.partner for f in facts] == ["Non-EU"]
