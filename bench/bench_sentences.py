"""Sentence splitting speed: ``split_sentences`` against pysbd run on every line (the splitter it
replaced, and what ARCHITECTURE.md §3 measured), on the same texts in the same run.

The texts are the two samples and the ECB+ articles of ../shared/eval-dev/clusters.jsonl with each
article's lines joined into one paragraph, so that the splitter has to find the boundaries itself.

    .venv/bin/python -m bench.bench_sentences [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable

import pysbd

from bench.common import CLUSTERS, SHARED, median_rate
from fact_review.model import Sentence
from fact_review.sentences import split_sentences


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "samples").glob("*.txt"))]
    with open(CLUSTERS, encoding="utf-8") as lines:
        for line in lines:
            texts.append(" ".join(json.loads(line)["text"].split("\n")))
    return texts


def _pysbd_per_line(text: str) -> list[Sentence]:
    segmenter = _pysbd_per_line.segmenter  # type: ignore[attr-defined]
    spans, offset = [], 0
    for line in text.split("\n"):
        cursor = 0
        for piece in segmenter.segment(line):
            piece = piece.strip()
            found = line.find(piece, cursor) if piece else -1
            if found >= 0:
                spans.append(Sentence(offset + found, offset + found + len(piece)))
                cursor = found + len(piece)
        offset += len(line) + 1
    return spans


_pysbd_per_line.segmenter = pysbd.Segmenter(language="en", clean=False)  # type: ignore[attr-defined]


def _rate(split: Callable[[str], list[Sentence]], texts: list[str], runs: int) -> tuple[float, int]:
    return median_rate(lambda: sum(len(split(text)) for text in texts), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not CLUSTERS.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    texts = _texts()
    ours, count = _rate(split_sentences, texts, args.runs)
    baseline, baseline_count = _rate(_pysbd_per_line, texts, max(1, args.runs // 2))
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    print(f"split_sentences     {ours:>10,.0f} sentences/s  ({count} sentences, median of {args.runs})")
    print(f"pysbd on each line  {baseline:>10,.0f} sentences/s  ({baseline_count} sentences)")
    print(f"ratio               {ours / baseline:>10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
