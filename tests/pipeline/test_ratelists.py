"""Rates listed apart from their figures (``pipeline.ratelists``)."""
import pytest

from tradeie.pipeline.facts import TradeFactAssembler

from .conftest import annotate, link

AMOUNTS = ("[Shanxi]{LOCATION} trade in 2023\n\nBy quarter, [Shanxi]{LOCATION}'s "
           "[import and export]{FLOW} in [Q1]{PERIOD}, [Q2]{PERIOD} and [Q3]{PERIOD} of 2023 was "
           "[41.26]{MONEY}, [44.87]{MONEY} and [40.95 billion yuan]{MONEY} respectively.")
LINKS = [("import and export", v, "VALUE") for v in ("41.26", "44.87", "40.95 billion yuan")]


def rates(blank, marked, links=LINKS):
    doc = annotate(blank, marked)
    link(doc, links)
    doc._.published = "2024-01-20"
    return [f.growth_pct for f in TradeFactAssembler(blank)(doc)._.trade_facts]


@pytest.mark.parametrize("second,expected", [
    (" The year-on-year changes were [-15.3%]{PERCENT}, [-8.2%]{PERCENT} and [-12.4%]{PERCENT}.",
     [-15.3, -8.2, -12.4]),
    (" The respective decreases were [15.3%]{PERCENT}, [8.2%]{PERCENT} and [12.4%]{PERCENT}.",
     [-15.3, -8.2, -12.4]),
    # nothing points back: the rates are not the list's
    (" Private firms grew [15.3%]{PERCENT}, [8.2%]{PERCENT} and [12.4%]{PERCENT}.",
     [None, None, None]),
    # two rates for three figures
    (" The year-on-year changes were [-15.3%]{PERCENT} and [-8.2%]{PERCENT}.", [None, None, None]),
], ids=["changes", "respective-decreases", "no-pointer", "too-few"])
def test_a_rate_list_in_the_next_sentence(blank, second, expected):
    assert rates(blank, AMOUNTS + second) == expected


def test_a_rate_list_after_a_semicolon(blank):
    marked = ("In [2018]{PERIOD}, [Korea]{LOCATION} [imported]{FLOW} [crude oil]{PRODUCT} worth "
              "[$80.39 billion]{MONEY}, [natural gas]{PRODUCT} [$23.19 billion]{MONEY} and "
              "[coal]{PRODUCT} [$17.31 billion]{MONEY}; the respective increases were "
              "[34.7 percent]{PERCENT}, [47.2 percent]{PERCENT} and [11.6 percent]{PERCENT}.")
    links = [("imported", v, "VALUE") for v in ("$80.39 billion", "$23.19 billion", "$17.31 billion")]
    links += [("imported", p, "PRODUCT") for p in ("crude oil", "natural gas", "coal")]
    assert rates(blank, marked, links) == [34.7, 47.2, 11.6]


def test_rates_listed_respectively_after_the_figures_go_one_to_each(blank):
    # the model gave the first rate to the nearer flow; the words give one rate to each figure,
    # and the deficit after the list keeps none
    marked = ("In [the first four months]{PERIOD}, [Yunnan]{LOCATION}'s [exports]{FLOW} were "
              "[49.6 billion yuan]{MONEY} and [imports]{FLOW} [51.6 billion yuan]{MONEY}, up "
              "[18.9 percent]{PERCENT} and [3.7 percent]{PERCENT} respectively, resulting in a "
              "[trade deficit]{FLOW} of [2.0 billion yuan]{MONEY}.")
    links = [("exports", "49.6 billion yuan", "VALUE"), ("imports", "51.6 billion yuan", "VALUE"),
             ("imports", "18.9 percent", "GROWTH"), ("trade deficit", "2.0 billion yuan", "VALUE")]
    assert rates(blank, marked, links) == [18.9, 3.7, None]


@pytest.mark.parametrize("second,share", [
    (" That was roughly [15.3 percent]{PERCENT} of [Zhejiang]{LOCATION}'s total.", 15.3),
    (" The figure accounted for [15.3 percent]{PERCENT} of the province's total.", 15.3),
    # a change against another year is no share
    (" That was [31.2 percent]{PERCENT} above the level of 2019.", None),
], ids=["that-was", "the-figure", "above"])
def test_a_share_stated_of_the_figure_before_is_that_figure_s(blank, second, share):
    from tradeie.pipeline.facts import TradeFactAssembler

    doc = annotate(blank, "[Hangzhou]{LOCATION}'s [two-way trade]{FLOW} came in at [563.7 billion yuan]"
                          "{MONEY} in [2023]{PERIOD}." + second)
    link(doc, [("two-way trade", "563.7 billion yuan", "VALUE")])
    doc._.published = "2024-01-20"
    [fact] = TradeFactAssembler(blank)(doc)._.trade_facts
    assert fact.share_pct == share
