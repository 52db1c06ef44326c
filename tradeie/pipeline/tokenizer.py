"""``tradeie.Tokenizer.v1``: spaCy's English tokenizer with rules for broken news text.

Crawled trade news drops the space after a full stop ("year on year.The imports") and uses
full-width digits, percent signs and punctuation ("５％.", "７．８％.Among", "yuan，a",
"１）ASEAN") and list bullets written against the item ("・United States"); these rules split
such tokens.

Loading a pipeline builds the tokenizer twice: spaCy first calls the factory, then reads the
saved tokenizer, which rebuilds every special case (about 0.15 s of the load). A saved state
byte-equal to the one just built is therefore not read again.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..normalize.text import BULLETS

_FULL_WIDTH_PUNCT = r"[，；：。、（）「」『』【】]"
_BULLETS = f"[{BULLETS}]"  # "・United States": a list bullet written against the item
EXTRA_PREFIXES = [_FULL_WIDTH_PUNCT, _BULLETS, r"\.(?=[A-Z][a-z])"]
EXTRA_SUFFIXES = [r"％", r"(?<=[０-９％])\.", r"(?<=[0-9])\.(?=$)", _FULL_WIDTH_PUNCT]
EXTRA_INFIXES = [r"(?<=[0-9a-z%])\.(?=[A-Z][a-z])", r"(?<=[０-９])(?=％)", r"(?<=％)\.(?=[A-Za-z])", r"(?<=％)(?=[^\s.])",
                 _FULL_WIDTH_PUNCT, r"(?<=[)）])(?=[A-Za-z])"]


class TradeTokenizer(Tokenizer):
    """spaCy's `Tokenizer`, except that loading the state it already has is a no-op."""

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> TradeTokenizer:
        if bytes_data == self.to_bytes(exclude=exclude):
            return self
        return super().from_bytes(bytes_data, exclude=exclude)


def create_tokenizer(nlp: Language) -> Tokenizer:
    tokenizer = TradeTokenizer(nlp.vocab, rules=nlp.Defaults.tokenizer_exceptions,
                          prefix_search=compile_prefix_regex(
                              list(nlp.Defaults.prefixes or []) + EXTRA_PREFIXES).search,
                          suffix_search=compile_suffix_regex(
                              list(nlp.Defaults.suffixes or []) + EXTRA_SUFFIXES).search,
                          infix_finditer=compile_infix_regex(
                              list(nlp.Defaults.infixes or []) + EXTRA_INFIXES).finditer,
                          token_match=nlp.Defaults.token_match,
                          url_match=nlp.Defaults.url_match)
    return tokenizer

