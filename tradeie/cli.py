"""The ``tradeie`` command line: extract, evaluate, convert, train, stats."""
from __future__ import annotations

import csv
import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract foreign-trade facts from English news.")
logger = logging.getLogger("tradeie")
CSV_COLUMNS = ["doc", "type", "location", "flow", "partner", "product", "period", "value",
               "currency", "growth_pct", "share_pct", "rank", "list", "year", "confidence",
               "evidence_start", "evidence_end", "evidence_text"]


def _warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="jsonl (default) or csv; "
                                      "with --engine spark parquet (default) or jsonl."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD of plain files."),
    model: Optional[Path] = typer.Option(None, help="Pipeline folder (default: the shipped one)."),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes."),
    batch_size: int = typer.Option(16, help="Documents per batch."),
    engine: str = typer.Option("local", "--engine", help="local, or spark: then PATHS are "
                               "INPUT OUTPUT, paths Spark can read and write."),
    master: str = typer.Option("local[*]", "--master", help="Spark master URL (--engine spark)."),
) -> None:
    """Extract facts from text files, JSONL records ({"doc","text","published"}) or stdin."""
    from .api import extract_records, load
    from .io import iter_inputs

    if published:
        from .api import _iso

        try:
            _iso(published)
        except ValueError as err:
            raise typer.BadParameter(str(err)) from None
    if engine == "spark":
        _extract_spark(paths, output, fmt, published, model, batch_size, master)
        return
    if engine != "local":
        raise typer.BadParameter(f"--engine must be local or spark, not {engine!r}")
    fmt = fmt or "jsonl"
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"--format must be jsonl or csv, not {fmt!r}")
    nlp = load(model)
    records = iter_inputs(paths, published=published, warn=_warn)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer = _writer(out, fmt)
        for fact in extract_records(records, nlp=nlp, n_process=n_process, batch_size=batch_size):
            writer(fact.to_dict())
    finally:
        if output:
            out.close()


def _extract_spark(paths: List[str], output: Optional[Path], fmt: Optional[str],
                   published: Optional[str], model: Optional[Path], batch_size: int,
                   master: str) -> None:
    from .spark_io import errors_path, run_cli

    if output is not None:
        paths = [*paths, str(output)]
    if len(paths) != 2 or "-" in paths:
        raise typer.BadParameter("--engine spark takes INPUT OUTPUT: one path to read (a "
                                 "file, folder, glob or Parquet dataset) and one to write")
    try:
        facts, errors = run_cli(paths[0], paths[1], master=master, fmt=fmt, model=model,
                                published=published, batch_size=batch_size)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    typer.echo(f"{facts} facts written to {paths[1]}", err=True)
    if errors:
        _warn(f"{errors} records could not be read; see {errors_path(paths[1])}")


def _writer(out, fmt: str):
    if fmt == "jsonl":
        return lambda row: out.write(json.dumps(row, ensure_ascii=False) + "\n")
    table = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    table.writeheader()

    def write(row: dict) -> None:
        ev = row.pop("evidence") or {}
        row.update(evidence_start=ev.get("start_char"), evidence_end=ev.get("end_char"),
                   evidence_text=ev.get("text"))
        table.writerow(row)
    return write


@app.command()
def evaluate(
    gold: Optional[Path] = typer.Argument(None, help="Gold facts (JSONL)."),
    pred: Optional[Path] = typer.Argument(None, help="Predicted facts (JSONL)."),
    as_json: bool = typer.Option(False, "--json", help="Print scores as JSON."),
    misses: int = typer.Option(0, "--misses", help="List up to N missed and spurious facts."),
    model: Optional[Path] = typer.Option(None, help="Score this pipeline end to end ..."),
    data: Optional[Path] = typer.Option(None, help="... on these records (corpus/dev.jsonl)."),
) -> None:
    """Fact-level precision, recall and F1 by the rules of the fact schema."""
    from .training.factfiles import read_facts
    from .training.scoring import score

    if model is not None or data is not None:
        from .training.evaluate import evaluate_pipeline

        report = evaluate_pipeline(model, data)
        typer.echo(json.dumps(report, indent=2) if as_json else report["text"])
        return
    if gold is None or pred is None:
        raise typer.BadParameter("give GOLD and PRED files, or --model and --data")
    for path in (gold, pred):
        if str(path) != "-" and not path.is_file():
            raise typer.BadParameter(f"{path}: no such file; give a JSONL file of facts, or - to "
                                     "read PRED from standard input (tradeie extract ... | "
                                     "tradeie evaluate GOLD -)")
    if str(gold) == str(pred) == "-":
        raise typer.BadParameter("only one of GOLD and PRED can be - (standard input)")
    result = score(read_facts(gold), read_facts(pred))
    typer.echo(json.dumps(result.to_dict()) if as_json else result.format(misses=misses))


@app.command()
def convert(
    src: Path = typer.Argument(..., help="corpus/src (.ann files) or an annotation export."),
    out: Path = typer.Argument(..., help="Output folder."),
    fmt: Optional[str] = typer.Option(None, "--format", help="label-studio, doccano, prodigy, "
                                      "tradeie (default: .ann corpus or sniffed)."),
) -> None:
    """Build train/dev records, gold facts and spaCy DocBin files."""
    from .training.convert import blank_nlp, convert_corpus, write_docbin
    from .training.importers import load_annotations
    from .training.records import write_records

    nlp = blank_nlp()
    if src.is_dir() and fmt is None:
        counts = convert_corpus(src, out, nlp)
        for name, c in counts.items():
            typer.echo(f"{name}: {c['docs']} docs, {c['facts']} facts, {c['relations']} relations")
        return
    records = load_annotations(src, fmt)
    out.mkdir(parents=True, exist_ok=True)
    write_records(records, out / f"{src.stem}.jsonl")
    n = write_docbin(nlp, records, out / f"{src.stem}.spacy")
    typer.echo(f"{n} docs -> {out / (src.stem + '.spacy')}")


@app.command()
def train(
    config: str = typer.Option("efficient", help="efficient, accurate, or a .cfg path."),
    output: Path = typer.Option(Path("models"), help="Folder for the trained pipeline."),
    corpus: Path = typer.Option(Path("corpus"), help="Folder with train.spacy and dev.spacy."),
    seed: int = typer.Option(0, help="Random seed (same seed, same model)."),
    max_steps: Optional[int] = typer.Option(None, help="Override training.max_steps."),
    transformer: Optional[Path] = typer.Option(None, help="Local Hugging Face model folder "
                                               "(accurate config)."),
    gpu_id: int = typer.Option(-1, help="GPU id, -1 for CPU."),
) -> None:
    """Train a pipeline with spaCy; the last model (none is picked on held-out data) goes to
    OUTPUT/tradeie_<config>."""
    from .training.train import train_pipeline

    path = train_pipeline(config, output, corpus, seed=seed, max_steps=max_steps,
                          transformer=transformer, gpu_id=gpu_id)
    typer.echo(f"pipeline written to {path}")


@app.command()
def stats(src: Path = typer.Argument(Path("corpus/src"), help="Folder of .ann files.")) -> None:
    """Corpus counts: documents, facts, phenomena, review status."""
    from .training.stats import corpus_stats

    typer.echo(corpus_stats(src))


def main() -> None:
    from .errors import TradeieError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        app()
    except TradeieError as err:
        typer.echo(f"error: {err}", err=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
