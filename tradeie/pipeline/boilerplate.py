"""Parts of a copied web page that are not the article's figures: lists of links to other
articles, and correction notes.

A news page copied as text often ends, or breaks, with "Related:" or "Read more" and the
headlines of other stories ("Anhui's NEV exports jump 120% in H1"). Their figures belong to
those stories, not to this one, so the facts component reports none of them. A correction
note ("CORRECTION: An earlier version of this article put trade with the ROK at 26.8 billion
yuan") states the figures that were wrong.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .docindex import doc_text, memo

_LINK_HEADER = re.compile(
    r"(?:related(?:\s+(?:news|articles?|stories|reading|coverage|content|posts|links))?|"
    r"read (?:more|also|next)|see also|also read|more (?:news|stories|on this)|"
    r"you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|"
    r"latest (?:news|stories)|top stories|most (?:read|popular|viewed)|trending|hot (?:news|topics))"
    r"\s*:?", re.I)
_MAX_LINES = 15


def link_lists(text: str) -> list[tuple[int, int]]:
    """Character ranges of link lists: a line that is only a header such as "Related:", or
    such a header with a headline after it on the same line, and the short lines after it, up
    to a blank line or a line that reads like body text.

    >>> t = "Body.\\nRelated:\\nExports jump 12% in May\\nGDP up 5%\\n\\nMore body."
    >>> [t[a:b] for a, b in link_lists(t)]
    ['Related:\\nExports jump 12% in May\\nGDP up 5%\\n']
    """
    ranges = []
    for m in re.finditer(r"^[ \t]*(.+?)[ \t]*$", text, re.M):
        if not _LINK_HEADER.fullmatch(m.group(1)):
            inline = _LINK_HEADER.match(m.group(1))
            # "Related: Anhui's auto exports top 100 billion yuan in 2024": header and headline
            if inline is None or not inline.group(0).rstrip().endswith(":") or \
                    _reads_like_body(m.group(1)[inline.end():]):
                continue
        end = m.end() + 1
        # a bounded window: a list is short lines, and a long text has many headers
        for k, line in enumerate(text[end: end + _MAX_LINES * 200].split("\n")):
            if not line.strip() or k >= _MAX_LINES or _reads_like_body(line):
                break
            end += len(line) + 1
        ranges.append((m.start(), min(end, len(text))))
    return ranges


_CORRECTION = re.compile(r"^[ \t]*(?:correction|clarification|editor'?s note)\s*[:：-][^\n]*|"
                         r"^[^\n]*\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\s+"
                         r"(?:article|story|report|release)\b[^\n]*", re.I | re.M)


def correction_notes(text: str) -> list[tuple[int, int]]:
    """Character ranges of correction notes: a line that opens with "CORRECTION:" or
    speaks of "an earlier version of this article".

    >>> t = "Body.\\nCORRECTION: An earlier version gave imports as 18.9%.\\nMore."
    >>> [t[a:b] for a, b in correction_notes(t)]
    ['CORRECTION: An earlier version gave imports as 18.9%.']
    """
    return [(m.start(), m.end()) for m in _CORRECTION.finditer(text)]


def doc_link_lists(doc: Doc) -> list[tuple[int, int]]:
    """:func:`link_lists` and :func:`correction_notes` of an indexed doc's text, computed once
    for all who ask."""
    return memo(doc, "link_lists", lambda d: sorted(link_lists(doc_text(d)) + correction_notes(doc_text(d))))


def _reads_like_body(line: str) -> bool:
    """A long line or one of several sentences is the article going on, not a headline."""
    line = line.strip()
    return len(line) > 160 or len(re.findall(r"[.!?](?:\s|$)", line)) > 1
