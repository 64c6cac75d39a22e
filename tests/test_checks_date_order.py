"""The same-sentence date-order check finds its phrases in one pass, with the meaning of a search that
ends at each date, and a sentence packed with dates costs time in proportion to its length."""
from __future__ import annotations

import re
import time

from hypothesis import given, strategies as st

from fact_review.matching.checks.dates import _order_phrases
from fact_review.model import Article
from fact_review.pipeline import analyse_case

# The phrase as one regular expression that must end where the anchor date starts.
_ENDING_AT = re.compile(r"\b(after|before|following|since)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)


def _phrase_ending_at(text: str, end: int):
    found = _ENDING_AT.search(text[:end])
    return (found.start(), found[1].lower()) if found and found.end() == end else None


@given(st.lists(st.sampled_from(["after", "Before", "following", "since", "the", "an", "a", "vote", "May",
                                 "5", "x-y", "aftermath", ",", "."]), max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=12, max_size=12))
def test_phrases_found_in_one_pass_are_those_a_search_finds(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps)) + "3 May"
    phrases = _order_phrases(text)
    for end in range(len(text) + 1):
        if end < len(text) and text[end].isspace():
            continue  # a date never starts with a space
        assert phrases.get(end) == _phrase_ending_at(text, end), (text, end)


def test_the_order_check_still_reads_a_phrase_with_a_duration():
    [check] = [c for c in analyse_case([Article(
        text="The vote took place on May 3, 2021, two days after the May 5, 2021 protest.",
        published="2024-03-10")]).checks if c.kind == "date"]
    assert check.status == "conflict" and [c.claim.text for c in check.claims][-1] == "two days"


def _best_seconds(dates: int) -> float:
    sentence = "Talks began " + " ".join(
        f"{'after' if k % 3 else 'before'} {k % 28 + 1} May 2021," for k in range(dates)) + " officials said."
    article = Article(text=sentence, published="2024-03-10")
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        analyse_case([article])
        best = min(best, time.perf_counter() - began)
    return best


def test_a_sentence_packed_with_dates_is_checked_in_linear_time():
    # A search of the sentence's beginning for every pair of dates grew with the cube of their number.
    assert _best_seconds(800) < 12 * _best_seconds(200)
