"""Date finding speed: sentences per second of ``find_dates`` against dateparser's ``search_dates`` (the library
the architecture allows only for normalising spans) on the same news sentences in the same run.

dateparser is slow, so it runs on the first ``--peer-sentences`` sentences; both rates are per sentence.

    .venv/bin/python -m bench.bench_dates [--runs 3] [--peer-sentences 300]
"""
from __future__ import annotations

import argparse
import warnings
from datetime import datetime
from typing import Callable

from bench.common import SHARED, median_rate, news_sentences
from fact_review.claims.dates import find_dates

REFERENCE = datetime(2025, 5, 25)


def _rate(find: Callable[[str], object], sentences: list[str], runs: int) -> float:
    def find_all() -> int:
        for s in sentences:
            find(s)
        return len(sentences)

    return median_rate(find_all, runs)[0]


def _search_dates() -> Callable[[str], object]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": REFERENCE}

    def find(sentence: str) -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return search_dates(sentence, languages=["en"], settings=settings)

    return find


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-sentences", type=int, default=300)
    args = parser.parse_args(argv)
    if not (SHARED / "eval-dev").is_dir():
        print(f"bench_dates: {SHARED} is absent; skipped")
        return 0
    sentences = news_sentences()
    ours = _rate(lambda s: find_dates(s, REFERENCE), sentences, args.runs)
    found = sum(len(find_dates(s, REFERENCE)) for s in sentences)
    peer_sentences = sentences[:args.peer_sentences]
    peer = _rate(_search_dates(), peer_sentences, 1)
    print(f"sentences: {len(sentences)} (dateparser: {len(peer_sentences)}); dates found: {found}")
    print(f"find_dates            {ours:10.0f} sentences/s (median of {args.runs})")
    print(f"dateparser.search     {peer:10.0f} sentences/s")
    print(f"ratio                 {ours / peer:10.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
