"""A note, an evidence url and a flag on a fact, with or without a verdict, as on a claim (both engines): the
window's note and flag keys work on the figure table's facts through these."""
from __future__ import annotations

import pytest

from fact_review.model import Article
from fact_review.store import open_service

FIRST = "Rebels fired 70 rockets at the port of Varna overnight. The attack killed 12 sailors on Monday."
SECOND = "Rebels fired 69 rockets at the port of Varna overnight. The attack killed 14 sailors on Monday."


@pytest.fixture
def desk(any_db):
    with open_service(any_db) as service:
        case = service.create_case("Varna")
        service.import_articles(case.id, [Article(text=t, path=p, published="2024-06-01").with_text(t)
                                          for t, p in ((FIRST, "a.txt"), (SECOND, "b.txt"))])
        yield service, case


def sailors(service, case, viewer=None):
    return next(f for f in service.facts(case.id, viewer=viewer) if "sailors" in f.label)


def test_a_note_before_any_verdict_is_kept_and_the_verdict_keeps_it(desk):
    service, case = desk
    key = sailors(service, case).key
    noted = service.annotate_fact(case.id, key, note="ask the navy", reviewer="ana")
    assert (noted.before, noted.after.label, noted.after.note) == (None, None, "ask the navy")
    fact = sailors(service, case)
    assert fact.rated_id == noted.fact_id and fact.own("ana").note == "ask the navy"
    assert fact.verdict.label is None  # a note is no verdict
    rated = service.set_fact_verdict(case.id, key, "False", reviewer="ana")
    assert (rated.after.label, rated.after.note) == ("False", "ask the navy")
    service.annotate_fact(case.id, key, evidence_url="https://example.org/navy", reviewer="ana")
    kept = sailors(service, case).own("ana")
    assert (kept.label, kept.note, kept.evidence_url) == ("False", "ask the navy", "https://example.org/navy")
    cleared = service.annotate_fact(case.id, key, note="", reviewer="ana")
    assert not cleared.after.note and cleared.after.label == "False"
    assert [e.after.note or None for e in service.fact_verdict_history(noted.fact_id)] == [
        "ask the navy", "ask the navy", "ask the navy", None]


def test_an_empty_note_on_an_unrated_fact_makes_nothing(desk):
    service, case = desk
    change = service.annotate_fact(case.id, sailors(service, case).key, note="", reviewer="ana")
    assert (change.fact_id, change.after) == (None, None)
    assert sailors(service, case).rated_id is None


def test_a_flag_is_the_reviewers_own_and_comes_off_again(desk):
    service, case = desk
    key = sailors(service, case).key
    flagged = service.set_fact_flag(case.id, key, True, reviewer="ana")
    assert flagged.after.flagged and flagged.after.label is None
    fact = sailors(service, case)
    assert fact.own("ana").flagged and fact.own("ben") is None
    assert service.set_fact_flag(case.id, key, False, reviewer="ana").before.flagged
    assert sailors(service, case).own("ana") is None  # a flag alone was all there was
