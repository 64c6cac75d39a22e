"""Benchmark: `match_case` end to end on cases of 10, 50 and 100 articles built from the eval-dev ECB+
clusters at run time (consecutive reports joined into longer articles of ~50 sentences each).

Prints, per case: sentences, candidate pairs, seconds to analyse (sentences + claims) and to match
(including the events and facts: their share of the matching CPU time is printed per step)
(medians of runs after a first one: wall, and the process's CPU seconds, which do not count waiting for a busy machine),
CPU microseconds per candidate pair, and against a baseline run in the same process: the all-pairs
rapidfuzz `cdist` with token_set_ratio (the peer) over the same sentences.

    .venv/bin/python bench/bench_matching.py
"""
from __future__ import annotations

import json
import os
import statistics
import time

from rapidfuzz import fuzz, process, utils

from bench.common import CLUSTERS, median_seconds
from fact_review.matching import match_case
from fact_review.matching.candidates import candidate_pairs
from fact_review.events import find_facts
from fact_review.matching.case_dates import borrow_dates
from fact_review.matching.checks import consistency_checks
from fact_review.matching.checks.context import CheckContext
from fact_review.matching.statements import MIN_SHARED_TERMS, case_sentences, link_statements
from fact_review.model import Article, CaseAnalysis
from fact_review.pipeline import analyse_article

CASE_SIZES = (10, 50, 100)
SENTENCES_PER_ARTICLE = 50
RUNS = 3
BASELINE_UP_TO = 50  # all-pairs cdist grows with the square of the sentences: too slow beyond this


def build_articles(count: int) -> list[Article]:
    """``count`` articles of ~50 sentences, each made of consecutive eval-dev reports (so mostly of one
    cluster); past the end of the data the reports come round again, as reprints do. The dev data fills
    about 50 such articles, so the 100-article case is those 50 reprinted: every sentence has an identical
    twin, and matches grow faster than candidate pairs there."""
    docs = [json.loads(line) for line in CLUSTERS.read_text(encoding="utf-8").splitlines()]
    articles, cursor = [], 0
    for _ in range(count):
        parts, sentences = [], 0
        while sentences < SENTENCES_PER_ARTICLE - 5:
            doc = docs[cursor % len(docs)]
            cursor += 1
            parts.append(doc["text"])
            sentences += len(doc["sentences"])
        articles.append(Article(text="\n".join(parts), published="2024-01-15"))
    return articles


def main() -> None:
    if not CLUSTERS.exists():
        print(f"bench_matching: {CLUSTERS} is absent; skipped")
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times include waiting for them)")
    print(f"{'articles':>8} {'sentences':>9} {'candidates':>10} {'analyse s':>9} {'match s':>8} {'cpu s':>6} "
          f"{'cpu us/c':>8} {'matches':>7} {'checks':>6} {'cdist s':>8} {'cdist/match':>11}")
    previous = None
    for count in CASE_SIZES:
        articles = build_articles(count)
        start = time.perf_counter()
        analysed = [analyse_article(a) for a in articles]
        analyse_seconds = time.perf_counter() - start
        sentences = case_sentences(analysed)
        candidates = len(candidate_pairs([s.profile.terms for s in sentences], [s.article for s in sentences],
                                         MIN_SHARED_TERMS))
        result, match_seconds, cpu_seconds = _timed_match(analysed)
        baseline = ""
        if count <= BASELINE_UP_TO:
            texts = [s.text for s in sentences]
            cdist_seconds = median_seconds(lambda: process.cdist(
                texts, texts, scorer=fuzz.token_set_ratio, processor=utils.default_process, score_cutoff=62,
                workers=-1), runs=1)
            baseline = f"{cdist_seconds:8.2f} {cdist_seconds / match_seconds:10.1f}x"
        print(f"{count:8d} {len(sentences):9d} {candidates:10d} {analyse_seconds:9.2f} {match_seconds:8.2f} "
              f"{cpu_seconds:6.2f} {cpu_seconds / max(candidates, 1) * 1e6:8.1f} {len(result.matches):7d} "
              f"{len(result.checks):6d} {baseline}")
        print(f"{'':8} end to end (analyse + match): {analyse_seconds + match_seconds:.2f} s"
              + ("   target for 50 articles < 2 s: " + ("OK" if analyse_seconds + match_seconds < 2 else "MISSED")
                 if count == 50 else ""))
        if previous:
            sentences_before, candidates_before, matches_before, seconds_before = previous
            print(f"{'':8} growth vs previous: sentences x{len(sentences) / sentences_before:.1f}, "
                  f"candidate pairs x{candidates / max(candidates_before, 1):.1f}, "
                  f"matches x{len(result.matches) / max(matches_before, 1):.1f}, "
                  f"match CPU time x{cpu_seconds / seconds_before:.1f}")
        previous = (len(sentences), candidates, len(result.matches), cpu_seconds)
        steps = _step_seconds(analysed)
        print(f"{'':8} steps (CPU s, share of matching): " + ", ".join(
            f"{name} {seconds:.2f} ({100 * seconds / sum(steps.values()):.0f}%)" for name, seconds in steps.items())
            + f"; {len(result.facts)} facts")


def _step_seconds(analysed: list) -> dict[str, float]:
    """Median CPU seconds of each step of ``match_case``, the events' steps (facts, time, counts,
    updates: ``fact_review.events``) apart from the linking and the checks they build on."""
    times: dict[str, list[float]] = {"link statements": [], "consistency checks": [], "events and facts": []}
    for _ in range(RUNS):
        clock = time.process_time()
        articles, notes = borrow_dates(analysed)
        sentences = case_sentences(articles)
        links = link_statements(sentences)
        times["link statements"].append(time.process_time() - clock)
        clock = time.process_time()
        context = CheckContext(articles, sentences, notes)
        checks = consistency_checks(context, links)
        times["consistency checks"].append(time.process_time() - clock)
        clock = time.process_time()
        find_facts(context, links, checks)
        times["events and facts"].append(time.process_time() - clock)
    return {name: statistics.median(values) for name, values in times.items()}


def _timed_match(analysed: list) -> tuple[CaseAnalysis, float, float]:
    """The result, and the median wall and CPU seconds of ``RUNS`` runs after a first one (which fills the
    caches of noun stems and the like, and would count them against the case)."""
    result = match_case(analysed)
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        match_case(analysed)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return result, statistics.median(walls), statistics.median(cpus)


if __name__ == "__main__":
    main()
