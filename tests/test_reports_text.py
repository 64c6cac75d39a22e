"""Shared report wording: values, figures, bidi closing."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fact_review.reports.data import Figure, MatchedStatement, Quote, ReportArticle
from fact_review.reports.text import close_bidi, decimal_text, figure_text, in_whole_words, match_text

RLO, LRE, PDF, RLI, PDI, LRM = "\u202e", "\u202a", "\u202c", "\u2067", "\u2069", "\u200e"


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"),
    (f"report{RLO}gnp.exe", f"report{RLO}gnp.exe{PDF}{LRM}"),
    (f"a{RLO}b{PDF}c", f"a{RLO}b{PDF}c{LRM}"),
    (f"{RLI}x{LRE}y", f"{RLI}x{LRE}y{PDF}{PDI}{LRM}"),
    (f"{RLI}x{LRE}y{PDI}", f"{RLI}x{LRE}y{PDI}{LRM}"),  # a PDI closes the embeddings inside its isolate
    (f"{PDF}{PDI}stray", f"{PDF}{PDI}stray{LRM}"),
])
def test_close_bidi(text, expected):
    assert close_bidi(text) == expected


def test_values_read_as_written():
    assert decimal_text(Decimal("1E+3")) == "1000" and decimal_text(Decimal("-2.50")) == "-2.50"
    assert figure_text(Figure("almost 300 drones", "number", Decimal(300), None, "drones", "almost",
                              Decimal(270), Decimal(300))) == "almost 300 drones (270–300)"
    assert figure_text(Figure("25 May", "date", date="2025-05-25")) == "date 2025-05-25"


@pytest.mark.parametrize("prefix, suffix, expected_prefix, expected_suffix", [
    ("oods Harwick, ", " were moved ou", "Harwick, ", " were moved"),
    (" Harwick, ", " were moved ", "Harwick, ", " were moved"),  # whole words; the outer spaces go
    ("Harwick", "out", "Harwick", "out"),  # one word: nothing to cut back to
    ("", "", "", ""),
    ("ab\u202ecd ef ", " gh\nij", "ef ", " gh"),
])
def test_quote_context_is_cut_back_to_whole_words(prefix, suffix, expected_prefix, expected_suffix):
    assert in_whole_words(Quote(prefix, "1,200", suffix)) == Quote(expected_prefix, "1,200", expected_suffix)


def test_a_match_reads_as_words():
    article = ReportArticle(1, 0, None, "Wire", None, None, None)
    assert match_text(MatchedStatement(article, "text", 0.676, "conflict", "suggested", ())) == \
        "numbers conflict, 68% similar, suggested match"
    assert match_text(MatchedStatement(article, "text", 1.0, "none", "confirmed", ())) == \
        "no shared number, 100% similar, confirmed match"
    assert match_text(MatchedStatement(article, "text", 1.0, "none", "confirmed", (), "manual")) == "linked by hand"
