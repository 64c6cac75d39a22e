"""ClaimReview JSON-LD: every field of every ClaimReview, checked against the rules for fact-check markup."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import GOOD_URL, hostile_report

from fact_review.reports.claimreview import claim_reviewed, render_claimreview
from fact_review.reports.data import Publisher

CASE_URL = "https://desk.example/checks/council-budget"


def _reviews():
    data = replace(hostile_report(), case_url=CASE_URL, publisher=Publisher("Desk <b>", "https://desk.example"))
    text = render_claimreview(data)
    return data, text, json.loads(text)


def test_one_claimreview_per_rated_claim_and_safe_to_embed():
    data, text, reviews = _reviews()
    assert [r["url"] for r in reviews] == [f"{CASE_URL}#claim-101", f"{CASE_URL}#claim-102",
                                           f"{CASE_URL}#claim-103", GOOD_URL]
    assert len(reviews) == sum(1 for e in data.entries if e.verdict) == 4
    assert "<" not in text and ">" not in text  # a </script> in a note cannot end an embedding script block


def test_every_field():
    data, _, reviews = _reviews()
    rated = [e for e in data.entries if e.verdict]
    for entry, review in zip(rated, reviews):
        verdict = entry.verdict
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert 0 < len(review["claimReviewed"]) < 75
        assert not re.search(rf"\b{re.escape(verdict.label)}\b", review["claimReviewed"], re.IGNORECASE)

        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] == verdict.label
        assert rating.get("ratingExplanation") == verdict.note
        if verdict.rating is None:
            assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
        else:
            assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
            assert rating["worstRating"] <= rating["ratingValue"] == verdict.rating <= rating["bestRating"]

        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        sources = [entry.article] + [m.article for m in entry.matches]
        assert [a["headline"] for a in claim["appearance"]] == [a.title for a in sources]
        for appearance, article in zip(claim["appearance"], sources):
            assert appearance["@type"] == "CreativeWork"
            assert appearance["publisher"] == {"@type": "Organization", "name": article.outlet}
            http = article.url if article.url and article.url.startswith("https://") else None
            assert appearance.get("url") == http  # javascript: and data: addresses are left out
        dated = [a for a in sources if a.published]
        if dated:
            earliest = min(dated, key=lambda a: datetime.fromisoformat(a.published).replace(tzinfo=None))
            assert claim["firstAppearance"]["headline"] == earliest.title
        else:
            assert "firstAppearance" not in claim

        assert review["author"] == {"@type": "Person", "name": verdict.reviewer,
                                    "worksFor": {"@type": "Organization", "name": "Desk <b>",
                                                 "url": "https://desk.example"}}
        assert datetime.fromisoformat(review["datePublished"]) == verdict.updated_at.replace(microsecond=0)
        expected_url = verdict.evidence_url if verdict.evidence_url == GOOD_URL else f"{CASE_URL}#claim-{entry.claim_id}"
        assert review["url"] == expected_url


def test_first_appearance_is_the_earliest_source():
    _, _, reviews = _reviews()
    # Claim 101 is in a source of 25 May and matched in one of 24 May.
    assert reviews[0]["itemReviewed"]["firstAppearance"]["datePublished"] == "2025-05-24"
    assert len(reviews[0]["itemReviewed"]["appearance"]) == 2


def test_a_long_sentence_is_cut_around_the_claim():
    entry = hostile_report().entries[3]
    sentence = ("After a long morning of speeches about the parks budget and the new library, police said "
                "almost 300 people attended the evening meeting in the old town hall on the river.")
    summary = claim_reviewed(replace(entry, sentence=sentence))
    assert len(summary) < 75 and "almost 300 people" in summary
    assert summary.startswith("…") and summary.endswith("…")


def test_the_verdict_is_kept_out_of_the_summary():
    entry = hostile_report().entries[3]  # Half true
    summary = claim_reviewed(replace(entry, sentence="It was half true that almost 300 people attended."))
    assert summary == "almost 300 people"


@given(st.text(min_size=1), st.text(min_size=1, max_size=60), st.text())
def test_the_summary_is_short_and_holds_the_quote(before, quote, after):
    entry = hostile_report().entries[4]
    sentence = " ".join(f"{before} {quote} {after}".split())
    quote_words = " ".join(quote.split())
    summary = claim_reviewed(replace(entry, sentence=sentence, quote=replace(entry.quote, text=quote)))
    assert 0 < len(summary) < 75 or not sentence
    if quote_words:
        assert quote_words in summary
