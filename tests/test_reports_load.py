"""load_report_data end to end: articles imported into a real database, verdicts set, the report read back."""
from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from report_fixtures import open_seeded_database

from fact_review.errors import InputError
from fact_review.reports.claimreview import claim_reviews
from fact_review.reports.data import load_report_data
from fact_review.reports.html import render_html
from fact_review.reports.json_report import render_json
from fact_review.reports.markdown import render_markdown

@pytest.fixture
def service(tmp_path):
    with open_seeded_database(tmp_path / "review.db") as service:
        yield service


def _claims(service):
    return {(c.article_id, c.text): c for c in service.claims(service.get_case("budget").id)}


def test_every_claim_with_its_matches_verdict_and_discrepancy(service):
    claims = _claims(service)
    twelve = next(c for (a, text), c in claims.items() if text == "12")
    fourteen = next(c for (a, text), c in claims.items() if text == "14")
    service.set_verdict(twelve.id, "False", note="The minutes say 14 million.", evidence_url="https://minutes.example",
                        reviewer="Ana")
    service.set_verdict(twelve.id, "Mostly false", note="Rounded down.", reviewer="Ben")
    disputed = next(e for e in load_report_data(service, "budget").entries if e.claim_id == twelve.id)
    assert disputed.verdict is None  # two reviewers differ: nothing is published until an adjudicator settles it
    assert [(v.reviewer, v.label) for v in disputed.reviewer_verdicts] == [("Ana", "False"), ("Ben", "Mostly false")]
    service.set_verdict(twelve.id, "Mostly false", note="Rounded down, says the clerk.", reviewer="Cleo", final=True)

    data = load_report_data(service, "budget")
    assert [a.title for a in data.articles] == ["Council approves budget", "Budget passed"]
    assert data.articles[1].url == "javascript:alert(1)"  # kept as written; renderers decide about links
    assert len(data.entries) == 4 and data.summary.claims_found == 4 and data.summary.reviewed == 1
    assert {c.label: c.count for c in data.summary.by_label}["Mostly false"] == 1

    entry = next(e for e in data.entries if e.claim_id == twelve.id)
    assert entry.sentence == "The council approved a budget of 12 million on Monday."
    assert entry.quote.text == "12" and entry.quote.prefix.endswith("budget of ")
    assert entry.figure.value == Decimal("12") and entry.in_conflict
    assert [(m.article.title, m.text, m.relation) for m in entry.matches] == [
        ("Budget passed", "The council passed a budget of 14 million.", "conflict")]
    assert [f.value for f in entry.matches[0].figures] == [Decimal("14")]
    assert (entry.verdict.label, entry.verdict.rating, entry.verdict.reviewer, entry.verdict.final) == (
        "Mostly false", 2, "Cleo", True)
    assert [(v.reviewer, v.label, v.note) for v in entry.reviewer_verdicts] == [
        ("Ana", "False", "The minutes say 14 million."), ("Ben", "Mostly false", "Rounded down.")]
    assert entry.history == ()  # only when asked

    other = next(e for e in data.entries if e.claim_id == fourteen.id)
    assert [m.text for m in other.matches] == ["The council approved a budget of 12 million on Monday."]

    [discrepancy] = data.discrepancies
    assert [c.claim_id for c in discrepancy.claims] == [twelve.id, fourteen.id]
    assert discrepancy.explanation == "12 million against 14 million" and not discrepancy.resolved
    assert data.summary.discrepancies == 1 and data.summary.discrepancies_resolved == 0
    document = json.loads(render_json(data))
    published = next(e for e in document["entries"] if e["claim_id"] == twelve.id)
    assert (published["verdict"]["label"], published["verdict"]["final"]) == ("Mostly false", True)
    assert [(v["reviewer"], v["label"]) for v in published["reviewer_verdicts"]] == [
        ("Ana", "False"), ("Ben", "Mostly false")]


def test_history_when_asked(service):
    twelve = next(c for (a, text), c in _claims(service).items() if text == "12")
    service.set_verdict(twelve.id, "False", reviewer="Ana")
    service.set_verdict(twelve.id, "True", reviewer="Ben")
    service.set_verdict(twelve.id, "Half true", reviewer="Ana")
    entry = next(e for e in load_report_data(service, "budget", with_history=True).entries if e.claim_id == twelve.id)
    assert [(h.reviewer, h.before and h.before.label, h.after.label) for h in entry.history] == [
        ("Ana", None, "False"), ("Ben", None, "True"), ("Ana", "False", "Half true")]  # each reviewer's own row


def test_dismissed_claims_and_flags(service):
    claims = _claims(service)
    three_hundred = [c for (a, text), c in claims.items() if text == "300"]
    service.dismiss_claim(three_hundred[0].id)
    service.set_flag(three_hundred[1].id, True)
    data = load_report_data(service, "budget")
    assert three_hundred[0].id not in [e.claim_id for e in data.entries]
    flagged = next(e for e in data.entries if e.claim_id == three_hundred[1].id)
    assert flagged.flagged and flagged.verdict is None


def test_a_note_without_a_verdict_is_not_rated_anywhere(service):
    twelve = next(c for (a, text), c in _claims(service).items() if text == "12")
    service.annotate(twelve.id, note="Ask the clerk.", evidence_url="https://minutes.example", reviewer="Ana")
    data = load_report_data(service, "budget", with_history=True)
    entry = next(e for e in data.entries if e.claim_id == twelve.id)
    assert entry.verdict is None and entry.history == ()
    assert data.summary.reviewed == 0 and not data.discrepancies[0].resolved
    assert claim_reviews(data) == []
    service.set_verdict(twelve.id, "False", reviewer="Ana")
    data = load_report_data(service, "budget", with_history=True)
    entry = next(e for e in data.entries if e.claim_id == twelve.id)
    assert (entry.verdict.label, entry.verdict.note) == ("False", "Ask the clerk.")
    assert [(h.before, h.after.label) for h in entry.history] == [(None, "False")]
    assert len(claim_reviews(data)) == 1


def test_agreeing_reviewers_are_published_once_an_editor_confirms(service):
    twelve = next(c for (a, text), c in _claims(service).items() if text == "12")
    for reviewer in ("Ana", "Ben"):
        service.set_verdict(twelve.id, "False", note=f"{reviewer} read the minutes.", reviewer=reviewer)
    data = load_report_data(service, "budget")
    entry = next(e for e in data.entries if e.claim_id == twelve.id)
    assert entry.verdict is None and entry.awaiting_final and data.summary.reviewed == 0
    assert claim_reviews(data) == []
    unreviewed = render_markdown(data).split("## Claims not reviewed")[1].split("##")[0]
    assert f"| {twelve.id} |" in unreviewed and "awaiting a final verdict" in unreviewed
    row = re.search(rf'<tr id="claim-{twelve.id}">.*?</tr>', render_html(data), re.S).group(0)
    assert "awaiting a final verdict" in row
    document = json.loads(render_json(data))
    published = next(e for e in document["entries"] if e["claim_id"] == twelve.id)
    assert published["verdict"] is None and [v["label"] for v in published["reviewer_verdicts"]] == ["False", "False"]

    service.set_verdict(twelve.id, "False", reviewer="Cleo", final=True)
    data = load_report_data(service, "budget")
    entry = next(e for e in data.entries if e.claim_id == twelve.id)
    assert (entry.verdict.label, entry.verdict.reviewer, entry.awaiting_final) == ("False", "Cleo", False)
    assert [r["reviewRating"]["alternateName"] for r in claim_reviews(data)] == ["False"]
    assert "awaiting a final verdict" not in render_markdown(data)


def test_an_unknown_case_is_bad_input(service):
    with pytest.raises(InputError, match="no case named 'nope'"):
        load_report_data(service, "nope")
