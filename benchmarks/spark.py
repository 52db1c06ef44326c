"""Throughput of tradeie on Spark: local[1] against local[2] on the same input, and the
overhead of Spark against plain ``nlp.pipe`` in one process.

usage: python benchmarks/spark.py [--model PATH] [--words 40000] [--partitions 8]
                                  [--rounds 4] [--masters local[1] local[2]] [--json]

Each master runs in its own process (its own JVM), started once and kept warm; the input is
cached in Spark, so the timing is of extraction, not of shipping texts from the driver, and
the facts go to the ``noop`` sink. The measurements interleave: every round times plain
``nlp.pipe`` in this process, then one run on each master, and the best round of each
counts, so that load from other processes hits all of them alike. "cold" is each master's
first run (its Python workers start and load the pipeline). The load average before and
after is part of the result.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import texts  # benchmarks/speed.py: corpus dev texts and samples


def serve(master: str, model: str | None, docs: list[str], partitions: int,
          batch_size: int) -> None:
    """Time extract_facts on ``master`` once per "run" line on stdin; JSON lines out."""
    from tradeie.spark import extract_facts
    from tradeie.spark_io import spark_session

    spark = spark_session(master, app_name="tradeie-benchmark")
    rows = [(str(i), t) for i, t in enumerate(docs)]
    df = spark.createDataFrame(spark.sparkContext.parallelize(rows, partitions),
                               "doc string, text string").cache()
    df.count()
    facts = extract_facts(df, model=model, batch_size=batch_size)

    def run() -> float:
        start = time.perf_counter()
        facts.write.format("noop").mode("overwrite").save()
        return time.perf_counter() - start
    print(json.dumps({"cold": run()}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        print(json.dumps({"seconds": run()}), flush=True)
    errors = facts.where("error IS NOT NULL").select("doc", "error").limit(3).collect()
    print(json.dumps({"facts": facts.count(), "errors": [list(e) for e in errors]}), flush=True)
    spark.stop()


class Master:
    """A ``--serve`` process for one master."""

    def __init__(self, master: str, args: argparse.Namespace) -> None:
        cmd = [sys.executable, __file__, "--serve", master, "--words", str(args.words),
               "--partitions", str(args.partitions), "--batch-size", str(args.batch_size)]
        self.master = master
        self.proc = subprocess.Popen(cmd + (["--model", args.model] if args.model else []),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        self.cold = self._read()["cold"]
        self.times: list[float] = []

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"{self.master}: the Spark process ended; run it with --serve to see why")
        return json.loads(line)

    def run(self) -> None:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        self.times.append(self._read()["seconds"])

    def stop(self) -> dict:
        self.proc.stdin.write("stop\n")
        self.proc.stdin.flush()
        end = self._read()
        self.proc.wait()
        if end["errors"]:
            sys.exit(f"{self.master}: records failed, the timings are void: {end['errors']}")
        return end


def plain(nlp, docs: list[str], batch_size: int) -> float:
    """Seconds of extract_records (nlp.pipe) over ``docs`` in this process."""
    from tradeie.api import extract_records

    start = time.perf_counter()
    for _ in extract_records(({"text": t, "doc": str(i)} for i, t in enumerate(docs)),
                             nlp=nlp, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = texts(args.words)
    if args.serve:
        serve(args.serve, args.model, docs, args.partitions, args.batch_size)
        return
    import tradeie

    load_before = os.getloadavg()
    nlp = tradeie.load(args.model)
    plain(nlp, docs[:5], args.batch_size)  # warm up
    masters = [Master(master, args) for master in args.masters]
    plain_times = []
    for _ in range(args.rounds):
        plain_times.append(plain(nlp, docs, args.batch_size))
        for master in masters:
            master.run()
    words = sum(len(t.split()) for t in docs)
    runs = []
    for master in masters:
        end = master.stop()
        runs.append({"master": master.master, "warm_words_per_s": round(words / min(master.times)),
                     "cold_words_per_s": round(words / master.cold), "facts": end["facts"],
                     "seconds": [round(t, 2) for t in master.times]})
    base = words / min(plain_times)
    first, last = runs[0]["warm_words_per_s"], runs[-1]["warm_words_per_s"]
    result = {"words": words, "docs": len(docs), "partitions": args.partitions,
              "cpus": os.cpu_count(), "plain_words_per_s": round(base),
              "plain_seconds": [round(t, 2) for t in plain_times], "runs": runs,
              "scaling": round(last / first, 3), "spark_overhead": round(1 - first / base, 3),
              "load_before": [round(x, 2) for x in load_before],
              "load_after": [round(x, 2) for x in os.getloadavg()]}
    if args.json:
        print(json.dumps(result))
        return
    print(f"input          : {words:,} words, {len(docs)} docs, {args.partitions} partitions, "
          f"{result['cpus']} CPUs, best of {args.rounds} interleaved rounds")
    print(f"plain nlp.pipe : {result['plain_words_per_s']:>8,} words/s (one process, batch "
          f"size {args.batch_size}; runs {result['plain_seconds']} s)")
    for run in runs:
        print(f"{run['master']:<15}: {run['warm_words_per_s']:>8,} words/s warm, "
              f"{run['cold_words_per_s']:>8,} cold  (runs {run['seconds']} s)")
    print(f"scaling        : {result['scaling']:.2f}x ({runs[-1]['master']} / "
          f"{runs[0]['master']})")
    print(f"spark overhead : {result['spark_overhead']:.1%} ({runs[0]['master']} warm "
          f"against plain nlp.pipe)")
    print(f"load average   : {result['load_before']} before, {result['load_after']} after")


if __name__ == "__main__":
    main()
