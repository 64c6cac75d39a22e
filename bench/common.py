"""What the benchmarks share: where ../shared is, its news sentences, and median timings."""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Callable, Iterable

from fact_review.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CLUSTERS = SHARED / "eval-dev" / "clusters.jsonl"


def _news_texts() -> Iterable[str]:
    dev = SHARED / "eval-dev"
    with open(dev / "clusters.jsonl", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]
    with open(dev / "pairs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            pair = json.loads(line)
            yield pair["a"]
            yield pair["b"]
    for sample in sorted((SHARED / "samples").glob("*.txt")):
        yield sample.read_text(encoding="utf-8")


def news_sentences() -> list[str]:
    """The sentences of the shared news texts in a stable order (pairs repeat some article sentences)."""
    return [text[s.start:s.end] for text in _news_texts() for s in split_sentences(text)]


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """The median wall time of ``work()`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_rate(work: Callable[[], int], runs: int) -> tuple[float, int]:
    """The median over ``runs`` runs of items per second, ``work()`` returning how many items it did; and
    that count."""
    rates, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = work()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates), count
