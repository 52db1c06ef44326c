"""Percentages: growth or share figures, and percentage points (which are never growth).

>>> parse_percent("up 8.3 percent")
Percent(value=8.3, kind='percent')
>>> parse_percent("6.9 percentage points")
Percent(value=6.9, kind='points')
>>> parse_percent("-3.2%")
Percent(value=-3.2, kind='percent')
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .text import FOLDS_TO_LATIN, clean

# A percentage beyond this is a parsing accident (real growth rates reach a few thousand).
MAX_PERCENT = 1e6

_PERCENT = re.compile(
    r"(?<![\w.])(?P<sign>[-+]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*|-)"  # "9.8-percent", "a 2.5-percentage-point rise": a compound adjective
    r"(?P<unit>%|percentage[ -]points?|ppts?\b|pp\b|percent(?:age)? pts?\b|per[ -]?cent\b|pct\b|pc\b|"
    r"pts?\b|points?\b)",
    re.IGNORECASE,
)

UP_WORDS = (
    "above",
    "up", "rose", "rise", "rising", "risen", "rises", "grew", "grow", "growth", "grown", "grows",
    "increase", "increased", "increasing", "increases", "surged", "surge", "surging", "jumped",
    "jump", "jumping", "climbed", "climb", "soared", "soar", "gained", "gain", "expanded",
    "expansion", "advanced", "higher", "hike", "boost", "boosted", "rebounded", "accelerated",
    "added", "picked up", "widened", "widening", "swelled", "leapt", "leaped", "skyrocketed",
    "spiked", "rallied",
    # headline present tense and other inflections: "exports climb 9%", "trade jumps 12%"
    "climbs", "jumps", "surges", "soars", "gains", "expands", "advances", "rebounds", "rallies",
    "leaps", "spikes", "swells",
    # participles: "imports fell 3%, with exports to Africa soaring 41%"
    "climbing", "soaring", "growing", "gaining", "expanding", "advancing", "rebounding",
    "leaping", "swelling", "rallying",
)
DOWN_WORDS = (
    "down", "fell", "fall", "falling", "fallen", "falls", "declined", "decline", "declining",
    "declines", "decreased", "decrease", "decreasing", "drop", "dropped", "dropping", "slumped",
    "slump", "plunged", "plunge", "slid", "slide", "shrank", "shrink", "shrinking", "contracted",
    "contraction", "contract", "dipped", "dip", "lower", "lost", "tumbled", "sank", "eased",
    "negative growth", "retreated", "slipped", "reduction", "narrowed", "narrowing", "narrows",
    "tumble", "plummeted", "slipping", "shrunk", "minus", "below",
    # headline present tense and other inflections: "watch exports slip 16.1%"
    "slip", "slips", "sag", "sags", "sagged", "ease", "eases", "easing", "sink", "sinks", "sunk",
    "dive", "dives", "dived", "retreat", "retreats", "skid", "skids", "skidded", "dips", "drops",
    "plunges", "tumbles", "slides", "slumps", "contracts", "shrinks", "decreases", "weakened",
    "softened", "lose", "loses", "shed", "sheds",
    # "Cheaper oil and gas cut the energy import bill by 11.4%"
    "cut", "cuts", "cutting", "reduced", "trimmed", "halved",
    # participles: "Coal exports were the main drag, sliding 27.5 per cent"
    "sliding", "slumping", "plunging", "tumbling", "sinking", "diving", "shedding", "losing",
    "weakening", "softening", "contracting", "skidding", "sagging", "retreating",
)
_UP = re.compile(r"\b(" + "|".join(sorted(map(re.escape, UP_WORDS), key=len, reverse=True)) + r")\b", re.I)
_DOWN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, DOWN_WORDS), key=len, reverse=True)) + r")\b", re.I)

_UP_SET, _DOWN_SET = frozenset(UP_WORDS), frozenset(DOWN_WORDS)
_WORD = re.compile(r"\w+")


def _last_direction_words(context: str) -> tuple[int, int]:
    """End of the last up word and of the last down word in lower-case ``context`` (-1 for
    none), as ``_UP`` and ``_DOWN`` find them, but by a set lookup per word: the two
    alternations tried at every character were a tenth of the assembler's time. Each
    word of the lists is a whole run of word characters, except "picked up", which ends
    where its "up" ends, and "negative growth", a down word where "growth" is an up one."""
    last_up = last_down = -1
    for m in _WORD.finditer(context):
        word = m.group()
        if word in _UP_SET:
            last_up = m.end()
            if word == "growth" and context.endswith("negative ", 0, m.start()) and \
                    (m.start() == 9 or not context[m.start() - 10].isalnum() and context[m.start() - 10] != "_"):
                last_down = m.end()
        elif word in _DOWN_SET and (word != "minus" or not context[m.end():].strip()):
            last_down = m.end()
    return last_up, last_down


@dataclass(frozen=True)
class Percent:
    """A percentage; ``kind`` is "points" for percentage points."""

    value: float
    kind: Literal["percent", "points"] = "percent"


def find_percents(text: str):
    """Yield ``(start, end, Percent)`` for every percentage in already-cleaned ``text``."""
    for m in _PERCENT.finditer(text):
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        if not math.isfinite(value) or value > MAX_PERCENT:
            continue
        if (m.group("sign") or "").strip() == "-":
            value = -value
        unit = m.group("unit").lower()
        kind = "points" if ("point" in unit or "pt" in unit or unit == "pp") else "percent"
        if unit in ("pt", "pts", "point", "points") and not _looks_like_points(text, m):
            continue
        yield m.start(), m.end(), Percent(value, kind)


def _looks_like_points(text: str, m: re.Match) -> bool:
    # "38.5 points" alone is an index score, not a percentage; "2.1 points faster/higher" is.
    tail = text[m.end(): m.end() + 30].lower()
    return bool(re.match(r"\s*(higher|lower|faster|slower|above|below|more|less|up|down)", tail))


def parse_percent(text: str) -> Percent | None:
    """Read the first percentage in ``text``; None if it holds none.

    >>> parse_percent("１２．５％")
    Percent(value=12.5, kind='percent')
    >>> parse_percent("1.3. per cent")
    Percent(value=1.3, kind='percent')
    >>> parse_percent("2022") is None
    True
    """
    cleaned = clean(text)
    for _, _, pct in find_percents(cleaned):
        return pct
    return None


def polarity(context: str) -> int:
    """+1 if the words around a percentage say it rose, -1 if it fell, 0 if they do not say.

    The nearest direction word wins, so pass the words *before* a percentage as they are
    written ("exports fell 5.4%" -> -1; "a decline of 2.1%" -> -1; "up 8.3%" -> +1).

    >>> polarity("exports fell")
    -1
    >>> polarity("a year-on-year increase of")
    1
    >>> polarity("accounting for")
    0
    """
    context = clean(context, "context").lower()
    if FOLDS_TO_LATIN.search(context):
        last_up = max((m.end() for m in _UP.finditer(context)), default=-1)
        # "minus" signs only the number right after it: "changes of 0.9, minus 3.6 and 8.2 percent"
        last_down = max((m.end() for m in _DOWN.finditer(context)
                         if m.group(1) != "minus" or not context[m.end():].strip()), default=-1)
    else:
        last_up, last_down = _last_direction_words(context)
    if last_up < 0 and last_down < 0:
        return 0
    return 1 if last_up > last_down else -1


# a change noun and what changed, right after a rate: "a 10.4% jump in automotive sales"
CHANGE_NOUN_IN = re.compile(r"\s*(?:year[- ]on[- ]year\s+|annual\s+|y/y\s+)?"
                            r"(jump|rise|increase|gain|surge|climb|growth|expansion|rebound|"
                            r"drop|fall|decline|decrease|"
                            r"slump|plunge|contraction|dip|slide)\s+in\s+", re.I)


def signed_growth(pct: Percent, before: str, after: str = "", clause: str = "") -> float | None:
    """Growth in percent with the sign the words give; None for percentage points.

    A number written with a minus keeps it. Otherwise the direction word nearest before the
    number decides, then one right after it ("5.4% lower"), then the nearest in ``clause``,
    the words further back that the rate shares a verb with ("Crude oil purchases dropped
    8.7% to 41.2 million tonnes, natural gas 2.9% and coal 21.6%").

    >>> signed_growth(Percent(5.4), "imports fell")
    -5.4
    >>> signed_growth(Percent(21.6), "million tonnes, and coal", "", "purchases dropped 8.7% to")
    -21.6
    >>> signed_growth(Percent(51.06), "down 0.40 percent from September but", " higher than")
    51.06
    >>> signed_growth(Percent(12.9), "the surplus rose on a", " fall in imports")
    -12.9
    >>> signed_growth(Percent(2.0, "points"), "up") is None
    True
    """
    if pct.kind == "points":
        return None
    if pct.value < 0:
        return pct.value
    # the words right after the number, whole and within its clause: "5.4% lower", not
    # "(+31.3%), while automobiles slipped"
    after = re.split(r"[,;:()]", re.match(r".{0,25}\w*", after, re.S).group(0), maxsplit=1)[0]
    # a comparative right after the number is its own: "down 0.40 percent from September but
    # 51.06 percent higher than a year earlier"
    comparative = re.match(r"\s*(higher|lower|more|less|above|below)\b", after)
    if comparative:
        return -pct.value if comparative.group(1) in ("lower", "less", "below") else pct.value
    # so is a change noun with what changed: "the surplus rose on a 12.9% fall in imports"
    noun = CHANGE_NOUN_IN.match(after)
    if noun:
        return pct.value * (polarity(noun.group(1)) or 1)
    direction = polarity(before[-60:]) or polarity(after) or (
        # "12.4% less than in November 2021", "3.2% more than a year ago"
        -1 if re.match(r"\s*less\b", after) else 1 if re.match(r"\s*more\b", after) else 0) or (
        polarity(clause) if clause else 0)
    return -pct.value if direction < 0 else pct.value


_BARE = re.compile(r"^\s*([-+]?)(\d+(?:\.\d+)?)\s*$")


def resolve_percent(surface: str) -> Percent | None:
    """A percentage, also from a bare number that a table's "%" column header qualifies.

    >>> resolve_percent("9.2"), resolve_percent("-3.1")
    (Percent(value=9.2, kind='percent'), Percent(value=-3.1, kind='percent'))
    """
    return _resolve_percent(surface) if isinstance(surface, str) else parse_percent(surface)


@lru_cache(maxsize=16384)
def _resolve_percent(surface: str) -> Percent | None:  # a news text repeats its rates' forms
    pct = parse_percent(surface)
    if pct is not None:
        return pct
    m = _BARE.match(clean(surface))
    if not m:
        return None
    value = float(m.group(2))
    if value > MAX_PERCENT:
        return None
    return Percent(-value if m.group(1) == "-" else value)
