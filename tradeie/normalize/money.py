"""Money amounts: value in base units as Decimal, ISO 4217 currency, a pint Quantity.

pint knows no currencies, so tradeie defines each ISO code as a unit of its own dimension.
Conversion needs rates the caller supplies; tradeie never guesses an exchange rate.

>>> parse_money("112.32 billion yuan")
Money(value=Decimal('112320000000'), currency='CNY')
>>> parse_money("US$770 million")
Money(value=Decimal('770000000'), currency='USD')
>>> parse_money("3.5 hundred million yuan")
Money(value=Decimal('350000000'), currency='CNY')
>>> parse_money("75.7%") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Mapping

from .currencies import (CASED_PREFIXES, CASED_SUFFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS,
                         ISO_CODES, LOCAL_CURRENCIES, WEAK_PREFIXES, WEAK_SUFFIXES)
from .text import clean

# Largest amount accepted: about 10 quadrillion in any unit. World trade is ~3e13 USD; amounts
# in dong or rupiah reach 1e16. Anything bigger is a parsing accident, not a trade figure.
MAX_VALUE = Decimal("1e17")

SCALES: dict[str, Decimal] = {
    "thousand": Decimal("1e3"), "k": Decimal("1e3"),
    "million": Decimal("1e6"), "mn": Decimal("1e6"), "mln": Decimal("1e6"), "m": Decimal("1e6"),
    "hundred million": Decimal("1e8"), "100 million": Decimal("1e8"),
    # Chinese wan: "1,386,540 ten thousand yuan", "5,000 10,000 yuan"
    "ten thousand": Decimal("1e4"), "10 thousand": Decimal("1e4"), "ten-thousand": Decimal("1e4"),
    "10,000": Decimal("1e4"), "10000": Decimal("1e4"),
    "billion": Decimal("1e9"), "bn": Decimal("1e9"), "bln": Decimal("1e9"), "b": Decimal("1e9"),
    "trillion": Decimal("1e12"), "tn": Decimal("1e12"), "trn": Decimal("1e12"),
    # Indian numbering: "Rs 5 crore", "5 lakh crore rupees".
    "lakh": Decimal("1e5"), "lakhs": Decimal("1e5"), "lac": Decimal("1e5"),
    "crore": Decimal("1e7"), "crores": Decimal("1e7"), "cr": Decimal("1e7"),
    "lakh crore": Decimal("1e12"), "lakh crores": Decimal("1e12"),
    # Brazilian Portuguese: "R$ 42.1 bilhões"; "mil milhões" is the European billion.
    "milhão": Decimal("1e6"), "milhões": Decimal("1e6"), "bilhão": Decimal("1e9"),
    "bilhões": Decimal("1e9"), "mil milhões": Decimal("1e9"), "trilhão": Decimal("1e12"),
    "trilhões": Decimal("1e12"),
}


def _alternation(words, cased=()) -> str:
    """Longest first; ``cased`` words match only as written, whatever the pattern's flags."""
    both = [(w, False) for w in words] + [(w, True) for w in cased]
    return "|".join(f"(?-i:{re.escape(w)})" if exact else re.escape(w)
                    for w, exact in sorted(both, key=lambda p: len(p[0]), reverse=True))


_FRACTION = r"(?:\.(?:[ \t]*\n\s*)?\d+)?"  # "36.\n\n26": a decimal broken by a line break
_INDIAN = r"\d{1,2}(?:,\d\d)+,\d{3}"  # "₹3,06,711 crore": lakh grouping
_NUMBER = (r"(?P<sign>[-+]\s?)?(?P<num>" + _INDIAN + _FRACTION + r"|\d{1,3}(?:,\d{3})+" + _FRACTION
           + r"|\d+" + _FRACTION + r"|\.\d+)")
_SCALE = r"(?P<scale>" + _alternation(SCALES) + r")\b"
# Rand is written "R5bn"; "R 5 billion" is a label and a number, "RMB" another currency.
_PREFIX = (r"(?P<pre>(?-i:R)(?=\d)|"
           + _alternation(CURRENCY_SYMBOLS, (k for k in CASED_PREFIXES if k != "R")) + r")")
_SUFFIX = r"(?P<suf>" + _alternation(CURRENCY_WORDS, CASED_SUFFIXES) + r")\b"
# "$22 billion 348 million": Turkish and some Russian-language releases write the
# remainder with a smaller scale of its own
_TAIL = r"\s+(?P<{0}>\d{{1,3}})\s+(?P<{0}s>million|thousand)\b"
_MONEY = re.compile(
    rf"(?:(?:(?<![\w-])(?P<sign0>-\s?)|(?<![\w])){_PREFIX}\s?{_NUMBER}(?:[\s-]?{_SCALE}(?:{_TAIL.format('tail')})?)?"
    rf"(?:\s+{_SUFFIX})?"
    rf"|(?:(?<![\w$€£¥₩.-])(?P<sign2>[-+]\s?)|(?<![\w$€£¥₩.]))(?P<num2>{_INDIAN}{_FRACTION}|\d{{1,3}}(?:,\d{{3}})+{_FRACTION}|"
    rf"\d+{_FRACTION})"
    rf"(?:[\s-]?(?P<scale2>{_alternation(SCALES)})\b(?:{_TAIL.format('tail2')})?)?(?:\s*\(?\s*(?P<suf2>"
    rf"{_alternation(CURRENCY_WORDS, CASED_SUFFIXES)})\)?\b))",
    re.IGNORECASE,
)
_NEGATIVE_WORDS = re.compile(r"\b(minus|negative)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    """An amount of money in base units of an ISO 4217 currency."""

    value: Decimal
    currency: str

    def __repr__(self) -> str:
        return f"Money(value={self.value!r}, currency={self.currency!r})"

    @property
    def quantity(self):
        """The amount as a pint Quantity whose unit is the currency code."""
        return money_registry().Quantity(self.value, self.currency)

    def to(self, currency: str, *, rates: Mapping[str, float | Decimal | str]) -> "Money":
        """Convert with caller-supplied ``rates``: units of ``currency`` per one unit of a code.

        >>> Money(Decimal("100"), "CNY").to("USD", rates={"CNY": "0.14"})
        Money(value=Decimal('14.00'), currency='USD')
        """
        if currency == self.currency:
            return self
        if self.currency not in rates:
            raise KeyError(f"no rate for {self.currency} in rates; pass rates={{'{self.currency}': "
                           f"<{currency} per 1 {self.currency}>}}")
        reg = money_registry()
        rate = Decimal(str(rates[self.currency]))
        ctx = _rate_context(reg, self.currency, currency, rate)
        converted = self.quantity.to(currency, ctx)
        return Money(Decimal(converted.magnitude), currency)


@lru_cache(maxsize=1)
def money_registry():
    """A pint UnitRegistry where every ISO currency is a unit of its own dimension."""
    import pint

    reg = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=False)
    for code in sorted(ISO_CODES):
        reg.define(f"{code} = [currency_{code}]")
    return reg


def _rate_context(reg, source: str, target: str, rate: Decimal):
    import pint

    ctx = pint.Context(f"rates_{source}_{target}")
    ctx.add_transformation(f"[currency_{source}]", f"[currency_{target}]",
                           lambda r, x: x.magnitude * rate * r.Quantity(Decimal(1), target))
    return ctx


def _to_decimal(num: str) -> Decimal | None:
    try:
        value = Decimal(re.sub(r"[,\s]", "", num))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _resolve_currency(raw: str, dollar: str, country: str | None = None) -> str | None:
    raw = raw.strip()
    key = raw.lower()
    local = LOCAL_CURRENCIES.get(key, {}).get(country or "")
    if local is not None:
        return local  # "¥" in Tokyo, "pesos" in Mexico City
    code = (CASED_PREFIXES.get(raw) or CASED_SUFFIXES.get(raw) or CURRENCY_SYMBOLS.get(key)
            or CURRENCY_WORDS.get(key))
    if code == "$":
        return dollar
    return code


def find_money(text: str, *, dollar: str = "USD", country: str | None = None):
    """Yield ``(start, end, Money)`` for every amount in already-cleaned ``text``."""
    for m in _MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        cur_raw = m.group("pre") or ""
        suffix = m.group("suf") or m.group("suf2") or ""
        if scale in ("m", "b", "k") and not cur_raw:
            continue  # "5m yuan" is fine with a prefix only; bare "5 m" is too ambiguous
        if not scale and (cur_raw in WEAK_PREFIXES and not suffix or suffix in WEAK_SUFFIXES):
            continue  # "R2", "Hong Kong SAR 2023", "the 2023 COP": money only with a scale
        currency = None
        if suffix:
            currency = _resolve_currency(suffix, dollar, country)
        if cur_raw and (currency is None or currency == dollar and suffix.lower().startswith("doll")):
            currency = _resolve_currency(cur_raw, dollar, country)
        if currency is None:
            continue
        value = _to_decimal(num)
        if value is None:
            continue
        value = value * SCALES.get(scale, Decimal(1)) + (_tail(m, scale) if "." not in num else 0)
        sign = (m.group("sign0") or m.group("sign") or m.group("sign2") or "").strip()
        if sign == "-" or _NEGATIVE_WORDS.search(text, max(0, m.start() - 60), m.start()):
            value = -value
        if abs(value) >= MAX_VALUE:
            continue
        yield m.start(), m.end(), Money(_normal(value), currency)


def _tail(m: re.Match, scale: str) -> Decimal:
    """The "348 million" of "$22 billion 348 million", when its scale is the smaller."""
    for name in ("tail", "tail2"):
        if m.group(name):
            small = SCALES[m.group(name + "s").lower()]
            if small < SCALES.get(scale, Decimal(1)):
                return Decimal(m.group(name)) * small
    return Decimal(0)


def _normal(value: Decimal) -> Decimal:
    """Drop the exponent so 1.1232E+11 prints as 112320000000."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_money(text: str, *, dollar: str = "USD", country: str | None = None) -> Money | None:
    """Read the first amount of money in ``text``; None if it holds none.

    ``dollar`` is the currency a bare "$" stands for (HKD in a Hong Kong release); ``country``
    the reporting place's ISO 3166-1 code, which says what a bare "¥", "pesos" or "rupees" is.

    >>> parse_money("RMB43.1bn")
    Money(value=Decimal('43100000000'), currency='CNY')
    >>> parse_money("€1.2bn")
    Money(value=Decimal('1200000000'), currency='EUR')
    >>> parse_money("$5.2 billion", dollar="HKD")
    Money(value=Decimal('5200000000'), currency='HKD')
    >>> parse_money("R5 billion"), parse_money("Rs 5 crore")
    (Money(value=Decimal('5000000000'), currency='ZAR'), Money(value=Decimal('50000000'), currency='INR'))
    >>> parse_money("¥5 billion", country="JP")  # CNY where the place is not in Japan
    Money(value=Decimal('5000000000'), currency='JPY')
    """
    cleaned = clean(text)
    for _, _, money in find_money(cleaned, dollar=dollar, country=country):
        return money
    return None


_BARE = re.compile(r"^\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$")
_LEAD_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_WORDS = (r"(?:(?:100|hundred|ten|10)\s+(?:million|thousand)|10,?000|1\s+(?:billion|million)|"
                r"billions?|millions?|thousands?|trillions?|bn|mn)")
_UNIT_NOTE = re.compile(
    r"(?:\bunits?\b|\bin\b|\()\s*[:：]?\s*(?P<unit>(?:" + _SCALE_WORDS + r")?\s*(?:of\s+)?(?:"
    + _alternation(CURRENCY_WORDS, CASED_SUFFIXES) + r"|"
    + _alternation(k for k in CURRENCY_SYMBOLS if not k.isalpha()) + r"|"
    + _alternation(k for k in CASED_PREFIXES if k != "R")
    + r")(?:\s*" + _SCALE_WORDS + r"\b)?)", re.I)


def _scale_first(unit: str, number: str) -> tuple[str, str]:
    """(unit, number) in the order ``parse_money`` reads: "USD 100 million" -> "100 million
    USD"; "10,000 yuan" multiplies the number out, as no scale word says ten thousand."""
    m = re.match(r"^(?P<cur>[A-Za-z. ]+?)\s*(?P<scale>" + _SCALE_WORDS + r")$", unit, re.I)
    if m:
        unit = f"{m.group('scale')} {m.group('cur')}"
    tens = re.match(r"^(?:10,?000|ten thousand|10 thousand)\s*", unit, re.I)
    if tens:
        number = str(Decimal(number) * 10000)
        unit = unit[tens.end():]
    unit = re.sub(r"^1\s+(billion|million)", r"\1", unit, flags=re.I)
    return unit, number


_TAIL_AFTER = re.compile(r"\s+\d{1,3}\s+(?:million|thousand)\b", re.I)


def resolve_amount(surface: str, following: str = "", preceding: str = "", *,
                   dollar: str = "USD", country: str | None = None) -> Money | None:
    """An amount, borrowing the unit a list or a table header states once.

    "1021.3, 812.6 and 643.9 100 million yuan" marks three amounts; only the last carries its
    unit. A table says "Unit: 100 million yuan" once above its rows. ``following`` is the text
    after the amount (up to the end of its sentence), ``preceding`` the text before it.

    >>> resolve_amount("14.71", ", 13.91 and 8.19 billion yuan")
    Money(value=Decimal('14710000000'), currency='CNY')
    >>> resolve_amount("1,453.6", " 9.2", "Unit: 100 million yuan, %\\nASEAN ")
    Money(value=Decimal('145360000000'), currency='CNY')
    >>> resolve_amount("112,605", " | 20.5", "(KSh million; change in per cent)\\nUganda | ")
    Money(value=Decimal('112605000000'), currency='KES')
    >>> resolve_amount("$22 billion", " 348 million in December")
    Money(value=Decimal('22348000000'), currency='USD')
    """
    units = {"dollar": dollar, "country": country}
    money = parse_money(surface, **units)
    if money is not None:
        if not _TAIL_AFTER.match(following):
            return money
        # the NER marked "$22 billion" of "$22 billion 348 million"
        whole = parse_money(surface + following[:20], **units)
        return whole if whole is not None and abs(whole.value) > abs(money.value) and \
            abs(whole.value) < abs(money.value) * 2 and whole.currency == money.currency else money
    if not _BARE.match(clean(surface)):
        return money
    number = clean(surface).strip()
    follower = clean(following[:200])
    # The list's last item: the first amount after this one that has a unit.
    for m in _MONEY.finditer(follower):
        unit_text = follower[m.start():m.end()]
        borrowed = _LEAD_NUMBER.sub(lambda _: number.replace(",", ""), unit_text, count=1)
        if re.match(r"^[\s,;0-9.and]*$", follower[: m.start()].replace("and", "")):
            return parse_money(borrowed, **units)
        break
    notes = list(_UNIT_NOTE.finditer(clean(preceding[-1500:])))
    if notes:
        unit, plain = _scale_first(notes[-1].group("unit").strip(), number.replace(",", ""))
        unit = re.sub(r"^(billion|million|thousand|trillion)s\b", r"\1", unit, flags=re.I)
        unit = re.sub(r"\bof\s+", "", unit)
        symbol = re.match(r"^(\S*[$€£¥₩])\s*(\w+)?$", unit)
        if symbol:  # "US$ billion" -> "US$9.4 billion"
            return parse_money(f"{symbol.group(1)}{plain} {symbol.group(2) or ''}", **units)
        prefix = re.match(r"^(?:(?P<scale>\w+)\s+)?(?P<prefix>\S+)$", unit)
        if prefix and prefix.group("prefix") in CASED_PREFIXES:  # "(KSh million)" -> "KSh 5 million"
            return parse_money(f"{prefix.group('prefix')} {plain} {prefix.group('scale') or ''}",
                               **units)
        return parse_money(f"{plain} {unit}", **units) or parse_money(f"{unit}{plain}", **units)
    return None
