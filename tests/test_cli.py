"""The command line as a user runs it."""
import json

import pytest
from typer.testing import CliRunner

from tradeie.cli import app

runner = CliRunner()
GOOD = "In 2022, Xiamen's exports rose 5.1 percent to 20 billion yuan.\n"


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (tmp_path / "page.html").write_text(f"<html><body><p>{GOOD}</p></body></html>", "utf-8")
    (tmp_path / "latin.txt").write_bytes(GOOD.replace("Xiamen", "Xiamen\xe9").encode("cp1252"))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "records.jsonl").write_text(
        json.dumps({"doc": "r1", "text": GOOD}) + "\n" + "{broken\n"
        + json.dumps({"text": "In the first quarter, Xiamen's exports were 9 billion yuan.",
                      "meta": {"doc": "r2", "published": "2023-04-20"}}) + "\n", "utf-8")
    return tmp_path


def run(*args):
    return runner.invoke(app, list(args))


def test_cli_extract_reads_folders_and_warns_by_name(inputs):
    result = run("extract", str(inputs))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    docs = {row["doc"] for row in rows}
    assert {"good.txt", "page.html", "latin.txt", "r1", "r2"} <= docs
    for name in ("empty.txt", "binary.bin", "latin.txt", "page.html", "records.jsonl:2"):
        assert name in result.stderr
    r2 = [row for row in rows if row["doc"] == "r2"]
    assert r2 and r2[0]["period"] == "2023-Q1"


def test_cli_extract_csv_to_file(inputs, tmp_path):
    out = tmp_path / "facts.csv"
    result = run("extract", str(inputs / "good.txt"), "--format", "csv", "--output", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc,type,location,flow")
    assert any("good.txt" in line and "export" in line for line in lines[1:])


def test_cli_extract_published_sets_year(inputs, tmp_path):
    path = tmp_path / "q1.txt"
    path.write_text("In the first quarter, Xiamen's exports were 9 billion yuan.", "utf-8")
    result = run("extract", str(path), "--published", "2023-04-20")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and rows[0]["period"] == "2023-Q1"


def test_cli_extract_bad_date_is_a_clear_error(inputs):
    result = run("extract", str(inputs / "good.txt"), "--published", "April 2023")
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_cli_evaluate_json_and_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    fact = {"doc": "a.txt", "type": "trade", "location": "Xiamen", "flow": "export",
            "partner": None, "product": None, "period": "2022", "value": 20000000000,
            "currency": "CNY", "growth_pct": 5.1, "share_pct": None, "sentence": "x"}
    gold.write_text(json.dumps(fact) + "\n" + json.dumps({**fact, "flow": "import"}) + "\n", "utf-8")
    pred.write_text(json.dumps({**fact, "sentence": None}) + "\n", "utf-8")
    result = run("evaluate", str(gold), str(pred), "--json")
    scores = json.loads(result.stdout)
    assert scores["strict"]["p"] == 1.0 and scores["strict"]["r"] == 0.5
    result = run("evaluate", str(gold), str(pred), "--misses", "5")
    assert "import" in result.stdout


def test_cli_evaluate_reads_pred_from_stdin_and_names_a_missing_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    fact = {"doc": "a.txt", "type": "trade", "location": "Xiamen", "flow": "export",
            "partner": None, "product": None, "period": "2022", "value": 20000000000,
            "currency": "CNY", "growth_pct": 5.1, "share_pct": None}
    gold.write_text(json.dumps(fact) + "\n", "utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "-", "--json"], input=json.dumps(fact) + "\n")
    scores = json.loads(result.stdout)
    assert result.exit_code == 0 and scores["strict"]["p"] == scores["strict"]["r"] == 1.0
    result = run("evaluate", str(gold), str(tmp_path / "missing.jsonl"))
    assert result.exit_code != 0
    compact = "".join(result.output.replace("│", "").split())  # the error box wraps long paths
    assert "missing.jsonl:nosuchfile" in compact


def test_cli_evaluate_malformed_gold_names_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a", "flow": "total"}\nnot json\n', "utf-8")
    result = run("evaluate", str(gold), str(gold))
    assert result.exit_code != 0
    assert f"{gold}:2" in str(result.exception) + result.output
