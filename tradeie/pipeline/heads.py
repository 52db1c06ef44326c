"""Flow and rank triggers with the arguments the relation scores give them.

The relation component scores (trigger, entity) pairs. This module turns the scores into
``Head`` objects: each amount, percentage, partner or product goes to the one trigger and
role that scores it highest, places and periods may serve several triggers, and a few
reading rules fill what the scores leave out (a percentage whose own words say growth or
share, rates listed "respectively" after several flows).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .docindex import cached, doc_ents, doc_text, sentence_span, sentence_starts, span_ents, span_text
from .docindex import relations as doc_relations
from ..normalize.percent import CHANGE_NOUN_IN
from .flows import CHANGE_WORDS

SHARED_ROLES = ("LOCATION", "PERIOD")


@dataclass
class Head:
    span: Span
    args: dict[str, list[tuple[Span, float]]] = field(default_factory=dict)

    def role(self, name: str) -> list[Span]:
        return [s for s, _ in sorted(self.args.get(name, []), key=lambda a: a[0].start)]

    def score_of(self, name: str, span: Span | None) -> float | None:
        """The score that linked ``span`` to this head in role ``name`` (None if not linked)."""
        if span is None:
            return None
        return next((sc for s, sc in self.args.get(name, []) if s.start == span.start), None)

    def score(self, name: str) -> float:
        scores = [sc for _, sc in self.args.get(name, [])]
        return max(scores) if scores else 0.0


_GROWTH_CUE = re.compile(r"(?:\bup|\bdown|rose|rise|rising|fell|fall|falling|grew|grow(?:ing)?|growth|increase[sd]?|"
                         r"decrease[sd]?|decline[sd]?|drop(?:ped)?|surged?|jump(?:ed)?|gain(?:ed)?|"
                         r"climb(?:ed)?|soar(?:ed)?|slump(?:ed)?|plunge[sd]?|dipped|shrank|"
                         r"contract(?:ed|ion)|expand(?:ed|ing)|hike|by|of)\W{0,3}$", re.I)

_SHARE_WORDS = re.compile(r"(?:accounting for|accounted for|making up|made up|taking up|took up|"
                          r"share of|proportion of|or|representing|equal to|supplied|supplies|"
                          r"absorbed|absorbs|took|takes|taking)\W{0,3}$", re.I)

_SHARE_AFTER = re.compile(r"[ \t]*(?:of\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,3}?(?:total|overall|"
                          r"aggregate|combined|national|nationwide)\b|share\b)", re.I)

# "their share of total exports slid to 70.4%", "Mexico's share of U.S. imports climbed to 15.4%"
_SHARE_RISE_TO = re.compile(r"\bshare\s+(?:of|in)\b[^,;.%]{0,50}\b(?:to|at)\s+(?:about\s+|around\s+|roughly\s+|"
                            r"nearly\s+|almost\s+|over\s+|more than\s+)?$", re.I)

_CHANGE_OR = re.compile(rf"\b(?:{CHANGE_WORDS})"
                        r"\s+(?:by\s+)?\S*\d[\d.,]*\s*(?:billion|million|trillion|bn|mn|m|b)?"
                        r"(?:\s+[a-z]{1,8})?\s+or\W{0,3}$", re.I)

CUE_THRESHOLD = 0.1

_LIST_BEFORE = re.compile(r"(?:[-+]?\d[\d,.]*\s*(?:%|percent|per cent|pct)\s*(?:,|and|,\s*and)\s*)+$",
                          re.I)


def percent_cue(ent: Span) -> str | None:
    """GROWTH or SHARE when the words right before a percentage (or before the list it closes,
    "by 11.7% and 3.4%") say which it is."""
    return cached(ent.doc, ("percent_cue", ent.start_char, ent.end_char), lambda: _percent_cue(ent))


def _percent_cue(ent: Span) -> str | None:
    before = doc_text(ent.doc)[max(0, ent.start_char - 90): ent.start_char]
    before = _LIST_BEFORE.sub("", before)[-30:]
    after = doc_text(ent.doc)[ent.end_char: ent.end_char + 20]
    if re.match(r"\s*(?:lower|higher|more|less|up|down|increase|decrease|rise|drop|"
                r"year[- ]on[- ]year|yoy)\b", after, re.I):
        return "GROWTH"
    if _SHARE_AFTER.match(doc_text(ent.doc)[ent.end_char: ent.end_char + 60]):
        return "SHARE"
    if _CHANGE_OR.search(doc_text(ent.doc)[max(0, ent.start_char - 60): ent.start_char]):
        return "GROWTH"  # "rose by RM1.03 billion or 11.5%": the same change as a rate
    if _SHARE_WORDS.search(before) or _SHARE_RISE_TO.search(
            doc_text(ent.doc)[max(0, ent.start_char - 80): ent.start_char]):
        return "SHARE"
    if _GROWTH_CUE.search(before):
        return "GROWTH"
    return None


# A product is no partner and a partner no product, whatever the link between them says
# ("- Ceramics: exports 3.02 billion yuan", linked as PARTNER): the entity's label decides
_CONFUSED = {"PRODUCT": "PARTNER", "PARTNER": "PRODUCT"}


def _as_its_own_role(scores: dict, role: str) -> dict:
    other = _CONFUSED[role]
    if other not in scores:
        return scores
    scores = dict(scores)
    scores[role] = max(scores.get(role, 0.0), scores.pop(other))
    return scores


def collect_heads(doc: Doc, threshold: float) -> list[Head]:
    """Heads with their arguments.

    Each amount, percentage, partner or product goes to the single (head, role) that scores it
    highest; places and periods may serve several heads. A percentage whose own words say
    growth or share ("up 7.9%", "accounting for 12%") is accepted at a lower score, and, when
    the model links it nowhere, goes to the flow it follows in its clause.
    """
    ents = {e.start: e for e in doc_ents(doc)}
    heads: dict[int, Head] = {e.start: Head(e) for e in ents.values() if e.label_ in ("FLOW", "RANK")}
    flow_starts = sorted(k for k, h in heads.items() if h.span.label_ == "FLOW")
    best: dict[int, tuple[float, int, str]] = {}
    for (hs, cs), scores in doc_relations(doc).items():
        if hs not in heads or cs not in ents:
            continue
        child = ents[cs]
        cue = percent_cue(child) if child.label_ == "PERCENT" else None
        if child.label_ == "MONEY" and _in_forward_segment(heads[hs].span, child, flow_starts):
            cue = "VALUE"
        if child.label_ in _CONFUSED:
            scores = _as_its_own_role(scores, child.label_)
        for label, score in scores.items():
            floor = CUE_THRESHOLD if label == cue else threshold
            if score < floor:
                continue
            if label in SHARED_ROLES:
                heads[hs].args.setdefault(label, []).append((child, score))
            elif cs not in best or score > best[cs][0]:
                best[cs] = (score, hs, label)
    for cs, (score, hs, label) in best.items():
        heads[hs].args.setdefault(label, []).append((ents[cs], score))
    _attach_cued_percents(doc, heads, set(best))
    _rates_named_before_their_flow(doc, heads)
    _respective_heads(doc, heads)
    _shares_of_a_whole(doc, heads)
    return [heads[k] for k in sorted(heads)]


# "40.5 per cent of total exports", "22.5% of Kazakhstan's foreign trade turnover, which rose":
# the flow named after "of" is the whole the share is taken of
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(?:[^\s,;:.\d()]+\s+){0,5}$")
# "lifting their share of China's foreign trade to 34.8 percent"
_SHARE_OF_BEFORE = re.compile(r"\bshare\s+of\s+(?:the\s+)?(?:[^\s,;:.\d()]+\s+){0,5}$", re.I)
_SHARE_OF_AFTER = re.compile(r"^(?:\s+[a-z]+){0,3}?\s+(?:to|at|of|was|is|reached|stood at)\s+(?:about\s+|around\s+|"
                             r"roughly\s+|some\s+|nearly\s+|almost\s+|over\s+|more than\s+)?$")


def _shares_of_a_whole(doc: Doc, heads: dict[int, Head]) -> None:
    """A share is not the share of the flow it is taken of. "The amount represented 40.5 per
    cent of total exports", "China took 40.2% of the country's total exports, which fell 4.9%
    to $95 billion", "lifting their share of China's foreign trade to 34.8 percent": the flow
    after "of" is the whole. Unless that flow's own product, partner or place is named before
    the rate ("Oil made up 70.4% of exports", the oil's own share), the rate leaves it, for the
    flow before it in the sentence that states an amount ("Exports to the United States rose
    25.0% to US$5,402.6 million, a share of 18.3% of total exports"), or else for the
    sentence before (:func:`tradeie.pipeline.facts.attach_orphans`)."""
    text = doc_text(doc)
    starts = sentence_starts(doc)
    flows = sorted((h for h in heads.values() if h.span.label_ == "FLOW"), key=lambda h: h.span.start)
    for head in flows:
        rates = head.role("SHARE") + [r for r in head.role("GROWTH") if percent_cue(r) == "SHARE"]
        for rate in rates:
            if starts[rate.start] != starts[head.span.start] or not is_whole(text, head, rate):
                continue
            for role in ("SHARE", "GROWTH"):
                head.args[role] = [(s, sc) for s, sc in head.args.get(role, []) if s.start != rate.start]
            owner = _owner(text, starts, flows, rate)
            if owner is not None and owner is not head and not owner.role("SHARE") and \
                    not any(owner.span.start < h.span.start < rate.start and h is not head for h in flows):
                owner.args["SHARE"] = [(rate, CUE_THRESHOLD)]


def _owner(text: str, starts: list[int], flows: list[Head], rate: Span) -> Head | None:
    """The last flow before ``rate`` in its sentence that states an amount. A line that goes
    on in lower case ("..., increased 21.6%,\noccupying 71.5% of the province's total")
    continues the sentence before."""
    first = starts[rate.start]
    same = {first}
    if first > 0 and text[rate.doc[first].idx: rate.doc[first].idx + 1].islower():
        same.add(starts[first - 1])
    return next((h for h in reversed(flows) if h.span.end <= rate.start and h.role("VALUE")
                 and starts[h.span.start] in same), None)


def is_whole(text: str, head: Head, rate: Span) -> bool:
    """Whether ``head`` is the whole that ``rate`` is a share of (see :func:`_shares_of_a_whole`)."""
    if head.span.start_char >= rate.end_char:
        if head.span.start_char - rate.end_char > 120 or \
                not _OF_WHOLE.match(text[rate.end_char: head.span.start_char]):
            return False
        whole_from = rate.start_char
    else:
        lo = max(0, head.span.start_char - 60)
        share = _SHARE_OF_BEFORE.search(text[lo: head.span.start_char])
        if not (share and _SHARE_OF_AFTER.match(text[head.span.end_char: rate.start_char])):
            return False
        whole_from = lo + share.start()
    # the owner named before the rate as the flow's own: "Oil made up 70.4% of exports",
    # "The circle generated 34.2 percent of the foreign trade of western China"
    sent_start = sentence_span(head.span.doc, rate).start_char
    named = [s for role in ("PRODUCT", "PARTNER", "LOCATION") for s in head.role(role)
             if sent_start <= s.start_char and s.end_char <= whole_from]
    # ... unless the whole states its own figures in a clause of its own ("..., which rose")
    relative = any(v.start_char > rate.end_char and _WHICH.search(text[rate.end_char: v.start_char])
                   for v in head.role("VALUE"))
    return relative or not named


_WHICH = re.compile(r",\s+(?:which|that)\b")


_NAMES_BETWEEN = ("PRODUCT", "PARTNER", "LOCATION")
_CHANGE_IN_REACH = 60


def _rates_named_before_their_flow(doc: Doc, heads: dict[int, Head]) -> None:
    """"The surplus was helped by a 10.4% jump in automotive sales abroad": the rate is the
    growth of the flow its own words name after it, whichever head the scores gave it."""
    text = doc_text(doc)
    starts = sentence_starts(doc)
    ents = doc_ents(doc)
    for i, ent in enumerate(ents):
        if ent.label_ != "PERCENT":
            continue
        m = CHANGE_NOUN_IN.match(text, ent.end_char)  # "a 9.8% increase in copper exports"
        if m is None:
            continue
        target = None
        for j in range(i + 1, len(ents)):  # no slice: a long text has many such rates
            nxt = ents[j]
            if nxt.start_char > m.end() + _CHANGE_IN_REACH or starts[nxt.start] != starts[ent.start]:
                break
            if nxt.label_ == "FLOW":
                target = heads.get(nxt.start)
                break
            if nxt.label_ not in _NAMES_BETWEEN:
                break
        if target is None or any(s.start == ent.start for s in target.role("GROWTH")):
            continue
        score = CUE_THRESHOLD
        for head in heads.values():
            for role in ("GROWTH", "SHARE", "VALUE"):
                kept = [(s, sc) for s, sc in head.args.get(role, []) if s.start != ent.start]
                if len(kept) != len(head.args.get(role, [])):
                    score = max(score, *(sc for s, sc in head.args[role] if s.start == ent.start))
                    head.args[role] = kept
        target.args.setdefault("GROWTH", []).append((ent, score))


def _respective_heads(doc: Doc, heads: dict[int, Head]) -> None:
    """"exports were 49.6 billion yuan and imports 51.6 billion yuan, up 18.9 percent and 3.7
    percent respectively": n flows with one amount each, then n rates, go in order."""
    by_sentence: dict[int, list[Head]] = {}
    starts = sentence_starts(doc)
    for head in heads.values():
        if head.span.label_ == "FLOW" and len(head.role("VALUE")) == 1:
            by_sentence.setdefault(starts[head.span.start], []).append(head)
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        sent = sentence_span(doc, group[0].span)
        if not RESPECTIVELY.search(span_text(sent)):
            continue
        group.sort(key=lambda h: h.span.start)
        last_value = max(h.role("VALUE")[0].end for h in group)
        for role in ("GROWTH", "SHARE"):
            rates = [e for e in span_ents(sent) if e.label_ == "PERCENT" and e.start >= last_value
                     and percent_cue(e) == role]
            if len(rates) == len(group):
                for head, rate in zip(group, rates):
                    head.args[role] = [(rate, CUE_THRESHOLD)]


def _in_forward_segment(head: Span, child: Span, flow_starts: list[int]) -> bool:
    """The child follows the head with no other flow in between, in the same sentence
    (``flow_starts``: the sorted start tokens of the flow heads)."""
    if child.start < head.end:
        return False
    starts = sentence_starts(head.doc)
    if starts[child.start] != starts[head.start]:
        return False
    return bisect_left(flow_starts, head.end) == bisect_left(flow_starts, child.start)


def _attach_cued_percents(doc: Doc, heads: dict[int, Head], linked: set[int]) -> None:
    """Amounts and cued percentages linked nowhere go to the flow they follow in their sentence."""
    starts = sentence_starts(doc)
    flows = sorted((h for h in heads.values() if h.span.label_ == "FLOW"),
                   key=lambda h: h.span.start)
    for ent in doc_ents(doc):
        if ent.label_ not in ("PERCENT", "MONEY") or ent.start in linked:
            continue
        cue = percent_cue(ent) if ent.label_ == "PERCENT" else "VALUE"
        if cue is None:
            continue
        before = [h for h in flows if h.span.end <= ent.start
                  and starts[h.span.start] == starts[ent.start]]
        if not before:
            continue
        head = before[-1]
        if cue == "VALUE" and (head.role("VALUE") or head.role("GROWTH")):
            continue  # only a head that has found no figure at all
        if cue != "VALUE" and not head.role("VALUE"):
            continue
        head.args.setdefault(cue, []).append((ent, CUE_THRESHOLD))


RESPECTIVELY = re.compile(r"\brespective(?:ly)?\b", re.I)
