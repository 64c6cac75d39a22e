"""Dates for articles that give none: an article without a published date reads its relative and
year-less dates ("Tuesday", "April 26") against the case's other dates, and says so."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Optional, Sequence

from fact_review.claims import extract_claims
from fact_review.claims.dates.words import date_words
from fact_review.model import AnalysedArticle, Claim
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
        result[index] = replace(analysed, claims=_dates_reread(analysed, reference))
        notes[index] = (
            f"{source_name(analysed.article, index)} gives no published date; its dates are read against "
            f"{date_words(reference.date().isoformat())}, the published date of "
            f"{source_name(articles[origin].article, origin)}."
        )
    return result, notes


def _dates_reread(analysed: AnalysedArticle, reference: datetime) -> tuple[Claim, ...]:
    """The article's claims with its dates read again against ``reference``; every other claim is kept as
    it was (a reviewer's correction, a count the extractor gave)."""
    kept = [c for c in analysed.claims if c.kind != "date"]
    dates = [c for c in extract_claims(analysed.article.text, reference) if c.kind == "date"
             and not any(k.start < c.end and c.start < k.end for k in kept)]
    return tuple(sorted(kept + dates, key=lambda c: (c.start, c.end)))


def reference_times(articles: Sequence[AnalysedArticle]) -> list[Optional[datetime]]:
    """Each article's reference time: its published date, else the one it borrows (None when no article
    of the case gives one)."""
    published = {k: day for k, a in enumerate(articles) if (day := _published(a)) is not None}
    result: list[Optional[datetime]] = []
    for index in range(len(articles)):
        borrowed = _borrowed_from(published, index)
        result.append(published.get(index) or (borrowed[0] if borrowed else None))
    return result


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
