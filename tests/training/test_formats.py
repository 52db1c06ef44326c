"""Annotation formats: tradeie JSONL, Label Studio, doccano and Prodigy rel.manual."""
from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as ET

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeie.errors import AnnotationError
from tradeie.training.formats import (
    ENTITY_LABELS,
    RELATION_LABELS,
    from_doccano,
    from_label_studio,
    from_prodigy,
    label_studio_config,
    load_annotations,
    read_records,
    to_doccano,
    to_label_studio,
    to_prodigy,
    validate_record,
    write_records,
)

MARKUP = re.compile(r"\[([^\]]+)\]\{([A-Z]+)\}")
IMPORTERS = {
    "tradeie": read_records,
    "label-studio": from_label_studio,
    "doccano": from_doccano,
    "prodigy": from_prodigy,
}
FORMATS = list(IMPORTERS)


def annotated(doc: str, markup: str, relations=(), **meta) -> dict:
    """A record from '[surface]{LABEL}' markup; relations name spans by index."""
    text, spans, pos = "", [], 0
    for match in MARKUP.finditer(markup):
        text += markup[pos:match.start()]
        start = len(text)
        text += match.group(1)
        spans.append({"id": f"s{len(spans)}", "start": start, "end": len(text),
                      "label": match.group(2), "text": match.group(1)})
        pos = match.end()
    text += markup[pos:]
    return {"doc": doc, "text": text, "published": meta.get("published"),
            "style": meta.get("style"), "phenomena": meta.get("phenomena", []), "spans": spans,
            "relations": [{"head": f"s{h}", "child": f"s{c}", "label": label}
                          for h, c, label in relations],
            "facts": meta.get("facts", [])}


XIAMEN = annotated(
    "xiamen-customs-2023-h1",
    "XIAMEN, July 20 -- In the [first half]{PERIOD} of this year, [Xiamen]{LOCATION}'s\n"
    "[foreign trade]{FLOW} reached [489.1 billion yuan]{MONEY} (about [68.9 billion U.S. "
    "dollars]{MONEY}), up [3.2 percent]{PERCENT} year on year.",
    [(2, 1, "LOCATION"), (2, 0, "PERIOD"), (2, 3, "VALUE"), (2, 5, "GROWTH")],
    published="2023-07-20", style="customs", phenomena=["period-half", "conversion"],
    facts=[{"type": "trade", "location": "Xiamen", "flow": "total", "period": "2023-H1",
            "value": 489100000000, "currency": "CNY", "growth_pct": 3.2}],
)
CHONGQING = annotated(
    "chongqing-rank-2022",
    "[Chongqing]{LOCATION} ranked [8th]{RANK} among Chinese cities by [exports]{FLOW} "
    "in [2022]{PERIOD}; its [laptops]{PRODUCT} went to [the EU]{PARTNER}, [12 pct]{PERCENT} "
    "of the total.",
    [(1, 0, "LOCATION"), (1, 3, "PERIOD"), (2, 4, "PRODUCT"), (2, 5, "PARTNER"),
     (2, 6, "SHARE")],
)
RECORDS = [XIAMEN, CHONGQING]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def write(fmt: str, records: list[dict], path, nlp) -> None:
    if fmt == "tradeie":
        write_records(records, path)
    elif fmt == "label-studio":
        path.write_text(json.dumps(to_label_studio(records), indent=2, ensure_ascii=False),
                        encoding="utf-8")
    else:
        rows = to_doccano(records) if fmt == "doccano" else to_prodigy(records, nlp)
        write_jsonl(path, rows)


def write_jsonl(path, rows) -> None:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def key(records: list[dict]) -> list[tuple]:
    """What must survive a round trip: ids may change, offsets and labels may not."""
    out = []
    for record in records:
        spans = {s["id"]: (s["start"], s["end"], s["label"]) for s in record["spans"]}
        relations = sorted((spans[r["head"]][:2], spans[r["child"]][:2], r["label"])
                           for r in record["relations"])
        out.append((record["doc"], record["text"], record["published"], record["style"],
                    record["phenomena"], sorted(spans.values()), relations))
    return out


# ------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_formats_round_trip(fmt, tmp_path, nlp):
    path = tmp_path / "annotations"
    write(fmt, RECORDS, path, nlp)
    assert key(IMPORTERS[fmt](path)) == key(RECORDS)


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_formats_load_annotations_sniffs_format(fmt, tmp_path, nlp):
    path = tmp_path / "annotations"
    write(fmt, RECORDS, path, nlp)
    assert key(load_annotations(path)) == key(RECORDS)
    assert key(load_annotations(path, fmt)) == key(RECORDS)


def test_formats_tradeie_keeps_facts_and_metadata(tmp_path):
    path = tmp_path / "train.jsonl"
    write_records(RECORDS, path)
    assert read_records(path) == RECORDS


@pytest.mark.parametrize("fmt", ["label-studio", "doccano", "prodigy"],
                         ids=["label-studio", "doccano", "prodigy"])
def test_formats_imports_renumber_spans_and_drop_facts(fmt, tmp_path, nlp):
    path = tmp_path / "annotations"
    write(fmt, RECORDS, path, nlp)
    records = IMPORTERS[fmt](path)
    assert [record["facts"] for record in records] == [[], []]
    assert [s["id"] for s in records[0]["spans"]] == [f"s{i}" for i in range(6)]
    assert records[0]["spans"][3]["text"] == "489.1 billion yuan"


def test_formats_load_annotations_rejects_unknown_format(tmp_path):
    path = tmp_path / "train.jsonl"
    write_records(RECORDS, path)
    with pytest.raises(AnnotationError, match="unknown annotation format 'brat'"):
        load_annotations(path, "brat")


# -------------------------------------------------------------------------- validation


def test_formats_validate_record_names_offset_past_the_end():
    record = {"doc": "d", "text": "x" * 640,
              "spans": [{"id": "s4", "start": 800, "end": 812, "label": "MONEY"}]}
    with pytest.raises(AnnotationError) as err:
        validate_record(record, path="corpus/train.jsonl", line=3)
    assert str(err.value) == (
        "corpus/train.jsonl:3: span s4 ends at 812, past the end of the text "
        "(640 characters); fix the offsets or the text"
    )


def test_formats_validate_record_sorts_spans_without_changing_input():
    record = dict(XIAMEN, spans=list(reversed(XIAMEN["spans"])))
    checked = validate_record(record, path="x.jsonl", line=1)
    assert [s["start"] for s in checked["spans"]] == sorted(s["start"] for s in XIAMEN["spans"])
    assert record["spans"][0] == XIAMEN["spans"][-1]


def test_formats_write_records_refuses_invalid_record(tmp_path):
    bad = dict(CHONGQING, relations=[{"head": "s1", "child": "s9", "label": "PERIOD"}])
    path = tmp_path / "train.jsonl"
    with pytest.raises(AnnotationError, match=r"record 1 \(doc 'chongqing-rank-2022'\): "
                                              r"relation s1 -> s9 .* span s9, which does not"):
        write_records([XIAMEN, bad], path)
    assert not path.exists()


def with_span(record, **changes):
    return dict(record, spans=[dict(record["spans"][0], **changes)] + record["spans"][1:])


MALFORMED_TRADEIE = [
    ([XIAMEN, with_span(CHONGQING, end=999)], 2, "span s0 ends at 999, past the end of the text"),
    ([with_span(XIAMEN, end=53, text=None)], 1, "spans s0 (26-53) and s1 (51-57) overlap"),
    ([with_span(XIAMEN, label="COUNTRY")], 1, "span s0 has unknown label 'COUNTRY'"),
    ([dict(XIAMEN, relations=[{"head": "s2", "child": "s3", "label": "AMOUNT"}])], 1,
     "relation s2 -> s3 has unknown label 'AMOUNT'"),
    ([dict(XIAMEN, relations=[{"head": "s2", "child": "s9", "label": "VALUE"}])], 1,
     "relation s2 -> s9 (VALUE) points to span s9, which does not exist"),
    ([with_span(XIAMEN, id="s1")], 1, "span id s1 is used twice"),
    ([with_span(XIAMEN, text="first hal")], 1, "span s0 has text 'first hal' but the text at"),
    ([XIAMEN, {"doc": "x", "spans": []}], 2, "record has no 'text'"),
    ([XIAMEN, CHONGQING, '{"doc": "x", "text": "y",'], 3, "line is not JSON"),
    ([XIAMEN, XIAMEN], 2, "doc id 'xiamen-customs-2023-h1' is used again (first on line 1)"),
]
MALFORMED_TRADEIE_IDS = ["offset-past-end", "overlap", "unknown-label", "unknown-relation",
                         "missing-span", "duplicate-id", "text-mismatch", "no-text",
                         "not-json", "duplicate-doc"]


@pytest.mark.parametrize("rows,line,problem", MALFORMED_TRADEIE, ids=MALFORMED_TRADEIE_IDS)
def test_formats_tradeie_malformed_names_file_line_and_problem(rows, line, problem, tmp_path):
    path = tmp_path / "train.jsonl"
    write_jsonl(path, rows)
    with pytest.raises(AnnotationError) as err:
        read_records(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert problem in str(err.value)
    assert (err.value.path, err.value.line) == (path, line)


def doccano_row(**changes) -> dict:
    row = to_doccano([CHONGQING])[0]
    return {**row, **changes}


def prodigy_row(nlp, **changes) -> dict:
    row = to_prodigy([XIAMEN], nlp)[0]
    return {**row, **changes}


def malformed_foreign(nlp) -> list:
    good_doccano, good_prodigy = doccano_row(), prodigy_row(nlp)
    entities = good_doccano["entities"]
    relation = good_prodigy["relations"][0]
    return [
        ("doccano", [good_doccano, doccano_row(entities=[dict(entities[0], end_offset=500)])],
         2, "span 0 ends at 500, past the end of the text"),
        ("doccano", [doccano_row(entities=[dict(entities[0], label="CITY")])], 1,
         "span 0 has unknown label 'CITY'"),
        ("doccano", [doccano_row(relations=[{"id": 0, "from_id": 1, "to_id": 17,
                                            "type": "LOCATION"}])],
         1, "points to span 17, which does not exist"),
        ("doccano", [good_doccano, "not json"], 2, "line is not JSON"),
        ("prodigy", [good_prodigy, prodigy_row(nlp, spans=good_prodigy["spans"] + [
            {"start": 60, "end": 70, "label": "FLOW"}])], 2, "overlap"),
        ("prodigy", [prodigy_row(nlp, relations=[
            dict(relation, child_span=dict(relation["child_span"], start=0))])], 1,
         "has a child_span at characters 0-57, which is not a marked span"),
        ("prodigy", ["{'text': 'single quotes'}"], 1, "line is not JSON"),
    ]


@pytest.mark.parametrize("case", range(7), ids=[
    "doccano-offset-past-end", "doccano-unknown-label", "doccano-missing-span",
    "doccano-not-json", "prodigy-overlap", "prodigy-unmarked-span", "prodigy-not-json"])
def test_formats_jsonl_malformed_names_file_line_and_problem(case, tmp_path, nlp):
    fmt, rows, line, problem = malformed_foreign(nlp)[case]
    path = tmp_path / f"{fmt}.jsonl"
    write_jsonl(path, rows)
    with pytest.raises(AnnotationError) as err:
        IMPORTERS[fmt](path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert problem in str(err.value)


def label_studio_file(path, tasks) -> None:
    """One task a line after the opening bracket: task i starts on line i + 2."""
    path.write_text("[\n" + ",\n".join(json.dumps(task) for task in tasks) + "\n]\n",
                    encoding="utf-8")


def test_formats_label_studio_malformed_names_file_line_and_task(tmp_path):
    tasks = to_label_studio(RECORDS)
    tasks[1]["annotations"][0]["result"][0]["value"]["end"] = 400
    path = tmp_path / "export.json"
    label_studio_file(path, tasks)
    with pytest.raises(AnnotationError) as err:
        from_label_studio(path)
    assert str(err.value).startswith(
        f"{path}:3: task 1 (id 2): span s0 ends at 400, past the end of the text")


def test_formats_label_studio_relation_to_missing_region_names_task(tmp_path):
    tasks = to_label_studio(RECORDS)
    tasks[0]["annotations"][0]["result"].append(
        {"type": "relation", "from_id": "s2", "to_id": "gone", "labels": ["VALUE"]})
    path = tmp_path / "export.json"
    label_studio_file(path, tasks)
    with pytest.raises(AnnotationError, match=r":2: task 0 \(id 1\): relation s2 -> gone "
                                              r"\(VALUE\) points to span gone"):
        from_label_studio(path)


def test_formats_label_studio_not_json_names_line(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('[\n{"id": 1,\n "data": {"text": "x"}\n\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"^{re.escape(str(path))}:5: not valid JSON"):
        from_label_studio(path)


# ----------------------------------------------------------------- format particulars


def test_formats_prodigy_skips_rejects_with_warning(tmp_path, nlp, caplog):
    accepted, rejected, ignored = to_prodigy([XIAMEN, CHONGQING, XIAMEN], nlp)
    path = tmp_path / "rel.jsonl"
    write_jsonl(path, [accepted, dict(rejected, answer="reject"), dict(ignored, answer="ignore")])
    with caplog.at_level(logging.WARNING, logger="tradeie"):
        records = from_prodigy(path)
    assert key(records) == key([XIAMEN])
    warnings = [r for r in caplog.records if r.name == "tradeie" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "skipped 2 Prodigy example(s) not accepted (1 ignore, 1 reject)" in warnings[0].message


def test_formats_to_prodigy_rejects_span_off_token_boundaries(nlp):
    record = annotated("d", "[Xiame]{LOCATION}n's exports grew.")
    with pytest.raises(AnnotationError, match=r"span s0 'Xiame' \(0-5, LOCATION\) does not "
                                              r"fall on token boundaries"):
        to_prodigy([record], nlp)


def test_formats_to_prodigy_heads_are_last_tokens(nlp):
    example = to_prodigy([XIAMEN], nlp)[0]
    value = next(r for r in example["relations"] if r["label"] == "VALUE")
    tokens = [t["text"] for t in example["tokens"]]
    assert tokens[value["head"]] == "trade"
    assert tokens[value["child"]] == "yuan"
    assert value["child_span"]["token_end"] - value["child_span"]["token_start"] == 2


LS_ANNOTATION_CHOICES = [
    ("annotations", [{"result": "first"}, {"result": "second"}]),
    ("completions", [{"result": "first"}]),
    ("annotations", [{"was_cancelled": True, "result": "second"}, {"result": "first"}]),
]


@pytest.mark.parametrize("field,annotations", LS_ANNOTATION_CHOICES,
                         ids=["first-of-two", "old-completions", "skips-cancelled"])
def test_formats_label_studio_uses_first_annotation(field, annotations, tmp_path):
    task = to_label_studio([XIAMEN])[0]
    results = {"first": task["annotations"][0]["result"],
               "second": to_label_studio([dict(XIAMEN, spans=XIAMEN["spans"][:1],
                                               relations=[])])[0]["annotations"][0]["result"]}
    del task["annotations"]
    task[field] = [dict(a, result=results[a["result"]]) for a in annotations]
    path = tmp_path / "export.json"
    label_studio_file(path, [task])
    assert key(from_label_studio(path)) == key([XIAMEN])


def test_formats_label_studio_skips_unannotated_task_with_warning(tmp_path, caplog):
    tasks = to_label_studio(RECORDS)
    tasks[1]["annotations"] = []
    path = tmp_path / "export.json"
    label_studio_file(path, tasks)
    with caplog.at_level(logging.WARNING, logger="tradeie"):
        assert key(from_label_studio(path)) == key([XIAMEN])
    assert "skipped 1 task(s) without an annotation" in caplog.text


def test_formats_label_studio_relation_drawn_backwards_is_turned_round(tmp_path):
    task = to_label_studio([XIAMEN])[0]
    result = task["annotations"][0]["result"]
    value = next(item for item in result if item.get("labels") == ["VALUE"])
    value.update(from_id=value["to_id"], to_id=value["from_id"], direction="left")
    path = tmp_path / "export.json"
    label_studio_file(path, [task])
    assert key(from_label_studio(path)) == key([XIAMEN])
    value["direction"] = "bi"
    label_studio_file(path, [task])
    with pytest.raises(AnnotationError, match=r"relation s3 -> s2 is bidirectional"):
        from_label_studio(path)


def test_formats_label_studio_reads_utf16_offsets(tmp_path):
    text = "\U0001F6A2 Xiamen exports rose."
    task = {"id": 1, "data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 3, "end": 9, "text": "Xiamen", "labels": ["LOCATION"]}}]}]}
    path = tmp_path / "export.json"
    label_studio_file(path, [task])
    span = from_label_studio(path)[0]["spans"][0]
    assert (span["start"], span["end"], span["text"]) == (2, 8, "Xiamen")


def test_formats_label_studio_config_matches_export():
    view = ET.fromstring(label_studio_config())
    region = to_label_studio([XIAMEN])[0]["annotations"][0]["result"][0]
    labels = view.find("Labels")
    assert (labels.get("name"), labels.get("toName")) == (region["from_name"], region["to_name"])
    assert view.find("Text").get("name") == region["to_name"]
    assert tuple(label.get("value") for label in labels) == ENTITY_LABELS
    assert tuple(r.get("value") for r in view.find("Relations")) == RELATION_LABELS


# ------------------------------------------------------------------------- properties


@st.composite
def records(draw) -> dict:
    text = draw(st.text(min_size=1, max_size=80))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=10)))
    offsets = list(zip(cuts[::2], cuts[1::2]))
    spans = [{"id": f"s{i}", "start": start, "end": end, "text": text[start:end],
              "label": draw(st.sampled_from(ENTITY_LABELS))}
             for i, (start, end) in enumerate(offsets)]
    relations = []
    if spans:
        index = st.integers(0, len(spans) - 1)
        relations = [{"head": f"s{h}", "child": f"s{c}", "label": label} for h, c, label in
                     draw(st.lists(st.tuples(index, index, st.sampled_from(RELATION_LABELS)),
                                   max_size=6))]
    return {"doc": draw(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True)),
            "text": text, "published": draw(st.none() | st.dates().map(str)),
            "style": draw(st.none() | st.sampled_from(["wire", "customs", "stats"])),
            "phenomena": draw(st.lists(st.sampled_from(["rank", "decline", "share"]),
                                       unique=True, max_size=3)),
            "spans": spans, "relations": relations, "facts": []}


@pytest.mark.parametrize("fmt", ["doccano", "label-studio"], ids=["doccano", "label-studio"])
@settings(deadline=None, max_examples=150)
@given(batch=st.lists(records(), min_size=1, max_size=3))
def test_formats_random_records_round_trip(fmt, batch, tmp_path_factory):
    path = tmp_path_factory.mktemp(fmt) / "annotations"
    write(fmt, batch, path, None)
    assert IMPORTERS[fmt](path) == batch
