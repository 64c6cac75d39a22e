"""Claim extraction speed: sentences per second of ``extract_claims`` against quantulum3 (the maintained
peer, ARCHITECTURE.md §3) on the same news sentences in the same run.

The sentences are built at run time from ``../shared``: the ECB+ article texts of eval-dev/clusters.jsonl,
the sentences of eval-dev/pairs.jsonl and the samples, split with ``split_sentences``. quantulum3 needs the
bench extra (``pip install -e '.[bench]'``) and ``PYTHONHASHSEED=0`` for stable output; ``main`` re-runs
itself with that seed when it is not set.

    PYTHONHASHSEED=0 .venv/bin/python -m bench.bench_claims [--runs 5] [--peer-runs 3]

Rates are sentences per CPU second of the benchmark process, the two extractors interleaved run by run:
on a shared machine wall time would mostly measure the neighbours' load.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from bench.common import SHARED, news_sentences
from fact_review.claims import extract_claims

MIN_SENTENCES = 10_000


def _rate(extract: Callable[[str], object], sentences: list[str]) -> float:
    """Sentences per CPU second of this process (the machine is shared: wall time measures the neighbours)."""
    t0 = time.process_time()
    for s in sentences:
        extract(s)
    return len(sentences) / (time.process_time() - t0)


def _quantulum() -> Callable[[str], object] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    return parser.parse


def _run(runs: int, peer_runs: int) -> int:
    if not (SHARED / "eval-dev" / "clusters.jsonl").is_file():
        print(f"bench_claims: {SHARED / 'eval-dev'} is absent; skipped")
        return 0
    sentences = news_sentences()
    if len(sentences) < MIN_SENTENCES:
        print(f"bench_claims: only {len(sentences)} sentences (need {MIN_SENTENCES})", file=sys.stderr)
        return 1
    claims = sum(len(extract_claims(s)) for s in sentences)
    print(f"sentences: {len(sentences)} ({len(set(sentences))} distinct); claims found by fact-review: {claims}")
    peer = _quantulum()
    if peer is None:
        print("quantulum3: not installed (pip install -e '.[bench]'); no ratio")
    else:
        peer(sentences[0])  # loads its classifier outside the timing
    ours: list[float] = []
    theirs: list[float] = []
    for round_ in range(max(runs, peer_runs)):  # interleaved, so that both meet the same load
        if round_ < runs:
            ours.append(_rate(extract_claims, sentences))
        if peer is not None and round_ < peer_runs:
            theirs.append(_rate(peer, sentences))
    print(f"fact-review extract_claims: median {statistics.median(ours):,.0f} sentences/s "
          f"(runs: {', '.join(f'{r:,.0f}' for r in ours)})")
    if theirs:
        print(f"quantulum3 0.10.0 parser.parse: median {statistics.median(theirs):,.0f} sentences/s "
              f"(runs: {', '.join(f'{r:,.0f}' for r in theirs)})")
        print(f"ratio fact-review / quantulum3: {statistics.median(ours) / statistics.median(theirs):.1f}x")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_claims", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs of fact-review (median printed)")
    ap.add_argument("--peer-runs", type=int, default=3, help="timed runs of quantulum3 (median printed)")
    args = ap.parse_args(argv if argv is not None else [])
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        cmd = [sys.executable, "-m", "bench.bench_claims", "--runs", str(args.runs), "--peer-runs", str(args.peer_runs)]
        return subprocess.run(cmd, env=env, cwd=Path(__file__).resolve().parents[1]).returncode
    return _run(args.runs, args.peer_runs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
