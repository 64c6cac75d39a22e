"""Dates for articles that give none: an article without a published date reads its relative and
year-less dates ("Tuesday", "April 26") against the case's other dates, and says so."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Optional, Sequence

from fact_review.claims import extract_claims
from fact_review.claims.dates.words import date_words
from fact_review.model import AnalysedArticle
from fact_review.sources import source_name


def borrow_dates(articles: Sequence[AnalysedArticle]) -> tuple[list[AnalysedArticle], dict[int, str]]:
    """The articles, those without a published date re-read against a borrowed reference date, and for
    each of those a note for explanations."""
    published = {k: day for k, a in enumerate(articles) if (day := _published(a)) is not None}
    result, notes = list(articles), {}
    for index, analysed in enumerate(articles):
        if index in published:
            continue
        source = _borrowed_from(published, index)
        if source is None:
            continue
        reference, origin = source
        result[index] = replace(analysed, claims=tuple(extract_claims(analysed.article.text, reference)))
        notes[index] = (
            f"{source_name(analysed.article, index)} gives no published date; its dates are read against "
            f"{date_words(reference.date().isoformat())}, the published date of "
            f"{source_name(articles[origin].article, origin)}."
        )
    return result, notes


def _published(analysed: AnalysedArticle) -> Optional[datetime]:
    from fact_review.pipeline import reference_time  # the pipeline imports matching: import at call time

    return reference_time(analysed.article)


def _borrowed_from(published: dict[int, datetime], index: int) -> Optional[tuple[datetime, int]]:
    """The latest published date among the other articles (news about one story is read at its latest)."""
    others = [(day.replace(tzinfo=None), k) for k, day in published.items() if k != index]
    if not others:
        return None
    day, origin = max(others)
    return published[origin], origin
