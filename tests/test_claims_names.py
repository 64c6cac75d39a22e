"""Numbers that are names, not claims: index and ranking names, product names, sports scores and street
numbers give no claim; the figures beside them still do."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims


@pytest.mark.parametrize("text, kept", [
    ("The S&P 500 fell 2% on Friday.", ["2%", "Friday"]),
    ("The FTSE 100 closed higher.", []),
    ("It is a Fortune 500 company with 300 staff.", ["300 staff"]),
    ("Apple sold 10 million iPhone 15 handsets.", ["10 million"]),
    ("Arsenal won 3-1 at home.", []),
    ("A 2-1 victory sealed the title.", []),
    ("The match ended in a 0-0 draw.", []),
    ("He lives at 10 Downing Street.", []),
    ("Protesters gathered at 1600 Pennsylvania Avenue.", []),
    ("Phase 3 trials began in season 2.", []),
    ("Passengers waited at gate 12.", []),
])
def test_names_give_no_claim(text, kept):
    assert [c.text for c in extract_claims(text)] == kept


@pytest.mark.parametrize("text, quote", [
    ("Prices rose 3-4% last year.", "3-4%"),  # a range, not a score
    ("The committee voted 5-4 to approve it.", "5"),  # a tally is a figure
    ("The cup final drew 80,000 fans.", "80,000 fans"),  # a match, but a count
])
def test_figures_near_match_words_stay(text, quote):
    assert quote in [c.text for c in extract_claims(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["S&P", "FTSE", "500", "100", "3", "-", "1", "won", "victory", "10", "Downing",
                                 "Street", "iPhone", "15", ",", "45", "Smith", "(", ")", "said", " "]),
                max_size=20).map(" ".join))
def test_name_rules_on_random_text(text):
    for claim in extract_claims(text):
        assert text[claim.start:claim.end] == claim.text
