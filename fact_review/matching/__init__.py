"""Cross-source matching and consistency checks (being written)."""
from __future__ import annotations

from typing import Sequence

from fact_review.model import AnalysedArticle, CaseAnalysis


def match_case(articles: Sequence[AnalysedArticle]) -> CaseAnalysis:
    """Matches between the articles' sentences and consistency checks over their claims."""
    return CaseAnalysis(articles=tuple(articles))
