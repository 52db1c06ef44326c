"""Currencies as trade news writes them: names, symbols and ISO 4217 codes.

Source: ISO 4217 (list one, current codes); written names and symbols as the English-language
releases and wires of each place spell them. ``money.py`` builds its grammar from these tables.

Matching rules the tables encode:

- ``CURRENCY_WORDS`` follow a number ("5 billion rand"), ``CURRENCY_SYMBOLS`` precede one
  ("NZ$5 billion"); both are matched in any case. Qualified names ("Chilean pesos") are longer
  than the bare ones ("pesos") and win, as the grammar tries the longest name first.
- ``CASED_PREFIXES`` and ``CASED_SUFFIXES`` are matched only as written: "R5 billion" is rand,
  "r5" is not; "SEK 5 billion" is kronor, "sek" is not read. Every ISO code tradeie knows is
  read in capitals before or after a number ("CHF 5 billion", "5 billion NOK").
- A ``WEAK_PREFIXES`` / ``WEAK_SUFFIXES`` token is also an ordinary token of the news ("R2",
  "COP28", "Hong Kong SAR 2023"), so it counts only with a scale word: "R5 billion", "SAR 5bn".
- A name or symbol that several countries use ("¥", "pesos", "rupees", "dinars") follows the
  reporting place's country through ``LOCAL_CURRENCIES``, as "$" follows the caller's dollar;
  elsewhere the entry in ``CURRENCY_WORDS`` / ``CURRENCY_SYMBOLS`` stands, and a name whose
  entry there is None ("dinars") is read only where the country says which one it is.

>>> CURRENCY_WORDS["chilean pesos"], CASED_PREFIXES["R"], CASED_SUFFIXES["NOK"]
('CLP', 'ZAR', 'NOK')
>>> LOCAL_CURRENCIES["¥"]["JP"], LOCAL_CURRENCIES["pesos"]["MX"], LOCAL_CURRENCIES["rs"]["PK"]
('JPY', 'MXN', 'PKR')
"""
from __future__ import annotations

# Written currency names -> ISO 4217; "$" stands for the caller's ``dollar``, None for a name
# read only through ``LOCAL_CURRENCIES``.
CURRENCY_WORDS: dict[str, str | None] = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "chinese yuan": "CNY",
    "u.s. dollars": "USD", "u.s. dollar": "USD", "us dollars": "USD", "us dollar": "USD",
    "united states dollars": "USD", "american dollars": "USD", "usd": "USD",
    "dollars": "$", "dollar": "$",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "hkd": "HKD",
    "new taiwan dollars": "TWD", "taiwan dollars": "TWD", "twd": "TWD", "ntd": "TWD",
    "singapore dollars": "SGD", "sgd": "SGD",
    "australian dollars": "AUD", "aud": "AUD",
    "canadian dollars": "CAD", "cad": "CAD",
    "new zealand dollars": "NZD", "nz dollars": "NZD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "japanese yen": "JPY", "jpy": "JPY",
    "won": "KRW", "korean won": "KRW", "krw": "KRW",
    "ringgit": "MYR", "myr": "MYR",
    "baht": "THB", "thb": "THB",
    "dong": "VND", "vietnamese dong": "VND", "vnd": "VND",
    "rupiah": "IDR", "idr": "IDR",
    # Bare "pesos" is PHP where the place's country does not say: tradeie reads China-ASEAN
    # trade news first, where the peso is the Philippine one. A qualified name says otherwise.
    "pesos": "PHP", "php": "PHP", "philippine pesos": "PHP",
    "chilean pesos": "CLP", "mexican pesos": "MXN", "argentine pesos": "ARS",
    "argentinian pesos": "ARS", "colombian pesos": "COP",
    # Bare "rupees" and "Rs" are INR where the place's country does not say otherwise.
    "rupees": "INR", "inr": "INR", "indian rupees": "INR",
    "pakistani rupees": "PKR", "pakistan rupees": "PKR",
    "sri lankan rupees": "LKR", "sri lanka rupees": "LKR",
    "taka": "BDT", "bangladeshi taka": "BDT",
    "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP",
    "egyptian pounds": "EGP", "egyptian pound": "EGP",
    "reais": "BRL", "brl": "BRL",
    "rubles": "RUB", "roubles": "RUB", "rub": "RUB",
    "swiss francs": "CHF", "chf": "CHF",
    # "kroner" alone is Norwegian or Danish: only the qualified names are read.
    "norwegian kroner": "NOK", "norwegian krone": "NOK",
    "swedish kronor": "SEK", "swedish krona": "SEK", "kronor": "SEK",
    "danish kroner": "DKK", "danish krone": "DKK",
    "rand": "ZAR", "south african rand": "ZAR",
    "lira": "TRY", "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY",
    "riyals": "SAR", "riyal": "SAR", "saudi riyals": "SAR", "saudi riyal": "SAR",
    "qatari riyals": "QAR", "qatari riyal": "QAR", "omani rials": "OMR", "omani riyals": "OMR",
    "dinars": None, "dinar": None,
    "kuwaiti dinars": "KWD", "bahraini dinars": "BHD", "jordanian dinars": "JOD",
    "iraqi dinars": "IQD", "algerian dinars": "DZD", "tunisian dinars": "TND",
    "libyan dinars": "LYD", "serbian dinars": "RSD",
    "dirhams": "AED", "dirham": "AED", "uae dirhams": "AED", "emirati dirhams": "AED",
    "moroccan dirhams": "MAD", "moroccan dirham": "MAD",
    "tenge": "KZT", "kazakh tenge": "KZT",
    "zlotys": "PLN", "zloty": "PLN", "zlotych": "PLN", "złoty": "PLN", "polish zlotys": "PLN",
    "polish zloty": "PLN", "zł": "PLN",
    "forints": "HUF", "forint": "HUF", "hungarian forints": "HUF",
    "koruna": "CZK", "korunas": "CZK", "koruny": "CZK", "czech koruna": "CZK",
    "czech crowns": "CZK", "kč": "CZK",
    "naira": "NGN", "nigerian naira": "NGN",
    "kenyan shillings": "KES", "kenya shillings": "KES",
}
# Symbols and abbreviations written before the number, in any case.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "hk$": "HKD", "nt$": "TWD", "s$": "SGD", "a$": "AUD",
    "au$": "AUD", "c$": "CAD", "r$": "BRL", "rm": "MYR", "rmb": "CNY", "rp": "IDR",
    "nz$": "NZD", "mx$": "MXN", "e£": "EGP", "jp¥": "JPY", "cn¥": "CNY",
    "¥": "CNY", "€": "EUR", "£": "GBP", "₩": "KRW", "₫": "VND", "₹": "INR", "₱": "PHP",
    "₺": "TRY", "₦": "NGN", "₸": "KZT", "৳": "BDT",
    "$": "$", "usd": "USD", "cny": "CNY", "eur": "EUR", "hkd": "HKD", "jpy": "JPY",
    "krw": "KRW", "gbp": "GBP", "twd": "TWD", "sgd": "SGD", "aud": "AUD", "myr": "MYR",
}

# Names and symbols that several countries use -> {reporting place's ISO 3166-1 code: ISO 4217}.
_PESO = {"MX": "MXN", "PH": "PHP", "AR": "ARS", "CL": "CLP", "CO": "COP"}
_RUPEE = {"IN": "INR", "PK": "PKR", "LK": "LKR"}
_DINAR = {"DZ": "DZD", "BH": "BHD", "IQ": "IQD", "JO": "JOD", "KW": "KWD", "LY": "LYD",
          "RS": "RSD", "TN": "TND"}
_RIYAL = {"SA": "SAR", "QA": "QAR", "OM": "OMR"}
LOCAL_CURRENCIES: dict[str, dict[str, str]] = {
    "¥": {"JP": "JPY"}, "pesos": _PESO, "rupees": _RUPEE, "rs": _RUPEE, "rs.": _RUPEE,
    "dinars": _DINAR, "dinar": _DINAR, "riyals": _RIYAL, "riyal": _RIYAL,
}
ISO_CODES = frozenset(v for v in {**CURRENCY_WORDS, **CURRENCY_SYMBOLS}.values()
                      if v and v != "$")

# Matched only as written. The codes that the tables above already read in any case are left
# out, so their matching does not change.
CASED_PREFIXES: dict[str, str] = {
    "R": "ZAR", "Rs": "INR", "Rs.": "INR", "KSh": "KES", "Ksh": "KES", "Kshs": "KES",
    "Tk": "BDT", "Tk.": "BDT", "TL": "TRY",
    **{code: code for code in sorted(ISO_CODES) if code.lower() not in CURRENCY_SYMBOLS},
}
CASED_SUFFIXES: dict[str, str] = {
    "TL": "TRY", **{code: code for code in sorted(ISO_CODES) if code.lower() not in CURRENCY_WORDS}}

WEAK_PREFIXES = frozenset({"R", "SAR", "COP", "TRY", "PHP"})  # "R2", "Hong Kong SAR 2023", "PHP 8"
WEAK_SUFFIXES = frozenset({"SAR", "COP", "TRY"})  # "the 2023 COP", "in 2019 SAR"
