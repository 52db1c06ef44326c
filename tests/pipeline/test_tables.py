"""The reader of flattened table rows (``tradeie.pipeline.tables``)."""
from decimal import Decimal

import pytest

from tradeie.pipeline.context import build_context
from tradeie.pipeline.docindex import indexed
from tradeie.pipeline.facts import TradeFactAssembler
from tradeie.pipeline.tables import table_facts

from .conftest import annotate


@pytest.fixture(scope="module")
def assembler(blank):
    return TradeFactAssembler(blank)


def rows_of(assembler, doc, published="2023-07-21"):
    doc._.published = published
    doc._.trade_relations = {}
    return [(f.flow, f.partner, f.product, f.location, int(f.value), f.currency, f.growth_pct,
             f.share_pct, f.period) for f in assembler(doc)._.trade_facts if f.type == "trade"]


def test_partner_rows_take_unit_and_flow_from_the_header(blank, assembler):
    doc = annotate(blank, "[Foreign trade]{FLOW} of [Guangxi]{LOCATION} in [January to June 2023]{PERIOD}\n"
                          "Unit: 100 million yuan, %\n"
                          "Market | [Import and export]{FLOW} | Y-o-Y\n"
                          "[ASEAN]{PARTNER} | [1,453.6]{MONEY} | [9.2]{PERCENT}\n"
                          " of which: [Vietnam]{PARTNER} | [1,011.7]{MONEY} | [-3.8]{PERCENT}\n")
    assert rows_of(assembler, doc) == [
        ("total", "ASEAN", None, "Guangxi", 145360000000, "CNY", 9.2, None, "2023-H1"),
        ("total", "Vietnam", None, "Guangxi", 101170000000, "CNY", -3.8, None, "2023-H1")]


def test_product_rows_keep_commas_and_read_share_column_order(blank, assembler):
    doc = annotate(blank, "[Australia]{LOCATION}: key resource [exports]{FLOW}, [September 2023]{PERIOD}\n"
                          "Commodity; share of total (%); change on a year earlier (%)\n"
                          "- [Coal, coke and briquettes]{PRODUCT}: [$7.9b]{MONEY}; [18.2]{PERCENT}; "
                          "[-38.1]{PERCENT}\n")
    [row] = rows_of(assembler, doc)
    assert row == ("export", None, "coal, coke and briquettes", "Australia", 7900000000, "AUD",
                   -38.1, 18.2, "2023-09")


def test_rows_under_a_trade_mode_heading_are_not_facts(blank, assembler):
    doc = annotate(blank, "[Wuxi]{LOCATION} [imports and exports]{FLOW}, [2022]{PERIOD}\n"
                          "Unit: 100 million yuan\n"
                          "By trade mode ([import and export]{FLOW})\n"
                          "General trade [4,221.0]{MONEY} [9.3]{PERCENT}\n"
                          "Processing trade [2,517.4]{MONEY} [-3.6]{PERCENT}\n")
    assert rows_of(assembler, doc) == []


def test_a_sentence_with_an_amount_is_not_a_row(blank):
    doc = annotate(blank, "[Exports]{FLOW} of [Wuxi]{LOCATION} in [2022]{PERIOD}\n"
                          "[Japan]{PARTNER} bought goods worth [68.8 billion yuan]{MONEY} from the "
                          "city, officials said.\n")
    with indexed(doc):
        assert table_facts(doc, build_context(doc, "2023-07-21"), set()) == []


def test_a_row_with_an_unknown_label_is_skipped(blank, assembler):
    doc = annotate(blank, "[Export]{FLOW} markets, [2022]{PERIOD}, unit: 100 million yuan\n"
                          "Others [120.5]{MONEY} [2.0]{PERCENT}\n")
    assert rows_of(assembler, doc, published="2023-01-20") == []


def test_a_row_with_its_own_flow_word_uses_it(blank, assembler):
    doc = annotate(blank, "Main indicators of [Wuxi]{LOCATION}, [2022]{PERIOD}\nUnit: 100 million yuan\n"
                          "Item | Value | YoY (%)\n"
                          "[Export]{FLOW} [4,833.9]{MONEY} [7.2]{PERCENT}\n")
    [row] = rows_of(assembler, doc)
    assert row[0] == "export" and row[4] == int(Decimal("483390000000"))


def test_untagged_labels_take_their_role_from_the_header(blank, assembler):
    doc = annotate(blank, "[Quanzhou]{LOCATION} main [export]{FLOW} commodities, [2023]{PERIOD}\n"
                          "- Footwear: [RMB 43.21 billion]{MONEY}, up [6.2%]{PERCENT};\n"
                          "- Luggage and bags: [RMB 8.93 billion]{MONEY}, down [12.4%]{PERCENT}.\n"
                          "Unit: [100 million yuan]{MONEY}\n")
    assert [(r[0], r[2], r[4], r[6]) for r in rows_of(assembler, doc, "2024-01-20")] == [
        ("export", "footwear", 43210000000, 6.2), ("export", "luggage and bags", 8930000000, -12.4)]


def test_a_table_with_a_column_per_flow_gives_a_fact_per_column(blank, assembler):
    doc = annotate(blank, "[Zhejiang]{LOCATION}: monthly trade, [2020]{PERIOD}\nUnit: 100 million yuan\n"
                          "Month\t[Import & export]{FLOW}\tYoY (%)\t[Exports]{FLOW}\tYoY (%)\t"
                          "[Imports]{FLOW}\tYoY (%)\n"
                          "[July]{PERIOD}\t[3,312.4]{MONEY}\t[13.9]{PERCENT}\t[2,556.1]{MONEY}\t"
                          "[16.8]{PERCENT}\t[756.3]{MONEY}\t[5.1]{PERCENT}\n")
    assert [(r[0], r[4], r[6], r[8]) for r in rows_of(assembler, doc, "2021-01-19")] == [
        ("total", 331240000000, 13.9, "2020-07"), ("export", 255610000000, 16.8, "2020-07"),
        ("import", 75630000000, 5.1, "2020-07")]


def test_a_row_the_ner_tagged_in_part_is_read_whole_by_its_layout(blank, assembler):
    doc = annotate(blank, "[Zhejiang]{LOCATION}: monthly trade, [2020]{PERIOD}\nUnit: 100 million yuan\n"
                          "Month\t[Import & export]{FLOW}\tYoY (%)\t[Exports]{FLOW}\tYoY (%)\t"
                          "[Imports]{FLOW}\tYoY (%)\n"
                          "[July]{PERIOD}\t3,312.4\t13.9\t[2,556.1]{MONEY}\t[16.8]{PERCENT}\t"
                          "[756.3]{MONEY}\t[5.1]{PERCENT}\n")
    assert [(r[0], r[4], r[6], r[8]) for r in rows_of(assembler, doc, "2021-01-19")] == [
        ("total", 331240000000, 13.9, "2020-07"), ("export", 255610000000, 16.8, "2020-07"),
        ("import", 75630000000, 5.1, "2020-07")]


def test_several_amounts_without_a_flow_per_column_give_nothing(blank, assembler):
    doc = annotate(blank, "[Guangdong]{LOCATION} [foreign trade]{FLOW}, [2021]{PERIOD}\n"
                          "Unit: 100 million yuan\nMarket | Jan-Jun | YoY | June | YoY\n"
                          "[ASEAN]{PARTNER} | [487.23]{MONEY} | [28.4]{PERCENT} | [80.1]{MONEY} | "
                          "[12.4]{PERCENT}\n")
    assert rows_of(assembler, doc, "2021-07-20") == []


def test_a_list_after_a_sentence_ending_in_a_colon_takes_its_flow(blank, assembler):
    doc = annotate(blank, "In [2022]{PERIOD}, [labor-intensive products]{PRODUCT} [exports]{FLOW} of "
                          "[Wenzhou]{LOCATION} totaled [74.85 billion yuan]{MONEY}. Among them:\n"
                          "- [footwear]{PRODUCT}: [34.6 billion yuan]{MONEY}, +[18.9%]{PERCENT};\n"
                          "- [bags and cases]{PRODUCT}: [6.13 billion yuan]{MONEY}, +[30.2%]{PERCENT}.\n")
    got = [(r[0], r[2], r[4], r[6]) for r in rows_of(assembler, doc, "2023-01-20")
           if r[4] != 74850000000]  # the sentence's own fact is there too
    assert got == [("export", "footwear", 34600000000, 18.9),
                   ("export", "bags and cases", 6130000000, 30.2)]


def test_a_column_per_period_gives_a_fact_per_period(blank, assembler):
    doc = annotate(blank, "Table 1 [Foreign trade]{FLOW} by city, [2021]{PERIOD}\n"
                          "(unit: [100 million yuan]{MONEY}; growth in %)\n"
                          "City | [Jan-Dec]{PERIOD} | Growth | [December]{PERIOD} | Growth\n"
                          "Chongzuo | [1,553.6]{MONEY} | [12.8]{PERCENT} | [142.9]{MONEY} | "
                          "[-6.3]{PERCENT}\n")
    assert rows_of(assembler, doc, published="2022-01-20") == [
        ("total", None, None, "Chongzuo", 155360000000, "CNY", 12.8, None, "2021"),
        ("total", None, None, "Chongzuo", 14290000000, "CNY", -6.3, None, "2021-12")]


def test_rows_the_ner_tagged_wrongly_are_read_by_their_layout(blank, assembler):
    # "369.2" tagged PERCENT, "Yingtan" PARTNER, "Xinyu 142.7" untagged: the layout says
    # first cell an amount in the unit above, then the change, and the label a city
    doc = annotate(blank, "[Foreign trade]{FLOW} of the cities of [Jiangxi]{LOCATION}, "
                          "[January-August 2023]{PERIOD}\nUnit: 100 million yuan, %\n"
                          "City  [Imports and exports]{FLOW}  Year-on-year\n"
                          "[Nanchang]{LOCATION}  [821.5]{MONEY}  [-8.3]{PERCENT}\n"
                          "Shangrao  [369.2]{PERCENT}  [-21.0]{PERCENT}\n"
                          "[Yingtan]{PARTNER}  180.2  -19.5\n"
                          "Hefei | 3,823.6 | 5.6 | 1st\n")
    got = [(loc, value, growth) for _, _, _, loc, value, _, growth, _, _ in rows_of(assembler, doc)]
    assert got == [("Nanchang", 82150000000, -8.3), ("Shangrao", 36920000000, -21.0),
                   ("Yingtan", 18020000000, -19.5), ("Hefei", 382360000000, 5.6)]


def test_rows_with_single_spaces_and_three_number_cells_are_read_by_their_layout(blank, assembler):
    doc = annotate(blank, "[Viet Nam]{LOCATION}'s key [export]{FLOW} items, [H1 2024]{PERIOD} "
                          "(Unit: US$ million)\nItem Value YoY (%) Share (%)\n"
                          "[Footwear]{PRODUCT} 10,850 7.7 5.7\nWood and wood products 7,630 21.7 4.0\n"
                          "Coffee 3,250\n")
    got = [(product, value, growth, share) for _, _, product, _, value, _, growth, share, _
           in rows_of(assembler, doc)]
    assert got == [("footwear", 10850000000, 7.7, 5.7), ("wood and wood products", 7630000000, 21.7, 4.0)]


def test_rows_with_single_spaces_and_two_cells_are_read_beside_another_row(blank, assembler):
    # the heading's flow is in brackets and untagged; a lone such line is no row
    doc = annotate(blank, "Main indicators of [Suzhou]{LOCATION} [imports and exports]{FLOW}, "
                          "[2023]{PERIOD}\nUnit: 100 million yuan, %\n"
                          "Main markets (import and export)\nEU 2,310.4 -3.2\n"
                          "[Japan]{PARTNER} 1,288.0 -9.9\n\nNote: Kenya 12.1 4.2\n")
    got = [(flow, partner, value, growth) for flow, partner, _, _, value, _, growth, _, _
           in rows_of(assembler, doc)]
    assert got == [("total", "European Union", 231040000000, -3.2),
                   ("total", "Japan", 128800000000, -9.9)]


def test_numbered_rows_with_semicolons_are_read_by_their_layout(blank, assembler):
    doc = annotate(blank, "The biggest trading cities, [January-June 2023]{PERIOD}, by [imports and "
                          "exports]{FLOW} (billion yuan; year-on-year change):\n"
                          "No.1 [Suzhou]{LOCATION} ([Jiangsu]{LOCATION}): 1,173.24; -4.8%\n"
                          "No.2 [Ningbo]{LOCATION} ([Zhejiang]{LOCATION}): 631.49; +2.4%\n")
    got = [(loc, value, growth) for _, _, _, loc, value, _, growth, _, _ in rows_of(assembler, doc)]
    assert got == [("Suzhou", 1173240000000, -4.8), ("Ningbo", 631490000000, 2.4)]


def test_rows_of_which_take_the_flow_of_the_row_above(blank, assembler):
    doc = annotate(blank, "Main indicators of [imports and exports]{FLOW} of [Kaifeng]{LOCATION} in "
                          "[2019]{PERIOD}\nUnit: 100 million yuan\nIndicator\u3000Amount\u3000Increase (%)\n"
                          "[Exports]{FLOW}\u300061.2\u30008.4\n"
                          "\u3000Of which: [Textiles and garments]{PRODUCT}\u300020.5\u30003.1\n"
                          "\u3000\u3000[Agricultural products]{PRODUCT}\u30006.4\u3000-2.0\n"
                          "[Imports]{FLOW}\u300022.7\u3000-5.5\n"
                          "\u3000Of which: [Iron ore]{PRODUCT}\u30009.9\u300012.0\n")
    got = [(flow, product, value) for flow, _, product, _, value, _, _, _, _ in rows_of(assembler, doc)]
    assert ("export", "textiles and garments", 2050000000) in got
    assert ("export", "agricultural products", 640000000) in got
    assert ("import", "iron ore", 990000000) in got


@pytest.mark.parametrize("line", ["In 2023 exports rose 5.6 percent to 3,823.6", "Total: 12.5% 3.2"])
def test_prose_and_percent_first_lines_are_no_layout_rows(blank, assembler, line):
    doc = annotate(blank, f"Unit: 100 million yuan\nCity | [Exports]{{FLOW}} | YoY\n{line}\n")
    assert rows_of(assembler, doc) == []


def test_an_untagged_rank_column_gives_the_row_place_its_rank(blank, assembler):
    doc = annotate(blank, "Cities of [Anhui]{LOCATION} by trade, [2023]{PERIOD}\nUnit: 100 million yuan, %\n"
                          "City | [Import and export]{FLOW} | Year-on-year | Rank\n"
                          "Tongling | 640.7 | -3.4 | 3rd\n")
    doc._.published = "2024-01-20"
    doc._.trade_relations = {}
    facts = assembler(doc)._.trade_facts
    assert [(f.location, f.rank, f.year) for f in facts if f.type == "rank"] == [("Tongling", 3, 2023)]


def test_a_rank_column_before_the_place_column_still_makes_rows_places(blank, assembler):
    doc = annotate(blank, "Provincial ranking for [2023]{PERIOD}\n"
                          "Rank Region [Import and export]{FLOW} Year-on-year\n"
                          "No.2 [Jiangsu]{PARTNER} [5.25 trillion yuan]{MONEY} [-3.2%]{PERCENT}\n")
    got = [(r[0], r[1], r[3], r[4], r[6]) for r in rows_of(assembler, doc, "2024-01-20")]
    assert got == [("total", None, "Jiangsu", 5250000000000, -3.2)]


def test_a_rate_tagged_as_an_amount_and_a_rank_as_a_rate_are_read_by_the_layout(blank, assembler):
    # two "amounts" under a header with one amount column: the row is read by its layout
    doc = annotate(blank, "Unit: 100 million yuan, %\n"
                          "City | [Import and export]{FLOW} | Year-on-year | Rank\n"
                          "[Hefei]{LOCATION} | [3,823.6]{MONEY} | [5.6]{PERCENT} | [1st]{RANK}\n"
                          "Ma'anshan | [482.9]{MONEY} | [8.8]{MONEY} | [5th]{PERCENT}\n")
    got = [(loc, value, growth) for _, _, _, loc, value, _, growth, _, _
           in rows_of(assembler, doc, "2024-01-20")]
    assert ("Ma'anshan", 48290000000, 8.8) in got


@pytest.mark.parametrize("header,sign", [
    ("Other large bilateral [deficits]{FLOW} in [2019]{PERIOD} were with:", -1),
    ("[Trade balance]{FLOW} (surplus +, deficit -), [2019]{PERIOD}:", 1),
], ids=["deficits-above-the-list", "a-sign-convention"])
def test_a_list_under_a_deficits_header_is_negative(blank, assembler, header, sign):
    doc = annotate(blank, f"{header}\n- [Mexico]{{PARTNER}}, [$101.7 billion]{{MONEY}};\n"
                          "- [Japan]{PARTNER}, [$69.0 billion]{MONEY}.\n")
    got = [(partner, value) for flow, partner, _, _, value, *_ in rows_of(assembler, doc, "2020-02-05")]
    assert got == [("Mexico", sign * 101700000000), ("Japan", sign * 69000000000)]


@pytest.mark.parametrize("enumerator", ["1. ", "1) ", ""])
def test_numbered_rows_of_a_ranked_partner_table(blank, assembler, enumerator):
    doc = annotate(blank, "[Lithuania]{LOCATION}'s [exports]{FLOW}, [March 2022]{PERIOD}\n"
                          "Table 2. [Exports]{FLOW} by main partner countries (million US dollars)\n"
                          "Country | Value | Change on [March 2021]{PERIOD} (%) | Share (%)\n"
                          f"{enumerator}[Poland]{{PARTNER}} | [1,022]{{MONEY}} | [14.5]{{PERCENT}} | "
                          "[11.2]{PERCENT}\n"
                          f"{enumerator.replace('1', '2')}[France]{{LOCATION}} | [880]{{MONEY}} | "
                          "[-9.1]{PERCENT} | [9.7]{PERCENT}\n")
    rows = rows_of(assembler, doc)
    assert [row[:4] + row[6:8] for row in rows] == [
        ("export", "Poland", None, "Lithuania", 14.5, 11.2),
        ("export", "France", None, "Lithuania", -9.1, 9.7)]  # a partner table: no reporter


def test_a_numbered_sentence_is_still_no_row(blank, assembler):
    doc = annotate(blank, "[Exports]{FLOW} by partner\n"
                          "1. [Exports]{FLOW} to [Poland]{PARTNER} rose. Then [1,022]{MONEY} | "
                          "[14.5]{PERCENT}\n")
    assert rows_of(assembler, doc) == []


def test_a_unit_in_brackets_in_the_table_title_is_no_amount(blank, assembler):
    doc = annotate(blank, "[China]{LOCATION}'s trade in [2024]{PERIOD}\n\n"
                          "Table 1: [Exports]{FLOW} by SITC section, [January-March 2024]{PERIOD} "
                          "(unit: [100 million yuan]{MONEY}; %)\n"
                          "Section | Value | YoY\n"
                          "[Machinery and transport equipment]{PRODUCT} | [28,105.3]{MONEY} | [6.1]{PERCENT}\n"
                          "[Miscellaneous manufactured articles]{PRODUCT} | [9,411.6]{MONEY} | [0.8]{PERCENT}")
    got = [(r[0], r[2], r[4], r[6]) for r in rows_of(assembler, doc)]
    assert got == [("export", "machinery and transport equipment", 2810530000000, 6.1),
                   ("export", "miscellaneous manufactured articles", 941160000000, 0.8)]
