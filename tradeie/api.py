"""The Python API: load(), extract(), to_frame(), render()."""
from __future__ import annotations

import datetime as dt
import logging
import os
import html
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from .errors import InputTypeError, ModelLoadError, check_str
from .extensions import register_extensions
from .normalize.text import BULLETS
from .facts import RankFact, TradeFact

logger = logging.getLogger("tradeie")
Fact = Union[TradeFact, RankFact]
MODEL_NAME = "tradeie_efficient"
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]{0,400}>", re.I | re.S)
_BLOCK = re.compile(r"^<\s*/?\s*(p|br|div|li|tr|h[1-6]|table|ul|ol|section|article|td)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# No-break, thin, ideographic and zero-width spaces: web pages are full of them, and spaCy's
# tokenizer does not split on them ("export\xa0value" would be one token).
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z][A-Za-z0-9]{1,30});")
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]")
# "Ｅｘｐｏｒｔｓ" -> "Exports", one character for one. Full-width digits and punctuation stay:
# the tokenizer and the normalizers read them, and the model was trained on them.
_FULL_WIDTH_LETTERS = {code: code - 0xFEE0 for start in (0xFF21, 0xFF41)
                       for code in range(start, start + 26)}
# list bullets ("・United States: ５１２．７ billion yen"), one character for one, to the bullet
# the rules read ("•")
_FULL_WIDTH_LETTERS.update({ord(c): "•" for c in BULLETS if c != "·"})
_cache: dict[str, Any] = {}


def default_model_path() -> Path:
    """Where the shipped pipeline lives: ``$TRADEIE_MODEL``, the package, or the checkout."""
    env = os.environ.get("TRADEIE_MODEL")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "models" / MODEL_NAME, here.parent / "models" / MODEL_NAME):
        if candidate.exists():
            return candidate
    return here.parent / "models" / MODEL_NAME


def load(path: str | os.PathLike | None = None, **kwargs: Any):
    """Load a tradeie pipeline (the shipped one by default) as a spaCy ``Language``.

    A missing or damaged folder raises :class:`~tradeie.errors.ModelLoadError` naming it.
    """
    import spacy

    from . import registrations  # noqa: F401  (registers the factories)

    register_extensions()
    model_path = Path(path) if path is not None else default_model_path()
    if not model_path.is_dir():
        raise ModelLoadError(f"no tradeie pipeline at {model_path}: the folder does not exist. "
                             f"Pass the folder written by `tradeie train`, or reinstall tradeie "
                             f"to get the shipped model.")
    if not (model_path / "config.cfg").is_file() or not (model_path / "meta.json").is_file():
        raise ModelLoadError(f"{model_path} is not a spaCy pipeline folder (config.cfg or "
                             f"meta.json is missing); retrain with `tradeie train` or restore it.")
    try:
        return spacy.load(model_path, **kwargs)
    except Exception as err:  # spaCy raises many kinds for a damaged folder
        raise ModelLoadError(f"the pipeline at {model_path} is damaged and cannot be loaded "
                             f"({type(err).__name__}: {err}); retrain it with `tradeie train` "
                             f"or restore the folder.") from err


def _cached_nlp(nlp):
    if nlp is not None:
        return nlp
    if "default" not in _cache:
        _cache["default"] = load()
    return _cache["default"]


def prepare_text(text: str) -> str:
    """Blank out HTML tags, control characters and odd spaces, and fold full-width letters
    and list bullets, without moving any offset."""
    if "<" in text and ">" in text:
        def blank(m: re.Match) -> str:
            fill = "\n" if _BLOCK.match(m.group(0)) else " "
            return fill + " " * (len(m.group(0)) - 1)
        text = _TAG.sub(blank, text)
    if "&" in text:
        text = _ENTITY.sub(_pad_entity, text)
    text = _ODD_SPACE.sub(" ", text)
    if "-\n" in text:
        text = _LINE_BREAK_HYPHEN.sub(_join_broken_word, text)
    if "\n" in text:
        text = _SOFT_BREAK.sub(_join_soft_break, text)
    if not text.isascii():
        text = text.translate(_FULL_WIDTH_LETTERS)
    return _CONTROL.sub(" ", text)


# "the value of ex-\nports": a word a PDF broke at the end of a line. Only words of trade
# reporting are joined; a compound broken at its own hyphen ("year-\non-year") stays
_LINE_BREAK_HYPHEN = re.compile(r"\b([A-Za-z]{1,12})-\n([a-z]{1,12})\b")
_BROKEN_WORDS = re.compile(
    r"(?:ex|im)port(?:s|ed|ing|ers?)?|re-?exports?|seasonally|commodit(?:y|ies)|products?|"
    r"(?:in|de)creas(?:e|ed|es|ing)|billion|million|trillion|percent|machinery|equipment|vehicles?|"
    r"mechanical|electrical|electronics?|agricultural|integrated|processing|surplus|deficit|"
    r"balance|shipments?|countries|partners?|general|enterprises|private", re.I)


def _join_broken_word(m: re.Match) -> str:
    """"ex-\nports" -> "exports  ": the joined word, in as many characters; the line
    break inside a sentence was the page's, not the text's."""
    word = m.group(1) + m.group(2)
    return word + "  " if _BROKEN_WORDS.fullmatch(word) else m.group(0)


# "Goods exported to Great Britain totalled\n€1,322 million": a line a PDF wrapped inside a
# sentence. A break after a word or a comma, before a lower-case word, a number or a currency,
# at the end of a long line of running text, is a space
_SOFT_BREAK = re.compile(r"(?<=[A-Za-z,])\n(?=[a-z0-9€$£¥(])")
_WRAPPED_LINE = 40


def _join_soft_break(m: re.Match) -> str:
    text = m.string
    line = text[text.rfind("\n", 0, m.start()) + 1: m.start()]
    running = len(line) >= _WRAPPED_LINE and "\t" not in line and "|" not in line and " " in line
    return " " if running else "\n"


def _pad_entity(m: re.Match) -> str:
    """"Xiamen&#39;s" -> "Xiamen    's": the character an HTML entity stands for, at the end
    of blanks as long as the entity, so that no offset moves."""
    char = html.unescape(m.group(0))
    if len(char) != 1:
        return m.group(0)
    char = " " if char.isspace() else char
    return " " * (len(m.group(0)) - 1) + char


def _iso(published: Any) -> str | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10]).isoformat()
        except ValueError:
            raise ValueError(f"published {published!r} is not a date; write 'YYYY-MM-DD'") from None
    raise InputTypeError(f"published must be a date or an ISO 'YYYY-MM-DD' string, got "
                         f"{type(published).__name__}")


def _chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Paragraph-aligned pieces shorter than ``limit`` characters, with their offsets."""
    if len(text) < limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + limit - 1)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def make_docs(nlp, records: Iterable[dict]) -> Iterator:
    """Docs ready for the pipeline, with ``doc._.published`` and ``doc._.doc_id`` set."""
    register_extensions()
    for record in records:
        original = record["text"]
        text = prepare_text(original)
        for offset, piece in _chunks(text, nlp.max_length):
            doc = nlp.make_doc(piece)
            if text != original:  # evidence must quote the input, not the cleaned text
                doc.user_data["tradeie_source"] = original[offset:offset + len(piece)]
            try:
                doc._.published = _iso(record.get("published"))
            except (ValueError, InputTypeError) as err:
                logger.warning("%s: %s; the period years of this text come from the text only",
                               record.get("doc", "text"), err)
                doc._.published = None
            doc._.doc_id = record.get("doc")
            doc.user_data["tradeie_offset"] = offset
            yield doc


def _shifted(fact: Fact, offset: int, source: str | None) -> Fact:
    """Evidence offsets into the whole input, and its text quoted from the input."""
    if fact.evidence is None or (not offset and source is None):
        return fact
    data = fact.to_dict()
    evidence = data["evidence"]
    if source is not None:
        evidence["text"] = source[evidence["start_char"]:evidence["end_char"]]
    evidence["start_char"] += offset
    evidence["end_char"] += offset
    return type(fact).from_dict(data)


def extract_records(records: Iterable[dict], *, nlp=None, n_process: int = 1,
                    batch_size: int = 16) -> Iterator[Fact]:
    """Facts of records ``{"text", "doc"?, "published"?}``, streamed in input order."""
    nlp = _cached_nlp(nlp)
    docs = make_docs(nlp, records)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        offset = doc.user_data.get("tradeie_offset", 0)
        source = doc.user_data.get("tradeie_source")
        for fact in doc._.trade_facts or []:
            yield _shifted(fact, offset, source)


def extract(text_or_texts: Union[str, Iterable[Union[str, dict]]], *, published: Any = None,
            nlp=None, n_process: int = 1, batch_size: int = 16) -> list[Fact]:
    """Trade and rank facts of one text, or of many texts (then each fact carries ``doc``).

    ``published`` is the publication date (a ``date`` or ``"YYYY-MM-DD"``): the year of a
    period the text states without one ("in the first quarter") comes from it when the text
    gives none. Items of an iterable are strings (``doc`` is their index) or records
    ``{"text": ..., "doc": ..., "published": ...}``.
    """
    if isinstance(text_or_texts, str):
        if not text_or_texts.strip():
            return []
        records: Iterable[dict] = [{"text": text_or_texts, "published": published}]
    elif isinstance(text_or_texts, (bytes, bytearray)) or not hasattr(text_or_texts, "__iter__"):
        raise InputTypeError(f"text must be str or an iterable of str/records, got "
                             f"{type(text_or_texts).__name__}; decode bytes first")
    else:
        records = _records(text_or_texts, published)
    return list(extract_records(records, nlp=nlp, n_process=n_process, batch_size=batch_size))


def _records(items: Iterable[Union[str, dict]], published: Any) -> Iterator[dict]:
    for i, item in enumerate(items):
        if isinstance(item, dict):
            meta = item.get("meta") or {}
            text = check_str(item.get("text"), f"record {i} text")
            yield {"text": text, "doc": str(item.get("doc", meta.get("doc", i))),
                   "published": item.get("published", meta.get("published", published))}
        else:
            yield {"text": check_str(item, f"item {i}"), "doc": str(i), "published": published}


FRAME_COLUMNS = ["doc", "type", "location", "flow", "partner", "product", "period", "value",
                 "currency", "growth_pct", "share_pct", "rank", "list", "year", "confidence",
                 "evidence_start", "evidence_end", "evidence_text"]


def to_frame(facts: Iterable[Fact]):
    """A pandas DataFrame, one row a fact; ``value`` is float64 (exact below 9e15)."""
    import pandas as pd

    rows = []
    for fact in facts:
        data = fact.to_dict()
        ev = data.pop("evidence") or {}
        data.update(evidence_start=ev.get("start_char"), evidence_end=ev.get("end_char"),
                    evidence_text=ev.get("text"))
        rows.append(data)
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    for col in ("value", "growth_pct", "share_pct", "confidence"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in ("rank", "year", "evidence_start", "evidence_end"):
        frame[col] = frame[col].astype("Int64")
    return frame


def render(doc, *, path: str | os.PathLike | None = None, jupyter: bool | None = None) -> str:
    """displaCy pictures of the entities and of the relation arcs, as HTML.

    Shown inline in Jupyter; written to ``path`` as a standalone page when given.
    """
    from .render import render_html

    return render_html(doc, path=path, jupyter=jupyter)
