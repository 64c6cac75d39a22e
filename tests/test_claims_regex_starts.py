"""``StartIndex`` finds exactly what ``regex.finditer`` finds, trying each regex only where it can start."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from fact_review.claims.dates import PATTERNS
from fact_review.claims.regex_starts import StartIndex

_DATE_REGEXES = [p.regex for p in PATTERNS]
_DATES = StartIndex(_DATE_REGEXES)

# Pieces that the date patterns start with and continue with, mixed with separators and other scripts'
# characters that fold onto ASCII letters ("K" Kelvin sign, long s) or are digits or spaces of their own.
_PIECES = ["May", "may", "JUNE", "August", "Sept.", "the", "last", "next", "this", "early", "mid-", "end of", "on", "Tuesday",
           "tues", "week", "weekend", "ago", "years", "a", "half", "two", "twenty-five", "third", "3rd", "12", "5",
           "2025", "1990s", "'87", "’90s", "Q3", "H1", "FY2024", "9:30", "7pm", "p.m.", "a.m.", "10h30", "noon",
           "midnight", "morning", "tonight", "today", "Christmas", "Ramadan", "Eid", "2025-05-25", "25/05/2025",
           "05/25", "to", "-", "–", "/", ".", ",", ":", "'", "’", "(", ")", "@", "$", "%", "\u212a", "\u017f",
           "\u0663", "\u00a0", "\n", " ", "  ", "of", "in", "from", "until", "and", "between", "BST", "GMT"]


def _finditer_spans(index: StartIndex, regexes: list[re.Pattern], text: str) -> list[list[tuple]]:
    found: list[list[tuple]] = [[] for _ in regexes]
    for i, m in index.matches(text, lambda i: True):
        found[i].append((m.span(), m.groups()))
    return found


def _plain_spans(regexes: list[re.Pattern], text: str) -> list[list[tuple]]:
    return [[(m.span(), m.groups()) for m in r.finditer(text)] for r in regexes]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_date_patterns_match_as_a_full_scan_on_date_like_text(text):
    assert _finditer_spans(_DATES, _DATE_REGEXES, text) == _plain_spans(_DATE_REGEXES, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
@example("June–August 1992")  # a range whose dash is not ASCII
def test_date_patterns_match_as_a_full_scan_on_glued_pieces(text):
    assert _finditer_spans(_DATES, _DATE_REGEXES, text) == _plain_spans(_DATE_REGEXES, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_date_patterns_match_as_a_full_scan_on_any_text(text):
    assert _finditer_spans(_DATES, _DATE_REGEXES, text) == _plain_spans(_DATE_REGEXES, text)


_OWN = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:last|next)\s+week\b",  # words at a word start
    r"(?<![\w.])\d{1,2}:\d\d",  # a look-behind refusing word characters
    r"(?<=[-–])\d+",  # a look-behind requiring a dash
    r"(?:\bthe\s+)?(?<![\w$])(?P<y>19\d\d|20\d\d)",  # an optional start before another kind of start
    r"(\d)\1",  # a back-reference
    r"['’]\d\ds\b",  # a sign first: tried wherever the sign stands
    r"x*y",  # no word start asserted: scanned whole
)]


def test_own_regexes_match_as_a_full_scan():
    index = StartIndex(_OWN)
    text = "Last week, next  WEEK at 9:30 and 10:45.5 -- 3-4 the 1999 $2000 in 2001; 11 22 '90s xxy y Kelvin \u212a"
    assert _finditer_spans(index, _OWN, text) == _plain_spans(_OWN, text)
    assert _finditer_spans(index, _OWN, text)[0]  # the test text does exercise the regexes


def test_regexes_refused_by_wanted_are_skipped_and_order_is_kept():
    index = StartIndex(_OWN)
    text = "last week, then 9:30, 1999 and 2000; 11 '90s"
    found = [i for i, _ in index.matches(text, lambda i: i != 1)]
    assert found == sorted(found) and 1 not in found and {0, 3, 5} <= set(found)
