"""The sector of a sector article is the product of its figures that name none."""
from tradeie.facts import Evidence, TradeFact
from tradeie.pipeline.docindex import indexed
from tradeie.pipeline.sectors import sector_product, with_sector

from .conftest import annotate

WATCH = ("Swiss [watch]{PRODUCT} [exports]{FLOW} slip 16.1% in March\n\nBIEL -- Swiss [watch]{PRODUCT} "
         "[exports]{FLOW} fell 16.1% in March. Shipments to Hong Kong sank 27.5%, while total "
         "exports of all goods rose.")


def fact(text, product=None):
    return TradeFact(location="Switzerland", flow="export", partner="Hong Kong", product=product,
                     period="2024-03", value=None, currency=None, growth_pct=-27.5, share_pct=None,
                     evidence=Evidence(0, len(text), text), confidence=0.9, doc=None)


def test_the_headline_and_lead_product_is_the_sector(blank):
    doc = annotate(blank, WATCH)
    with indexed(doc):
        assert sector_product(doc) == "watch"
        pairs = with_sector([(fact("Shipments to Hong Kong sank 27.5%"), None),
                             (fact("total exports of all goods rose"), None),
                             (fact("steel watches lost 19.3%", "steel watches"), None)], doc)
    assert [f.product for f, _ in pairs] == ["watch", None, "steel watches"]


def test_a_scope_or_a_product_only_in_the_headline_is_no_sector(blank):
    scope = annotate(blank, WATCH.replace("[watch]{PRODUCT}", "[non-oil]{PRODUCT}"))
    headline_only = annotate(blank, WATCH.replace("BIEL -- Swiss [watch]{PRODUCT} [exports]{FLOW}",
                                                  "BIEL -- Swiss [exports]{FLOW}"))
    for doc in (scope, headline_only):
        with indexed(doc):
            assert sector_product(doc) is None
