import math

import pytest
from hypothesis import given, strategies as st

from tradeie.normalize import parse_percent, polarity, signed_growth
from tradeie.normalize.percent import Percent


def case(text, value, kind="percent", xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, value, kind, id=text[:40], marks=marks)


# Growth and share forms from phenomena.md ("Percentages: growth, share, or neither").
PHENOMENA = [
    case("up 8.3 percent year on year", 8.3),
    case("a year-on-year increase of 27%", 27.0),
    case("surged 75.7% to", 75.7),
    case("rose by 5.1 per cent", 5.1),
    case("grew 12 pct", 12.0),
    case("down 3.2%", 3.2),
    case("fell 5.4 percent", 5.4),
    case("a decline of 2.1%", 2.1),
    case("narrowing the decline by 5.4 percentage points", 5.4, "points"),
    case("2020%", 2020.0),
    case("accounting for 22.9% of the total", 22.9),
    case("making up 15 percent of", 15.0),
    case("a proportion of 34%", 34.0),
    case("promoting export growth by 6.9 percentage points", 6.9, "points"),
    case("3.1 points higher than the national average", 3.1, "points"),
    case("up 62.1 percent from the same period of 2019", 62.1),
    case("down 0.3% from May", 0.3),
    case("the top 15 cities average 38.5 points", None),
    case("１２．５％", 12.5),
    case("1.3. per cent", 1.3),
]
FORMS = [
    case("-3.2%", -3.2),
    case("\u22123.2%", -3.2),
    case("+4.5%", 4.5),
    case("4.5 %", 4.5),
    case("4.5percent", 4.5),
    case("4.5 Percent", 4.5),
    case("4.5 PER CENT", 4.5),
    case("1,200%", 1200.0),
    case("0.8 pct", 0.8),
    case("2.3 percentage point", 2.3, "points"),
    case("2.3 ppts", 2.3, "points"),
    case("2.3pp", 2.3, "points"),
    case("2.3 pts faster", 2.3, "points"),
    case("100%", 100.0),
    case("0%", 0.0),
    case("12.5% and 3%", 12.5),
    case("8.3\npercent", 8.3),
    case("8.3&nbsp;percent", 8.3),
    case("nine percent", 9.0, xfail="numbers written as words are not read"),
]
# Compound adjectives: "a 9.8-percent rise".
HYPHENATED = [
    case("9.8-percent", 9.8),
    case("a 9.8-percent rise in exports", 9.8),
    case("9.8-per-cent", 9.8),
    case("1.5-pct", 1.5),
    case("exports fell 32.9pc", 32.9),  # British and South Asian papers
    case("1.5 million PCs", None),
    case("a 2.5-percentage-point drop", 2.5, "points"),
    case("5-10%", 10.0),
    case("9.8 - percent", None),
    case("3-point lead", None),
]
NONE = [
    case("", None), case("2022", None), case("percent", None), case("up sharply", None),
    case("75.7", None), case("1e999%", None), case("9" * 400 + "%", None),
]


@pytest.mark.parametrize("text,value,kind", PHENOMENA + FORMS + HYPHENATED + NONE)
def test_percent_parse_examples(text, value, kind):
    pct = parse_percent(text)
    if value is None:
        assert pct is None
    else:
        assert pct == Percent(value, kind)


def test_percent_table_is_large_enough():
    assert len(PHENOMENA + FORMS + NONE) >= 40


@pytest.mark.parametrize("context,expected", [
    ("exports surged", 1), ("imports fell", -1), ("a decline of", -1), ("decreased by", -1),
    ("contracted", -1), ("up", 1), ("down", -1), ("a year-on-year increase of", 1),
    ("accounting for", 0), ("shrank", -1), ("dropped", -1), ("plunged", -1),
    ("exports fell but imports rose", 1), ("rose earlier, then fell", -1),
    ("negative growth of", -1), ("", 0),
    ("the main drag, sliding", -1), ("footwear and wood products, slumping", -1),
    ("imports fell, with exports to Africa soaring", 1),
    ("Cheaper oil and gas cut the energy import bill by", -1),
], ids=lambda v: str(v))
def test_percent_polarity_of_context(context, expected):
    assert polarity(context) == expected


@pytest.mark.parametrize("pct,before,after,expected", [
    (Percent(5.4), "imports fell", "", -5.4),
    (Percent(5.4), "imports were", " lower", -5.4),
    (Percent(5.4), "exports rose", "", 5.4),
    (Percent(-5.4), "exports rose", "", -5.4),
    (Percent(2.0, "points"), "up", "", None),
    (Percent(3.0), "accounting for", "", 3.0),
    (Percent(16.1), "Swiss watch exports slip", " in March", -16.1),
    (Percent(9.0), "Saudi non-oil exports climb", "", 9.0),
    (Percent(31.3), "petroleum products $46.35 billion (", "), while automobiles slipped", 31.3),
    (Percent(12.4), "exports were", " less than in November", -12.4),
], ids=["fell", "lower-after", "rose", "minus-kept", "points", "share", "headline-slip",
        "headline-climb", "next-clause", "less-after"])
def test_percent_signed_growth(pct, before, after, expected):
    assert signed_growth(pct, before, after) == expected


@pytest.mark.parametrize("bad", [None, 3.5, b"5%"], ids=["none", "float", "bytes"])
def test_percent_rejects_non_str_naming_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        parse_percent(bad)


@given(st.text())
def test_percent_never_raises_and_is_finite(text):
    pct = parse_percent(text)
    assert pct is None or math.isfinite(pct.value)
    assert polarity(text) in (-1, 0, 1)


def test_minus_signs_only_the_number_after_it():
    from tradeie.normalize.percent import polarity

    assert polarity("changes of 0.9 percent, minus") == -1
    assert polarity("changes of 0.9 percent, minus 3.6 percent and") == 0
    assert polarity("exports fell 2.1% and imports") == -1


@given(st.lists(st.sampled_from(["up", "fell", "negative", "growth", "picked", "minus", "3.6%",
                                  "rose", "xnegative", "Négative", "ıncreased", "_", ",", "and"]),
                max_size=8), st.sampled_from([" ", "", "-", "  "]))
def test_polarity_by_word_lookup_reads_as_the_word_patterns(words, sep):
    from tradeie.normalize import percent
    from tradeie.normalize.text import clean

    context = sep.join(words)
    lower = clean(context, "context").lower()
    ups = [m.end() for m in percent._UP.finditer(lower)]
    downs = [m.end() for m in percent._DOWN.finditer(lower)
             if m.group(1) != "minus" or not lower[m.end():].strip()]
    up, down = max(ups, default=-1), max(downs, default=-1)
    expected = 0 if up < 0 and down < 0 else (1 if up > down else -1)
    assert polarity(context) == expected


def test_below_and_above_after_a_rate_give_its_sign():
    assert signed_growth(Percent(2.5), "shipments were only", " below the level of a year earlier") == -2.5
    assert signed_growth(Percent(3.1), "exports were", " above the level of 2022") == 3.1
