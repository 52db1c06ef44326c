"""Errors raised for caller mistakes. Each message names the input and the fix."""
from __future__ import annotations


class TradeieError(Exception):
    """Base class of tradeie's own errors."""


class AnnotationError(TradeieError, ValueError):
    """An annotation file is malformed.

    The message starts with ``path:line`` so an editor can jump to it.
    """

    def __init__(self, message: str, *, path: object = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.line = line


class ModelLoadError(TradeieError, OSError):
    """A pipeline folder is missing or damaged."""


class InputTypeError(TradeieError, TypeError):
    """A function got an argument of the wrong type."""


def check_str(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a str, else raise InputTypeError naming its type."""
    if not isinstance(value, str):
        raise InputTypeError(
            f"{name} must be str, got {type(value).__name__}; decode bytes first "
            f"(e.g. data.decode('utf-8'))"
        )
    return value
