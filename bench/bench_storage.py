"""Storage speed: importing a 100-article case (analysis, claims, matches and checks stored) and saving
one verdict with its commit, against the same pipeline without storage and a raw sqlite3 insert+commit
with the same pragmas (WAL, synchronous=FULL), in the same process. Also the reads a review window
repeats: progress counts, the review queue, all claims, and a report's data.

The articles are the first 100 of ../shared/eval-dev/clusters.jsonl, read at run time.

    .venv/bin/python -m bench.bench_storage [--saves 600]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CLUSTERS
from fact_review.matching import match_case
from fact_review.model import Article
from fact_review.pipeline import analyse_article
from fact_review.reports.data import load_report_data
from fact_review.store import open_service

ARTICLES = 100


def _articles() -> list[Article]:
    with open(CLUSTERS, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in itertools.islice(lines, ARTICLES)]
    return [
        Article(text=row["text"], title=row.get("title"), outlet=row.get("outlet"), path=row["doc_id"])
        .with_text(row["text"])
        for row in rows
    ]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _raw_saves(path: Path, count: int) -> list[float]:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE verdict (claim_id INTEGER PRIMARY KEY, label TEXT, note TEXT, version INT)")
    timings = []
    for n in range(count):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO verdict VALUES (?, 'True', ?, 1) ON CONFLICT(claim_id) DO UPDATE SET "
            "label = excluded.label, note = excluded.note, version = version + 1", (n % 50, f"note {n}")
        )
        connection.execute("COMMIT")
        timings.append(time.perf_counter() - started)
    connection.close()
    return timings


def _median_ms(action, repeats: int = 7) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=600)
    args = parser.parse_args(argv)
    if not CLUSTERS.is_file():
        print("bench_storage: ../shared/eval-dev/clusters.jsonl is absent; skipped")
        return 0
    articles = _articles()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        match_case([analyse_article(a) for a in articles])
        analysis_only = time.perf_counter() - started

        with open_service(Path(folder) / "bench.db") as service:
            case = service.create_case("Benchmark")
            started = time.perf_counter()
            result = service.import_articles(case.id, articles)
            imported = time.perf_counter() - started
            claims = service.claims(case.id)
            matches, checks = service.matches(case.id), service.checks(case.id)
            started = time.perf_counter()
            service.import_articles(case.id, articles)
            reimported = time.perf_counter() - started

            labels = [s.label for s in case.scale]
            saves = []
            for n in range(args.saves):
                claim = claims[n % len(claims)]
                started = time.perf_counter()
                service.set_verdict(claim.id, labels[n % len(labels)], note=f"note {n}", reviewer="bench")
                saves.append(time.perf_counter() - started)
            reads = {
                "progress": _median_ms(lambda: service.progress(case.id)),
                "review_queue": _median_ms(lambda: service.review_queue(case.id)),
                "unreviewed queue": _median_ms(lambda: service.review_queue(case.id, status="unreviewed")),
                "claims": _median_ms(lambda: service.claims(case.id)),
                "report data": _median_ms(lambda: load_report_data(service, case.name)),
            }
        raw = _raw_saves(Path(folder) / "raw.db", args.saves)

    print(f"import {len(result.added)} articles: {imported:.2f} s ({len(claims)} claims, {len(matches)} matches, "
          f"{len(checks)} checks stored); the same analysis without storage: {analysis_only:.2f} s "
          f"(storage x{imported / analysis_only:.2f} of analysis); re-import of the same content: "
          f"{reimported * 1000:.0f} ms")
    median, p99 = statistics.median(saves) * 1000, _percentile(saves, 0.99) * 1000
    raw_median, raw_p99 = statistics.median(raw) * 1000, _percentile(raw, 0.99) * 1000
    print(f"save one verdict, commit included ({args.saves} saves): median {median:.2f} ms, p99 {p99:.2f} ms "
          f"(targets < 10 ms, < 50 ms)")
    print(f"baseline raw sqlite3 insert+commit, same pragmas: median {raw_median:.2f} ms, p99 {raw_p99:.2f} ms; "
          f"ratio median x{median / raw_median:.1f}, p99 x{p99 / raw_p99:.1f}")
    print(f"reads at {len(claims)} claims (median of 7): "
          + ", ".join(f"{name} {ms:.1f} ms" for name, ms in reads.items()))
    return 0 if median < 10 and p99 < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
