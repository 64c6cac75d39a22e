"""schema.org ClaimReview JSON-LD: one ClaimReview per claim with a verdict.

Follows schema.org and Google's fact-check markup guidance: ``claimReviewed`` is a short summary of the
claim (under 75 characters, without the verdict), ``reviewRating`` carries the case's scale (bounds and
label; a label off the scale, such as Unverifiable, has no ``ratingValue``), ``itemReviewed`` is the
Claim with every source article where it or a matched statement appears.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any, Optional

from fact_review.reports.data import ReportArticle, ReportData, ReportEntry
from fact_review.reports.urls import http_url

CLAIM_REVIEWED_MAX = 74  # "under 75 characters"
ELLIPSIS = "…"


def _words(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    return (head.rsplit(" ", 1)[0] or head).rstrip() + ELLIPSIS  # at a word boundary when there is one


def _around(sentence: str, quote: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The words of ``sentence`` around ``quote`` that fit in ``limit`` characters, with ellipses where cut."""
    if len(sentence) <= limit:
        return sentence
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return _shorten(sentence, limit)
    words = sentence.split(" ")
    offsets = [0]
    for word in words[:-1]:
        offsets.append(offsets[-1] + len(word) + 1)
    first = max(i for i, offset in enumerate(offsets) if offset <= at)
    last = max(i for i, offset in enumerate(offsets) if offset < at + len(quote)) + 1

    def fits(i: int, j: int) -> bool:
        return len(" ".join(words[i:j])) + (i > 0) + (j < len(words)) <= limit

    if not fits(first, last):
        return _shorten(quote, limit)
    grew = True
    while grew:
        grew = False
        if last < len(words) and fits(first, last + 1):
            last, grew = last + 1, True
        if first > 0 and fits(first - 1, last):
            first, grew = first - 1, True
    return (ELLIPSIS if first else "") + " ".join(words[first:last]) + (ELLIPSIS if last < len(words) else "")


def claim_reviewed(entry: ReportEntry) -> str:
    """The claim in under 75 characters: its sentence around the quote, never naming the verdict."""
    sentence, quote = _words(entry.sentence), _words(entry.quote.text)
    summary = _around(sentence, quote)
    if entry.verdict and re.search(rf"\b{re.escape(entry.verdict.label)}\b", summary, re.IGNORECASE):
        summary = _shorten(quote)
    return summary


def _when(published: Optional[str]) -> Optional[datetime]:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _drop_empty(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def creative_work(article: ReportArticle) -> dict[str, Any]:
    return _drop_empty({
        "@type": "CreativeWork",
        "url": http_url(article.url),
        "headline": article.title,
        "author": {"@type": "Person", "name": article.author} if article.author else None,
        "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None,
        "datePublished": article.published,
    })


def _appearances(entry: ReportEntry) -> list[ReportArticle]:
    seen: dict[int, ReportArticle] = {entry.article.id: entry.article}
    for match in entry.matches:
        seen.setdefault(match.article.id, match.article)
    return list(seen.values())


def _first_appearance(articles: list[ReportArticle]) -> Optional[ReportArticle]:
    dated = [(moment, article.position, article) for article in articles if (moment := _when(article.published))]
    return min(dated, key=lambda item: item[:2])[2] if dated else None


def _rating(entry: ReportEntry, data: ReportData) -> dict[str, Any]:
    verdict = entry.verdict
    rating: dict[str, Any] = {"@type": "Rating"}
    if verdict.rating is not None:
        rating.update(ratingValue=verdict.rating, bestRating=data.scale.best, worstRating=data.scale.worst)
    rating["alternateName"] = verdict.label
    if verdict.note:
        rating["ratingExplanation"] = verdict.note
    return rating


def _organization(data: ReportData) -> Optional[dict[str, Any]]:
    if not data.publisher:
        return None
    return _drop_empty({"@type": "Organization", "name": data.publisher.name, "url": http_url(data.publisher.url)})


def _author(entry: ReportEntry, data: ReportData) -> Optional[dict[str, Any]]:
    """The reviewer (working for the publisher, when one is set), else the publisher."""
    organization = _organization(data)
    if entry.verdict.reviewer:
        return _drop_empty({"@type": "Person", "name": entry.verdict.reviewer, "worksFor": organization})
    return organization


def _review_url(entry: ReportEntry, data: ReportData) -> Optional[str]:
    evidence = http_url(entry.verdict.evidence_url)
    if evidence:
        return evidence
    case_url = http_url(data.case_url)
    return f"{case_url.split('#')[0]}#claim-{entry.claim_id}" if case_url else None


def claim_review(entry: ReportEntry, data: ReportData) -> dict[str, Any]:
    """The ClaimReview of one claim with a verdict."""
    appearances = _appearances(entry)
    first = _first_appearance(appearances)
    claim = _drop_empty({
        "@type": "Claim",
        "appearance": [creative_work(article) for article in appearances],
        "firstAppearance": creative_work(first) if first else None,
        "datePublished": first.published if first else None,
    })
    return _drop_empty({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(entry),
        "reviewRating": _rating(entry, data),
        "itemReviewed": claim,
        "author": _author(entry, data),
        "publisher": _organization(data),
        "datePublished": entry.verdict.updated_at.isoformat(timespec="seconds"),
        "url": _review_url(entry, data),
    })


def claim_reviews(data: ReportData) -> list[dict[str, Any]]:
    return [claim_review(entry, data) for entry in data.entries if entry.verdict is not None]


def render_claimreview(data: ReportData) -> str:
    """A JSON array of ClaimReviews; ``<``, ``>`` and ``&`` are escaped so it can sit in a <script> block."""
    text = json.dumps(claim_reviews(data), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
