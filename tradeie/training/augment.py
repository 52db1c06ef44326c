"""Training-time augmentation: the same document with its places renamed.

The corpus names a few hundred places, and real trade news names thousands. A model trained
on the corpus alone learns "Chongqing" and "ASEAN" as words; on a city it never saw it has
only the word's shape, its affixes, its context and the gazetteer features to go on, and it
finds far fewer of those (see docs/pipeline.md, "Help for the NER").

``tradeie.PlaceSwap.v1`` is a spaCy augmenter (``[corpora.train.augmenter]``). It yields every
example unchanged and, with probability ``level``, a copy in which each LOCATION or PARTNER
name that the gazetteer knows is replaced by another name of the same kind: a city by a city,
a country by a country, a province by a province, a bloc by a bloc. The replacement is the
same everywhere in the document, unlabelled mentions included ("Chongqing Customs" becomes
"Kaunas Customs" together with the LOCATION "Chongqing"), so the document still says one
thing. Entities and gold relations move with the text; a document whose annotation cannot be
carried over exactly is yielded once, unchanged.
"""
from __future__ import annotations

import random
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from ..normalize.place import lookup
from ..pipeline.relations import GOLD_KEY

PLACE_LABELS = ("LOCATION", "PARTNER")
# Kinds that swap with each other: the groups of the NER's gazetteer features.
KIND_GROUPS = {"country": "country", "bloc": "bloc", "grouping": "bloc", "region": "bloc",
               "economic region": "bloc", "subdivision": "province", "province": "province",
               "autonomous region": "province", "municipality": "province", "city": "city"}
# Economies that are neither countries nor blocs; they keep their names.
ECONOMIES = frozenset({"Hong Kong", "Macao", "Macau", "Taiwan"})
# Towns this small are often ordinary words; a replacement should read as a place.
MIN_POPULATION = 100_000
_NAME = re.compile(r"[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3}")


@lru_cache(maxsize=1)
def replacement_pools(min_population: int = MIN_POPULATION) -> Dict[str, Tuple[str, ...]]:
    """Kind group -> canonical names a place of that kind may be renamed to.

    Names are ASCII, capitalised and up to four words; cities have at least
    ``min_population`` people; blocs and regions are groups of countries. Sorted, so that a seeded run picks the same names."""
    from ..normalize.place import gazetteer

    pools: Dict[str, set] = {group: set() for group in set(KIND_GROUPS.values())}
    for place in gazetteer().values():
        group = KIND_GROUPS.get(place.kind)
        name = place.name
        if group is None or not name.isascii() or not _NAME.fullmatch(name):
            continue
        if place.kind == "city" and place.population < min_population:
            continue
        if group == "bloc" and (place.country or name in ECONOMIES or name.startswith("Non")):
            continue  # the Pearl River Delta lies in China, "Non-EU" is no place
        found = lookup(name)
        if found is None or KIND_GROUPS.get(found.kind) != group:
            continue  # a province that reads as a city of its name: not a clean example
        pools[group].add(name)
    return {group: tuple(sorted(names)) for group, names in pools.items()}


def place_swap(level: float = 0.5, min_population: int = MIN_POPULATION
               ) -> Callable[[Language, Example], Iterator[Example]]:
    """The augmenter ``tradeie.PlaceSwap.v1``: each example, and with probability ``level``
    a copy with its places renamed; a city is renamed to a city of at least ``min_population``
    people. Randomness comes from Python's ``random``, which ``spacy train`` seeds from
    ``[system] seed``."""
    if not 0.0 <= level <= 1.0:
        raise ValueError(f"PlaceSwap level must be between 0 and 1, got {level!r}")
    if min_population < 0:
        raise ValueError(f"PlaceSwap min_population must be 0 or more, got {min_population!r}")

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if level and random.random() < level:
            swapped = swap_places(nlp, example.reference, random.Random(random.random()),
                                  replacement_pools(min_population))
            if swapped is not None:
                yield Example(nlp.make_doc(swapped.text), swapped)

    return augment


_GENERIC = re.compile(r"\s+(?:Province|City|Municipality|Prefecture|Autonomous Region|"
                      r"Special Administrative Region|SAR|Region|State|County|District)$")


def _place_name(text: str) -> Optional[Tuple[str, str, str]]:
    """The gazetteer name inside an entity's text, its canonical name and kind group:
    "the EU" -> ("EU", "European Union", "bloc"), "Jiangsu Province" -> "Jiangsu", so that the
    word "Province" stays and "Jiangsu" alone gets the same new name."""
    name = re.sub(r"^[Tt]he\s+", "", text).strip()
    if not name or not name[0].isupper() or "\n" in name:
        return None
    core = _GENERIC.sub("", name)
    place = lookup(core) if core != name else None
    if place is None:
        core, place = name, lookup(name)
    group = KIND_GROUPS.get(place.kind) if place is not None else None
    if place is not None and place.name in ECONOMIES:
        return None  # no other place is like them
    return (core, place.name, group) if group else None


def plan_renames(doc: Doc, rng: random.Random,
                 pools: Optional[Dict[str, Sequence[str]]] = None) -> Dict[str, str]:
    """Old name -> new name for every gazetteer place the document labels.

    Names of one place get one new name ("US" and "United States"); a new name is never one
    already in the text, and two places never get the same one."""
    pools = replacement_pools() if pools is None else pools
    renames: Dict[str, str] = {}
    by_place: Dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        found = _place_name(ent.text)
        if found is None or found[0] in renames:
            continue
        name, canonical, group = found
        if canonical in by_place:
            renames[name] = by_place[canonical]
            continue
        pool = pools.get(group) or ()
        for _ in range(20 if pool else 0):
            new = pool[rng.randrange(len(pool))]
            if new not in by_place.values() and new != name and new not in doc.text:
                renames[name] = by_place[canonical] = new
                break
    return renames


def _occurrences(text: str, renames: Dict[str, str]) -> List[Tuple[int, int, str]]:
    """(start, end, new name) of every whole-word mention of a renamed name, longest first
    where two overlap ("Hong Kong" before "Kong")."""
    if not renames:
        return []
    names = sorted(renames, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return [(m.start(), m.end(), renames[m.group()]) for m in pattern.finditer(text)]


def swap_places(nlp: Language, reference: Doc, rng: random.Random,
                pools: Optional[Dict[str, Sequence[str]]] = None) -> Optional[Doc]:
    """A copy of ``reference`` with its places renamed, its entities and gold relations moved
    with the text; None when there is nothing to rename or an entity edge would fall inside a
    renamed name."""
    renames = plan_renames(reference, rng, pools)
    spots = _occurrences(reference.text, renames)
    if not spots:
        return None
    starts = [s for s, _, _ in spots]
    shifts, pieces, last, shift = [], [], 0, 0
    for start, end, new in spots:
        pieces += [reference.text[last:start], new]
        shift += len(new) - (end - start)
        shifts.append(shift)
        last = end
    pieces.append(reference.text[last:])
    text = "".join(pieces)

    def moved(offset: int, is_end: bool) -> Optional[int]:
        i = bisect_right(starts, offset - 1 if is_end else offset) - 1
        if i < 0:
            return offset
        start, end, _ = spots[i]
        if offset >= end:
            return offset + shifts[i]
        if not is_end and offset == start:
            return offset + (shifts[i - 1] if i else 0)
        return None  # inside a renamed name

    doc = nlp.make_doc(text)
    spans = {}
    for ent in reference.ents:
        start, end = moved(ent.start_char, False), moved(ent.end_char, True)
        span = None if start is None or end is None else doc.char_span(start, end, ent.label_)
        if span is None:
            return None
        spans[(ent.start, ent.end)] = span
    try:
        doc.ents = list(spans.values())
    except ValueError:
        return None
    gold = []
    for hs, he, cs, ce, label in reference.user_data.get(GOLD_KEY, []):
        head, child = spans.get((hs, he)), spans.get((cs, ce))
        if head is None or child is None:
            return None
        gold.append([head.start, head.end, child.start, child.end, label])
    doc.user_data.update(reference.user_data)
    doc.user_data[GOLD_KEY] = gold
    return doc
