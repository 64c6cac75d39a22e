"""ClaimReview JSON-LD, checked field by field against Google's fact-check structured data (required and
recommended properties), on hand-built reports and on the demo case as a desk would publish it."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import GOOD_URL, hostile_report

from fact_review.reports.claimreview import claim_reviewed, missing_settings, render_claimreview
from fact_review.reports.data import Publisher, load_report_data
from fact_review.store import CaseSettings, DeskSettings, open_service
from ui.demo import import_demo_case

CASE_URL = "https://desk.example/checks/council-budget"
DESK = Publisher("Desk <b>", "https://desk.example", "https://desk.example/logo.png")

# Google Search Central, "Fact check (ClaimReview) structured data": property -> required?
CLAIM_REVIEW_FIELDS = {"claimReviewed": True, "reviewRating": True, "url": True,
                       "author": False, "datePublished": False, "itemReviewed": False}
AUTHOR_FIELDS = {"name": True, "url": False}
RATING_FIELDS = {"alternateName": True, "name": False, "ratingValue": False, "bestRating": False,
                 "worstRating": False}
CLAIM_FIELDS = {"appearance": False, "author": False, "datePublished": False, "firstAppearance": False}


def _check_fields(node: dict, fields: dict[str, bool], where: str, *, recommended: bool) -> None:
    wanted = [name for name, required in fields.items() if required or recommended]
    missing = [name for name in wanted if node.get(name) in (None, "", [], {})]
    assert missing == [], f"{where} lacks {missing}"


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def validate(review: dict, *, recommended: bool = True) -> None:
    """One ClaimReview against the field list, with the value types Google expects."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    _check_fields(review, CLAIM_REVIEW_FIELDS, "ClaimReview", recommended=recommended)
    assert review["url"].startswith(("https://", "http://"))
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    _check_fields(rating, RATING_FIELDS, "reviewRating", recommended=recommended)
    if "ratingValue" in rating:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    if recommended:
        assert review["author"]["@type"] in ("Organization", "Person")
        _check_fields(review["author"], AUTHOR_FIELDS, "author", recommended=True)
        _iso(review["datePublished"])
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        _check_fields(claim, CLAIM_FIELDS, "itemReviewed", recommended=True)
        _iso(claim["datePublished"])
        assert claim["author"]["@type"] in ("Organization", "Person") and claim["author"]["name"]
        for work in (*claim["appearance"], claim["firstAppearance"]):
            assert work["@type"] == "CreativeWork" and work["url"].startswith("https://")


def _reviews(**changes):
    data = replace(hostile_report(), **{"case_url": CASE_URL, "publisher": DESK, **changes})
    text = render_claimreview(data)
    return data, text, json.loads(text)


def test_one_claimreview_per_rated_claim_each_at_its_anchor_and_safe_to_embed():
    data, text, reviews = _reviews()
    assert [r["url"] for r in reviews] == [f"{CASE_URL}#claim-{n}" for n in (101, 102, 103, 104)]
    assert len(reviews) == len(data.reviewed_entries) == 4
    assert "<" not in text and ">" not in text  # a </script> in a note cannot end an embedding script block


def test_a_fragment_in_the_review_url_is_replaced_by_the_claim_s_anchor():
    _, _, reviews = _reviews(case_url=CASE_URL + "#top")
    assert reviews[0]["url"] == f"{CASE_URL}#claim-101"


def test_the_required_fields_are_always_there_once_the_review_url_is_set():
    _, _, reviews = _reviews()
    for review in reviews:
        validate(review, recommended=False)


def test_rating_author_publisher_and_appearances():
    data, _, reviews = _reviews()
    for entry, review in zip(data.reviewed_entries, reviews):
        verdict = entry.verdict
        rating = review["reviewRating"]
        assert rating["alternateName"] == rating["name"] == verdict.label
        assert rating.get("ratingExplanation") == verdict.note
        if verdict.rating is None:  # Unverifiable: off the scale, so no value and no bounds
            assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
        else:
            assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (1, verdict.rating, 5)
        desk = {"@type": "Organization", "name": "Desk <b>", "url": "https://desk.example",
                "logo": {"@type": "ImageObject", "url": "https://desk.example/logo.png"}}
        assert review["author"] == review["publisher"] == desk
        assert review.get("citation") == (GOOD_URL if verdict.evidence_url == GOOD_URL else None)
        assert _iso(review["datePublished"]) == verdict.updated_at.replace(microsecond=0)

        claim = review["itemReviewed"]
        sources = [entry.article] + [m.article for m in entry.matches]
        assert [a["headline"] for a in claim["appearance"]] == [a.title for a in sources]
        for appearance, article in zip(claim["appearance"], sources):
            http = article.url if article.url and article.url.startswith("https://") else None
            assert appearance.get("url") == http  # javascript: and data: addresses are left out


def test_first_appearance_is_the_earliest_source_and_names_its_date_and_claimant():
    _, _, reviews = _reviews()
    claim = reviews[0]["itemReviewed"]  # claim 101 is in a source of 25 May, matched in one of 24 May
    assert claim["firstAppearance"]["datePublished"] == claim["datePublished"] == "2025-05-24"
    assert len(claim["appearance"]) == 2
    assert claim["author"]["@type"] == "Person"  # the 24 May article's author


def test_without_a_desk_the_reviewer_is_the_author_and_the_missing_settings_are_named():
    data, _, reviews = _reviews(publisher=None, case_url=None)
    assert reviews[3]["author"] == {"@type": "Person", "name": "Ana Pérez"}
    assert "url" not in reviews[3] and "publisher" not in reviews[3]
    assert [item.split(",")[0] for item in missing_settings(data)] == [
        "the review URL (where the fact-check is published)", "the publisher's name"]


def test_the_claim_reviewed_is_the_whole_sentence():
    entry = hostile_report().entries[3]
    sentence = ("After a long morning of speeches about the parks budget and the new library, police said\n"
                "almost 300 people attended the evening meeting in the old town hall on the river.")
    assert claim_reviewed(replace(entry, sentence=sentence)) == " ".join(sentence.split())


@given(st.text(), st.text(min_size=1))
def test_the_claim_reviewed_is_never_empty_and_never_cut(sentence, quote):
    entry = hostile_report().entries[4]
    summary = claim_reviewed(replace(entry, sentence=sentence, quote=replace(entry.quote, text=quote)))
    words = " ".join(sentence.split())
    assert summary == (words or " ".join(quote.split()))
    assert "…" not in summary or "…" in sentence + quote


@pytest.fixture(scope="module")
def demo_reviews(tmp_path_factory):
    """The demo case reviewed and set up for publishing, as a desk would: settings, then verdicts."""
    service = open_service(tmp_path_factory.mktemp("demo") / "desk.db")
    try:
        case = import_demo_case(service)
        service.set_desk_settings(DeskSettings("Harwick Fact Desk", "https://facts.example",
                                               "https://facts.example/logo.png"))
        service.set_case_settings(case.id, CaseSettings("https://facts.example/checks/harwick-flood", "final"))
        claims = service.claims(case.id)
        for claim, label in zip(claims[:4], ("Mostly true", "False", "True", "Half true")):
            service.set_verdict(claim.id, label, note="Checked with the county.", reviewer="Ana")
        data = load_report_data(service, case.name)
    finally:
        service.close()
    return data, json.loads(render_claimreview(data))


def test_the_demo_case_s_claimreview_carries_every_required_and_recommended_field(demo_reviews):
    data, reviews = demo_reviews
    assert len(reviews) == 4 and missing_settings(data) == []
    for entry, review in zip(data.reviewed_entries, reviews):
        validate(review)
        assert review["url"] == f"https://facts.example/checks/harwick-flood#claim-{entry.claim_id}"
        assert review["author"]["name"] == review["publisher"]["name"] == "Harwick Fact Desk"
        assert review["claimReviewed"] == " ".join(entry.sentence.split())
        assert " ".join(entry.quote.text.split()) in review["claimReviewed"]
