"""The document context: which place reports, which year it is."""
import pytest

from tradeie.pipeline.context import build_context, section_places
from tradeie.pipeline.docindex import indexed

from .conftest import annotate


def place_of(blank, marked):
    doc = annotate(blank, marked)
    with indexed(doc):
        return build_context(doc).place


@pytest.mark.parametrize("marked,place", [
    ("HANOI — [Viet Nam]{LOCATION}'s [exports]{FLOW} to [China]{LOCATION} rose. [Imports]{FLOW} "
     "from [China]{LOCATION} fell. Trade with [China]{PARTNER} shrank.", "Vietnam"),
    ("[Yiwu]{LOCATION} saw [its]{LOCATION} trade grow. The figure made up 10.6 percent of "
     "[Zhejiang]{LOCATION}'s total. [Zhejiang]{LOCATION} Customs said so.", "Yiwu"),
    ("SEOUL, June 1 -- [South Korea]{LOCATION}'s [exports]{FLOW} fell, data from Seoul showed.",
     "South Korea"),
    ("[Zhejiang]{LOCATION} posted [foreign trade]{FLOW} of 925.6 billion yuan, "
     "[Hangzhou]{LOCATION} Customs said. [Hangzhou]{LOCATION} Customs added that exports rose.",
     "Zhejiang"),
    ("Trade through [Qinzhou]{LOCATION} Port rose. [The port]{LOCATION}'s [exports]{FLOW} grew, "
     "[Qinzhou]{LOCATION} Port Customs said.", "Qinzhou Port"),
    ("SHANGHAI -- Foreign trade of the Yangtze River Delta, [China]{LOCATION}'s biggest cluster, "
     "rose. [Zhejiang]{LOCATION} grew.", "Yangtze River Delta"),
    ("[Bac Ninh]{LOCATION} stays among [Vietnam]{LOCATION}'s top exporters\n\nExport turnover "
     "of [Bac Ninh province]{LOCATION} reached $46 billion.", "Bac Ninh"),
    ("[Zhengzhou]{LOCATION} trade\n\nTrade of [Zhengzhou]{LOCATION} rose 5%, accounting for 61% "
     "of the total import and export of [Henan]{LOCATION} province.", "Zhengzhou"),
    ("Foreign Trade Statistics, December 2021\n\n[Manufacturing]{LOCATION} accounted for 94.1% "
     "of exports\n\nExports rose 31.3%. The share of manufacturing products in [Turkey]{LOCATION}'s "
     "exports was 94.1%.", "Turkey"),
    ("Press conference\n\nHost: Hu [Kai]{LOCATION}\n\nHu [Kai]{LOCATION}:\nWelcome. "
     "[China]{LOCATION}'s trade rose.", "China"),
    ("MANZHOULI, [Inner Mongolia]{LOCATION}, April 18, 2024 -- Goods worth 17.83 billion yuan "
     "crossed [Manzhouli Port]{LOCATION}. The busiest land crossing on [China]{LOCATION}'s "
     "northern frontier saw [its]{LOCATION} exports leap.", "Manzhouli Port"),
], ids=["partner-country-as-location", "share-base", "dateline", "customs-source", "port",
        "trade-of-the-region", "exporters-are-no-trade", "share-of-the-trade-of",
        "a-sector-word-is-no-place", "a-speaker-is-no-place", "dateline-province-and-where-a-port-lies"])
def test_the_reporting_place_is_the_owner_of_the_trade(blank, marked, place):
    assert place_of(blank, marked) == place


@pytest.mark.parametrize("marked,place", [
    ("[Saudi]{LOCATION} exports climb\n\nRIYADH, May 26 -- [Saudi Arabia]{PARTNER}'s exports "
     "grew 10.7%. Exports to [China]{PARTNER} rose.", "Saudi Arabia"),
    # a headline in the present tense, a dateline city the NER left untagged
    ("[Mexico]{PARTNER} registers trade deficit in August\n\nMEXICO CITY, 27 September 2023 -- "
     "The trade balance showed a deficit of 1,379 million dollars.", "Mexico"),
    # "goods trade" written right after the name, with no "'s"
    ("[Hong Kong SAR]{PARTNER} goods trade, October 2019: exports down\n\nTotal exports of goods "
     "from the SAR contracted 9.2%. Exports to [the mainland]{PARTNER} and [Vietnam]{PARTNER} fell.",
     "Hong Kong"),
], ids=["possessive", "present-tense-headline", "goods-trade-after-the-name"])
def test_an_owner_the_ner_called_partner_still_reports(blank, marked, place):
    assert place_of(blank, marked) == place


@pytest.mark.parametrize("marked,place", [
    # the zone is named as an owner twice, the province once; "the province" owns the rest
    ("NANNING, March 3 -- [Guangxi]{LOCATION} is on the mend.\n\nIn the first two months, "
     "[the province]{LOCATION}'s imports and exports rose 3.1 percent.\n\n[The province]"
     "{LOCATION}'s exports grew faster.\n\nThe [Qinzhou Bonded Zone]{LOCATION} posted "
     "trade of 4 billion yuan, and the [Qinzhou Bonded Zone]{LOCATION} exported more.",
     "Guangxi"),
    # "the region" is the economic region the headline names, not the province named most
    ("Yangtze River Delta trade picks up\n\nForeign trade of the Yangtze River Delta rose 4 "
     "percent.\n\n[The region]{LOCATION}'s exports grew faster.\n\n[Jiangsu]{LOCATION} "
     "reported trade of 2.7 trillion yuan, and [Jiangsu]{LOCATION}'s imports fell.",
     "Yangtze River Delta"),
], ids=["the-province-owns-the-trade", "the-region-is-the-economic-region"])
def test_an_anaphor_owning_the_trade_votes_for_its_place(blank, marked, place):
    assert place_of(blank, marked) == place


@pytest.mark.parametrize("marked,place", [
    # the NER tagged only "China", and once as a partner
    ("Foreign trade of the six provinces of central China, January-June\n\nIn the first half, "
     "foreign trade of the six provinces in central [China]{PARTNER} grew 20 percent. [The "
     "region]{LOCATION}'s exports rose.\n\n[Henan]{LOCATION} and [Hunan]{LOCATION} led, and "
     "[Hunan]{LOCATION} grew fastest.", "Central China"),
    # before a province it says where the province lies
    ("[Hubei]{LOCATION} trade rises\n\nWUHAN, July 12 -- central China's [Hubei]{LOCATION} "
     "Province saw [its]{LOCATION} foreign trade rise. Trade in central China grew less.",
     "Hubei"),
], ids=["a-compass-region-reports", "a-compass-region-locates-a-province"])
def test_a_compass_region_reports_unless_it_locates_a_province(blank, marked, place):
    assert place_of(blank, marked) == place


def test_a_place_and_date_between_bars_is_a_dateline(blank):
    # a press conference's page: the capital where it was held, then the country's figures
    marked = ("Press conference on the economy\n[Beijing]{LOCATION} | April 17, 2019 | Font: L M S\n"
              "\nOfficials said [China]{LOCATION} grew faster in the first quarter.")
    assert place_of(blank, marked) == "China"


def test_the_first_of_a_hyphenated_pair_of_places_reports(blank):
    marked = ("Trade data\n\nThe briefing was held in [Beijing]{LOCATION}. Customs data show "
              "that [China-U.S.]{LOCATION} trade came to 818.2 billion yuan, and "
              "[China-U.S.]{LOCATION} trade in goods fell.")
    assert place_of(blank, marked) == "China"


def test_a_port_named_before_its_city_is_the_port(blank):
    from tradeie.pipeline.slots import place_name

    doc = annotate(blank, "Port [Laredo]{LOCATION} handled $319.5 billion of trade. [Laredo]{LOCATION} "
                          "grew. Trade through the Port of [El Paso]{LOCATION} rose.")
    with indexed(doc):
        ctx = build_context(doc)
        assert [place_name(e, ctx) for e in doc.ents] == ["Laredo Port", "Laredo", "El Paso Port"]


def test_a_figure_of_a_compass_region_is_the_region_s(blank):
    from tradeie.pipeline.slots import place_name

    doc = annotate(blank, "Trade in western [China]{LOCATION} rose.")
    with indexed(doc):
        assert place_name(doc.ents[0], build_context(doc)) == "Western China"


def test_at_equal_votes_a_gazetteer_place_outranks_a_name_only_the_ner_knows(blank):
    # a heading word tagged as a place, level with the country named once after it
    marked = ("[Highlights]{LOCATION} of the quarter\n\n[Uzbekistan]{LOCATION} in figures")
    assert place_of(blank, marked) == "Uzbekistan"


def test_a_common_noun_tagged_as_a_place_is_a_slip_in_its_other_number(blank):
    from tradeie.pipeline.places import doubtful_names

    doc = annotate(blank, "[Textiles]{LOCATION} led the list. Each textile maker in [Zhejiang]"
                          "{LOCATION} shipped more.")
    with indexed(doc):
        assert doubtful_names(doc) == {"Textiles"}


def test_an_anaphor_only_describing_a_place_does_not_vote(blank):
    # "the region's gateway" says where the port is, not whose the trade is
    marked = ("Erenhot trade\n\n[Erenhot]{LOCATION} posted trade of 9.6 billion yuan. [Erenhot]"
              "{LOCATION}, [the region]{LOCATION}'s gateway to [Mongolia]{PARTNER}, grew.\n\n"
              "[Inner Mongolia]{LOCATION}, [the region]{LOCATION}'s heart, is large. [Inner "
              "Mongolia]{LOCATION} posted trade of 67.5 billion yuan.")
    assert place_of(blank, marked) == "Erenhot"


def test_a_designator_the_ner_tagged_alone_takes_the_name_before_it(blank):
    marked = ("Huangpu [Customs district]{LOCATION}: foreign trade up 4.3%\n\nGUANGZHOU -- Trade "
              "through [Huangpu Customs district]{LOCATION} rose. [Guangzhou]{LOCATION} grew too.")
    doc = annotate(blank, marked)
    from tradeie.pipeline.places import extend_zone_names

    with indexed(doc):
        extend_zone_names(doc)
    with indexed(doc):
        assert build_context(doc).place == "Huangpu Customs district"
    assert [e.text for e in doc.ents][:1] == ["Huangpu Customs district"]


def test_a_town_in_a_person_s_name_is_no_gazetteer_mention(blank):
    from tradeie.pipeline.places import gazetteer_mentions

    def found(text):
        doc = blank(text)
        with indexed(doc):
            return [place.name for _, _, place in gazetteer_mentions(doc)]

    # "Van" is a Turkish city; after a title it is a Vietnamese middle name
    assert found("The questions were answered by Deputy Minister Le Van Khanh.") == []
    assert found("Exports from Van rose.") == ["Van"]


@pytest.mark.parametrize("marked", [
    # a speaker's label and a name after a title hold no place, whatever the NER tagged
    "Rice exports: the ministry's answers\n\nHANOI -- Deputy Minister Le [Van]{LOCATION} Khanh "
    "answered.\n\nLE [VAN]{LOCATION} KHANH: [Vietnam]{LOCATION} sold more rice. India and India again.",
    # "Vietnam exported": the owner of the trade, against a rival named twice
    "Rice exports hit record\n\nHANOI -- The ministry held its press conference.\n\nIn 2024 "
    "[Vietnam]{LOCATION} exported 9.18 million tonnes, ranking third after India and Thailand. "
    "[Vietnam]{PARTNER} rice was sold in Africa. Since India lifted its curbs, prices fell.",
], ids=["speaker-and-title", "exported"])
def test_a_person_is_no_place_and_a_subject_that_exports_owns_the_trade(blank, marked):
    assert place_of(blank, marked) == "Vietnam"


@pytest.mark.parametrize("text,expected", [
    ("Roundup: coastal provinces\n\nChina's trade rose.\n\nGUANGDONG: LARGEST, BUT SLOWEST\n\n"
     "The province's exports rose.\n\nZhejiang\n\nExports climbed.", ["Guangdong", "Zhejiang"]),
    # a sentence, a bloc, a headline and a line with figures are no section heads
    ("Zhejiang\n\nExports to ASEAN rose.\n\nASEAN\n\nThe province grew.\n\nShandong: up 5%\n\n"
     "Shandong grew fast.", []),
])
def test_lines_that_name_only_a_place_head_sections(text, expected):
    assert [name for _, name in section_places(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("ROUNDUP-Asia trade\n\nHighlights:\n\nTAIWAN -- Exports rose 2.3%.\n\nNT dollar exports "
     "rose 10%.\n\nSOUTH KOREA -- Exports rose 8%.", ["Taiwan", "South Korea"]),
    # one such line is a dateline, not a round-up
    ("Rice exports hit record\n\nHANOI -- The ministry held its press conference.\n\nExports "
     "rose.", []),
], ids=["round-up", "dateline"])
def test_the_items_of_a_wire_round_up_head_sections(text, expected):
    assert [name for _, name in section_places(text)] == expected


def test_a_possessive_last_year_in_the_headline_is_no_review_of_last_year(blank):
    import datetime as dt

    def year(marked):
        doc = annotate(blank, marked)
        with indexed(doc):
            return build_context(doc, dt.date(2022, 12, 16)).year

    assert year("Trade keeps rising, volume already beats [last year]{PERIOD}'s total\n\nIn "
                "[the first 11 months]{PERIOD} trade rose.") == 2022
    assert year("Port posted a record surplus [last year]{PERIOD}\n\nTrade rose.") == 2021


@pytest.mark.parametrize("marked,base", [
    ("Exports were 3.2 times of [last year]{PERIOD}.", True),
    ("Exports rose 62.1% from [2019]{PERIOD}.", True),
    ("Exports rose 8% in [2021]{PERIOD}.", False),
    ("From [January to November]{PERIOD}, exports rose.", False),
    ("The deficit narrowed from a record $418.2 billion in [2018]{PERIOD}.", True),
    ("The surplus was $12.2bn, down $431m on [September]{PERIOD}.", True),
    ("Shipments from Japan to China jumped 43.8% in [2024]{PERIOD}.", False),
    ("Statistical Bulletin of Dalian on the [2023]{PERIOD} Economic Development", False),
    # a figure of another period, named as a noun
    ("Exports shrank 7.5%, reversing an 8.5% rise in [April]{PERIOD}.", True),
    ("Imports fell 11.7%, after a decrease of 16.3% in [May]{PERIOD}.", True),
    ("The deficit was nearly three times the $9.61 billion recorded in [June 2021]{PERIOD}.", True),
    ("Exports were 5.47 percent more than in July but 21.21 percent below [August 2022]{PERIOD}.",
     True),
    ("Exports rose 8.2 percent, topping the previous peak set in [2022]{PERIOD}.", True),
    ("The surplus swung from a deficit of $10.3 billion in [2023]{PERIOD}.", True),
    ("• Trade deficit: $52.2bn ([2022]{PERIOD}: $58.3bn)", True),
    ("Trade came to US$5.27 billion, roughly 30 times the [1992]{PERIOD} level.", True),
    ("Exports grew 14.0% more than in the coronavirus year [2020]{PERIOD}.", True),
    ("Exports were 3% below the record year of [2022]{PERIOD}.", True),
    ("Exports fell in the year [2023]{PERIOD}.", False),
    # the same words without a figure of their own
    ("After [the first quarter]{PERIOD}, exports rose 4%.", False),
    ("Exports hit a record high in [2024]{PERIOD}.", False),
    ("Exports stayed above $10 billion in [2024]{PERIOD}.", False),
])
def test_comparison_bases(blank, marked, base):
    from tradeie.pipeline.context import is_comparison_base

    doc = annotate(blank, marked)
    with indexed(doc):
        assert is_comparison_base(doc.ents[0]) is base


@pytest.mark.parametrize("marked,place", [
    ("[Yangtze River Delta]{LOCATION} trade gathers pace\n\n[Foreign trade]{FLOW} of "
     "[the Yangtze River Delta]{LOCATION} rose, while [China]{LOCATION}'s grew faster.",
     "Yangtze River Delta"),
    ("Trade through the [Huangpu Customs district]{LOCATION} rose. [The district]{LOCATION}'s "
     "[exports]{FLOW} to [Africa]{PARTNER} grew.", "Huangpu Customs district"),
], ids=["region", "customs-district"])
def test_a_place_the_gazetteer_lacks_can_report(blank, marked, place):
    assert place_of(blank, marked) == place


@pytest.mark.parametrize("marked", ["[the province]{LOCATION}", "[The City]{LOCATION}",
                                    "[ITS]{LOCATION}"])
def test_anaphors_are_no_unlisted_places(blank, marked):
    assert place_of(blank, f"{marked} saw [exports]{{FLOW}} rise in [Hunan]{{LOCATION}}.") == "Hunan"


def test_the_province_is_the_place_the_text_calls_a_province(blank):
    # the gazetteer knows Bac Ninh as a city; the text says it is a province
    doc = annotate(blank, "[Bac Ninh province]{LOCATION}'s [exports]{FLOW} fell, and [Vietnam]"
                          "{LOCATION}'s rose. [The province]{LOCATION} posted a surplus.")
    with indexed(doc):
        ctx = build_context(doc)
    assert ctx.place_for("the province") == "Bac Ninh"


def test_an_economic_region_the_ner_missed_is_found_in_the_text(blank):
    doc = annotate(blank, "Guangdong-Hong Kong-Macao Greater Bay Area trade hits record\n\n"
                          "[Exports]{FLOW} from the Greater Bay Area rose.")
    with indexed(doc):
        assert build_context(doc).place == "Guangdong-Hong Kong-Macao Greater Bay Area"


@pytest.mark.parametrize("period, unit, expected", [
    ("2023-03", "quarter", "2023-Q1"), ("2023-11", "half", "2023-H2"), ("2023-Q2", "half", "2023-H1"),
    ("2023-Q4", "year", "2023"), ("2023-05", "month", "2023-05"), ("2023-Q4", "month", None),
    ("2023", "quarter", None), ("2023-01..2023-09", "year", None), ("2023-01..2023-09", "period",
                                                                     "2023-01..2023-09"),
])
def test_the_quarter_of_a_monthly_release_is_the_quarter_holding_the_month(period, unit, expected):
    from tradeie.pipeline.context import containing
    assert containing(period, unit) == expected


def test_the_whole_year_of_a_december_release_is_that_year(blank):
    import datetime as dt

    from tradeie.pipeline.context import resolve_period

    doc = annotate(blank, "In [December 2022]{PERIOD} trade rose. In [the whole year]{PERIOD}, trade "
                          "reached 5.04 trillion yuan.")
    with indexed(doc):
        ctx = build_context(doc, dt.date(2023, 1, 20))
        assert resolve_period(doc.ents[1], ctx) == "2022"


@pytest.mark.parametrize("marked,period", [
    ("Record year\n\nHANOI, [January]{PERIOD} 3, 2023 -- Exports hit a record in [2022]{PERIOD}.",
     None),
    ("Record year\n\nAs of [October]{PERIOD} 15, trade this year had topped 31 billion yuan.",
     "2023-01..2023-10"),
    ("Monthly table\nMonth\tExports\n[July]{PERIOD}\t3,312.4\t13.9\n", "2023-07"),
], ids=["dateline-day", "year-to-a-day", "table-cell"])
def test_a_month_the_ner_took_from_a_date_is_a_day(blank, marked, period):
    import datetime as dt

    from tradeie.pipeline.context import resolve_period

    doc = annotate(blank, marked)
    with indexed(doc):
        ctx = build_context(doc, dt.date(2023, 11, 20))
        assert resolve_period(doc.ents[0], ctx) == period


def test_a_place_the_gazetteer_lacks_is_in_the_country_of_the_next(blank):
    doc = annotate(blank, "[Osaka Customs district]{LOCATION} deficit widens\n\n[Osaka Customs "
                          "district]{LOCATION}'s exports rose to ¥1,714.3 billion. Nationwide, "
                          "[Japan]{LOCATION}'s exports grew.")
    with indexed(doc):
        ctx = build_context(doc)
    assert (ctx.place, ctx.place_country) == ("Osaka Customs district", "JP")


def test_the_date_a_speech_was_delivered_is_no_statistics_period(blank):
    doc = annotate(blank, "Report on the Work of the Government\n\nDelivered at the Second Session of "
                          "the 14th Provincial People's Congress, Zhengzhou, [January 2024]{PERIOD}\n\n"
                          "I. Review of Our Work in [2023]{PERIOD}\n\n[The province]{LOCATION}'s "
                          "[foreign trade]{FLOW} totaled [811.8 billion yuan]{MONEY}.")
    with indexed(doc):
        assert build_context(doc, "2024-01-27").main_period == "2023"


@pytest.mark.parametrize("marked,place", [
    # a transcript's speaker label is no place
    ("Press conference on foreign trade\n\n[Speaker]{LOCATION}: Li Kuiwen, spokesman\n\n"
     "[Speaker]{LOCATION}:\n[China]{LOCATION}'s [exports]{FLOW} rose 5 percent.", "China"),
    # Deqing (GeoNames: under 100,000 people) is too small for the gazetteer fallback, but
    # "Deqing recorded ... import and export" names it as the owner; Huzhou Customs is a source
    ("Our county's foreign trade sets new record\n\nFigures compiled by [Huzhou]{LOCATION} "
     "Customs show that Deqing recorded [import and export]{FLOW} of 31.27 billion yuan. "
     "[Huzhou]{LOCATION} as a whole posted 152.36 billion yuan.", "Deqing"),
    # the headlines of other stories under "Related:" say nothing of this one
    ("Press conference on the national economy\n\nThe output of [China]{LOCATION} rose. "
     "[China]{LOCATION}-U.S. [trade]{FLOW} fell 9.3%.\n\nRelated:\n"
     "· [Guangdong]{LOCATION}'s [exports]{FLOW} climb 9.1% in first quarter\n"
     "· [Guangdong]{LOCATION}'s [imports]{FLOW} fall\n", "China"),
    # the NER missed "U.S." in the last sentence; the gazetteer finds it, but the document
    # trades with the United States everywhere the NER did tag it
    ("Ministry of Finance ([Taiwan]{PARTNER})\n\n[Exports]{FLOW} to [the United States]{PARTNER} "
     "rose 30.5% to US$7.60 billion. The U.S. share of [Taiwan]{LOCATION}'s exports rose.",
     "Taiwan"),
], ids=["transcript-label", "small-town-owner", "related-links", "partner-only-name"])
def test_mentions_that_do_not_name_the_reporter(blank, marked, place):
    assert place_of(blank, marked) == place


def _periods(blank, marked, published=None):
    from tradeie.pipeline.context import resolve_period

    doc = annotate(blank, marked)
    with indexed(doc):
        ctx = build_context(doc, published)
        return [resolve_period(e, ctx) for e in doc.ents if e.label_ == "PERIOD"]


@pytest.mark.parametrize("marked,periods", [
    # "as of" a day: the year to date, January to that month
    ("HOHHOT, Nov. 24 -- As of [November 20]{PERIOD}, trade through [Erenhot]{LOCATION} had "
     "topped 17.86 billion yuan [this year]{PERIOD}.", ["2020-01..2020-11", "2020"]),
    ("Up to [January 25]{PERIOD}, exports rose.", ["2020-01"]),
    # any other day is when something was said
    ("On [November 20]{PERIOD}, customs said exports rose.", [None]),
    ("Thursday, [03/10/2020]{PERIOD} 08:45\n\nExports rose.", [None]),
], ids=["as-of", "as-of-january", "a-day", "a-numeric-date"])
def test_days(blank, marked, periods):
    assert _periods(blank, marked, "2020-11-24") == periods


@pytest.mark.parametrize("marked,periods", [
    # the entity leaves out what makes the period fiscal
    ("Pakistan's deficit was $13.33 billion in [July-January 2023]{PERIOD}-24.",
     ["2023-07..2024-01"]),
    ("[Pakistan]{LOCATION}'s deficit narrowed in [the first seven months]{PERIOD} of the current "
     "fiscal year.", ["2023-07..2024-01"]),
    ("For [April-January]{PERIOD} of [2023-24]{PERIOD}, [India]{LOCATION}'s exports fell.",
     ["2023-04..2024-01", "2023-04..2024-01"]),
    ("In the [April-June]{PERIOD} quarter of [2022-23]{PERIOD}, [India]{LOCATION}'s exports rose.",
     ["2022-Q2", "2022-Q2"]),
], ids=["two-digit-tail", "of-the-current-fiscal-year", "month-range-of-a-fiscal-year",
        "quarter-of-a-fiscal-year"])
def test_fiscal_periods_the_entity_cut_short(blank, marked, periods):
    country = "India" if "India" in marked else "Pakistan"
    marked = marked.replace(f"{country}'s", f"[{country}]{{LOCATION}}'s") \
        if f"[{country}]" not in marked else marked
    assert _periods(blank, marked, "2024-02-14") == periods


def test_a_year_long_before_the_publication_is_not_the_text_s_year(blank):
    import datetime as dt

    doc = annotate(blank, "Brazil posts biggest June surplus since the series began in [1989]{PERIOD}"
                          "\n\nBrazil posted a trade surplus of $10.59 billion in [June]{PERIOD}.")
    with indexed(doc):
        ctx = build_context(doc, dt.date(2023, 7, 3))
    assert (ctx.year, ctx.main_period) == (2023, "2023-06")


@pytest.mark.parametrize("text,bare", [
    ("Karaganda Region", "Karaganda"), ("Deqing County", "Deqing"), ("Nanhu District", "Nanhu District"),
    ("Suzhou Industrial Park", "Suzhou Industrial Park"), ("Inner Mongolia", "Inner Mongolia"),
])
def test_unlisted_places_drop_the_administrative_word_the_schema_drops(text, bare):
    from tradeie.pipeline.places import bare_name

    assert bare_name(text) == bare


@pytest.mark.parametrize("marked,periods", [
    # the month falls in the fiscal period's second year
    ("[Pakistan]{LOCATION}'s deficit narrowed in [July-January 2023]{PERIOD}-24.\n\nIn "
     "[January]{PERIOD} alone, exports rose.", ["2023-07..2024-01", "2024-01"]),
    # ... or in its first
    ("[Pakistan]{LOCATION}'s deficit narrowed in [July-January 2023]{PERIOD}-24.\n\nIn "
     "[September]{PERIOD} alone, exports rose.", ["2023-07..2024-01", "2023-09"]),
    # a month with its year keeps it
    ("[Pakistan]{LOCATION}'s deficit narrowed in [July-January 2023]{PERIOD}-24.\n\nIn "
     "[January 2023]{PERIOD}, exports had fallen.", ["2023-07..2024-01", "2023-01"]),
], ids=["second-year", "first-year", "stated-year"])
def test_a_month_without_its_year_falls_inside_a_main_period_over_two_years(blank, marked, periods):
    assert _periods(blank, marked, "2024-02-14") == periods


def test_a_speaker_s_name_in_a_transcript_is_no_place(blank):
    import datetime as dt

    marked = ("Q&A: what the trade ministry said\n\nQ (VnEconomy): How did rice do?\n\nLE VAN KHANH: "
              "[Vietnam]{LOCATION} exported more rice.\n\nQ: And coffee?\n\nLE VAN KHANH: Coffee did "
              "well too.\n\nTRAN THI HOA: Prices helped.\n\nLE VAN KHANH: Volumes fell.")
    doc = annotate(blank, marked)
    with indexed(doc):
        ctx = build_context(doc, dt.date(2025, 1, 10))
    assert ctx.place == "Vietnam"
