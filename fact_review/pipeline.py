"""The pure analysis steps in order: article -> sentences -> claims; articles -> matches and checks."""
from __future__ import annotations

from datetime import datetime
from typing import Optional, Sequence

from fact_review.claims import extract_claims
from fact_review.matching import match_case
from fact_review.model import AnalysedArticle, Article, CaseAnalysis
from fact_review.sentences import split_sentences


def reference_time(article: Article) -> Optional[datetime]:
    """The article's published date/time, against which relative dates ("Tuesday") are resolved."""
    if not article.published:
        return None
    try:
        return datetime.fromisoformat(article.published)
    except ValueError:
        return None


def analyse_article(article: Article) -> AnalysedArticle:
    return AnalysedArticle(
        article=article,
        sentences=tuple(split_sentences(article.text)),
        claims=tuple(extract_claims(article.text, reference_time(article))),
    )


def analyse_case(articles: Sequence[Article]) -> CaseAnalysis:
    return match_case([analyse_article(a) for a in articles])
