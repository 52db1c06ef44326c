"""tradeie: foreign-trade facts from English news, as a spaCy pipeline.

>>> import tradeie
>>> facts = tradeie.extract("In 2022, Xiamen's exports rose 8.1% to 512.3 billion yuan.")  # doctest: +SKIP
"""
from __future__ import annotations

from .errors import AnnotationError, InputTypeError, ModelLoadError, TradeieError
from .facts import Evidence, RankFact, TradeFact, fact_from_dict
from .normalize import canonical_place, parse_money, parse_percent, parse_period

__version__ = "0.1.0"

__all__ = [
    "AnnotationError", "Evidence", "InputTypeError", "ModelLoadError", "RankFact", "TradeFact",
    "TradeieError", "__version__", "canonical_place", "extract", "fact_from_dict", "load",
    "parse_money", "parse_percent", "parse_period", "render", "to_frame",
]


def __getattr__(name: str):
    # The API that needs spaCy loads lazily, so `import tradeie` stays fast and side-effect free.
    if name in ("load", "extract", "to_frame", "render"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'tradeie' has no attribute {name!r}")
