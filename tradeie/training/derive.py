"""Relations derived from gold facts: every argument of a fact, found among the marked
spans of its sentence and context, linked to the fact's FLOW span (RANK span for a rank
fact) with the role it plays. The relation component trains on these."""
from __future__ import annotations


from ..errors import AnnotationError
from ..normalize import canonical_place, parse_period
from ..normalize.place import capital_country
from ..normalize.currencies import LOCAL_CURRENCIES
from ..normalize.money import resolve_amount
from ..normalize.ordinal import parse_ordinal
from ..normalize.percent import resolve_percent
from .canonical import canonical_name, canonical_period, product_tokens


def _regions(fact: dict, text: str) -> list[tuple[int, int]]:
    regions = []
    for piece in [fact["sentence"], *fact.get("context", [])]:
        start = text.find(piece)
        regions.append((start, start + len(piece)))
    return regions


def _in(span: dict, region: tuple[int, int]) -> bool:
    return region[0] <= span["start"] and span["end"] <= region[1]


def _candidates(spans, regions, label, test):
    """Spans with ``label`` passing ``test``, sentence first, then context."""
    found = []
    for rank, region in enumerate(regions):
        for span in spans:
            if span["label"] == label and _in(span, region) and span not in [s for _, s in found]:
                if test(span):
                    found.append((rank, span))
    return found


def _pick(found, anchor: int | None, used: set) -> dict | None:
    if not found:
        return None
    def cost(item):
        rank, span = item
        return (span["id"] in used, rank, abs(span["start"] - anchor) if anchor is not None else 0)
    return min(found, key=cost)[1]


def _money_test(fact, text):
    dollar = fact["currency"] if fact["currency"] and fact["currency"].endswith("D") else "USD"
    # "¥", bare "pesos", "Rs": the gold currency says which country's they are
    country = next((c for forms in LOCAL_CURRENCIES.values() for c, code in forms.items()
                    if code == fact["currency"]), None)

    def test(span):
        money = resolve_amount(span["text"], text[span["end"]:span["end"] + 200],
                               text[:span["start"]], dollar=dollar, country=country)
        if money is None or money.currency != fact["currency"]:
            return False
        gold = abs(float(fact["value"]))
        return abs(abs(float(money.value)) - gold) <= 0.005 * max(gold, 1.0)
    return test


def _percent_test(number):
    def test(span):
        pct = resolve_percent(span["text"])
        return pct is not None and pct.kind == "percent" and abs(abs(pct.value) - abs(number)) < 0.051
    return test


def _place_test(name, *, capital: bool = False):
    """Whether a span names place ``name``; with ``capital``, also a capital standing for its
    country ("a surplus with Washington"), as the assembler reads a partner. Not for the
    reporting place: "Beijing's exports" are the city's."""
    want = canonical_name(name)

    def test(span):
        return want == canonical_name(canonical_place(span["text"]) or span["text"]) or (
            capital and want == canonical_name(capital_country(span["text"]) or ""))
    return test


def _anaphor_test(span):
    return canonical_place(span["text"]) is None


# Countries whose fiscal years start in April, July and October, and Japan's naming: a
# fiscal span matches its gold period under one of them.
_FISCAL_KINDS = ("IN", "PK", "US", "JP")


def _period_test(period, published):
    year = int(period[:4])

    def test(span):
        want = canonical_period(period)
        return any(canonical_period(p or "") == want for p in (
            parse_period(span["text"], year=year), parse_period(span["text"], published=published),
            *(parse_period(span["text"], year=year + 1, country=c) for c in _FISCAL_KINDS)))
    return test


def _product_test(product):
    gold = product_tokens(product)

    def test(span):
        tokens = product_tokens(span["text"].lower())
        return bool(gold | tokens) and len(gold & tokens) / len(gold | tokens) >= 0.5
    return test


def derive_relations(record: dict, *, path: object = None) -> list[dict]:
    """Relations (head FLOW/RANK span -> argument span, role) implied by the gold facts."""
    spans, text = record["spans"], record["text"]
    relations: dict[tuple, dict] = {}
    used: dict[str, set] = {}
    for fact in record["facts"]:
        regions = _regions(fact, text)
        args = _fact_arguments(fact, spans, regions, used, path, text, record.get("published"))
        head = _head(fact, spans, regions, args, path)
        for role, span in args:
            used.setdefault(role, set()).add(span["id"])
            key = (head["id"], span["id"])
            if key in relations and relations[key]["label"] != role:
                raise AnnotationError(f"span {span['text']!r} would be both {relations[key]['label']} "
                                      f"and {role} of {head['text']!r}", path=path,
                                      line=fact["_line"])
            relations[key] = {"head": head["id"], "child": span["id"], "label": role}
    return list(relations.values())


def _required(found, what, fact, path):
    if found is None:
        raise AnnotationError(f"{what} not found in a marked span of the fact's sentence or "
                              f"context; mark it or fix the gold", path=path, line=fact["_line"])
    return found


def _fact_arguments(fact, spans, regions, used, path, record_text, published=None) -> list[tuple[str, dict]]:
    args: list[tuple[str, dict]] = []
    def pick(label, test, role):
        return _pick(_candidates(spans, regions, label, test), None, used.get(role, set()))

    if fact.get("type", "trade") == "rank":
        loc = pick("LOCATION", _place_test(fact["location"]), "LOCATION")
        args += [("LOCATION", loc)] if loc else []
        if fact.get("year"):
            per = pick("PERIOD", lambda s: str(fact["year"]) in s["text"], "PERIOD")
            args += [("PERIOD", per)] if per else []
        return args
    if fact["value"] is not None:
        money = pick("MONEY", _money_test(fact, record_text), "VALUE")
        args.append(("VALUE", _required(money, f"value {fact['value']} {fact['currency']}", fact, path)))
    for key, role in (("growth_pct", "GROWTH"), ("share_pct", "SHARE")):
        if fact[key] is not None:
            pct = pick("PERCENT", _percent_test(fact[key]), role)
            args.append((role, _required(pct, f"{key} {fact[key]}", fact, path)))
    if fact["partner"]:
        partner = pick("PARTNER", _place_test(fact["partner"], capital=True), "PARTNER")
        args += [("PARTNER", partner)] if partner else []
    if fact["location"]:
        loc = pick("LOCATION", _place_test(fact["location"]), "LOCATION")
        if loc is None:  # "the city", "its": only inside the clause itself
            loc = _pick(_candidates(spans, regions[:1], "LOCATION", _anaphor_test), None, set())
        args += [("LOCATION", loc)] if loc else []
    if fact["period"]:
        per = pick("PERIOD", _period_test(fact["period"], published), "PERIOD")
        args += [("PERIOD", per)] if per else []
    if fact["product"]:
        prod = pick("PRODUCT", _product_test(fact["product"]), "PRODUCT")
        args += [("PRODUCT", prod)] if prod else []
    return args


def _head(fact, spans, regions, args, path) -> dict:
    label = "RANK" if fact.get("type") == "rank" else "FLOW"
    def test(span) -> bool:
        return label != "RANK" or parse_ordinal(span["text"]) == fact["rank"]

    anchor = args[0][1]["start"] if args else None
    found = _candidates(spans, regions, label, test)
    head = _pick(found, anchor, set())
    return _required(head, f"{label} span" + (f" for rank {fact['rank']}" if label == "RANK" else ""),
                     fact, path)


# ---------------------------------------------------------------------------- corpus
