"""Trade facts: what tradeie emits, in the shape of the fact schema (docs/schema.md).

>>> f = TradeFact(location="Chongqing", flow="export", period="2021-Q1",
...               value=Decimal("112320000000"), currency="CNY", growth_pct=75.7)
>>> TradeFact.from_dict(f.to_dict()) == f
True
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, Literal, Union

from .errors import TradeieError

FLOWS = ("total", "export", "import", "balance")
Flow = Literal["total", "export", "import", "balance"]


class FactError(TradeieError, ValueError):
    """A fact dict does not follow the schema."""


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: character offsets into the input text and the clause itself."""

    start_char: int
    end_char: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start_char": self.start_char, "end_char": self.end_char, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Evidence | None":
        if data is None:
            return None
        return cls(int(data["start_char"]), int(data["end_char"]), str(data["text"]))


@dataclass(frozen=True)
class TradeFact:
    """One statement of a trade quantity, identified by (location, flow, partner, product,
    period, currency)."""

    location: str | None
    flow: Flow
    partner: str | None = None
    product: str | None = None
    period: str | None = None
    value: Decimal | None = None
    currency: str | None = None
    growth_pct: float | None = None
    share_pct: float | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0
    doc: str | None = None
    type: Literal["trade"] = field(default="trade", init=False)

    def __post_init__(self) -> None:
        if self.flow not in FLOWS:
            raise FactError(f"flow must be one of {FLOWS}, got {self.flow!r}")
        if self.value is not None and not isinstance(self.value, Decimal):
            object.__setattr__(self, "value", _decimal(self.value, "value"))
        for name in ("growth_pct", "share_pct", "confidence"):
            number = getattr(self, name)
            if number is not None and (isinstance(number, bool) or not math.isfinite(float(number))):
                raise FactError(f"{name} must be a finite number, got {number!r}")
        if (self.value is None) != (self.currency is None):
            raise FactError("value and currency are given together or not at all; got "
                            f"value={self.value!r}, currency={self.currency!r}")

    @property
    def identity(self) -> tuple:
        return (self.location, self.flow, self.partner, self.product, self.period, self.currency)

    def to_dict(self) -> dict[str, Any]:
        """The schema's JSON shape; ``value`` is an int when whole, else a float."""
        return {
            "type": "trade", "doc": self.doc, "location": self.location, "flow": self.flow,
            "partner": self.partner, "product": self.product, "period": self.period,
            "value": _json_number(self.value), "currency": self.currency,
            "growth_pct": self.growth_pct, "share_pct": self.share_pct,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TradeFact":
        return cls(
            location=data.get("location"), flow=data["flow"], partner=data.get("partner"),
            product=data.get("product"), period=data.get("period"),
            value=_decimal(data.get("value"), "value"), currency=data.get("currency"),
            growth_pct=_float(data.get("growth_pct")), share_pct=_float(data.get("share_pct")),
            evidence=Evidence.from_dict(data.get("evidence")),
            confidence=float(data.get("confidence", 1.0)), doc=data.get("doc"),
        )


@dataclass(frozen=True)
class RankFact:
    """A place's explicit rank in a named list ("ranked 8th among China's top 100 ...")."""

    location: str | None
    rank: int
    list: str | None = None
    year: int | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0
    doc: str | None = None
    type: Literal["rank"] = field(default="rank", init=False)

    def __post_init__(self) -> None:
        if isinstance(self.rank, bool) or not isinstance(self.rank, int) or self.rank < 1:
            raise FactError(f"rank must be a positive int, got {self.rank!r}")

    @property
    def identity(self) -> tuple:
        return (self.location, self.list, self.year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "rank", "doc": self.doc, "location": self.location, "rank": self.rank,
            "list": self.list, "year": self.year,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RankFact":
        return cls(location=data.get("location"), rank=int(data["rank"]), list=data.get("list"),
                   year=None if data.get("year") is None else int(data["year"]),
                   evidence=Evidence.from_dict(data.get("evidence")),
                   confidence=float(data.get("confidence", 1.0)), doc=data.get("doc"))


Fact = Union[TradeFact, RankFact]


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """A TradeFact or RankFact from its dict (a missing ``type`` means trade)."""
    kind = data.get("type", "trade")
    if kind == "trade":
        return TradeFact.from_dict(data)
    if kind == "rank":
        return RankFact.from_dict(data)
    raise FactError(f"type must be 'trade' or 'rank', got {kind!r}")


def fact_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of ``tradeie extract`` output."""
    raw = resources.files("tradeie.schema").joinpath("fact.schema.json").read_text("utf-8")
    return json.loads(raw)


def _decimal(value: Any, name: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise FactError(f"{name} must be a number, got {value!r}")
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise FactError(f"{name} must be a number, got {value!r}") from None
    if not number.is_finite():
        raise FactError(f"{name} must be finite, got {value!r}")
    return number


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
