"""``tradeie.Tokenizer.v1``: spaCy's English tokenizer with rules for broken news text.

Crawled trade news drops the space after a full stop ("year on year.The imports") and uses
full-width digits and percent signs ("５％."); these rules split such tokens.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

EXTRA_SUFFIXES = [r"％", r"(?<=[０-９％])\.", r"(?<=[0-9])\.(?=$)"]
EXTRA_INFIXES = [r"(?<=[0-9a-z%])\.(?=[A-Z][a-z])", r"(?<=[０-９])(?=％)"]


def create_tokenizer(nlp: Language) -> Tokenizer:
    tokenizer = Tokenizer(nlp.vocab, rules=nlp.Defaults.tokenizer_exceptions,
                          prefix_search=_default(nlp, "prefixes").search,
                          suffix_search=compile_suffix_regex(
                              list(nlp.Defaults.suffixes or []) + EXTRA_SUFFIXES).search,
                          infix_finditer=compile_infix_regex(
                              list(nlp.Defaults.infixes or []) + EXTRA_INFIXES).finditer,
                          token_match=nlp.Defaults.token_match,
                          url_match=nlp.Defaults.url_match)
    return tokenizer


def _default(nlp: Language, name: str):
    from spacy.util import compile_prefix_regex

    return compile_prefix_regex(getattr(nlp.Defaults, name))
