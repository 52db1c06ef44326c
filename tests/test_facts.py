from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given, strategies as st

from tradeie.facts import (Evidence, FactError, RankFact, TradeFact, fact_from_dict,
                           fact_json_schema)

CHONGQING = TradeFact(
    location="Chongqing", flow="export", period="2021-Q1", value=Decimal("112320000000"),
    currency="CNY", growth_pct=75.7,
    evidence=Evidence(0, 78, "In the first quarter, Chongqing's exports surged 75.7% to 112.32 "
                             "billion yuan"),
    confidence=0.97, doc="chongqing.txt")

names = st.one_of(st.none(), st.text(min_size=1, max_size=30))
evidence = st.one_of(st.none(), st.builds(Evidence, st.integers(0, 10**6), st.integers(0, 10**6),
                                          st.text(max_size=50)))
values = st.one_of(st.none(), st.integers(-10**15, 10**15).map(Decimal),
                   st.decimals(-10**12, 10**12, places=2, allow_nan=False, allow_infinity=False))
floats = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def trade_facts(draw):
    value = draw(values)
    return TradeFact(
        location=draw(names), flow=draw(st.sampled_from(["total", "export", "import", "balance"])),
        partner=draw(names), product=draw(names),
        period=draw(st.sampled_from([None, "2021", "2021-Q1", "2021-H2", "2021-03",
                                     "2022-01..2022-10"])),
        value=value, currency=None if value is None else draw(st.sampled_from(["CNY", "USD"])),
        growth_pct=draw(floats), share_pct=draw(floats), evidence=draw(evidence),
        confidence=draw(st.floats(0, 1)), doc=draw(names))


rank_facts = st.builds(RankFact, location=names, rank=st.integers(1, 500), list=names,
                       year=st.one_of(st.none(), st.integers(1990, 2030)), evidence=evidence,
                       confidence=st.floats(0, 1), doc=names)


@given(trade_facts())
def test_facts_trade_round_trip(fact):
    assert TradeFact.from_dict(fact.to_dict()) == fact
    assert fact_from_dict(fact.to_dict()) == fact


@given(rank_facts)
def test_facts_rank_round_trip(fact):
    assert RankFact.from_dict(fact.to_dict()) == fact
    assert fact_from_dict(fact.to_dict()) == fact


@given(st.one_of(trade_facts(), rank_facts))
def test_facts_output_validates_against_shipped_schema(fact):
    jsonschema.validate(fact.to_dict(), fact_json_schema())


def test_facts_to_dict_is_schema_shape():
    data = CHONGQING.to_dict()
    assert data["value"] == 112320000000 and isinstance(data["value"], int)
    assert list(data) == ["type", "doc", "location", "flow", "partner", "product", "period",
                          "value", "currency", "growth_pct", "share_pct", "evidence",
                          "confidence"]
    jsonschema.validate(data, fact_json_schema())


@pytest.mark.parametrize("bad", [
    {"flow": "exports"}, {"flow": "total", "value": "NaN", "currency": "CNY"},
    {"flow": "total", "value": 5}, {"flow": "total", "growth_pct": float("inf")},
    {"flow": "total", "value": True, "currency": "CNY"},
], ids=["bad-flow", "nan-value", "value-without-currency", "inf-growth", "bool-value"])
def test_facts_reject_invalid(bad):
    with pytest.raises(FactError):
        TradeFact.from_dict({"location": "X", **bad})


def test_facts_schema_rejects_wrong_shape():
    data = CHONGQING.to_dict()
    data["flow"] = "exports"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, fact_json_schema())


def test_facts_rank_requires_positive_int():
    with pytest.raises(FactError):
        RankFact(location="Ningbo", rank=0)


def test_facts_unknown_type():
    with pytest.raises(FactError, match="type"):
        fact_from_dict({"type": "price", "flow": "total"})
