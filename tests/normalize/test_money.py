from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from tradeie.normalize import parse_money
from tradeie.normalize.money import ISO_CODES, MAX_VALUE, Money, money_registry

B = 10**9
M = 10**6
T = 10**12


def case(text, value, currency, id=None, xfail=None, **kw):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, kw, None if value is None else Decimal(str(value)), currency,
                        id=id or text[:40], marks=marks)


# Forms listed in phenomena.md ("Numbers and money").
PHENOMENA = [
    case("112.32 billion yuan", 112_320_000_000, "CNY"),
    case("RMB 43.1 billion", 43_100_000_000, "CNY"),
    case("RMB43.1bn", 43_100_000_000, "CNY"),
    case("43.1 bn yuan", 43_100_000_000, "CNY"),
    case("¥4.3 billion", 4_300_000_000, "CNY"),
    case("1.06 trillion yuan", 1_060_000_000_000, "CNY"),
    case("2,139.49 billion yuan", 2_139_490_000_000, "CNY"),
    case("US$770 million", 770 * M, "USD"),
    case("$ 104.45 billion", 104_450_000_000, "USD"),
    # South African and Canadian papers hyphenate the scale word
    case("R1.77-trillion", 1_770_000_000_000, "ZAR"),
    case("$45.2-billion", 45_200_000_000, "USD"),
    case("1.2-billion yuan", 1_200_000_000, "CNY"),
    case("USD 6.2 billion", 6_200_000_000, "USD"),
    case("6.2 billion U.S. dollars", 6_200_000_000, "USD"),
    case("RM75.3 billion", 75_300_000_000, "MYR"),
    case("€1.2bn", 1_200_000_000, "EUR"),
    case("12.7 billion euros", 12_700_000_000, "EUR"),
    case("HK$3.4 billion", 3_400_000_000, "HKD"),
    case("NT$52.6 billion", 52_600_000_000, "TWD"),
    case("₩3.2 trillion", 3_200_000_000_000, "KRW"),
    case("3.5 hundred million yuan", 350_000_000, "CNY"),
    case("1,386,540 ten thousand yuan", 13_865_400_000, "CNY"),
    case("1386540 10 thousand yuan", 13_865_400_000, "CNY"),
    case("5,000 10,000 yuan", 50_000_000, "CNY"),
    case("10,000 yuan", 10_000, "CNY"),
    case("100 million yuan", 100_000_000, "CNY"),
    case("over 50 billion yuan", 50 * B, "CNY"),
    case("nearly 50 billion yuan", 50 * B, "CNY"),
    case("about 78.6 billion U.S. dollars", 78_600_000_000, "USD"),
    case("topped 1 trillion yuan", T, "CNY"),
    case("exceeded 50 billion yuan", 50 * B, "CNY"),
    case("($8.19 billion)", 8_190_000_000, "USD"),
    case("5.2 trillion yen", 5_200_000_000_000, "JPY"),
    case("47.3 billion U.S. dollars", 47_300_000_000, "USD"),
]

# Scale words and separators.
SCALES = [
    case("250 thousand yuan", 250_000, "CNY"),
    case("3.4 million dollars", 3_400_000, "USD"),
    case("US$3.4mn", 3_400_000, "USD"),
    case("US$3.4 mln", 3_400_000, "USD"),
    case("$3.4m", 3_400_000, "USD"),
    case("$2.5b", 2_500_000_000, "USD"),
    case("€4.1 bln", 4_100_000_000, "EUR"),
    case("RMB 1.2 tn", 1_200_000_000_000, "CNY"),
    case("1,234,567 yuan", 1_234_567, "CNY"),
    case("12,345.6 million yuan", 12_345_600_000, "CNY"),
    case("0.5 billion yuan", 500_000_000, "CNY"),
    case(".5 billion euros", 500_000_000, "EUR", xfail="a leading decimal point without a prefix is not read"),
    case("1 billion yuan", B, "CNY"),
    case("20 yuan", 20, "CNY"),
    case("7 Billion Yuan", 7 * B, "CNY"),
    case("7 BILLION YUAN", 7 * B, "CNY"),
    case("5.67 hundred million U.S. dollars", 567_000_000, "USD"),
    case("1.5 trillion won", 1_500_000_000_000, "KRW"),
    case("98.44 billion yuan,", 98_440_000_000, "CNY"),
    case("2.50 billion yuan", 2_500_000_000, "CNY"),
]

# Currency words and symbols of the places trade news reports from.
CURRENCIES = [
    case("RMB 5 billion", 5 * B, "CNY"),
    case("5 billion renminbi", 5 * B, "CNY"),
    case("CNY 5 billion", 5 * B, "CNY"),
    case("5 billion Chinese yuan", 5 * B, "CNY"),
    case("5 billion US dollars", 5 * B, "USD"),
    case("5 billion dollars", 5 * B, "USD"),
    case("5 billion Hong Kong dollars", 5 * B, "HKD"),
    case("5 billion New Taiwan dollars", 5 * B, "TWD"),
    case("S$5 billion", 5 * B, "SGD"),
    case("A$5 billion", 5 * B, "AUD"),
    case("C$5 billion", 5 * B, "CAD"),
    case("£5 billion", 5 * B, "GBP"),
    case("5 billion pounds", 5 * B, "GBP"),
    case("5 billion ringgit", 5 * B, "MYR"),
    case("5 billion baht", 5 * B, "THB"),
    case("5 trillion dong", 5 * T, "VND"),
    case("5 trillion rupiah", 5 * T, "IDR"),
    case("5 billion yen", 5 * B, "JPY"),
    case("5 billion won", 5 * B, "KRW"),
    case("5 billion Korean won", 5 * B, "KRW"),
    case("₹5 billion", 5 * B, "INR"),
    case("R$5 billion", 5 * B, "BRL"),
    case("5 billion euro", 5 * B, "EUR"),
    case("EUR 5 billion", 5 * B, "EUR"),
    case("HKD 5 billion", 5 * B, "HKD"),
    case("JPY 5 billion", 5 * B, "JPY"),
    case("5 billion Swiss francs", 5 * B, "CHF"),
    case("$5 billion", 5 * B, "HKD", dollar="HKD"),
    case("$5 billion", 5 * B, "AUD", dollar="AUD"),
    case("US$5 billion", 5 * B, "USD", dollar="HKD"),
    case("5 billion dollars", 5 * B, "SGD", dollar="SGD"),
]

# Currencies beyond East Asia: Latin America, Europe, the Gulf, Africa, South Asia, Oceania.
WORLD = [
    case("TL 120.5 billion", 120.5 * B, "TRY"),
    case("12.5 billion TL", 12.5 * B, "TRY"),
    case("5 billion Chilean pesos", 5 * B, "CLP"),
    case("5 billion Mexican pesos", 5 * B, "MXN"),
    case("5 billion Argentine pesos", 5 * B, "ARS"),
    case("5 billion Colombian pesos", 5 * B, "COP"),
    case("5 billion pesos", 5 * B, "PHP", id="bare pesos stay PHP"),
    case("5 billion pesos filipinos", 5 * B, "PHP"),
    case("5 billion Philippine pesos", 5 * B, "PHP"),
    case("₱5 billion", 5 * B, "PHP"),
    case("NZ$5 billion", 5 * B, "NZD"),
    case("5 billion New Zealand dollars", 5 * B, "NZD"),
    case("NOK 5 billion", 5 * B, "NOK"),
    case("5 billion Norwegian kroner", 5 * B, "NOK"),
    case("5 billion Swedish kronor", 5 * B, "SEK"),
    case("SEK 5 billion", 5 * B, "SEK"),
    case("5 billion Danish kroner", 5 * B, "DKK"),
    case("CHF 5 billion", 5 * B, "CHF"),
    case("5 billion rand", 5 * B, "ZAR"),
    case("R5 billion", 5 * B, "ZAR"),
    case("R1.2bn", 1_200_000_000, "ZAR"),
    case("R500m", 500 * M, "ZAR"),
    case("5 billion lira", 5 * B, "TRY"),
    case("5 billion Turkish lira", 5 * B, "TRY"),
    case("₺5 billion", 5 * B, "TRY"),
    case("5 billion riyals", 5 * B, "SAR"),
    case("SAR 5 billion", 5 * B, "SAR"),
    case("5 billion Qatari riyals", 5 * B, "QAR"),
    case("5 billion dirhams", 5 * B, "AED"),
    case("AED 5 billion", 5 * B, "AED"),
    case("5 billion Moroccan dirhams", 5 * B, "MAD"),
    case("5 billion tenge", 5 * B, "KZT"),
    case("5 billion zlotys", 5 * B, "PLN"),
    case("PLN 5 billion", 5 * B, "PLN"),
    case("5 billion forints", 5 * B, "HUF"),
    case("5 billion koruna", 5 * B, "CZK"),
    case("5 billion Egyptian pounds", 5 * B, "EGP"),
    case("5 billion naira", 5 * B, "NGN"),
    case("5 billion Kenyan shillings", 5 * B, "KES"),
    case("KSh 5 billion", 5 * B, "KES"),
    case("5 billion Pakistani rupees", 5 * B, "PKR"),
    case("5 billion taka", 5 * B, "BDT"),
    case("Tk 500 crore", 5 * B, "BDT"),
    case("5 billion Sri Lankan rupees", 5 * B, "LKR"),
    case("5 billion Vietnamese dong", 5 * B, "VND"),
    case("R$42.1 billion", 42_100_000_000, "BRL"),
    case("R$ 42.1 bilhões", 42_100_000_000, "BRL"),
    case("R$ 350 milhões", 350 * M, "BRL"),
    case("R$ 1.2 mil milhões", 1_200_000_000, "BRL"),
    case("R$ 3 trilhões", 3 * T, "BRL"),
    case("5 billion Kuwaiti dinars", 5 * B, "KWD"),
    case("5 billion Omani rials", 5 * B, "OMR"),
    case("JP¥5 billion", 5 * B, "JPY"),
    case("5 billion dinars", None, None, id="bare dinars without a country"),
]

# Indian numbering: lakh = 1e5, crore = 1e7, lakh crore = 1e12.
INDIAN = [
    case("Rs 5 crore", 50 * M, "INR"),
    case("₹3,06,711 crore", 3_067_110 * M, "INR"),  # lakh grouping of the digits
    case("Rs. 5 crore", 50 * M, "INR"),
    case("Rs5 crore", 50 * M, "INR"),
    case("Rs 5 lakh", 500_000, "INR"),
    case("5 lakh crore rupees", 5 * T, "INR"),
    case("₹5 lakh crore", 5 * T, "INR"),
    case("₹5,000 crore", 50 * B, "INR"),
    case("5,000 crore rupees", 50 * B, "INR"),
    case("5 billion Indian rupees", 5 * B, "INR"),
]

# ISO 4217 codes, before or after the number.
CODES = [
    case("USD 5 billion", 5 * B, "USD"),
    case("5 billion USD", 5 * B, "USD"),
    case("EUR 1.2bn", 1_200_000_000, "EUR"),
    case("5 billion CHF", 5 * B, "CHF"),
    case("5 billion NOK", 5 * B, "NOK"),
    case("THB 5 billion", 5 * B, "THB"),
    case("MXN 5 billion", 5 * B, "MXN"),
    case("5bn ZAR", 5 * B, "ZAR"),
    case("500 SEK", 500, "SEK"),
    case("5 billion (SEK)", 5 * B, "SEK"),
]

# Currency tokens that are also ordinary tokens of the news: they must not make an amount.
LOOKALIKES = [
    case("R2", None, None, id="R code name"),
    case("the R2 robot", None, None),
    case("R5", None, None, id="R without a scale"),
    case("R 5 billion", None, None, id="R spaced from the number"),
    case("r5 billion", None, None, id="lower-case r"),
    case("RMB", None, None),
    case("RMB 5 billion", 5 * B, "CNY", id="RMB is not R"),
    case("RM5 billion", 5 * B, "MYR", id="RM is not R"),
    case("R&D 5 billion yuan", 5 * B, "CNY", id="R&D then an amount"),
    case("Rs", None, None),
    case("Rs and", None, None, id="Rs not at a number"),
    case("Hong Kong SAR 2023", None, None),
    case("the Macao SAR 25th anniversary", None, None),
    case("at COP28 in Dubai", None, None),
    case("COP 29", None, None),
    case("the 2023 COP summit", None, None),
    case("PHP 8", None, None, id="PHP the language"),
    case("try 5 billion", None, None, id="try is a verb"),
    case("sek 5 billion", None, None, id="codes only in capitals"),
    case("5 billion kroner", None, None, id="kroner is NOK or DKK"),
    case("5 billion shillings", None, None, id="shillings is KES, UGX or TZS"),
    case("5 crore", None, None, id="crore without a currency"),
]

# Broken source text: line breaks, entities, full-width digits, signs.
BROKEN = [
    # a dash before the amount is punctuation, not a minus: "E&E exports -- RM50.03 billion, or"
    case("-- RM50.03 billion", "50030000000", "MYR"),
    case("-- 5.2 billion yuan", "5200000000", "CNY"),
    case("-RM5 billion", "-5000000000", "MYR"),
    case("36.\n\n26 billion yuan", 36_260_000_000, "CNY"),
    case("１２．５ billion yuan", 12_500_000_000, "CNY"),
    case("１２３億 yuan", 12_300_000_000, "CNY", xfail="Chinese unit characters (億, 万) are not read"),
    case("43.1&nbsp;billion yuan", 43_100_000_000, "CNY"),
    case("43.1\u00a0billion yuan", 43_100_000_000, "CNY"),
    case("43.1\nbillion yuan", 43_100_000_000, "CNY"),
    case("RMB\n43.1 billion", 43_100_000_000, "CNY"),
    case("-$2.1 billion", -2_100_000_000, "USD"),
    case("\u2212$2.1 billion", -2_100_000_000, "USD"),
    case("minus 3 billion dollars", -3 * B, "USD"),
    case("$1.2 billion yuan", 1_200_000_000, "CNY"),
    case("US $ 5.5 billion", 5_500_000_000, "USD"),
    case("\u200b5 billion yuan", 5 * B, "CNY"),
    case("5 billion yuan\x00", 5 * B, "CNY"),
]

# Text with no amount of money.
NONE = [
    case("billion", None, None),
    case("2022", None, None),
    case("75.7%", None, None),
    case("", None, None),
    case("yuan", None, None),
    case("the city's exports", None, None),
    case("12.5 tonnes", None, None),
    case("3.2 million TEUs", None, None),
    case("1,000 enterprises", None, None),
    case("5 billion", None, None),
    case("1e400 billion yuan", None, None),
    case("99999999999999999999 billion yuan", None, None),
    case("No. 1", None, None),
    case("<b>", None, None),
]


@pytest.mark.parametrize("text,kw,value,currency",
                         PHENOMENA + SCALES + CURRENCIES + WORLD + INDIAN + CODES + LOOKALIKES
                         + BROKEN + NONE)
def test_money_parse_examples(text, kw, value, currency):
    money = parse_money(text, **kw)
    if value is None:
        assert money is None
    else:
        assert money == Money(value, currency)


def test_money_table_is_large_enough():
    assert len(PHENOMENA + SCALES + CURRENCIES + BROKEN + NONE) >= 80


@pytest.mark.parametrize("code", sorted(ISO_CODES))
def test_money_reads_every_known_code_before_and_after_a_number(code):
    assert parse_money(f"{code} 5 billion") == Money(Decimal(5 * B), code)
    assert parse_money(f"5 billion {code}") == Money(Decimal(5 * B), code)


@pytest.mark.parametrize("code", sorted(ISO_CODES))
def test_money_registry_has_a_dimension_per_code(code):
    assert str(money_registry().Quantity(1, code).dimensionality) == f"[currency_{code}]"


def test_money_quantity_has_currency_unit():
    q = parse_money("112.32 billion yuan").quantity
    assert str(q.units) == "CNY"
    assert q.magnitude == Decimal("112320000000")


def test_money_convert_with_caller_rates():
    money = parse_money("100 million yuan").to("USD", rates={"CNY": "0.14"})
    assert money == Money(Decimal("14000000"), "USD")


def test_money_convert_new_currency_with_caller_rates():
    money = parse_money("R5 billion").to("USD", rates={"ZAR": "0.055"})
    assert money == Money(Decimal("275000000"), "USD")


def test_money_convert_without_rate_names_currency():
    with pytest.raises(KeyError, match="CNY"):
        parse_money("1 yuan").to("USD", rates={})


def test_money_currencies_do_not_convert_implicitly():
    import pint

    reg = money_registry()
    with pytest.raises(pint.DimensionalityError):
        reg.Quantity(1, "CNY").to("USD")


@pytest.mark.parametrize("bad", [None, 12, b"5 billion yuan", ["5 billion yuan"]],
                         ids=["none", "int", "bytes", "list"])
def test_money_rejects_non_str_naming_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        parse_money(bad)


@given(st.text())
def test_money_never_raises_on_text(text):
    money = parse_money(text)
    assert money is None or money.value.is_finite()


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
       st.sampled_from(["billion yuan", "million U.S. dollars", "trillion yen"]))
def test_money_reads_formatted_numbers(number, unit):
    money = parse_money(f"{number:,} {unit}")
    scale = {"billion": 10**9, "million": 10**6, "trillion": 10**12}[unit.split()[0]]
    if number * scale >= MAX_VALUE:
        assert money is None  # rejected, never overflowed
    else:
        assert money.value == number * scale


# A bare name or symbol that several countries use follows the reporting place's country,
# as "$" follows its dollar; a qualified name or another country keeps the default.
LOCAL = [
    ("¥5 billion", None, "CNY"), ("¥5 billion", "CN", "CNY"), ("¥5 billion", "JP", "JPY"),
    ("5 billion yen", "CN", "JPY"), ("5 billion yuan", "JP", "CNY"),
    ("5 billion pesos", None, "PHP"), ("5 billion pesos", "PH", "PHP"),
    ("5 billion pesos", "MX", "MXN"), ("5 billion pesos", "AR", "ARS"),
    ("5 billion pesos", "CL", "CLP"), ("5 billion pesos", "CO", "COP"),
    ("5 billion pesos", "US", "PHP"), ("5 billion Philippine pesos", "MX", "PHP"),
    ("5 billion rupees", None, "INR"), ("5 billion rupees", "PK", "PKR"),
    ("5 billion rupees", "LK", "LKR"), ("Rs 5 crore", "PK", "PKR"), ("Rs 5 crore", "IN", "INR"),
    ("5 billion dinars", "KW", "KWD"), ("5 billion dinars", "RS", "RSD"),
    ("5 billion riyals", None, "SAR"), ("5 billion riyals", "QA", "QAR"),
    ("$5 billion", "JP", "USD"), ("HK$5 billion", "JP", "HKD"),
]


@pytest.mark.parametrize("text,country,currency", LOCAL,
                         ids=[f"{t} in {c}" for t, c, _ in LOCAL])
def test_money_bare_name_follows_the_place_country(text, country, currency):
    money = parse_money(text, country=country)
    assert money.currency == currency


def test_table_cell_borrows_the_header_unit_in_the_place_currency():
    from tradeie.normalize.money import resolve_amount

    money = resolve_amount("1,052.6", " 9.2", "Unit: ¥ billion\nASEAN ", country="JP")
    assert (money.value, money.currency) == (Decimal("1052600000000"), "JPY")


@given(st.text(), st.sampled_from([None, "JP", "MX", "PK", "KW", "ZZ"]))
def test_money_never_raises_with_a_country(text, country):
    money = parse_money(text, country=country)
    assert money is None or money.value.is_finite()


TABLE_UNITS = [
    ("Unit: 100 million yuan", "105260000000", "CNY"),
    ("Unit: USD 100 million", "105260000000", "USD"),
    ("Unit: RMB 100 million", "105260000000", "CNY"),
    ("Unit: RMB billion", "1052600000000", "CNY"),
    ("Unit: yuan 100 million", "105260000000", "CNY"),
    ("Unit: 10,000 yuan", "10526000", "CNY"),
    ("Unit: RMB 10,000", "10526000", "CNY"),
    ("Unit: 1 billion yuan", "1052600000000", "CNY"),
    ("Unit: US$ million", "1052600000", "USD"),
    ("Unit: USD million", "1052600000", "USD"),
    ("(in millions of U.S. dollars)", "1052600000", "USD"),
    ("Unit: billion US dollars", "1052600000000", "USD"),
    ("Unit: SEK million", "1052600000", "SEK"),
    ("Unit: million rand", "1052600000", "ZAR"),
]


@pytest.mark.parametrize("header,value,currency", TABLE_UNITS, ids=[h for h, _, _ in TABLE_UNITS])
def test_table_cell_borrows_the_header_unit(header, value, currency):
    from decimal import Decimal

    from tradeie.normalize.money import resolve_amount

    money = resolve_amount("1,052.6", " 9.2", f"{header}\nASEAN ")
    assert (money.value, money.currency) == (Decimal(value), currency)


@pytest.mark.parametrize("text, value", [
    ("$22 billion 348 million", 22348000000),
    ("22 billion 348 million dollars", 22348000000),
    ("USD 5 billion 12 million", 5012000000),
    ("$22.5 billion 348 million", 22500000000),  # a decimal is complete on its own
    ("$348 million 22 billion", 348000000),  # a larger second scale is another number
])
def test_a_remainder_with_its_own_smaller_scale_adds_up(text, value):
    assert parse_money(text).value == value
