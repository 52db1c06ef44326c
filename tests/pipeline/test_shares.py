"""Shares of a whole: whose share a rate "of <the total>" is (``pipeline.heads``, ``pipeline.facts``)."""
import pytest

from tradeie.pipeline.facts import TradeFactAssembler

from .conftest import annotate, link


def facts(blank, marked, links):
    doc = annotate(blank, marked)
    link(doc, links)
    doc._.published = "2023-07-20"
    return [(f.location, f.partner, f.product, f.share_pct)
            for f in TradeFactAssembler(blank)(doc)._.trade_facts]


def test_the_whole_named_after_of_keeps_no_share_and_the_figure_before_gets_it(blank):
    # the model gave the rate to the flow it is a share of
    marked = ("[Hefei]{LOCATION}'s [foreign trade]{FLOW} grew by [15.3 percent]{PERCENT} to "
              "[171.8 billion yuan]{MONEY} in [the first half]{PERIOD}. The figure made up "
              "[36.2 percent]{PERCENT} of [Anhui]{LOCATION}'s total [foreign trade]{FLOW}, which rose "
              "[9.7 percent]{PERCENT} to [474.6 billion yuan]{MONEY}.")
    doc = annotate(blank, marked)
    first, second = [e for e in doc.ents if e.text == "foreign trade"]
    _relate(doc, [(first, "171.8 billion yuan", "VALUE"), (first, "15.3 percent", "GROWTH"),
                  (second, "474.6 billion yuan", "VALUE"), (second, "9.7 percent", "GROWTH"),
                  (second, "36.2 percent", "SHARE"), (second, "Anhui", "LOCATION")])
    doc._.published = "2023-07-20"
    got = {f.location: f.share_pct for f in TradeFactAssembler(blank)(doc)._.trade_facts}
    assert got == {"Hefei": 36.2, "Anhui": None}


def _ent(doc, text):
    return next(e for e in doc.ents if e.text == text)


def _relate(doc, triples):
    """Links from a head entity (two heads share a text here) to a child (first match) or entity."""
    doc._.trade_relations = {
        (head.start, (_ent(doc, child) if isinstance(child, str) else child).start): {label: 0.9}
        for head, child, label in triples}


@pytest.mark.parametrize("marked,links,expected", [
    # "a share of 18.3% of total exports": the figure before in the sentence is the owner
    ("[Exports]{FLOW} to [the United States]{PARTNER} rose [25.0%]{PERCENT} to [US$5,402.6 million]{MONEY}, "
     "a share of [18.3%]{PERCENT} of total [exports]{FLOW}.",
     [("Exports", "the United States", "PARTNER"), ("Exports", "US$5,402.6 million", "VALUE"),
      ("Exports", "25.0%", "GROWTH"), ("exports", "18.3%", "SHARE")],
     [(None, "United States", None, 18.3)]),
    # "lifting their share of China's foreign trade to 34.8 percent"
    ("[Trade]{FLOW} with [countries along the Belt and Road]{PARTNER} jumped [16.8 percent]{PERCENT} "
     "to [3.44 trillion yuan]{MONEY}, lifting their share of [China]{LOCATION}'s [foreign trade]{FLOW} "
     "to [34.8 percent]{PERCENT}.",
     [("Trade", "countries along the Belt and Road", "PARTNER"), ("Trade", "3.44 trillion yuan", "VALUE"),
      ("Trade", "16.8 percent", "GROWTH"), ("foreign trade", "34.8 percent", "GROWTH")],
     [("China", "Belt and Road countries", None, 34.8)]),
    # the oil's own share: its product is named before the rate
    ("[Oil]{PRODUCT} made up [70.4%]{PERCENT} of [exports]{FLOW}.",
     [("exports", "Oil", "PRODUCT"), ("exports", "70.4%", "SHARE")],
     [(None, None, "oil", 70.4)]),
], ids=["a-share-of", "their-share-of", "own-product"])
def test_a_share_goes_to_its_owner_not_its_whole(blank, marked, links, expected):
    assert facts(blank, marked, links) == expected


CHILE = ("In [Chile]{LOCATION}, [shipments]{FLOW} to [China]{PARTNER} dipped [2.6%]{PERCENT} to "
         "[$38.2 billion]{MONEY} in [2023]{PERIOD}. ")
CHILE_LINKS = [("shipments", "China", "PARTNER"), ("shipments", "$38.2 billion", "VALUE"),
               ("shipments", "2.6%", "GROWTH"), ("shipments", "Chile", "LOCATION")]


@pytest.mark.parametrize("second,share", [
    ("[China]{PARTNER} nonetheless took [40.2%]{PERCENT} of the country's total exports.", 40.2),
    ("As a result, [China]{PARTNER}'s share of the country's exports climbed to [40.2%]{PERCENT}.", 40.2),
    # a share of a volume is no share of value
    ("[China]{PARTNER} took about [60%]{PERCENT} of the volume.", None),
    # the partner is not the clause's subject
    ("Investment from [China]{PARTNER} accounted for [41.7%]{PERCENT} of the total.", None),
], ids=["took", "s-share", "volume", "not-subject"])
def test_a_share_whose_clause_opens_with_a_partner_is_that_partner_s(blank, second, share):
    assert facts(blank, CHILE + second, CHILE_LINKS) == [("Chile", "China", None, share)]


def test_the_place_s_own_noun_takes_the_share_for_the_reporting_place(blank):
    marked = ("[Manzhouli Port]{LOCATION} trade up in Q1\n\n[Manzhouli Port]{LOCATION}'s [imports and "
              "exports]{FLOW} reached [17.83 billion yuan]{MONEY} in [the first quarter]{PERIOD}. "
              "The port handled [26.4 percent]{PERCENT} of the trade of [Inner Mongolia]{LOCATION}.")
    links = [("imports and exports", "17.83 billion yuan", "VALUE")]
    assert facts(blank, marked, links) == [("Manzhouli Port", None, None, 26.4)]


def test_an_anaphoric_sentence_with_an_amount_of_its_own_gives_nothing_back(blank):
    marked = ("[Qingdao]{LOCATION}'s [trade]{FLOW} with [Japan]{PARTNER} was [52 billion yuan]{MONEY} "
              "in [2019]{PERIOD}. The city also used [5.3 billion U.S. dollars]{MONEY} of foreign direct "
              "investment last year, up [11 percent]{PERCENT}.")
    links = [("trade", "52 billion yuan", "VALUE"), ("trade", "Japan", "PARTNER")]
    doc = annotate(blank, marked)
    link(doc, links)
    doc._.published = "2020-01-20"
    [fact] = TradeFactAssembler(blank)(doc)._.trade_facts
    assert fact.growth_pct is None


KARAGANDA = ("[Karaganda]{LOCATION} trade in 2022\n\n[Karaganda]{LOCATION}'s [exports]{FLOW} rose "
             "[3%]{PERCENT} to [$5 billion]{MONEY} in [2022]{PERIOD}. ")


def shares_of(blank, second):
    doc = annotate(blank, KARAGANDA + second)
    link(doc, [("exports", "$5 billion", "VALUE"), ("exports", "3%", "GROWTH")])
    doc._.published = "2023-01-20"
    return [(f.location, f.flow, f.partner, f.product, f.period, f.share_pct)
            for f in TradeFactAssembler(blank)(doc)._.trade_facts if f.value is None]


@pytest.mark.parametrize("second,expected", [
    ("[Shymkent]{LOCATION} alone accounted for [46.3 percent]{PERCENT} of the region's foreign trade.",
     [("Shymkent", "total", None, None, "2022", 46.3)]),
    ("[China]{PARTNER} took [31.5%]{PERCENT} of the turnover, [the Russian Federation]{PARTNER} "
     "[24.2%]{PERCENT}.",
     [("Karaganda", "total", "China", None, "2022", 31.5),
      ("Karaganda", "total", "Russia", None, "2022", 24.2)]),
    ("[Ferrous metals]{PRODUCT} and [copper]{PRODUCT} made up [41.6%]{PERCENT} and [22.9%]{PERCENT} "
     "of exports respectively.",
     [("Karaganda", "export", None, "ferrous metals", "2022", 41.6),
      ("Karaganda", "export", None, "copper", "2022", 22.9)]),
    # the whole names no flow: the figure's before
    ("[China]{PARTNER} took [31.5%]{PERCENT} of the total.",
     [("Karaganda", "export", "China", None, "2022", 31.5)]),
], ids=["place", "partner-list", "respectively", "flow-before"])
def test_a_share_of_an_owner_with_no_figure_is_a_fact_of_its_own(blank, second, expected):
    assert shares_of(blank, second) == expected


def test_a_share_of_a_named_product_goes_to_that_product_s_figure(blank):
    marked = ("The [EU]{LOCATION}'s [imports]{FLOW} of [battery-electric cars]{PRODUCT} from "
              "[China]{PARTNER} reached [€11.5bn]{MONEY} in [2023]{PERIOD}, and its [imports]{FLOW} "
              "of goods from [China]{PARTNER} [€514.4bn]{MONEY}. [China]{PARTNER} now supplies "
              "[41%]{PERCENT} of the [electric cars]{PRODUCT} the bloc imports.")
    doc = annotate(blank, marked)
    first, second = [e for e in doc.ents if e.text == "imports"]
    china = [e for e in doc.ents if e.text == "China"]
    _relate(doc, [(first, "battery-electric cars", "PRODUCT"), (first, china[0], "PARTNER"),
                  (first, "€11.5bn", "VALUE"), (second, china[1], "PARTNER"), (second, "€514.4bn", "VALUE")])
    doc._.published = "2024-06-20"
    got = {f.product: f.share_pct for f in TradeFactAssembler(blank)(doc)._.trade_facts}
    assert got == {"battery-electric cars": 41.0, None: None}


@pytest.mark.parametrize("marked", [
    "On the import side, [China]{PARTNER} supplied [20.6 per cent]{PERCENT}.",
    "By destination, the [EU]{PARTNER} absorbed [50.1 percent]{PERCENT} of shipments.",
])
def test_a_supplier_s_or_buyer_s_rate_reads_as_a_share(blank, marked):
    from tradeie.pipeline.heads import percent_cue

    doc = annotate(blank, marked)
    [rate] = [e for e in doc.ents if e.label_ == "PERCENT"]
    assert percent_cue(rate) == "SHARE"


@pytest.mark.parametrize("heading,flow", [
    ("By destination in October:", "export"),
    ("By origin:", "import"),
], ids=["destination", "origin"])
def test_a_by_destination_heading_opens_a_list_of_partners_with_their_rates(blank, heading, flow):
    marked = ("[Hong Kong]{LOCATION}'s total [exports]{FLOW} fell [9.2%]{PERCENT} to [$353.4 billion]"
              "{MONEY} in [October 2019]{PERIOD}.\n\n" + heading + " [the mainland]{PARTNER} "
              "[-8.7%]{PERCENT}; [the USA]{PARTNER} [-13.4%]{PERCENT}; [Vietnam]{PARTNER} [+11.6%]{PERCENT}.")
    doc = annotate(blank, marked)
    link(doc, [("exports", "$353.4 billion", "VALUE"), ("exports", "9.2%", "GROWTH")])
    doc._.published = "2019-11-26"
    got = [(f.flow, f.partner, f.period, f.growth_pct)
           for f in TradeFactAssembler(blank)(doc)._.trade_facts if f.partner]
    assert got == [(flow, "China", "2019-10", -8.7), (flow, "United States", "2019-10", -13.4),
                   (flow, "Vietnam", "2019-10", 11.6)]
