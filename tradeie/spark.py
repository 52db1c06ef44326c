"""Trade facts at scale on Apache Spark (``pip install 'tradeie[spark]'``).

>>> from tradeie.spark import extract_facts
>>> facts = extract_facts(spark.read.parquet("news/"), text_col="body",
...                       doc_col="url")  # doctest: +SKIP

:func:`extract_facts` returns one row a fact in the columns of docs/schema.md (``COLUMNS``),
plus ``fact_id`` and ``error``. A record that cannot be read (null, non-string, undecodable or
too long text) becomes one row with ``error`` set and every fact column null: it is reported,
never dropped and never fails the job. Facts are computed by ``mapInArrow`` over partitions;
each Python worker loads the pipeline once (``_pipeline``) and runs ``nlp.pipe`` over each
Arrow batch. ``fact_id`` is a hash of the fact (its document, fields and evidence span, not
its confidence), so a rerun or a retried task yields the same ids.

The input and command-line side (``spark_session``, ``read_inputs``, ``run_cli``, which is
``tradeie extract --engine spark``, and ``errors_path``) lives in :mod:`tradeie.spark_io` and
is re-exported here; docs/scale.md tells how to run it on a cluster.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Context, Decimal
from pathlib import Path
from typing import Any

from .errors import ModelLoadError, TradeieError
from .spark_io import RECORD_SCHEMA, errors_path, read_inputs, run_cli, spark_session  # noqa: F401

logger = logging.getLogger("tradeie")
VALUE_TYPE = "decimal(38,2)"
COLUMNS = [("fact_id", "string"), ("doc", "string"), ("type", "string"),
           ("location", "string"), ("flow", "string"), ("partner", "string"),
           ("product", "string"), ("period", "string"), ("value", VALUE_TYPE),
           ("currency", "string"), ("growth_pct", "double"), ("share_pct", "double"),
           ("rank", "int"), ("list", "string"), ("year", "int"), ("confidence", "double"),
           ("evidence_start", "bigint"), ("evidence_end", "bigint"),
           ("evidence_text", "string"), ("error", "string")]
SCHEMA = ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS)
MAX_CHARS = 1_000_000
PROBE = "In 2022, Xiamen's exports rose 5.1 percent to 20 billion yuan."
_CENTS = Decimal("0.01")
_DECIMAL = Context(prec=60)
_pipelines: dict[str, Any] = {}
_shipped: set[tuple[str, str]] = set()
load_counts: dict[str, int] = {}  # pipelines loaded by this process, by path (tests read it)


class SparkExtraError(TradeieError, ImportError):
    """pyspark or pyarrow is missing."""


class SparkInputError(TradeieError, ValueError):
    """A DataFrame or path lacks what tradeie.spark needs."""


def _require_spark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as err:
        raise SparkExtraError(f"tradeie.spark needs {err.name}: install tradeie[spark] "
                              f"(pip install 'tradeie[spark]'), which brings pyspark, pandas "
                              f"and pyarrow; Spark also needs Java 17.") from None


def extract_facts(df, text_col: str = "text", doc_col: str | None = "doc",
                  published_col: str | None = None, *, model: str | os.PathLike | None = None,
                  batch_size: int = 32, ship_model: bool | None = None,
                  max_chars: int = MAX_CHARS, error_col: str | None = None):
    """A DataFrame of facts (schema ``SCHEMA``) of the texts in ``df``.

    ``doc_col`` names each text (cast to string; ``None``: a hash of the text);
    ``published_col`` holds publication dates (date, timestamp or 'YYYY-MM-DD').
    ``model`` is a pipeline folder, by default the shipped one. ``ship_model`` sends the folder
    to the executors with the job (``SparkContext.addArchive``); ``False`` means it is
    installed at the same path on every executor; ``None`` ships it unless the master is local.
    Texts longer than ``max_chars`` and rows whose ``error_col`` is set become error rows.
    """
    _require_spark()
    from pyspark.sql import functions as F

    for name in (text_col, doc_col, published_col, error_col):
        if name is not None and name not in df.columns:
            raise SparkInputError(f"column {name!r} is not in the DataFrame (columns: "
                                  f"{df.columns}); pass text_col=/doc_col=/published_col= "
                                  f"with its name")
    spark = df.sparkSession
    local = spark.sparkContext.master.startswith("local")
    path = Path(model) if model is not None else _default_model()
    ship = not local if ship_model is None else ship_model
    if (ship or local) and not (path / "config.cfg").is_file():
        raise ModelLoadError(f"no tradeie pipeline at {path}; pass model= the folder written "
                             f"by `tradeie train`")
    archive = _ship(spark.sparkContext, path) if ship else None
    null = F.lit(None).cast("string")
    inputs = df.select(F.col(text_col).alias("text"),
                       (F.col(doc_col).cast("string") if doc_col else null).alias("doc"),
                       (F.col(published_col) if published_col else null).alias("published"),
                       (F.col(error_col).cast("string") if error_col else null).alias("error"))
    func = functools.partial(_extract_partition, model=str(path.resolve()), archive=archive,
                             batch_size=batch_size, max_chars=max_chars,
                             hash_docs=doc_col is None)
    return inputs.mapInArrow(func, SCHEMA)


def row_to_fact(row):
    """The TradeFact or RankFact of a fact row (a Row or a dict); None for an error row."""
    from .facts import fact_from_dict

    data = row.asDict() if hasattr(row, "asDict") else dict(row)
    if data.get("error") is not None:
        return None
    if data.get("evidence_start") is not None:
        data["evidence"] = {"start_char": data["evidence_start"],
                            "end_char": data["evidence_end"], "text": data["evidence_text"]}
    return fact_from_dict({k: v for k, v in data.items() if v is not None})


def _default_model() -> Path:
    from .api import default_model_path

    return default_model_path()


def _ship(sc, path: Path) -> str:
    """Zip the pipeline folder once per content and add it to the job; its archive name."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode() + b"\0" + file.read_bytes())
    name = f"tradeie-model-{digest.hexdigest()[:16]}"
    if (sc.applicationId, name) not in _shipped:
        folder = tempfile.mkdtemp(prefix="tradeie-spark-")
        sc.addArchive(shutil.make_archive(os.path.join(folder, name), "zip", path))
        _shipped.add((sc.applicationId, name))
    return name + ".zip"


def _pipeline(model: str, archive: str | None):
    """The pipeline of this worker process, loaded on first use and kept (worker reuse)."""
    if archive is not None:
        from pyspark import SparkFiles

        model = SparkFiles.get(archive)
    if model not in _pipelines:
        from .api import extract_records, load

        nlp = load(model)
        load_counts[model] = load_counts.get(model, 0) + 1
        try:  # a pipeline that fails on a plain sentence fails the job, not every record
            list(extract_records([{"text": PROBE, "doc": "probe"}], nlp=nlp))
        except Exception as err:
            raise ModelLoadError(f"the pipeline at {model} fails on a plain sentence "
                                 f"({type(err).__name__}: {err}); its model and the installed "
                                 f"tradeie code do not match: retrain it or reinstall") from err
        _pipelines[model] = nlp
    return _pipelines[model]


def _extract_partition(batches: Iterable, *, model: str, archive: str | None,
                       batch_size: int, max_chars: int, hash_docs: bool) -> Iterator:
    import pyarrow as pa

    schema = _arrow_schema()
    nlp = None
    for batch in batches:
        good, rows = [], []
        for record in batch.to_pylist():
            text, error = _check_text(record["text"], max_chars, record["error"])
            doc = record["doc"]
            if hash_docs and text is not None:
                doc = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            if error is not None:
                rows.append(_error_row(doc, error))
            else:
                good.append({"text": text, "doc": doc, "published": record["published"]})
        if good:
            nlp = nlp or _pipeline(model, archive)
            rows.extend(_fact_rows(nlp, good, batch_size))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _check_text(text: Any, max_chars: int, error: str | None):
    """(text, None) for a usable text, else (None, why)."""
    if error is not None:
        return None, error
    if text is None:
        return None, "text is null"
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            return None, f"text is not UTF-8 ({err.reason} at byte {err.start})"
    if not isinstance(text, str):
        return None, f"text must be a string, got {type(text).__name__}"
    if len(text) > max_chars:
        return None, (f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
                      f"split it or raise max_chars")
    return text, None


def _fact_rows(nlp, records: list[dict], batch_size: int) -> list[dict]:
    """Rows of the facts of ``records``; a record the pipeline fails on gives an error row."""
    from .api import extract_records

    try:
        facts = list(extract_records(records, nlp=nlp, batch_size=batch_size))
    except Exception:  # noqa: BLE001  (find the record at fault, keep the others)
        rows = []
        for record in records:
            try:
                rows.extend(_fact_rows_of(extract_records([record], nlp=nlp)))
            except Exception as err:  # noqa: BLE001  (an error row, not a failed job)
                logger.warning("%s: the pipeline failed (%s: %s)", record["doc"],
                               type(err).__name__, err)
                rows.append(_error_row(record["doc"], f"the pipeline failed on this text "
                                                      f"({type(err).__name__}: {err})"))
        return rows
    return _fact_rows_of(facts)


def _fact_rows_of(facts: Iterable) -> list[dict]:
    rows, seen = [], Counter()
    for fact in facts:
        value = getattr(fact, "value", None)
        if value is not None:
            value = _DECIMAL.quantize(value, _CENTS)
            if abs(value) >= Decimal(10) ** 36:
                rows.append(_error_row(fact.doc, f"value {value} does not fit {VALUE_TYPE}"))
                continue
        ev = fact.evidence
        row = {name: getattr(fact, name, None) for name, _ in COLUMNS[1:-4]}
        key = json.dumps({**fact.to_dict(), "confidence": None}, sort_keys=True)
        seen[key] += 1  # the nth fact of a text said the same: the pipeline order is stable
        row.update(fact_id=_hash([key, seen[key]]), value=value,
                   evidence_start=ev and ev.start_char, evidence_end=ev and ev.end_char,
                   evidence_text=ev and ev.text, error=None)
        rows.append(row)
    return rows


def _error_row(doc: str | None, error: str) -> dict:
    row = {name: None for name, _ in COLUMNS}
    row.update(fact_id=_hash(["error", doc, error]), doc=doc, error=error)
    return row


def _hash(key: list) -> str:
    return hashlib.sha256(json.dumps(key, default=str).encode("utf-8")).hexdigest()[:32]


def _arrow_schema():
    import pyarrow as pa

    kinds = {"string": pa.string(), VALUE_TYPE: pa.decimal128(38, 2), "double": pa.float64(),
             "int": pa.int32(), "bigint": pa.int64()}
    return pa.schema([(name, kinds[kind]) for name, kind in COLUMNS])
