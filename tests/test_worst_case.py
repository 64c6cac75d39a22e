"""Worst cases cost time in proportion to their size: one 100,000-character sentence full of dates and
numbers, and one article of 5,000 claims, each against a tenth of itself measured in the same test (a
linear cost is 10 times that; a search of a sentence's beginning for every pair of its dates was cubic)."""
from __future__ import annotations

import time
from itertools import cycle, islice

from fact_review.claims import extract_claims
from fact_review.claims.dates import find_dates
from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.claims.worth import assess
from fact_review.model import Article
from fact_review.pipeline import analyse_case

SMALL_MULTIPLE = 3  # of the linear baseline

_CLAUSES = (
    "on {d} May 2025 some {n} drones and {m} missiles were fired, {p}% of them shot down",
    "{n} people were hurt between {d} and {e} June 2024, two days after the {d} May vote",
    "a total of {s} projectiles, {n} rockets and {m} shells, struck {p} homes on 2025-05-{d:02d}",
    "of the {s} people treated, {n} were adults and {m} were children, including {p} babies",
    "costs rose to ${n}.5 million since {d} March, about {p} percent more than the {m} planned",
)


def _clauses():
    for k, clause in enumerate(cycle(_CLAUSES)):
        n, m = 100 + k % 900, 10 + k % 90
        yield clause.format(d=1 + k % 28, e=2 + k % 27, n=n, m=m, s=n + m, p=1 + k % 99)


def storm_sentence(chars: int) -> str:
    """One sentence (no full stop until the end) of ``chars`` characters, dense with dates and numbers."""
    text = ""
    for clause in _clauses():
        if len(text) >= chars:
            break
        text += clause + "; "
    return "Officials said " + text[:chars] + "."


def article_of(claims: int) -> str:
    """An article in paragraphs of a few sentences, ``claims`` claims or so in all."""
    sentences = [clause[0].upper() + clause[1:] + "." for clause in islice(_clauses(), claims // 4)]
    return "\n\n".join(" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3))


def _best_seconds(text: str) -> float:
    article = Article(text=text, published="2025-05-26T12:00:00+00:00")
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        analyse_case([article])
        best = min(best, time.perf_counter() - began)
    return best


def test_a_sentence_of_100000_characters_full_of_dates_and_numbers_costs_linear_time():
    full, tenth = storm_sentence(100_000), storm_sentence(10_000)
    assert len(extract_claims(full)) > 4_000
    assert _best_seconds(full) < SMALL_MULTIPLE * 10 * _best_seconds(tenth)


def test_an_article_of_5000_claims_costs_linear_time():
    full, tenth = article_of(5_000), article_of(500)
    assert len(extract_claims(full)) >= 5_000
    assert _best_seconds(full) < SMALL_MULTIPLE * 10 * _best_seconds(tenth)


def test_a_long_text_read_a_run_of_lines_at_a_time_gives_what_one_reading_gives():
    text = article_of(20_000)  # about 300,000 characters: several pieces
    assert len(text) > 4 * 65_536
    whole = merge_claims(find_numeric_claims(text), find_dates(text, None))
    assert extract_claims(text) == assess(text, whole, None, None)
