"""Partners named as the other member of a pair."""
import pytest

from tradeie.pipeline.partners import pair_partner


@pytest.mark.parametrize("text,location,partner", [
    ("Goods worth €253.1bn were traded between Germany and China last year.", "Germany", "China"),
    ("China-Africa trade reached a record high of 282 billion U.S. dollars.", "China", "Africa"),
    ("Sino-US trade fell 4 percent.", "China", "United States"),
    ("Trade between the EU and the United Kingdom fell.", "European Union", "United Kingdom"),
    ("Trade between Japan and Korea fell.", "China", None),
    ("The talks ran between Monday and Tuesday.", "China", None),
], ids=["between", "hyphen", "sino", "the-names", "pair-without-the-place", "no-places"])
def test_the_other_member_of_a_pair_is_the_partner(blank, text, location, partner):
    assert pair_partner(blank(text)[:], location) == partner
