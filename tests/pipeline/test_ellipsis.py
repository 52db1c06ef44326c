"""Figures in clauses with no flow word continue the fact before them (``pipeline.ellipsis``)."""
from decimal import Decimal

import pytest

from tradeie.pipeline.facts import TradeFactAssembler

from .conftest import annotate, link

LEAD = ("[Philippine]{LOCATION} [exports]{FLOW} to [the United States]{PARTNER} rose "
        "[4%]{PERCENT} to [$1.3 billion]{MONEY} in [November 2022]{PERIOD}. ")
LEAD_LINKS = [("exports", "4%", "GROWTH"), ("exports", "$1.3 billion", "VALUE"),
              ("exports", "the United States", "PARTNER"), ("exports", "November 2022", "PERIOD")]


@pytest.fixture(scope="module")
def assembler(blank):
    return TradeFactAssembler(blank)


def rows(assembler, doc, links=LEAD_LINKS):
    link(doc, links)
    doc._.published = "2023-01-10"
    return [(f.flow, f.partner, f.product, f.period, f.value, f.growth_pct)
            for f in assembler(doc)._.trade_facts]


def test_partners_listed_after_a_flow_continue_it(blank, assembler):
    doc = annotate(blank, LEAD + "[Japan]{PARTNER} ranked next at [$0.92 billion]{MONEY}, followed "
                                 "by [China]{PARTNER} at [$0.87 billion]{MONEY}, up [2.1%]{PERCENT}.")
    assert rows(assembler, doc)[1:] == [
        ("export", "Japan", None, "2022-11", Decimal("920000000"), None),
        ("export", "China", None, "2022-11", Decimal("870000000"), 2.1)]


def test_a_product_of_the_next_sentence_keeps_a_partner_but_not_another_product(blank, assembler):
    doc = annotate(blank, LEAD + "[Semiconductors]{PRODUCT} alone brought in [$0.64 billion]{MONEY}.")
    assert rows(assembler, doc)[1] == ("export", "United States", "semiconductors", "2022-11",
                                       Decimal("640000000"), None)
    doc = annotate(blank, "[Exports]{FLOW} of [chips]{PRODUCT} to [China]{PARTNER} reached "
                          "[$50.3 billion]{MONEY} in [2021]{PERIOD}.\n"
                          "Other flagship items:\n- [steel]{PRODUCT}: [$36.5 billion]{MONEY}, up "
                          "[37.0 percent]{PERCENT}")
    links = [("Exports", "chips", "PRODUCT"), ("Exports", "China", "PARTNER"),
             ("Exports", "$50.3 billion", "VALUE"), ("Exports", "2021", "PERIOD")]
    assert rows(assembler, doc, links)[1] == ("export", None, "steel", "2021",
                                              Decimal("36500000000"), 37.0)


def test_a_clause_that_names_a_supplier_is_an_import(blank, assembler):
    doc = annotate(blank, LEAD + "[China]{PARTNER} was the biggest supplier with [$2.57 billion]{MONEY}.")
    assert rows(assembler, doc)[1][:2] == ("import", "China")


def test_a_list_of_places_with_respectively_rates(blank, assembler):
    doc = annotate(blank, "[Wuhan]{LOCATION}'s [imports and exports]{FLOW} reached "
                          "[350.2 billion yuan]{MONEY} in [2022]{PERIOD}. [Xiangyang]{LOCATION} and "
                          "[Yichang]{LOCATION} followed with [34.06 billion yuan]{MONEY} and "
                          "[29.85 billion yuan]{MONEY}, growing [41.2%]{PERCENT} and [36.5%]{PERCENT} "
                          "respectively.")
    links = [("imports and exports", "350.2 billion yuan", "VALUE"),
             ("imports and exports", "2022", "PERIOD"), ("imports and exports", "Wuhan", "LOCATION")]
    facts = TradeFactAssembler(blank)(_published(link(doc, links)))._.trade_facts
    assert [(f.location, f.value, f.growth_pct) for f in facts[1:]] == [
        ("Xiangyang", Decimal("34060000000"), 41.2), ("Yichang", Decimal("29850000000"), 36.5)]


@pytest.mark.parametrize("amounts", [
    "[34.06]{MONEY} and [29.85 billion yuan]{MONEY}",
    "[34.06 billion yuan]{MONEY} and [29.85 billion yuan]{MONEY}"], ids=["shared-unit", "units"])
def test_a_list_of_places_with_coordinated_amounts(blank, assembler, amounts):
    # no "respectively": amounts joined by "and" pair with the names before them
    doc = annotate(blank, "[Wuhan]{LOCATION}'s [imports and exports]{FLOW} reached "
                          "[350.2 billion yuan]{MONEY} in [2022]{PERIOD}. [Xiangyang]{LOCATION} and "
                          "[Yichang]{LOCATION} came next with " + amounts + ".")
    links = [("imports and exports", "350.2 billion yuan", "VALUE"),
             ("imports and exports", "2022", "PERIOD"), ("imports and exports", "Wuhan", "LOCATION")]
    facts = TradeFactAssembler(blank)(_published(link(doc, links)))._.trade_facts
    assert [(f.location, f.value) for f in facts[1:]] == [
        ("Xiangyang", Decimal("34060000000")), ("Yichang", Decimal("29850000000"))]


def _published(doc):
    doc._.published = "2023-01-20"
    return doc


@pytest.mark.parametrize("second", [
    # something other than trade
    "[Japan]{PARTNER} invested [$0.92 billion]{MONEY} in new plants.",
    # a forecast
    "[Japan]{PARTNER} is expected to take [$0.92 billion]{MONEY} next year.",
    # a price
    "[Japan]{PARTNER} paid [$92]{MONEY} per tonne.",
    # nothing of its own: the same fact said again, or something else
    "The total was [$0.92 billion]{MONEY}.",
    # a trade-mode breakdown
    "Of this, general trade with [Japan]{PARTNER} came to [$0.92 billion]{MONEY}.",
    # a rate without a direction word
    "[Japan]{PARTNER} levies a [9%]{PERCENT} duty.",
])
def test_amounts_that_do_not_continue_a_fact(blank, assembler, second):
    doc = annotate(blank, LEAD + second)
    assert len(rows(assembler, doc)) == 1


def test_only_adjacent_sentences_continue_a_fact(blank, assembler):
    doc = annotate(blank, LEAD + "The port handled more ships. Its berths were dredged. "
                                 "[Japan]{PARTNER} ranked next at [$0.92 billion]{MONEY}.")
    assert len(rows(assembler, doc)) == 1
    doc = annotate(blank, LEAD + "The port handled more ships.\n\nTOP MARKETS\n\n"
                                 "[Japan]{PARTNER} ranked next at [$0.92 billion]{MONEY}.")
    assert len(rows(assembler, doc)) == 1
    doc = annotate(blank, LEAD + "\n\nTOP MARKETS\n\n[Japan]{PARTNER} ranked next at "
                                 "[$0.92 billion]{MONEY}.")
    assert len(rows(assembler, doc)) == 2


def test_a_bare_rate_after_a_growth_takes_its_verb(blank, assembler):
    doc = annotate(blank, "[Exports]{FLOW} to [Taiwan]{PARTNER} fell [7.1%]{PERCENT}, to "
                          "[Vietnam]{PARTNER} [5.2%]{PERCENT}.")
    links = [("Exports", "Taiwan", "PARTNER"), ("Exports", "7.1%", "GROWTH")]
    assert [(r[1], r[5]) for r in rows(assembler, doc, links)] == [("Taiwan", -7.1),
                                                                   ("Vietnam", -5.2)]


def test_an_untagged_next_item_of_a_product_list_is_a_product(blank, assembler):
    doc = annotate(blank, "[Electronic products]{PRODUCT} led [imports]{FLOW} at [$2.31 billion]{MONEY} in "
                          "[November 2022]{PERIOD}. [Mineral fuels]{PRODUCT} came next at [$1.95 billion]{MONEY}, "
                          "followed by transport equipment at [$1.12 billion]{MONEY}.")
    links = [("imports", "Electronic products", "PRODUCT"), ("imports", "$2.31 billion", "VALUE"),
             ("imports", "November 2022", "PERIOD")]
    assert [r[2] for r in rows(assembler, doc, links)] == ["electronic products", "mineral fuels",
                                                           "transport equipment"]
    # a partner list does not turn words into products
    doc = annotate(blank, LEAD + "[Japan]{PARTNER} ranked next at [$0.92 billion]{MONEY}, followed by "
                                 "the rest at [$0.87 billion]{MONEY}.")
    assert [r[2] for r in rows(assembler, doc)] == [None, None]


def test_periods_listed_respectively_go_one_to_each_amount(blank, assembler):
    lead = ("[Hebei]{LOCATION}'s [foreign trade]{FLOW} reached [600 billion yuan]{MONEY} in "
            "[2024]{PERIOD}. ")
    links = [("foreign trade", "600 billion yuan", "VALUE"), ("foreign trade", "2024", "PERIOD")]
    doc = annotate(blank, lead + "[Q1]{PERIOD}, [Q2]{PERIOD} and [Q3]{PERIOD} came in at "
                                 "[141.25]{MONEY}, [148.93]{MONEY} and [153.30 billion yuan]{MONEY} "
                                 "respectively, up [0.6%]{PERCENT}, [2.8%]{PERCENT} and [4.5%]{PERCENT}.")
    assert rows(assembler, doc, links)[1:] == [
        ("total", None, None, "2024-Q1", Decimal("141250000000"), 0.6),
        ("total", None, None, "2024-Q2", Decimal("148930000000"), 2.8),
        ("total", None, None, "2024-Q3", Decimal("153300000000"), 4.5)]
    # two periods for three amounts: no pairing is sure, the first amount keeps its own reading
    doc = annotate(blank, lead + "[Q1]{PERIOD} and [Q2]{PERIOD} came in at [141.25]{MONEY}, "
                                 "[148.93]{MONEY} and [153.30 billion yuan]{MONEY} respectively.")
    assert [r[3] for r in rows(assembler, doc, links)[1:]] == ["2024-Q1"]


@pytest.mark.parametrize("items,expected", [
    ("Of these, [integrated circuits]{PRODUCT} increased [25.6%]{PERCENT} to [$54.2 billion]{MONEY}; "
     "[automobiles]{PRODUCT} grew [22.2%]{PERCENT} to [$41.6 billion]{MONEY}.",
     [("integrated circuits", Decimal("54200000000"), 25.6),
      ("automobiles", Decimal("41600000000"), 22.2)]),
    # a signed rate in brackets is the change to the amount after it
    ("Declines were seen in [petroleum products]{PRODUCT} ([-7.3 per cent]{PERCENT} to "
     "[$9.9 billion]{MONEY}) and [crude petroleum]{PRODUCT} ([-26.3 per cent]{PERCENT} to "
     "[$2.4 billion]{MONEY}).",
     [("petroleum products", Decimal("9900000000"), -7.3),
      ("crude petroleum", Decimal("2400000000"), -26.3)]),
], ids=["rose-to", "bracketed"])
def test_a_rate_written_before_its_item_s_amount_is_that_item_s(blank, assembler, items, expected):
    doc = annotate(blank, LEAD + items)
    assert [(p, v, g) for _, _, p, _, v, g in rows(assembler, doc)[1:]] == expected


def test_quarters_listed_after_a_part_continue_the_year_s_total(blank, assembler):
    doc = annotate(blank, "[Hebei]{LOCATION}'s [foreign trade]{FLOW} reached [600 billion yuan]{MONEY} "
                          "in [2024]{PERIOD}. Of the total, [exports]{FLOW} were [350 billion yuan]{MONEY}. "
                          "[Q1]{PERIOD}, [Q2]{PERIOD} and [Q3]{PERIOD} came in at [141.25]{MONEY}, "
                          "[148.93]{MONEY} and [153.30 billion yuan]{MONEY} respectively.")
    links = [("foreign trade", "600 billion yuan", "VALUE"), ("foreign trade", "2024", "PERIOD"),
             ("exports", "350 billion yuan", "VALUE")]
    assert [(r[0], r[3]) for r in rows(assembler, doc, links)[2:]] == [
        ("total", "2024-Q1"), ("total", "2024-Q2"), ("total", "2024-Q3")]
