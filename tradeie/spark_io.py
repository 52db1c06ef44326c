"""Input and command line of ``tradeie extract --engine spark``.

>>> from tradeie.spark_io import run_cli
>>> run_cli("news/", "facts.parquet", master="yarn")  # doctest: +SKIP

:func:`read_inputs` reads a Parquet dataset, or the text and JSONL files under a path, as
records (``RECORD_SCHEMA``) the way ``tradeie extract`` reads them; an unreadable file or
line becomes a record with ``error`` set. :func:`run_cli` runs :func:`tradeie.spark.extract_facts`
over them and writes the facts and, to :func:`errors_path`, the records that could not be read.
:func:`spark_session` starts a session for tradeie. ``tradeie.spark`` re-exports these names,
so this module imports from it inside functions, not at the top.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

logger = logging.getLogger("tradeie")
RECORD_SCHEMA = "doc string, text string, published string, error string"


def spark_session(master: str = "local[*]", app_name: str = "tradeie"):
    """A SparkSession for tradeie; local workers run this interpreter."""
    from .spark import SparkExtraError, _require_spark

    _require_spark()
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise SparkExtraError("Spark needs Java 17 on PATH or in JAVA_HOME "
                              "(e.g. apt-get install openjdk-17-jre-headless)")
    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.python.worker.reuse", "true")
            .config("spark.ui.showConsoleProgress", "false").getOrCreate())


def read_inputs(spark, source: str, *, published: str | None = None):
    """Records (doc, text, published, error) of a Parquet dataset (columns text, doc?,
    published?), or of the text and JSONL files under ``source``, read as ``tradeie extract``
    reads them; an unreadable file or line is a record with ``error`` set."""
    from pyspark.sql import functions as F

    from .spark import SparkInputError

    if _is_parquet(source):
        df = spark.read.parquet(source)
        if "text" not in df.columns:
            raise SparkInputError(f"{source} has no 'text' column (columns: {df.columns}); "
                                  f"rename the column of the texts to 'text'")
        text = F.col("text")
        doc = F.col("doc") if "doc" in df.columns else F.substring(F.sha2(text, 256), 1, 16)
        date = F.col("published").cast("string") if "published" in df.columns else F.lit(None)
        records = df.select(text.alias("text"), doc.cast("string").alias("doc"),
                            F.coalesce(date, F.lit(published)).cast("string").alias("published"),
                            F.lit(None).cast("string").alias("error"))
    else:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                 .load(source).select("path", "content"))
        records = files.mapInArrow(functools.partial(_file_records, published=published),
                                   RECORD_SCHEMA)
    # at least 4 tasks a core, whatever the files; round-robin, deterministic on retry
    partitions = max(records.rdd.getNumPartitions(), 4 * spark.sparkContext.defaultParallelism)
    return records.repartition(partitions)


def _is_parquet(source: str) -> bool:
    if source.rstrip("/").endswith(".parquet"):
        return True
    path = Path(source)
    return path.is_dir() and any(p.suffix == ".parquet" for p in path.rglob("*.parquet"))


def _file_records(batches: Iterable, *, published: str | None) -> Iterator:
    import pyarrow as pa

    schema = pa.schema([(name, pa.string()) for name in ("doc", "text", "published", "error")])
    for batch in batches:
        rows: list[dict] = []
        for path, data in zip(batch.column("path").to_pylist(),
                              batch.column("content").to_pylist()):
            name = path.rstrip("/").rsplit("/", 1)[-1]
            text, error = _decode(name, data)
            if text is not None and name.lower().endswith(".jsonl"):
                rows.extend(_jsonl_records(name, text, published))
            else:
                rows.append({"doc": name, "text": text, "published": published, "error": error})
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _decode(name: str, data: bytes) -> tuple[str | None, str | None]:
    """The text of a file, as tradeie.io.read_text_file reads it, or why there is none."""
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
        return None, "binary data, not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        logger.warning("%s: not UTF-8; read as Windows-1252", name)
        return data.decode("cp1252", errors="replace"), None


def _jsonl_records(name: str, text: str, published: str | None) -> Iterator[dict]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record = {"doc": f"{name}:{n}", "text": None, "published": published, "error": None}
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield {**record, "error": f"not JSON ({err.msg})"}
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield {**record, "error": "a record needs a string 'text'"}
            continue
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        date = obj.get("published") or meta.get("published") or published
        yield {**record, "doc": str(obj.get("doc") or meta.get("doc") or record["doc"]),
               "text": obj["text"], "published": None if date is None else str(date)}


def run_cli(source: str, output: str, *, master: str = "local[*]", fmt: str | None = None,
            model: str | os.PathLike | None = None, published: str | None = None,
            batch_size: int = 32) -> tuple[int, int]:
    """Extract the facts of ``source`` into ``output`` (Parquet or JSONL, by ``fmt`` or the
    suffix of ``output``); the records that could not be read, and why, go to
    ``output.errors`` (JSONL). Returns (facts, error rows)."""
    from .spark import SparkInputError, _require_spark, extract_facts

    fmt = fmt or ("jsonl" if output.rstrip("/").endswith((".jsonl", ".json")) else "parquet")
    if fmt not in ("parquet", "jsonl"):
        raise SparkInputError(f"--format must be parquet or jsonl with --engine spark, not "
                              f"{fmt!r}")
    _require_spark()
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas",
                            FutureWarning)  # tradeie's mapInArrow does not use pandas
    owned = SparkSession.getActiveSession() is None
    spark = spark_session(master)
    try:
        facts = extract_facts(read_inputs(spark, source, published=published),
                              published_col="published", error_col="error", model=model,
                              batch_size=batch_size).persist()
        good = facts.where(F.col("error").isNull()).drop("error")
        if fmt == "parquet":
            good.write.mode("overwrite").parquet(output)
        else:
            good.select(_json_line().alias("value")).write.mode("overwrite").text(output)
        bad = facts.where(F.col("error").isNotNull()).select("fact_id", "doc", "error")
        bad.coalesce(1).write.mode("overwrite").json(errors_path(output))
        counts = good.count(), bad.count()
        facts.unpersist()
    finally:
        if owned:
            spark.stop()
    return counts


def errors_path(output: str) -> str:
    """Where ``tradeie extract --engine spark`` writes the records it could not read."""
    return output.rstrip("/") + ".errors"


def _json_line():
    """A fact row as the JSON line of ``tradeie extract`` (fact.to_dict()) plus fact_id."""
    from pyspark.sql import functions as F

    evidence = F.when(F.col("evidence_start").isNotNull(), F.struct(
        F.col("evidence_start").alias("start_char"), F.col("evidence_end").alias("end_char"),
        F.col("evidence_text").alias("text")))
    trade = ["type", "doc", "location", "flow", "partner", "product", "period", "value",
             "currency", "growth_pct", "share_pct"]
    rank = ["type", "doc", "location", "rank", "list", "year"]

    def line(names: list[str]):
        return F.to_json(F.struct(*names, evidence.alias("evidence"), "confidence", "fact_id"),
                         {"ignoreNullFields": "false"})
    return F.when(F.col("type") == "rank", line(rank)).otherwise(line(trade))
