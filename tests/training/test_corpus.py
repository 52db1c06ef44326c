from pathlib import Path

import pytest

from tradeie.errors import AnnotationError
from tradeie.training.corpus import find_ann, parse_markup, read_ann, split_records

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "src"
GOOD = """@doc t-one
@style wire
@published 2023-07-20
@phenomena conversion
@text
In [the first half]{PERIOD}, [Xiamen]{LOCATION}'s [exports]{FLOW} rose [5.1%]{PERCENT} to [20 billion yuan]{MONEY} (about [2.8 billion U.S. dollars]{MONEY}).
@gold
{"type": "trade", "sentence": "In the first half, Xiamen's exports rose 5.1% to 20 billion yuan", "location": "Xiamen", "flow": "export", "partner": null, "product": null, "period": "2023-H1", "value": 20000000000, "currency": "CNY", "growth_pct": 5.1, "share_pct": null}
{"type": "trade", "sentence": "In the first half, Xiamen's exports rose 5.1% to 20 billion yuan (about 2.8 billion U.S. dollars)", "location": "Xiamen", "flow": "export", "partner": null, "product": null, "period": "2023-H1", "value": 2800000000, "currency": "USD", "growth_pct": null, "share_pct": null, "conversion": true}
"""


def write(tmp_path, text, name="doc.ann"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_corpus_markup_offsets():
    text, spans = parse_markup("A [b c]{FLOW} and \\[x\\] [d]{MONEY}", path="x", first_line=1)
    assert text == "A b c and [x] d"
    assert [(text[s["start"]:s["end"]], s["label"]) for s in spans] == [("b c", "FLOW"),
                                                                         ("d", "MONEY")]


def test_corpus_read_ann_derives_relations(tmp_path):
    record = read_ann(write(tmp_path, GOOD))
    by_id = {s["id"]: s["text"] for s in record["spans"]}
    rels = {(by_id[r["head"]], by_id[r["child"]], r["label"]) for r in record["relations"]}
    assert rels == {("exports", "Xiamen", "LOCATION"), ("exports", "5.1%", "GROWTH"),
                    ("exports", "20 billion yuan", "VALUE"),
                    ("exports", "2.8 billion U.S. dollars", "VALUE"),
                    ("exports", "the first half", "PERIOD")}
    assert record["facts"][0]["doc"] == "t-one"


def test_corpus_a_capital_standing_for_its_country_is_linked_as_the_partner(tmp_path):
    text = (GOOD.replace("@phenomena conversion", "@phenomena partner-aliases")
            .replace("to [20 billion yuan]{MONEY} (about [2.8 billion U.S. dollars]{MONEY}).",
                     "to [20 billion yuan]{MONEY} with [Washington]{PARTNER}.")
            .replace("rose 5.1% to 20 billion yuan\"", "rose 5.1% to 20 billion yuan with Washington.\"")
            .replace('"partner": null', '"partner": "United States"', 1))
    text = text[:text.index('{"type": "trade", "sentence": "In the first half, Xiamen\'s exports rose 5.1% to 20 '
                            'billion yuan (about')]
    record = read_ann(write(tmp_path, text))
    by_id = {s["id"]: s["text"] for s in record["spans"]}
    assert ("exports", "Washington", "PARTNER") in {
        (by_id[r["head"]], by_id[r["child"]], r["label"]) for r in record["relations"]}


@pytest.mark.parametrize("change,message,line", [
    (("[exports]{FLOW}", "[exports]{FLOWS}"), "unknown label 'FLOWS'", 6),
    (("[exports]{FLOW}", "[exports{FLOW}"), "unbalanced markup", 6),
    (("\"value\": 20000000000", "\"value\": 21000000000"), "value 21000000000 CNY not found", 8),
    (("rose 5.1% to 20", "rose 5.2% to 20"), "not a verbatim piece", 8),
    (("\"flow\": \"export\", \"partner\": null, \"product\": null, \"period\": \"2023-H1\", \"value\": 2800000000",
      "\"flow\": \"export\", \"partner\": null, \"product\": null, \"period\": \"2023-01..2023-06\", \"value\": 2800000000"),
     "not canonical", 9),
    (("\"share_pct\": null}\n{", "\"share_pct\": null, \"valeu\": 1}\n{"), "outside the schema", 8),
    (("@gold\n{", "@gold\n{not json\n{"), "not JSON", 8),
], ids=["label", "markup", "value", "sentence", "period", "field", "json"])
def test_corpus_errors_name_file_line_and_problem(tmp_path, change, message, line):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(AnnotationError) as err:
        read_ann(path)
    assert str(err.value).startswith(f"{path}:{line}:")
    assert message in str(err.value)


def test_corpus_duplicate_identity_is_an_error(tmp_path):
    lines = GOOD.rstrip("\n").split("\n")
    path = write(tmp_path, "\n".join(lines + [lines[-2]]) + "\n")
    with pytest.raises(AnnotationError, match="same identity"):
        read_ann(path)


def test_corpus_every_document_validates():
    records = [read_ann(p) for p in find_ann([CORPUS])]
    assert len(records) >= 80
    assert sum(len(r["facts"]) for r in records) >= 600
    train, dev = split_records(records)
    assert len(dev) >= 20
    assert not {r["doc"] for r in train} & {r["doc"] for r in dev}


def test_corpus_split_header_overrides_the_hash(tmp_path):
    docs = [read_ann(write(tmp_path, GOOD.replace("@doc t-one", f"@doc t-{i}"), f"{i}.ann"))
            for i in range(8)]
    assert split_records(docs)[1], "the hash sends some of eight documents to dev"
    pinned = [read_ann(write(tmp_path, GOOD.replace("@doc t-one", f"@doc t-{i}").replace(
        "@text", "@split train\n@text"), f"{i}.ann")) for i in range(8)]
    assert split_records(pinned) == (pinned, [])
    with pytest.raises(AnnotationError, match="@split must be one of"):
        read_ann(write(tmp_path, GOOD.replace("@text", "@split test\n@text")))
