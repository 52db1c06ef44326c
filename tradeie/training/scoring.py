"""Score predicted facts against gold facts.

Implements "Scoring a prediction against gold" in ``fact-schema.md``: the strict and core
match over the canonical names, periods and products of :mod:`.canonical`, greedy one-to-one
matching per document, precision/recall/F1 and per-field accuracy. Fact files are read and
checked by :mod:`.factfiles`; ``read_facts`` and the canonical forms stay importable from
here. Standard library only.

Choices the schema leaves open, made here:

- ``value`` is within 0.5% *of the gold value* (a gold value of 0 needs an exact 0).
- A null ``product`` has the empty token set, so it matches a product whose tokens are all
  stop words ("products") and nothing else.
- A number that cannot be read (``"n/a"``, NaN, a bool) matches nothing, not even null.
- An empty or all-blank name or period counts as null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

# NAME_ALIASES, NAME_SUFFIXES, PRODUCT_STOP_WORDS, ALLOWED_KEYS, FLOWS, OPTIONAL_KEYS and
# read_facts are not used here: they are re-exported for callers that import them from here.
from .canonical import (  # noqa: F401
    NAME_ALIASES,
    NAME_SUFFIXES,
    PRODUCT_STOP_WORDS,
    _fact_type,
    canonical_name,
    canonical_period,
    product_tokens,
)
from .factfiles import ALLOWED_KEYS, FLOWS, OPTIONAL_KEYS, read_facts  # noqa: F401

VALUE_TOLERANCE = Decimal("0.005")  # relative to the gold value
PERCENT_TOLERANCE = Decimal("0.05")  # absolute, in percent
FIELDS = ("period", "product", "share_pct")
_BAD = object()  # a number that could not be read


# -- field rules ---------------------------------------------------------------------------


def _number(value: object) -> object:
    """Decimal for an int/float/str/Decimal, None for null, _BAD if unreadable."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _BAD
    try:
        number = Decimal(value.strip() if isinstance(value, str) else str(value))
    except (InvalidOperation, ValueError, TypeError):
        return _BAD
    return number if number.is_finite() else _BAD


def _within(pred: object, gold: object, tolerance: Decimal, *, relative: bool) -> bool:
    p, g = _number(pred), _number(gold)
    if p is _BAD or g is _BAD:
        return False
    if p is None or g is None:
        return p is None and g is None
    limit = tolerance * abs(g) if relative else tolerance
    return abs(p - g) <= limit


def _same_number(pred: object, gold: object) -> bool:
    return _within(pred, gold, Decimal(0), relative=False)


def _same_name(pred: dict, gold: dict, key: str) -> bool:
    return canonical_name(pred.get(key)) == canonical_name(gold.get(key))


def _same_currency(pred: dict, gold: dict) -> bool:
    def code(fact: dict) -> str | None:
        value = fact.get("currency")
        return None if value is None else str(value).strip().upper() or None

    return code(pred) == code(gold)


def _period_equal(pred: dict, gold: dict) -> bool:
    return canonical_period(pred.get("period")) == canonical_period(gold.get("period"))


def _product_equal(pred: dict, gold: dict) -> bool:
    if pred.get("product") is None and gold.get("product") is None:
        return True
    a, b = product_tokens(pred.get("product")), product_tokens(gold.get("product"))
    if not a and not b:
        return True
    return len(a & b) / len(a | b) >= 0.5


def _share_equal(pred: dict, gold: dict) -> bool:
    return _within(pred.get("share_pct"), gold.get("share_pct"), PERCENT_TOLERANCE,
                   relative=False)


FIELD_RULES = {"period": _period_equal, "product": _product_equal, "share_pct": _share_equal}


# -- matching --------------------------------------------------------------------------------


def _trade_core_match(pred: dict, gold: dict) -> bool:
    return (
        all(_same_name(pred, gold, key) for key in ("location", "flow", "partner"))
        and _within(pred.get("value"), gold.get("value"), VALUE_TOLERANCE, relative=True)
        and _same_currency(pred, gold)
        and _within(pred.get("growth_pct"), gold.get("growth_pct"), PERCENT_TOLERANCE,
                    relative=False)
    )


def _rank_match(pred: dict, gold: dict) -> bool:
    return (
        _same_name(pred, gold, "location")
        and _same_number(pred.get("rank"), gold.get("rank"))
        and _same_number(pred.get("year"), gold.get("year"))
    )


def facts_match(pred: dict, gold: dict, *, strict: bool) -> bool:
    """True if ``pred`` matches ``gold`` (strict: also period, product, share_pct)."""
    kind = _fact_type(pred)
    if kind != _fact_type(gold):
        return False
    if kind == "rank":
        return _rank_match(pred, gold)
    if kind != "trade" or not _trade_core_match(pred, gold):
        return False
    return not strict or all(rule(pred, gold) for rule in FIELD_RULES.values())


def _doc_key(fact: dict) -> str:
    doc = fact.get("doc")
    return "" if doc is None else re.split(r"[\\/]", str(doc))[-1]


def _greedy_pairs(gold: list[dict], pred: list[dict], *, strict: bool) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs, one-to-one, predictions in their order."""
    by_doc: dict[str, list[int]] = {}
    for index, fact in enumerate(gold):
        by_doc.setdefault(_doc_key(fact), []).append(index)
    taken: set[int] = set()
    pairs = []
    for p_index, fact in enumerate(pred):
        for g_index in by_doc.get(_doc_key(fact), []):
            if g_index not in taken and facts_match(fact, gold[g_index], strict=strict):
                taken.add(g_index)
                pairs.append((p_index, g_index))
                break
    return pairs


# -- report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """Counts of one match mode; p, r, f are 0.0 where undefined."""

    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict:
        return {"p": self.p, "r": self.r, "f": self.f,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def format(self, label: str) -> str:
        return (f"{label:<7} P {self.p:.3f}  R {self.r:.3f}  F {self.f:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Report:
    """Result of :func:`score`. ``fields`` is 0.0 for a field when ``n_field_pairs`` is 0."""

    strict: PRF
    core: PRF
    fields: dict[str, float]
    n_gold: int
    n_pred: int
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    n_field_pairs: int = 0

    def to_dict(self) -> dict:
        return {"strict": self.strict.to_dict(), "core": self.core.to_dict(),
                "fields": dict(self.fields), "n_gold": self.n_gold, "n_pred": self.n_pred}

    def format(self, misses: int = 0) -> str:
        """A table for people; with ``misses`` > 0, that many missed and spurious facts."""
        lines = [self.strict.format("strict"), self.core.format("core")]
        accuracies = "  ".join(f"{name} {self.fields[name]:.3f}" for name in FIELDS)
        lines.append(f"fields  {accuracies}  (over {self.n_field_pairs} core-matched trade pairs)")
        if misses > 0:
            lines += _format_facts("missed", self.misses, misses)
            lines += _format_facts("spurious", self.spurious, misses)
        return "\n".join(lines)


def _describe(fact: dict) -> str:
    keys = ("rank", "list", "year") if _fact_type(fact) == "rank" else (
        "flow", "partner", "product", "period", "value", "currency", "growth_pct", "share_pct")
    parts = [f"{key}={fact.get(key)}" for key in keys if fact.get(key) is not None]
    return f"{_doc_key(fact)}  {fact.get('location')}  " + " ".join(parts)


def _format_facts(label: str, facts: list[dict], limit: int) -> list[str]:
    lines = [f"{label} ({min(limit, len(facts))} of {len(facts)}):"]
    for fact in facts[:limit]:
        lines.append(f"  {_describe(fact)}")
        lines.append(f"      {fact.get('text')!r}")
    return lines


def _with_text(fact: dict) -> dict:
    text = fact.get("sentence")
    evidence = fact.get("evidence")
    if text is None and isinstance(evidence, dict):
        text = evidence.get("text")
    elif text is None and isinstance(evidence, str):
        text = evidence
    return {**fact, "text": text}


def _field_accuracy(gold: list[dict], pred: list[dict],
                    pairs: list[tuple[int, int]]) -> tuple[dict[str, float], int]:
    trade = [(pred[p], gold[g]) for p, g in pairs if _fact_type(gold[g]) == "trade"]
    if not trade:
        return dict.fromkeys(FIELDS, 0.0), 0
    fields = {name: sum(FIELD_RULES[name](p, g) for p, g in trade) / len(trade)
              for name in FIELDS}
    return fields, len(trade)


def score(gold: list[dict], pred: list[dict]) -> Report:
    """Score ``pred`` against ``gold`` per fact-schema.md; both are lists of fact dicts."""
    strict_pairs = _greedy_pairs(gold, pred, strict=True)
    core_pairs = _greedy_pairs(gold, pred, strict=False)
    fields, n_field_pairs = _field_accuracy(gold, pred, core_pairs)
    matched_gold = {g for _, g in strict_pairs}
    matched_pred = {p for p, _ in strict_pairs}

    def prf(pairs: list) -> PRF:
        return PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))

    return Report(
        strict=prf(strict_pairs), core=prf(core_pairs), fields=fields,
        n_gold=len(gold), n_pred=len(pred),
        misses=[_with_text(f) for i, f in enumerate(gold) if i not in matched_gold],
        spurious=[_with_text(f) for i, f in enumerate(pred) if i not in matched_pred],
        n_field_pairs=n_field_pairs,
    )
