"""schema.org ClaimReview JSON-LD: one ClaimReview per claim with a verdict, with every field Google's
fact-check structured data requires or recommends.

- ``url``: the page where the fact-check is published (the case's "review URL" setting) with the claim's
  anchor, ``#claim-ID`` as in the HTML report; left out until the review URL is set.
- ``author`` and ``publisher``: the desk (its settings: name, website, logo) as an Organization; without
  one, the author is the reviewer.
- ``claimReviewed``: the whole sentence that makes the claim, as a reader would quote it.
- ``reviewRating``: the label (``alternateName`` and ``name``) and, for a label on the scale, its value
  and the scale's bounds.
- ``itemReviewed``: the Claim with every source where it or a matched statement appears, the earliest
  of them as ``firstAppearance``, its date and its author.

Dates are ISO 8601 here: this is data for machines. The JSON escapes ``<``, ``>`` and ``&`` so it can sit
in an HTML ``<script>`` block whatever a title or note holds.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional

from fact_review.reports.data import ReportArticle, ReportData, ReportEntry
from fact_review.reports.urls import http_url

CLAIM_ANCHOR = "claim-{}"  # the id of a claim's section in the HTML report


def claim_reviewed(entry: ReportEntry) -> str:
    """The claim as a whole sentence: the sentence it is in, on one line (its own words when none)."""
    return " ".join(entry.sentence.split()) or " ".join(entry.quote.text.split())


def review_url(entry: ReportEntry, data: ReportData) -> Optional[str]:
    """Where this claim's review is read: the case's review URL with the claim's anchor."""
    page = http_url(data.case_url)
    return f"{page.split('#')[0]}#{CLAIM_ANCHOR.format(entry.claim_id)}" if page else None


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


def _outlet(article: ReportArticle) -> Optional[dict[str, Any]]:
    return {"@type": "Organization", "name": article.outlet} if article.outlet else None


def creative_work(article: ReportArticle) -> dict[str, Any]:
    return _drop_empty({
        "@type": "CreativeWork",
        "url": http_url(article.url),
        "headline": article.title,
        "author": {"@type": "Person", "name": article.author} if article.author else None,
        "publisher": _outlet(article),
        "datePublished": article.published,
    })


def _appearances(entry: ReportEntry) -> list[ReportArticle]:
    seen: dict[int, ReportArticle] = {entry.article.id: entry.article}
    for match in entry.matches:
        seen.setdefault(match.article.id, match.article)
    return list(seen.values())


def _first_appearance(articles: list[ReportArticle]) -> Optional[ReportArticle]:
    """The earliest dated source; the only one when there is one; None when the order is unknown."""
    dated = [(moment, article.position, article) for article in articles if (moment := _when(article.published))]
    if dated:
        return min(dated, key=lambda item: item[:2])[2]
    return articles[0] if len(articles) == 1 else None


def _claimant(article: Optional[ReportArticle]) -> Optional[dict[str, Any]]:
    """Who made the claim: the article's author, else its outlet."""
    if article is None:
        return None
    return {"@type": "Person", "name": article.author} if article.author else _outlet(article)


def _rating(entry: ReportEntry, data: ReportData) -> dict[str, Any]:
    verdict = entry.verdict
    rating: dict[str, Any] = {"@type": "Rating"}
    if verdict.rating is not None:
        rating.update(ratingValue=verdict.rating, bestRating=data.scale.best, worstRating=data.scale.worst)
    rating.update(alternateName=verdict.label, name=verdict.label)
    if verdict.note:
        rating["ratingExplanation"] = verdict.note
    return rating


def _organization(data: ReportData) -> Optional[dict[str, Any]]:
    publisher = data.publisher
    if not publisher:
        return None
    logo = http_url(publisher.logo)
    return _drop_empty({"@type": "Organization", "name": publisher.name, "url": http_url(publisher.url),
                        "logo": {"@type": "ImageObject", "url": logo} if logo else None})


def _author(entry: ReportEntry, data: ReportData) -> Optional[dict[str, Any]]:
    """The desk that publishes the fact-check; the reviewer when no desk is set."""
    organization = _organization(data)
    if organization:
        return organization
    return {"@type": "Person", "name": entry.verdict.reviewer} if entry.verdict.reviewer else None


def claim_review(entry: ReportEntry, data: ReportData) -> dict[str, Any]:
    """The ClaimReview of one claim with a verdict."""
    appearances = _appearances(entry)
    first = _first_appearance(appearances)
    claim = _drop_empty({
        "@type": "Claim",
        "appearance": [creative_work(article) for article in appearances],
        "firstAppearance": creative_work(first) if first else None,
        "datePublished": first.published if first else None,
        "author": _claimant(first or entry.article),
    })
    return _drop_empty({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(entry, data),
        "claimReviewed": claim_reviewed(entry),
        "reviewRating": _rating(entry, data),
        "itemReviewed": claim,
        "author": _author(entry, data),
        "publisher": _organization(data),
        "datePublished": entry.verdict.updated_at.isoformat(timespec="seconds"),
        "citation": http_url(entry.verdict.evidence_url),
    })


def claim_reviews(data: ReportData) -> list[dict[str, Any]]:
    return [claim_review(entry, data) for entry in data.reviewed_entries]


def missing_settings(data: ReportData) -> list[str]:
    """What the ClaimReview lacks for publishing, in words for the person exporting it."""
    missing = []
    if not http_url(data.case_url):
        missing.append("the review URL (where the fact-check is published), a case setting")
    if not data.publisher:
        missing.append("the publisher's name, a desk setting")
    return missing


def render_claimreview(data: ReportData) -> str:
    """A JSON array of ClaimReviews; ``<``, ``>`` and ``&`` are escaped so it can sit in a <script> block."""
    text = json.dumps(claim_reviews(data), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
