"""What the overview tests share: an article as the figure table and the timeline read it, and the two
sample reports imported as a case (the tests that use them skip when ../shared/samples is absent)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from fact_review.articles import read_article

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")


@dataclass(frozen=True)
class A:
    """An article: its id and its place in the case."""

    id: int
    position: int


def import_samples(service):
    """A case of the two sample reports, analysed by the real pipeline."""
    case = service.create_case("Kursk")
    service.import_articles(case.id, [read_article(p) for p in sorted(SAMPLES.glob("*.txt"))])
    return case
