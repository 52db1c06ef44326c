"""tradeie on Spark in local mode: the same facts as tradeie.extract, bad records as error
rows, no duplicates after a retried task, and the CLI's spark engine.

The session runs ``local[2,4]``: two cores, and a task may be tried four times (plain
``local[2]`` never retries a task, whatever ``spark.task.maxFailures`` says).
"""
import json
import os
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tradeie
from tradeie.api import default_model_path
from tradeie.cli import app

pytestmark = pytest.mark.spark
ROOT = Path(__file__).resolve().parent.parent
GOOD = "In 2022, Xiamen's exports rose 5.1 percent to 20 billion yuan.\n"
HUGE = "x " * 600_000  # 1.2 million characters, above the default max_chars


@pytest.fixture(scope="module")
def model():
    path = default_model_path()
    if not (path / "config.cfg").is_file():
        pytest.skip(f"no trained pipeline at {path}; set TRADEIE_MODEL or train one")
    return path


@pytest.fixture(scope="module")
def spark(model):
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs Java (17 or 21)")
    from pyspark import cloudpickle
    from pyspark.sql import SparkSession

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2,4]").appName("tradeie-tests")
               .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
               .config("spark.python.worker.reuse", "true").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def records():
    lines = (ROOT / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    out = [{"doc": r["doc"], "text": r["text"], "published": r.get("published")} for r in rows]
    out += [{"doc": p.name, "text": p.read_text(encoding="utf-8"), "published": "2024-07-19"}
            for p in sorted((ROOT / "samples").glob("*.txt"))]
    return out


@pytest.fixture(scope="module")
def local_facts(records, model):
    return tradeie.extract(records, nlp=tradeie.load(model))


@pytest.fixture(scope="module")
def extracted(spark, records, model):
    """extract_facts over the good records and two malformed ones, in four partitions."""
    from tradeie.spark import extract_facts

    bad = [{"doc": "null-text", "text": None, "published": None},
           {"doc": "huge-text", "text": HUGE, "published": None}]
    df = spark.createDataFrame([(r["doc"], r["text"], r["published"]) for r in records + bad],
                               "doc string, text string, published string").repartition(4)
    facts = extract_facts(df, published_col="published", model=model)
    return facts.schema, facts.collect()


def _facts_of(rows):
    from tradeie.spark import row_to_fact

    return sorted((row_to_fact(row) for row in rows if row.error is None), key=repr)


def test_spark_facts_equal_local_extract(extracted, local_facts):
    _, rows = extracted
    assert local_facts
    assert _facts_of(rows) == sorted(local_facts, key=repr)


def test_spark_schema_keeps_decimal_value_and_offsets(extracted, records):
    from pyspark.sql.types import DecimalType, LongType

    schema, rows = extracted
    assert schema["value"].dataType == DecimalType(38, 2)
    assert schema["evidence_start"].dataType == LongType()
    texts = {r["doc"]: r["text"] for r in records}
    facts = [row for row in rows if row.error is None]
    assert any(isinstance(row.value, Decimal) and row.value > 10**9 for row in facts)
    for row in facts:
        assert texts[row.doc][row.evidence_start:row.evidence_end] == row.evidence_text
    ids = [row.fact_id for row in rows]
    assert len(ids) == len(set(ids))


def test_spark_malformed_records_become_error_rows(extracted):
    _, rows = extracted
    errors = {row.doc: row.error for row in rows if row.error is not None}
    assert errors.keys() == {"null-text", "huge-text"}
    assert errors["null-text"] == "text is null"
    assert "max_chars" in errors["huge-text"]
    assert all(row.type is None and row.value is None for row in rows if row.error)


def test_spark_non_string_text_becomes_error_rows(spark, model):
    from tradeie.spark import extract_facts

    binary = spark.createDataFrame([("ok", GOOD.encode()), ("latin", b"Xiamen\xe9 \xff")],
                                   "doc string, text binary")
    rows = extract_facts(binary, model=model).collect()
    assert {row.doc for row in rows if row.error is None} == {"ok"}
    assert [row.error for row in rows if row.doc == "latin"] == [
        "text is not UTF-8 (invalid continuation byte at byte 6)"]
    numbers = spark.createDataFrame([("n1", 7), ("n2", None)], "doc string, text int")
    errors = {row.doc: row.error for row in extract_facts(numbers, model=model).collect()}
    assert errors == {"n1": "text must be a string, got int", "n2": "text is null"}


def test_spark_shipped_model_gives_the_same_facts(spark, model):
    from tradeie.spark import extract_facts, row_to_fact

    df = spark.createDataFrame([("good", GOOD)], "doc string, text string")
    rows = extract_facts(df, model=model, ship_model=True).collect()  # via addArchive
    assert [row_to_fact(row) for row in rows] == tradeie.extract(
        [{"doc": "good", "text": GOOD}], nlp=tradeie.load(model))


def test_spark_missing_column_is_named(spark, model):
    from tradeie.spark import SparkInputError, extract_facts

    df = spark.createDataFrame([("good", GOOD)], "doc string, body string")
    with pytest.raises(SparkInputError, match="column 'text' is not in the DataFrame"):
        extract_facts(df, model=model)


def test_spark_pipeline_loaded_once_per_worker(spark, extracted):
    import pyarrow as pa

    def probe(batches):
        from tradeie import spark as module

        for _ in batches:
            yield pa.RecordBatch.from_pylist(
                [{"pid": os.getpid(), "loads": max(module.load_counts.values(), default=0)}],
                schema=pa.schema([("pid", pa.int64()), ("loads", pa.int64())]))
    rows = spark.range(0, 8, numPartitions=8).mapInArrow(probe, "pid long, loads long").collect()
    loads = {row.pid: row.loads for row in rows}
    assert max(loads.values()) == 1, loads  # a worker that ran extract_facts loaded it once


def test_spark_retried_task_writes_no_duplicate_facts(spark, records, extracted, model,
                                                      tmp_path):
    from tradeie.spark import extract_facts

    subset = records[:5]
    marks = tmp_path / "marks"
    marks.mkdir()

    def fail_first_attempt(batches):
        from pyspark import TaskContext

        task = TaskContext.get()
        for batch in batches:
            for i in range(batch.num_rows):
                yield batch.slice(i, 1)  # a row reaches the writer before the failure
                if task.attemptNumber() == 0:
                    (marks / f"part-{task.partitionId()}").touch()
                    raise RuntimeError("killed on the first attempt")
    df = spark.createDataFrame([(r["doc"], r["text"], r["published"]) for r in subset],
                               "doc string, text string, published string").repartition(2)
    facts = extract_facts(df, published_col="published", model=model)
    out = str(tmp_path / "facts.parquet")
    facts.mapInArrow(fail_first_attempt, facts.schema).write.parquet(out)
    written = spark.read.parquet(out).collect()
    assert len(list(marks.iterdir())) >= 1  # first attempts did fail and were retried
    ids = [row.fact_id for row in written]
    assert len(ids) == len(set(ids))
    _, rows = extracted  # the facts and ids of a run without failures, partitioned otherwise
    expected = {row.fact_id: (row.doc, row.type, row.location, row.period, row.value)
                for row in rows if row.doc in {r["doc"] for r in subset}}
    assert expected
    assert {row.fact_id: (row.doc, row.type, row.location, row.period, row.value)
            for row in written} == expected


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "blank.txt").write_text(" \n\n", encoding="utf-8")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (folder / "records.jsonl").write_text(
        json.dumps({"doc": "r1", "text": GOOD}) + "\n" + "{broken\n"
        + json.dumps({"text": "In the first quarter, Xiamen's exports were 9 billion yuan.",
                      "meta": {"doc": "r2", "published": "2023-04-20"}}) + "\n", "utf-8")
    return folder


def test_spark_cli_writes_parquet_and_reports_errors(spark, inputs, model, tmp_path):
    from tradeie.spark import errors_path

    out = tmp_path / "facts.parquet"
    result = CliRunner().invoke(app, ["extract", "--engine", "spark", "--master", "local[2]",
                                      "--model", str(model), str(inputs), str(out)])
    assert result.exit_code == 0, result.output
    rows = spark.read.parquet(str(out)).collect()
    assert {"good.txt", "r1", "r2"} <= {row.doc for row in rows}
    assert next(row.period for row in rows if row.doc == "r2") == "2023-Q1"
    errors = {row.doc: row.error for row in spark.read.json(errors_path(str(out))).collect()}
    assert errors == {"blank.txt": "empty file", "binary.bin": "binary data, not text",
                      "records.jsonl:2": "not JSON (Expecting property name enclosed in "
                                         "double quotes)"}
    assert f"3 records could not be read; see {errors_path(str(out))}" in result.stderr


def test_spark_cli_jsonl_matches_local_cli(spark, inputs, model, tmp_path):
    out = tmp_path / "facts-jsonl"
    args = ["extract", "--model", str(model), str(inputs)]
    local = CliRunner().invoke(app, args)
    distributed = CliRunner().invoke(app, [*args, str(out), "--engine", "spark", "-f", "jsonl"])
    assert local.exit_code == 0 and distributed.exit_code == 0, distributed.output
    lines = [line for path in sorted(out.glob("part-*")) for line in
             path.read_text(encoding="utf-8").splitlines()]

    def canonical(row):
        row.pop("fact_id", None)
        if row.get("value") is not None:
            row["value"] = str(Decimal(str(row["value"])).normalize())
        return json.dumps(row, sort_keys=True, default=str)
    assert lines
    assert sorted(canonical(json.loads(line)) for line in lines) == sorted(
        canonical(json.loads(line)) for line in local.stdout.splitlines() if line)


def test_spark_cli_reads_parquet(spark, model, tmp_path):
    from tradeie.spark import errors_path

    src, out = str(tmp_path / "news.parquet"), str(tmp_path / "facts.jsonl")
    spark.createDataFrame([("a", GOOD, "2022-05-01"), ("b", None, None)],
                          "doc string, text string, published string").write.parquet(src)
    result = CliRunner().invoke(app, ["extract", "--engine", "spark", "--model", str(model),
                                      src, out])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for path in sorted(Path(out).glob("part-*"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(f["doc"], f["flow"], f["period"], f["value"]) for f in facts] == [
        ("a", "export", "2022", 20000000000)]
    assert [row.doc for row in spark.read.json(errors_path(out)).collect()] == ["b"]


def test_spark_without_pyspark_names_the_extra(monkeypatch):
    from tradeie.spark import SparkExtraError, extract_facts

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(SparkExtraError, match=r"tradeie\[spark\]"):
        extract_facts(object())
