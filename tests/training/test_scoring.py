"""Tests for tradeie.training.scoring: the rules of fact-schema.md, "Scoring"."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tradeie.errors import AnnotationError
from tradeie.training.scoring import (
    NAME_ALIASES,
    PRF,
    canonical_name,
    canonical_period,
    facts_match,
    product_tokens,
    read_facts,
    score,
)

GOLD_TRADE = {
    "type": "trade", "doc": "chongqing-2021-q1.txt", "location": "Chongqing",
    "flow": "export", "partner": None, "product": None, "period": "2021-Q1",
    "value": 112320000000, "currency": "CNY", "growth_pct": 75.7, "share_pct": None,
    "sentence": "In the first quarter, Chongqing's exports surged 75.7% to 112.32 billion yuan",
}
GOLD_RANK = {
    "type": "rank", "doc": "ningbo-2019-top100.txt", "location": "Ningbo", "rank": 8,
    "list": "China's top 100 foreign trade cities", "year": 2019,
    "sentence": "Ningbo ranked 8th among China's top 100 foreign trade cities",
}


def trade(**changes) -> dict:
    return {**GOLD_TRADE, **changes}


def predicted(text: str, **changes) -> dict:
    """A predicted trade fact: evidence instead of the gold sentence."""
    fact = {key: value for key, value in trade(**changes).items() if key != "sentence"}
    return {**fact, "evidence": {"start_char": 0, "end_char": len(text), "text": text}}


def rank(**changes) -> dict:
    return {**GOLD_RANK, **changes}


def write_jsonl(tmp_path, lines: list[str]):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- name canonicalisation ---------------------------------------------------------------

ALIAS_ROWS = [
    ("european union", ["eu", "the eu", "the european union"]),
    ("united states", ["us", "u.s.", "usa", "u.s.a.", "the us", "the u.s.",
                       "the united states", "america", "united states of america"]),
    ("united kingdom", ["uk", "u.k.", "the uk", "britain", "great britain"]),
    ("asean", ["asean countries", "asean members", "asean member states",
               "association of southeast asian nations"]),
    ("south korea", ["rok", "korea", "republic of korea"]),
    ("belt and road countries", ["belt and road", "countries along the belt and road",
                                 "belt and road countries and regions",
                                 "countries and regions along the belt and road"]),
    ("rcep members", ["rcep", "rcep countries", "rcep member countries"]),
    ("ceec", ["central and eastern european countries"]),
    ("china", ["prc", "mainland china", "chinese mainland"]),
    ("hong kong", ["hong kong sar", "hksar"]),
    ("brics countries", ["brics", "brics nations", "brics members"]),
]
ALIAS_CASES = [(alias, canonical) for canonical, aliases in ALIAS_ROWS for alias in aliases]


@pytest.mark.parametrize("alias,canonical", ALIAS_CASES, ids=[a for a, _ in ALIAS_CASES])
def test_scoring_alias_table_row(alias, canonical):
    assert canonical_name(alias) == canonical
    assert canonical_name(alias.upper()) == canonical
    assert NAME_ALIASES[alias] == canonical


def test_scoring_alias_table_has_exactly_the_schema_rows():
    assert len(NAME_ALIASES) == len(ALIAS_CASES)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Chongqing", "chongqing"),
        ("The Yangtze River Delta", "yangtze river delta"),
        ("Ningbo City", "ningbo"),
        ("the city", "city"),
        ("Guangdong Province", "guangdong"),
        ("Shanghai Municipality", "shanghai"),
        ("Aichi Prefecture", "aichi"),
        ("Shenzhen Special Economic Zone", "shenzhen"),
        ("Aichi Prefecture City", "aichi prefecture"),
        ("The Hong Kong SAR", "hong kong"),
        ("Korea Province", "south korea"),
        ("Xi\u2019an", "xi'an"),
        ("  Hong \t Kong\n SAR ", "hong kong"),
        ("Latin  America", "latin america"),
        ("", None),
        (None, None),
    ],
    ids=["plain", "leading-the", "city", "bare-the-city", "province", "municipality",
         "prefecture", "sez", "one-suffix-only", "the-then-alias", "suffix-then-alias",
         "curly-apostrophe", "whitespace-and-alias", "whitespace", "empty", "none"],
)
def test_scoring_canonical_name(name, expected):
    assert canonical_name(name) == expected


@pytest.mark.parametrize(
    "key,pred_name,gold_name",
    [
        ("partner", "the EU", "European Union"),
        ("partner", "U.S.", "United States"),
        ("location", "Chongqing Municipality", "Chongqing"),
        ("location", "Xi\u2019an City", "Xi'an"),
        ("location", " The  Ningbo ", "Ningbo"),
    ],
    ids=["partner-alias", "partner-dotted", "location-suffix", "location-apostrophe",
         "location-the-whitespace"],
)
def test_scoring_names_match_after_canonicalisation(key, pred_name, gold_name):
    gold = trade(**{key: gold_name})
    assert facts_match(trade(**{key: pred_name}), gold, strict=True)
    assert not facts_match(trade(**{key: "Japan"}), gold, strict=False)


def test_scoring_partner_null_does_not_match_named_partner():
    assert not facts_match(trade(partner="ASEAN"), trade(partner=None), strict=False)


def test_scoring_flow_must_be_equal():
    assert not facts_match(trade(flow="import"), trade(flow="export"), strict=False)


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pred_value,gold_value,matches",
    [
        (1004000, 1000000, True),
        (996000, 1000000, True),
        (1005000, 1000000, True),
        (1006000, 1000000, False),
        (994000, 1000000, False),
        (-1004000, -1000000, True),
        (-1006000, -1000000, False),
        (None, None, True),
        (None, 1000000, False),
        (1000000, None, False),
        (0, 0, True),
        (1, 0, False),
        ("n/a", None, False),
    ],
    ids=["plus-0.4pct", "minus-0.4pct", "exactly-0.5pct", "plus-0.6pct", "minus-0.6pct",
         "negative-0.4pct", "negative-0.6pct", "both-null", "pred-null", "gold-null",
         "zero", "zero-gold", "unreadable"],
)
def test_scoring_value_tolerance(pred_value, gold_value, matches):
    pred, gold = trade(value=pred_value), trade(value=gold_value)
    assert facts_match(pred, gold, strict=False) is matches


@pytest.mark.parametrize(
    "pred_value",
    [112320000000, 112320000000.0, "112320000000", "1.1232e11", Decimal("112.32E9"),
     112700000000],
    ids=["int", "float", "str", "str-exponent", "decimal", "int-0.34pct"],
)
def test_scoring_value_types(pred_value):
    assert facts_match(trade(value=pred_value), trade(), strict=True)
    assert not facts_match(trade(value=pred_value), trade(value=113320000000), strict=True)


def test_scoring_currency_mismatch():
    assert not facts_match(trade(currency="USD"), trade(), strict=False)
    assert not facts_match(trade(currency=None), trade(), strict=False)
    assert facts_match(trade(currency="cny"), trade(), strict=True)


@pytest.mark.parametrize(
    "pred_growth,gold_growth,matches",
    [
        (75.74, 75.7, True),
        (75.66, 75.7, True),
        (75.76, 75.7, False),
        (75.64, 75.7, False),
        ("-3.24", -3.2, True),
        (3.2, -3.2, False),
        (None, None, True),
        (None, 75.7, False),
        (75.7, None, False),
    ],
    ids=["plus-0.04", "minus-0.04", "plus-0.06", "minus-0.06", "negative-str",
         "sign", "both-null", "pred-null", "gold-null"],
)
def test_scoring_growth_tolerance(pred_growth, gold_growth, matches):
    pred, gold = trade(growth_pct=pred_growth), trade(growth_pct=gold_growth)
    assert facts_match(pred, gold, strict=False) is matches
    assert facts_match(pred, gold, strict=True) is matches


@pytest.mark.parametrize(
    "pred_share,gold_share,strict_match",
    [
        (22.94, 22.9, True),
        (22.96, 22.9, False),
        (None, None, True),
        (None, 22.9, False),
        (22.9, None, False),
    ],
    ids=["plus-0.04", "plus-0.06", "both-null", "pred-null", "gold-null"],
)
def test_scoring_share_counts_only_in_strict(pred_share, gold_share, strict_match):
    pred, gold = trade(share_pct=pred_share), trade(share_pct=gold_share)
    assert facts_match(pred, gold, strict=False)
    assert facts_match(pred, gold, strict=True) is strict_match


# -- product -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "product,tokens",
    [
        ("Mechanical and Electrical Products", {"mechanical", "electrical"}),
        ("products of the 5G kind", {"5g", "kind"}),
        ("high-tech products", {"high", "tech"}),
        ("products", set()),
        (None, set()),
    ],
    ids=["stop-words", "digits", "hyphen", "only-stop-words", "none"],
)
def test_scoring_product_tokens(product, tokens):
    assert product_tokens(product) == tokens


@pytest.mark.parametrize(
    "pred_product,gold_product,strict_match",
    [
        ("electrical products", "mechanical and electrical products", True),
        ("Mechanical and Electrical Products", "mechanical and electrical products", True),
        ("electrical equipment", "mechanical electrical products", False),
        ("laptops", "mobile phones", False),
        ("products", "the products", True),
        (None, "products", True),
        (None, "laptops", False),
        ("laptops", None, False),
        (None, None, True),
    ],
    ids=["jaccard-0.5", "jaccard-1", "jaccard-0.33", "disjoint", "both-empty",
         "null-vs-empty", "null-vs-product", "product-vs-null", "both-null"],
)
def test_scoring_product_jaccard(pred_product, gold_product, strict_match):
    pred, gold = trade(product=pred_product), trade(product=gold_product)
    assert facts_match(pred, gold, strict=False)
    assert facts_match(pred, gold, strict=True) is strict_match


# -- period --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period,expected",
    [
        ("2020-01..2020-06", "2020-H1"),
        ("2020-07..2020-12", "2020-H2"),
        ("2021-01..2021-03", "2021-Q1"),
        ("2021-04..2021-06", "2021-Q2"),
        ("2021-07..2021-09", "2021-Q3"),
        ("2021-10..2021-12", "2021-Q4"),
        ("2022-01..2022-12", "2022"),
        ("2021-03..2021-03", "2021-03"),
        ("2020-01..2020-05", "2020-01..2020-05"),
        ("2020-02..2020-04", "2020-02..2020-04"),
        ("2020-07..2021-06", "2020-07..2021-06"),
        ("2021-q1", "2021-Q1"),
        ("2021-h1", "2021-H1"),
        ("2021", "2021"),
        (None, None),
    ],
    ids=["h1", "h2", "q1", "q2", "q3", "q4", "whole-year", "single-month", "five-months",
         "unaligned-quarter", "across-years", "lower-q", "lower-h", "year", "none"],
)
def test_scoring_canonical_period(period, expected):
    assert canonical_period(period) == expected


@pytest.mark.parametrize(
    "pred_period,gold_period,strict_match",
    [
        ("2020-01..2020-06", "2020-H1", True),
        ("2021-Q1", "2021-01..2021-03", True),
        ("2022-01..2022-12", "2022", True),
        ("2021-03..2021-03", "2021-03", True),
        ("2021-q1", "2021-Q1", True),
        ("2020-01..2020-05", "2020-H1", False),
        ("2021-Q2", "2021-Q1", False),
        (None, "2021-Q1", False),
        (None, None, True),
    ],
    ids=["h1", "q1", "whole-year", "single-month", "lower-case", "five-months",
         "other-quarter", "pred-null", "both-null"],
)
def test_scoring_period_only_in_strict(pred_period, gold_period, strict_match):
    pred, gold = trade(period=pred_period), trade(period=gold_period)
    assert facts_match(pred, gold, strict=False)
    assert facts_match(pred, gold, strict=True) is strict_match


# -- types ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pred,matches",
    [
        (rank(), True),
        (rank(location="Ningbo City", list="another list"), True),
        (rank(rank="8", year="2019"), True),
        (rank(rank=9), False),
        (rank(year=2020), False),
        (rank(location="Xiamen"), False),
        (rank(type="trade"), False),
    ],
    ids=["same", "suffix-and-list-ignored", "numbers-as-str", "other-rank", "other-year",
         "other-location", "other-type"],
)
def test_scoring_rank_facts(pred, matches):
    assert facts_match(pred, GOLD_RANK, strict=True) is matches
    assert facts_match(pred, GOLD_RANK, strict=False) is matches


def test_scoring_missing_type_means_trade():
    pred = {key: value for key, value in GOLD_TRADE.items() if key != "type"}
    assert facts_match(pred, GOLD_TRADE, strict=True)
    assert facts_match(GOLD_TRADE, pred, strict=True)
    assert not facts_match(pred, {**GOLD_RANK, "type": "rank"}, strict=True)


def test_scoring_trade_never_matches_rank():
    assert not facts_match(trade(), rank(), strict=False)
    assert not facts_match(rank(), trade(), strict=False)


# -- score: documents and greedy matching --------------------------------------------------


@pytest.mark.parametrize(
    "pred_doc,tp",
    [
        ("chongqing-2021-q1.txt", 1),
        ("corpus/dev/chongqing-2021-q1.txt", 1),
        ("C:\\corpus\\chongqing-2021-q1.txt", 1),
        ("chongqing-2021-q1", 0),
        ("other.txt", 0),
    ],
    ids=["same", "folders", "windows-folders", "no-extension", "other-doc"],
)
def test_scoring_doc_compared_by_file_name(pred_doc, tp):
    report = score([trade(doc="a/b/chongqing-2021-q1.txt")], [trade(doc=pred_doc)])
    assert (report.strict.tp, report.core.tp) == (tp, tp)


def test_scoring_duplicate_prediction_counts_once_right_once_wrong():
    report = score([trade()], [trade(), trade()])
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 1, 0)
    assert (report.core.tp, report.core.fp, report.core.fn) == (1, 1, 0)
    assert len(report.spurious) == 1


def test_scoring_greedy_takes_first_unmatched_gold_in_prediction_order():
    gold = [trade(growth_pct=75.7), trade(growth_pct=75.74)]
    # The first prediction matches both gold facts and takes the first; the second
    # matches only the first gold fact, already taken. Greedy, not optimal.
    pred = [trade(growth_pct=75.72), trade(growth_pct=75.66)]
    report = score(gold, pred)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 1, 1)
    assert report.spurious[0]["growth_pct"] == 75.66
    assert report.misses[0]["growth_pct"] == 75.74
    reversed_report = score(gold, pred[::-1])
    assert reversed_report.strict.tp == 2


def test_scoring_strict_and_core_match_separately():
    gold = [trade(period="2021-Q1"), trade(flow="import", period="2021-Q1")]
    pred = [trade(period="2021-H1"), trade(flow="import", period="2021-01..2021-03")]
    report = score(gold, pred)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (1, 1, 1)
    assert (report.core.tp, report.core.fp, report.core.fn) == (2, 0, 0)


def test_scoring_field_accuracy_over_core_matched_trade_pairs():
    gold = [
        trade(flow="export", period="2021-Q1", product="laptops", share_pct=20.0),
        trade(flow="import", period="2021-Q1", product="laptops", share_pct=20.0),
        trade(flow="total", period="2021-Q1", product="laptops", share_pct=None),
        trade(flow="balance", period="2021-Q1"),
        rank(doc=GOLD_TRADE["doc"]),
    ]
    pred = [
        trade(flow="export", period="2021-01..2021-03", product="laptops", share_pct=20.0),
        trade(flow="import", period="2021-H1", product="laptops", share_pct=20.0),
        trade(flow="total", period="2021", product="mobile phones", share_pct=12.0),
        rank(doc=GOLD_TRADE["doc"]),
    ]
    report = score(gold, pred)
    assert report.n_field_pairs == 3
    assert report.fields == pytest.approx(
        {"period": 1 / 3, "product": 2 / 3, "share_pct": 2 / 3}
    )


def test_scoring_field_accuracy_without_pairs_is_zero():
    report = score([trade()], [])
    assert report.fields == {"period": 0.0, "product": 0.0, "share_pct": 0.0}
    assert report.n_field_pairs == 0


# -- P/R/F and the report ------------------------------------------------------------------


@pytest.mark.parametrize(
    "tp,fp,fn,p,r,f",
    [
        (2, 1, 2, 2 / 3, 1 / 2, 4 / 7),
        (79, 18, 21, 79 / 97, 79 / 100, 2 * 79 / (97 + 100)),
        (0, 0, 0, 0.0, 0.0, 0.0),
        (0, 3, 0, 0.0, 0.0, 0.0),
        (0, 0, 3, 0.0, 0.0, 0.0),
    ],
    ids=["small", "example", "empty", "only-fp", "only-fn"],
)
def test_scoring_prf_arithmetic(tp, fp, fn, p, r, f):
    prf = PRF(tp=tp, fp=fp, fn=fn)
    assert (prf.p, prf.r, prf.f) == pytest.approx((p, r, f))


def test_scoring_report_counts_from_score():
    gold = [trade(flow="export"), trade(flow="import"), trade(flow="total"), rank()]
    pred = [trade(flow="export"), trade(flow="import", value=1), rank()]
    report = score(gold, pred)
    assert (report.n_gold, report.n_pred) == (4, 3)
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (2, 1, 2)
    assert report.strict.f == pytest.approx(4 / 7)


def test_scoring_report_to_dict():
    report = score([trade(), rank()], [trade()])
    assert report.to_dict() == {
        "strict": {"p": 1.0, "r": 0.5, "f": pytest.approx(2 / 3), "tp": 1, "fp": 0, "fn": 1},
        "core": {"p": 1.0, "r": 0.5, "f": pytest.approx(2 / 3), "tp": 1, "fp": 0, "fn": 1},
        "fields": {"period": 1.0, "product": 1.0, "share_pct": 1.0},
        "n_gold": 2,
        "n_pred": 1,
    }
    json.dumps(report.to_dict())


def test_scoring_misses_and_spurious_carry_text():
    pred = predicted("Imports", flow="import")
    report = score([trade()], [pred])
    assert report.misses == [{**GOLD_TRADE, "text": GOLD_TRADE["sentence"]}]
    assert report.spurious[0]["text"] == "Imports"
    assert report.spurious[0]["flow"] == "import"


def test_scoring_format_table():
    report = score([trade(), trade(flow="import")], [trade(), trade(flow="total")])
    lines = report.format().splitlines()
    assert lines[0] == "strict  P 0.500  R 0.500  F 0.500  (tp 1, fp 1, fn 1)"
    assert lines[1] == "core    P 0.500  R 0.500  F 0.500  (tp 1, fp 1, fn 1)"
    assert "period 1.000" in lines[2] and "share_pct 1.000" in lines[2]
    assert len(lines) == 3


def test_scoring_format_lists_misses_for_error_analysis():
    gold = [trade(flow="import", sentence="imports fell"),
            trade(flow="total", sentence="trade rose")]
    pred = [predicted("a surplus", flow="balance")]
    text = score(gold, pred).format(misses=1)
    assert "missed (1 of 2)" in text
    assert "'imports fell'" in text and "trade rose" not in text
    assert "spurious (1 of 1)" in text and "'a surplus'" in text


# -- read_facts ----------------------------------------------------------------------------


def test_scoring_read_facts_reads_jsonl_and_skips_blank_lines(tmp_path):
    path = write_jsonl(tmp_path, [json.dumps(GOLD_TRADE), "", "   ", json.dumps(GOLD_RANK),
                                  json.dumps({**GOLD_TRADE, "notes": "x", "context": ["y"],
                                              "period": "2021-01..2021-05"})])
    facts = read_facts(path)
    assert facts[:2] == [GOLD_TRADE, GOLD_RANK]
    assert len(facts) == 3


def test_scoring_read_facts_accepts_missing_type_and_null_period(tmp_path):
    fact = {k: v for k, v in GOLD_TRADE.items() if k != "type"} | {"period": None}
    assert read_facts(write_jsonl(tmp_path, [json.dumps(fact)])) == [fact]


BAD_LINES = [
    ("{not json", "not valid JSON"),
    ('["a", "list"]', "expected a JSON object"),
    ("42", "expected a JSON object"),
    (json.dumps(trade(type="ranking")), "unknown type 'ranking'"),
    (json.dumps({**GOLD_TRADE, "valeu": 1}), "unknown field 'valeu'; expected one of"),
    (json.dumps({**GOLD_RANK, "period": "2019"}), "unknown field 'period'"),
    (json.dumps(trade(flow="exports")), "unknown flow 'exports'; expected one of"),
    (json.dumps(trade(flow=None)), "unknown flow None"),
    (json.dumps(trade(period="Q1 2021")), "period 'Q1 2021' is not in canonical syntax"),
    (json.dumps(trade(period="2021-q1")), "(e.g. '2021-Q1')"),
    (json.dumps(trade(period="2021-Q5")), "not in canonical syntax"),
    (json.dumps(trade(period="2021-13")), "not in canonical syntax"),
    (json.dumps(trade(period="2021-01-2021-05")), "not in canonical syntax"),
    (json.dumps(trade(period=2021)), "not in canonical syntax"),
]


@pytest.mark.parametrize(
    "bad_line,message",
    BAD_LINES,
    ids=["not-json", "list", "number", "unknown-type", "unknown-field",
         "trade-field-in-rank", "bad-flow", "null-flow", "free-text-period",
         "lower-case-period", "quarter-5", "month-13", "dash-range", "int-period"],
)
def test_scoring_read_facts_errors_name_file_and_line(tmp_path, bad_line, message):
    path = write_jsonl(tmp_path, [json.dumps(GOLD_TRADE), "", bad_line])
    with pytest.raises(AnnotationError) as caught:
        read_facts(path)
    assert caught.value.line == 3
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}:3: ")
    assert message in str(caught.value)
