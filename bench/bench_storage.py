"""Storage speed on both engines side by side: a local SQLite file and a PostgreSQL server.

Per engine: importing a 100-article case (analysis, claims, matches and checks stored), saving one
verdict with its commit (median and p99), against a raw driver insert+commit on the same engine in the
same process (sqlite3 with the same pragmas; psycopg on the same server), and the reads a review window
repeats (progress, the review queue, all claims, a report's data). The analysis without storage is
timed once as the baseline of the import.

The server is ``FACT_REVIEW_PG_URL`` when set; else, where Debian's PostgreSQL is installed, a throwaway
cluster that ``scripts/postgres.sh`` starts for the run and stops after it. The articles are the first
100 of ../shared/eval-dev/clusters.jsonl, read at run time.

    .venv/bin/python -m bench.bench_storage [--saves 600]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import CLUSTERS
from fact_review.matching import match_case
from fact_review.model import Article
from fact_review.pipeline import analyse_article
from fact_review.reports.data import load_report_data
from fact_review.store import open_service

ARTICLES = 100
PG_URL_VARIABLE = "FACT_REVIEW_PG_URL"
POSTGRES_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "postgres.sh"
TARGET_MEDIAN_MS, TARGET_P99_MS = 10, 50


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


def _median_ms(action, repeats: int = 7) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def _timed(action, count: int) -> list[float]:
    timings = []
    for n in range(count):
        started = time.perf_counter()
        action(n)
        timings.append(time.perf_counter() - started)
    return timings


def _raw_sqlite_saves(path: Path, count: int) -> list[float]:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE verdict (claim_id INTEGER PRIMARY KEY, label TEXT, note TEXT, version INT)")

    def save(n: int) -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO verdict VALUES (?, 'True', ?, 1) ON CONFLICT(claim_id) DO UPDATE SET "
            "label = excluded.label, note = excluded.note, version = version + 1", (n % 50, f"note {n}"))
        connection.execute("COMMIT")

    try:
        return _timed(save, count)
    finally:
        connection.close()


def _raw_server_saves(url: str, count: int) -> list[float]:
    import psycopg

    with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)) as conn:
        conn.execute("CREATE TABLE raw_verdict (claim_id INTEGER PRIMARY KEY, label TEXT, note TEXT, version INT)")
        conn.commit()

        def save(n: int) -> None:
            conn.execute(
                "INSERT INTO raw_verdict VALUES (%s, 'True', %s, 1) ON CONFLICT (claim_id) DO UPDATE SET "
                "label = excluded.label, note = excluded.note, version = raw_verdict.version + 1",
                (n % 50, f"note {n}"))
            conn.commit()

        return _timed(save, count)


def measure(db: str, articles: list[Article], saves: int) -> dict[str, object]:
    with open_service(db) as service:
        case = service.create_case("Benchmark")
        started = time.perf_counter()
        result = service.import_articles(case.id, articles)
        imported = time.perf_counter() - started
        claims = service.claims(case.id)
        labels = [s.label for s in case.scale]
        saved = _timed(lambda n: service.set_verdict(claims[n % len(claims)].id, labels[n % len(labels)],
                                                     note=f"note {n}", reviewer="bench"), saves)
        return {
            "articles": len(result.added), "claims": len(claims), "import": imported, "saves": saved,
            "reads": {
                "progress": _median_ms(lambda: service.progress(case.id, reviewer="bench")),
                "review queue": _median_ms(lambda: service.review_queue(case.id, reviewer="bench")),
                "claims": _median_ms(lambda: service.claims(case.id)),
                "report data": _median_ms(lambda: load_report_data(service, case.name)),
            },
        }


@contextmanager
def _server() -> Iterator[Optional[str]]:
    """A server URL for the run: the one given, a throwaway cluster, or None (PostgreSQL not installed)."""
    given = os.environ.get(PG_URL_VARIABLE)
    if given:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="fact-review-bench-pg-") as folder:
        started = subprocess.run(["bash", str(POSTGRES_SCRIPT), "start", folder], capture_output=True, text=True)
        if started.returncode != 0:
            print(f"bench_storage: no PostgreSQL server ({started.stderr.strip()}); set {PG_URL_VARIABLE} to "
                  "measure one")
            yield None
            return
        try:
            yield started.stdout.strip().split("=", 1)[1]
        finally:
            subprocess.run(["bash", str(POSTGRES_SCRIPT), "stop", folder], capture_output=True)


@contextmanager
def _fresh_database(server: str) -> Iterator[str]:
    url, name = make_url(server), f"fr_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=600)
    args = parser.parse_args(argv)
    if not CLUSTERS.is_file():
        print("bench_storage: ../shared/eval-dev/clusters.jsonl is absent; skipped")
        return 0
    articles = _articles()
    started = time.perf_counter()
    match_case([analyse_article(a) for a in articles])
    analysis_only = time.perf_counter() - started

    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["sqlite"] = measure(str(Path(folder) / "bench.db"), articles, args.saves)
        results["sqlite"]["raw"] = _raw_sqlite_saves(Path(folder) / "raw.db", args.saves)
    with _server() as server:
        if server is not None:
            with _fresh_database(server) as db:
                results["postgresql"] = measure(db, articles, args.saves)
                results["postgresql"]["raw"] = _raw_server_saves(db, args.saves)

    return _print(results, analysis_only, args.saves)


def _print(results: dict[str, dict[str, object]], analysis_only: float, saves: int) -> int:
    engines = list(results)
    first = results[engines[0]]
    print(f"{first['articles']} articles, {first['claims']} claims; the analysis alone (no storage): "
          f"{analysis_only:.2f} s; {saves} verdict saves per engine, commit included")
    rows: list[tuple[str, list[str]]] = []
    rows.append(("import (analysis + storage)", [f"{r['import']:.2f} s (x{r['import'] / analysis_only:.2f})"
                                                 for r in results.values()]))
    ok = True
    for name, share in (("median", 0.5), ("p99", 0.99)):
        cells = []
        for r in results.values():
            ms, raw_ms = _percentile(r["saves"], share) * 1000, _percentile(r["raw"], share) * 1000
            ok &= ms < (TARGET_MEDIAN_MS if share == 0.5 else TARGET_P99_MS)
            cells.append(f"{ms:.2f} ms (raw {raw_ms:.2f}, x{ms / raw_ms:.1f})")
        rows.append((f"save one verdict, {name}", cells))
    for read in first["reads"]:
        rows.append((f"read: {read}", [f"{r['reads'][read]:.1f} ms" for r in results.values()]))
    width = max(len(label) for label, _ in rows)
    cell = max(len(c) for _, cells in rows for c in cells)
    print(" " * width + "   " + "   ".join(e.ljust(cell) for e in engines))
    for label, cells in rows:
        print(label.ljust(width) + "   " + "   ".join(c.ljust(cell) for c in cells))
    print(f"targets per engine: save median < {TARGET_MEDIAN_MS} ms, p99 < {TARGET_P99_MS} ms: "
          + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
