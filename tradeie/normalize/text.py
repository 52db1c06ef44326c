"""Clean-up shared by the normalizers: Unicode width, HTML entities, broken numbers."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from ..errors import check_str

_SPACES = re.compile(r"\s+")

FOLDS_TO_LATIN = re.compile("[\u0130\u0131\u017f\u212a]")
"""İ ı ſ K (Kelvin sign): characters that IGNORECASE matches against a Latin letter but that
a lower-cased, case-sensitive search would miss (or that ``lower()`` lengthens). A fast path
that searches lower-cased text without IGNORECASE must step aside when a text holds one."""
BULLETS = "・･·‧∙◆◇■□▪▫●○◦★☆►▶▸➢➤✓✔※"
"""List bullets written against the item ("・United States: ５１２．７ billion yen"): the
Japanese middle dot and the shapes office software puts before list items. The tokenizer
splits them off, ``prepare_text`` folds them (all but the middle dot "·", which also joins
letters: "l·l") to "•", and a product name drops them."""
# "36.\n\n26 billion": a number broken by a line break after its decimal point.
_BROKEN_DECIMAL = re.compile(r"(\d)\.[ \t]*\n\s*(\d)")
# "1.3. per cent": a stray full stop after a number.
_STRAY_STOP = re.compile(r"(\d)\.(?=\s*(?:per ?cent|pct|%))")
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-",
                         "\u2011": "-", "\u2018": "'", "\u2019": "'", "\u00a0": " "})

MAX_TEXT = 10_000  # normalizers read short spans; longer text is cut for safety


def clean(text: object, name: str = "text") -> str:
    """Fold full-width forms, unescape HTML entities, mend broken numbers, squash spaces.

    >>> clean("１２．５％")
    '12.5%'
    >>> clean("36.\\n\\n26 billion&nbsp;yuan")
    '36.26 billion yuan'
    """
    text = check_str(text, name)[:MAX_TEXT]
    return _clean_span(text) if len(text) <= 256 else _clean(text)


# Control characters of ASCII (Unicode category Cc), tab and line feed kept.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: str) -> str:
    # Most text is plain ASCII, for which NFKC is the identity and the only "C" characters
    # are the ASCII controls.
    text = html.unescape(text)
    if text.isascii():
        text = _ASCII_CONTROL.sub("", text)
    else:
        text = unicodedata.normalize("NFKC", text).translate(_DASHES)
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _BROKEN_DECIMAL.sub(r"\1.\2", text)
    text = _STRAY_STOP.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


# The normalizers clean the same short entity texts many times over.
_clean_span = lru_cache(maxsize=8192)(_clean)
