from decimal import Decimal

import pytest

from tradeie.pipeline.facts import TradeFactAssembler, merge_facts
from tradeie.facts import TradeFact

from .conftest import annotate, link


@pytest.fixture(scope="module")
def assembler(blank):
    return TradeFactAssembler(blank)


def facts_of(assembler, doc, published=None):
    doc._.published = published
    return assembler(doc)._.trade_facts


def test_assemble_value_growth_period_location(blank, assembler):
    doc = annotate(blank, "In [the first quarter of 2021]{PERIOD}, [Chongqing]{LOCATION}'s "
                          "[exports]{FLOW} surged [75.7%]{PERCENT} to [112.32 billion yuan]{MONEY}.")
    link(doc, [("exports", "75.7%", "GROWTH"), ("exports", "112.32 billion yuan", "VALUE"),
               ("exports", "Chongqing", "LOCATION"),
               ("exports", "the first quarter of 2021", "PERIOD")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.flow, fact.period, fact.value, fact.currency, fact.growth_pct) == (
        "Chongqing", "export", "2021-Q1", Decimal("112320000000"), "CNY", 75.7)
    assert doc.text[fact.evidence.start_char:fact.evidence.end_char] == fact.evidence.text


def test_assemble_respectively_distributes_in_order(blank, assembler):
    doc = annotate(blank, "[Xiamen]{LOCATION}'s [trade]{FLOW} with [ASEAN]{PARTNER}, [the EU]{PARTNER} "
                          "and [the US]{PARTNER} totaled [84.6 billion yuan]{MONEY}, "
                          "[65.8 billion yuan]{MONEY} and [51.1 billion yuan]{MONEY} respectively, up "
                          "[15.7 percent]{PERCENT}, [20.8 percent]{PERCENT} and [1.2 percent]{PERCENT} "
                          "in [2022]{PERIOD}.")
    rels = [("trade", p, "PARTNER") for p in ("ASEAN", "the EU", "the US")]
    rels += [("trade", v, "VALUE") for v in ("84.6 billion yuan", "65.8 billion yuan",
                                               "51.1 billion yuan")]
    rels += [("trade", g, "GROWTH") for g in ("15.7 percent", "20.8 percent", "1.2 percent")]
    rels += [("trade", "2022", "PERIOD")]
    link(doc, rels)
    got = [(f.partner, int(f.value), f.growth_pct, f.period) for f in facts_of(assembler, doc)]
    assert got == [("ASEAN", 84600000000, 15.7, "2022"),
                   ("European Union", 65800000000, 20.8, "2022"),
                   ("United States", 51100000000, 1.2, "2022")]


def test_assemble_conversion_is_its_own_fact_without_growth(blank, assembler):
    doc = annotate(blank, "In [2023]{PERIOD}, [Ningbo]{LOCATION}'s [foreign trade]{FLOW} reached "
                          "[1.27 trillion yuan]{MONEY} (about [180.3 billion U.S. dollars]{MONEY}), "
                          "up [0.5 percent]{PERCENT}.")
    link(doc, [("foreign trade", "1.27 trillion yuan", "VALUE"),
               ("foreign trade", "180.3 billion U.S. dollars", "VALUE"),
               ("foreign trade", "0.5 percent", "GROWTH")])
    cny, usd = facts_of(assembler, doc)
    assert (cny.currency, cny.growth_pct) == ("CNY", 0.5)
    assert (usd.currency, usd.value, usd.growth_pct) == ("USD", Decimal("180300000000"), None)


def test_assemble_deficit_is_negative_balance(blank, assembler):
    doc = annotate(blank, "[Japan]{LOCATION} posted a [trade deficit]{FLOW} of "
                          "[$4.2 billion]{MONEY} in [June 2023]{PERIOD}.")
    link(doc, [("trade deficit", "$4.2 billion", "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert (fact.flow, fact.value, fact.period) == ("balance", Decimal("-4200000000"), "2023-06")


def test_assemble_decline_is_negative_growth(blank, assembler):
    doc = annotate(blank, "[Imports]{FLOW} fell [3.2%]{PERCENT} to [218.4 billion yuan]{MONEY}.")
    link(doc, [("Imports", "3.2%", "GROWTH"), ("Imports", "218.4 billion yuan", "VALUE")])
    [fact] = facts_of(assembler, doc, published="2023-04-13")
    assert fact.growth_pct == -3.2


@pytest.mark.parametrize("tail", ["6.9 percentage points", "0.4% from May",
                                  "62.1 percent from the same period of 2019"],
                         ids=["points", "month-on-month", "base-2019"])
def test_assemble_distractor_percentages_are_not_growth(blank, assembler, tail):
    doc = annotate(blank, f"[Exports]{{FLOW}} reached [5 billion yuan]{{MONEY}}, up [{tail.split(' ', 1)[0] if '%' not in tail.split(' ')[0] else tail.split(' ')[0]}]{{PERCENT}} {tail.split(' ', 1)[1] if '%' not in tail.split(' ')[0] else tail.split(' ', 1)[1]}.")
    pct = [e.text for e in doc.ents if e.label_ == "PERCENT"][0]
    link(doc, [("Exports", "5 billion yuan", "VALUE"), ("Exports", pct, "GROWTH")])
    [fact] = facts_of(assembler, doc)
    assert fact.growth_pct is None


def test_assemble_anaphor_and_carried_period(blank, assembler):
    doc = annotate(blank, "[Suzhou]{LOCATION} trade report\n"
                          "In [March]{PERIOD}, [the city]{LOCATION}'s [exports]{FLOW} were "
                          "[20 billion yuan]{MONEY}. [Imports]{FLOW} were [12 billion yuan]{MONEY}.")
    link(doc, [("exports", "20 billion yuan", "VALUE"), ("exports", "the city", "LOCATION"),
               ("exports", "March", "PERIOD"), ("Imports", "12 billion yuan", "VALUE")])
    exports, imports = facts_of(assembler, doc, published="2024-04-20")
    assert (exports.location, exports.period) == ("Suzhou", "2024-03")
    assert (imports.location, imports.period) == ("Suzhou", "2024-03")


def test_assemble_year_unknown_gives_null_period(blank, assembler):
    doc = annotate(blank, "In [the first quarter]{PERIOD}, [Hefei]{LOCATION}'s [exports]{FLOW} "
                          "were [20 billion yuan]{MONEY}.")
    link(doc, [("exports", "20 billion yuan", "VALUE"), ("exports", "the first quarter", "PERIOD")])
    [fact] = facts_of(assembler, doc)
    assert fact.period is None


def test_assemble_ownership_breakdown_is_not_a_fact(blank, assembler):
    doc = annotate(blank, "[Private enterprises]{PRODUCT}' [imports and exports]{FLOW} were "
                          "[88.2 billion yuan]{MONEY}.")
    link(doc, [("imports and exports", "88.2 billion yuan", "VALUE")])
    assert facts_of(assembler, doc) == []


@pytest.mark.parametrize("change,growth", [("jump", 10.4), ("fall", -10.4)])
def test_a_rate_named_before_its_flow_is_that_flows_growth(blank, assembler, change, growth):
    doc = annotate(blank, "[Mexico]{LOCATION} posted a [trade surplus]{FLOW} of [$1.03 billion]{MONEY} "
                          f"in [May 2019]{{PERIOD}}, helped by a [10.4%]{{PERCENT}} {change} in "
                          "[automotive]{PRODUCT} [sales abroad]{FLOW}.")
    link(doc, [("trade surplus", "$1.03 billion", "VALUE"), ("trade surplus", "10.4%", "GROWTH"),
               ("trade surplus", "Mexico", "LOCATION"), ("trade surplus", "May 2019", "PERIOD"),
               ("sales abroad", "automotive", "PRODUCT")])
    facts = sorted((f.flow, f.product, f.value, f.growth_pct) for f in facts_of(assembler, doc))
    assert facts == [("balance", None, Decimal("1030000000"), None),
                     ("export", "automotive", None, growth)]


def test_a_bonded_zone_is_a_sub_area_unless_it_reports(blank, assembler):
    # in a city's article the zone's trade is a part of the city's; in the zone's own it is
    # the reporter's
    part = annotate(blank, "[Xiamen]{LOCATION}'s [trade]{FLOW} rose. [Xiamen]{LOCATION}'s trade "
                           "grew. The Haicang Bonded Port Area's [imports and exports]{FLOW} were "
                           "[8.2 billion yuan]{MONEY}.")
    link(part, [("imports and exports", "8.2 billion yuan", "VALUE")])
    assert facts_of(assembler, part) == []
    own = annotate(blank, "[Zhengzhou Airport Comprehensive Bonded Zone]{LOCATION} trade hits record"
                          "\n\n[The Zhengzhou Airport Comprehensive Bonded Zone]{LOCATION} achieved an "
                          "[import and export]{FLOW} value of [408.25 billion yuan]{MONEY}.")
    link(own, [("import and export", "408.25 billion yuan", "VALUE"),
               ("import and export", "The Zhengzhou Airport Comprehensive Bonded Zone", "LOCATION")])
    [fact] = facts_of(assembler, own)
    assert (fact.location, fact.flow, fact.value) == (
        "Zhengzhou Airport Comprehensive Bonded Zone", "total", Decimal("408250000000"))


def test_assemble_rank_facts_zip_respectively(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [Guangzhou]{LOCATION} and [Dongguan]{LOCATION} took "
                          "the [fifth]{RANK} and [eighth]{RANK} places respectively.")
    link(doc, [("fifth", "Guangzhou", "LOCATION"), ("eighth", "Guangzhou", "LOCATION")])
    ranks = facts_of(assembler, doc)
    assert [(r.location, r.rank, r.year) for r in ranks] == [("Guangzhou", 5, 2022),
                                                             ("Dongguan", 8, 2022)]


def test_assemble_merge_growth_only_into_valued_fact():
    valued = TradeFact(location="X", flow="total", period="2021", value=Decimal(5), currency="CNY")
    growth = TradeFact(location="X", flow="total", period="2021", growth_pct=60.4)
    [merged] = merge_facts([valued, growth])
    assert (merged.value, merged.growth_pct) == (Decimal(5), 60.4)


def test_assemble_merge_valued_fact_into_an_earlier_growth_only_one():
    # the headline states the growth, the body the amount and the growth again
    headline = TradeFact(location="X", flow="total", period="2021", share_pct=9.6)
    body = TradeFact(location="X", flow="total", period="2021", value=Decimal(5), currency="CNY",
                     growth_pct=9.6)
    [merged] = merge_facts([headline, body])
    assert (merged.value, merged.currency, merged.growth_pct) == (Decimal(5), "CNY", 9.6)


def test_assemble_merge_the_rate_stated_with_the_amount_wins():
    # the headline's rate was another figure's ('"new three" exports grow 21.6%', product unread)
    headline = TradeFact(location="X", flow="export", period="2023", growth_pct=21.6)
    body = TradeFact(location="X", flow="export", period="2023", value=Decimal(5), currency="CNY",
                     growth_pct=5.8)
    [merged] = merge_facts([headline, body])
    assert (merged.value, merged.growth_pct) == (Decimal(5), 5.8)


def test_a_share_word_on_the_next_line_is_no_share_cue(blank):
    from tradeie.pipeline.heads import percent_cue

    doc = annotate(blank, "Hefei Q1 [foreign trade]{FLOW} up [9.6%]{PERCENT}\nShare: WeChat | Weibo")
    assert percent_cue(doc.ents[1]) == "GROWTH"
    doc = annotate(blank, "[Exports]{FLOW} took a [9.6%]{PERCENT} share.")
    assert percent_cue(doc.ents[1]) == "SHARE"


def test_assemble_merge_keeps_different_identities():
    a = TradeFact(location="X", flow="total", period="2021", value=Decimal(5), currency="CNY")
    b = TradeFact(location="X", flow="export", period="2021", value=Decimal(3), currency="CNY")
    assert merge_facts([a, b]) == [a, b]


def test_assemble_figure_sentence_carries_growth_and_share(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [Hefei]{LOCATION}'s [exports]{FLOW} reached "
                          "[20.1 billion yuan]{MONEY}. The figure represents a [12.4 percent]{PERCENT}"
                          " rise. It made up [36.2 percent]{PERCENT} of the province's total.")
    link(doc, [("exports", "20.1 billion yuan", "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert (fact.growth_pct, fact.share_pct) == (12.4, 36.2)


@pytest.mark.parametrize("subject", ["The Asian giant thus absorbed", "The Asian country took",
                                     "The sector generated"])
def test_a_described_subject_s_share_goes_to_the_figure_before(blank, assembler, subject):
    doc = annotate(blank, "In [January-June 2021]{PERIOD}, [Peruvian]{LOCATION} [exports]{FLOW} to "
                          f"[China]{{PARTNER}} climbed [44.2%]{{PERCENT}} to [US$9,836 million]{{MONEY}}. {subject} "
                          "[34.9%]{PERCENT} of everything the country shipped abroad.")
    link(doc, [("exports", "44.2%", "GROWTH"), ("exports", "US$9,836 million", "VALUE"),
               ("exports", "China", "PARTNER")])
    [fact] = facts_of(assembler, doc, "2021-08-01")
    assert (fact.partner, fact.growth_pct, fact.share_pct) == ("China", 44.2, 34.9)


@pytest.mark.parametrize("second,tail,expected", [
    (" (about [7.45 billion U.S. dollars]{MONEY})", "The figure made up [7.1 percent]{PERCENT} of the "
     "province's total.", {("CNY", "2022"): 7.1, ("USD", "2022"): None}),
    (", up from [46.6 billion yuan]{MONEY} in [2021]{PERIOD}", "The figure made up [7.1 percent]{PERCENT} "
     "of the province's total.", {("CNY", "2022"): 7.1, ("CNY", "2021"): None}),
    # a rate of the year before is the base's
    (", up from [46.6 billion yuan]{MONEY} in [2021]{PERIOD}", "That compares with a share of "
     "[6.2 percent]{PERCENT} the year before.", {("CNY", "2022"): None, ("CNY", "2021"): 6.2}),
], ids=["conversion", "base", "base-year-before"])
def test_the_figure_is_the_stated_amount_not_its_conversion_or_base(blank, assembler, second, tail, expected):
    doc = annotate(blank, "In [2022]{PERIOD}, [Hunan]{LOCATION}'s [trade]{FLOW} with [Africa]{PARTNER} "
                          "reached [50.1 billion yuan]{MONEY}" + second + ". " + tail)
    monies = [e.text for e in doc.ents if e.label_ == "MONEY"]
    link(doc, [("trade", "Africa", "PARTNER")] + [("trade", m, "VALUE") for m in monies])
    facts = facts_of(assembler, doc)
    assert {(f.currency, f.period): f.share_pct for f in facts} == expected


def test_assemble_the_province_in_a_city_article(blank, assembler):
    doc = annotate(blank, "[Xi'an]{LOCATION} trade in [2022]{PERIOD}\n[Xi'an]{LOCATION}, capital of "
                          "[Shaanxi Province]{LOCATION}, saw [its]{LOCATION} [foreign trade]{FLOW} reach "
                          "[447.4 billion yuan]{MONEY}. [The province]{LOCATION} posted [foreign trade]{FLOW}"
                          " of [481.1 billion yuan]{MONEY}.")
    ents = [e for e in doc.ents]
    link(doc, [])
    heads = [e for e in ents if e.label_ == "FLOW"]
    rel = {}
    for head, loc, money in ((heads[0], "its", "447.4 billion yuan"),
                             (heads[1], "The province", "481.1 billion yuan")):
        for ent in ents:
            if ent.text == loc:
                rel[(head.start, ent.start)] = {"LOCATION": 0.9}
            if ent.text == money:
                rel[(head.start, ent.start)] = {"VALUE": 0.9}
    doc._.trade_relations = rel
    city, province = facts_of(assembler, doc)
    assert (city.location, province.location) == ("Xi'an", "Shaanxi")


@pytest.mark.parametrize("surface,expected", [
    ("laptops, the city's pillar product,", "laptops"), ("laptops were", "laptops"),
    ("the Mechanical and Electrical Products", "mechanical and electrical products"),
    ('the "new three"', "new three"), ("“new three”", "new three"),
    ("Re-", None), ("E&E", "e&e"), ("2.5", None),
], ids=["apposition", "verb", "article", "quoted", "curly-quoted", "prefix", "ampersand", "number"])
def test_assemble_product_is_cleaned(blank, surface, expected):
    from tradeie.pipeline.slots import product_of as _product

    doc = annotate(blank, f"Exports of [{surface}]{{PRODUCT}} rose.")
    assert _product(doc.ents[0]) == expected


def test_assemble_respectively_lists_complete_weak_links(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [Xiamen]{LOCATION}'s [exports]{FLOW} of [laptops]{PRODUCT}, "
                          "[phones]{PRODUCT} and [tyres]{PRODUCT} were [5 billion yuan]{MONEY}, "
                          "[4 billion yuan]{MONEY} and [3 billion yuan]{MONEY} respectively, up "
                          "[1%]{PERCENT}, [2%]{PERCENT} and [3%]{PERCENT}.")
    link(doc, [("exports", "5 billion yuan", "VALUE"), ("exports", "4 billion yuan", "VALUE"),
               ("exports", "3 billion yuan", "VALUE"), ("exports", "laptops", "PRODUCT"),
               ("exports", "2%", "GROWTH")])
    got = [(f.product, int(f.value) // 10**9, f.growth_pct) for f in facts_of(assembler, doc)]
    assert got == [("laptops", 5, 1.0), ("phones", 4, 2.0), ("tyres", 3, 3.0)]


def test_assemble_listed_ranks_use_gazetteer_places(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, Guangzhou, [Dongguan]{PARTNER} and Zhuhai took the "
                          "[fifth]{RANK}, [eighth]{RANK} and [ninth]{RANK} places respectively.")
    link(doc, [])
    ranks = facts_of(assembler, doc)
    assert [(r.location, r.rank, r.year) for r in ranks] == [
        ("Guangzhou", 5, 2022), ("Dongguan", 8, 2022), ("Zhuhai", 9, 2022)]


@pytest.mark.parametrize("marked,expected", [
    ("Among the 11 prefecture-level cities of [Zhejiang]{LOCATION}, [Wenzhou]{LOCATION} ranked "
     "[sixth]{RANK} by trade in [2022]{PERIOD} and [fifth]{RANK} by exports.",
     [("Wenzhou", 6), ("Wenzhou", 5)]),
    ("The pace placed [Liuzhou]{LOCATION} [first]{RANK} among [Guangxi]{LOCATION}'s 14 cities in "
     "[2021]{PERIOD}, although by value it ranked only [sixth]{RANK}.",
     [("Liuzhou", 1), ("Liuzhou", 6)]),
    ("[Gongbei Customs district]{LOCATION} trade rises\n\nIn [2021]{PERIOD} the two ranked "
     "[sixth]{RANK} and [seventh]{RANK} among the cities of the province, well behind Shenzhen, "
     "Dongguan and Guangzhou.", [("Gongbei Customs district", 6), ("Gongbei Customs district", 7)]),
    ("In [2024]{PERIOD} [Jiangsu]{LOCATION} came [second]{RANK}, behind [Guangdong]{LOCATION}, and "
     "[Zhejiang]{LOCATION} ranked [third]{RANK}.", [("Jiangsu", 2), ("Zhejiang", 3)]),
], ids=["scope-of-cities", "scope-possessive", "compared-list", "subject-after-a-list"])
def test_assemble_a_rank_belongs_to_the_ranked_place_not_its_scope(blank, assembler, marked,
                                                                  expected):
    doc = annotate(blank, marked)
    link(doc, [])
    assert [(r.location, r.rank) for r in facts_of(assembler, doc)] == expected


def test_a_place_in_an_apposition_is_not_the_location(blank, assembler):
    doc = annotate(blank, "[Xi'an]{LOCATION}, capital of northwest [China]{LOCATION}'s [Shaanxi "
                          "Province]{LOCATION}, saw [its]{LOCATION} [foreign trade]{FLOW} reach "
                          "[447.4 billion yuan]{MONEY} in [2022]{PERIOD}.")
    link(doc, [("foreign trade", "447.4 billion yuan", "VALUE"),
               ("foreign trade", "China", "LOCATION"),
               ("foreign trade", "Shaanxi Province", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert fact.location == "Xi'an"


@pytest.mark.parametrize("marked,describing,expected", [
    ("[Jiangsu]{LOCATION} trade in July\n\n[Suzhou]{LOCATION}, [the province]{LOCATION}'s biggest "
     "trading city, contributed [1.39 trillion yuan]{MONEY} of [imports and exports]{FLOW}.",
     "the province", "Suzhou"),
    ("[Zhejiang]{LOCATION} trade in H1\n\n[Yiwu]{LOCATION}, a county-level city under "
     "[Jinhua]{LOCATION}, reported [foreign trade]{FLOW} of [266.5 billion yuan]{MONEY}.",
     "Jinhua", "Yiwu"),
    # an adverbial's comma is no apposition: the city named after "city of" is the subject
    ("[Jiangsu]{LOCATION} trade in H1\n\nIn the north, the port city of [Lianyungang]{LOCATION} "
     "[imported]{FLOW} iron ore worth [12.4 billion yuan]{MONEY}.", None, "Lianyungang"),
], ids=["possessive", "under", "adverbial"])
def test_a_place_in_a_descriptive_apposition_is_not_the_location(blank, assembler, marked,
                                                                 describing, expected):
    doc = annotate(blank, marked)
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    money = next(e.text for e in doc.ents if e.label_ == "MONEY")
    links = [(flow, money, "VALUE"), (flow, expected, "LOCATION")]
    if describing:
        links.append((flow, describing, "LOCATION"))
    link(doc, links)
    [fact] = facts_of(assembler, doc)
    assert fact.location == expected


def test_the_subject_that_is_a_trading_partner_is_the_partner(blank, assembler):
    doc = annotate(blank, "In [the first half of 2022]{PERIOD}, [China]{LOCATION}'s trade grew. "
                          "[The EU]{LOCATION} was the second largest trading partner, with "
                          "[trade value]{FLOW} of [2.71 trillion yuan]{MONEY}, up [7%]{PERCENT}.")
    link(doc, [("trade value", "2.71 trillion yuan", "VALUE"), ("trade value", "7%", "GROWTH"),
               ("trade value", "The EU", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.partner, fact.growth_pct) == ("China", "European Union", 7.0)


def test_trade_between_the_place_and_another_names_the_partner(blank, assembler):
    doc = annotate(blank, "[Trade]{FLOW} between [China]{LOCATION} and [Russia]{LOCATION} hit "
                          "[$240.11 billion]{MONEY} in [2023]{PERIOD}.")
    link(doc, [("Trade", "$240.11 billion", "VALUE"), ("Trade", "China", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.partner) == ("China", "Russia")


@pytest.mark.parametrize("tail,growth", [
    ("[2.6%]{PERCENT} compared with April 2022", -2.6),
    ("[2.6%]{PERCENT} compared with March 2023", None),
    ("[2.6%]{PERCENT} compared to the previous month", None),
    ("[2.6%]{PERCENT} over the same period in 2022", -2.6),
    ("[2.6%]{PERCENT} over the same period in 2019", None),
    ("[2.6%]{PERCENT} on March", None),
    ("[2.6%]{PERCENT} on April last year", -2.6),
    ("[2.6%]{PERCENT} than in the preceding quarter", None),
], ids=["last-year-month", "previous-month", "previous-month-words", "last-year", "older-base",
        "on-a-month", "on-the-month-last-year", "previous-quarter"])
def test_growth_against_a_base_counts_only_for_the_previous_year(blank, assembler, tail, growth):
    doc = annotate(blank, f"In [April 2023]{{PERIOD}}, [exports]{{FLOW}} were [€223.3 bn]{{MONEY}}, "
                          f"a decrease of {tail}.")
    pct = [e.text for e in doc.ents if e.label_ == "PERCENT"][0]
    link(doc, [("exports", "€223.3 bn", "VALUE"), ("exports", pct, "GROWTH"),
               ("exports", "April 2023", "PERIOD")])
    [fact] = facts_of(assembler, doc, published="2023-06-15")
    assert fact.growth_pct == growth


def test_growth_in_value_beside_growth_in_volume(blank, assembler):
    doc = annotate(blank, "[Vietnam]{LOCATION} [shipped]{FLOW} 7.1 million tonnes of [rice]{PRODUCT} worth "
                          "[US$3.45 billion]{MONEY}, up [13.7 per cent]{PERCENT} in volume and "
                          "[4.8 per cent]{PERCENT} in value.")
    link(doc, [("shipped", "US$3.45 billion", "VALUE"), ("shipped", "13.7 per cent", "GROWTH"),
               ("shipped", "4.8 per cent", "GROWTH"), ("shipped", "rice", "PRODUCT")])
    [fact] = facts_of(assembler, doc, published="2023-01-10")
    assert fact.growth_pct == 4.8


def test_the_change_of_a_volume_is_not_the_growth_of_the_value(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [China]{LOCATION} [imported]{FLOW} 542 million tonnes "
                          "of [iron ore]{PRODUCT}, down [5.9%]{PERCENT}, valued at "
                          "[404.24 billion yuan]{MONEY}, down [32.5%]{PERCENT}.")
    link(doc, [("imported", "404.24 billion yuan", "VALUE"), ("imported", "5.9%", "GROWTH"),
               ("imported", "32.5%", "GROWTH"), ("imported", "iron ore", "PRODUCT")])
    [fact] = facts_of(assembler, doc)
    assert (fact.product, fact.growth_pct) == ("iron ore", -32.5)


def test_respectively_rates_after_two_flows_go_in_order(blank, assembler):
    doc = annotate(blank, "In [2023]{PERIOD}, [exports]{FLOW} were [49.6 billion yuan]{MONEY} and "
                          "[imports]{FLOW} [51.6 billion yuan]{MONEY}, up [18.9 percent]{PERCENT} and "
                          "[3.7 percent]{PERCENT} respectively.")
    link(doc, [("exports", "49.6 billion yuan", "VALUE"), ("imports", "51.6 billion yuan", "VALUE"),
               ("imports", "18.9 percent", "GROWTH")])
    got = [(f.flow, f.growth_pct) for f in facts_of(assembler, doc)]
    assert got == [("export", 18.9), ("import", 3.7)]


def test_a_percentage_of_a_total_is_a_share(blank, assembler):
    doc = annotate(blank, "[Dongguan]{LOCATION}'s [foreign trade]{FLOW} in [2023]{PERIOD} amounted to "
                          "[835.64 billion yuan]{MONEY}, a decrease of [9.2%]{PERCENT} and "
                          "[15.5%]{PERCENT} of Guangdong's total.")
    link(doc, [("foreign trade", "835.64 billion yuan", "VALUE"),
               ("foreign trade", "9.2%", "GROWTH")])
    [fact] = facts_of(assembler, doc)
    assert (fact.growth_pct, fact.share_pct) == (-9.2, 15.5)


@pytest.mark.parametrize("sentence", [
    "Economists had expected a [trade surplus]{FLOW} of around [$9.3 billion]{MONEY} in "
    "[September 2023]{PERIOD}.",
    "[Trade]{FLOW} beat the [$200 billion]{MONEY} goal set for [2024]{PERIOD}.",
], ids=["expected", "goal"])
def test_an_amount_somebody_expects_is_not_a_fact(blank, assembler, sentence):
    doc = annotate(blank, sentence)
    flow = [e.text for e in doc.ents if e.label_ == "FLOW"][0]
    money = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    link(doc, [(flow, money, "VALUE")])
    assert facts_of(assembler, doc) == []


def test_a_review_of_last_year_dates_its_bare_months_last_year(blank, assembler):
    doc = annotate(blank, "[Brazil]{LOCATION} posted a record [trade surplus]{FLOW} of "
                          "[$98.84 billion]{MONEY} [last year]{PERIOD}.\n\nIn [December]{PERIOD} "
                          "alone, the [surplus]{FLOW} was [$6.77 billion]{MONEY}.")
    link(doc, [("trade surplus", "$98.84 billion", "VALUE"), ("trade surplus", "last year", "PERIOD"),
               ("surplus", "$6.77 billion", "VALUE"), ("surplus", "December", "PERIOD")])
    got = [(f.period, int(f.value)) for f in facts_of(assembler, doc, published="2024-01-05")]
    assert got == [("2023", 98840000000), ("2023-12", 6770000000)]




def test_a_rank_belongs_to_the_place_before_it_not_the_ones_it_is_compared_with(blank, assembler):
    doc = annotate(blank, "Among the five cities, [Xiamen]{LOCATION} came in [third]{RANK} by trade "
                          "value in [2024]{PERIOD}, behind [Shenzhen]{LOCATION} and just ahead of "
                          "[Qingdao]{LOCATION}.")
    link(doc, [("third", "Qingdao", "LOCATION")])
    got = [(f.location, f.rank) for f in facts_of(assembler, doc) if f.type == "rank"]
    assert got == [("Xiamen", 3)]


@pytest.mark.parametrize("marked", [
    "[Shenzhen]{LOCATION}'s exports ranked first for the [32nd]{RANK} consecutive year in [2024]{PERIOD}.",
    "Trade with the U.S., the [second]{RANK}-biggest partner, fell in [2023]{PERIOD}.",
    "[Chongqing]{LOCATION}'s trade rose in [2023]{PERIOD}, customs said on the [15th]{RANK}.",
    "[Brazil]{LOCATION}'s imports from China jumped by a [fifth]{RANK} in [2024]{PERIOD}.",
    "[Japan]{LOCATION}'s deficit in [2023]{PERIOD} was the [third]{RANK} in a row.",
], ids=["count-of-years", "partner-ordinal", "day-of-month", "fraction", "in-a-row"])
def test_ordinals_that_are_not_a_place_s_position_give_no_rank(blank, assembler, marked):
    doc = annotate(blank, marked)
    link(doc, [])
    assert [f for f in facts_of(assembler, doc) if f.type == "rank"] == []


def test_an_amount_followed_by_its_period_keeps_it(blank, assembler):
    doc = annotate(blank, "Lifted by a rebound in [the second half]{PERIOD}, [Yantai]{LOCATION}'s "
                          "[foreign trade]{FLOW} grew [2.5 percent]{PERCENT} to [307.7 billion yuan]{MONEY} "
                          "in [2020]{PERIOD}.")
    link(doc, [("foreign trade", "307.7 billion yuan", "VALUE"), ("foreign trade", "2.5 percent", "GROWTH"),
               ("foreign trade", "the second half", "PERIOD")])
    [fact] = facts_of(assembler, doc)
    assert fact.period == "2020"


def test_an_earlier_figure_is_a_fact_of_its_own_period(blank, assembler):
    doc = annotate(blank, "In [June 2023]{PERIOD}, the [trade deficit]{FLOW} narrowed to [£4.8bn]{MONEY} "
                          "from [£5.6bn]{MONEY} in [May]{PERIOD}.")
    link(doc, [("trade deficit", "£4.8bn", "VALUE"), ("trade deficit", "£5.6bn", "VALUE"),
               ("trade deficit", "June 2023", "PERIOD")])
    got = sorted((f.period, int(f.value)) for f in facts_of(assembler, doc))
    assert got == [("2023-05", -5600000000), ("2023-06", -4800000000)]


def test_the_year_of_an_earlier_figure_does_not_carry_on(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, the [surplus]{FLOW} came to [A$159.4 billion]{MONEY}, up from "
                          "[A$131.4 billion]{MONEY} in [2021]{PERIOD}. [Exports]{FLOW} grew "
                          "[20.7 per cent]{PERCENT} to [$595.2 billion]{MONEY}.")
    link(doc, [("surplus", "A$159.4 billion", "VALUE"), ("Exports", "$595.2 billion", "VALUE"),
               ("Exports", "20.7 per cent", "GROWTH")])
    facts = facts_of(assembler, doc, published="2023-02-02")
    assert [f.period for f in facts if f.flow == "export"] == ["2022"]


def test_last_year_in_an_undated_article_is_the_headline_year(blank, assembler):
    doc = annotate(blank, "[Hunan]{LOCATION}'s trade with [Africa]{PARTNER} hits record in [2022]{PERIOD}\n\n"
                          "CHANGSHA, June 28 (Xinhua) -- [Trade]{FLOW} with [Africa]{PARTNER} reached "
                          "[50.1 billion yuan]{MONEY} [last year]{PERIOD}.")
    link(doc, [("Trade", "50.1 billion yuan", "VALUE"), ("Trade", "last year", "PERIOD"),
               ("Trade", "Africa", "PARTNER")])
    [fact] = facts_of(assembler, doc)
    assert fact.period == "2022"


def test_a_dateline_date_is_no_period(blank, assembler):
    doc = annotate(blank, "HANOI, [January 3, 2023]{PERIOD} -- [Vietnam]{LOCATION}'s [exports]{FLOW} "
                          "climbed [10.6 per cent]{PERCENT} to [US$371.85 billion]{MONEY} in "
                          "[2022]{PERIOD}.\n\n[Imports]{FLOW} grew [8.4 per cent]{PERCENT} to "
                          "[US$360.65 billion]{MONEY}.")
    link(doc, [("exports", "US$371.85 billion", "VALUE"), ("Imports", "US$360.65 billion", "VALUE")])
    assert [f.period for f in facts_of(assembler, doc)] == ["2022", "2022"]


@pytest.mark.parametrize("marked,product", [
    ("[Exports]{FLOW} of [labor-intensive products]{PRODUCT} such as [garments]{PRODUCT} declined "
     "[12.5%]{PERCENT} to [86.4 billion yuan]{MONEY}.", "labor-intensive products"),
    ("[Exports]{FLOW} of [labor-intensive products]{PRODUCT} such as garments, footwear and "
     "[toys]{PRODUCT} declined [12.5%]{PERCENT} to [86.4 billion yuan]{MONEY}.",
     "labor-intensive products"),
    ("[Việt Nam]{PRODUCT} [shipped]{FLOW} rice worth [US$3.45 billion]{MONEY}.", None),
    ("[Machinery, equipment, tools and spare parts]{PRODUCT} [exports]{FLOW} reached "
     "[US$45.7 billion]{MONEY}.", "machinery, equipment, tools and spare parts"),
    ("[Laptops, the city's pillar product,]{PRODUCT} saw [exports]{FLOW} of [134.2 billion yuan]{MONEY}.",
     "laptops"),
    ("[Imports]{FLOW} of [goods]{PRODUCT} shrank to [$4,415.4 billion]{MONEY}.", None),
    ("[Imports]{FLOW} surged 50.4 percent to [$16.5 billion]{MONEY}, lifted by cars, trucks and "
     "[household appliances]{PRODUCT}.", None),
    ("[Imports]{FLOW} soared to [€28.6 billion]{MONEY}, inflated by the cost of [energy]{PRODUCT}.",
     None),
    ("[Exports]{FLOW} to Japan, a heavy user of Australian [coal and gas]{PRODUCT}, soared to "
     "[$114.3 billion]{MONEY}.", None),
    ("Food [exports]{FLOW} surged on the back of record [rice]{PRODUCT} shipments worth "
     "[$2.15 billion]{MONEY}.", "rice"),
], ids=["example-after-such-as", "last-of-examples", "place-as-product", "listed-name",
        "apposition", "generic-goods", "driver", "cost-of", "description", "driver-with-figure"])
def test_the_product_of_a_fact(blank, assembler, marked, product):
    doc = annotate(blank, marked)
    flow = [e.text for e in doc.ents if e.label_ == "FLOW"][0]
    money = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    link(doc, [(flow, money, "VALUE")] + [(flow, e.text, "PRODUCT") for e in doc.ents
                                           if e.label_ == "PRODUCT"])
    [fact] = facts_of(assembler, doc, published="2023-09-20")
    assert fact.product == product


def test_a_month_after_the_publication_month_is_last_year_s(blank, assembler):
    doc = annotate(blank, "[China]{LOCATION}'s [exports]{FLOW} rose [2.3%]{PERCENT} to "
                          "[$303.6 billion]{MONEY} in [December]{PERIOD}.")
    link(doc, [("exports", "$303.6 billion", "VALUE"), ("exports", "December", "PERIOD")])
    [fact] = facts_of(assembler, doc, published="2024-01-12")
    assert fact.period == "2023-12"


def test_places_the_ner_tagged_as_one_list_are_split(blank, assembler):
    doc = annotate(blank, "[Vietnam]{PARTNER} and [Thailand and Indonesia]{PARTNER} were the top "
                          "markets. [Trade]{FLOW} with them reached [230.5 billion yuan]{MONEY}, "
                          "[28.4 billion yuan]{MONEY} and [21.6 billion yuan]{MONEY} respectively "
                          "in [2023]{PERIOD}.")
    link(doc, [("Trade", v, "VALUE") for v in ("230.5 billion yuan", "28.4 billion yuan",
                                               "21.6 billion yuan")])
    got = [(f.partner, int(f.value)) for f in facts_of(assembler, doc)]
    assert got == [("Vietnam", 230500000000), ("Thailand", 28400000000),
                   ("Indonesia", 21600000000)]


@pytest.mark.parametrize("opening,period", [
    ("Over [the first nine months]{PERIOD}, ", "2025-01..2025-09"),
    ("From [January to September]{PERIOD}, ", "2025-01..2025-09"),
], ids=["over-a-span", "from-a-range"])
def test_a_span_of_time_opening_the_sentence_is_its_period(blank, assembler, opening, period):
    doc = annotate(blank, f"Imports rose 23.6 percent.\n\n{opening}[total trade]{{FLOW}} came to "
                          f"[US$681.0 billion]{{MONEY}}. "
                          "In [September]{PERIOD} alone, exports rose.")
    link(doc, [("total trade", "US$681.0 billion", "VALUE")])
    [fact] = facts_of(assembler, doc, published="2025-10-06")
    assert fact.period == period


def test_a_range_after_a_change_is_a_comparison_base(blank, assembler):
    doc = annotate(blank, "In [the first 11 months]{PERIOD}, [imports and exports]{FLOW} totaled "
                          "[1,802.45 billion yuan]{MONEY}, narrowing the decline by 0.4 percentage "
                          "points from [January-October]{PERIOD}. [Exports]{FLOW} decreased "
                          "[2.1 percent]{PERCENT} to [1,106.31 billion yuan]{MONEY}.")
    link(doc, [("imports and exports", "1,802.45 billion yuan", "VALUE"),
               ("Exports", "1,106.31 billion yuan", "VALUE")])
    facts = facts_of(assembler, doc, published="2023-12-20")
    assert [f.period for f in facts] == ["2023-01..2023-11", "2023-01..2023-11"]


def test_the_second_year_of_a_comparison_is_its_base(blank, assembler):
    doc = annotate(blank, "Comparing [2019]{PERIOD} with [2018]{PERIOD}, [exports]{FLOW} to the "
                          "mainland fell 3.1%. [Exports]{FLOW} to the US slumped to "
                          "[$309.8 billion]{MONEY}.")
    link(doc, [("Exports", "$309.8 billion", "VALUE")])
    [fact] = facts_of(assembler, doc, published="2020-01-30")
    assert fact.period == "2019"


def test_bilateral_trade_is_with_the_article_s_partner(blank, assembler):
    doc = annotate(blank, "[China]{LOCATION}'s trade with [Russia]{PARTNER} hit a record. Exports to "
                          "[Russia]{PARTNER} jumped. Measured in yuan, [bilateral trade]{FLOW} was "
                          "[1.69 trillion yuan]{MONEY} in [2023]{PERIOD}.")
    link(doc, [("bilateral trade", "1.69 trillion yuan", "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.partner) == ("China", "Russia")


def test_a_bare_dollar_in_hong_kong_is_the_hong_kong_dollar(blank, assembler):
    doc = annotate(blank, "[Hong Kong]{LOCATION}'s total [exports]{FLOW} dropped [4.1%]{PERCENT} in "
                          "[2019]{PERIOD} to [$3,988.8 billion]{MONEY}.")
    link(doc, [("exports", "$3,988.8 billion", "VALUE"), ("exports", "4.1%", "GROWTH")])
    [fact] = facts_of(assembler, doc)
    assert fact.currency == "HKD"


def test_a_percent_share_is_a_share(blank, assembler):
    doc = annotate(blank, "The [United States]{PARTNER} took [$1.06 billion]{MONEY} worth of "
                          "[exports]{FLOW} in [November 2022]{PERIOD}, a [17.4%]{PERCENT} share.")
    link(doc, [("exports", "$1.06 billion", "VALUE"), ("exports", "United States", "PARTNER")])
    [fact] = facts_of(assembler, doc)
    assert fact.share_pct == 17.4


def test_a_price_is_no_trade_value(blank, assembler):
    doc = annotate(blank, "The average [export]{FLOW} price, at [US$522]{MONEY} per tonne, was "
                          "[13.5%]{PERCENT} lower than in [2022]{PERIOD}.")
    link(doc, [("export", "US$522", "VALUE"), ("export", "13.5%", "GROWTH")])
    assert [f.value for f in facts_of(assembler, doc) if f.value is not None] == []


def test_an_average_annual_rate_is_no_growth(blank, assembler):
    doc = annotate(blank, "Since 2012, [trade]{FLOW} has grown at an average annual rate of "
                          "[8.1 percent]{PERCENT}, reaching [US$136.38 billion]{MONEY} in [2022]{PERIOD}.")
    link(doc, [("trade", "8.1 percent", "GROWTH"), ("trade", "US$136.38 billion", "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert fact.growth_pct is None


def test_a_gap_after_a_deficit_is_negative(blank, assembler):
    doc = annotate(blank, "The [trade deficit]{FLOW} widened to [$5.40 billion]{MONEY} in "
                          "[November 2022]{PERIOD}. A year earlier, in [November 2021]{PERIOD}, the "
                          "[gap]{FLOW} was [$4.81 billion]{MONEY}.")
    link(doc, [("trade deficit", "$5.40 billion", "VALUE"), ("gap", "$4.81 billion", "VALUE"),
               ("gap", "November 2021", "PERIOD")])
    assert [int(f.value) for f in facts_of(assembler, doc)] == [-5400000000, -4810000000]


@pytest.mark.parametrize("marked,product", [
    ("Switzerland's [watch]{PRODUCT} [exports]{FLOW} tumbled to [17.0 billion Swiss francs]{MONEY} "
     "in [2020]{PERIOD}.", "watch"),
    ("[Exports]{FLOW} of [lighters]{PRODUCT} slipped to [1.1 billion yuan]{MONEY} in [2022]{PERIOD}.",
     "lighters"),
    ("The city [brought in]{FLOW} 8.9 million tonnes of [coal]{PRODUCT} worth [5.83 billion yuan]{MONEY} "
     "in [2023]{PERIOD}.", "coal"),
    ("Sales were led by [rice]{PRODUCT}, whose [exports]{FLOW} surged to [$531 million]{MONEY} in "
     "[September 2023]{PERIOD}.", "rice"),
    ("[Zhuzhou]{LOCATION} in [2019]{PERIOD}:\n- [Cemented carbide]{PRODUCT}, mainly from Liling: "
     "[exports]{FLOW} [2.13 billion yuan]{MONEY}, up 11.5%.", "cemented carbide"),
], ids=["before", "of-after", "quantity-of", "whose", "line-label"])
def test_a_product_against_the_flow_word_is_its_product(blank, assembler, marked, product):
    doc = annotate(blank, marked)
    flow = [e.text for e in doc.ents if e.label_ == "FLOW"][0]
    money = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    link(doc, [(flow, money, "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert fact.product == product


def test_a_product_linked_as_a_partner_is_still_the_product(blank, assembler):
    doc = annotate(blank, "[Zhuzhou]{LOCATION}, [2019]{PERIOD}:\n- [Ceramics]{PRODUCT}: [exports]{FLOW} "
                          "[3.02 billion yuan]{MONEY}, down [2.7%]{PERCENT};")
    link(doc, [("exports", "3.02 billion yuan", "VALUE"), ("exports", "2.7%", "GROWTH"),
               ("exports", "Ceramics", "PARTNER")])
    [fact] = facts_of(assembler, doc)
    assert (fact.product, fact.partner, fact.growth_pct) == ("ceramics", None, -2.7)


@pytest.mark.parametrize("marked", [
    "In [2023]{PERIOD}, [China]{LOCATION}'s [purchases]{FLOW} of [German]{LOCATION} goods slipped "
    "[3.8 percent]{PERCENT} to [106.1 billion dollars]{MONEY}.",
    "In [2023]{PERIOD}, [China]{LOCATION} [brought in]{FLOW} [German]{LOCATION} machinery worth "
    "[106.1 billion dollars]{MONEY}, down [3.8 percent]{PERCENT}.",
], ids=["of", "brought-in"])
def test_a_nationality_on_imported_goods_is_the_partner_not_the_place(blank, assembler, marked):
    doc = annotate(blank, marked)
    flow = [e.text for e in doc.ents if e.label_ == "FLOW"][0]
    link(doc, [(flow, "106.1 billion dollars", "VALUE"), (flow, "3.8 percent", "GROWTH"),
               (flow, "German", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.flow, fact.partner) == ("China", "import", "Germany")


def test_an_amount_too_small_for_trade_is_a_price_not_a_fact(blank, assembler):
    doc = annotate(blank, "In [2024]{PERIOD}, [China]{LOCATION}'s soybean [imports]{FLOW} fell to "
                          "[$52.7 billion]{MONEY}. A tonne of [imported]{FLOW} beans cost about "
                          "[$502]{MONEY} on average.")
    link(doc, [("imports", "$52.7 billion", "VALUE"), ("imported", "$502", "VALUE")])
    assert [int(f.value) for f in facts_of(assembler, doc)] == [52700000000]


def test_goods_counted_in_tonnes_with_no_value_are_no_product_of_the_rate(blank, assembler):
    doc = annotate(blank, "[China]{LOCATION} [shipped]{FLOW} 53.4 million tonnes of [steel]{PRODUCT} abroad "
                          "in [2024]{PERIOD}, [24.0%]{PERCENT} more than a year earlier.")
    link(doc, [("shipped", "24.0%", "GROWTH")])
    assert all(f.product is None for f in facts_of(assembler, doc))


def test_an_absolute_change_is_no_value(blank, assembler):
    doc = annotate(blank, "[Australia]{LOCATION}'s [trade surplus]{FLOW} narrowed to [$6.79 billion]{MONEY} "
                          "in [September 2023]{PERIOD}, down [$2.85 billion]{MONEY} from August.")
    link(doc, [("trade surplus", "$6.79 billion", "VALUE"), ("trade surplus", "$2.85 billion", "VALUE")])
    assert [int(f.value) for f in facts_of(assembler, doc)] == [6790000000]


@pytest.mark.parametrize("middle,value", [
    ("fell [$10.9 billion]{MONEY} to [$616.8 billion]{MONEY}", 616800000000),
    ("rose [$229 million]{MONEY} (21 percent) to [$1.3 billion]{MONEY}", 1300000000),
    ("rose 21 percent to [$1.3 billion]{MONEY}", 1300000000),
    ("were up [$229 million]{MONEY} (21 percent), reaching [$1.3 billion]{MONEY}", 1300000000),
], ids=["change-then-new", "with-rate", "rate-only", "change-and-its-rate"])
def test_a_change_followed_by_the_new_amount_is_no_value(blank, assembler, middle, value):
    doc = annotate(blank, "In [2019]{PERIOD}, [Canada]{LOCATION}'s [exports]{FLOW} " + middle + ".")
    link(doc, [("exports", e.text, "VALUE") for e in doc.ents if e.label_ == "MONEY"])
    assert [int(f.value) for f in facts_of(assembler, doc)] == [value]


def test_names_written_before_their_amounts_pair_in_order(blank, assembler):
    doc = annotate(blank, "In [the first quarter of 2023]{PERIOD}, [trade]{FLOW} with [ASEAN]{PARTNER} was "
                          "[RMB10.12 billion]{MONEY}, up [9.4%]{PERCENT}; [the EU]{PARTNER}: "
                          "[RMB3.86 billion]{MONEY}, up [41.7%]{PERCENT}.")
    link(doc, [("trade", "RMB10.12 billion", "VALUE"), ("trade", "RMB3.86 billion", "VALUE"),
               ("trade", "ASEAN", "PARTNER"), ("trade", "9.4%", "GROWTH"), ("trade", "41.7%", "GROWTH")])
    got = [(f.partner, int(f.value)) for f in facts_of(assembler, doc)]
    assert got == [("ASEAN", 10120000000), ("European Union", 3860000000)]


def test_trade_between_the_place_and_an_untagged_bloc(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [trade]{FLOW} between [China]{LOCATION} and the CEEC totaled "
                          "[US$136.38 billion]{MONEY}, changes of minus [3.6 percent]{PERCENT}.")
    link(doc, [("trade", "US$136.38 billion", "VALUE"), ("trade", "China", "LOCATION"),
               ("trade", "3.6 percent", "GROWTH")])
    [fact] = facts_of(assembler, doc)
    assert (fact.partner, fact.growth_pct) == ("CEEC", -3.6)


def test_rates_listed_after_a_share_are_shares(blank, assembler):
    doc = annotate(blank, "[China]{PARTNER} was the leading supplier, accounting for [25.6%]{PERCENT} of "
                          "[imports]{FLOW}; [the United States]{PARTNER} followed with [8.1%]{PERCENT} "
                          "and [the UAE]{PARTNER} with [5.9%]{PERCENT}.")
    link(doc, [("imports", "25.6%", "SHARE"), ("imports", "8.1%", "GROWTH"),
               ("imports", "5.9%", "GROWTH"), ("imports", "China", "PARTNER"),
               ("imports", "the United States", "PARTNER"), ("imports", "the UAE", "PARTNER")])
    got = [(f.partner, f.share_pct, f.growth_pct) for f in facts_of(assembler, doc, "2025-05-26")]
    assert got == [("China", 25.6, None), ("United States", 8.1, None),
                   ("United Arab Emirates", 5.9, None)]


@pytest.mark.parametrize("sentence", [
    "[Coal]{PRODUCT} [export]{FLOW} volume rose [7.8 percent]{PERCENT} to 454.5 million tonnes.",
    "[Rice]{PRODUCT} [exports]{FLOW} rose [13.7 per cent]{PERCENT} in volume.",
    "[Steel products]{PRODUCT} [exports]{FLOW} climbed [36.2%]{PERCENT} by quantity.",
    "The country [imported]{FLOW} 105 million tonnes of [soybeans]{PRODUCT}, a [6.5%]{PERCENT} "
    "gain in volume.",
    "It [shipped]{FLOW} 53.4 million tonnes of [steel]{PRODUCT} abroad in the first half, "
    "[24.0%]{PERCENT} more than a year earlier.",
    "612 million tonnes of [iron ore]{PRODUCT} were [imported]{FLOW}, [6.2%]{PERCENT} more by "
    "quantity.",
])
def test_a_change_of_volume_is_no_growth(blank, assembler, sentence):
    doc = annotate(blank, sentence)
    pct = next(e.text for e in doc.ents if e.label_ == "PERCENT")
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    link(doc, [(flow, pct, "GROWTH")])
    assert [f.growth_pct for f in facts_of(assembler, doc, "2020-01-15")] == []


def test_a_change_after_the_value_of_a_quantity_is_the_value_s(blank, assembler):
    doc = annotate(blank, "[Natural gas]{PRODUCT} [imports]{FLOW} of 119.97 million tonnes were worth "
                          "[452 billion yuan]{MONEY}, [10.4%]{PERCENT} less than a year earlier.")
    link(doc, [("imports", "452 billion yuan", "VALUE"), ("imports", "10.4%", "GROWTH")])
    assert [f.growth_pct for f in facts_of(assembler, doc, "2024-01-15")] == [-10.4]


@pytest.mark.parametrize("score,location", [(0.44, "Wuhan"), (0.1, "Hubei")])
def test_a_weakly_linked_place_of_the_sentence_beats_the_article_s(blank, assembler, score,
                                                                     location):
    doc = annotate(blank, "[Hubei]{LOCATION}'s [foreign trade]{FLOW} rose to [500 billion yuan]{MONEY}. "
                          "In [Wuhan]{LOCATION} alone, [foreign trade]{FLOW} dipped to "
                          "[30.11 billion yuan]{MONEY}.")
    flows = [e for e in doc.ents if e.label_ == "FLOW"]
    ents = {e.text: e for e in doc.ents}
    doc._.trade_relations = {
        (flows[0].start, ents["Hubei"].start): {"LOCATION": 0.9},
        (flows[0].start, ents["500 billion yuan"].start): {"VALUE": 0.9},
        (flows[1].start, ents["30.11 billion yuan"].start): {"VALUE": 0.9},
        (flows[1].start, ents["Wuhan"].start): {"LOCATION": score}}
    doc._.published = "2022-12-20"
    assert [f.location for f in assembler(doc)._.trade_facts] == ["Hubei", location]


def test_places_listed_with_respectively_are_the_locations(blank, assembler):
    doc = annotate(blank, "[Wenzhou]{LOCATION}'s [exports]{FLOW} rose to [226.3 billion yuan]{MONEY}. "
                          "Rui'an City and Yueqing City [shipped]{FLOW} goods worth "
                          "[42.6 billion yuan]{MONEY} and [38.9 billion yuan]{MONEY} respectively.")
    link(doc, [("exports", "226.3 billion yuan", "VALUE"), ("exports", "Wenzhou", "LOCATION"),
               ("shipped", "42.6 billion yuan", "VALUE"), ("shipped", "38.9 billion yuan", "VALUE")])
    got = [(f.location, int(f.value)) for f in facts_of(assembler, doc, "2023-01-29")]
    assert got == [("Wenzhou", 226300000000), ("Rui'an", 42600000000), ("Yueqing", 38900000000)]


def test_the_lead_s_period_stands_when_the_first_head_with_one_is_far_down(blank, assembler):
    lead = ("Brazilian agribusiness exports reached a record US$166.55 billion in [2023]{PERIOD}, the "
            "ministry said. ")
    filler = "The sector generated 49% of everything the country sold abroad. " * 12
    doc = annotate(blank, lead + "\n\nWith agribusiness [imports]{FLOW} at [US$16.6 billion]{MONEY}, "
                          "the surplus grew.\n\n" + filler + "\n\nIn [December]{PERIOD}, [exports]{FLOW} "
                          "came to [US$13.4 billion]{MONEY}.")
    link(doc, [("imports", "US$16.6 billion", "VALUE"), ("exports", "US$13.4 billion", "VALUE"),
               ("exports", "December", "PERIOD")])
    assert [f.period for f in facts_of(assembler, doc)] == ["2023", "2023-12"]


def test_a_section_head_is_the_place_of_its_paragraphs(blank, assembler):
    doc = annotate(blank, "Roundup: coastal provinces diverge\n\n[China]{LOCATION}'s [trade]{FLOW} rose to "
                          "[19.8 trillion yuan]{MONEY}.\n\nGUANGDONG: LARGEST, BUT SLOWEST\n\nThe "
                          "province's [exports]{FLOW} rose to [2.37 trillion yuan]{MONEY}.")
    link(doc, [("trade", "19.8 trillion yuan", "VALUE"), ("trade", "China", "LOCATION"),
               ("exports", "2.37 trillion yuan", "VALUE")])
    assert [f.location for f in facts_of(assembler, doc, "2022-07-22")] == ["China", "Guangdong"]


def test_the_quarter_is_the_article_s_quarter(blank, assembler):
    doc = annotate(blank, "In [the first quarter of 2023]{PERIOD}, [Hainan]{LOCATION}'s [trade]{FLOW} "
                          "reached [RMB53.06 billion]{MONEY}. [Exports]{FLOW} doubled in [the first two "
                          "months]{PERIOD} and ended [the quarter]{PERIOD} at [RMB17.88 billion]{MONEY}.")
    link(doc, [("trade", "RMB53.06 billion", "VALUE"), ("trade", "the first quarter of 2023", "PERIOD"),
               ("Exports", "RMB17.88 billion", "VALUE"), ("Exports", "the quarter", "PERIOD")])
    assert [f.period for f in facts_of(assembler, doc, "2023-04-20")] == ["2023-Q1", "2023-Q1"]


@pytest.mark.parametrize("tail,base", [
    ("from [$3.27 trillion]{MONEY} the year before.", "2022"),
    ("from [$3.27 trillion]{MONEY}.", "2022"),
    ("from [$3.27 trillion]{MONEY} in the previous fiscal year.", "2022"),
    ("after being revised down to [$3.05 trillion]{MONEY} from [$3.27 trillion]{MONEY}.", "2023"),
], ids=["the-year-before", "bare-from", "previous-fiscal", "revised"])
def test_the_base_of_a_change_to_a_new_amount_is_the_year_before(blank, assembler, tail, base):
    doc = annotate(blank, "In [2023]{PERIOD}, [imports]{FLOW} fell [5.5%]{PERCENT} to [$3.09 trillion]{MONEY} " + tail)
    moneys = [e.text for e in doc.ents if e.label_ == "MONEY"]
    link(doc, [("imports", "5.5%", "GROWTH"), ("imports", "2023", "PERIOD")] +
         [("imports", m, "VALUE") for m in moneys])
    got = {int(f.value): f.period for f in facts_of(assembler, doc)}
    assert got[3270000000000] == base


def test_an_amount_a_year_earlier_is_a_fact_of_the_year_before(blank, assembler):
    doc = annotate(blank, "Over [the first nine months]{PERIOD}, [exports]{FLOW} rose [16.1 percent]{PERCENT}"
                          " to [US$348.9 billion]{MONEY}, leaving a [surplus]{FLOW} of "
                          "[US$16.8 billion]{MONEY}, against [US$20.8 billion]{MONEY} a year earlier.")
    link(doc, [("exports", "16.1 percent", "GROWTH"), ("exports", "US$348.9 billion", "VALUE"),
               ("exports", "the first nine months", "PERIOD"),
               ("surplus", "US$16.8 billion", "VALUE"), ("surplus", "US$20.8 billion", "VALUE"),
               ("surplus", "the first nine months", "PERIOD")])
    got = [(f.flow, int(f.value), f.period, f.growth_pct) for f in facts_of(assembler, doc, "2025-10-06")]
    assert got == [("export", 348900000000, "2025-01..2025-09", 16.1),
                   ("balance", 16800000000, "2025-01..2025-09", None),
                   ("balance", 20800000000, "2024-01..2024-09", None)]


@pytest.mark.parametrize("tail,base", [
    ("against a deficit of [$2.87 billion]{MONEY} in the same stretch of [2018]{PERIOD}.", "2018-01..2018-05"),
    ("against [$2.87 billion]{MONEY} posted in the same five months of 2017.", "2017-01..2017-05"),
], ids=["stretch-of-a-year", "months-of-an-older-year"])
def test_an_amount_of_the_same_period_of_a_named_year_is_that_year_s(blank, assembler, tail, base):
    doc = annotate(blank, "In [January-May 2019]{PERIOD}, [Mexico]{LOCATION} posted a [surplus]{FLOW} of "
                          "[$603 million]{MONEY}, " + tail)
    moneys = [e.text for e in doc.ents if e.label_ == "MONEY"]
    link(doc, [("surplus", m, "VALUE") for m in moneys] + [("surplus", "January-May 2019", "PERIOD")])
    got = {abs(int(f.value)): f.period for f in facts_of(assembler, doc, "2019-06-20")}
    assert got == {603000000: "2019-01..2019-05", 2870000000: base}


def test_a_period_right_after_the_flow_word_is_the_flow_s(blank, assembler):
    # the lead's "this year" is the main period; the flow says its own quarter
    doc = annotate(blank, "[Guangzhou]{LOCATION} got off to a solid start [this year]{PERIOD}. The city's "
                          "[foreign trade]{FLOW} in [the first quarter]{PERIOD} totalled "
                          "[253.62 billion yuan]{MONEY}, up [7.5%]{PERCENT}.")
    link(doc, [("foreign trade", "253.62 billion yuan", "VALUE"), ("foreign trade", "7.5%", "GROWTH")])
    assert [f.period for f in facts_of(assembler, doc, "2024-04-19")] == ["2024-Q1"]


def test_periods_listed_before_their_amounts_pair_in_order(blank, assembler):
    doc = annotate(blank, "[The first quarter]{PERIOD} saw [imports and exports]{FLOW} of "
                          "[58.91 billion yuan]{MONEY}, up [4.2%]{PERCENT}; [the second quarter]{PERIOD}, "
                          "[66.37 billion yuan]{MONEY}, up [8.9%]{PERCENT}.")
    link(doc, [("imports and exports", "58.91 billion yuan", "VALUE"),
               ("imports and exports", "66.37 billion yuan", "VALUE"),
               ("imports and exports", "4.2%", "GROWTH"), ("imports and exports", "8.9%", "GROWTH"),
               ("imports and exports", "The first quarter", "PERIOD")])
    got = [(int(f.value), f.period, f.growth_pct) for f in facts_of(assembler, doc, "2022-12-20")]
    assert got == [(58910000000, "2022-Q1", 4.2), (66370000000, "2022-Q2", 8.9)]


def test_an_amount_written_with_its_own_period(blank, assembler):
    doc = annotate(blank, "[Merchandise imports]{FLOW} for [April-August 2023]{PERIOD} were "
                          "[USD 271.83 billion]{MONEY}, [12.0 per cent]{PERCENT} lower than the "
                          "[USD 308.9 billion]{MONEY} imported in [April-August 2022]{PERIOD}, and "
                          "above [2021]{PERIOD}'s [USD 250.1 billion]{MONEY}.")
    link(doc, [("Merchandise imports", "USD 271.83 billion", "VALUE"),
               ("Merchandise imports", "USD 308.9 billion", "VALUE"),
               ("Merchandise imports", "USD 250.1 billion", "VALUE"),
               ("Merchandise imports", "12.0 per cent", "GROWTH"),
               ("Merchandise imports", "April-August 2023", "PERIOD")])
    got = [(int(f.value), f.period) for f in facts_of(assembler, doc, "2023-09-15")]
    assert got == [(271830000000, "2023-04..2023-08"), (308900000000, "2022-04..2022-08"),
                   (250100000000, "2021")]


def test_an_amount_earned_in_a_period_is_that_period_s(blank, assembler):
    doc = annotate(blank, "In [June 2023]{PERIOD}, [export receipts]{FLOW} rose to [$5.03 billion]{MONEY}, "
                          "lower than the [$5.18 billion]{MONEY} earned in [May]{PERIOD}.")
    link(doc, [("export receipts", "$5.03 billion", "VALUE"), ("export receipts", "$5.18 billion", "VALUE"),
               ("export receipts", "June 2023", "PERIOD")])
    got = [(int(f.value), f.period) for f in facts_of(assembler, doc, "2023-07-15")]
    assert got == [(5030000000, "2023-06"), (5180000000, "2023-05")]


def test_an_amount_in_brackets_after_a_period_is_that_period_s(blank, assembler):
    doc = annotate(blank, "[Euro area]{LOCATION} [exports]{FLOW} of goods to the rest of the world in "
                          "[April 2023]{PERIOD} were [€223.3 bn]{MONEY}, a decrease of [2.6%]{PERCENT} "
                          "compared with [April 2022]{PERIOD} ([€229.3 bn]{MONEY}).")
    link(doc, [("exports", "€223.3 bn", "VALUE"), ("exports", "€229.3 bn", "VALUE"),
               ("exports", "2.6%", "GROWTH"), ("exports", "April 2023", "PERIOD")])
    got = [(int(f.value), f.period) for f in facts_of(assembler, doc, "2023-06-15")]
    assert got == [(223300000000, "2023-04"), (229300000000, "2022-04")]


def test_partners_each_with_a_rate_and_one_amount_make_a_fact_each(blank, assembler):
    doc = annotate(blank, "[Exports]{FLOW} to [Taiwan]{PARTNER} rose [7.1%]{PERCENT}, to [Vietnam]{PARTNER} "
                          "[5.2%]{PERCENT} and to [Macao]{PARTNER} [8.9%]{PERCENT}, the latter reaching "
                          "[HK$47.3 billion]{MONEY}.")
    link(doc, [("Exports", p, "PARTNER") for p in ("Taiwan", "Vietnam", "Macao")]
         + [("Exports", g, "GROWTH") for g in ("7.1%", "5.2%", "8.9%")]
         + [("Exports", "HK$47.3 billion", "VALUE")])
    got = [(f.partner, f.growth_pct, f.value and int(f.value)) for f in facts_of(assembler, doc, "2020-01-20")]
    assert got == [("Taiwan", 7.1, None), ("Vietnam", 5.2, None), ("Macao", 8.9, 47300000000)]


def test_a_partner_named_by_description_is_the_partner_named_before(blank, assembler):
    doc = annotate(blank, "[China]{PARTNER} was the biggest source of [imports]{FLOW} at "
                          "[US$117.9 billion]{MONEY}, resulting in a [trade deficit]{FLOW} of "
                          "[US$60.2 billion]{MONEY} with the neighbouring country.")
    link(doc, [("imports", "China", "PARTNER"), ("imports", "US$117.9 billion", "VALUE"),
               ("trade deficit", "US$60.2 billion", "VALUE")])
    got = [(f.flow, f.partner) for f in facts_of(assembler, doc, "2023-01-10")]
    assert got == [("import", "China"), ("balance", "China")]
    plain = annotate(blank, "The [trade deficit]{FLOW} with the country was [US$60.2 billion]{MONEY}.")
    link(plain, [("trade deficit", "US$60.2 billion", "VALUE")])
    assert [f.partner for f in facts_of(assembler, plain, "2023-01-10")] == [None]


def test_a_comparison_base_of_another_period_leaves_the_rate_to_the_figure(blank, assembler):
    doc = annotate(blank, "Cumulative [merchandise exports]{FLOW} in [April-August 2023]{PERIOD} added up "
                          "to [USD 172.95 Billion]{MONEY}, a contraction of [11.91 per cent]{PERCENT} from "
                          "[USD 196.33 Billion]{MONEY} in [April-August 2022]{PERIOD}.")
    link(doc, [("merchandise exports", "USD 172.95 Billion", "VALUE"),
               ("merchandise exports", "USD 196.33 Billion", "VALUE"),
               ("merchandise exports", "11.91 per cent", "GROWTH"),
               ("merchandise exports", "April-August 2023", "PERIOD")])
    got = [(int(f.value), f.period, f.growth_pct) for f in facts_of(assembler, doc, "2023-09-15")]
    assert got == [(172950000000, "2023-04..2023-08", -11.91), (196330000000, "2022-04..2022-08", None)]


def test_a_lone_rate_belongs_to_the_figure_written_before_it_in_its_clause(blank, assembler):
    doc = annotate(blank, "[Trade]{FLOW} with [ASEAN]{PARTNER} was [RMB10.12 billion]{MONEY}, up 9.4%, or "
                          "[19.1%]{PERCENT} of the total; the [EU]{PARTNER}: [RMB3.86 billion]{MONEY}.")
    link(doc, [("Trade", "ASEAN", "PARTNER"), ("Trade", "EU", "PARTNER"),
               ("Trade", "RMB10.12 billion", "VALUE"), ("Trade", "RMB3.86 billion", "VALUE"),
               ("Trade", "19.1%", "SHARE")])
    got = [(f.partner, f.share_pct) for f in facts_of(assembler, doc, "2023-04-20")]
    assert got == [("ASEAN", 19.1), ("European Union", None)]
    ahead = annotate(blank, "[Exports]{FLOW} rose [5.1%]{PERCENT} to [$20.4 billion]{MONEY}, against "
                            "[$18.2 billion]{MONEY} in [2021]{PERIOD}.")
    link(ahead, [("Exports", "5.1%", "GROWTH"), ("Exports", "$20.4 billion", "VALUE"),
                 ("Exports", "$18.2 billion", "VALUE")])
    got = [(int(f.value), f.growth_pct) for f in facts_of(assembler, ahead, "2023-01-20")]
    assert got == [(20400000000, 5.1), (18200000000, None)]


def test_a_rate_worded_as_a_share_is_a_share_whatever_its_link(blank, assembler):
    doc = annotate(blank, "The [United States]{PARTNER} was the leading destination, taking "
                          "[$1.06 billion]{MONEY} worth of [exports]{FLOW}, a [17.4%]{PERCENT} share.")
    link(doc, [("exports", "United States", "PARTNER"), ("exports", "$1.06 billion", "VALUE"),
               ("exports", "17.4%", "GROWTH")])
    [fact] = facts_of(assembler, doc, "2023-01-10")
    assert (fact.growth_pct, fact.share_pct) == (None, 17.4)


def test_a_respectively_list_takes_a_place_the_ner_called_location(blank, assembler):
    doc = annotate(blank, "[Hong Kong]{LOCATION}'s [shipments]{FLOW} to [India]{PARTNER} and [Japan]{LOCATION} "
                          "also fell, by [2.5%]{PERCENT} and [3.8%]{PERCENT} respectively.")
    link(doc, [("shipments", "India", "PARTNER"), ("shipments", "2.5%", "GROWTH"),
               ("shipments", "3.8%", "GROWTH"), ("shipments", "Hong Kong", "LOCATION")])
    got = [(f.location, f.partner, f.growth_pct) for f in facts_of(assembler, doc, "2020-01-20")]
    assert got == [("Hong Kong", "India", -2.5), ("Hong Kong", "Japan", -3.8)]


def test_a_trade_gap_with_no_side_named_is_a_deficit(blank, assembler):
    doc = annotate(blank, "The [trade gap]{FLOW} with [China]{PARTNER} narrowed to [$9.95 billion]{MONEY}.")
    link(doc, [("trade gap", "$9.95 billion", "VALUE"), ("trade gap", "China", "PARTNER")])
    [fact] = facts_of(assembler, doc, "2024-07-10")
    assert (fact.flow, int(fact.value)) == ("balance", -9950000000)
    surplus = annotate(blank, "The [surplus]{FLOW} rose. The [gap]{FLOW} was [$2 billion]{MONEY} a month ago.")
    link(surplus, [("gap", "$2 billion", "VALUE")])
    assert [int(f.value) for f in facts_of(assembler, surplus, "2024-07-10")] == [2000000000]


def test_a_seasonally_adjusted_change_is_no_growth(blank, assembler):
    doc = annotate(blank, "On a seasonally adjusted basis, [exports]{FLOW} in [the fourth quarter]{PERIOD} "
                          "were [0.4%]{PERCENT} higher.")
    link(doc, [("exports", "0.4%", "GROWTH"), ("exports", "the fourth quarter", "PERIOD")])
    assert facts_of(assembler, doc, "2020-01-20") == []


def test_a_bilateral_balance_without_a_main_partner_is_with_the_partner_just_named(blank, assembler):
    doc = annotate(blank, "[China]{PARTNER} was again the biggest supplier with [$2.57 billion]{MONEY} of "
                          "[imports]{FLOW}, which left the country with a bilateral [deficit]{FLOW} of "
                          "[$1.70 billion]{MONEY}.")
    link(doc, [("imports", "China", "PARTNER"), ("imports", "$2.57 billion", "VALUE"),
               ("deficit", "$1.70 billion", "VALUE")])
    got = [(f.flow, f.partner) for f in facts_of(assembler, doc, "2023-01-10")]
    assert got == [("import", "China"), ("balance", "China")]


def test_a_numbered_bloc_is_a_partner_description(blank, assembler):
    doc = annotate(blank, "[ASEAN]{PARTNER} kept its lead. [Trade]{FLOW} with the 10-member bloc climbed "
                          "[16.1 percent]{PERCENT} to [1.56 trillion yuan]{MONEY}.")
    link(doc, [("Trade", "16.1 percent", "GROWTH"), ("Trade", "1.56 trillion yuan", "VALUE")])
    assert [f.partner for f in facts_of(assembler, doc, "2023-04-20")] == ["ASEAN"]


def test_a_place_after_from_pairs_with_its_own_amount(blank, assembler):
    doc = annotate(blank, "[Hong Kong]{LOCATION}'s [imports]{FLOW} from [the mainland]{PARTNER} fell "
                          "[5.7%]{PERCENT} to [$2,046.9 billion]{MONEY}, and those from [Singapore]{LOCATION} "
                          "went down [9.3%]{PERCENT} to [$293.5 billion]{MONEY}.")
    link(doc, [("imports", "the mainland", "PARTNER"), ("imports", "5.7%", "GROWTH"),
               ("imports", "9.3%", "GROWTH"), ("imports", "$2,046.9 billion", "VALUE"),
               ("imports", "$293.5 billion", "VALUE"), ("imports", "Hong Kong", "LOCATION")])
    got = [(f.partner, f.growth_pct) for f in facts_of(assembler, doc, "2020-01-20")]
    assert got == [("China", -5.7), ("Singapore", -9.3)]


def test_a_partner_the_figure_is_ranked_against_is_not_its_partner(blank, assembler):
    doc = annotate(blank, "[China]{PARTNER} stayed the main destination for the kingdom's goods: "
                          "[exports]{FLOW} there took [14.2%]{PERCENT}, ahead of [India]{PARTNER}.")
    link(doc, [("exports", "China", "PARTNER"), ("exports", "India", "PARTNER"),
               ("exports", "14.2%", "SHARE")])
    assert [f.partner for f in facts_of(assembler, doc, "2023-04-20")] == ["China"]


def test_partners_named_as_next_in_line_are_not_the_figures(blank, assembler):
    doc = annotate(blank, "[China]{PARTNER} remained the main destination for the kingdom's goods, taking "
                          "[14.2%]{PERCENT} of [exports]{FLOW}, with [India]{PARTNER} and [Japan]{PARTNER} next.")
    link(doc, [("exports", "China", "PARTNER"), ("exports", "India", "PARTNER"),
               ("exports", "14.2%", "SHARE")])
    assert [f.partner for f in facts_of(assembler, doc, "2025-05-26")] == ["China"]


@pytest.mark.parametrize("marked, links, expected", [
    ("[Car]{PRODUCT} [sales]{FLOW} in [the city]{LOCATION} climbed [9%]{PERCENT} to "
     "[18.2 billion yuan]{MONEY}.", [("sales", "18.2 billion yuan", "VALUE")], []),
    ("[Overseas sales]{FLOW} of [cars]{PRODUCT} climbed [9%]{PERCENT} to "
     "[18.2 billion yuan]{MONEY}.", [("Overseas sales", "18.2 billion yuan", "VALUE")],
     [("export", None, 18200000000)]),
    ("Its [sales]{FLOW} to [Japan]{PARTNER} rose [3%]{PERCENT} to [2 billion yuan]{MONEY}.",
     [("sales", "2 billion yuan", "VALUE"), ("sales", "Japan", "PARTNER")],
     [("export", "Japan", 2000000000)]),
    ("[Sales]{FLOW} there fell to [$4.1 billion]{MONEY}.", [("Sales", "$4.1 billion", "VALUE")],
     [("export", None, 4100000000)]),
])
def test_sales_are_exports_only_with_a_word_of_abroad(blank, assembler, marked, links, expected):
    doc = link(annotate(blank, marked), links)
    got = [(f.flow, f.partner, int(f.value)) for f in facts_of(assembler, doc, "2024-07-10")]
    assert got == expected


def test_a_head_without_a_place_takes_the_place_its_paragraph_named_last(blank, assembler):
    doc = annotate(blank, "[Horgos]{LOCATION} trade climbs\n[Horgos]{LOCATION} port handled [trade]{FLOW} "
                          "of [31.6 billion yuan]{MONEY}. "
                          "Trade through [the port]{LOCATION} grew.\n[Xinjiang]{LOCATION}'s "
                          "[foreign trade]{FLOW} rose to [173.6 billion yuan]{MONEY}. "
                          "[Exports]{FLOW} soared to [149.7 billion yuan]{MONEY}.\n"
                          "[Imports]{FLOW} came to [2 billion yuan]{MONEY}.")
    link(doc, [("trade", "31.6 billion yuan", "VALUE"), ("trade", "Horgos", "LOCATION"),
               ("foreign trade", "173.6 billion yuan", "VALUE"),
               ("foreign trade", "Xinjiang", "LOCATION"),
               ("Exports", "149.7 billion yuan", "VALUE"), ("Imports", "2 billion yuan", "VALUE")])
    got = [(f.flow, f.location) for f in facts_of(assembler, doc, "2022-10-21")]
    # the paragraph's place carries; the next paragraph is the article's again
    assert got == [("total", "Horgos"), ("total", "Xinjiang"), ("export", "Xinjiang"),
                   ("import", "Horgos")]


@pytest.mark.parametrize("marked, links, expected", [
    # "In Jiangsu," frames its paragraph; the next paragraph is the article's again
    ("[Zhejiang]{LOCATION} gains on [Jiangsu]{LOCATION}\n[Zhejiang]{LOCATION}'s [trade]{FLOW} was "
     "[2.55 trillion yuan]{MONEY}.\nIn [Jiangsu]{LOCATION}, [ASEAN]{PARTNER} was the biggest partner. "
     "[Trade]{FLOW} with the bloc grew to [385.6 billion yuan]{MONEY}.\n[Exports]{FLOW} were "
     "[1.86 trillion yuan]{MONEY}.",
     [("trade", "2.55 trillion yuan", "VALUE"), ("trade", "Zhejiang", "LOCATION"),
      ("Trade", "385.6 billion yuan", "VALUE"), ("Exports", "1.86 trillion yuan", "VALUE")],
     ["Zhejiang", "Jiangsu", "Zhejiang"]),
    ("[Osaka Customs district]{LOCATION} trade\n[Osaka Customs district]{LOCATION}'s [exports]{FLOW} "
     "to [China]{PARTNER} rose to [¥505.2 billion]{MONEY}, but [imports]{FLOW} from "
     "[the country]{LOCATION} climbed to [¥789.0 billion]{MONEY}. The district lies in western "
     "[Japan]{LOCATION}.",
     [("exports", "¥505.2 billion", "VALUE"), ("exports", "China", "PARTNER"),
      ("imports", "¥789.0 billion", "VALUE"), ("imports", "the country", "LOCATION")],
     ["Osaka Customs district", "Osaka Customs district"]),
    ("[Kobe]{LOCATION} trade\n[Kobe]{LOCATION}'s [exports]{FLOW} rose to [¥1.2 trillion]{MONEY}, "
     "figures from [Osaka]{LOCATION} Customs showed.",
     [("exports", "¥1.2 trillion", "VALUE"), ("exports", "Osaka", "LOCATION")], ["Kobe"]),
    ("[Kashgar]{LOCATION} trade\n[Trade]{FLOW} with [Pakistan]{PARTNER}, which runs mostly through "
     "the [Khunjerab Pass]{LOCATION}, grew to [1.06 billion yuan]{MONEY}.",
     [("Trade", "1.06 billion yuan", "VALUE"), ("Trade", "Pakistan", "PARTNER"),
      ("Trade", "Khunjerab Pass", "LOCATION")], ["Kashgar"]),
    ("[Yangtze River Delta]{LOCATION} trade rises\n[Foreign trade]{FLOW} of the Yangtze River Delta, "
     "[China]{LOCATION}'s biggest regional manufacturing and shipping cluster, came to "
     "[7.72 trillion yuan]{MONEY} in [2024]{PERIOD}.",
     [("Foreign trade", "7.72 trillion yuan", "VALUE"), ("Foreign trade", "China", "LOCATION")],
     ["Yangtze River Delta"]),
    ("[Osaka Customs district]{LOCATION} trade\n- Kansai International [Airport]{LOCATION}: "
     "[exports]{FLOW} [¥516.8 billion]{MONEY} in [August 2022]{PERIOD}",
     [("exports", "¥516.8 billion", "VALUE"), ("exports", "Airport", "LOCATION")],
     ["Kansai International Airport"]),
    ("[Kobe]{LOCATION} trade\n[Kobe]{LOCATION}'s [exports]{FLOW} rose to [¥1.2 trillion]{MONEY}. "
     "Nationwide, [outbound shipments]{FLOW} grew 22.1 percent to [¥8.06 trillion]{MONEY} and "
     "[imports]{FLOW} surged 49.9 percent to [¥10.88 trillion]{MONEY}, leaving a record "
     "[shortfall]{FLOW} of [¥2.82 trillion]{MONEY}.",
     [("exports", "¥1.2 trillion", "VALUE"), ("exports", "Kobe", "LOCATION"),
      ("outbound shipments", "¥8.06 trillion", "VALUE"), ("imports", "¥10.88 trillion", "VALUE"),
      ("shortfall", "¥2.82 trillion", "VALUE")],
     ["Kobe", "Japan", "Japan", "Japan"]),
    ("[Xinjiang]{LOCATION} trade\nUrumqi, the regional capital, handled [foreign trade]{FLOW} of "
     "[128.9 billion yuan]{MONEY}.",
     [("foreign trade", "128.9 billion yuan", "VALUE")], ["Urumqi"]),
], ids=["frame-carries", "other-side-anaphor", "publishing-office", "relative-clause-route",
        "apposition-of-untagged-place", "airport-designator", "nationwide-frame", "untagged-subject"])
def test_the_place_of_a_figure(blank, assembler, marked, links, expected):
    doc = annotate(blank, marked)
    link(doc, links)
    assert [f.location for f in facts_of(assembler, doc, "2024-07-26")] == expected


def test_a_share_base_in_the_paragraph_is_no_place_to_carry(blank, assembler):
    doc = annotate(blank, "[Qingdao]{LOCATION}'s [trade]{FLOW} was [345 billion yuan]{MONEY}, "
                          "[26.1%]{PERCENT} of the total of [Shandong Province]{LOCATION}. "
                          "[Exports]{FLOW} were [204 billion yuan]{MONEY}.")
    link(doc, [("trade", "345 billion yuan", "VALUE"), ("trade", "Qingdao", "LOCATION"),
               ("trade", "26.1%", "SHARE"), ("trade", "Shandong Province", "LOCATION"),
               ("Exports", "204 billion yuan", "VALUE")])
    got = [(f.flow, f.location) for f in facts_of(assembler, doc, "2023-06-20")]
    assert got[-1] == ("export", "Qingdao")


def test_a_linked_partner_outranks_the_same_place_linked_as_location(blank, assembler):
    doc = annotate(blank, "[Ningbo]{LOCATION} trade report\n[Shipments]{FLOW} to [the United States]{PARTNER} "
                          "slumped [13.6%]{PERCENT} to [38.15 billion yuan]{MONEY}; [America]{LOCATION} "
                          "stayed among the city's biggest customers.")
    link(doc, [("Shipments", "the United States", "PARTNER"), ("Shipments", "13.6%", "GROWTH"),
               ("Shipments", "38.15 billion yuan", "VALUE"), ("Shipments", "America", "LOCATION")])
    [fact] = facts_of(assembler, doc, "2023-06-20")
    assert (fact.location, fact.partner) == ("Ningbo", "United States")


@pytest.mark.parametrize("marked, expected", [
    # a month compared against is no year-on-year base
    ("In [May 2021]{PERIOD} [exports]{FLOW} climbed [44 percent]{PERCENT} from a year earlier to "
     "[2.31 billion yuan]{MONEY}, and were [12.5 percent]{PERCENT} higher than in April.",
     (2310000000, 44.0, None)),
    # what follows "and" qualifies the next rate
    ("In [December 2024]{PERIOD} [imports and exports]{FLOW} were [58.31 billion yuan]{MONEY}, a "
     "year-on-year increase of [12.4%]{PERCENT} and a month-on-month increase of [6.9%]{PERCENT}.",
     (58310000000, 12.4, None)),
    # "rose by RM1.03 billion or 11.5%": a change and its rate, not a value and a share
    ("[Exports]{FLOW} rose by [RM1.03 billion]{MONEY} or [11.5%]{PERCENT} to [RM9.98 billion]{MONEY} "
     "in [the first quarter of 2023]{PERIOD}.", (9980000000, 11.5, None)),
])
def test_rates_beside_other_rates_and_changes(blank, assembler, marked, expected):
    doc = annotate(blank, marked)
    head = next(e for e in doc.ents if e.label_ == "FLOW").text
    link(doc, [(head, e.text, {"MONEY": "VALUE", "PERCENT": "GROWTH", "PERIOD": "PERIOD"}[e.label_])
               for e in doc.ents if e.label_ in ("MONEY", "PERCENT", "PERIOD")])
    [fact] = facts_of(assembler, doc, "2025-01-20")
    assert (int(fact.value), fact.growth_pct, fact.share_pct) == expected


def test_a_rank_cell_belongs_to_its_row_label_the_ner_missed(blank, assembler):
    doc = annotate(blank, "[Anhui]{LOCATION} cities by trade, [2023]{PERIOD}\nCity | Trade | Rank\n"
                          "Wuhu | 1,103.5 | 12.1 | [2nd]{RANK}\n")
    link(doc, [("2nd", "Anhui", "LOCATION")])
    ranks = [f for f in facts_of(assembler, doc, "2024-01-20") if f.type == "rank"]
    assert [(r.location, r.rank) for r in ranks] == [("Wuhu", 2)]


def test_a_place_a_rank_is_behind_is_not_its_owner(blank, assembler):
    doc = annotate(blank, "In [2023]{PERIOD} [Weifang]{LOCATION}'s trade grew. In terms of scale, it "
                          "ranks [third]{RANK} in the province, behind [Qingdao]{LOCATION}.")
    link(doc, [("third", "Qingdao", "LOCATION")])
    [rank] = [f for f in facts_of(assembler, doc, "2024-01-20") if f.type == "rank"]
    assert (rank.location, rank.rank) == ("Weifang", 3)


@pytest.mark.parametrize("marked, links, expected", [
    ("The [trade surplus]{FLOW} stood at [193.21 billion yuan]{MONEY}, widening by "
     "[15.48 billion yuan]{MONEY} from a year ago.",
     [("trade surplus", "193.21 billion yuan", "VALUE"), ("trade surplus", "15.48 billion yuan", "VALUE")],
     [193210000000]),
    ("The municipal commerce bureau aims to keep full-year [foreign trade]{FLOW} above "
     "[1.3 trillion yuan]{MONEY}.", [("foreign trade", "1.3 trillion yuan", "VALUE")], []),
    ("[Sales]{FLOW} at the island's offshore duty-free shops topped [16.8 billion yuan]{MONEY}.",
     [("Sales", "16.8 billion yuan", "VALUE")], []),
])
def test_changes_targets_and_shop_sales_are_no_values(blank, assembler, marked, links, expected):
    doc = link(annotate(blank, marked), links)
    assert [int(f.value) for f in facts_of(assembler, doc, "2023-07-20")] == expected


def test_a_partner_description_takes_the_name_given_before(blank, assembler):
    doc = annotate(blank, "[Jiangsu]{LOCATION} trade report\nExports to [ASEAN]{PARTNER} rose. "
                          "[Trade]{FLOW} with [the 10-member bloc]{PARTNER} grew to [385.6 billion yuan]{MONEY}.")
    link(doc, [("Trade", "the 10-member bloc", "PARTNER"), ("Trade", "385.6 billion yuan", "VALUE")])
    [fact] = facts_of(assembler, doc, "2024-07-20")
    assert fact.partner == "ASEAN"


def test_two_way_trade_in_a_bilateral_article_is_with_its_partner(blank, assembler):
    doc = annotate(blank, "[China]{LOCATION}-[Russia]{PARTNER} trade hits record\n[Trade]{FLOW} with "
                          "[Russia]{PARTNER} rose. [Two-way trade]{FLOW} reached [$244.8 billion]{MONEY}.\n"
                          "[The country]{LOCATION}'s [two-way trade]{FLOW} came to [$6 trillion]{MONEY}.")
    link(doc, [("Two-way trade", "$244.8 billion", "VALUE"), ("two-way trade", "$6 trillion", "VALUE")])
    got = [(int(f.value), f.partner) for f in facts_of(assembler, doc, "2025-01-20")]
    assert got == [(244800000000, "Russia"), (6000000000000, None)]


def test_products_each_with_their_own_rate_make_a_fact_each(blank, assembler):
    doc = annotate(blank, "In [the first quarter of 2022]{PERIOD}, [imports]{FLOW} of [agricultural products]"
                          "{PRODUCT} fell [4.3 percent]{PERCENT} to [9.6 billion yuan]{MONEY}, and those of "
                          "[integrated circuits]{PRODUCT} rose [23.7 percent]{PERCENT}.")
    link(doc, [("imports", "agricultural products", "PRODUCT"), ("imports", "integrated circuits", "PRODUCT"),
               ("imports", "4.3 percent", "GROWTH"), ("imports", "23.7 percent", "GROWTH"),
               ("imports", "9.6 billion yuan", "VALUE")])
    got = [(f.product, f.value and int(f.value), f.growth_pct) for f in facts_of(assembler, doc, "2022-04-20")]
    assert got == [("agricultural products", 9600000000, -4.3), ("integrated circuits", None, 23.7)]


def test_its_largest_trading_partner_is_the_partner_named_before(blank, assembler):
    doc = annotate(blank, "[Brazil]{LOCATION} [exported]{FLOW} [$104.3 billion]{MONEY} to [China]{PARTNER} "
                          "and posted a [surplus]{FLOW} of [US$40.3 billion]{MONEY} with its largest "
                          "trading partner.")
    link(doc, [("exported", "$104.3 billion", "VALUE"), ("exported", "China", "PARTNER"),
               ("surplus", "US$40.3 billion", "VALUE")])
    got = [(f.flow, f.partner) for f in facts_of(assembler, doc, "2024-01-20")]
    assert got == [("export", "China"), ("balance", "China")]


@pytest.mark.parametrize("marked, expected", [
    ("[Mechanical and electrical products]{PRODUCT} remained the mainstay of [exports]{FLOW}, with "
     "[shipments]{FLOW} worth [66.3 billion yuan]{MONEY}.", "mechanical and electrical products"),
    # a product that is not the subject, or a place between, does not count
    ("[Crude oil]{PRODUCT} prices rose, and [shipments]{FLOW} fell to [66.3 billion yuan]{MONEY}.", None),
])
def test_a_product_that_opens_the_sentence_as_its_subject(blank, assembler, marked, expected):
    doc = link(annotate(blank, marked), [("shipments", "66.3 billion yuan", "VALUE")])
    [fact] = facts_of(assembler, doc, "2022-04-20")
    assert fact.product == expected


def test_a_spare_rate_with_a_period_of_its_own_is_that_periods_fact(blank, assembler):
    doc = annotate(blank, "[Hong Kong]{LOCATION}'s [exports]{FLOW} decreased [13.4%]{PERCENT} to "
                          "[HK$367.9 billion]{MONEY} in [June 2023]{PERIOD}, after a year-on-year decrease "
                          "of [15.6%]{PERCENT} in [May 2023]{PERIOD}.")
    link(doc, [("exports", "13.4%", "GROWTH"), ("exports", "15.6%", "GROWTH"),
               ("exports", "HK$367.9 billion", "VALUE"), ("exports", "June 2023", "PERIOD")])
    got = [(f.period, f.value and int(f.value), f.growth_pct) for f in facts_of(assembler, doc, "2023-07-27")]
    assert got == [("2023-06", 367900000000, -13.4), ("2023-05", None, -15.6)]


def test_assemble_respectively_distributes_periods(blank, assembler):
    doc = annotate(blank, "By quarter, [Shanxi]{LOCATION}'s [import and export]{FLOW} in [Q1]{PERIOD}, "
                          "[Q2]{PERIOD} and [Q3]{PERIOD} of [2023]{PERIOD} was [41.26]{MONEY}, "
                          "[44.87]{MONEY} and [40.95 billion yuan]{MONEY} respectively.")
    link(doc, [("import and export", v, "VALUE") for v in ("41.26", "44.87", "40.95 billion yuan")]
         + [("import and export", "Q1", "PERIOD")])
    got = [(f.period, int(f.value) // 10**7) for f in facts_of(assembler, doc)]
    assert got == [("2023-Q1", 4126), ("2023-Q2", 4487), ("2023-Q3", 4095)]


def test_assemble_respectively_places_the_gazetteer_lacks(blank, assembler):
    doc = annotate(blank, "[Taizhou]{LOCATION} exports grow\n\n"
                          "In [the first quarter of 2025]{PERIOD}, [Taizhou]{LOCATION}'s counties "
                          "[Wenling]{LOCATION}, [Linhai]{LOCATION} and [Yuhuan]{LOCATION} posted "
                          "[exports]{FLOW} of [12.6]{MONEY}, [9.8]{MONEY} and [8.1 billion yuan]{MONEY} "
                          "respectively.")
    link(doc, [("exports", v, "VALUE") for v in ("12.6", "9.8", "8.1 billion yuan")])
    got = [(f.location, int(f.value) // 10**8) for f in facts_of(assembler, doc, "2025-04-20")]
    assert got == [("Wenling", 126), ("Linhai", 98), ("Yuhuan", 81)]


def test_assemble_respectively_keeps_partner_countries_out_of_places(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [Xiamen]{LOCATION}'s [exports]{FLOW} to "
                          "[Japan]{LOCATION} and [Korea]{LOCATION} were [5 billion yuan]{MONEY} and "
                          "[4 billion yuan]{MONEY} respectively.")
    link(doc, [("exports", v, "VALUE") for v in ("5 billion yuan", "4 billion yuan")])
    assert {f.location for f in facts_of(assembler, doc)} == {"Xiamen"}


@pytest.mark.parametrize("tail,expected", [
    ("natural gas [2.9%]{PERCENT} and coal [21.6%]{PERCENT}.", [-8.7, -2.9, -21.6]),
    # a contrast starts a clause of its own; "more" after the number says up
    ("while natural gas [2.9%]{PERCENT} and coal [21.6%]{PERCENT}.", [-8.7, 2.9, 21.6]),
    ("natural gas [2.9%]{PERCENT} more and coal [21.6%]{PERCENT} more.", [-8.7, 2.9, 21.6]),
    # a written plus keeps its sign, also with the plus inside the entity
    ("natural gas ([+2.9%]{PERCENT}) and coal [21.6%]{PERCENT}.", [-8.7, 2.9, -21.6]),
], ids=["gapped", "contrast", "more", "plus"])
def test_a_gapped_rate_takes_the_direction_of_its_verb(blank, tail, expected):
    from tradeie.pipeline.docindex import indexed
    from tradeie.pipeline.rates import growth_of

    doc = annotate(blank, "Crude oil [purchases]{FLOW} dropped [8.7%]{PERCENT} to $41.2 billion "
                          "in the first ten months of the year, " + tail)
    with indexed(doc):
        rates = [growth_of(e, doc[:]) for e in doc.ents if e.label_ == "PERCENT"]
    assert rates == expected


def test_assemble_places_written_before_their_own_amounts(blank, assembler):
    # Baoding is not tagged: the gazetteer names it; each place comes before its amount
    doc = annotate(blank, "[Hebei]{LOCATION} trade hits record\n\nIn [2024]{PERIOD}, [Tangshan]{LOCATION} "
                          "ranked first with [foreign trade]{FLOW} of [148.62 billion yuan]{MONEY}; "
                          "[Shijiazhuang]{LOCATION}, second, reached [124.95 billion yuan]{MONEY}; and "
                          "Baoding came third at [82.30 billion yuan]{MONEY}.")
    link(doc, [("foreign trade", v, "VALUE") for v in
               ("148.62 billion yuan", "124.95 billion yuan", "82.30 billion yuan")]
         + [("foreign trade", "Tangshan", "LOCATION")])
    got = [(f.location, int(f.value) // 10**7) for f in facts_of(assembler, doc)]
    assert got == [("Tangshan", 14862), ("Shijiazhuang", 12495), ("Baoding", 8230)]


def test_assemble_one_place_and_several_amounts_keep_that_place(blank, assembler):
    doc = annotate(blank, "[Ningbo]{LOCATION}'s [exports]{FLOW} were [5 billion yuan]{MONEY} in "
                          "[May]{PERIOD} and [6 billion yuan]{MONEY} in [June 2024]{PERIOD}.")
    link(doc, [("exports", "5 billion yuan", "VALUE"), ("exports", "6 billion yuan", "VALUE"),
               ("exports", "Ningbo", "LOCATION")])
    assert {f.location for f in facts_of(assembler, doc)} == {"Ningbo"}


def test_assemble_coordinated_amounts_pair_with_coordinated_partners(blank, assembler):
    doc = annotate(blank, "In [2023]{PERIOD}, [Shanxi]{LOCATION}'s [exports]{FLOW} to [Japan]{PARTNER} "
                          "and [the ROK]{PARTNER} were [9.14]{MONEY} and [8.63 billion yuan]{MONEY}.")
    link(doc, [("exports", "9.14", "VALUE"), ("exports", "8.63 billion yuan", "VALUE"),
               ("exports", "the ROK", "PARTNER")])
    got = [(f.partner, int(f.value) // 10**7) for f in facts_of(assembler, doc)]
    assert got == [("Japan", 914), ("South Korea", 863)]


@pytest.mark.parametrize("goods,partner", [
    ("[purchases]{FLOW} of German goods", "Germany"),
    ("[imports]{FLOW} of Brazilian soybeans", "Brazil"),
    ("[imports]{FLOW} of Chinese-made parts", None),  # the reporting country's own
    ("[exports]{FLOW} of German cars", None),  # the seller of exports is the reporter
], ids=["german", "brazilian", "own", "exports"])
def test_a_nationality_on_imported_goods_names_the_partner(blank, assembler, goods, partner):
    doc = annotate(blank, f"In [2023]{{PERIOD}}, [China]{{LOCATION}}'s {goods} slipped 3.8 percent to "
                          "[106.1 billion dollars]{MONEY}.")
    head = goods.split("]")[0].lstrip("[")
    link(doc, [(head, "106.1 billion dollars", "VALUE"), (head, "China", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert fact.partner == partner


def test_a_ranked_trading_partner_is_no_rank_fact(blank, assembler):
    doc = annotate(blank, "[Shanxi]{LOCATION} trade in 2023\n\n[ASEAN]{PARTNER} was the largest trading "
                          "partner of [Shanxi]{LOCATION}. [The EU]{PARTNER} came [second]{RANK} in "
                          "[2023]{PERIOD}; [Shanxi]{LOCATION} ranked [20th]{RANK} among provinces.")
    link(doc, [("second", "The EU", "LOCATION"), ("20th", "Shanxi", "LOCATION")])
    ranks = [(r.location, r.rank) for r in facts_of(assembler, doc, "2024-01-20")]
    assert ranks == [("Shanxi", 20)]


def test_a_no_rank_is_the_place_written_after_it(blank, assembler):
    doc = annotate(blank, "[Guangdong]{LOCATION} tops provinces in [2023]{PERIOD}\n\n"
                          "[No.1]{RANK} [Guangdong]{LOCATION} 8.30 trillion yuan\n"
                          "[No.2]{RANK} [Jiangsu]{LOCATION} 5.25 trillion yuan")
    link(doc, [("No.1", "Guangdong", "LOCATION"), ("No.2", "Guangdong", "LOCATION")])
    ranks = [(r.location, r.rank) for r in facts_of(assembler, doc, "2024-01-20")
             if r.__class__.__name__ == "RankFact"]
    assert ranks == [("Guangdong", 1), ("Jiangsu", 2)]


@pytest.mark.parametrize("rate", ["[+12.1%]{PERCENT} on November", "[12.1%]{PERCENT} on November",
                                  "up [12.1%]{PERCENT} year on year"], ids=["signed", "mom", "yoy"])
def test_a_change_linked_as_a_share_is_no_share(blank, assembler, rate):
    doc = annotate(blank, "In [December 2021]{PERIOD}, [Guangxi]{LOCATION}'s [trade]{FLOW} was "
                          "[58.4 billion yuan]{MONEY}, " + rate + ".")
    pct = [e.text for e in doc.ents if e.label_ == "PERCENT"][0]
    link(doc, [("trade", "58.4 billion yuan", "VALUE"), ("trade", pct, "SHARE")])
    [fact] = facts_of(assembler, doc)
    assert fact.share_pct is None


@pytest.mark.parametrize("marked,relations", [
    ("[Saudi Arabia]{PARTNER} and [China]{LOCATION}: [Saudi Arabia]{PARTNER} buys more.\n\n"
     "[Trade]{FLOW} between our two countries reached [$116.04 billion]{MONEY}.",
     [("Trade", "$116.04 billion", "VALUE")]),
    ("[Saudi Arabia]{PARTNER} and [China]{LOCATION}: [Saudi Arabia]{PARTNER} buys more.\n\n"
     "[Chinese]{LOCATION} [exports]{FLOW} to the Kingdom grew to [$37.99 billion]{MONEY}.",
     [("exports", "$37.99 billion", "VALUE")]),
], ids=["our-two-countries", "the-kingdom-capitalised"])
def test_a_partner_named_by_title_or_as_one_of_our_two_countries(blank, assembler, marked,
                                                                   relations):
    doc = annotate(blank, marked)
    link(doc, relations)
    assert [f.partner for f in facts_of(assembler, doc, "2023-09-20")] == ["Saudi Arabia"]


def test_the_bloc_is_the_bloc_named_before_it_not_the_countries_of_the_sentence_before(
        blank, assembler):
    doc = annotate(blank, "The surpluses were with [Hong Kong]{PARTNER} and [Australia]{PARTNER}.\n\n"
                          "[Imports]{FLOW} from [the European Union]{PARTNER} hit "
                          "[$515.9 billion]{MONEY}; [exports]{FLOW} to the bloc rose "
                          "[3.9%]{PERCENT} to [$338.0 billion]{MONEY}.")
    link(doc, [("Imports", "the European Union", "PARTNER"), ("Imports", "$515.9 billion", "VALUE"),
               ("exports", "3.9%", "GROWTH"), ("exports", "$338.0 billion", "VALUE")])
    got = [(f.flow, f.partner) for f in facts_of(assembler, doc, "2020-02-05")]
    assert got == [("import", "European Union"), ("export", "European Union")]


def test_them_takes_the_partners_of_the_sentence_before(blank, assembler):
    doc = annotate(blank, "[Japan]{PARTNER} and [Korea]{PARTNER} bought more.\n\n"
                          "[Exports]{FLOW} to them rose [4%]{PERCENT} and [6%]{PERCENT} respectively.")
    link(doc, [("Exports", "4%", "GROWTH"), ("Exports", "6%", "GROWTH")])
    got = [(f.partner, f.growth_pct) for f in facts_of(assembler, doc, "2020-02-05")]
    assert got == [("Japan", 4.0), ("South Korea", 6.0)]


@pytest.mark.parametrize("adjusted,original", [
    (("In December alone, the seasonally adjusted surplus narrowed to $12.2 billion.", "12.2E9"),
     ("In original terms, the December surplus was $11.8 billion.", "11.8E9")),
    (("Seasonally adjusted, the surplus was $30.0 billion in December.", "30.0E9"),
     ("Unadjusted, the surplus came to $36.5 billion in December.", "36.5E9")),
    (("After seasonal adjustment, the surplus was $30.0 billion in December.", "30.0E9"),
     ("The surplus came to $36.5 billion in December.", "36.5E9")),
    (("Adjusted for seasonal swings, the balance was a surplus of $30.0 billion.", "30.0E9"),
     ("The surplus came to $36.5 billion in December.", "36.5E9")),
], ids=["within-5-percent", "further-apart", "after-adjustment", "adjusted-for-seasonal"])
def test_an_unadjusted_figure_stands_over_a_seasonally_adjusted_one(adjusted, original):
    from tradeie.facts import Evidence

    def fact(text, value):
        return TradeFact(location="Australia", flow="balance", period="2022-12", value=Decimal(value),
                         currency="AUD", evidence=Evidence(0, len(text), text))
    first, second = fact(*adjusted), fact(*original)
    assert [f.value for f in merge_facts([first, second])] == [second.value]
    assert [f.value for f in merge_facts([second, first])] == [second.value]


def test_an_amount_less_than_another_month_is_a_difference_not_a_value(blank, assembler):
    doc = annotate(blank, "In [December]{PERIOD} [2022]{PERIOD}, the [surplus]{FLOW} narrowed to "
                          "[$12.2 billion]{MONEY}, [$1.0 billion]{MONEY} less than in "
                          "[November]{PERIOD}. [Exports]{FLOW} of [$5 billion]{MONEY} more than "
                          "doubled.")
    link(doc, [("surplus", "$12.2 billion", "VALUE"), ("surplus", "$1.0 billion", "VALUE"),
               ("Exports", "$5 billion", "VALUE")])
    values = sorted(int(f.value) for f in facts_of(assembler, doc, "2023-02-02"))
    assert values == [5000000000, 12200000000]


def test_products_each_written_before_their_amount_pair_with_them(blank, assembler):
    doc = annotate(blank, "[Exports]{FLOW} of [mechanical products]{PRODUCT} fell; of which, "
                          "[laptops]{PRODUCT} [13.26 billion yuan]{MONEY} and [mobile phones]{PRODUCT} "
                          "[9.71 billion yuan]{MONEY}, down [28.9%]{PERCENT} and [14.6%]{PERCENT} "
                          "respectively.")
    link(doc, [("Exports", "laptops", "PRODUCT"), ("Exports", "13.26 billion yuan", "VALUE"),
               ("Exports", "9.71 billion yuan", "VALUE"), ("Exports", "28.9%", "GROWTH"),
               ("Exports", "14.6%", "GROWTH")])
    got = [(f.product, int(f.value), f.growth_pct) for f in facts_of(assembler, doc, "2024-01-20")]
    assert got == [("laptops", 13260000000, -28.9), ("mobile phones", 9710000000, -14.6)]


@pytest.mark.parametrize("marked, name", [
    ("[Chengdu]{LOCATION} Hi-tech Comprehensive Bonded Zone", "Chengdu Hi-tech Comprehensive Bonded Zone"),
    ("[Zhengzhou Airport Comprehensive]{LOCATION} Bonded Zone", "Zhengzhou Airport Comprehensive Bonded Zone"),
    ("[Suzhou]{LOCATION} Industrial Park", "Suzhou Industrial Park"),
    ("[Ningbo]{LOCATION} Meishan Bonded Port Area", "Ningbo Meishan Bonded Port Area"),
])
def test_a_zone_named_after_its_city_is_the_place(blank, assembler, marked, name):
    doc = annotate(blank, f"In [2023]{{PERIOD}}, the {marked} [exported]{{FLOW}} "
                          "goods worth [120.5 billion yuan]{MONEY}, up [8.2%]{PERCENT}.")
    link(doc, [("exported", "120.5 billion yuan", "VALUE"), ("exported", "8.2%", "GROWTH")])
    facts = facts_of(assembler, doc)
    assert [(f.location, f.value, f.growth_pct) for f in facts] == \
        [(name, Decimal("120500000000"), 8.2)]
    assert [e.text for e in doc.ents if e.label_ == "LOCATION"] == [name]


def test_a_designator_the_ner_tagged_apart_joins_the_name_before_it(blank, assembler):
    # "Osaka" and "Customs district" as two LOCATIONs gave the district's figures to a place
    # called "Customs district", or to the city
    doc = annotate(blank, "[Osaka]{LOCATION} [Customs district]{LOCATION} [exports]{FLOW} rose "
                          "[16.9 percent]{PERCENT} to [¥1,714.3 billion]{MONEY} in [August 2022]{PERIOD}.")
    link(doc, [("exports", "16.9 percent", "GROWTH"), ("exports", "¥1,714.3 billion", "VALUE"),
               ("exports", "Osaka", "LOCATION")])
    facts = facts_of(assembler, doc)
    assert [(f.location, f.growth_pct) for f in facts] == [("Osaka Customs district", 16.9)]
    assert [e.text for e in doc.ents if e.label_ == "LOCATION"] == ["Osaka Customs district"]


def test_a_zone_in_a_city_article_stays_a_breakdown_and_the_city_keeps_its_name(blank, assembler):
    doc = annotate(blank, "[Chengdu]{LOCATION}'s [foreign trade]{FLOW} rose [5%]{PERCENT} to "
                          "[400 billion yuan]{MONEY} in [2023]{PERIOD}. [Chengdu]{LOCATION} Customs "
                          "said the [Chengdu]{LOCATION} Hi-tech Comprehensive Bonded Zone [exported]{FLOW} "
                          "[120.5 billion yuan]{MONEY}.")
    link(doc, [("foreign trade", "400 billion yuan", "VALUE"), ("foreign trade", "5%", "GROWTH")])
    ents = [e for e in doc.ents if e.text == "exported"]
    money = [e for e in doc.ents if e.label_ == "MONEY"][1]
    doc._.trade_relations = {**doc._.trade_relations, (ents[0].start, money.start): {"VALUE": 0.9}}
    facts = facts_of(assembler, doc)
    assert [(f.location, f.value) for f in facts] == [("Chengdu", Decimal("400000000000"))]
    assert [e.text for e in doc.ents if e.label_ == "LOCATION"] == \
        ["Chengdu", "Chengdu", "Chengdu Hi-tech Comprehensive Bonded Zone"]


def test_it_and_them_after_a_flow_word_are_the_partner_named_before(blank, assembler):
    doc = annotate(blank, "[Vietnam]{LOCATION}'s [imports]{FLOW} from [South Korea]{PARTNER} fell "
                          "[8.1%]{PERCENT} in [2023]{PERIOD}, and [exports]{FLOW} to it rose "
                          "[2.3%]{PERCENT} to [US$23.5 billion]{MONEY}.")
    link(doc, [("imports", "South Korea", "PARTNER"), ("imports", "8.1%", "GROWTH"),
               ("exports", "2.3%", "GROWTH"), ("exports", "US$23.5 billion", "VALUE")])
    assert [(f.flow, f.partner) for f in facts_of(assembler, doc)] == \
        [("import", "South Korea"), ("export", "South Korea")]
    # "them", "the four countries": the bloc named before, not its last member
    doc = annotate(blank, "[China]{LOCATION}'s [trade]{FLOW} with [BRICS]{PARTNER} members "
                          "[Brazil]{PARTNER} and [South Africa]{PARTNER} grew in [2023]{PERIOD}. "
                          "[Exports]{FLOW} to the four countries totaled [2.29 trillion yuan]{MONEY}, "
                          "and [imports]{FLOW} from them [2.04 trillion yuan]{MONEY}.")
    link(doc, [("Exports", "2.29 trillion yuan", "VALUE"), ("imports", "2.04 trillion yuan", "VALUE")])
    assert [(f.flow, f.partner) for f in facts_of(assembler, doc)] == \
        [("export", "BRICS countries"), ("import", "BRICS countries")]


def test_a_resulting_balance_is_with_the_one_partner_just_named(blank, assembler):
    def balance_partner(marked):
        doc = annotate(blank, marked)
        link(doc, [("surplus", "$13.4 billion", "VALUE")])
        return [f.partner for f in facts_of(assembler, doc) if f.flow == "balance"]

    lead = ("[Chile]{LOCATION}'s exports to [China]{PARTNER} rose in [2022]{PERIOD}, while "
            "imports from [China]{PARTNER} grew. ")
    assert balance_partner(lead + "The resulting [surplus]{FLOW} of [$13.4 billion]{MONEY} was "
                                  "Chile's largest.") == ["China"]
    other = lead.replace("from [China]", "from [Japan]")
    assert balance_partner(other + "The resulting [surplus]{FLOW} of [$13.4 billion]{MONEY} "
                                   "was the largest.") == [None]  # two partners: the overall balance
    assert balance_partner(lead + "Its [surplus]{FLOW} of [$13.4 billion]{MONEY} was the "
                                  "largest.") == [None]  # not worked out from the figures before


@pytest.mark.parametrize("where, descriptive", [
    ("on [Vietnam]{LOCATION}'s northern coast", True),
    ("on [China]{LOCATION}'s border with Russia", True),
    ("along [Vietnam]{LOCATION}'s coastline", True),
    ("in [Vietnam]{LOCATION}'s north", False),
])
def test_a_country_that_says_where_a_port_lies_is_not_the_figure_place(blank, where, descriptive):
    from tradeie.pipeline.docindex import indexed
    from tradeie.pipeline.slots import is_descriptive

    doc = annotate(blank, f"The largest port {where} saw its exports climb 11.2 percent.")
    with indexed(doc):
        assert is_descriptive([e for e in doc.ents if e.label_ == "LOCATION"][0]) is descriptive


@pytest.mark.parametrize("marked, expected", [
    ("[Shenzhen]{LOCATION} topped the list of China's top 100 foreign trade cities for "
     "[2021]{PERIOD}, followed by Shanghai, Suzhou, [Dongguan]{LOCATION} and Beijing.",
     [("Shenzhen", 1), ("Shanghai", 2), ("Suzhou", 3), ("Dongguan", 4), ("Beijing", 5)]),
    ("In the [2021]{PERIOD} ranking of China's top 100 foreign trade cities, the [first]{RANK} to "
     "[fifth]{RANK} places went to Shenzhen, Shanghai, Suzhou, Dongguan and Beijing.",
     [("Shenzhen", 1), ("Shanghai", 2), ("Suzhou", 3), ("Dongguan", 4), ("Beijing", 5)]),
    ("In [2021]{PERIOD}, the top three foreign trade cities were Shenzhen, Shanghai and Suzhou, "
     "in that order.", [("Shenzhen", 1), ("Shanghai", 2), ("Suzhou", 3)]),
    ("[Guangdong]{LOCATION} again topped the provincial ranking by trade value in [2023]{PERIOD}.",
     [("Guangdong", 1)]),
    ("In the [2021]{PERIOD} list, [Shenzhen]{LOCATION} retained the top spot for the third year, "
     "followed by Shanghai, Suzhou and Dongguan.",
     [("Shenzhen", 1), ("Shanghai", 2), ("Suzhou", 3), ("Dongguan", 4)]),
    # an order not stated, or names that do not fit the ranks, or a trading partner: no rank
    ("In [2021]{PERIOD}, Shenzhen, Shanghai and Suzhou took the top three spots.", []),
    ("In [2021]{PERIOD}, the first to fifth places went to Shenzhen, Shanghai and Suzhou.", []),
    ("[Hebei]{LOCATION}'s trade grew in [2023]{PERIOD}. The EU topped the list of its trading "
     "partners, followed by ASEAN and Japan.", []),
])
def test_places_ranked_by_their_order_in_the_sentence(blank, assembler, marked, expected):
    doc = annotate(blank, marked)
    link(doc, [])
    got = [(f.location, f.rank) for f in facts_of(assembler, doc) if f.type == "rank"]
    assert got == expected
    assert {f.year for f in facts_of(assembler, doc) if f.type == "rank"} <= {2021, 2023}


def test_a_flow_from_abroad_is_with_the_world_and_a_later_country_is_its_item_s(blank, assembler):
    doc = annotate(blank, "In [2021]{PERIOD}, [Purchases]{FLOW} of [fresh fruit]{PRODUCT} from abroad "
                          "climbed [35.1 percent]{PERCENT} to [24.7 billion yuan]{MONEY}, with "
                          "[Thai]{PARTNER} [durians]{PRODUCT} alone worth [9.6 billion yuan]{MONEY}.")
    link(doc, [("Purchases", "24.7 billion yuan", "VALUE"), ("Purchases", "9.6 billion yuan", "VALUE"),
               ("Purchases", "35.1 percent", "GROWTH"), ("Purchases", "Thai", "PARTNER"),
               ("Purchases", "fresh fruit", "PRODUCT"), ("Purchases", "durians", "PRODUCT")])
    got = [(f.partner, f.product, f.value) for f in facts_of(assembler, doc)]
    assert got == [(None, "fresh fruit", Decimal("24700000000")),
                   ("Thailand", "durians", Decimal("9600000000"))]


def test_a_larger_place_as_the_base_of_a_share_is_not_the_place_of_the_next_figure(blank, assembler):
    doc = annotate(blank, "[Yiwu]{LOCATION}'s trade grew in [2025]{PERIOD}. [Exports]{FLOW} reached "
                          "[RMB186.24 billion]{MONEY}, equal to [13.2%]{PERCENT} of all exports from "
                          "[Zhejiang]{LOCATION}, while [imports]{FLOW} grew by [27.3%]{PERCENT} to "
                          "[RMB29.39 billion]{MONEY}.")
    link(doc, [("Exports", "RMB186.24 billion", "VALUE"), ("Exports", "13.2%", "SHARE"),
               ("imports", "RMB29.39 billion", "VALUE"), ("imports", "27.3%", "GROWTH"),
               ("imports", "Zhejiang", "LOCATION")])
    assert [(f.location, f.flow) for f in facts_of(assembler, doc)] == \
        [("Yiwu", "export"), ("Yiwu", "import")]
    # the base's own figure stays the base's: "of Anhui's total foreign trade, which rose"
    doc = annotate(blank, "[Hefei]{LOCATION}'s trade grew in [2023]{PERIOD}. The figure made up "
                          "[36.2 percent]{PERCENT} of [Anhui]{LOCATION}'s total [foreign trade]{FLOW}, "
                          "which rose [9.7 percent]{PERCENT} to [474.6 billion yuan]{MONEY}.")
    link(doc, [("foreign trade", "474.6 billion yuan", "VALUE"), ("foreign trade", "9.7 percent", "GROWTH"),
               ("foreign trade", "Anhui", "LOCATION")])
    assert [f.location for f in facts_of(assembler, doc)] == ["Anhui"]


@pytest.mark.parametrize("marked", [
    "In [2021]{PERIOD}, the [first]{RANK} to [fifth]{RANK} places went to Shenzhen, Shanghai and Suzhou.",
    "The list for [2021]{PERIOD} is out: [first]{RANK} place went to a newcomer.",
])
def test_no_rank_from_the_ends_of_a_range_or_of_no_place(blank, assembler, marked):
    doc = annotate(blank, marked)
    link(doc, [])
    assert [f for f in facts_of(assembler, doc) if f.type == "rank"] == []


def test_the_owner_of_a_list_is_not_a_ranked_place(blank, assembler):
    doc = annotate(blank, "[Ningbo]{LOCATION} was [8th]{RANK} in the ranking of [China]{LOCATION}'s top "
                          "100 cities in foreign trade in [2019]{PERIOD}, and [third]{RANK} in the "
                          "sub-index for export competitiveness.")
    link(doc, [])
    assert [(f.location, f.rank) for f in facts_of(assembler, doc) if f.type == "rank"] == \
        [("Ningbo", 8), ("Ningbo", 3)]
    doc = annotate(blank, "[Shenzhen]{LOCATION} has topped [China]{LOCATION}'s top 100 foreign trade "
                          "cities list in [2022]{PERIOD}.")
    link(doc, [])
    assert [(f.location, f.rank) for f in facts_of(assembler, doc) if f.type == "rank"] == \
        [("Shenzhen", 1)]


def test_a_rank_by_cargo_throughput_is_no_trade_rank(blank, assembler):
    doc = annotate(blank, "[Ningbo]{LOCATION} ranked [eighth]{RANK} among the top 100 in [2019]{PERIOD}, "
                          "while its port ranked [first]{RANK} in the world by cargo throughput.")
    link(doc, [])
    assert [(f.location, f.rank) for f in facts_of(assembler, doc) if f.type == "rank"] == \
        [("Ningbo", 8)]


@pytest.mark.parametrize("tail", ["the world's [14th]{RANK} busiest container port",
                                  "the country's [third]{RANK}-busiest port"], ids=["container", "busiest"])
def test_a_port_s_rank_by_traffic_is_no_trade_rank(blank, assembler, tail):
    doc = annotate(blank, "[Xiamen Port]{LOCATION} handled 12.25 million TEUs in [2024]{PERIOD} and stayed "
                   + tail + ".")
    link(doc, [])
    assert [f for f in facts_of(assembler, doc) if f.type == "rank"] == []


def test_a_later_bullet_s_period_is_not_the_lead_s(blank, assembler):
    # the bullets parse as one sentence; "December" belongs to its own line only
    doc = annotate(blank, "[Philippines]{LOCATION} trade, full year [2023]{PERIOD}\n\n"
                          "• [Exports]{FLOW}: [$73.6bn]{MONEY}, -7.5%\n"
                          "• [Trade deficit]{FLOW}: [$52.2bn]{MONEY} ([2022]{PERIOD}: $58.3bn)\n"
                          "• [December]{PERIOD} [exports]{FLOW}: [$5.9bn]{MONEY}")
    link(doc, [("Exports", "$73.6bn", "VALUE"), ("Exports", "December", "PERIOD"),
               ("Trade deficit", "$52.2bn", "VALUE"), ("Trade deficit", "2022", "PERIOD"),
               ("exports", "$5.9bn", "VALUE"), ("exports", "December", "PERIOD")])
    facts = facts_of(assembler, doc)
    assert [(f.flow, f.period) for f in facts] == [("export", "2023"), ("balance", "2023"),
                                                   ("export", "2023-12")]


@pytest.mark.parametrize("sentence,expected", [
    ("Exports declined [12.3%]{PERCENT} month over month.", [None]),
    ("Imports soared [38.65 percent]{PERCENT} month-to-month and [14.35 percent]{PERCENT} "
     "year-on-year.", [None, 14.35]),
    ("Exports rose [2.8%]{PERCENT} on the month.", [None]),
    ("Exports climbed [7.5%]{PERCENT} more than in the previous half and [12.4%]{PERCENT} above "
     "the first half of 2022.", [None, 12.4]),
    # a base in the figure's own year is a month or a quarter back; the year before is a year
    ("Exports were up [12.61 percent]{PERCENT} compared to April 2023 but down [0.96 percent]"
     "{PERCENT} compared to May 2022.", [None, -0.96]),
    ("Exports rose [5.1%]{PERCENT} over the month.", [None]),
    ("Month on month, exports slipped [0.4%]{PERCENT}.", [None]),
    ("Compared with September, exports were up [8.5%]{PERCENT}.", [None]),
    ("Two-way trade was [3.9 per cent]{PERCENT} higher than in 2019 and [6.1 per cent]{PERCENT} "
     "higher than in 2022.", [None, 6.1]),
    ("On a quarterly basis, exports decreased [0.9%]{PERCENT}.", [None]),
    # the verb before a colon signs the list after it
    ("Energy imports fell across the board: crude oil [2.4 percent]{PERCENT}, gas "
     "[12.8 percent]{PERCENT} and coal [24.6 percent]{PERCENT}.", [-2.4, -12.8, -24.6]),
], ids=["month-over-month", "month-to-month", "on-the-month", "previous-half", "base-year",
        "over-the-month", "month-on-month-first", "compared-with-month-first", "than-in-year",
        "quarterly-basis", "colon-list"])
def test_rates_against_a_recent_period_are_no_growth(blank, sentence, expected):
    from tradeie.pipeline.docindex import indexed
    from tradeie.pipeline.rates import growth_of

    doc = annotate(blank, sentence)
    with indexed(doc):
        assert [growth_of(e, doc[:], 2023) for e in doc.ents if e.label_ == "PERCENT"] == expected


_MOM_NOTE = "Figures are seasonally adjusted, and changes are month over month, except where noted.\n\n"


@pytest.mark.parametrize("text,expected", [
    # a release that says its changes are against the month before: only those it marks
    (_MOM_NOTE + "In March 2023, exports rose [3.1%]{PERCENT} and imports [1.1%]{PERCENT}.", [None, None]),
    (_MOM_NOTE + "Year over year, exports were [4.6%]{PERCENT} higher.", [4.6]),
    (_MOM_NOTE + "Exports were [4.6%]{PERCENT} higher than in March 2022.", [4.6]),
    (_MOM_NOTE + "Exports rose [2.1%]{PERCENT} from February but [4.6%]{PERCENT} from a year earlier.",
     [None, 4.6]),
    # without the note, an unmarked rate is year-on-year
    ("In March 2023, exports rose [3.1%]{PERCENT}.", [3.1]),
    # a closing "(all ..., compared with <a month of the same year>)" gives every rate its base
    ("Exports to China rose by [1.3%]{PERCENT} and exports to the UK by [1.4%]{PERCENT} (all "
     "calendar and seasonally adjusted, compared with April 2023).", [None, None]),
    ("Exports to China rose by [1.3%]{PERCENT} (all figures compared with May 2022).", [1.3]),
], ids=["declared", "year-over-year", "year-before", "both", "no-note", "all-against-month",
        "all-against-year"])
def test_a_release_of_month_on_month_changes(blank, text, expected):
    from tradeie.pipeline.docindex import indexed, sentence_span
    from tradeie.pipeline.rates import growth_of

    doc = annotate(blank, text)
    with indexed(doc):
        assert [growth_of(e, sentence_span(doc, e), 2023) for e in doc.ents
                if e.label_ == "PERCENT"] == expected


def test_a_numbered_heading_that_names_a_product_is_the_next_sentence_s_product(blank, assembler):
    doc = annotate(blank, "I. Key commodities\n\n1. [Mechanical and electrical "
                          "products]{PRODUCT}. [Exports]{FLOW} reached [7.14 trillion yuan]{MONEY} in "
                          "[2024]{PERIOD}. [Imports]{FLOW} came to [5 trillion yuan]{MONEY}.\n\n"
                          "2. [Textiles]{PRODUCT} and yarn. [Exports]{FLOW} fell to [0.5 trillion yuan]"
                          "{MONEY}.")
    link(doc, [("Exports", "7.14 trillion yuan", "VALUE"), ("Imports", "5 trillion yuan", "VALUE")])
    doc._.trade_relations = {**doc._.trade_relations,
                             (doc.ents[-2].start, doc.ents[-1].start): {"VALUE": 0.9}}
    products = [f.product for f in facts_of(assembler, doc)]
    # only the sentence right after the heading; a heading with more than the product names none
    assert products == ["mechanical and electrical products", None, None]


def test_a_respectively_list_of_members_after_their_bloc(blank, assembler):
    doc = annotate(blank, "Among [ASEAN]{PARTNER} members, [trade]{FLOW} with [Vietnam]{PARTNER}, "
                          "[Myanmar]{PARTNER} and [Laos]{PARTNER} stood at [14.1 billion yuan]{MONEY}, "
                          "[10.7 billion yuan]{MONEY} and [6.2 billion yuan]{MONEY} respectively in "
                          "[2023]{PERIOD}.")
    link(doc, [("trade", "14.1 billion yuan", "VALUE"), ("trade", "10.7 billion yuan", "VALUE"),
               ("trade", "6.2 billion yuan", "VALUE"), ("trade", "Laos", "PARTNER")])
    assert [f.partner for f in facts_of(assembler, doc)] == ["Vietnam", "Myanmar", "Laos"]


def test_a_rank_restated_in_another_sentence_is_one_fact():
    from tradeie.facts import Evidence, RankFact

    def rank(place, n, words, at):
        return RankFact(location=place, rank=n, year=2019, list=words, evidence=Evidence(at, at + 9, "x"))

    headline = rank("Ningbo", 8, "China's top 100 foreign trade cities", 0)
    body = rank("Ningbo", 8, "2019 list of China's top 100 foreign trade cities released by", 80)
    assert merge_facts([headline, body]) == [headline]
    # two lists of one sentence, and lists that are not one another's, stay two
    province, region = rank("Zhengzhou", 1, None, 10), rank("Zhengzhou", 1, "central China", 10)
    assert len(merge_facts([province, region])) == 2
    exports = rank("Qingdao", 3, "Shandong cities by exports", 10)
    imports = rank("Qingdao", 3, "Shandong cities by imports", 60)
    assert len(merge_facts([exports, imports])) == 2


def test_a_rank_takes_the_year_nearest_to_it(blank, assembler):
    doc = annotate(blank, "[Hangzhou]{LOCATION}, which was ranked [No. 9]{RANK} in [2021]{PERIOD}, "
                          "slipped to [No. 12]{RANK} in [2023]{PERIOD}.")
    link(doc, [("No. 9", "Hangzhou", "LOCATION"), ("No. 12", "Hangzhou", "LOCATION"),
               ("No. 12", "2021", "PERIOD")])
    got = [(f.rank, f.year) for f in facts_of(assembler, doc) if f.type == "rank"]
    assert got == [(9, 2021), (12, 2023)]


@pytest.mark.parametrize("marked,member", [
    ('the so-called "new three" — electric vehicles, lithium batteries and [solar cells]{PRODUCT} — '
     "came to [41.4 billion yuan]{MONEY}.", "solar cells"),
    ('the "new three items" (electric vehicles, lithium batteries and [solar cells]{PRODUCT}) came '
     "to [41.4 billion yuan]{MONEY}.", "solar cells"),
], ids=["dashes", "brackets"])
def test_members_listed_after_their_group_stand_for_the_group(blank, assembler, marked, member):
    doc = annotate(blank, "In [2023]{PERIOD}, [exports]{FLOW} of " + marked)
    link(doc, [("exports", "41.4 billion yuan", "VALUE"), ("exports", member, "PRODUCT")])
    [fact] = facts_of(assembler, doc)
    assert fact.product in ("new three", "new three items")


@pytest.mark.parametrize("sentence,forecast", [
    ("The ministry said two-way trade could top [$45 billion]{MONEY} in 2025.", True),
    ("The ministry wants exports to China to reach [$5 billion]{MONEY} within three years.", True),
    ("Exports hit [$5 billion]{MONEY} in May.", False),
    # a past figure in a sentence about the future
    ("Exports could end close to the [$451.07 billion]{MONEY} achieved in 2022-23.", False),
    ("The surplus came in below the [$92 billion]{MONEY} analysts had pencilled in.", True),
    ("Exports beat the [$30 billion]{MONEY} that economists had forecast.", True),
], ids=["could", "wants", "may-the-month", "achieved", "analysts-after", "that-economists"])
def test_amounts_somebody_expects_are_forecasts(blank, sentence, forecast):
    from tradeie.pipeline.docindex import indexed
    from tradeie.pipeline.slots import is_forecast

    doc = annotate(blank, sentence)
    with indexed(doc):
        assert is_forecast(doc.ents[0]) is forecast


@pytest.mark.parametrize("marked,head,flow", [
    ("In [2019]{PERIOD}, [the European Union]{PARTNER} [bought]{FLOW} [US$8.9 billion]{MONEY} of "
     "[Argentine]{LOCATION} goods.", "bought", "export"),
    ("In [2023]{PERIOD}, [Solar cells]{PRODUCT} [brought in]{FLOW} [38.16 billion yuan]{MONEY} for "
     "[the province]{LOCATION}'s exporters.", "brought in", "export"),
    # goods brought in are imports; a place buying is importing
    ("In [2021]{PERIOD}, [Iron ore]{PRODUCT} [brought in]{FLOW} through the seaports was valued at "
     "[38.2 billion yuan]{MONEY}.", "brought in", "import"),
    ("In [2022]{PERIOD}, [Vietnam]{LOCATION} [bought]{FLOW} [US$82.2 billion]{MONEY} worth of "
     "chips.", "bought", "import"),
], ids=["partner-bought", "product-brought-in-money", "brought-in-through", "place-bought"])
def test_a_buyer_s_verb_is_the_flow_of_the_other_side(blank, assembler, marked, head, flow):
    doc = annotate(blank, marked)
    value = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    link(doc, [(head, value, "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert fact.flow == flow


def test_a_customs_district_is_a_place_and_its_cities_are_no_partners(blank, assembler):
    doc = annotate(blank, "[Foreign trade]{FLOW} in [the Gongbei Customs district]{LOCATION}, which "
                          "covers the cities of [Zhuhai]{LOCATION} and [Zhongshan]{LOCATION}, reached "
                          "[316.84 billion yuan]{MONEY} in [2021]{PERIOD}.")
    link(doc, [("Foreign trade", "316.84 billion yuan", "VALUE"),
               ("Foreign trade", "the Gongbei Customs district", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.partner) == ("Gongbei Customs district", None)


def test_a_rate_of_another_period_written_as_a_noun_is_that_period_s(blank, assembler):
    doc = annotate(blank, "[Outbound shipments]{FLOW} shrank [7.5%]{PERCENT} to [$283.5 billion]{MONEY} "
                          "in [May 2023]{PERIOD}, reversing an [8.5%]{PERCENT} rise in [April]{PERIOD}.")
    link(doc, [("Outbound shipments", "$283.5 billion", "VALUE"),
               ("Outbound shipments", "7.5%", "GROWTH"), ("Outbound shipments", "8.5%", "GROWTH"),
               ("Outbound shipments", "May 2023", "PERIOD")])
    got = [(f.period, f.value, f.growth_pct) for f in facts_of(assembler, doc)]
    assert got == [("2023-05", Decimal("283500000000"), -7.5), ("2023-04", None, 8.5)]


@pytest.mark.parametrize("second,product", [
    ("[Shipments]{FLOW} of the ore more than doubled to [US$1.10 billion]{MONEY}.", "nickel ore"),
    ("[Exports]{FLOW} of the same goods to [ASEAN]{PARTNER} reached [US$1.10 billion]{MONEY}.",
     "nickel ore"),
    # a place's own exports are no product's
    ("Its [exports]{FLOW} reached [US$1.10 billion]{MONEY}.", None),
    ("Their [exports]{FLOW} reached [US$1.10 billion]{MONEY}.", "nickel ore"),
    ("[Exports]{FLOW} of them reached [US$1.10 billion]{MONEY}.", "nickel ore"),
], ids=["the-ore", "the-same-goods", "its-exports", "their-exports", "exports-of-them"])
def test_a_product_named_again_by_a_common_noun(blank, assembler, second, product):
    doc = annotate(blank, "In [2019]{PERIOD}, [Indonesia]{LOCATION} banned [nickel ore]{PRODUCT} "
                          "sales abroad from 2020. " + second)
    value = [e.text for e in doc.ents if e.label_ == "MONEY"][0]
    head = [e.text for e in doc.ents if e.label_ == "FLOW"][0]
    link(doc, [(head, value, "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert fact.product == product


@pytest.mark.parametrize("marked,flow,money,product", [
    # the sector: the product named last before it
    ("[China]{LOCATION}'s trade in [mechanical and electrical products]{PRODUCT} came to US$3.22 "
     "trillion in [2022]{PERIOD}. Exports of such goods rose 2.0 percent. The sector's [trade surplus]{FLOW} "
     "reached a record [US$880 billion]{MONEY}.", "trade surplus", "US$880 billion",
     "mechanical and electrical products"),
    # "the three": the group named before, not its members
    ("The [\"new three\"]{PRODUCT} are [electric vehicles]{PRODUCT}, [lithium batteries]{PRODUCT} and "
     "[solar cells]{PRODUCT}. In [2023]{PERIOD}, [exports]{FLOW} of the three reached "
     "[39.28 billion yuan]{MONEY}.", "exports", "39.28 billion yuan", "new three"),
], ids=["the-sector", "the-three"])
def test_a_product_named_again_by_the_sector_or_a_count(blank, assembler, marked, flow, money, product):
    doc = annotate(blank, marked)
    link(doc, [(flow, money, "VALUE")])
    [fact] = facts_of(assembler, doc)
    assert fact.product == product


def test_a_bullet_s_dash_before_an_amount_is_no_minus(blank, assembler):
    doc = annotate(blank, "[Hefei]{LOCATION} in [2024]{PERIOD}: key figures\n\n"
                          "[- 165.30 billion yuan]{MONEY}: total [exports]{FLOW}, up [11.2%]{PERCENT}\n"
                          "Balance: [-2.1 billion yuan]{MONEY} of [trade deficit]{FLOW}")
    link(doc, [("exports", "- 165.30 billion yuan", "VALUE"), ("exports", "11.2%", "GROWTH"),
               ("trade deficit", "-2.1 billion yuan", "VALUE")])
    assert [f.value for f in facts_of(assembler, doc)] == [Decimal("165300000000"),
                                                          Decimal("-2100000000")]


@pytest.mark.parametrize("marked", [
    "[Korea]{LOCATION} exports hit record\n\n[Semiconductors]{PRODUCT}, which have been the "
    "[No. 1]{RANK} export item for a decade, fetched a record sum in [2024]{PERIOD}.",
    "[Turkey]{LOCATION} trade in December\n\nAmong imports, [mineral fuels and oils]{PRODUCT} came "
    "[first]{RANK} in [December 2021]{PERIOD}.",
], ids=["no-1-export-item", "came-first"])
def test_a_product_s_rank_is_no_rank_of_the_place(blank, assembler, marked):
    doc = annotate(blank, marked)
    link(doc, [])
    assert [f for f in facts_of(assembler, doc) if f.type == "rank"] == []


def test_a_nationwide_figure_is_the_reporting_place_s_country(blank, assembler):
    doc = annotate(blank, "[Guangdong]{LOCATION}'s [foreign trade]{FLOW} grew to [3.82 trillion yuan]"
                          "{MONEY} in [the first half of 2021]{PERIOD}. Nationwide, [imports and "
                          "exports]{FLOW} rose to [18.07 trillion yuan]{MONEY}.")
    link(doc, [("foreign trade", "3.82 trillion yuan", "VALUE"), ("foreign trade", "Guangdong", "LOCATION"),
               ("imports and exports", "18.07 trillion yuan", "VALUE")])
    assert [f.location for f in facts_of(assembler, doc)] == ["Guangdong", "China"]


def test_a_port_written_in_lower_case_is_a_place_of_its_own(blank, assembler):
    doc = annotate(blank, "[Xinjiang]{LOCATION} trade with Central Asia\n\nThe [Alashankou port]{LOCATION} "
                          "handled [trade]{FLOW} worth [61.2 billion yuan]{MONEY} in [2023]{PERIOD}.")
    link(doc, [("trade", "61.2 billion yuan", "VALUE"), ("trade", "Alashankou port", "LOCATION")])
    [fact] = facts_of(assembler, doc)
    assert fact.location == "Alashankou Port"


def test_fewer_rates_than_amounts_go_to_the_amounts_they_follow(blank, assembler):
    # the third item has "up 2.7 times", no percentage: it gets no rate, and the others keep theirs
    doc = annotate(blank, "[Jiangxi]{LOCATION} in [the first five months]{PERIOD}\n\n[Exports]{FLOW} of "
                          "[lithium-ion batteries]{PRODUCT} were [123.7 hundred million yuan]{MONEY}， up "
                          "[45.3%]{PERCENT}; [solar cells]{PRODUCT} [98.4 hundred million yuan]{MONEY}, up "
                          "[38.6%]{PERCENT}; [electric vehicles]{PRODUCT} [30.6 hundred million yuan]{MONEY}, "
                          "up 2.7 times.")
    values = [e.text for e in doc.ents if e.label_ == "MONEY"]
    products = [e.text for e in doc.ents if e.label_ == "PRODUCT"]
    link(doc, [("Exports", v, "VALUE") for v in values] + [("Exports", p, "PRODUCT") for p in products]
         + [("Exports", "45.3%", "GROWTH"), ("Exports", "38.6%", "GROWTH")])
    assert [(f.product, f.growth_pct) for f in facts_of(assembler, doc)] == [
        ("lithium-ion batteries", 45.3), ("solar cells", 38.6), ("electric vehicles", None)]


def test_a_threshold_rate_and_a_place_named_again_leave_a_respectively_list_whole(blank, assembler):
    doc = annotate(blank, "[Zhejiang]{LOCATION} in [the first half of 2022]{PERIOD}\n\nThe remaining "
                          "cities all grew faster than [9%]{PERCENT}: [Wenzhou]{LOCATION}, [Huzhou]{LOCATION} "
                          "and [Lishui]{LOCATION} posted [import and export]{FLOW} increases of "
                          "[9.8%]{PERCENT}, [14.5%]{PERCENT} and [30.2%]{PERCENT} respectively, with "
                          "[Lishui]{LOCATION} the fastest in the province.")
    rates = [e.text for e in doc.ents if e.label_ == "PERCENT"]
    link(doc, [("import and export", r, "GROWTH") for r in rates]
         + [("import and export", p, "LOCATION") for p in ("Wenzhou", "Huzhou", "Lishui")])
    assert [(f.location, f.growth_pct) for f in facts_of(assembler, doc)] == [
        ("Wenzhou", 9.8), ("Huzhou", 14.5), ("Lishui", 30.2)]


def test_ranked_places_are_those_written_before_the_ranks(blank, assembler):
    doc = annotate(blank, "In [2023]{PERIOD}, Nanchang and [Ganzhou]{LOCATION} ranked [first]{RANK} and "
                          "[second]{RANK} respectively, and only [Pingxiang]{LOCATION} and "
                          "[Jingdezhen]{LOCATION} achieved positive growth.")
    link(doc, [])
    assert [(r.location, r.rank) for r in facts_of(assembler, doc)] == [("Nanchang", 1), ("Ganzhou", 2)]


@pytest.mark.parametrize("marked", [
    "Imports from [Canada]{PARTNER}, the [third]{RANK} member of the USMCA pact, rose in [2023]{PERIOD}.",
    "[China]{LOCATION}'s trade rose in [2022]{PERIOD}; the EU and the U.S. are its [second]{RANK}- and "
    "third-largest trading partners.",
], ids=["member", "suspended-hyphen"])
def test_a_partner_s_or_member_s_ordinal_is_no_rank(blank, assembler, marked):
    doc = annotate(blank, marked)
    link(doc, [])
    assert [f for f in facts_of(assembler, doc) if f.type == "rank"] == []


def test_a_rank_and_a_superlative_is_still_a_rank(blank, assembler):
    doc = annotate(blank, "In [2020]{PERIOD}, [Chengdu]{LOCATION} ranked [second]{RANK} and the largest in "
                          "western China.")
    link(doc, [])
    assert [(r.location, r.rank) for r in facts_of(assembler, doc)] == [("Chengdu", 2)]


def test_a_partner_nearer_another_amount_is_that_amount_s(blank, assembler):
    doc = annotate(blank, "[Hebei]{LOCATION} in [2024]{PERIOD}\n\nThe [EU]{PARTNER} remained the "
                          "province's largest trading partner, with [trade]{FLOW} worth "
                          "[96.52 billion yuan]{MONEY}, up [3.1%]{PERCENT}; [ASEAN]{PARTNER} second "
                          "with [84.07 billion yuan]{MONEY}, up [10.6%]{PERCENT}; then [the US]{PARTNER} "
                          "at [10.2%]{PERCENT}.")
    link(doc, [("trade", "EU", "PARTNER"), ("trade", "ASEAN", "PARTNER"), ("trade", "the US", "PARTNER"),
               ("trade", "96.52 billion yuan", "VALUE"), ("trade", "84.07 billion yuan", "VALUE")])
    facts = facts_of(assembler, doc)
    assert {(f.partner, f.value) for f in facts if f.value} == {
        ("European Union", Decimal("96520000000")), ("ASEAN", Decimal("84070000000"))}


def test_a_product_named_again_counts_once_when_pairing_products_with_amounts(blank, assembler):
    doc = annotate(blank, "[Baotou]{LOCATION} in [2023]{PERIOD}\n\n[Steel products]{PRODUCT} and "
                          "[aluminium products]{PRODUCT}, the other pillars of the city's [export]{FLOW} "
                          "basket, recorded [5.06 billion yuan]{MONEY} and [2.31 billion yuan]{MONEY}, "
                          "with [steel products]{PRODUCT} down [4.1%]{PERCENT}.")
    link(doc, [("export", p.text, "PRODUCT") for p in doc.ents if p.label_ == "PRODUCT"]
         + [("export", "5.06 billion yuan", "VALUE"), ("export", "2.31 billion yuan", "VALUE")])
    facts = facts_of(assembler, doc)
    assert {(f.product, f.value) for f in facts} == {
        ("steel products", Decimal("5060000000")), ("aluminium products", Decimal("2310000000"))}


@pytest.mark.parametrize("marked,n", [
    ("Thirty-six items each earned more than [US$1 billion]{MONEY} from overseas [sales]{FLOW}, "
     "together making up [94 per cent]{PERCENT} of the total.", 0),
    ("Twelve localities each [shipped]{FLOW} more than [$10 billion]{MONEY} worth of goods.", 0),
    ("The province [shipped]{FLOW} more than [$10 billion]{MONEY} worth of goods.", 1),
], ids=["each-more-than", "each-shipped", "no-each"])
def test_a_bar_each_of_several_things_passed_is_no_figure(blank, assembler, marked, n):
    doc = annotate(blank, "[Vietnam]{LOCATION} in [2022]{PERIOD}\n\n" + marked)
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    link(doc, [(flow, e.text, "VALUE" if e.label_ == "MONEY" else "SHARE")
               for e in doc.ents if e.label_ in ("MONEY", "PERCENT")])
    assert len(facts_of(assembler, doc)) == n


@pytest.mark.parametrize("tail,values", [
    ("after Washington imposed duties of up to 25% on some [$370 billion]{MONEY} of Chinese products.",
     [452200000000]),
    ("while tariffs on [$200 billion]{MONEY} of goods took effect.", [452200000000]),
    ("and [$370 billion]{MONEY} in the year before.", [452200000000, 370000000000]),
], ids=["duties-on", "tariffs-on", "no-measure"])
def test_the_goods_a_tariff_covers_are_no_trade_figure(blank, assembler, tail, values):
    doc = annotate(blank, "In [2019]{PERIOD}, [United States]{LOCATION} [imports]{FLOW} from [China]{PARTNER} "
                          "tumbled 16.2% to [$452.2 billion]{MONEY} " + tail)
    link(doc, [("imports", e.text, "VALUE") for e in doc.ents if e.label_ == "MONEY"]
         + [("imports", "China", "PARTNER")])
    assert [int(f.value) for f in facts_of(assembler, doc)] == values


def test_a_figure_a_revision_replaced_is_no_value(blank, assembler):
    doc = annotate(blank, "[Canada]{LOCATION}'s trade in [March 2019]{PERIOD}\n\nThe [February]{PERIOD} "
                          "[deficit]{FLOW}, originally reported at [$4.25 billion]{MONEY}, now stands at "
                          "[$3.84 billion]{MONEY}.")
    link(doc, [("deficit", "$4.25 billion", "VALUE"), ("deficit", "$3.84 billion", "VALUE"),
               ("deficit", "February", "PERIOD")])
    assert [int(f.value) for f in facts_of(assembler, doc, "2019-05-02")] == [-3840000000]


@pytest.mark.parametrize("marked,n", [
    ("The average [import]{FLOW} price of bulk commodities fell [7.2%]{PERCENT}.", 0),
    ("[Export]{FLOW} prices rose [3.1%]{PERCENT}.", 0),
    ("[Import]{FLOW} value rose [3.1%]{PERCENT}.", 1),
], ids=["import-price", "export-prices", "import-value"])
def test_the_word_of_a_price_is_no_flow(blank, assembler, marked, n):
    doc = annotate(blank, "[China]{LOCATION} in [2023]{PERIOD}\n\n" + marked)
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    link(doc, [(flow, next(e.text for e in doc.ents if e.label_ == "PERCENT"), "GROWTH")])
    assert len(facts_of(assembler, doc, "2024-01-15")) == n


@pytest.mark.parametrize("marked,n", [
    ("The ministry put services [exports]{FLOW} for June at [$25.29 billion]{MONEY}.", 0),
    ("[Trade]{FLOW} in services grew [9.2 percent]{PERCENT} to [6.3 billion yuan]{MONEY}.", 0),
    ("Goods and services [exports]{FLOW} for June stood at [$25.29 billion]{MONEY}.", 1),
    ("Merchandise [exports]{FLOW} for June stood at [$25.29 billion]{MONEY}.", 1),
], ids=["services-exports", "trade-in-services", "goods-and-services", "goods"])
def test_figures_for_services_alone_give_no_fact(blank, assembler, marked, n):
    doc = annotate(blank, "[India]{LOCATION} in [June 2022]{PERIOD}\n\n" + marked)
    flow = next(e.text for e in doc.ents if e.label_ == "FLOW")
    link(doc, [(flow, e.text, "VALUE" if e.label_ == "MONEY" else "GROWTH")
               for e in doc.ents if e.label_ in ("MONEY", "PERCENT")])
    assert len(facts_of(assembler, doc)) == n


@pytest.mark.parametrize("marked,growth", [
    ("The chamber expects [exports]{FLOW} to grow by around [2 percent]{PERCENT} in [2023]{PERIOD}.", None),
    ("The government's own goal is for merchandise [exports]{FLOW} to rise [5%]{PERCENT} next year.", None),
    ("The government is aiming for full-year [export]{FLOW} growth of around [12%]{PERCENT}.", None),
    ("Merchandise [exports]{FLOW} rose [5%]{PERCENT} in [2023]{PERIOD}.", 5.0),
], ids=["expects", "goal", "aiming", "stated"])
def test_a_rate_somebody_expects_or_aims_at_is_no_growth(blank, assembler, marked, growth):
    doc = annotate(blank, "[Thailand]{LOCATION} in [2023]{PERIOD}\n\n" + marked)
    pct = next(e.text for e in doc.ents if e.label_ == "PERCENT")
    link(doc, [(next(e.text for e in doc.ents if e.label_ == "FLOW"), pct, "GROWTH")])
    assert [f.growth_pct for f in facts_of(assembler, doc, "2023-10-01")] == ([growth] if growth else [])


@pytest.mark.parametrize("month,lead,period", [
    ("May 2023", "In [January-May 2023]{PERIOD}, exports rose.", "2023-01..2023-05"),
    ("March 2023", "In [the first quarter of 2023]{PERIOD}, exports rose.", "2023-Q1"),
    ("May 2023", "Exports rose.", "2023-05"),  # no period to date stated: the month's
], ids=["range", "quarter", "none-stated"])
def test_a_figure_called_cumulative_takes_the_period_to_date(blank, assembler, month, lead, period):
    doc = annotate(blank, f"[Indonesia]{{LOCATION}}'s trade in [{month}]{{PERIOD}}\n\n{lead}\n\n"
                          "The cumulative [trade surplus]{FLOW} stood at [US$16.31 billion]{MONEY}.")
    link(doc, [("trade surplus", "US$16.31 billion", "VALUE")])
    [fact] = facts_of(assembler, doc, "2023-06-15")
    assert fact.period == period


@pytest.mark.parametrize("second,third", [("the second", "the third"), ("[the second]{PERIOD}",
                                                                        "[the third]{PERIOD}")],
                         ids=["untagged", "tagged"])
def test_a_quarter_named_by_its_ordinal_alone_after_one_named_in_full(blank, assembler, second, third):
    doc = annotate(blank, "[Huizhou]{LOCATION} in [2024]{PERIOD}\n\n[Imports and exports]{FLOW} were "
                          "[70.12 billion yuan]{MONEY} in [the first quarter]{PERIOD}, [78.95 billion yuan]"
                          "{MONEY} in " + second + " and [77.77 billion yuan]{MONEY} in " + third + ".")
    link(doc, [("Imports and exports", e.text, "VALUE") for e in doc.ents if e.label_ == "MONEY"])
    got = [(int(f.value), f.period) for f in facts_of(assembler, doc, "2024-10-23")]
    assert got == [(70120000000, "2024-Q1"), (78950000000, "2024-Q2"), (77770000000, "2024-Q3")]


def test_a_period_written_against_the_flow_word_is_its_period(blank, assembler):
    doc = annotate(blank, "[Chengdu]{LOCATION}'s [Q1 2023]{PERIOD} [foreign trade]{FLOW} at "
                          "[372.6 bln yuan]{MONEY} as [March]{PERIOD} rebounds\n\n"
                          "[Chengdu]{LOCATION}'s [exports]{FLOW} came to [169.7 billion yuan]{MONEY}.")
    link(doc, [("foreign trade", "372.6 bln yuan", "VALUE"), ("foreign trade", "March", "PERIOD"),
               ("exports", "169.7 billion yuan", "VALUE")])
    assert [f.period for f in facts_of(assembler, doc)] == ["2023-Q1", "2023-Q1"]


def test_a_balance_takes_no_share(blank, assembler):
    doc = annotate(blank, "That produced a visible [trade deficit]{FLOW} of [HK$38 billion]{MONEY} in "
                          "[November 2023]{PERIOD}, equal to [8.9 per cent]{PERCENT} of the value of imports.")
    link(doc, [("trade deficit", "HK$38 billion", "VALUE"), ("trade deficit", "8.9 per cent", "SHARE")])
    [fact] = facts_of(assembler, doc)
    assert (fact.flow, fact.share_pct) == ("balance", None)


@pytest.mark.parametrize("tail,share", [
    (", with [Kashgar]{LOCATION} contributing [15.9 percent]{PERCENT} of the regional figure.", None),
    (", with the red metal making up [59.1%]{PERCENT} of them.", None),
    (", accounting for [15.9 percent]{PERCENT} of the national total.", 15.9),
    (", which made up [15.9 percent]{PERCENT} of the national total.", 15.9),
], ids=["with-place", "with-noun", "no-subject", "which"])
def test_a_share_a_new_subject_owns_is_not_the_whole_s(blank, assembler, tail, share):
    doc = annotate(blank, "[Xinjiang]{LOCATION} as a whole saw [imports and exports]{FLOW} reach "
                          "[259.6 billion yuan]{MONEY} in [2023]{PERIOD}" + tail)
    rate = [e.text for e in doc.ents if e.label_ == "PERCENT"][0]
    link(doc, [("imports and exports", "259.6 billion yuan", "VALUE"), ("imports and exports", rate, "SHARE")])
    [fact] = [f for f in facts_of(assembler, doc) if f.value is not None]
    assert fact.share_pct == share


def test_a_respectively_list_is_the_one_written_before_respectively(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [Ferrous metals]{PRODUCT} and [copper]{PRODUCT} made up [41.6%]{PERCENT} "
                          "and [22.9%]{PERCENT} of [exports]{FLOW} respectively, while [coal]{PRODUCT} lost ground.")
    link(doc, [("exports", "Ferrous metals", "PRODUCT"), ("exports", "41.6%", "SHARE"),
               ("exports", "22.9%", "SHARE")])
    got = [(f.product, f.share_pct) for f in facts_of(assembler, doc)]
    assert got == [("ferrous metals", 41.6), ("copper", 22.9)]


def test_a_price_cut_is_no_growth_of_the_flow(blank, assembler):
    doc = annotate(blank, "[BYD]{LOCATION}, which has cut prices by as much as [15%]{PERCENT} at home, "
                          "raised [exports]{FLOW} in [2023]{PERIOD}.")
    link(doc, [("exports", "15%", "GROWTH")])
    assert [f.growth_pct for f in facts_of(assembler, doc)] == []


def test_a_headline_figure_the_body_restates_gives_no_fact_of_its_own(blank, assembler):
    doc = annotate(blank, "[Korea]{LOCATION}'s [exports]{FLOW} top [$600 bln]{MONEY} for first time on "
                          "[chip]{PRODUCT} boom\n\n[South Korea]{LOCATION}'s [exports]{FLOW} rose to "
                          "[$604.9 billion]{MONEY} in [2018]{PERIOD}.")
    link(doc, [("exports", "$600 bln", "VALUE"), ("exports", "chip", "PRODUCT")])
    rel = dict(doc._.trade_relations)
    body = [e for e in doc.ents if e.label_ == "FLOW"][1]
    money = [e for e in doc.ents if e.label_ == "MONEY"][1]
    rel[(body.start, money.start)] = {"VALUE": 0.9}
    doc._.trade_relations = rel
    assert [(f.product, int(f.value)) for f in facts_of(assembler, doc)] == [(None, 604900000000)]


def test_a_deficit_named_after_its_amount_is_negative(blank, assembler):
    doc = annotate(blank, "The gap was wider than the [$29.6 billion]{MONEY} [shortfall]{FLOW} recorded in "
                          "[October 2023]{PERIOD}.")
    link(doc, [("shortfall", "$29.6 billion", "VALUE"), ("shortfall", "October 2023", "PERIOD")])
    assert [int(f.value) for f in facts_of(assembler, doc)] == [-29600000000]


def test_a_numbered_heading_s_period_holds_for_its_section(blank, assembler):
    doc = annotate(blank, "[Nagoya]{LOCATION} [exports]{FLOW} in [the first half of 2019]{PERIOD} were "
                          "[10.54 trillion yen]{MONEY}.\n\n2. Month of [June]{PERIOD}\n"
                          "Shipments were a sixth straight monthly fall, and [imports]{FLOW} were "
                          "[862.4 billion yen]{MONEY}.\n\n3. By region\n"
                          "[Exports]{FLOW} came to [2.58 trillion yen]{MONEY}.")
    link(doc, [("exports", "10.54 trillion yen", "VALUE"), ("exports", "the first half of 2019", "PERIOD"),
               ("imports", "862.4 billion yen", "VALUE"), ("Exports", "2.58 trillion yen", "VALUE")])
    assert [f.period for f in facts_of(assembler, doc)] == ["2019-H1", "2019-06", "2019-H1"]


@pytest.mark.parametrize("second,partner", [
    ("Among them, [exports]{FLOW} of [mobile phones]{PRODUCT} were [21.4 billion yuan]{MONEY}.", None),
    ("[Exports]{FLOW} of them fell to [21.4 billion yuan]{MONEY}.", None),
    ("[Exports]{FLOW} to them reached [21.4 billion yuan]{MONEY}.", "Saudi Arabia"),
], ids=["among-them", "of-them", "to-them"])
def test_among_them_and_of_them_name_no_partner(blank, assembler, second, partner):
    doc = annotate(blank, "In [2024]{PERIOD}, [trade]{FLOW} with [Saudi Arabia]{PARTNER} reached "
                          "[52.4 billion yuan]{MONEY}. " + second)
    flow = [e.text for e in doc.ents if e.label_ == "FLOW"][1]
    link(doc, [("trade", "Saudi Arabia", "PARTNER"), ("trade", "52.4 billion yuan", "VALUE"),
               (flow, "21.4 billion yuan", "VALUE")])
    facts = facts_of(assembler, doc)
    assert [f.partner for f in facts if int(f.value) == 21400000000] == [partner]


def test_the_bloc_right_after_the_flow_word_heads_the_partner_list(blank, assembler):
    doc = annotate(blank, "[The EU]{PARTNER} remained the top partner in [2024]{PERIOD}. [Trade]{FLOW} with the bloc "
                          "grew to [38.71 billion yuan]{MONEY}; with [ASEAN]{PARTNER}, [36.05 billion yuan]{MONEY}; "
                          "with [the US]{PARTNER}, [31.92 billion yuan]{MONEY}.")
    link(doc, [("Trade", "38.71 billion yuan", "VALUE"), ("Trade", "36.05 billion yuan", "VALUE"),
               ("Trade", "31.92 billion yuan", "VALUE"), ("Trade", "ASEAN", "PARTNER"),
               ("Trade", "the US", "PARTNER")])
    got = [(f.partner, int(f.value)) for f in facts_of(assembler, doc)]
    assert got == [("European Union", 38710000000), ("ASEAN", 36050000000), ("United States", 31920000000)]


def test_exports_there_go_to_the_partner_named_before(blank, assembler):
    doc = annotate(blank, "[The United States]{PARTNER} remained the biggest customer in [2021]{PERIOD}. "
                          "[Exports]{FLOW} there climbed to [€122.1 billion]{MONEY}, ahead of [China]{PARTNER}.")
    link(doc, [("Exports", "€122.1 billion", "VALUE"), ("Exports", "China", "PARTNER")])
    assert [f.partner for f in facts_of(assembler, doc)] == ["United States"]


@pytest.mark.parametrize("description,partner", [
    ("the world's second-largest economy", "China"), ("the world's largest economy", "United States"),
    ("Europe's largest economy", "Germany"), ("Southeast Asia's biggest economy", "Indonesia"),
    ("the Chinese market", "China"), ("African buyers", "Africa"),
])
def test_an_economy_named_by_its_size(blank, assembler, description, partner):
    doc = annotate(blank, f"In [June 2023]{{PERIOD}}, [Chile]{{LOCATION}}'s [sales]{{FLOW}} to {description} "
                          "reached [$11.02 billion]{MONEY}.")
    link(doc, [("sales", "$11.02 billion", "VALUE")])
    assert [f.partner for f in facts_of(assembler, doc)] == [partner]


def test_only_a_nationality_is_an_origin_of_goods(blank):
    from tradeie.pipeline.slots import is_origin_of_goods

    doc = annotate(blank, "Purchases of [German]{LOCATION} goods fell, while exports of "
                          "[Osaka Customs district]{LOCATION} rose.")
    assert [is_origin_of_goods(e) for e in doc.ents] == [True, False]


@pytest.mark.parametrize("capital, country", [("Washington", "United States"), ("Moscow", "Russia"),
                                              ("Brussels", "European Union")])
def test_a_capital_named_as_the_partner_is_its_country(blank, assembler, capital, country):
    doc = annotate(blank, f"[Japan]{{LOCATION}}'s [trade surplus]{{FLOW}} with [{capital}]{{PARTNER}} "
                          "narrowed to [8.7 trillion yen]{MONEY} in [2023]{PERIOD}.")
    link(doc, [("trade surplus", "8.7 trillion yen", "VALUE"), ("trade surplus", capital, "PARTNER"),
               ("trade surplus", "2023", "PERIOD")])
    [fact] = facts_of(assembler, doc)
    assert (fact.location, fact.flow, fact.partner) == ("Japan", "balance", country)


def test_a_long_paragraph_is_not_read_back_whole_for_every_flow(blank, assembler, monkeypatch):
    """One paragraph of 80 statements with no year and no partner: each flow's period and
    partner search reads a bounded stretch back, not the whole paragraph (was quadratic)."""
    import tradeie.pipeline.context as context
    import tradeie.pipeline.facts as facts
    from tradeie.pipeline.docindex import ents_before

    n, calls, reads = 80, [0], [0]
    resolve, back = context.resolve_period, facts.ents_back_from

    def counting_resolve(*args):
        calls[0] += 1
        return resolve(*args)

    def counting_back(*args):
        for ent in back(*args):
            reads[0] += 1
            yield ent

    def counting_slice(*args):  # the whole list before a flow, as an earlier release read it
        found = ents_before(*args)
        reads[0] += len(found)
        return found

    monkeypatch.setattr(context, "resolve_period", counting_resolve)
    monkeypatch.setattr(facts, "ents_back_from", counting_back)
    monkeypatch.setattr(facts, "ents_before", counting_slice, raising=False)
    doc = annotate(blank, " ".join(["In [the first quarter]{PERIOD}, [exports]{FLOW} rose to "
                                    "[20 billion yuan]{MONEY}."] * n))
    doc._.trade_relations = {(e.start, v.start): {"VALUE": 0.9}
                             for e, v in zip(doc.ents[1::3], doc.ents[2::3])}
    found = facts_of(assembler, doc)
    assert found and all(f.period is None for f in found)
    assert calls[0] < 4 * n and reads[0] < 40 * n


def test_a_carried_month_of_an_undated_text_keeps_its_shape(blank, assembler):
    """No year anywhere: the growth of the next sentence carries "August" and merges into the
    August figure rather than standing alone as another fact."""
    doc = annotate(blank, "[Exports]{FLOW} were [20 billion yuan]{MONEY} in [August]{PERIOD}. "
                          "[Imports]{FLOW} were [12 billion yuan]{MONEY}. "
                          "[Exports]{FLOW} rose [5%]{PERCENT}.")
    flows = [e for e in doc.ents if e.label_ == "FLOW"]
    doc._.trade_relations = {(flows[0].start, doc.ents[1].start): {"VALUE": 0.9},
                             (flows[0].start, doc.ents[2].start): {"PERIOD": 0.9},
                             (flows[1].start, doc.ents[4].start): {"VALUE": 0.9},
                             (flows[2].start, doc.ents[6].start): {"GROWTH": 0.9}}
    found = facts_of(assembler, doc)
    assert [(f.flow, f.period, f.growth_pct) for f in found] == [("export", None, 5.0),
                                                                  ("import", None, None)]


def test_a_bullet_the_ner_took_into_a_product_is_no_part_of_its_name(blank, assembler):
    doc = annotate(blank, "[Nagoya]{LOCATION} trade\n[・Motor vehicles]{PRODUCT}: [exports]{FLOW} of "
                          "[742.5 billion yen]{MONEY} in [October 2023]{PERIOD}.")
    link(doc, [("exports", "742.5 billion yen", "VALUE"), ("exports", "・Motor vehicles", "PRODUCT")])
    [fact] = facts_of(assembler, doc)
    assert fact.product == "motor vehicles"
