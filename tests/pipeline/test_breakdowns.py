"""A breakdown ("Of this, exports were ...") keeps the product and partner of its whole."""
from tradeie.facts import Evidence, TradeFact
from tradeie.pipeline.breakdowns import with_whole_subject

TEXT = ("Imports and exports of rare earths came to 7.35 billion yuan. Of this, exports were 2.48 "
        "billion yuan. Trade with ASEAN rose. Of these, exports were 1 billion yuan.")


def fact(sentence, flow, product=None, partner=None):
    start = TEXT.index(sentence)
    return TradeFact(location="Jiangxi", flow=flow, partner=partner, product=product,
                     period="2023", value=None, currency=None, growth_pct=None, share_pct=None,
                     evidence=Evidence(start, start + len(sentence), sentence), confidence=0.9,
                     doc=None)


def test_of_this_takes_the_product_of_the_sentence_before():
    whole = fact("Imports and exports of rare earths came to 7.35 billion yuan.", "total",
                 product="rare earths")
    part = fact("Of this, exports were 2.48 billion yuan.", "export")
    [(_, _), (done, _)] = with_whole_subject([(whole, None), (part, None)])
    assert (done.product, done.partner) == ("rare earths", None)


def test_a_breakdown_of_a_whole_with_no_subject_or_far_away_stays():
    far_whole = fact("Imports and exports of rare earths came to 7.35 billion yuan.", "total",
                     product="rare earths")
    plain = fact("Trade with ASEAN rose.", "total")
    part = fact("Of these, exports were 1 billion yuan.", "export")
    pairs = with_whole_subject([(far_whole, None), (plain, None), (part, None)])
    assert pairs[2][0].product is None
