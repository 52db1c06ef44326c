"""What "the port", "the district", "the county" and "its" stand for."""
import pytest

from tradeie.pipeline.anaphora import antecedent, designated_names
from tradeie.pipeline.context import build_context
from tradeie.pipeline.docindex import indexed

from .conftest import annotate


def resolve(blank, marked, anaphor, nth=0):
    doc = annotate(blank, marked)
    with indexed(doc):
        ctx = build_context(doc)
        spans = [e for e in doc.ents if e.text == anaphor]
        span = spans[nth]
        return antecedent(doc, span, ctx.paragraph_of(span.start_char)[0])


def test_the_district_is_the_customs_district_the_ner_missed(blank):
    marked = ("GUANGZHOU -- Foreign trade through Gongbei Customs district, which covers "
              "[Zhuhai]{LOCATION} and [Zhongshan]{LOCATION}, rose 27%.\n\n"
              "[The district]{LOCATION}'s exports grew 30%.")
    assert resolve(blank, marked, "The district") == "Gongbei Customs district"


def test_the_port_is_the_last_port_named_not_a_bonded_area(blank):
    marked = ("Trade through [Qinzhou]{LOCATION} Port rose. Of the total, the Qinzhou Bonded Port "
              "Area contributed 51 billion yuan.\n\n[The port]{LOCATION}'s exports grew.")
    assert resolve(blank, marked, "The port") == "Qinzhou Port"


@pytest.mark.parametrize("marked,expected", [
    ("[Xi'an]{LOCATION}, capital of [Shaanxi Province]{LOCATION}, saw [its]{LOCATION} trade rise.",
     "Xi'an"),
    ("[Kunming]{LOCATION}, the provincial capital, saw [its]{LOCATION} trade rise.", "Kunming"),
    ("[Kunming]{LOCATION} grew. Exports fell and [its]{LOCATION} imports rose.", None),
], ids=["appositive-is-no-owner", "subject", "only-its-own-sentence"])
def test_its_is_the_owner_named_in_its_sentence(blank, marked, expected):
    assert resolve(blank, marked, "its") == expected


@pytest.mark.parametrize("marked,expected", [
    ("[Jiangsu]{LOCATION}'s exports rose. In [Wuxi]{LOCATION} alone, exports reached 268.9 billion "
     "yuan. [Its]{LOCATION} shipments of modules doubled.", "Wuxi"),
    ("[Hefei]{LOCATION}, the provincial capital, contributed 47.5% of the total.\n\n"
     "[Its]{LOCATION} exports of laptops came to 61.2 billion yuan.", "Hefei"),
    ("Exports to [Germany]{PARTNER} rose, [Anhui]{LOCATION} Customs said. [Its]{LOCATION} "
     "imports fell.", None),
    ("[Wuxi]{LOCATION}'s exports rose. Trade slowed in the second half of the year, which "
     "weighed on every city. [Its]{LOCATION} imports fell.", None),
], ids=["topic-of-the-sentence-before", "after-a-blank-line", "source-and-partner-are-no-owner",
        "only-the-sentence-just-before"])
def test_its_opening_a_sentence_is_the_owner_of_the_sentence_before(blank, marked, expected):
    assert resolve(blank, marked, "Its") == expected


def test_the_city_takes_the_city_named_last_in_its_paragraph(blank):
    marked = ("[Zhuhai]{LOCATION} trade rose 20%.\n\n[Zhongshan]{LOCATION} posted 148 billion yuan, "
              "the best half-year on record for [the city]{LOCATION}.\n\n"
              "Exports of [the city]{LOCATION} grew.")
    assert resolve(blank, marked, "the city") == "Zhongshan"
    assert resolve(blank, marked, "the city", nth=1) is None  # the article's place decides


def test_designated_names_the_ner_missed_are_named_places(blank):
    doc = annotate(blank, "Exports of Deqing County rose; China Customs said trade through the "
                          "Port of El Paso grew.")
    with indexed(doc):
        names = [(name, kind) for _, _, name, kind in designated_names(doc)]
    assert names == [("Deqing", "county"), ("El Paso Port", "port")]


def test_the_district_in_a_page_whose_headline_names_it(blank):
    marked = ("Huangpu Customs district: foreign trade up 4.3%\n\n[Guangzhou]{LOCATION}, June 14 -- "
              "Foreign trade declared through Huangpu Customs district rose 4.3%. In May, "
              "[the district]{LOCATION}'s exports grew 9%. [Guangzhou]{LOCATION} Customs said so.")
    doc = annotate(blank, marked)
    with indexed(doc):
        assert build_context(doc).place == "Huangpu Customs district"


def test_a_currency_names_no_country(blank):
    marked = ("[China]{LOCATION}'s exports of the new three reached 1.06 trillion yuan (about 150 "
              "billion U.S. dollars), 4.5% of [the country]{LOCATION}'s total.")
    assert resolve(blank, marked, "the country") == "China"


def test_designated_zone_keeps_its_noun_and_a_tagged_part_is_no_second_name(blank):
    doc = annotate(blank, "The Nanhai Comprehensive Bonded Zone handled more. The "
                          "[Chengdu]{LOCATION} Hi-tech Free Trade Zone grew.")
    with indexed(doc):
        names = [name for _, _, name, _ in designated_names(doc)]
    # "The Chengdu Hi-tech Free Trade Zone" overlaps the tagged "Chengdu": no "The Chengdu Hi-tech"
    assert names == ["Nanhai Comprehensive Bonded Zone"]
