"""Rows of tables that lost their layout: "ASEAN | 1,453.6 | 9.2" under "Unit: 100 million yuan".

Customs and statistics releases put their partner, product and ranking figures in tables.
Scraped to text, a table becomes one line per row: a label, then number cells, with the
unit and the meaning of the columns stated once in the lines above. No flow word stands in
a row, so the relation component has no head to link the row's amount to. This module
reads such rows line by line:

- a **row** is a short line whose only words are its label: everything after the label is
  entity-marked amounts and percentages, separators and units;
- the **header** is the block of lines right above the first row; the nearest flow word in
  it gives the flow ("Main export commodities", "Market | Import and export | Y-o-Y"), and
  its column words say whether a percentage is a year-on-year change or a share;
- the **label** names the partner, product, place or month of the row, or the flow itself
  ("Export 4,833.9 7.2");
- rows under a trade-mode or ownership heading are breakdowns, not facts.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..facts import Evidence, RankFact, TradeFact
from ..normalize.percent import resolve_percent, signed_growth
from .context import DocContext, carried_period, resolve_period
from .docindex import doc_ents, doc_text
from ..normalize.place import canonical_place
from .flows import BREAKDOWN, classify_flow
from .slots import is_unit, money_of, place_name

MAX_LABEL_WORDS = 10
MAX_AMOUNT_COLUMNS = 4
HEADER_LINES = 4
_FILLER = re.compile(r"^[\s|:;,.()\-–—/*•·+%=]*(?:(?:yuan|rmb|usd|us\$|\$|bn|billion|million|"
                     r"trillion|pct|percent|per cent|times?|up|down|rose|fell|increased?|decreased?|"
                     r"rising|falling|growth|change|year[- ]on[- ]year|y-?o-?y|or|and|accounting for|"
                     r"of (?:the )?total|share)[\s|:;,.()\-–—/*•·%]*)*$", re.I)
# "1. Germany | 1,934 | 22.6": the row's number in a ranked table
_ROW_NUMBER = r"\d{1,3}[.)]\s+"
_LABEL_NOISE = re.compile(r"^[\s\-–—*•·|:]*(?:of which|among them|including|thereinto)?[\s:|]*"
                          rf"(?:no\.?\s*\d+\s*)?(?:{_ROW_NUMBER})?", re.I)
_ENUMERATOR = re.compile(rf"\s*{_ROW_NUMBER}(?=\D)")
_SECTION_BREAKDOWN = re.compile(r"\bby (?:trade mode|type of (?:enterprise|trade)|enterprise type|"
                                r"ownership|mode of trade|customs regime)", re.I)
# "Unit: 100 million yuan", "(in US$ million)", "(KES million; change in per cent)"; not prose
_UNIT_NOTE = re.compile(r"^\W*\(?\s*units?\b|^\W*\(\s*in\b|^\W*\(\s*\S{1,4}\s*(?:100\s+)?"
                        r"(?:million|billion|thousand|trillion|bn|mn)\b|\(\s*units?\s*[:：]", re.I)
_SHARE_COLUMN = re.compile(r"share|proportion|% of total|percentage of", re.I)
_GROWTH_COLUMN = re.compile(r"y-?o-?y|year[- ]on[- ]year|change|growth|\+/-|±|increase", re.I)


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def table_facts(doc: Doc, ctx: DocContext, used: set[int]) -> list[tuple[TradeFact, str | None]]:
    """Facts of the table rows of ``doc`` whose amounts no flow head has taken (``used`` holds
    the start tokens of amounts already in a fact)."""
    text = doc_text(doc)
    lines = _lines(text)
    by_line: list[list[Span]] = [[] for _ in lines]
    li = 0
    for ent in doc_ents(doc):
        while li < len(lines) - 1 and ent.start_char > lines[li][1]:
            li += 1
        if not (ent.label_ == "MONEY" and is_unit(ent)):  # "(unit: 100 million yuan)"
            by_line[li].append(ent)
    shapes = [_PLAIN_ROW.fullmatch(text, start, end) for start, end in lines]
    plain = {}
    for i, ents in enumerate(by_line):
        plain[i] = _plain_row(doc, shapes[i], ents)
        if plain[i] is None and any(shapes[k] for k in (i - 1, i + 1) if 0 <= k < len(lines)):
            plain[i] = _plain_row(doc, shapes[i], ents, loose=True)  # "EU 1,105.3 9.6" above
            # "United States 946.8 -2.3"
    rows = {i: _better(_row(text, lines[i], ents), plain[i]) for i, ents in enumerate(by_line)}
    out = []
    parent_flow, last_row = None, -2  # the flow of the last row that names one ("Exports")
    for i, row in rows.items():
        if row is None:
            continue
        label_ents, cells = row
        own = _last_flow([e for e in label_ents if e.end_char <= cells[0][0].start_char])
        if own is not None:
            parent_flow = own
        elif last_row != i - 1:
            parent_flow = None  # another table
        last_row = i
        if any(money.start in used for money, _ in cells):
            continue
        header = _header(text, lines, by_line, rows, i)
        if header is None:
            continue
        flow, columns, header_text, column_flows, column_periods = header
        if own is None and parent_flow is not None and _SUB_ROW.match(text, lines[i][0]):
            flow = parent_flow  # "Exports 95.7 14.3" then "  Of which: Mechanical and ..."
        cells = _paired(cells, len(column_flows) or len(column_periods))
        periods: list[Span | None] = [None] * len(cells)
        if len(cells) > 1 and len(column_flows) != len(cells) and \
                len(column_periods) != len(cells) and plain[i] is not None and \
                len(plain[i][1][0][1]) <= len(columns):
            # "Ma'anshan | 482.9 | 8.8 | 5th" with 8.8 tagged as an amount and "5th" as a
            # rate, under a header with one amount column and a rate column for each other
            # number: read the row by its layout
            label_ents, cells = plain[i]
        if len(cells) > 1:
            if len(column_flows) == len(cells):
                flows = column_flows
            elif len(column_periods) == len(cells):
                flows = [flow] * len(cells)  # "City | Jan-Dec | Growth | December | Growth"
                periods = column_periods
            else:
                continue  # several amounts, but no flow or period heading for each
        else:
            flows = [flow]
        for (money, percents), cell_flow, cell_period in zip(cells, flows, periods):
            fact = _fact(doc, ctx, (lines[i][0], cells[0][0].start_char, lines[i][1]), label_ents,
                         money, percents, cell_flow, columns, header_text, cell_period)
            if fact is not None:
                out.append(fact)
        rank = _RANK_CELL.search(text, lines[i][0], lines[i][1])
        if rank and out and out[-1][0].evidence.start_char == lines[i][0] and not any(
                e.label_ == "RANK" for e in by_line[i]) and out[-1][0].location != ctx.place:
            # "Tongling | 640.7 | -3.4 | 3rd": a rank column the NER did not tag
            fact, period = out[-1]
            year = re.match(r"\d{4}", period or "")
            out.append((RankFact(location=fact.location, rank=int(rank.group(1)), list=None,
                                 year=int(year.group()) if year else None,
                                 evidence=fact.evidence, confidence=0.6), None))
    return out


# a row that is part of the row above: indented, or "of which"
_SUB_ROW = re.compile(r"[ \t\u3000]+\S|[\s\-–—*•·]*(?:of which|among them|including|thereinto)\b",
                      re.I)


def _paired(cells: list, columns: int) -> list:
    """"July  3,312.4  13.9  2,556.1  16.8  756.3  5.1" under a header with a flow (or a
    period) per pair of columns: a row read as one amount and six percentages is three
    amounts, each with its rate."""
    if len(cells) != 1 or columns < 2 or len(cells[0][1]) != 2 * columns - 1:
        return cells
    flat = [cells[0][0], *cells[0][1]]
    if any(span.text.rstrip().endswith("%") for span in flat[::2]):
        return cells
    return [(flat[2 * j], [flat[2 * j + 1]]) for j in range(columns)]


_RANK_CELL = re.compile(r"[\s|\t](\d{1,3})(?:st|nd|rd|th)[\s|]*$")


def _row(text: str, line: tuple[int, int], ents: list[Span]):
    """(label entities, [(amount, its percentages), ...]) of a table row, or None for any
    other line. A row of a table with a column per flow has an amount per column."""
    moneys = [e for e in ents if e.label_ == "MONEY"]
    if not 1 <= len(moneys) <= MAX_AMOUNT_COLUMNS or any(
            e.label_ == "FLOW" and e.start_char > moneys[0].start_char for e in ents):
        return None
    first = moneys[0]
    label = text[line[0]: first.start_char]
    enumerator = _ENUMERATOR.match(label)
    label = label[enumerator.end():] if enumerator else label
    if not label.strip() or len(label.split()) > MAX_LABEL_WORDS or re.search(r"[.;]\s", label) \
            or re.match(r"\W*(?:units?|in)\b", label, re.I):
        return None  # prose, or the unit note itself ("Unit: 100 million yuan")
    rest, pos = [], first.start_char
    cells: list[tuple[Span, list[Span]]] = []
    for ent in ents:
        if ent.start_char < first.start_char:
            continue
        rest.append(text[pos: ent.start_char])
        pos = ent.end_char
        if ent.label_ == "MONEY":
            cells.append((ent, []))
        elif ent.label_ == "PERCENT":
            cells[-1][1].append(ent)
        else:
            return None
    rest.append(text[pos: line[1]])
    if not all(_FILLER.match(piece) for piece in rest):
        return None
    label_ents = [e for e in ents if e.end_char <= first.start_char]
    if any(e.label_ in ("MONEY", "PERCENT") for e in label_ents):
        return None
    return label_ents, cells


# "Shangrao  369.2  -21.0", "Hefei | 3,823.6 | 5.6 | 1st": a label, then bare number cells
_PLAIN_ROW = re.compile(rf"[\s\-–—*•·]*(?:{_ROW_NUMBER}|No\.\s?\d{{1,3}}\s+)?"
                        r"(?P<label>[^\d\s|\t][^\d|\t]{0,60}?)[\s|:\t]+"
                        r"(?P<cells>[-+−]?\d[\d,]*(?:\.\d+)?(?:[\s|\t;]+(?:[-+−]?\d[\d,]*(?:\.\d+)?%?|"
                        r"\d+(?:st|nd|rd|th)|n/?a|-{1,2}|—))*)[\s|]*", re.I)
_CELL = re.compile(r"[-+−]?\d[\d,]*(?:\.\d+)?%?(?!\w)")


def _plain_row(doc: Doc, m: re.Match | None, ents: list[Span], loose: bool = False):
    """A row whose number cells the NER tagged wrongly or not at all: the first cell is the
    amount (the unit note above says of what), the others percentages. Only lines that hold
    a label and numbers and nothing else qualify; the header above must still name a flow.
    The cells must be set apart by a bar, a tab or two spaces, or be three or more; with
    ``loose``, two cells after one space do ("EU 1,105.3 9.6"), which the caller accepts only
    beside another row. ``m`` is the line's match of ``_PLAIN_ROW``, or None."""
    text = doc_text(doc)
    if m is None or len(m.group("label").split()) > MAX_LABEL_WORDS or any(
            e.label_ == "FLOW" or e.label_ == "PERIOD" and e.end_char > m.end("label")
            for e in ents) or not (re.match(
            r"\s*(?:\||\t|\s{2})", text[m.end("label"): m.start("cells") + 1]) or
            len(_CELL.findall(m.group("cells"))) >= (2 if loose else 3) or
            ";" in m.group("cells")) or \
            re.fullmatch(r"(?:19|20)\d\d", m.group("cells").split()[0]):
        return None  # a heading ("Exports, September 2023") or prose, not a laid-out row
    spans = []
    for cell in _CELL.finditer(text, m.start("cells"), m.end("cells")):
        span = doc.char_span(cell.start(), cell.end(), alignment_mode="expand",
                             label="PERCENT" if spans else "MONEY")
        if span is None:
            return None
        spans.append(span)
    if not 1 <= len(spans) <= MAX_AMOUNT_COLUMNS + 2 or spans[0].text.endswith("%"):
        return None
    label_ents = [e for e in ents if e.end_char <= m.end("label") and e.label_ not in ("MONEY",
                                                                                     "PERCENT")]
    return label_ents, [(spans[0], spans[1:])]


def _better(tagged, plain):
    """The reading of a row that takes more of its cells: the NER may have tagged only some
    ("July  3,312.4  13.9  2,556.1  16.8", with July a period and the first two cells bare)."""
    if tagged is None or plain is None:
        return tagged or plain
    size = lambda row: sum(1 + len(pcts) for _, pcts in row[1])  # noqa: E731
    return plain if size(plain) > size(tagged) else tagged


def _header(text, lines, by_line, rows, i):
    """(flow, column order, header text) from the lines above the block of rows that holds
    line ``i``; None under a breakdown heading."""
    j = i - 1
    while j >= 0 and (rows.get(j) is not None or not text[lines[j][0]: lines[j][1]].strip()):
        j -= 1  # earlier rows of the same table (and blank lines between rows)
    flow, columns, seen, column_flows, column_periods = None, None, [], [], []
    fallback = None
    for k in range(j, max(-1, j - HEADER_LINES), -1):
        ents = by_line[k]
        line_text = text[lines[k][0]: lines[k][1]]
        unit_note = bool(_UNIT_NOTE.search(line_text))  # "(unit: 100 million yuan; growth in %)"
        if rows.get(k) is not None or (not unit_note and any(e.label_ in ("MONEY", "PERCENT")
                                                             for e in ents)):
            if k == j and line_text.rstrip().endswith(":") and flow is None:
                # "Labor-intensive products exports totaled ... Among them:" then a list
                flow = _last_flow(ents)
                seen.append(line_text)
            break  # prose with figures: the table's header is not above it
        seen.append(line_text)
        heads = [classify_flow(e.text) for e in ents if e.label_ == "FLOW"]
        if not column_flows and len(heads) > 1 and all(heads):
            column_flows = heads  # "Month | Import & export | YoY | Exports | YoY | Imports"
        periods = [e for e in ents if e.label_ == "PERIOD"]
        if not column_periods and len(periods) > 1:
            column_periods = periods  # "City | Jan-Dec | YoY | December | YoY"
        if BREAKDOWN.search(line_text) or _SECTION_BREAKDOWN.search(line_text):
            return None
        if columns is None and (_SHARE_COLUMN.search(line_text) or _GROWTH_COLUMN.search(line_text)):
            columns = _columns(line_text)
        if flow is None:
            flow = _last_flow(ents)
        if fallback is None and _UNTAGGED_FLOW.search(line_text) and (
                _PARTNER_HEADER.search(line_text) or _PRODUCT_HEADER.search(line_text)):
            fallback = classify_flow(line_text)  # "Main markets (import and export)", untagged
        if flow is not None:
            break
    return (flow or fallback, columns or ["GROWTH", "SHARE"], "\n".join(reversed(seen)),
            column_flows, column_periods)


_UNTAGGED_FLOW = re.compile(r"\b(?:imports?|exports?|trade)\b", re.I)


def _last_flow(ents: list[Span]) -> str | None:
    """The flow the last flow word of a line names."""
    return next((flow for flow in (classify_flow(e.text) for e in reversed(ents)
                                   if e.label_ == "FLOW") if flow), None)


def _columns(header: str) -> list[str]:
    share = _SHARE_COLUMN.search(header)
    growth = _GROWTH_COLUMN.search(header)
    if share and growth:
        return ["SHARE", "GROWTH"] if share.start() < growth.start() else ["GROWTH", "SHARE"]
    return ["SHARE"] if share else ["GROWTH"]


_PRODUCT_HEADER = re.compile(r"\b(?:commodit(?:y|ies)|products?|items?|goods|categor(?:y|ies))\b", re.I)
_PARTNER_HEADER = re.compile(r"\b(?:markets?|countr(?:y|ies)|regions?|destinations?|partners?|"
                             r"origins?|sources?)\b", re.I)


# header words that make the rows' places the other side, never the reporters
_PARTNERS_ONLY = re.compile(r"\b(?:markets?|destinations?|partners?|origins?|suppliers?|"
                            r"buyers?)\b", re.I)
_PLACE_HEADER = re.compile(r"^\W*(?:(?:rank(?:ing)?|no\.?|#)\W+)?(?:cit(?:y|ies)|provinces?|regions?|districts?|count(?:y|ies)|"
                           r"prefectures?|states?|municipalit(?:y|ies))\b", re.I | re.M)


def _untagged_label(label: str, header: str, ctx: DocContext) -> tuple[str, str] | None:
    """The role of a row label the NER left unmarked, from the header: a known place under
    "Market"/"Country" is a partner, any label under "Commodity"/"Products" a product."""
    label = label.strip(" :|-–—*•·\t")
    if not label or len(label.split()) > 8 or BREAKDOWN.search(label):
        return None
    name = canonical_place(label)
    if name is not None and name != ctx.place and _PARTNER_HEADER.search(header):
        return "PARTNER", name
    if name is not None and _PLACE_HEADER.search(header):
        return "LOCATION", name  # "City | Jan-Dec | Growth"
    if name is None and _PRODUCT_HEADER.search(header) and not re.search(r"\d|total|others?\b",
                                                                          label, re.I):
        return "PRODUCT", re.sub(r"\s+", " ", label).lower()
    return None


def _label_product(span: Span | None) -> str | None:
    """A row label is the whole product name, commas included ("Coal, coke and briquettes")."""
    if span is None:
        return None
    text = re.sub(r"^(?:the|its)\s+", "", span.text.strip(" :|-"), flags=re.I)
    return re.sub(r"\s+", " ", text).lower() or None


def _fact(doc: Doc, ctx: DocContext, line, label_ents, money, percents, flow, columns,
          header_text, column_period: Span | None = None):

    text = doc_text(doc)
    start, label_end, end = line
    label = _LABEL_NOISE.sub("", text[start: label_end])
    if BREAKDOWN.search(label):
        return None
    partner = next((e for e in label_ents if e.label_ == "PARTNER"), None)
    product = next((e for e in label_ents if e.label_ == "PRODUCT"), None)
    place = next((e for e in label_ents if e.label_ == "LOCATION"), None)
    if partner is not None and place is None and _PLACE_HEADER.search(header_text):
        place, partner = partner, None  # "City | Imports and exports": the rows are places
    elif place is not None and partner is None and _PARTNERS_ONLY.search(header_text) and \
            not _PLACE_HEADER.search(header_text) and place_name(place, ctx) != ctx.place:
        place, partner = None, place  # "Exports by main partner countries": the rows trade
    label_period = next((e for e in label_ents if e.label_ == "PERIOD"), None)
    period_span = label_period or column_period
    own_flow = next((classify_flow(e.text) for e in label_ents if e.label_ == "FLOW"), None)
    untagged = None
    if own_flow is not None:
        flow = own_flow
    elif not (partner or product or place or label_period):
        untagged = _untagged_label(label, header_text, ctx)
        if untagged is None:
            return None  # an unknown label ("Others", a trade mode the patterns do not know)
    if flow is None:
        return None
    amount = money_of(money, ctx)
    if amount is None:
        return None
    values = {"GROWTH": None, "SHARE": None}
    for role, pct in zip(columns, percents):
        parsed = resolve_percent(pct.text)
        if parsed is not None and parsed.kind != "points":
            words = text[money.end_char: pct.start_char]  # "..., down 12.4%" in a bullet row
            values[role] = signed_growth(parsed, words) if role == "GROWTH" else parsed.value
    period = resolve_period(period_span, ctx) if period_span is not None else None
    period = period or carried_period(doc, ctx, start)
    location = place_name(place, ctx) if place is not None else ctx.place
    partner_name = place_name(partner, ctx) if partner is not None else None
    product_name = _label_product(product)
    if untagged is not None:
        role, name = untagged
        partner_name = name if role == "PARTNER" else partner_name
        product_name = name if role == "PRODUCT" else product_name
        location = name if role == "LOCATION" else location
    value = -amount.value if flow == "balance" and _deficit(label, header_text) else amount.value
    evidence = Evidence(start, end, text[start: end])
    fact = TradeFact(location=location, flow=flow, partner=partner_name, product=product_name,
                     period=period, value=value, currency=amount.currency,
                     growth_pct=values["GROWTH"], share_pct=values["SHARE"], evidence=evidence,
                     confidence=0.7, doc=None)
    return fact, period


def _deficit(label: str, header: str) -> bool:
    """A balance row is a deficit when its label says so, or when the header above says
    "deficits" and nowhere "surplus" ("Other large bilateral deficits were with:" then
    "- Mexico, $101.7 billion;"); a header naming both gives a sign convention instead."""
    if re.search(r"deficit", label, re.I):
        return True
    return bool(re.search(r"\bdeficits?\b", header, re.I)) and \
        not re.search(r"surplus", f"{header} {label}", re.I)

