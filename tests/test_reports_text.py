"""Shared report wording: values, figures, bidi closing."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fact_review.reports.data import Figure
from fact_review.reports.text import close_bidi, decimal_text, figure_text

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
